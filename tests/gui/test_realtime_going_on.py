"""Real time: the group goes on talking while the countdown runs, and nothing is said twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui

SCENARIO = """\
format: balint-scenario/1
id: talking-on
title: The group talks on
summary: Lines after a decision that do not depend on the answer.
level: introductory
time_limit_seconds: 30
people:
  dr-a: {name: Dr Ana Reyes, role: General practitioner, kind: presenter}
  dr-b: {name: Dr Ben Moss, role: GP registrar, kind: member}
case: I saw Mrs K again on Monday.
script:
  - phase: questions
  - say: dr-a
    text: Before the decision.
  - decision: first
    prompt: Dr Moss starts to give advice. What do you do?
    competency: protect-presenter
    options:
      - id: wait
        text: Wait and let the group find its way back to the case.
        then:
          - say: dr-b
            text: Because you waited, I went on.
      - id: speak
        text: Ask the group to stay with the patient rather than advise.
    experts:
      - {expert: e1, best: wait}
      - {expert: e2, best: wait}
      - {expert: e3, best: speak}
    rationale: Restraint first.
  - say: dr-b
    text: Talking on, one.
  - narrate: Someone shifts in their chair.
  - say: dr-b
    text: Talking on, two.
  - phase: closing
  - say: dr-a
    text: Thank you all.
"""


@pytest.fixture
def window(qtbot, service, tmp_path, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    folder = tmp_path / "talking"
    folder.mkdir()
    (folder / "talking-on.yaml").write_text(SCENARIO, encoding="utf-8")
    win = MainWindow(extra_scenario_dirs=[folder], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win


def _start(qtbot, window, limit):
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    player.time_limit_override = limit
    player.speed.setValue(player.speed.maximum())  # the fastest pace: 0.6 s a line
    qtbot.keyClick(player, Qt.Key.Key_Return)  # begin
    settle(qtbot)
    return player


def test_lines_keep_coming_during_the_countdown_and_the_answer_continues_without_repeats(qtbot, window, service):
    player = _start(qtbot, window, 20)
    qtbot.waitUntil(lambda: player.state == "deciding", timeout=10_000)
    assert player.countdown.isVisible()
    qtbot.waitUntil(lambda: "Talking on, two." in player.transcript.toPlainText(), timeout=10_000)
    text = player.transcript.toPlainText()
    assert "the group goes on while you decide" in text
    assert "Thank you all." not in text  # a phase change: the group waits for the leader there
    assert player.state == "deciding" and player.countdown.active  # still the trainee's turn
    choose(qtbot, player, "wait")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.state == "feedback" and not player.countdown.active
    assert player.last_result.option_id == "wait" and player.last_result.credit == 1.0  # scoring unchanged
    player.continue_after_feedback()
    settle(qtbot)
    player.set_auto_play(False)
    while player.state == "stepping":
        player.step()
    assert player.state == "end"
    text = player.transcript.toPlainText()
    for line in ("Talking on, one.", "Someone shifts in their chair.", "Talking on, two.", "Because you waited, I went on."):
        assert text.count(line) == 1, line
    # The choice and its consequence come after what was said while deciding.
    assert text.index("Talking on, two.") < text.index("Wait and let the group") < text.index("Because you waited")
    assert text.index("Because you waited") < text.index("Thank you all.")
    stored = service.practice.attempt(window.attempt.id).answers
    assert [(a.decision_id, a.option_id, a.timed_out) for a in stored] == [("first", "wait", False)]


def test_without_real_time_the_script_waits_at_the_decision(qtbot, window):
    player = _start(qtbot, window, "off")
    player.step_until_decision()
    assert player.state == "deciding" and not player.countdown.active
    assert not player.going_on.timer.isActive()
    assert "Talking on, one." not in player.transcript.toPlainText()
