"""Shuffled options through the real windows: two attempts, two orders; resume, review and report agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QRadioButton

from balint_trainer.core.option_order import shown_order
from tests.gui.options import choose, key_for
from tests.gui.practice_wait import settle
from tests.gui.test_player_flow import step_to_decision

pytestmark = pytest.mark.gui

TEXTS = {
    "a": "Wait.",
    "b": "Talk.",
    "c": "Lecture.",
    "x": "Ask about feelings.",
    "y": "Ask about the diagnosis.",
}


def on_screen(player) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(key label, option text) of each option row, top to bottom, as drawn."""
    rows = []
    for index in range(player.options_layout.count()):
        row = player.options_layout.itemAt(index).widget()
        button = row.findChild(QRadioButton)
        label = next(lbl for lbl in row.findChildren(QLabel))
        text = next(t for t in TEXTS.values() if t in label.text())
        rows.append((button.text().replace("&", ""), text))
    return rows


@pytest.fixture
def seeds(monkeypatch):  # type: ignore[no-untyped-def]
    """New attempts get these seeds in turn ("s1" shows b a c, "s2" shows c b a at 'first')."""
    from balint_trainer.gui.main_window import MainWindow

    given = iter(["s1", "s2"])
    monkeypatch.setattr(MainWindow, "option_seed", staticmethod(lambda: next(given)))


def test_two_attempts_two_orders_resume_review_and_report_agree(
    window, qtbot, service, seeds, no_dialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    scenario = window.library.current_entry().scenario

    # Attempt 1 (seed s1): the panel's "Wait." is second on screen; key 2 chooses it.
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    first_attempt = window.attempt.id
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    step_to_decision(qtbot, player)
    assert player.shown_option_ids() == ["b", "a", "c"]
    assert on_screen(player) == [("1", "Talk."), ("2", "Wait."), ("3", "Lecture.")]
    assert key_for(player, "a") == Qt.Key.Key_2
    qtbot.keyClick(player, Qt.Key.Key_1)  # "press 1 every time" now picks Talk., not the panel's choice
    assert player.selected_option() == "b"
    choose(qtbot, player, "a")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.credit_label.text().startswith("Your credit: 1.00")
    names = sorted(player.feedback_chart.option_labels, key=lambda item: -item.pos().y())  # top first
    assert [n.toPlainText() for n in names] == ["Talk.", "Wait. (your choice, panel's choice)", "Lecture."]
    assert "Wait." in player.feedback_text.toPlainText()
    qtbot.keyClick(player, Qt.Key.Key_Space)  # continue
    step_to_decision(qtbot, player)
    second_order = player.shown_option_ids()
    assert tuple(second_order) == shown_order(scenario.decision("second"), "s1")

    # Leave at decision 2 and resume: the same orders, from the stored attempt.
    window.leave_session()
    settle(qtbot)
    assert window.stack.currentWidget() is window.library
    stored = service.practice.attempt(first_attempt)
    assert stored.option_seed == "s1"
    assert stored.answers[0].shown_order == ("b", "a", "c")
    qtbot.mouseClick(window.library.resume_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.attempt.id == first_attempt
    assert player.session.result("first").shown_order == ("b", "a", "c")
    step_to_decision(qtbot, player)
    assert player.shown_option_ids() == second_order
    choose(qtbot, player, "y")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    while player.state != "end":
        qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    summary = window.summary_view
    assert (summary.model.index(0, 2).data(), summary.model.index(0, 3).data()) == ("Wait.", "Wait.")

    # Attempt 2 (seed s2): another order of the same decision.
    window.show_library()
    settle(qtbot)
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    second_attempt = window.attempt.id
    assert second_attempt != first_attempt
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    step_to_decision(qtbot, player)
    assert player.shown_option_ids() == ["c", "b", "a"]
    assert on_screen(player) == [("1", "Lecture."), ("2", "Talk."), ("3", "Wait.")]
    choose(qtbot, player, "c")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert "The panel most often chose “Wait.”" in player.credit_label.text()
    assert service.practice.attempt(second_attempt).answers[0].shown_order == ("c", "b", "a")

    # The supervisor sees each attempt's own order and names options by their text.
    from balint_trainer.gui.workbench import open_supervisor

    sup = open_supervisor(None, service)
    qtbot.addWidget(sup)
    sup._show_error = lambda title, exc: pytest.fail(f"{title}: {exc}")
    qtbot.waitUntil(lambda: not sup.busy, timeout=10000)  # the supervisor reads off the UI thread
    assert sup.select_trainee(window.profile.id)
    qtbot.waitUntil(lambda: not sup.busy, timeout=10000)
    for attempt_id, order, chosen in ((first_attempt, "bac", "Wait. ✓"), (second_attempt, "cba", "Lecture.")):
        assert sup.select_attempt(attempt_id)
        qtbot.waitUntil(lambda: not sup.busy, timeout=10000)
        assert sup.attempts_tab.decision_model.index(0, 2).data() == chosen
        assert sup.select_decision("first")
        detail = sup.attempts_tab.decision_detail.toPlainText()
        positions = [detail.index(TEXTS[o]) for o in order]
        assert positions == sorted(positions), (order, detail)
        assert "trainee's choice" in detail

    # The HTML report lists the options as each attempt showed them.
    path = sup.export_report("html", tmp_path / "report.html")
    assert path is not None
    html = path.read_text(encoding="utf-8")
    assert html.count("Options as shown:") == 4  # two decisions in each of two attempts
    firsts = [html.index("Options as shown:", html.index(f"{n}. Minimal test scenario")) for n in (1, 2)]
    for start, order in zip(firsts, ("bac", "cba"), strict=True):
        positions = [html.index(TEXTS[o], start) for o in order]
        assert positions == sorted(positions), order
    assert "shown 2 of 3" in html and "shown 1 of 3" in html


def test_feedback_names_panel_choice_and_expert_notes_by_text(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextDocument

    from balint_trainer.core.session_events import DecisionFeedback, ExpertNote
    from balint_trainer.gui.practice.feedback import feedback_html, verdict_text

    long = "Invite the group to stay with the presenter's *experience* of the patient for a while longer."
    feedback = DecisionFeedback(
        "d",
        "p",
        "c",
        "C",
        "b",
        "Talk.",
        None,
        0.5,
        {"b": 1, "a": 2},
        {"a": long, "b": "Talk."},
        ("a",),
        "Because.",
        None,
        (ExpertNote("Dr E", "a", "Stay with it."), ExpertNote("Dr F", "b", "Or talk.")),
        0.3,
        shown_order=("b", "a"),
    )
    document = QTextDocument()
    document.setHtml(feedback_html(feedback))
    plain = document.toPlainText()
    label = "Invite the group to stay with the presenter's experience…"  # plain, cut at a word
    assert f"(chose “{label}”): Stay with it." in plain
    assert "(chose “Talk.”): Or talk." in plain
    assert verdict_text(feedback) == f"The panel most often chose “{label}”."
    for numbered in ("option 1", "option 2", "chose 1", "chose 2"):
        assert numbered not in plain
    # No "1." numbering (a credit such as 1.00 in the table is not a name).
    assert not re.search(r"(?<![\d.])[12]\.(?!\d)", plain)
