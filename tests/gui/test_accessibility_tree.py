"""Screen readers get the results, not just the controls: the accessibility tree, walked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.a11y_tree import hidden_values, spoken, walk
from tests.gui.options import choose

pytestmark = pytest.mark.gui


def to_state(qtbot, player, state, max_steps=50):  # type: ignore[no-untyped-def]
    for _ in range(max_steps):
        if player.state == state:
            return
        qtbot.keyClick(player, Qt.Key.Key_Space)
    raise AssertionError(f"never reached {state}; state {player.state}")


def test_main_window_labels_read_their_text(window) -> None:  # type: ignore[no-untyped-def]
    assert hidden_values(window) == []


def test_player_at_a_decision_and_after_feedback(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.library.practice_button.click()
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    to_state(qtbot, player, "deciding")
    assert hidden_values(window) == []
    text = spoken(window)
    assert "→" not in text  # the phase arrows are decoration
    choose(qtbot, player, "b")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert player.state == "feedback"
    assert hidden_values(window) == []
    assert "Your credit: 0.33 of 1" in spoken(window)


def test_summary_reads_the_score(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.library.practice_button.click()
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    for _ in range(2):
        to_state(qtbot, player, "deciding")
        qtbot.keyClick(player, Qt.Key.Key_1)
        qtbot.keyClick(player, Qt.Key.Key_Return)
        qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "end")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    summary = window.summary_view
    assert summary.isVisible()
    assert hidden_values(window) == []
    assert "/ 100" in spoken(summary)
