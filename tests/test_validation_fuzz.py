"""Hostile or mangled input never crashes the loader and always yields positioned problems."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balint_trainer.core.validation import load_scenario_bytes
from tests.conftest import DATA_DIR

MINIMAL = (DATA_DIR / "valid" / "minimal.yaml").read_text(encoding="utf-8")
MINIMAL_LINES = MINIMAL.splitlines(keepends=True)


def _check(raw: bytes | str) -> None:
    result = load_scenario_bytes(raw, "fuzz.yaml")
    if result.scenario is None:
        assert result.problems, "an invalid file must say why"
    line_count = (raw.count(b"\n") if isinstance(raw, bytes) else raw.count("\n")) + 1
    for problem in result.problems:
        assert 1 <= problem.line <= line_count + 1
        assert problem.column >= 1
        assert str(problem).startswith(f"fuzz.yaml:{problem.line}:{problem.column}: ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(raw: bytes) -> None:
    _check(raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    drop=st.sets(st.integers(0, len(MINIMAL_LINES) - 1), max_size=6),
    junk=st.lists(
        st.sampled_from(["  ", "- ", ": ", "{", "]", "&a ", "*a", "!!int ", "'", "\t", "é"]), max_size=4
    ),
    at=st.integers(0, len(MINIMAL_LINES) - 1),
)
def test_mangled_minimal_scenario(drop: set[int], junk: list[str], at: int) -> None:
    lines = [line for index, line in enumerate(MINIMAL_LINES) if index not in drop]
    if lines:
        position = min(at, len(lines) - 1)
        lines[position] = "".join(junk) + lines[position]
    _check("".join(lines))


def test_mangling_keeps_valid_file_valid_when_untouched(tmp_path: Path) -> None:
    assert load_scenario_bytes(MINIMAL, "fuzz.yaml").ok
