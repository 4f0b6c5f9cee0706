"""README's "Architecture" section matches the tree under ``balint_trainer/``.

The section's code block is a tree: a name at the start of a line (indented two spaces per
level) is a package (``name/``) or module(s) (``a.py, cli_*.py``) inside the entry above it;
unindented names are relative to the repository. Paths in backticks in the prose around it
(``gui/worker.py``, ``services/api.py``) are relative to ``balint_trainer/`` or the repository.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "balint_trainer"

ENTRY = re.compile(
    r"^(?P<indent> {0,6})(?P<names>[A-Za-z0-9_*.]+(?:/|\.py)(?:, [A-Za-z0-9_*.]+(?:/|\.py))*)(?: {2,}|$)"
)
PROSE_PATH = re.compile(r"`((?:[a-z_]+/)+(?:[a-z_*]+\.py)?|[a-z_]+/[a-z_*]+\.py)`")


def architecture_section(readme: str) -> str:
    match = re.search(r"^## Architecture\n(.*?)(?=^## )", readme, re.S | re.M)
    assert match, "README has no '## Architecture' section"
    return match.group(1)


def tree_paths(section: str) -> list[str]:
    """Every package and module the section's tree names, as paths relative to the repository."""
    block = re.search(r"^```\n(.*?)^```", section, re.S | re.M)
    assert block, "the Architecture section has no code block with the tree"
    parents: dict[int, str] = {}
    paths: list[str] = []
    for line in block.group(1).splitlines():
        match = ENTRY.match(line)
        if not match:
            continue
        depth = len(match["indent"]) // 2
        base = parents.get(depth - 1, "") if depth else ""
        names = match["names"].split(", ")
        for name in names:
            paths.append(base + name)
            if name.endswith("/"):
                parents[depth] = base + name
                # A deeper entry below a list of names belongs to the last directory named.
                for deeper in [d for d in parents if d > depth]:
                    del parents[deeper]
        # Several names on a line share the description; columns of the tree hold more.
        paths += re.findall(r"(?<=\S {2})\s*([a-z_]+/)(?= {2,})", line)
    return paths


def prose_paths(section: str) -> list[str]:
    return PROSE_PATH.findall(section)


def missing(path: str) -> bool:
    """True when ``path`` names nothing, relative to balint_trainer/ or the repository."""
    for root in (PACKAGE, REPO):
        for candidate in {path, path.removeprefix("balint_trainer/")} - {""}:
            if any(root.glob(candidate.rstrip("/"))):
                return False
    return True


def packages() -> list[str]:
    """Packages under balint_trainer/ two levels deep (core/packs/, gui/practice/, ...)."""
    found = []
    for init in sorted(PACKAGE.glob("*/__init__.py")) + sorted(PACKAGE.glob("*/*/__init__.py")):
        found.append(init.parent.relative_to(REPO).as_posix() + "/")
    return found


def top_level_modules() -> list[str]:
    return [
        p.relative_to(REPO).as_posix()
        for p in sorted(PACKAGE.glob("*.py"))
        if p.name not in {"__init__.py", "__main__.py"}
    ]


def covered(path: str, named: list[str]) -> bool:
    return any(Path(path).match(name) and name.count("/") == path.count("/") for name in named)


def check(readme: str) -> list[str]:
    section = architecture_section(readme)
    tree = tree_paths(section)
    problems = [f"README names {p!r}, which does not exist" for p in tree if missing(p)]
    problems += [f"README names `{p}`, which does not exist" for p in prose_paths(section) if missing(p)]
    for path in packages() + top_level_modules():
        if not covered(path, tree):
            problems.append(f"{path} is missing from README's Architecture tree")
    return problems


def test_readme_architecture_matches_the_tree() -> None:
    problems = check((REPO / "README.md").read_text(encoding="utf-8"))
    assert problems == [], "\n".join(problems)


def test_tree_names_the_packages_it_should() -> None:
    tree = tree_paths(architecture_section((REPO / "README.md").read_text(encoding="utf-8")))
    for name in ("balint_trainer/core/", "balint_trainer/gui/practice/", "balint_trainer/cli_*.py"):
        assert name in tree


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # A package the README names that is gone.
        (
            lambda s: s.replace("  reports/", "  reportz/", 1),
            "'balint_trainer/reportz/', which does not exist",
        ),
        # A package that exists but the README no longer lists.
        (lambda s: re.sub(r"^    accounts/.*\n", "", s, flags=re.M), "gui/accounts/ is missing"),
        # A module in the prose that was renamed.
        (lambda s: s + "\nThe seam is `gui/wurker.py`.\n", "`gui/wurker.py`, which does not exist"),
    ],
)
def test_check_catches(edit: Callable[[str], str], expected: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = architecture_section(readme)
    broken = readme.replace(section, edit(section))
    assert any(expected in p for p in check(broken)), check(broken)


def test_every_screenshot_is_referenced_and_every_reference_exists() -> None:
    """tools/make_screenshots.py writes what the README shows; no stale or missing images."""
    texts = [(REPO / "README.md").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "docs").glob("*.md"))]
    text = "\n".join(texts)
    referenced = set(re.findall(r"docs/screenshots/([a-z0-9-]+\.png)", text))
    on_disk = {p.name for p in (REPO / "docs" / "screenshots").glob("*.png")}
    assert referenced - on_disk == set(), "referenced but missing"
    assert on_disk - referenced == set(), "in docs/screenshots but shown nowhere"
