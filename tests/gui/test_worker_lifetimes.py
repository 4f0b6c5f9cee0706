"""No native crash from worker threads: at exit, or when a worker's owner goes first.

The crashes ran in a subprocess (a crash would take pytest down with it); each scenario
failed before the seam in ``gui/worker.py`` was made safe (see the comment at its top):
- ``EXIT_WHILE_RUNNING``: ``Fatal Python error: bool_dealloc`` or a segfault at exit, in
  about half of the runs (threads still emitting, results left in Qt's queue);
- ``OWNER_DROPPED``: a segfault in every run (a standalone ``OwnReviewView`` whose tasks were
  still running was collected on a worker thread and destroyed there).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from balint_trainer.gui import worker as worker_module
from balint_trainer.gui.worker import CancelToken, Worker, run_in_background

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]

EXIT_WHILE_RUNNING = """
import sys, time
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
from balint_trainer.gui.worker import Worker, run_in_background

owner = QWidget()
seen = []
def slow(token, i):
    end = time.monotonic() + 0.05 + i * 0.002
    while time.monotonic() < end:
        sum(range(1000))
    if token is not None:
        token.report(1, 1)
    return i % 2 == 0
for i in range(60):
    w = Worker(lambda token, i=i: slow(token, i), owner)
    w.finished.connect(seen.append, Qt.ConnectionType.QueuedConnection)
    w.progress.connect(lambda d, t: seen.append(d), Qt.ConnectionType.QueuedConnection)
    w.start()
    run_in_background(owner, lambda i=i: i, seen.append, error_title=None, busy=False)
print("SCENARIO OK", flush=True)
"""

OWNER_DROPPED = """
import gc, sys, threading, time
from types import SimpleNamespace
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from PySide6.QtWidgets import QMessageBox
from balint_trainer.gui.review import OwnReviewView

QMessageBox.warning = staticmethod(lambda *a, **k: print("WARNING", a[1:], flush=True))  # never modal
release = threading.Event()
destroyed_on = []

class Service:
    def attempts(self, profile_id):
        release.wait(5)
        gc.collect()  # a collection that happens to run on the worker thread
        return []
    def unread_comments(self, profile_id):
        return SimpleNamespace(by_attempt={}, by_scenario={}, total=0)
    def recorded_sessions(self, profile_id):
        release.wait(5)
        gc.collect()
        return []
    def progress(self, profile_id):
        return []
    practice = review = property(lambda self: self)  # the service's roles, all in one here

view = OwnReviewView()
view.load(Service(), SimpleNamespace(id=1), {})
view.destroyed.connect(lambda *a: destroyed_on.append(threading.current_thread().name))
del view  # the test is over while its tasks still run
release.set()
deadline = time.monotonic() + 3
while time.monotonic() < deadline and not destroyed_on:  # the view lived until its work ended
    app.processEvents()
    time.sleep(0.01)
assert destroyed_on == ["MainThread"], destroyed_on
print("SCENARIO OK", flush=True)
"""


def _run_scenario(code: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO), PYTHONFAULTHANDLER="1")
    return subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", textwrap.dedent(code)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )


@pytest.mark.parametrize(("code", "runs"), [(EXIT_WHILE_RUNNING, 8), (OWNER_DROPPED, 2)], ids=["exit", "owner"])
def test_the_process_exits_cleanly(code: str, runs: int) -> None:
    for _ in range(runs):
        done = _run_scenario(code)
        assert "Fatal Python error" not in done.stderr, done.stderr[-3000:]
        assert done.returncode == 0, (done.returncode, done.stderr[-3000:])
        assert "SCENARIO OK" in done.stdout


def test_the_thread_touches_no_qobject_and_a_deleted_worker_delivers_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    owner = QWidget()
    delivered: list[object] = []
    emitted_on: list[str] = []

    def work(token: CancelToken) -> str:
        release.wait(5)
        token.report(1, 1)
        return "late"

    doomed: Worker[str] = Worker(work, owner)
    doomed.finished.connect(delivered.append)
    doomed.start()
    kept: Worker[str] = Worker(lambda token: (token.report(1, 2), "kept")[1])
    kept.progress.connect(lambda d, t: emitted_on.append(threading.current_thread().name))
    with qtbot.waitSignal(kept.finished, timeout=5000) as blocker:
        kept.finished.connect(lambda _r: emitted_on.append(threading.current_thread().name))
        kept.start()
    assert blocker.args == ["kept"] and emitted_on == ["MainThread", "MainThread"]
    shiboken6.delete(owner)  # the owner (and the worker) go while the work still runs
    release.set()
    assert worker_module.wait_for_workers(5.0) == []
    deadline = time.monotonic() + 0.3
    while time.monotonic() < deadline:
        qtbot.wait(20)
    assert delivered == [] and worker_module.running_workers() == 0


def test_a_task_lets_go_of_its_callbacks_once_done(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    results: list[int] = []
    task = run_in_background(owner, lambda: 7, results.append, error_title=None, busy=False)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [7]
    assert task.on_result is None and task.owner is None  # no cycle left through the owner


def test_stop_workers_cancels_and_waits(qtbot) -> None:  # type: ignore[no-untyped-def]
    def work(token: CancelToken) -> str:
        deadline = time.monotonic() + 10
        while not token.cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        return "stopped"

    worker: Worker[str] = Worker(work)
    worker.start()
    assert worker.is_running()
    worker_module.stop_workers(5.0)  # what QApplication.aboutToQuit runs
    assert not worker.is_running() and worker.token.cancelled()
