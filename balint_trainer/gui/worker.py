"""Run slow work (database, files) off the UI thread; results come back on the UI thread.

One seam for every such call::

    task = run_in_background(window, lambda: service.import_annotations(path),
                             on_result, error_title=window.tr("Import failed"))

``work`` runs on a daemon thread; ``on_result(value)`` then runs on the UI thread. If
``work`` raises, the one error path shows a translated warning with the message (through
the owner's ``show_error(title, detail)`` when it has one, which tests replace) and
calls ``on_error`` if given. ``task.finished`` is emitted last, either way, so tests can
``qtbot.waitSignal(task.finished)``. The owner keeps the task alive until then.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def error_text(exc: BaseException) -> str:
    """What to tell the user: our errors' messages are written for them; others get their type."""
    message = str(exc)
    from balint_trainer.core.annotation_exchange import ExchangeError
    from balint_trainer.services.errors import ServiceError

    if isinstance(exc, ServiceError | ExchangeError | OSError) and message:
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class Task(QObject):
    finished = Signal()
    _delivered = Signal(bool, object)  # from the worker thread: ok, result or exception

    def __init__(
        self,
        owner: QWidget,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        *,
        error_title: str,
        on_error: Callable[[BaseException], None] | None = None,
        busy: bool = True,
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.work = work
        self.on_result = on_result
        self.on_error = on_error
        self.error_title = error_title
        self.busy = busy
        self.done = False
        self.error: BaseException | None = None
        # Queued: the slot runs on the thread this object lives in, the UI thread.
        self._delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> Task:
        if self.busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        threading.Thread(target=self._run, name="ui-worker", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            value = self.work()
        except Exception as exc:
            self._emit(False, exc)
        else:
            self._emit(True, value)

    def _emit(self, ok: bool, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the owner was deleted meanwhile: nobody to tell
            self._delivered.emit(ok, value)

    def _deliver(self, ok: bool, value: Any) -> None:
        if self.busy:
            QApplication.restoreOverrideCursor()
        self.done = True
        try:
            if ok:
                self.on_result(value)
            else:
                self.error = value
                show_error(self.owner, self.error_title, error_text(value))
                if self.on_error is not None:
                    self.on_error(value)
        finally:
            self.finished.emit()
            self.deleteLater()


def show_error(owner: QWidget, title: str, detail: str) -> None:
    custom = getattr(owner, "show_error", None)
    if callable(custom):
        custom(title, detail)
        return
    QMessageBox.warning(
        owner, title, QCoreApplication.translate("Worker", "This did not work:\n\n%1").replace("%1", detail)
    )


def run_in_background(
    owner: QWidget,
    work: Callable[[], Any],
    on_result: Callable[[Any], None],
    *,
    error_title: str,
    on_error: Callable[[BaseException], None] | None = None,
    busy: bool = True,
) -> Task:
    return Task(owner, work, on_result, error_title=error_title, on_error=on_error, busy=busy).start()
