"""Regenerate the Qt translation files of the user interface.

    python tools/update_translations.py              # lupdate (.py -> .ts) then lrelease (.ts -> .qm)
    python tools/update_translations.py --release-only   # only compile .ts -> .qm (build step)
    python tools/update_translations.py --check      # exit 1 if a .qm is not what its .ts compiles to

Strings are collected from ``self.tr()`` / ``QCoreApplication.translate()`` calls in
``balint_trainer/gui/**/*.py`` and from ``translate("Context", "text")`` calls
(:mod:`balint_trainer.core.localise`) in the Qt-free ``balint_trainer/reports``. Existing translations are kept (lupdate merges);
strings that disappeared from the code are dropped. Translate the ``unfinished``
entries in Qt Linguist (``pyside6-linguist resources/translations/balint_trainer_fa.ts``)
and run this again to compile them. In a plural (numerus) translation write the count as
``%Ln``, not ``%n``: ``%Ln`` is formatted with the interface locale (Persian digits in Persian);
tests/gui/test_persian_digits.py checks it.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# core/guidance.py: the Qt-free introduction and glossary, written as translate("Guidance", …) calls.
SOURCES = (
    ROOT / "balint_trainer" / "gui",
    ROOT / "balint_trainer" / "reports",
    ROOT / "balint_trainer" / "core" / "guidance.py",
    # services/error_templates.py: every ServiceError template, as QT_TRANSLATE_NOOP("ServiceError", …).
    ROOT / "balint_trainer" / "services" / "error_templates.py",
)
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fa",)


def _python_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"balint_trainer_{language}.ts"


def _tool(name: str) -> list[str]:
    """PySide6's bundled Qt tool, found next to the PySide6 package (any venv, any OS)."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.is_file():
            return [str(candidate)]
    return [f"pyside6-{name}"]  # on PATH, e.g. a distribution's PySide6


def source_files() -> list[Path]:
    return sorted(p for folder in SOURCES for p in _python_files(folder) if "__pycache__" not in p.parts)


def lupdate(language: str) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(files) + "\n")
    try:
        subprocess.run(
            [
                *_tool("lupdate"),
                f"@{listing.name}",
                "-no-obsolete",
                "-locations",
                "relative",
                "-target-language",
                language,
                "-ts",
                str(ts_path(language).relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
    finally:
        Path(listing.name).unlink(missing_ok=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def check() -> list[str]:
    """Names of .qm files that are missing or differ from a fresh compile of their .ts."""
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in sorted(TRANSLATIONS.glob("*.ts")):
            qm = ts.with_suffix(".qm")
            fresh = Path(tmp) / qm.name
            lrelease(ts, fresh)
            if not qm.is_file() or qm.read_bytes() != fresh.read_bytes():
                stale.append(qm.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release-only", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--check", action="store_true", help="fail if a .qm is out of date")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        for name in stale:
            print(f"{name} is out of date: run tools/update_translations.py", file=sys.stderr)
        return 1 if stale else 0
    if not args.release_only:
        for language in LANGUAGES:
            lupdate(language)
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        lrelease(ts, ts.with_suffix(".qm"))
        print(ts.with_suffix(".qm").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
