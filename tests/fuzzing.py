"""Mutations of real input for the untrusted-input fuzz test and benchmark (no hypothesis here).

Every mutator takes a :class:`random.Random`, so hypothesis (``st.randoms``, derandomized)
and the benchmark (a seeded ``Random``) drive the same cases. The checks assert what the
guarded path promises: no exception escapes, every scenario problem is one positioned
line, and what validates also renders.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

from balint_trainer.core.markdown_render import render_markdown
from balint_trainer.core.packs import PackError, read_pack
from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import LoadedScenario, load_scenario_bytes
from balint_trainer.services.bundles import read_bundle, validate_bundle
from balint_trainer.services.errors import BundleError

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = (ROOT / "tests" / "data" / "valid" / "minimal.yaml").read_bytes()
BUNDLED = sorted((ROOT / "scenarios").glob("*.yaml"))
POSITIONED = re.compile(r"^[^\n]*:(\d+):(\d+): [^\n]+$")

TAGS = (
    "!!bool maybe", "!!bool", "!!timestamp x", "!!timestamp 2020-13-45", "!!int", "!!int 0x", "!!float .",
    "!!float x", "!!binary", "!!binary '@@'", "!!python/object:os.system", "!!python/name:os.system",
    "!!python/object/apply:os.system ['true']", "!custom", "!", "!!set", "!!omap", "!!pairs", "!!str",
    "!!map", "!!seq", "!!null x", "!<tag:example.com,2000:x>", "&a", "*a", "*undefined", "<<: *a",
)  # fmt: skip
CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B)] + [
    "\u2028", "\u202e", "\ufeff", "\ufffe", "\ud800",
]  # fmt: skip
NUMBERS = ("9" * 20, "9" * 400, "9" * 5000, "-" + "1" * 4301, "1e999", "-.inf", ".nan", "0x" + "f" * 100, "0o7")
NESTING = ("- ", "[", "{a: ", "> ", "1. ", "* ", "    - ", "? ", "- [")


def seed_scenario(rng: Random) -> bytes:
    """Mostly the small test scenario (fast); sometimes a bundled one (real-sized)."""
    if BUNDLED and rng.random() < 0.08:
        return rng.choice(BUNDLED).read_bytes()
    return MINIMAL


def _lines(raw: bytes) -> list[bytes]:
    return raw.splitlines(keepends=True) or [b""]


def _insert_after_colon(raw: bytes, rng: Random, payload: bytes) -> bytes:
    lines = _lines(raw)
    index = rng.randrange(len(lines))
    line = lines[index]
    at = line.find(b": ")
    if at < 0:
        lines[index] = payload + b" " + line
    else:
        lines[index] = line[: at + 2] + payload + b" " + line[at + 2 :]
    return b"".join(lines)


def _nest(rng: Random) -> bytes:
    marker = rng.choice(NESTING)
    depth = rng.choice((5, 30, 200, 600, 3000))
    text = marker * depth + "x"
    if marker.startswith("[") or marker.startswith("{") or marker == "- [":
        return text.encode()
    # Markdown nesting inside a string value: the validator must bound it before rendering.
    return ("'" + text.replace("'", "''") + "'").encode()


def mutate_once(raw: bytes, rng: Random) -> bytes:
    kind = rng.randrange(12)
    position = rng.randrange(len(raw) + 1)
    if kind == 0:
        return _insert_after_colon(raw, rng, rng.choice(TAGS).encode())
    if kind == 1:
        char = rng.choice(CONTROL).encode("utf-8", "surrogatepass")
        return raw[:position] + char + raw[position:]
    if kind == 2:
        return _insert_after_colon(raw, rng, _nest(rng))
    if kind == 3:
        return _insert_after_colon(raw, rng, rng.choice(NUMBERS).encode())
    if kind == 4:
        return raw[:position]
    if kind == 5 and raw:
        index = min(position, len(raw) - 1)
        return raw[:index] + bytes([raw[index] ^ (1 << rng.randrange(8))]) + raw[index + 1 :]
    if kind == 6:
        lines = _lines(raw)
        del lines[rng.randrange(len(lines))]
        return b"".join(lines)
    if kind == 7:
        lines = _lines(raw)
        index = rng.randrange(len(lines))
        lines.insert(index, lines[index])
        return b"".join(lines)
    if kind == 8:
        return raw[:position] + rng.choice((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xef\xbb\xbf")) + raw[position:]
    if kind == 9:  # an alias "billion laughs" in front of the document
        width = rng.choice((3, 10))
        levels = rng.choice((3, 9))
        bomb = "a0: &a0 [x]\n" + "".join(
            f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(width))}]\n" for i in range(1, levels)
        )
        return bomb.encode() + raw
    if kind == 10:
        lines = _lines(raw)
        index = rng.randrange(len(lines))
        lines[index] = rng.choice((b"  ", b"\t", b"")) + lines[index].lstrip(b" ")
        return b"".join(lines)
    return raw[:position] + rng.choice((b"{", b"}", b"[", b"]", b"&", b"*", b'"', b"'", b": ", b"- ", b"%YAML 1.1\n")) + raw[position:]


def mutate(raw: bytes, rng: Random) -> bytes:
    for _ in range(rng.choice((1, 1, 2, 3))):
        raw = mutate_once(raw, rng)
    return raw


# --------------------------------------------------------------------------- checks


def check_problems(result: LoadedScenario, raw: bytes, name: str) -> None:
    if result.scenario is None or not result.ok:
        assert result.problems, "an invalid file must say why"
    lines = raw.count(b"\n") + raw.count(b"\r") + 2
    for problem in result.problems:
        text = str(problem)
        match = POSITIONED.match(text)
        assert match is not None, f"not one positioned line: {text!r}"
        assert text.startswith(f"{name}:")
        assert 1 <= problem.line <= lines and problem.column >= 1, text


def markdown_fields(data: Any) -> list[str]:
    keys = {"summary", "case", "text", "narrate", "prompt", "rationale", "feedback", "note"}
    found: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key in keys and isinstance(item, str):
                    found.append(item)
                else:
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
    return found


def check_scenario(raw: bytes, name: str = "fuzz.yaml") -> str:
    """Load one scenario through the guarded path; returns "valid" or "invalid"."""
    result = load_scenario_bytes(raw, name)
    check_problems(result, raw, name)
    if result.ok and result.scenario is not None:
        for text in markdown_fields(result.scenario.model_dump()):  # what validates also displays
            render_markdown(text)
            render_markdown(text, language="fa")
        return "valid"
    return "invalid"


def build_pack(scenarios: list[bytes], manifest: Callable[[list[dict[str, Any]]], bytes] | None = None) -> bytes:
    entries = []
    for index, raw in enumerate(scenarios):
        scenario_id = "minimal-test" if index == 0 else f"s{index}"
        entries.append(
            {
                "path": f"scenarios/{scenario_id}.yaml",
                "scenario_id": scenario_id,
                "title": "t",
                "sha256": hashlib.sha256(raw).hexdigest(),
                "size": len(raw),
            }
        )
    data = (
        manifest(entries)
        if manifest
        else json.dumps({"format": "balint-pack/1", "title": "Fuzz", "entries": entries}).encode()
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", data)
        for entry, raw in zip(entries, scenarios, strict=True):
            archive.writestr(entry["path"], raw)
    return out.getvalue()


def mutated_pack(rng: Random) -> bytes:
    kind = rng.randrange(3)
    if kind == 0:  # a well-formed pack carrying a mutated scenario: reaches the YAML path
        return build_pack([mutate(MINIMAL, rng)])
    if kind == 1:  # a hostile manifest

        def manifest(entries: list[dict[str, Any]]) -> bytes:
            data = {"format": "balint-pack/1", "title": "Fuzz", "entries": entries}
            return mutate_json(json.dumps(data).encode(), rng)

        return build_pack([MINIMAL], manifest)
    return mutate(build_pack([MINIMAL]), rng)  # the zip bytes themselves


def check_pack(raw: bytes, path: Path) -> str:
    path.write_bytes(raw)
    try:
        read_pack(path)
    except PackError as exc:
        assert exc.problems or exc.message
        for problem in exc.problems:
            assert problem and "\n" not in problem, repr(problem)
        return "refused"
    return "accepted"


def mutate_json(raw: bytes, rng: Random) -> bytes:
    kind = rng.randrange(5)
    position = rng.randrange(len(raw) + 1)
    if kind == 0:
        return raw[:position] + rng.choice(NUMBERS).encode() + raw[position:]
    if kind == 1:
        depth = rng.choice((10, 70, 1000, 100_000))
        return raw[:position] + b"[" * depth + b"]" * depth + raw[position:]
    if kind == 2:
        return raw.replace(b'"credit": 1.0', b'"credit": 1' + b"0" * rng.choice((5, 5000)), 1)
    return mutate(raw, rng)


def build_bundle(scenario: bytes = MINIMAL) -> bytes:
    loaded = load_scenario_bytes(scenario, "b.yaml")
    assert loaded.scenario is not None
    decision = loaded.scenario.decisions[0]
    option = decision.options[0].id
    text = scenario.decode("utf-8")
    data = {
        "format": "balint-attempts/1",
        "exported_at": "2026-01-01T00:00:00+00:00",
        "app_version": "0",
        "profile": {"name": "Ann", "role": "trainee", "cohort": None},
        "scenario_versions": [
            {"scenario_id": loaded.scenario.id, "sha256": hashlib.sha256(scenario).hexdigest(), "text": text}
        ],
        "attempts": [
            {
                "uid": "12345678-1234-1234-1234-123456789abc",
                "scenario_id": loaded.scenario.id,
                "sha256": hashlib.sha256(scenario).hexdigest(),
                "mode": "practice",
                "started_at": "2026-01-01T00:00:00+00:00",
                "finished_at": None,
                "answers": [
                    {
                        "decision_id": decision.decision,
                        "option_id": option,
                        "own_words": None,
                        "seconds": 3.5,
                        "credit": credit(decision, option),
                        "answered_at": "2026-01-01T00:01:00+00:00",
                    }
                ],
            }
        ],
    }
    return json.dumps(data, indent=1).encode()


VALID_BUNDLE = build_bundle()


def mutated_bundle(rng: Random) -> bytes:
    if rng.random() < 0.4:  # a mutated scenario text, with a matching checksum
        text = mutate(MINIMAL, rng).decode("utf-8", "replace")
        data = json.loads(VALID_BUNDLE)
        data["scenario_versions"][0]["text"] = text
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        data["scenario_versions"][0]["sha256"] = data["attempts"][0]["sha256"] = digest
        return json.dumps(data).encode()
    return mutate_json(VALID_BUNDLE, rng)


def check_bundle(raw: bytes, path: Path) -> str:
    path.write_bytes(raw)
    try:
        validate_bundle(read_bundle(path), str(path))
    except BundleError as exc:
        assert str(exc) and "\n" not in str(exc), repr(str(exc))
        return "refused"
    return "accepted"
