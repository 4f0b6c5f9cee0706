"""Run slow work (reading packs, parsing bundles) off the UI thread, with progress and Cancel.

    worker = Worker(lambda token: read_pack(path, should_stop=token.cancelled))
    worker.finished.connect(on_result)     # the callable's return value, on the UI thread
    worker.failed.connect(on_error)        # the exception it raised, on the UI thread
    worker.start()
    worker.cancel()                        # sets the flag; the callable decides when to stop

or, to get the result (or show the error) later on the UI thread, with a busy cursor::

    task = run_in_background(window, lambda: service.annotations.import_annotations(path), on_result,
                             error_title=window.tr("Import failed"))
    # task.finished is emitted last, either way (tests wait for it)

or, for a caller that wants the answer before going on (the UI keeps painting meanwhile)::

    outcome = run_with_progress(parent, "Checking the pack…", work)
    if outcome.cancelled: ...
    outcome.result / outcome.error

The callable runs on a plain Python thread and receives a :class:`CancelToken`; it must
not touch widgets (report progress through the token instead). Signals are emitted from
that thread and delivered queued to the UI thread, where the worker lives.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

T = TypeVar("T")


class CancelToken:
    """Shared between the UI and the work: a cancel flag and a progress report."""

    def __init__(self, worker: Worker[Any]) -> None:
        self._worker = worker
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def cancelled(self) -> bool:
        return self._event.is_set()

    def report(self, done: int, total: int) -> None:
        """Progress from the work (``total`` 0: unknown); shown on the UI thread."""
        self._worker.progress.emit(done, total)


class Worker(QObject, Generic[T]):
    """One callable on one background thread; its outcome comes back as a signal."""

    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception
    progress = Signal(int, int)  # done, total

    def __init__(self, work: Callable[[CancelToken], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.token = CancelToken(self)
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a Worker runs once")
        self._thread = threading.Thread(target=self._run, name="worker", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        self.token.cancel()

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work(self.token)
        except BaseException as exc:  # delivered to the UI thread, which decides what to say
            self._emit(self.failed, exc)
            return
        self._emit(self.finished, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the worker was deleted meanwhile: nobody waits
            signal.emit(value)  # queued to the UI thread


@dataclass
class Outcome(Generic[T]):
    result: T | None = None
    error: BaseException | None = None
    cancelled: bool = False


def run_with_progress(
    parent: QWidget | None,
    label: str,
    work: Callable[[CancelToken], T],
    *,
    show_after_ms: int = 400,
) -> Outcome[T]:
    """Run ``work`` on a thread and wait for it in a local event loop, with a progress dialog.

    The dialog (busy until the work reports a total) appears only if the work takes longer
    than ``show_after_ms``; its Cancel sets the token's flag and returns at once with
    ``cancelled``: whatever the work still produces is dropped.
    """
    outcome: Outcome[T] = Outcome()
    loop = QEventLoop()
    worker: Worker[T] = Worker(work)
    dialog = QProgressDialog(label, QCoreApplication.translate("Worker", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(show_after_ms)  # Qt's own show timer, as a fallback
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def done(result: object) -> None:
        outcome.result = result  # type: ignore[assignment]
        loop.quit()

    def failed(error: object) -> None:
        outcome.error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        loop.quit()

    def cancelled() -> None:
        outcome.cancelled = True
        worker.cancel()
        loop.quit()

    def progress(done_count: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done_count, total) if total else 0)

    worker.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    worker.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    worker.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(cancelled)
    show = QTimer()
    show.setSingleShot(True)
    show.timeout.connect(dialog.show)  # quick work never flashes a dialog
    show.start(show_after_ms)
    QTimer.singleShot(0, worker.start)
    try:
        loop.exec()
    finally:
        show.stop()
        for signal in (worker.finished, worker.failed, worker.progress):
            signal.disconnect()
        dialog.canceled.disconnect()
        dialog.close()
        dialog.deleteLater()
        worker.deleteLater()
    return outcome


# --------------------------------------------------------------------------- fire and forget


def error_text(exc: BaseException) -> str:
    """What to tell the user, in their language.

    A service error carrying a ``template`` (English with ``{name}`` placeholders) and its
    ``params`` is translated (context "ServiceError") and then filled in, so the Persian UI
    does not show English; other errors of ours keep their message; the rest get their type.
    """
    template = getattr(exc, "template", None)
    if isinstance(template, str) and template:
        params = getattr(exc, "params", None)
        values = dict(params) if isinstance(params, Mapping) else {}
        # Not a literal: the templates are extracted where they are raised, not here.
        lookup = QCoreApplication.translate
        translated = lookup("ServiceError", template) or template
        if not values:  # without params the template is the message as it is (braces and all)
            return translated
        # Roles named in the sentence ("{actor} is a {role}") in the UI language too.
        roles = {k: _role_name(v) for k, v in values.items() if k == "role" or k.endswith("_role")}
        # A broken translation falls back to the English.
        for text, fill in ((translated, {**values, **roles}), (template, values)):
            try:
                return text.format_map(fill)
            except (KeyError, IndexError, ValueError, AttributeError):
                continue
        return str(exc) or template
    from balint_trainer.core.untrusted_model import JsonInputError
    from balint_trainer.services.errors import ServiceError

    message = str(exc)
    if isinstance(exc, ServiceError | JsonInputError | OSError) and message:
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def _role_name(role: object) -> object:
    """A profile role named in a service error ("{actor} is a {role}"), in the UI language."""
    names = {
        "trainee": QCoreApplication.translate("ServiceError", "trainee"),
        "supervisor": QCoreApplication.translate("ServiceError", "supervisor"),
        "organiser": QCoreApplication.translate("ServiceError", "organiser"),
    }
    return names.get(role, role) if isinstance(role, str) else role


def show_error(owner: QObject, title: str, detail: str) -> None:
    """The one error path of :func:`run_in_background`: the owner's ``show_error(title, detail)``
    when it has one (tests replace it), else a translated warning box."""
    custom = getattr(owner, "show_error", None)
    if callable(custom):
        custom(title, detail)
        return
    QMessageBox.warning(
        owner if isinstance(owner, QWidget) else None,
        title, QCoreApplication.translate("Worker", "This did not work:\n\n%1").replace("%1", detail)
    )


class Task(QObject):
    """A :class:`Worker` whose result goes to a callback and whose error is shown; see
    :func:`run_in_background`. Parented to its owner, so it lives until it is done."""

    finished = Signal()

    def __init__(
        self,
        owner: QObject,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        *,
        error_title: str | None,
        on_error: Callable[[BaseException], None] | None = None,
        busy: bool = True,
    ) -> None:
        super().__init__(owner)
        self.owner = owner
        self.on_result = on_result
        self.on_error = on_error
        self.error_title = error_title
        self.busy = busy
        self.done = False
        self.error: BaseException | None = None
        self.worker: Worker[Any] = Worker(lambda _token: work(), self)
        # Queued: the slots run on the thread this object lives in, the UI thread.
        self.worker.finished.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.worker.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    def start(self) -> Task:
        if self.busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.worker.start()
        return self

    def _end(self) -> None:
        if self.busy:
            QApplication.restoreOverrideCursor()
        self.done = True

    def _succeeded(self, value: Any) -> None:
        self._end()
        try:
            self.on_result(value)
        finally:
            self.finished.emit()
            self.deleteLater()

    def _failed(self, error: Any) -> None:
        self._end()
        self.error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        try:
            if self.error_title is not None:  # None: on_error says it in its own way
                show_error(self.owner, self.error_title, error_text(self.error))
            if self.on_error is not None:
                self.on_error(self.error)
        finally:
            self.finished.emit()
            self.deleteLater()


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_result: Callable[[Any], None],
    *,
    error_title: str | None,
    on_error: Callable[[BaseException], None] | None = None,
    busy: bool = True,
) -> Task:
    """Run ``work`` on a worker thread; ``on_result(value)`` then runs on the UI thread. If
    ``work`` raises, the one error path shows the message (see :func:`show_error`), unless
    ``error_title`` is None: then ``on_error`` alone deals with it (e.g. asks to retry)."""
    return Task(owner, work, on_result, error_title=error_title, on_error=on_error, busy=busy).start()
