"""Wires the authoring aids into the scenario editor window (menus, shortcuts, edits with undo).

Kept out of ``authoring/editor.py`` (already long): the window calls
:func:`install` once after building its own menus.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QDialog, QMenu, QPlainTextEdit

from balint_trainer.core.competencies import PHASES
from balint_trainer.core.decision_edit import (
    DecisionEditError,
    insert_step,
    next_phase,
    read_decision,
    script_parses,
    write_decision,
)
from balint_trainer.gui.authoring.find_replace import FindBar, apply_wrap, go_to_line, wrap_setting
from balint_trainer.i18n import is_rtl

if TYPE_CHECKING:
    from balint_trainer.gui.authoring.editor import ScenarioEditor


def replace_text(editor: QPlainTextEdit, new_text: str) -> None:
    """Make the editor's text ``new_text`` by replacing only the part that differs (one undo step)."""
    old = editor.toPlainText()
    if old == new_text:
        return
    start = 0
    limit = min(len(old), len(new_text))
    while start < limit and old[start] == new_text[start]:
        start += 1
    end_old, end_new = len(old), len(new_text)
    while end_old > start and end_new > start and old[end_old - 1] == new_text[end_new - 1]:
        end_old -= 1
        end_new -= 1
    cursor = QTextCursor(editor.document())
    cursor.setPosition(start)
    cursor.setPosition(end_old, QTextCursor.MoveMode.KeepAnchor)
    cursor.beginEditBlock()
    cursor.insertText(new_text[start:end_new])
    cursor.endEditBlock()


class AuthoringTools:
    """The actions; ``window.authoring`` holds one so tests can reach them."""

    def __init__(self, window: ScenarioEditor) -> None:
        self.window = window
        editor = window.editor
        self.find_bar = FindBar(editor, window)
        translate = QCoreApplication.translate
        action = window._action
        self.find_action = action(translate("ScenarioEditor", "&Find…"), self.open_find, ["Ctrl+F"])
        self.replace_action = action(translate("ScenarioEditor", "R&eplace…"), self.open_replace, ["Ctrl+H"])
        self.find_next_action = action(
            translate("ScenarioEditor", "Find &Next"), self.find_bar.find_next, ["F3"]
        )
        self.find_previous_action = action(
            translate("ScenarioEditor", "Find Pre&vious"), self.find_bar.find_previous, ["Shift+F3"]
        )
        self.go_to_line_action = action(
            translate("ScenarioEditor", "&Go to Line…"), self.go_to_line, ["Ctrl+G"]
        )
        self.wrap_action = action(
            translate("ScenarioEditor", "&Wrap Long Lines"), self.toggle_wrap, ["Alt+Z"]
        )
        self.wrap_action.setCheckable(True)
        self.wrap_action.setChecked(wrap_setting())
        apply_wrap(editor, self.wrap_action.isChecked(), remember=False)
        self.decision_action = action(
            translate("ScenarioEditor", "Edit &Decision at Cursor…"), self.edit_decision, ["Ctrl+Shift+D"]
        )
        self.insert_decision_action = action(
            translate("ScenarioEditor", "&Decision"), lambda: self.insert("decision"), ["Ctrl+Alt+D"]
        )
        self.insert_say_action = action(
            translate("ScenarioEditor", "Transcript &Line (say)"), lambda: self.insert("say"), ["Ctrl+Alt+L"]
        )
        self.insert_narrate_action = action(
            translate("ScenarioEditor", "&Stage Direction (narrate)"),
            lambda: self.insert("narrate"),
            ["Ctrl+Alt+N"],
        )
        self.insert_phase_action = action(
            translate("ScenarioEditor", "Next &Phase"), lambda: self.insert("phase"), ["Ctrl+Alt+P"]
        )
        self.transcript_action = action(
            translate("ScenarioEditor", "New from &Transcript…"), self.new_from_transcript, []
        )
        self._build_menus()

    def _build_menus(self) -> None:
        window = self.window
        translate = QCoreApplication.translate
        bar = window.menuBar()
        menus = {m.title(): m for m in (a.menu() for a in bar.actions()) if isinstance(m, QMenu)}
        file_menu = menus.get(translate("ScenarioEditor", "&File"))
        if file_menu is not None:
            file_menu.insertAction(window.open_action, self.transcript_action)
        edit_menu = menus.get(translate("ScenarioEditor", "&Edit"))
        if edit_menu is not None:
            edit_menu.addSeparator()
            for item in (self.find_action, self.replace_action, self.find_next_action, self.find_previous_action,
                         self.go_to_line_action):  # fmt: skip
                edit_menu.addAction(item)
            edit_menu.addSeparator()
            edit_menu.addAction(self.wrap_action)
        scenario_menu = menus.get(translate("ScenarioEditor", "&Scenario"))
        if scenario_menu is not None:
            scenario_menu.addSeparator()
            scenario_menu.addAction(self.decision_action)
        insert_menu = QMenu(translate("ScenarioEditor", "&Insert"), window)
        for item in (self.insert_decision_action, self.insert_say_action, self.insert_narrate_action,
                     self.insert_phase_action):  # fmt: skip
            insert_menu.addAction(item)
        phases = insert_menu.addMenu(translate("ScenarioEditor", "P&hase"))
        for phase in PHASES:
            phase_action = QAction(phase, window)
            phase_action.triggered.connect(lambda _=False, p=phase: self.insert("phase", phase=p))
            phases.addAction(phase_action)
        self.insert_menu = insert_menu
        if scenario_menu is not None:
            bar.insertMenu(scenario_menu.menuAction(), insert_menu)
        else:
            bar.addMenu(insert_menu)

    # -- find, go to line, wrap ----------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_find(replace=False)

    def open_replace(self) -> None:
        self.find_bar.open_find(replace=True)

    def ask_line(self) -> int | None:  # replaceable in tests (the dialog is modal)
        return go_to_line(self.window.editor, self.window)

    def go_to_line(self) -> None:
        line = self.ask_line()
        if line is not None:
            self.window.editor.jump_to(line, 1)

    def toggle_wrap(self) -> None:
        apply_wrap(self.window.editor, self.wrap_action.isChecked())

    # -- decision form and insert ----------------------------------------------------
    def _line(self) -> int:
        return self.window.editor.textCursor().blockNumber() + 1

    def run_form(self, form: QDialog) -> bool:  # replaceable in tests (the dialog is modal)
        return form.exec() == QDialog.DialogCode.Accepted

    def edit_decision(self) -> bool:
        from balint_trainer.gui.authoring.decision_form import DecisionForm

        window = self.window
        text, line = window.text, self._line()
        try:
            found = read_decision(text, line)
        except DecisionEditError as exc:
            window.show_error(
                QCoreApplication.translate("ScenarioEditor", "Cannot edit this decision"), str(exc)
            )
            return False
        if found is None and not script_parses(text):
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ScenarioEditor", "The form needs YAML that parses: fix the syntax error listed first."
                ),
                8000,
            )
            return False
        if found is None:
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ScenarioEditor", "Put the cursor in a decision first (Insert → Decision adds one)."
                ),
                8000,
            )
            return False
        draft, _span = found
        extra = window.loaded.scenario.competencies if window.loaded and window.loaded.scenario else {}
        from balint_trainer.core.transcript_import import text_is_rtl

        language = window.loaded.scenario.language if window.loaded and window.loaded.scenario else None
        rtl = is_rtl(language.split("-")[0]) if language else text_is_rtl(draft.prompt)
        form = DecisionForm(draft, extra, window, rtl=rtl)
        self.last_form = form
        if not self.run_form(form):
            return False
        try:
            new_text = write_decision(text, line, form.draft())
        except DecisionEditError as exc:
            window.show_error(
                QCoreApplication.translate("ScenarioEditor", "Cannot write this decision"), str(exc)
            )
            return False
        replace_text(window.editor, new_text)
        window.editor.jump_to(line, 1)
        window.validate_now()
        return True

    def insert(self, kind: str, **values: Any) -> bool:
        window = self.window
        text, line = window.text, self._line()
        if kind == "phase" and "phase" not in values:
            values["phase"] = next_phase(text, line)
        if kind == "say" and "speaker" not in values:
            scenario = window.loaded.scenario if window.loaded else None
            values["speaker"] = (scenario.presenter_id if scenario else None) or "leader"
        try:
            new_text, at = insert_step(text, line, kind, **values)
        except DecisionEditError as exc:
            window.show_error(QCoreApplication.translate("ScenarioEditor", "Cannot insert here"), str(exc))
            return False
        replace_text(window.editor, new_text)
        window.editor.jump_to(at, 1)
        window.validate_now()
        return True

    # -- transcripts ----------------------------------------------------------------
    def new_from_transcript(self) -> None:
        from balint_trainer.gui.authoring.transcript_wizard import TranscriptWizard

        window = self.window
        if not window.maybe_save():
            return
        wizard = TranscriptWizard(window)
        self.last_wizard = wizard
        if self.run_form(wizard) and wizard.result_text:
            window.set_text(wizard.result_text, path=None)
            window.editor.document().setModified(True)  # a new, unsaved scenario
            window.setWindowModified(True)


def install(window: ScenarioEditor) -> AuthoringTools:
    return AuthoringTools(window)
