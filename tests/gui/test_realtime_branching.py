"""Real-time decisions that time out, and a branching scenario played down two paths."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from balint_trainer.core.model import NO_INTERVENTION
from tests.gui.conftest import DATA
from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def branching_window(qtbot, service, tmp_path, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    folder = tmp_path / "branching"
    folder.mkdir()
    shutil.copy(DATA / "branching.yaml", folder / "branching.yaml")
    win = MainWindow(extra_scenario_dirs=[folder], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win


def _start(qtbot, window, *, limit=None):
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    player.time_limit_override = limit
    qtbot.keyClick(player, Qt.Key.Key_Return)  # begin
    settle(qtbot)
    return player


def _step_to_decision(qtbot, player, max_steps=50):
    for _ in range(max_steps):
        if player.state in ("deciding", "end"):
            return
        if player.state == "feedback":
            player.continue_after_feedback()
            settle(qtbot)
            continue
        player.set_auto_play(False)
        player.step()
    raise AssertionError(f"no decision reached; state {player.state}")


def test_decision_left_unanswered_is_recorded_as_no_intervention(qtbot, branching_window, service):
    player = _start(qtbot, branching_window, limit=0.3)
    assert player.auto_button.isChecked()  # real time: the group goes on talking
    qtbot.waitUntil(lambda: player.state == "deciding", timeout=10_000)
    assert player.countdown.isVisible() and player.countdown.label.text().startswith("Time to decide")
    with qtbot.waitSignal(player.countdown.expired, timeout=3000):
        pass
    assert player.state == "feedback"
    assert "no intervention" in player.transcript.toPlainText()
    # The key names 'let' as doing nothing: scored as that option, and its consequences play.
    result = player.last_result
    assert result.timed_out and result.option_id == "let" and result.credit == pytest.approx(0.5)
    settle(qtbot)  # answers are saved on a worker (pyqtgraph's import may share the GIL meanwhile)
    stored = service.practice.attempt(branching_window.attempt.id).answers
    assert [(a.decision_id, a.option_id) for a in stored] == [("protect", "let")]
    assert stored[0].seconds is not None and stored[0].seconds >= 0.3
    # Stored as a time-out although 'let' is a real option, and review says so.
    assert stored[0].timed_out is True
    from balint_trainer.reports.data import review_attempt
    from balint_trainer.reports.own_review import attempt_html

    review = attempt_html(review_attempt(service, service.practice.attempt(branching_window.attempt.id)))
    assert "No answer in time: recorded as no intervention" in review

    # The closing decision names no "doing nothing" option: it scores 0, shown as such.
    player.continue_after_feedback()
    settle(qtbot)
    _step_to_decision(qtbot, player)
    while player.session.pending_decision.decision_id != "close":
        choose(qtbot, player, player.shown_option_ids()[0])
        qtbot.keyClick(player, Qt.Key.Key_Return)
        settle(qtbot)
        _step_to_decision(qtbot, player)
    with qtbot.waitSignal(player.countdown.expired, timeout=3000):
        pass
    assert player.last_result.option_id == NO_INTERVENTION and player.last_result.credit == 0.0
    assert "no intervention (not in the key)" in player.feedback_text.toPlainText()
    settle(qtbot)  # saved on a worker
    stored = service.practice.attempt(branching_window.attempt.id).answers
    assert ("close", NO_INTERVENTION) in [(a.decision_id, a.option_id) for a in stored]


@pytest.mark.parametrize(
    ("first", "later_line", "absent_line", "total", "titles"),
    [
        (
            "block",
            "I hadn't thought of her as lonely",
            "I don't think that's relevant",
            100.0,
            ["Decision 1 of 2–3", "Decision 2 of 2"],
        ),
        (
            "let",
            "I don't think that's relevant",
            "I hadn't thought of her as lonely",
            500 / 6,
            ["Decision 1 of 2–3", "Decision 2 of 3", "Decision 3 of 3"],
        ),
    ],
)
def test_branching_scenario_down_two_paths(qtbot, branching_window, first, later_line, absent_line, total, titles):
    player = _start(qtbot, branching_window, limit="off")
    assert not player.auto_button.isChecked() and player.countdown.isHidden()
    assert player.decision_counter.text() == "Decisions 0/2–3"  # the skipped decision is not counted
    _step_to_decision(qtbot, player)
    seen = [player.decision_title.text().split(" — ")[0]]
    choose(qtbot, player, first)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    while True:
        player.continue_after_feedback()
        settle(qtbot)
        if player.state == "end":
            break
        _step_to_decision(qtbot, player)
        if player.state == "end":
            break
        pending = player.session.pending_decision.decision_id
        seen.append(player.decision_title.text().split(" — ")[0])
        choose(qtbot, player, {"guarded": "name-it", "close": "end"}[pending])
        qtbot.keyClick(player, Qt.Key.Key_Return)
        settle(qtbot)
    # "Decision N of M" counts the decisions of the path taken, not the scenario's three.
    assert seen == titles
    count = len(titles)
    assert player.decision_counter.text() == f"Decisions {count}/{count}"
    assert f"You answered {count} of {count} decisions" in player.end_label.text()
    transcript = player.transcript.toPlainText()
    assert later_line in transcript and absent_line not in transcript
    summary = player.session.summary()
    assert summary.total == pytest.approx(total)
    assert summary.unanswered == ()
    # Decisions a path did not show are not in the score's denominator.
    assert len(summary.score.decisions) == (2 if first == "block" else 3)
