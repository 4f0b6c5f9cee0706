"""The supervisor window reads the database off the UI thread, says it is loading, and drops
results for a trainee or attempt that is no longer selected."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from balint_trainer.services.api import role_of
from tests.gui import test_supervisor

pytestmark = pytest.mark.gui

seeded, window = test_supervisor.seeded, test_supervisor.window  # the supervisor window's fixtures
settle = test_supervisor.settle


class Gate:
    """Holds a service method on its worker thread for chosen arguments until released."""

    def __init__(self, monkeypatch: Any, service: Any, name: str, held: Any) -> None:
        self.release = threading.Event()
        self.reached = threading.Event()
        self.threads: list[bool] = []  # per call: was it the UI (main) thread?
        role = getattr(service, role_of(name))  # e.g. service.practice for "attempts"
        real = getattr(role, name)

        def gated(*args: Any, **kwargs: Any) -> Any:
            self.threads.append(threading.current_thread() is threading.main_thread())
            if held(*args, **kwargs):
                self.reached.set()
                self.release.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(role, name, gated)


def _attempt_owners(win: Any) -> set[int]:
    model = win.attempts_tab.attempt_model
    return {model.row(r).attempt.profile_id for r in range(model.rowCount())}


def test_a_slow_trainee_read_is_dropped_when_another_trainee_is_selected(
    qtbot, window, seeded, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    ann, bob = ids["ann"].id, ids["bob"].id
    test_supervisor._select_trainee(window, bob)
    gate = Gate(monkeypatch, svc, "attempts", lambda **kw: kw.get("profile_id") == ann)
    window.select_trainee(ann)
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    # While Ann's attempts are read, the window says so and shows nobody's attempts.
    assert window.busy and window.loading_label.isVisibleTo(window)
    assert window.attempts_tab.attempt_summary.text() == "Loading…"
    assert window.attempts_tab.attempt_model.rowCount() == 0
    window.select_trainee(bob)  # the supervisor moves on before Ann's read returns
    qtbot.waitUntil(lambda: window.attempts_tab.attempt_model.rowCount() == 1, timeout=5000)
    gate.release.set()
    settle(window)
    assert window.current_trainee().id == bob
    assert _attempt_owners(window) == {bob}  # Ann's late answer did not replace Bob's attempts
    assert window.current_attempt().id == ids["bob_1"]
    assert not window.loading_label.isVisibleTo(window)
    assert gate.threads and not any(gate.threads)  # never on the UI thread
    assert window.recorded_errors == []


def test_a_slow_review_is_dropped_when_another_attempt_is_selected(
    qtbot, window, seeded, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    test_supervisor._select_trainee(window, ids["ann"].id)
    test_supervisor._select_attempt(window, ids["ann_2"])
    gate = Gate(monkeypatch, svc, "attempt", lambda attempt_id, *a, **k: attempt_id == ids["ann_1"])
    assert window.select_attempt(ids["ann_1"])
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    assert window.attempts_tab.attempt_summary.text() == "Loading…"
    assert window.attempts_tab.decision_model.rowCount() == 0  # not the previous attempt's decisions
    assert not window.attempts_tab.comment_edit.isEnabled()
    assert window.select_attempt(ids["ann_2"])
    gate.release.set()
    settle(window)
    assert window.current_attempt().id == ids["ann_2"]
    # Ann's second attempt: a then y; the late review of the first (b then x) was dropped.
    assert window.attempts_tab.decision_model.index(0, 2).data().startswith("Wait.")
    assert not any(gate.threads)


def test_progress_and_items_are_read_off_the_ui_thread(qtbot, window, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    progress = Gate(monkeypatch, svc, "progress", lambda profile_id: profile_id == ids["ann"].id)
    items = Gate(monkeypatch, svc, "item_analysis", lambda **_kw: False)
    test_supervisor._select_trainee(window, ids["ann"].id)
    window.tabs.setCurrentWidget(window.progress_tab)
    qtbot.waitUntil(progress.reached.is_set, timeout=5000)
    assert window.progress_tab.progress_note.text() == "Loading…" and window.chart is None
    assert window.select_trainee(ids["cy"].id)  # Ann's progress arrives too late
    progress.release.set()
    settle(window)
    assert "no finished attempts" in window.progress_tab.progress_note.text() and window.chart is None
    window.tabs.setCurrentWidget(window.items_tab)
    settle(window)
    assert window.items_tab.item_proxy.rowCount() == 2
    assert progress.threads and items.threads and not any(progress.threads + items.threads)


def test_comment_is_saved_off_the_ui_thread_and_the_box_waits(qtbot, window, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    test_supervisor._select_trainee(window, ids["ann"].id)
    test_supervisor._select_attempt(window, ids["ann_1"])
    gate = Gate(monkeypatch, svc, "add_comment", lambda *a, **k: True)
    tab = window.attempts_tab
    tab.comment_edit.setPlainText("Stay with the doctor.")
    with qtbot.waitSignal(window.comment_added, timeout=10000):
        task = window.add_comment()
        qtbot.waitUntil(gate.reached.is_set, timeout=5000)
        # Saving: no second click files it twice, and the text being saved is not edited.
        assert not tab.add_comment_button.isEnabled() and tab.comment_edit.isReadOnly()
        assert window.add_comment() is None
        gate.release.set()
    assert task is not None and task.error is None
    assert [c.text for c in svc.review.comments(ids["ann_1"])] == ["Stay with the doctor."]
    assert tab.comment_edit.toPlainText() == "" and not tab.comment_edit.isReadOnly()
    assert gate.threads == [False]


def test_pdf_report_is_printed_off_the_ui_thread(qtbot, qtlog, window, seeded, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A 10-attempt report is ~70 pages: laying it out took 17–30 s, which froze the window.
    from balint_trainer.gui.supervision import exports

    _svc, ids = seeded
    threads: list[bool] = []

    def spy(html: str, path: Any, **kwargs: Any) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        real(html, path, **kwargs)

    real = exports.write_pdf
    monkeypatch.setattr(exports, "write_pdf", spy)
    test_supervisor._select_trainee(window, ids["ann"].id)
    path = window.export_report("pdf", tmp_path / "ann.pdf")
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    assert threads == [False]
    # The worker thread got an event dispatcher: QTextDocument's layout timers did not complain.
    assert not [m for m in qtlog.records if "event dispatcher" in m.message]
    assert window.recorded_errors == []


def test_closing_while_a_read_is_running_drops_its_result(qtbot, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from balint_trainer.gui.workbench import open_supervisor

    svc, ids = seeded
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = Gate(monkeypatch, svc, "attempts", lambda **kw: True)
    win = open_supervisor(parent, svc)  # freed when closed
    qtbot.waitUntil(gate.reached.is_set, timeout=5000)
    assert win.busy
    with qtbot.waitSignal(win.destroyed, timeout=5000):
        win.close()
    gate.release.set()  # the read finishes for a window that is gone: nothing is shown, nothing raised
    qtbot.waitUntil(
        lambda: (
            len(gate.threads) >= 1
            and not any(t.name == "worker" and t.is_alive() for t in threading.enumerate())
        ),
        timeout=5000,
    )
    assert svc.practice.attempts(profile_id=ids["ann"].id)  # the service is still fine
