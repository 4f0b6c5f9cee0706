"""The trainee's own review shows the recorded sessions a supervisor coded, next to their
simulator results, reached by keyboard from the library."""

from __future__ import annotations

import pytest

from balint_trainer.core import recorded_session as rs
from tests.gui.test_own_review_gui import _practise

pytestmark = pytest.mark.gui


def _open_review(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    view = window.review_view
    assert view is not None
    return view


def test_trainee_sees_their_coded_sessions_beside_simulator_results(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    svc, me = window.service, window.profile
    attempt = _practise(svc, me.id)
    sam = svc.accounts.create_profile("Sam", "supervisor")
    svc.review.save_recorded_session(
        me.id,
        sam.id,
        rs.RecordedSession(
            "thursday group.wav",
            "a" * 64,
            2700.0,
            (rs.Moment(754, "group-process", 4, "named the <parallel> process"),),
            {"group-process": 4, "safe-space": 2},
            "a good first group",
        ),
    )
    means = {c: v for point in svc.practice.progress(me.id) for c, v in point.competencies.items()}
    view = _open_review(qtbot, window)
    qtbot.waitUntil(
        lambda: view.tabs.tabText(1) == "&Recorded sessions (1)" and view.shown_attempt_id == attempt.id,
        timeout=10_000,
    )
    # Keyboard only: Alt+R (the tab's mnemonic) shows the recorded sessions.
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentWidget() is view.recorded
    text = view.recorded_text()
    assert "coded by Sam" in text and "thursday group.wav (45:00)" in text
    assert "4 Proficient" in text and rs.good_looks_like("group-process") in text  # anchors in plain words
    assert "2 Emerging" in text and rs.good_looks_like("safe-space") in text
    assert "12:34" in text and "named the <parallel> process" in text  # shown as typed
    assert "a good first group" in text
    competency = next(iter(means))  # next to the simulator's results per competency
    assert rs.coding_label(competency) in text and f"{100 * means[competency]:.0f} %" in text
    assert "<parallel>" not in view.recorded.toHtml()  # user text never becomes markup


def test_own_review_says_when_nothing_is_coded(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    attempt = _practise(window.service, window.profile.id)
    view = _open_review(qtbot, window)
    qtbot.waitUntil(
        lambda: "No recorded session" in view.recorded_text() and view.shown_attempt_id == attempt.id,
        timeout=10_000,
    )
    assert view.tabs.tabText(1) == "&Recorded sessions"
