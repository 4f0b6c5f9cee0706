"""Regression tests for problems found by walking through the trainee flow as a new user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication

from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui

ILLUSTRATIVE = "Illustrative expert key"


def to_state(qtbot, player, state, max_steps=50):
    for _ in range(max_steps):
        if player.state == state:
            return
        qtbot.keyClick(player, Qt.Key.Key_Space)
    raise AssertionError(f"never reached {state}; state {player.state}")


@pytest.fixture
def illustrative_window(qtbot, service, scenario_dir, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    path = scenario_dir / "minimal.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("level: introductory", "level: introductory\nkey_status: illustrative"))
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    win.load_now()
    settle(qtbot)
    return win


def test_illustrative_key_is_named_where_the_trainee_looks(illustrative_window, qtbot):
    win = illustrative_window
    assert ILLUSTRATIVE in win.library.details.toPlainText()
    win.library.practice_button.click()
    settle(qtbot)
    player = win.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    qtbot.keyClick(player, Qt.Key.Key_1)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert ILLUSTRATIVE in player.feedback_text.toPlainText()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "deciding")
    qtbot.keyClick(player, Qt.Key.Key_1)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "end")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert ILLUSTRATIVE in win.summary_view.score_note.text()
    assert ILLUSTRATIVE in win.summary_view.detail.toPlainText()


def test_panel_keys_carry_no_illustrative_notice(window):
    assert ILLUSTRATIVE not in window.library.details.toPlainText()


def test_credit_is_explained_and_ties_read_naturally(window, qtbot):
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    shown = player.shown_option_ids()
    choose(qtbot, player, "b")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.credit_label.text().startswith("Your credit: 0.33 of 1")
    counts = [label.toPlainText() for label in player.feedback_chart.vote_labels]
    # Each bar carries its count, so a zero-vote option still shows; bars in the order shown.
    assert counts == [{"a": "3", "b": "1", "c": "0"}[oid] for oid in shown]
    explanation = player.credit_explanation.text()
    assert "1 of 4 experts chose your option; the most chosen option had 3." in explanation
    assert "votes for your option" in explanation
    qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "deciding")
    # The second decision's panel is split 1:1.
    qtbot.keyClick(player, Qt.Key.Key_1)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    # A tie is called a tie (it used to read as if the panel had one choice).
    assert "You chose one of the 2 options tied for the panel's choice." in player.credit_label.text()
    qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "end")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert "average credit" in window.summary_view.score_note.text()


def test_tied_panel_names_the_options_by_their_text(qapp):
    from balint_trainer.core.session_events import DecisionFeedback
    from balint_trainer.gui.practice.feedback import verdict_text

    texts = {"x": "Ask about *feelings*.", "y": "Ask about the diagnosis.", "z": "Z"}
    votes = {"x": 2, "y": 2, "z": 0}
    feedback = DecisionFeedback(
        "d", "p", "c", "C", "z", "Z", None, 0.0, votes, texts, ("x", "y"), "", None, (), None
    )
    assert (
        verdict_text(feedback)
        == "The panel's votes were tied between “Ask about feelings.” and “Ask about the diagnosis.”."
    )


def test_decision_tab_order_goes_options_then_own_words_then_confirm(window, qtbot):
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    qtbot.keyClick(player, Qt.Key.Key_1)
    first = player.option_group.button(1)
    assert first.hasFocus() or QApplication.focusWidget() is first
    assert ":focus" in first.styleSheet()  # the focused option is highlighted, not just a faint frame
    # The tab stops after option 1, as Qt walks them: visible, enabled, accepting Tab focus.
    chain = []
    widget = first
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget is first or len(chain) == 6:
            break
        tab_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if tab_focus and widget.isVisible() and widget.isEnabled():
            chain.append(widget)
    assert chain.index(player.own_words) < chain.index(player.confirm_button)
    assert player.own_words in chain[:3]  # right after the options, not after the transcript
    # Space in the own-words box types a space; it neither steps nor confirms.
    player.own_words.setFocus()
    qtbot.keyClicks(player.own_words, "a b")
    qtbot.keyClick(player.own_words, Qt.Key.Key_Space)
    assert player.own_words.toPlainText() == "a b "
    assert player.state == "deciding"


def test_resume_starts_with_fresh_hint_and_shows_own_words(window, qtbot, service, no_dialogs):
    library = window.library
    library.exam_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    qtbot.keyClick(player, Qt.Key.Key_2)
    qtbot.keyClicks(player.own_words, "my own line")
    qtbot.keyClick(player.own_words, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert "end of the exam" in player.step_hint.text()
    window.leave_session()
    settle(qtbot)
    assert window.stack.currentWidget() is library
    library.resume_button.click()
    settle(qtbot)
    assert player.state == "stepping"
    assert "end of the exam" not in player.step_hint.text()
    transcript = player.transcript.toPlainText()
    assert "In your own words: my own line" in transcript
    assert "resumed" in transcript


def test_leader_lines_do_not_repeat_the_role(window, qtbot):
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    transcript = player.transcript.toPlainText()
    assert "You (leader)" in transcript
    assert "(Group leader)" not in transcript


def test_clock_reaches_the_session_length_at_the_end(window, qtbot):
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    for _ in range(2):
        to_state(qtbot, player, "deciding")
        qtbot.keyClick(player, Qt.Key.Key_1)
        qtbot.keyClick(player, Qt.Key.Key_Return)
        settle(qtbot)
        qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "end")
    assert player.clock_label.text() == "Session clock 60:00 / 60:00"


def test_closing_the_window_mid_session_asks_first(window, qtbot, no_dialogs, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    qtbot.keyClick(player, Qt.Key.Key_1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    event = QCloseEvent()
    window.closeEvent(event)
    assert not event.isAccepted()
    assert window.service is not None  # still open: nothing was torn down

    asked: list[str] = []

    def yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()
    assert "resume it from the library" in asked[0]
    assert "not confirmed yet is not saved" in asked[0]


def test_closing_from_the_library_does_not_ask(window, no_dialogs, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    def fail(*args, **kwargs):
        raise AssertionError("no question expected")

    monkeypatch.setattr(QMessageBox, "question", fail)
    event = QCloseEvent()
    window.closeEvent(event)
    assert event.isAccepted()


def test_small_window_scrolls_the_options_instead_of_clipping(window, qtbot):
    window.resize(640, 480)
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    assert player.options_box.parentWidget() is player.decision_scroll.widget()
    choose(qtbot, player, "c")
    assert player.confirm_button.isVisible()
