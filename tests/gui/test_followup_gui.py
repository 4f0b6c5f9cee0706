"""A follow-up meeting remembers what the leader did in the first: two paths, two next meetings."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from tests.followup_fixtures import FOLLOW_UP_YAML
from tests.gui.conftest import DATA
from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def two_meetings(qtbot, service, tmp_path, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    folder = tmp_path / "meetings"
    folder.mkdir()
    shutil.copy(DATA / "branching.yaml", folder / "branching.yaml")
    (folder / "branching-next.yaml").write_text(FOLLOW_UP_YAML, encoding="utf-8")
    win = MainWindow(extra_scenario_dirs=[folder], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win


def _play(qtbot, window, scenario_id, choices):
    """Start ``scenario_id`` from the library, answer with ``choices`` and see the summary."""
    window.show_library()
    assert window.library.select_scenario(scenario_id)
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the attempt is stored off the UI thread, then the player shows
    player = window.player
    assert player.session.scenario.id == scenario_id
    player.time_limit_override = "off"
    case_text = player.case_intro.toPlainText()
    qtbot.keyClick(player, Qt.Key.Key_Return)  # begin
    for _ in range(100):
        if player.state == "end":
            break
        if player.state == "feedback":
            player.continue_after_feedback()
        elif player.state == "deciding":
            choose(qtbot, player, choices[player.session.pending_decision.decision_id])
            qtbot.keyClick(player, Qt.Key.Key_Return)
            settle(qtbot)
        else:
            player.step()
    assert player.state == "end"
    transcript = player.transcript.toPlainText()
    qtbot.mouseClick(player.summary_button, Qt.MouseButton.LeftButton)  # finishes the attempt
    settle(qtbot)
    return player, case_text, transcript


@pytest.mark.parametrize(
    ("first_choices", "later_line", "absent_line", "decisions"),
    [
        (
            {"protect": "block", "close": "end"},
            "thinking about what the group said",
            "just give the facts",
            1,
        ),
        (
            {"protect": "let", "guarded": "name-it", "close": "end"},
            "just give the facts",
            "thinking about what the group said",
            2,
        ),
    ],
)
def test_follow_up_goes_on_from_the_first_meeting(
    qtbot, two_meetings, service, first_choices, later_line, absent_line, decisions
):
    window = two_meetings
    # Not led yet: the defaults, and the player says so above the case.
    _, case_text, transcript = _play(qtbot, window, "branching-next", {"open": "invite", "repair": "name-it"})
    assert "You have not led this group's earlier meeting" in case_text
    assert "thinking about what the group said" in transcript

    _play(qtbot, window, "branching-test", first_choices)
    qtbot.waitUntil(lambda: service.practice.attempt(window.attempt.id).finished, timeout=5000)
    first_uid = window.attempt.uid

    player, case_text, transcript = _play(
        qtbot, window, "branching-next", {"open": "invite", "repair": "name-it"}
    )
    assert "This group remembers the earlier meeting you led" in case_text
    assert later_line in transcript and absent_line not in transcript
    assert player.session.decisions_shown == decisions
    stored = service.practice.attempt(window.attempt.id)
    assert stored.initial_state["from"] == first_uid
    assert [a.decision_id for a in stored.answers] == ["open", "repair"][:decisions]
