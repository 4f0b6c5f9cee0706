"""Review my weak spots: two due decisions reviewed end to end with the keyboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services.review_cards import CardReviews
from balint_trainer.storage.models import utcnow
from tests.db_fixtures import many_decisions_yaml
from tests.gui.a11y_tree import hidden_values
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def review_window(qtbot, service, scenario_dir, no_dialogs):
    """Two decisions missed three days ago (credit 0, due two days ago), one answered right."""
    from balint_trainer.gui.main_window import MainWindow

    path = scenario_dir / "many.yaml"
    path.write_text(many_decisions_yaml(3), encoding="utf-8")
    scenario = load_scenario_file(path).scenario
    me = service.accounts.local_profile()
    past = utcnow() - timedelta(days=3)
    reviews = CardReviews(service)
    reviews.answer_review(me.id, scenario, "d001", "c", now=past)
    reviews.answer_review(me.id, scenario, "d000", "c", now=past + timedelta(minutes=1))
    reviews.answer_review(me.id, scenario, "d002", "a", now=past)  # right: not a weak spot
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win


def test_review_two_due_decisions_end_to_end(review_window, qtbot, service) -> None:
    window = review_window
    button = window.library.review_button
    qtbot.waitUntil(lambda: button.text().replace("&", "") == "Review 2 due", timeout=5000)
    assert button.isEnabled() and window.weak_spots.action.isEnabled()
    qtbot.keyClick(
        window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    view = window.weak_spots.view
    assert window.stack.currentWidget() is view
    assert view.header.text().startswith("Review 1 of 2")
    assert view.current.decision.decision == "d001"  # the longest overdue first
    assert "Generated for storage tests." in view.context.toPlainText()
    me = service.accounts.local_profile()
    before = {c.decision_id: c.card for c in CardReviews(service).cards(me.id)}

    for expected, option in (("d001", "a"), ("d000", "b")):
        assert view.current.decision.decision == expected
        number = view.current.order.index(option) + 1
        qtbot.keyClick(view, getattr(Qt.Key, f"Key_{number}"))
        settle(qtbot)
        qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ShiftModifier)
        settle(qtbot)
        assert view.sure.checkedId() == 3
        with qtbot.waitSignal(view.answered, timeout=5000) as answered:
            qtbot.keyClick(view, Qt.Key.Key_Return)
            settle(qtbot)
        credit, card = answered.args[0]
        assert credit == (1.0 if option == "a" else 0.5)
        assert card.due > utcnow()
        assert "Credit" in view.verdict.text() and view.feedback.isVisible()
        assert hidden_values(window) == []  # screen readers hear the verdict, the header, the options
        qtbot.keyClick(view, Qt.Key.Key_Return)  # next
        settle(qtbot)

    assert view.header.text() == "Review done"
    after = {c.decision_id: c.card for c in CardReviews(service).cards(me.id)}
    for decision in ("d001", "d000"):
        assert after[decision].reps == before[decision].reps + 1
        assert after[decision].due > utcnow() > before[decision].due
    assert after["d002"] == before["d002"]
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.stack.currentWidget() is window.library
    qtbot.waitUntil(lambda: button.text().replace("&", "") == "Review 0 due", timeout=5000)
    assert not button.isEnabled()


def test_practice_asks_confidence_before_feedback_and_stores_it(window, qtbot, service) -> None:
    from tests.gui.options import choose
    from tests.gui.test_player_flow import step_to_decision

    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    step_to_decision(qtbot, player)
    assert player.confidence_row.isVisible()
    choose(qtbot, player, "a")
    qtbot.keyClick(player, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    settle(qtbot)
    assert player.confidence_row.value() == 2
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.state == "feedback"
    stored = service.practice.attempts()[0].answers[0]
    assert (stored.decision_id, stored.confidence) == ("first", 2)
    # The next decision starts with no confidence chosen; turning the question off hides it.
    window.weak_spots.confidence_action.setChecked(False)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    step_to_decision(qtbot, player)
    assert not player.confidence_row.isVisible() and player.confidence_row.value() is None


def test_progress_shows_mastery_and_calibration(review_window, qtbot, service) -> None:
    from balint_trainer.core.scoring import credit

    window = review_window
    me = service.accounts.local_profile()
    version = service.scenarios.register_scenario(load_scenario_file(window.entries[0].path))
    key = version.load()
    attempt = service.practice.start_attempt(me.id, version.id, "practice")
    decision = key.decisions[0].decision
    option = key.decisions[0].options[0].id
    service.practice.record_answer(attempt.id, decision, option, credit=credit(key.decisions[0], option), confidence=1)
    window.show_progress()
    settle(qtbot)
    panel = window.progress_view.adaptive_panel
    qtbot.waitUntil(lambda: panel.mastery.table.rowCount() > 0, timeout=5000)
    rows = {
        panel.mastery.table.item(r, 0).text(): [panel.mastery.table.item(r, c).text() for c in range(1, 5)]
        for r in range(panel.mastery.table.rowCount())
    }
    # many.yaml: three leader-restraint decisions, all answered, none stable yet.
    assert rows["Leader restraint"] == ["3", "3", "0", "0 %"]
    qtbot.waitUntil(lambda: panel.calibration.chart is not None, timeout=5000)
    assert "Unsure: mean credit" in panel.calibration.text.text()


def test_summary_and_supervisor_show_the_panel_relative_score(window, qtbot, service) -> None:
    """Exam: first=c (credit 0), second=y (credit 1): 50, which is the leave-one-out panel mean
    of the minimal scenario (e1 50, e2 50, e3 0, e4 100; SD 40.8), so z = 0 and scaled 80."""
    from tests.gui.options import choose, key_for
    from tests.gui.test_player_flow import step_to_decision

    qtbot.mouseClick(window.library.exam_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    assert not player.confidence_row.isVisible() or player.state != "deciding"
    qtbot.keyClick(player.begin_button, Qt.Key.Key_Space)
    step_to_decision(qtbot, player)
    assert not player.confidence_row.isVisible()  # not asked in an exam
    qtbot.keyClick(player, key_for(player, "c"))
    qtbot.keyClick(player, Qt.Key.Key_Enter)
    settle(qtbot)
    step_to_decision(qtbot, player)
    choose(qtbot, player, "y")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    while player.state != "end":
        qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.mouseClick(player.summary_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    label = window.summary_view.panel_relative
    assert label.isVisible()
    assert "about as much as a typical panel member" in label.text()
    assert "you score 80 (z = +0.0)" in label.text()

    from balint_trainer.gui.practice.adaptive_views import attempt_adaptive_text
    from balint_trainer.reports.data import ScenarioCache

    text = attempt_adaptive_text(ScenarioCache(service), service.practice.attempt(window.attempt.id))
    assert "typical panel member" in text and "Confidence" not in text  # no confidence in an exam
