"""Annotation window defects found by three experts annotating from the keyboard (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.gui.authoring.annotation import AnnotationWindow, open_annotation


@pytest.fixture
def experts(service):
    return [service.accounts.create_profile(f"Dr Expert {n}", "supervisor") for n in (1, 2, 3)]


@pytest.fixture
def win(qtbot, service, scenario_dir: Path, experts) -> AnnotationWindow:
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    window.show_error = lambda title, detail: None  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: not window.busy)  # experts and scenario load off the UI thread
    return window


def _own(service, win: AnnotationWindow, expert_id: int) -> dict[str, str]:
    return {
        a.decision_id: a.best for a in service.annotations.annotations(win.version.id) if a.expert_profile_id == expert_id
    }


def test_ctrl_return_saves_in_every_state(qtbot, win: AnnotationWindow, service, experts) -> None:
    """Three experts, two decisions each, saved with Ctrl+Return only: all six reach the database.
    (The button's mnemonic text replaced its Ctrl+Return shortcut after the first decision.)"""
    for expert in experts:
        assert win.select_expert(expert.id)
        win.show_decision(0)
        for key in (Qt.Key.Key_2, Qt.Key.Key_1):
            win.tabs.widget(0).setFocus()
            qtbot.keyClick(win.tabs.widget(0), key)
            with qtbot.waitSignal(win.saved, timeout=3000):
                qtbot.keyClick(win.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            qtbot.waitUntil(lambda: not win.busy)
    for expert in experts:
        assert len(_own(service, win, expert.id)) == 2, expert.name


def test_alt_mnemonics_never_type_into_the_note(qtbot, win: AnnotationWindow, experts) -> None:
    assert win.select_expert(experts[0].id)
    win.show_decision(0)
    win.note.setFocus()
    qtbot.keyClick(win.note, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Save && next, disabled
    qtbot.keyClick(win.note, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Previous, disabled
    assert win.note.toPlainText() == ""
    qtbot.keyClicks(win.note, "ok")
    assert win.note.toPlainText() == "ok"


def test_each_expert_starts_at_their_first_unannotated_decision(
    qtbot, win: AnnotationWindow, service, experts
) -> None:
    assert win.select_expert(experts[0].id)
    win.choose_number(1)
    with qtbot.waitSignal(win.saved, timeout=3000):
        win.save_and_next()
    assert win.index == 1
    qtbot.waitUntil(lambda: not win.busy)
    # A newly chosen expert has annotated nothing: they start at the first decision.
    assert win.select_expert(experts[1].id)
    assert win.index == 0
    # Back to the first expert: the first decision is done, so they resume at the second.
    assert win.select_expert(experts[0].id)
    assert win.index == 1


def test_rating_another_option_above_the_best_is_flagged(qtbot, win: AnnotationWindow, experts) -> None:
    assert win.select_expert(experts[0].id)
    win.show_decision(0)
    win.choose_number(1)
    win.set_rating(1, 3)
    win.set_rating(2, 5)
    assert win.rating_warning.isVisible()
    assert "higher" in win.rating_warning.text()
    win.set_rating(1, 5)
    assert not win.rating_warning.isVisible()


def test_opening_annotation_again_raises_the_same_window(qtbot, service, experts) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    first = open_annotation(parent, service)
    second = open_annotation(parent, service)
    assert first is second
    assert len(parent.findChildren(AnnotationWindow)) == 1
