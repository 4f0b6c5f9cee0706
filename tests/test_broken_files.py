"""Every deliberately broken file fails validation at the line its header names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from balint_trainer.core.validation import load_scenario_file
from tests.conftest import DATA_DIR

BROKEN = sorted((DATA_DIR / "broken").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (\d+):(\d+) (.+)$", re.MULTILINE)


def test_there_is_a_broken_file_for_each_rule() -> None:
    assert len(BROKEN) >= 25


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_file_fails_at_expected_position(path: Path) -> None:
    match = EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no '# expect: LINE:COL message' header"
    line, column, message = int(match[1]), int(match[2]), match[3]
    result = load_scenario_file(path)
    assert result.scenario is None
    assert not result.ok
    rendered = [str(p) for p in result.problems]
    assert f"{path}:{line}:{column}: " in "\n".join(rendered), rendered
    assert any(p.line == line and p.column == column and message in p.message for p in result.problems), (
        rendered
    )
