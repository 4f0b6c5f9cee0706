"""The loop closes offline: a supervisor's comments reach the trainee through a feedback file,
show as unread in the library, and are read in the trainee's own review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core.option_order import shown_order
from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import open_service
from tests.gui.practice_wait import export_attempts, settle

pytestmark = pytest.mark.gui

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"
SEED = "0123456789abcdef"


def _practise(service: Any, profile_id: int) -> Any:
    """A finished, shuffled attempt: 'Talk.' at the first decision, 'Ask about feelings.' at the second."""
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    scenario = version.load()
    attempt = service.practice.start_attempt(profile_id, version.id, "practice", option_seed=SEED)
    for decision, option in (("first", "b"), ("second", "x")):
        step = scenario.decision(decision)
        service.practice.record_answer(
            attempt.id,
            decision,
            option,
            credit=credit(step, option),
            shown_order=shown_order(step, SEED),
            own_words="I would say: let us stay with the patient." if decision == "first" else None,
        )
    return service.practice.finish_attempt(attempt.id)


@pytest.fixture
def supervisor(qtbot, tmp_path: Path, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.workbench import open_supervisor

    svc = open_service(f"sqlite:///{tmp_path / 'supervisor.sqlite3'}")
    win = open_supervisor(None, svc)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)  # its reads run off the UI thread
    yield win, svc
    win.close()
    svc.close()


def _feedback_file(qtbot, window, supervisor, tmp_path: Path) -> tuple[Path, Any]:  # type: ignore[no-untyped-def]
    """The trainee practises and exports; the supervisor imports, comments, exports feedback."""
    attempt = _practise(window.service, window.profile.id)
    bundle = tmp_path / "bundle.json"
    assert export_attempts(qtbot, window, bundle) == bundle
    win, svc = supervisor
    (result,) = win.import_attempt_bundles([bundle])
    assert result.report is not None
    sue = svc.accounts.create_profile("Sue Supervisor", "supervisor")
    there = svc.practice.attempt_by_uid(attempt.uid)
    svc.review.add_comment(there.id, sue.id, "Why talk here? Try waiting next time.", decision_id="first")
    svc.review.add_comment(there.id, sue.id, "A thoughtful session overall.")
    win.refresh()
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)
    assert win.select_trainee(result.report.profile.id)
    written: list[Any] = []
    assert win.export_feedback_action.isEnabled()
    win.export_feedback(tmp_path / "feedback", on_finished=written.append)  # no extension typed
    qtbot.waitUntil(lambda: bool(written), timeout=5000)
    assert written == [tmp_path / "feedback.json"]
    return written[0], attempt


def _import(qtbot, window, path: Path) -> Any:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.practice.feedback_flow import import_feedback

    results: list[Any] = []
    import_feedback(window, path, on_finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return results[0]


def test_comments_reach_the_trainee_unread_then_read_in_the_review(
    qtbot, window, supervisor, tmp_path, no_dialogs
):  # type: ignore[no-untyped-def]
    path, attempt = _feedback_file(qtbot, window, supervisor, tmp_path)
    assert no_dialogs[-1][0] == "information" and "2 comments" in no_dialogs[-1][1]
    assert window.import_feedback_action.isEnabled()
    assert window.review_action.shortcut().toString() == "Ctrl+Shift+R"

    report = _import(qtbot, window, path)
    assert report.comments_new == 2
    assert no_dialogs[-1][0] == "information" and "2 new comments imported." in no_dialogs[-1][1]
    model = window.library.model
    qtbot.waitUntil(lambda: model.unread("minimal-test") == 2, timeout=5000)
    assert model.index(0, 0).data().startswith("✉ 2 new comments · ")
    assert window.feedback.label.text() == "2 unread comments from your supervisor"

    # Importing the same file again adds nothing.
    again = _import(qtbot, window, path)
    assert (again.comments_new, again.comments_present) == (0, 2)
    assert len(window.service.review.comments(attempt.id)) == 2

    # The review opens on the attempt with unread comments and shows everything about it.
    window.review_action.trigger()
    view = window.review_view
    qtbot.waitUntil(lambda: view.shown_attempt_id == attempt.id, timeout=5000)
    assert window.stack.currentWidget() is view
    text = view.review_text()
    assert "Why talk here? Try waiting next time." in text and "Sue Supervisor" in text
    assert "A thoughtful session overall." in text and "[New]" in text
    assert "You chose “Talk.”" in text and "I would say: let us stay with the patient." in text
    assert "Silence is fine." in text  # the rationale
    for option in ("“Wait.”", "“Talk.”", "“Lecture.”"):
        assert option in text  # feedback for every option, named by its text
    assert "Good." in text and "No feedback is written for this option." in text
    # The options in the order this attempt showed them, not the file's.
    order = shown_order(load_scenario_file(MINIMAL).scenario.decision("first"), SEED)
    texts = {"a": "Wait.", "b": "Talk.", "c": "Lecture."}
    table = text[text.index("What you saw") :]
    positions = [table.index(texts[o]) for o in order]
    assert positions == sorted(positions)

    # Opening it marked the comments read: the library's marks go.
    qtbot.waitUntil(lambda: model.unread("minimal-test") == 0, timeout=5000)
    assert "new comment" not in model.index(0, 0).data()
    assert not window.feedback.label.isVisible()
    assert window.service.review.unread_comments(window.profile.id).total == 0
    assert view.model.index(0, 4).data() == ""


@pytest.mark.parametrize("damage", ["tampered", "oversized"])
def test_a_damaged_feedback_file_is_refused_and_nothing_changes(
    qtbot, window, supervisor, tmp_path, no_dialogs, damage, monkeypatch
):  # type: ignore[no-untyped-def]
    path, attempt = _feedback_file(qtbot, window, supervisor, tmp_path)
    if damage == "tampered":
        data = json.loads(path.read_text("utf-8"))
        data["comments"][1]["decision_id"] = "no-such-decision"
        path.write_text(json.dumps(data), "utf-8")
        expected = "has no decision 'no-such-decision'"
    else:
        monkeypatch.setattr("balint_trainer.services.feedback_files.MAX_FILE_BYTES", 100)
        expected = "the limit is 100"
    assert _import(qtbot, window, path) is None
    kind, text = no_dialogs[-1]
    assert kind == "warning" and "This did not work" in text
    assert expected in text and str(path) in text
    assert window.service.review.comments(attempt.id) == []
    assert window.service.review.unread_comments(window.profile.id).total == 0


def test_the_progress_view_marks_attempts_with_unread_comments_and_leads_to_the_review(
    qtbot, window, supervisor, tmp_path
):  # type: ignore[no-untyped-def]
    path, _attempt = _feedback_file(qtbot, window, supervisor, tmp_path)
    _import(qtbot, window, path)
    qtbot.waitUntil(
        lambda: window.feedback.unread is not None and window.feedback.unread.total == 2, timeout=5000
    )
    window.show_progress()  # the page shows once its points are read
    settle(qtbot)
    table = window.progress_view.table
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert header[-1] == "New comments" and table.item(0, table.columnCount() - 1).text() == "2 new"
    window.progress_view.review_button.click()
    qtbot.waitUntil(lambda: window.review_view.shown_attempt_id is not None, timeout=5000)
    assert window.stack.currentWidget() is window.review_view


def test_keyboard_only_the_review_opens_and_moves_between_attempts(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    first = _practise(window.service, window.profile.id)
    second = _practise(window.service, window.profile.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.review_view
    assert view is not None
    qtbot.waitUntil(lambda: view.shown_attempt_id == second.id, timeout=5000)  # newest first
    assert view.table.hasFocus()
    with qtbot.waitSignal(view.attempt_shown, timeout=5000) as shown:
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert shown.args == [first.id]
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.library


def test_unread_marks_follow_the_profile_practising(qtbot, window, supervisor, tmp_path):  # type: ignore[no-untyped-def]
    path, _attempt = _feedback_file(qtbot, window, supervisor, tmp_path)
    _import(qtbot, window, path)
    model = window.library.model
    qtbot.waitUntil(lambda: model.unread("minimal-test") == 2, timeout=5000)
    mine = window.profile
    other = window.service.accounts.create_profile("Someone Else", "trainee")
    window.set_profile(other)  # another trainee on the same computer sees none of them
    qtbot.waitUntil(lambda: model.unread("minimal-test") == 0, timeout=5000)
    assert not window.feedback.label.isVisible()
    window.set_profile(mine)
    qtbot.waitUntil(lambda: model.unread("minimal-test") == 2, timeout=5000)
