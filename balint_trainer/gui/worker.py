"""One seam for work that may take more than ~100 ms (database, files, network): run a callable
on a worker thread and get its result, or its error, back on the UI thread by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

_running: set[Task] = set()  # kept alive until their result is delivered


class Task(QObject):
    """Created on the UI thread; its signals are delivered there (queued)."""

    finished = Signal(object)
    failed = Signal(object)
    _done = Signal(object, bool)

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self._work = work
        self._done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def _run(self) -> None:  # worker thread
        try:
            result = self._work()
        except Exception as exc:  # delivered to the one error path below
            self._done.emit(exc, False)
        else:
            self._done.emit(result, True)

    @Slot(object, bool)
    def _deliver(self, value: Any, ok: bool) -> None:  # UI thread
        _running.discard(self)
        (self.finished if ok else self.failed).emit(value)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """The one error path: a translated title and the error's own words."""
    QMessageBox.warning(
        parent,
        title or QCoreApplication.translate("Worker", "The action could not be completed"),
        str(exc) or exc.__class__.__name__,
    )


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    parent: QWidget | None = None,
) -> Task:
    """Start ``work`` on the global thread pool; ``on_done(result)`` or ``on_error(exc)`` (default:
    :func:`show_error`) then run on the UI thread."""
    task = Task(work)
    if on_done is not None:
        task.finished.connect(on_done)
    task.failed.connect(on_error if on_error is not None else (lambda exc: show_error(parent, exc)))
    _running.add(task)
    QThreadPool.globalInstance().start(_Runnable(task))
    return task
