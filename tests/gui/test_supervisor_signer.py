"""Issue #11: with nobody who may sign yet, the supervisor window makes the signer profile (a
database write) off the UI thread, then goes on: the coder opens, the coding is deleted, and
the new signer is chosen in *Comment as*."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from tests.gui import test_supervisor

pytestmark = pytest.mark.gui

seeded = test_supervisor.seeded  # the supervisor window's trainees, attempts and a supervisor


def _spy_create_profile(monkeypatch: Any, service: Any) -> list[bool]:
    """Per call of ``accounts.create_profile``: was it on the UI (main) thread?"""
    on_ui: list[bool] = []
    real = service.accounts.create_profile

    def create_profile(*args: Any, **kwargs: Any) -> Any:
        on_ui.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(service.accounts, "create_profile", create_profile)
    return on_ui


def _window(qtbot: Any, service: Any) -> Any:
    from balint_trainer.gui.supervision.window import SupervisorWindow

    window = SupervisorWindow(service)
    qtbot.addWidget(window)
    window._show_error = lambda title, exc: pytest.fail(f"{title}: {exc}")
    window.ask_discard_drafts = lambda _count: True  # closing never blocks on a question
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    window.recordings.audio = False  # offscreen: no sound device needed
    return window


def _signers(service: Any) -> list[Any]:
    return [p for p in service.accounts.profiles() if p.role == "supervisor"]


def test_coding_without_a_supervisor_makes_the_signer_off_the_ui_thread(qtbot, service, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    trainee = service.accounts.create_profile("Tara", "trainee")
    window = _window(qtbot, service)
    assert window.attempts_tab.author_combo.count() == 0  # nobody may sign yet
    on_ui = _spy_create_profile(monkeypatch, service)
    assert window.select_trainee(trainee.id)
    assert window.recordings.open_coder() is None  # the signer is being made: the coder follows
    assert window.recordings.open_coder() is None  # a second press makes no second profile
    qtbot.waitUntil(lambda: window.recordings.coder is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    [signer] = _signers(service)
    assert on_ui == [False]
    assert window.recordings.coder._supervisor_id == signer.id
    assert window.attempts_tab.author_combo.currentData() == signer.id  # chosen in *Comment as*
    # Known now: the next coder opens at once, as the same signer, with no write.
    again = window.recordings.open_coder()
    assert again is not None and again._supervisor_id == signer.id and on_ui == [False]


def test_deleting_before_the_signers_are_read_makes_the_signer_off_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, service, tmp_path: Path, monkeypatch
) -> None:
    from balint_trainer.core import recorded_session as rs

    trainee = service.accounts.create_profile("Tara", "trainee")
    other = service.accounts.create_profile("Olga", "organiser")
    stored = service.review.save_recorded_session(trainee.id, other.id, rs.RecordedSession("g.wav", "b" * 64, 10.0))
    window = _window(qtbot, service)
    window.attempts_tab.author_combo.clear()  # as while *Comment as* is still being read
    window.recordings.confirm_delete = lambda _session: True
    errors: list[str] = []
    window._show_error = lambda title, exc: errors.append(title)
    on_ui = _spy_create_profile(monkeypatch, service)
    assert window.recordings.delete(stored) is None  # the signer first, then the deletion
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    [signer] = _signers(service)
    assert on_ui == [False]
    # The deletion went on as the new signer, whom the service refuses: Olga coded it.
    assert errors == ["Could not delete the coding"]
    assert len(service.review.recorded_sessions(trainee.id)) == 1
    assert window.attempts_tab.author_combo.currentData() == signer.id


def test_a_comment_while_the_signer_is_being_made_is_signed_by_that_one(qtbot, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    window = _window(qtbot, svc)
    window.qtbot = qtbot  # for test_supervisor's helpers
    test_supervisor._select_trainee(window, ids["ann"].id)
    test_supervisor._select_attempt(window, ids["ann_1"])
    tab = window.attempts_tab
    tab.author_combo.clear()  # as while *Comment as* is still being read
    release = threading.Event()
    real = svc.accounts.create_profile
    made: list[bool] = []

    def held(*args: Any, **kwargs: Any) -> Any:
        made.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(svc.accounts, "create_profile", held)
    assert window.recordings.open_coder() is None  # the signer is being made
    qtbot.waitUntil(lambda: bool(made), timeout=5000)
    tab.whole_attempt_check.setChecked(True)
    tab.comment_edit.setPlainText("Stay with the doctor.")
    assert window.add_comment() is None  # it waits for that signer instead of making another
    with qtbot.waitSignal(window.comment_added, timeout=10_000):
        release.set()
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    signer = window.recordings.coder._supervisor_id
    assert made == [False]  # one profile, off the UI thread
    [comment] = svc.review.comments(ids["ann_1"])
    assert comment.text == "Stay with the doctor." and comment.author_id == signer
