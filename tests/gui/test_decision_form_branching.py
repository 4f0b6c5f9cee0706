"""The decision form's round trip on branching scenarios (issue #14): options that ``set:`` flags
and counters, a decision with ``when:`` and ``label:`` before its prompt, a ``goto:`` step.

Each test opens the file in the editor, edits a decision in the form as an author would, writes
it back and checks the YAML: it validates, every byte outside the decision is unchanged, and the
keys the form does not show keep their place, their values and their comments.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml
from PySide6.QtWidgets import QDialog, QMessageBox

from balint_trainer.core.decision_edit import read_decision
from balint_trainer.gui.authoring.decision_form import DecisionForm
from balint_trainer.gui.authoring.editor import TEMPLATE, ScenarioEditor

SOURCE = (Path(__file__).resolve().parent.parent / "data" / "valid" / "branching-form.yaml").read_text(
    encoding="utf-8"
)
FIRST = SOURCE.splitlines().index("  - decision: first-decision") + 1
REPAIR = SOURCE.splitlines().index("  - decision: repair") + 1


def _editor(qtbot, text: str) -> ScenarioEditor:  # type: ignore[no-untyped-def]
    window = ScenarioEditor(None, None)
    errors: list[tuple[str, str]] = []
    window.errors = errors  # type: ignore[attr-defined]
    window.show_error = lambda title, detail: errors.append((title, detail))  # type: ignore[method-assign]
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.editor.setPlainText(text)
    return window


@pytest.fixture
def win(qtbot) -> ScenarioEditor:  # type: ignore[no-untyped-def]
    window = _editor(qtbot, SOURCE)
    window.validate_now()
    assert window.loaded is not None and window.loaded.ok, window.loaded and [
        str(p) for p in window.loaded.problems
    ]
    return window


def _edit(win: ScenarioEditor, line: int, change) -> str:  # type: ignore[no-untyped-def]
    """Open the form at ``line``, let ``change`` fill it in, press OK; the editor's new text."""
    win.editor.jump_to(line, 5)

    def run(form: QDialog) -> bool:
        assert isinstance(form, DecisionForm)
        change(form)
        form.accept()
        return form.result() == QDialog.DialogCode.Accepted

    win.authoring.run_form = run  # type: ignore[method-assign]
    assert win.authoring.edit_decision(), win.errors  # type: ignore[attr-defined]
    assert win.loaded is not None and win.loaded.ok, win.loaded and [str(p) for p in win.loaded.problems]
    return win.text


def _set(form: DecisionForm, row: int, column: int, text: str) -> None:
    item = form.options.item(row, column)
    assert item is not None
    item.setText(text)


def _changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def _step(text: str, decision_id: str) -> dict:  # type: ignore[type-arg]
    script = yaml.safe_load(text)["script"]
    return next(step for step in script if step.get("decision") == decision_id)


def test_editing_an_option_keeps_its_set_goto_then_and_their_comments(win: ScenarioEditor) -> None:
    def change(form: DecisionForm) -> None:
        _set(form, 1, 1, "Invite brief questions of fact, one at a time.")

    after = _edit(win, FIRST, change)
    removed, added = _changed_lines(SOURCE, after)
    # One line changed: the option's text. The `set:` lines, the goto, the then lines and every
    # comment (trailing or on its own line) are exactly where they were.
    assert removed == ["        text: Invite brief questions of fact about the case."]
    assert added == ["        text: Invite brief questions of fact, one at a time."]
    options = _step(after, "first-decision")["options"]
    assert options[0]["set"] == {"guarded": True, "trust": -1}
    assert options[1]["set"] == {"trust": 1}
    assert options[2]["goto"] == "questions" and options[2]["then"][0]["say"] == "member-1"
    assert [list(o) for o in options] == [
        ["id", "text", "set"],
        ["id", "text", "feedback", "set"],
        ["id", "text", "goto", "then"],
    ]


def test_a_decision_with_when_and_label_before_its_prompt_keeps_their_place(win: ScenarioEditor) -> None:
    def change(form: DecisionForm) -> None:
        form.prompt_edit.setPlainText("The presenter has gone quiet and looks away. What now?")
        form.rationale_edit.setPlainText("Handing the case back restores ownership.")

    after = _edit(win, REPAIR, change)
    removed, added = _changed_lines(SOURCE, after)
    assert removed == [
        "    prompt: The presenter has gone quiet. What now?",
        "    rationale: Handing the case back restores the presenter's ownership.",
    ]
    assert added == [
        "    prompt: The presenter has gone quiet and looks away. What now?",
        "    rationale: Handing the case back restores ownership.",
    ]
    assert (
        "    when: guarded or trust < 0   # only after the leader took over\n    label: repair-point\n"
        in after
    )
    step = _step(after, "repair")
    assert list(step) == [
        "decision", "when", "label", "prompt", "competency", "options", "experts", "rationale",
        "time_limit_seconds",
    ]  # fmt: skip
    assert step["when"] == "guarded or trust < 0" and step["time_limit_seconds"] == 60
    # The goto step after the decision is untouched, and the jump still validates.
    assert "  - goto: questions\n    when: trust >= 1\n" in after


def test_adding_an_option_and_renaming_one_keeps_the_branching_keys(win: ScenarioEditor) -> None:
    def change(form: DecisionForm) -> None:
        form.add_option_button.click()
        row = form.options.rowCount() - 1
        _set(form, row, 1, "Wait and let the silence do some work.")
        _set(form, 0, 0, "own-first-view")  # the votes follow the renamed id

    after = _edit(win, FIRST, change)
    step = _step(after, "first-decision")
    assert [o["id"] for o in step["options"]] == ["own-first-view", "facts", "feelings", "a"]
    assert step["options"][0]["set"] == {"guarded": True, "trust": -1}
    assert step["experts"][0]["ratings"]["own-first-view"] == 2
    assert "        set: {guarded: true, trust: -1}   # the presenter closes up\n" in after
    assert "        # Skips the repair decision: the group is already in the feelings.\n" in after


def test_the_template_comment_above_the_options_survives_an_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _editor(qtbot, TEMPLATE)
    line = TEMPLATE.splitlines().index("  - decision: first-decision") + 1

    def change(form: DecisionForm) -> None:
        form.prompt_edit.setPlainText("The presenter stops. What do you do?")

    after = _edit(window, line, change)
    assert "    # Options are shuffled for every attempt; keep them of similar length so none stands out.\n" \
        "    options:\n" in after  # fmt: skip
    removed, added = _changed_lines(TEMPLATE, after)
    assert removed == ["    prompt: The presenter has finished. What do you do now?"]
    assert added == ["    prompt: The presenter stops. What do you do?"]


def test_an_unchanged_form_changes_nothing(win: ScenarioEditor) -> None:
    for line in (FIRST, REPAIR):
        found = read_decision(SOURCE, line)
        assert found is not None
        assert _edit(win, line, lambda form: None) == SOURCE
