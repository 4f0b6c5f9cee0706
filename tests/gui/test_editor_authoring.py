"""Editor authoring aids: hints, find/replace, go to line, wrap, decision form, insert menu, preview, transcripts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit

from balint_trainer.core.decision_edit import read_decision
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.gui.authoring.editor import ScenarioEditor

DATA = Path(__file__).resolve().parent.parent / "data"
DECISION_LINE = 25  # "  - decision: first" in minimal.yaml


@pytest.fixture
def win(qtbot, tmp_path: Path) -> ScenarioEditor:
    path = tmp_path / "minimal.yaml"
    shutil.copy(DATA / "valid" / "minimal.yaml", path)
    window = ScenarioEditor(None, None, path)
    errors: list[tuple[str, str]] = []
    window.show_error = lambda title, detail: errors.append((title, detail))  # type: ignore[method-assign]
    window.errors = errors  # type: ignore[attr-defined]
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.editor.setFocus()
    return window


def _line_text(win: ScenarioEditor) -> str:
    return win.editor.textCursor().block().text()


def test_colon_in_prose_shows_the_hint_and_the_other_problems(qtbot, win: ScenarioEditor) -> None:
    text = win.text.replace("    prompt: What now?", "    prompt: What now? Invite questions: of fact.")
    text = text.replace("competency: invite-feelings", "competency: invite-feeling")
    text = text.replace("- decision: second", "- decision: second-renamed")
    win.editor.setPlainText(text)
    win.validate_now()
    problems = win.problem_model.problems
    assert "hint: a colon followed by a space inside text" in problems[0].message
    assert any("unknown competency 'invite-feeling'" in p.message for p in problems[1:])
    # The outline still follows the file (from the in-memory repair), and the form says what to fix.
    script = next(
        win.outline_model.item(r) for r in range(win.outline_model.rowCount())
        if win.outline_model.item(r).text() == "Script"
    )  # fmt: skip
    labels = [script.child(r).child(c).text() for r in range(script.rowCount())
              for c in range(script.child(r).rowCount())]  # fmt: skip
    assert any(label.startswith("Decision second-renamed") for label in labels), labels
    win.editor.jump_to(DECISION_LINE, 5)
    assert not win.authoring.edit_decision()
    assert "fix the syntax error" in win.statusBar().currentMessage()


def test_find_replace_keyboard(qtbot, win: ScenarioEditor) -> None:
    bar = win.authoring.find_bar
    qtbot.keyClick(win.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.find_edit.hasFocus()
    assert not bar.replace_edit.isVisible()
    qtbot.keyClicks(bar.find_edit, "dr-a")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert win.editor.textCursor().selectedText() == "dr-a"
    first = win.editor.textCursor().blockNumber()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    assert win.editor.textCursor().blockNumber() > first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert win.editor.textCursor().blockNumber() == first
    # Match case and whole words.
    bar.find_edit.setText("WAIT")
    bar.case_box.setChecked(True)
    assert not bar.find_next()
    bar.case_box.setChecked(False)
    assert bar.find_next() and win.editor.textCursor().selectedText() == "Wait"
    # Replace all, one undo step.
    original = win.text
    qtbot.keyClick(win.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_edit.isVisible()
    bar.find_edit.setText("dr-b")
    bar.replace_edit.setText("dr-c")
    count = original.count("dr-b")
    assert bar.replace_all() == count and "dr-b" not in win.text and win.text.count("dr-c") == count
    win.editor.undo()
    assert win.text == original
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible() and win.editor.hasFocus()


def test_whole_words(qtbot, win: ScenarioEditor) -> None:
    bar = win.authoring.find_bar
    win.editor.setPlainText("category cat\n")
    win.editor.moveCursor(win.editor.textCursor().MoveOperation.Start)
    bar.find_edit.setText("cat")
    bar.word_box.setChecked(True)
    assert bar.find_next()
    assert win.editor.textCursor().selectionStart() == len("category ")


def test_go_to_line_and_wrap_is_remembered(qtbot, win: ScenarioEditor) -> None:
    win.authoring.ask_line = lambda: 30  # type: ignore[method-assign]
    qtbot.keyClick(win.editor, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert win.editor.textCursor().blockNumber() + 1 == 30
    QSettings().remove("editor/wrap_lines")
    assert win.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    win.authoring.wrap_action.trigger()
    assert win.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    other = ScenarioEditor()
    qtbot.addWidget(other)
    assert other.authoring.wrap_action.isChecked()
    assert other.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    win.authoring.wrap_action.trigger()
    QSettings().remove("editor/wrap_lines")


def _edit_with_form(win: ScenarioEditor, change) -> bool:
    def run(form: QDialog) -> bool:
        change(form)
        return True

    win.authoring.run_form = run  # type: ignore[method-assign]
    return win.authoring.edit_decision()


def test_form_round_trips_a_decision_without_changing_any_other_byte(qtbot, win: ScenarioEditor) -> None:
    original = win.text
    win.editor.jump_to(DECISION_LINE + 2, 5)
    assert _edit_with_form(win, lambda form: None)
    assert win.text == original  # no-op: identical
    assert not win.editor.document().isModified()

    found = read_decision(original, DECISION_LINE)
    assert found is not None
    span = found[1]

    def change(form) -> None:
        form.prompt_edit.setPlainText("The presenter stops: what now?")
        form.options.item(1, 2).setText("Risky: it takes the focus.")
        form._add_expert()
        row = form.experts.rowCount() - 1
        form.experts.item(row, 1).setText("a")
        form.experts.item(row, 3).setText("5")
        form.rationale_edit.setPlainText("Silence is fine.\nIt gives the group room.\n")

    win.editor.jump_to(DECISION_LINE, 5)
    assert _edit_with_form(win, change)
    new = win.text
    end_new = span.end + len(new) - len(original)
    assert new[: span.start] == original[: span.start]
    assert new[end_new:] == original[span.end :]
    loaded = load_scenario_bytes(new, "x.yaml")
    assert loaded.ok, loaded.problems
    decision = loaded.scenario.decision("first")  # type: ignore[union-attr]
    assert decision.prompt == "The presenter stops: what now?"
    assert decision.options[1].feedback == "Risky: it takes the focus."
    assert decision.options[0].then  # consequences the form does not show are kept
    assert decision.experts[-1].best == "a" and decision.experts[-1].ratings == {"a": 5}
    win.editor.undo()
    assert win.text == original  # one undo step


def test_form_outside_a_decision_says_so(qtbot, win: ScenarioEditor) -> None:
    win.editor.jump_to(3, 1)
    assert not _edit_with_form(win, lambda form: None)
    assert "Put the cursor in a decision" in win.statusBar().currentMessage()


@pytest.mark.parametrize("kind", ["decision", "say", "narrate", "phase"])
def test_insert_menu_produces_valid_yaml(qtbot, win: ScenarioEditor, kind: str) -> None:
    win.editor.jump_to(DECISION_LINE + 3, 1)  # inside the first decision: insert after it
    actions = {
        "decision": win.authoring.insert_decision_action,
        "say": win.authoring.insert_say_action,
        "narrate": win.authoring.insert_narrate_action,
        "phase": win.authoring.insert_phase_action,
    }
    actions[kind].trigger()
    loaded = win.loaded
    assert loaded is not None
    errors = [p for p in loaded.errors if not (kind == "phase" and "phase" in p.message)]
    assert not errors, [str(p) for p in errors]
    line = _line_text(win)
    assert line.lstrip().startswith(f"- {kind}:"), line
    assert win.authoring.insert_menu.title()


def test_preview_shows_the_whole_script(qtbot, win: ScenarioEditor) -> None:
    text = win.preview.toPlainText()
    for expected in ("Who has a case?", "I have one.", "Decision first", "Lecture.", "Ask about the diagnosis."):
        assert expected in text, expected
    win.editor.setPlainText(win.text.replace("text: Talk.", "text: '<script>alert(1)</script> Talk'"))
    win.validate_now()
    assert "Talk" in win.preview.toPlainText()
    assert "<script" not in win.preview.toHtml()  # sanitised like the player


def test_new_from_transcript(qtbot, win: ScenarioEditor) -> None:
    sample = (DATA / "transcripts" / "gp-session.txt").read_text(encoding="utf-8")
    assert sample

    def run(wizard) -> bool:
        wizard.show()
        wizard.text_page.ask_path = lambda: DATA / "transcripts" / "gp-session.txt"
        qtbot.mouseClick(wizard.text_page.open_button, Qt.MouseButton.LeftButton)
        assert wizard.text_page.edit.toPlainText() == sample
        assert wizard.text_page.id_edit.text() == "gp-session"
        wizard.text_page.title_edit.setText("The patient who cries")
        wizard.next()
        people = wizard.people_page.table
        for row in range(people.rowCount()):
            if people.item(row, 0).text() == "Dr Maria Lopez":
                people.item(row, 1).setText("Dr Ana Reyes")
        wizard.next()
        lines = wizard.lines_page.table
        row = next(r for r in range(lines.rowCount()) if "changing practice" in lines.item(r, 3).text())
        lines.item(row, 1).setCheckState(Qt.CheckState.Checked)
        wizard.accept()
        return True

    win.editor.document().setModified(False)
    win.authoring.run_form = run  # type: ignore[method-assign]
    win.authoring.new_from_transcript()
    assert win.loaded is not None and win.loaded.ok, [str(p) for p in win.loaded.problems]
    assert win.path is None and win.editor.document().isModified()
    assert "Maria" not in win.text and "Dr Ana Reyes" in win.text
    assert "- decision: decision-1" in win.text


def test_form_refuses_an_unknown_best_option_and_a_bad_rating(qtbot, win: ScenarioEditor) -> None:
    from balint_trainer.gui.authoring.decision_form import DecisionForm

    found = read_decision(win.text, DECISION_LINE)
    assert found is not None
    form = DecisionForm(found[0], [], win)
    qtbot.addWidget(form)
    form.experts.item(0, 1).setText("z")
    form.experts.item(1, 3).setText("9")
    form.accept()
    assert form.result() != QDialog.DialogCode.Accepted
    assert "best option must be one of" in form.message.text() and "ratings are 1 to 5" in form.message.text()
    form.experts.item(0, 1).setText("a")
    form.experts.item(1, 3).setText("4")
    form.accept()
    assert form.result() == QDialog.DialogCode.Accepted


def test_decision_form_opens_from_the_keyboard(qtbot, win: ScenarioEditor) -> None:
    opened: list[str] = []

    def run(form: QDialog) -> bool:
        opened.append(form.windowTitle())
        return False  # Cancel: nothing changes

    win.authoring.run_form = run  # type: ignore[method-assign]
    original = win.text
    win.editor.jump_to(DECISION_LINE + 1, 5)
    qtbot.keyClick(
        win.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert opened == ["Decision first"] and win.text == original


def test_transcript_that_cannot_be_read_is_a_message(qtbot, win: ScenarioEditor, tmp_path: Path) -> None:
    from balint_trainer.gui.authoring.transcript_wizard import TranscriptWizard

    wizard = TranscriptWizard(win)
    qtbot.addWidget(wizard)
    wizard.text_page.ask_path = lambda: tmp_path  # a folder, not a text file
    wizard.text_page.on_open()
    assert wizard.text_page.message.text().startswith("Cannot read")
    assert wizard.text_page.edit.toPlainText() == ""
