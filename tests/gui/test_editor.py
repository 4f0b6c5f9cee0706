"""Scenario editor: live validation, jumping, outline, undo/redo, atomic save, close prompt, play-test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox

from balint_trainer.core import fileio
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.gui.authoring.editor import LINE_ROLE, TEMPLATE, ScenarioEditor

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "minimal.yaml"
    shutil.copy(DATA / "minimal.yaml", path)
    return path


@pytest.fixture
def win(qtbot, scenario_file: Path) -> ScenarioEditor:
    window = ScenarioEditor(None, None, scenario_file)
    errors: list[tuple[str, str]] = []
    window.show_error = lambda title, detail: errors.append((title, detail))  # type: ignore[method-assign]
    window.errors = errors  # type: ignore[attr-defined]
    # Closing at teardown must never block on the unsaved-changes question.
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.editor.setFocus()
    return window


def _put_cursor(window: ScenarioEditor, line: int, column: int = 1) -> None:
    window.editor.jump_to(line, column)


def test_template_is_valid(qtbot) -> None:
    assert load_scenario_bytes(TEMPLATE, "template.yaml").ok
    window = ScenarioEditor()
    qtbot.addWidget(window)
    assert window.loaded is not None and window.loaded.ok
    assert window.play_action.isEnabled()
    assert not window.editor.document().isModified()


def test_typing_an_error_shows_it_with_its_line_after_a_pause(qtbot, win: ScenarioEditor) -> None:
    assert win.problem_model.rowCount() == 0
    _put_cursor(win, 5)  # "level: introductory"
    with qtbot.waitSignal(win.validated, timeout=3000) as signal:
        qtbot.keyClicks(win.editor, "x")
    loaded = signal.args[0]
    assert not loaded.ok
    assert win.problem_model.rowCount() == 1
    problem = win.problem_model.problems[0]
    assert (problem.line, problem.column) == (5, 1)
    assert "unknown key 'xlevel'" in problem.message
    assert win.problem_model.index(0, 0).data() == 5
    assert "1 problem" in win.status_label.text()
    assert not win.play_action.isEnabled()
    # The debounce coalesces a burst of typing into one validation.
    calls: list[object] = []
    win.validated.connect(calls.append)
    with qtbot.waitSignal(win.validated, timeout=3000):
        qtbot.keyClicks(win.editor, "yz")
    assert len(calls) == 1


def test_clicking_or_entering_a_problem_jumps_to_it(qtbot, win: ScenarioEditor) -> None:
    text = win.text.replace("competency: invite-feelings", "competency: nonsense")
    win.editor.setPlainText(text)
    win.validate_now()
    assert win.problem_model.rowCount() == 1
    expected_line = text.splitlines().index("    competency: nonsense") + 1
    _put_cursor(win, 1)
    index = win.problem_model.index(0, 2)
    rect = win.problems.visualRect(index)
    qtbot.mouseClick(win.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    cursor = win.editor.textCursor()
    assert cursor.blockNumber() + 1 == expected_line
    assert cursor.positionInBlock() + 1 == win.problem_model.problems[0].column == 17
    assert win.editor.hasFocus()

    _put_cursor(win, 1)
    win.problems.setFocus()
    win.problems.setCurrentIndex(win.problem_model.index(0, 0))
    qtbot.keyClick(win.problems, Qt.Key.Key_Return)
    assert win.editor.textCursor().blockNumber() + 1 == expected_line


def test_outline_lists_people_phases_decisions_and_jumps(qtbot, win: ScenarioEditor) -> None:
    model = win.outline_model
    labels = [model.item(row).text() for row in range(model.rowCount())]
    assert labels[0].startswith("Title: Minimal test scenario")
    people = next(model.item(r) for r in range(model.rowCount()) if model.item(r).text() == "People")
    assert [people.child(r).text() for r in range(people.rowCount())] == [
        "Dr Ana Reyes (presenter)",
        "Dr Ben Moss (member)",
    ]
    script = next(model.item(r) for r in range(model.rowCount()) if model.item(r).text() == "Script")
    phases = [script.child(r).text() for r in range(script.rowCount())]
    assert phases == [
        "Phase: frame",
        "Phase: presentation",
        "Phase: questions",
        "Phase: push-back",
        "Phase: return",
        "Phase: closing",
    ]
    decision = script.child(1).child(0)
    assert decision.text() == "Decision first: What now?"
    assert decision.rowCount() == 3 and decision.child(1).text() == "b: Talk."
    line = decision.data(LINE_ROLE)
    assert win.text.splitlines()[line - 1].strip() == "- decision: first"
    index = decision.index()
    win.outline.expand(index.parent())
    win.outline.scrollTo(index)
    rect = win.outline.visualRect(index)
    qtbot.mouseClick(win.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.editor.textCursor().blockNumber() + 1 == line


def test_outline_survives_invalid_scenario_but_not_broken_yaml(qtbot, win: ScenarioEditor) -> None:
    win.editor.setPlainText(win.text.replace("title: Minimal test scenario\n", ""))
    win.validate_now()
    assert win.outline_model.rowCount() > 0
    assert "Preview of an invalid scenario" in win.preview.toPlainText()
    win.editor.setPlainText("people: [unclosed\n")
    win.validate_now()
    assert win.problem_model.problems[0].message.startswith("YAML syntax")


def test_undo_and_redo_shortcuts(qtbot, win: ScenarioEditor) -> None:
    original = win.text
    assert not win.undo_action.isEnabled()
    _put_cursor(win, 3, 8)
    qtbot.keyClicks(win.editor, "Big ")
    assert win.text != original and win.undo_action.isEnabled()
    qtbot.keyClick(win.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert win.text == original
    assert win.redo_action.isEnabled()
    qtbot.keyClick(
        win.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert "title: Big Minimal" in win.text
    win.undo_action.trigger()
    assert win.text == original
    # Ctrl+Y redoes too, via the window's action.
    win.outline.setFocus()
    qtbot.keyClick(win.outline, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "title: Big Minimal" in win.text


def test_save_writes_atomically_and_keeps_line_endings(qtbot, win: ScenarioEditor, tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes((DATA / "minimal.yaml").read_bytes().replace(b"\n", b"\r\n"))
    assert win.open_path(crlf)
    _put_cursor(win, 3, 8)
    qtbot.keyClicks(win.editor, "Edited ")
    assert win.isWindowModified()
    assert win.save()
    data = crlf.read_bytes()
    assert b"title: Edited Minimal test scenario\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert not win.isWindowModified()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_failed_save_loses_nothing(qtbot, win: ScenarioEditor, scenario_file: Path, monkeypatch) -> None:
    before = scenario_file.read_bytes()
    _put_cursor(win, 3, 8)
    qtbot.keyClicks(win.editor, "Unsaved ")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full_disk)
    assert not win.save()
    assert scenario_file.read_bytes() == before
    assert win.isWindowModified() and "Unsaved" in win.text
    assert win.errors and "No space left" in win.errors[0][1]  # type: ignore[attr-defined]
    assert [p.name for p in scenario_file.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_save_as_and_close_prompt(qtbot, win: ScenarioEditor, tmp_path: Path) -> None:
    target = tmp_path / "sub" / "copy"
    win.ask_save_path = lambda: target.with_suffix(".yaml")  # type: ignore[method-assign]
    _put_cursor(win, 3, 8)
    qtbot.keyClicks(win.editor, "Copy ")
    answers = [QMessageBox.StandardButton.Cancel]
    win.ask_unsaved = lambda: answers[0]  # type: ignore[method-assign]
    assert not win.close()
    assert win.isVisible()
    answers[0] = QMessageBox.StandardButton.Save
    win.path = None  # as for a new file: Save asks where
    assert win.close()
    assert target.with_suffix(".yaml").read_text(encoding="utf-8").startswith("format: balint-scenario/1")
    assert "title: Copy Minimal" in target.with_suffix(".yaml").read_text(encoding="utf-8")


def test_new_from_template_asks_before_discarding(qtbot, win: ScenarioEditor) -> None:
    _put_cursor(win, 1)
    qtbot.keyClicks(win.editor, "# note")
    qtbot.keyClick(win.editor, Qt.Key.Key_Return)
    win.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    win.on_new()
    assert win.text == TEMPLATE and win.path is None
    assert win.windowTitle().startswith("untitled.yaml")


def test_preview_and_play_test(qtbot, win: ScenarioEditor) -> None:
    assert "Minimal test scenario" in win.preview.toPlainText()
    assert "Dr Ana Reyes" in win.preview.toPlainText()
    dialog = win.play_test()
    assert dialog is not None
    qtbot.addWidget(dialog)
    player = dialog.player  # type: ignore[attr-defined]
    assert player.session.scenario.id == "minimal-test"
    # Play-test uses the unsaved text.
    win.editor.setPlainText(win.text.replace("title: Minimal test scenario", "title: Unsaved title"))
    dialog2 = win.play_test()
    assert dialog2 is not None
    qtbot.addWidget(dialog2)
    assert dialog2.player.session.scenario.title == "Unsaved title"  # type: ignore[attr-defined]
    win.editor.setPlainText("id: [")
    assert win.play_test() is None
    assert win.errors  # type: ignore[attr-defined]


def test_highlighter_marks_keys_comments_and_keywords(qtbot, win: ScenarioEditor) -> None:
    win.editor.setPlainText("script:  # the steps\n  - say: leader\n    text: 'hi'\n")
    win.highlighter.rehighlight()
    document = win.editor.document()

    def formats(line: int) -> list[tuple[int, int, bool, bool]]:
        block = document.findBlockByNumber(line)
        return [
            (r.start, r.length, r.format.fontItalic(), r.format.fontWeight() > 500)
            for r in block.layout().formats()
        ]

    first = formats(0)
    assert any(start == 0 and length == 6 for start, length, _i, _b in first)  # key "script"
    assert any(italic and start == 9 for start, _l, italic, _b in first)  # comment
    assert any(bold and start == 4 for start, _l, _i, bold in formats(1))  # step keyword "say"
    cursor = QTextCursor(document)
    assert cursor is not None


def test_apostrophe_in_plain_text_is_not_a_string(qtbot, win: ScenarioEditor) -> None:
    # Bug: "the rota's real" turned the rest of the line into a string from the apostrophe on.
    win.editor.setPlainText("text: Well, the rota's real.\nnote: 'quoted'\nlist: [a, 'b']\n")
    win.highlighter.rehighlight()
    document = win.editor.document()
    string_colour = win.highlighter.formats["string"].foreground().color()

    def string_ranges(line: int) -> list[tuple[int, int]]:
        block = document.findBlockByNumber(line)
        return [
            (r.start, r.length)
            for r in block.layout().formats()
            if r.format.foreground().color() == string_colour
        ]

    assert string_ranges(0) == []
    assert string_ranges(1) == [(6, 8)]
    assert string_ranges(2) == [(10, 3)]


def test_highlighter_follows_dark_and_light_palettes(qtbot, win: ScenarioEditor) -> None:
    from PySide6.QtGui import QColor, QPalette

    light = win.highlighter.formats["key"].foreground().color().lightness()
    dark = QPalette(win.editor.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e0e0e0"))
    win.setPalette(dark)  # a palette change reaches the highlighter
    assert win.highlighter.formats["key"].foreground().color().lightness() > light
    # Keys stay readable: clearly lighter than the dark base.
    assert (
        win.highlighter.formats["key"].foreground().color().lightness() - QColor("#1e1e1e").lightness() > 100
    )


def test_problem_lines_are_underlined_in_the_text(qtbot, win: ScenarioEditor) -> None:
    # Bug: problems were only listed below the editor; the text itself showed nothing.
    assert win.editor.extraSelections() == []
    text = win.text.replace("title:", "titel:", 1)
    win.editor.setPlainText(text)
    win.validate_now()
    marked = {s.cursor.blockNumber() + 1 for s in win.editor.extraSelections()}
    lines = {win.problem_model.index(r, 0).data() for r in range(win.problem_model.rowCount())}
    assert marked and marked <= lines
    assert any("titel" in m for line in marked for m in win.editor.problem_messages(line))
    win.editor.setPlainText(text.replace("titel:", "title:", 1))
    win.validate_now()
    assert win.editor.extraSelections() == []


def test_built_in_scenario_is_saved_as_a_copy_in_the_user_folder(qtbot, built_in_folders) -> None:
    # Bug: "Save" on a built-in scenario overwrote the file shipped with the app.
    bundled, user = built_in_folders
    window = ScenarioEditor(None, None, bundled / "minimal.yaml")
    qtbot.addWidget(window)
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    assert window.is_bundled() and "built-in" in window.windowTitle()
    original = (bundled / "minimal.yaml").read_bytes()
    window.editor.jump_to(3, 8)
    window.editor.insertPlainText("Mine ")
    asked: list[Path] = []

    def ask() -> Path | None:
        asked.append(window.default_folder())
        return user / "minimal.yaml"

    window.ask_save_path = ask  # type: ignore[method-assign]
    assert window.save()
    assert asked == [user]
    assert (bundled / "minimal.yaml").read_bytes() == original
    assert "title: Mine Minimal" in (user / "minimal.yaml").read_text(encoding="utf-8")
    assert window.path == user / "minimal.yaml" and not window.is_bundled()


def test_copy_of_a_built_in_goes_where_merge_into_key_puts_it_and_replaces_it_in_the_library(
    qtbot, built_in_folders, monkeypatch
) -> None:
    # Bug: the copy kept the built-in's id, so the library flagged it as a duplicate and hid it.
    from PySide6.QtWidgets import QFileDialog

    from balint_trainer.core.catalogue import load_catalogue

    bundled, user = built_in_folders
    # The built-in's file name is taken by a different scenario of the user's: never suggest it.
    (user / "minimal.yaml").write_text(
        (DATA / "minimal.yaml").read_text("utf-8").replace("id: minimal-test", "id: other", 1), "utf-8"
    )
    suggested: list[str] = []

    def save_dialog(parent, title, start, filters):
        suggested.append(start)
        return start, filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window = ScenarioEditor(None, None, bundled / "minimal.yaml")
    qtbot.addWidget(window)
    original = (bundled / "minimal.yaml").read_bytes()
    assert window.save()
    assert suggested == [str(user / "minimal-2.yaml")]
    assert (bundled / "minimal.yaml").read_bytes() == original
    assert "takes its place in your library" in window.statusBar().currentMessage()
    entries = {e.id: e for e in load_catalogue([user], bundled_dir=bundled, use_cache=False)}
    assert entries["minimal-test"].path == user / "minimal-2.yaml" and entries["minimal-test"].ok
    assert not entries["minimal-test"].bundled and entries["other"].ok


@pytest.mark.parametrize("change", ["broken", "other-id"])
def test_copy_of_a_built_in_is_suggested_by_the_built_ins_id(
    qtbot, built_in_folders, monkeypatch, change
) -> None:
    # Bug: the suggestion followed the edited text's id. Text that did not validate (no id)
    # offered minimal-2.yaml beside the earlier copy (two copies, one id); text with another
    # scenario's id offered that scenario's file to overwrite.
    from PySide6.QtWidgets import QFileDialog

    bundled, user = built_in_folders
    text = (DATA / "minimal.yaml").read_text("utf-8")
    shutil.copy(DATA / "minimal.yaml", user / "minimal.yaml")  # the earlier copy
    (user / "mine.yaml").write_text(text.replace("id: minimal-test", "id: my-case", 1), "utf-8")
    suggested: list[str] = []

    def save_dialog(parent, title, start, filters):
        suggested.append(start)
        return "", filters  # cancelled: only the suggestion matters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window = ScenarioEditor(None, None, bundled / "minimal.yaml")
    qtbot.addWidget(window)
    if change == "broken":
        window.editor.setPlainText(text + "\nscript: [unclosed\n")
        expected = user / "minimal.yaml"
    else:
        window.editor.setPlainText(text.replace("id: minimal-test", "id: my-case", 1))
        expected = user / "my-case.yaml"
    window.validate_now()
    assert window.ask_save_path() is None
    assert suggested == [str(expected)]
