"""Scenario editor: item-writing audit warnings are listed live, apart from errors, and clear when fixed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMessageBox

from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.gui.authoring.editor import ScenarioEditor
from balint_trainer.gui.authoring.editor_audit import audit_warnings

AUDIT = Path(__file__).resolve().parent.parent / "data" / "audit"
SCENARIOS = Path(__file__).resolve().parent.parent.parent / "scenarios"
LONG_KEY = '"Can you tell us what it is like to sit with Mrs K when she lists her pains each week?"'


@pytest.fixture
def win(qtbot) -> ScenarioEditor:
    window = ScenarioEditor(None, None, AUDIT / "longest-key.yaml")
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _rows(window: ScenarioEditor) -> list[tuple[int, str]]:
    model = window.problem_model
    return [(model.index(r, 0).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_longest_key_warning_is_shown_and_disappears_after_fixing_the_text(
    qtbot, win: ScenarioEditor
) -> None:
    rows = _rows(win)
    assert len(rows) == 1
    line, message = rows[0]
    assert line == 17 and message.startswith(
        "warning: AUD001: the panel's choice (option 'a') is the longest"
    )
    assert "item-writing warning" in win.status_label.text()
    assert win.loaded is not None and win.loaded.ok and win.play_action.isEnabled()  # warnings never block
    # Told apart from errors by an icon and a dotted (not wavy) underline, not by colour alone.
    icon = win.problem_model.index(0, 2).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    (selection,) = win.editor.extraSelections()
    assert selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert selection.cursor.blockNumber() + 1 == 17

    # The organiser shortens the key: the warning goes once the edit is validated.
    win.editor.setPlainText(win.text.replace(LONG_KEY, '"What is it like to see her?"'))
    qtbot.waitUntil(lambda: win.problem_model.rowCount() == 0, timeout=3000)
    assert win.status_label.text() == "Valid scenario."
    assert win.editor.extraSelections() == []


def test_errors_and_warnings_are_distinct_and_errors_hide_the_audit(qtbot, win: ScenarioEditor) -> None:
    win.editor.setPlainText(win.text.replace("title:", "titel:", 1))
    qtbot.waitUntil(lambda: win.loaded is not None and not win.loaded.ok, timeout=3000)
    rows = _rows(win)
    assert rows and not any(
        message.startswith("warning:") for _, message in rows
    )  # not audited: errors first
    selections = win.editor.extraSelections()
    assert selections
    assert {s.format.underlineStyle() for s in selections} == {QTextCharFormat.UnderlineStyle.WaveUnderline}


def test_f8_reaches_a_warning(qtbot, win: ScenarioEditor) -> None:
    win.next_problem()
    assert win.editor.textCursor().blockNumber() + 1 == 17


def test_auditing_one_bundled_scenario_costs_less_than_validating_it() -> None:
    # The audit runs right after validation on the UI thread (6-15 ms per bundled file on an idle
    # 2-core VM, budget ~50 ms). Compared with validation of the same file, so a busy machine
    # slows both sides alike; best of 5 each.
    def best(call) -> float:  # type: ignore[no-untyped-def]
        timings = []
        for _ in range(5):
            start = time.perf_counter()
            call()
            timings.append(time.perf_counter() - start)
        return min(timings)

    for path in sorted(SCENARIOS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        loaded = load_scenario_bytes(text, path.name)
        validating = best(lambda: load_scenario_bytes(text, path.name))  # noqa: B023
        auditing = best(lambda: audit_warnings(loaded))  # noqa: B023
        assert auditing < max(validating, 0.01) * 1.5, path.name
