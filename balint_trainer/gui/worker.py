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
not touch widgets (report progress, or parts of the result, through the token instead). The
worker's signals are emitted on the UI thread; the thread itself touches no QObject.
"""

from __future__ import annotations

import atexit
import itertools
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from balint_trainer.gui.lazy_qt import Qt  # not PySide's: see gui/lazy_qt.py

# QEventLoop, QProgressDialog and QMessageBox are imported where used: this module loads before
# the main window's first frame, and each Qt class's Python type (with its enums) costs 0.3-2 ms.

T = TypeVar("T")

# Lifetimes (why this module is shaped as it is; each rule fixed a native crash at exit):
# - a worker thread touches no QObject but the relay below, which lives on the UI thread until
#   the process ends: emitting a signal of a Worker the UI thread may be deleting crashed;
# - no Python object crosses Qt's event queue (the relay's signal has no arguments; values
#   wait in a Python deque): objects left in undelivered queued events were released during
#   finalisation without the GIL (``Fatal Python error: bool_dealloc``);
# - everything the work and its callbacks reference is released on the UI thread, so a
#   widget is never destroyed on a worker thread (the thread keeps only plain objects);
# - running workers are registered: ``aboutToQuit`` and ``atexit`` cancel and join them
#   (bounded), and tests wait for them (tests/conftest.py), so no daemon thread still runs
#   Python code while the interpreter shuts down.


class _Relay(QObject):
    """The one QObject worker threads use: calls queued to the UI thread, in order."""

    wake = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._calls: deque[Callable[[], None]] = deque()
        self._woken = False  # True: exactly one wake is on its way
        self.closed = False
        self.wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> bool:
        """From any thread: run ``call`` on the UI thread soon; False once the process is ending."""
        with self._lock:
            if self.closed:
                return False
            self._calls.append(call)
            if not self._woken:
                self._woken = True
                self.wake.emit()
        return True

    def _drain(self) -> None:
        # One call per event: a modal dialog opened by a call does not hold up the others.
        with self._lock:
            if not self._calls:
                self._woken = False
                return
            call = self._calls.popleft()
            if self._calls:
                self.wake.emit()
            else:
                self._woken = False
        try:
            call()
        except BaseException:  # as a slot's exception would be: reported, the loop goes on
            sys.excepthook(*sys.exc_info())

    def run_pending(self) -> None:
        """Run every queued call now (on the UI thread)."""
        while True:
            with self._lock:
                if not self._calls:
                    return
                call = self._calls.popleft()
            try:
                call()
            except BaseException:
                sys.excepthook(*sys.exc_info())

    def close(self) -> None:
        with self._lock:
            self.closed = True


_relay_lock = threading.Lock()
_relay_instance: list[_Relay] = []


_quit_hooked: list[QCoreApplication] = []


def _relay() -> _Relay:
    with _relay_lock:
        if not _relay_instance:
            _relay_instance.append(_Relay())
        relay = _relay_instance[0]
        app = QCoreApplication.instance()
        on_ui = threading.current_thread() is threading.main_thread()
        if on_ui and app is not None and app not in _quit_hooked:  # the application may come later
            if relay.thread() is not app.thread():
                relay.moveToThread(app.thread())
            app.aboutToQuit.connect(stop_workers)
            _quit_hooked.append(app)
        return relay


class _Job:
    """All a worker thread holds: the work, its token, and where its outcome waits."""

    def __init__(self, work: Callable[[CancelToken], Any], token: CancelToken) -> None:
        self.work: Callable[[CancelToken], Any] | None = work
        self.token = token
        self.thread: threading.Thread | None = None
        self.outcome: tuple[bool, Any] | None = None
        self.progress: tuple[int, int] | None = None
        self.discarded = False  # the test or the process ended: deliver nothing more


# Started and not yet delivered, keyed by job: the worker, and the QObject that owns it (kept
# so that the owner and the callbacks it holds are released on the UI thread, never by the
# cyclic garbage collector on a worker thread).
_running: dict[_Job, tuple[Worker[Any], QObject | None]] = {}
_released: list[object] = []  # references a delivery lets go of after it is over
_abandoned: list[_Job] = []  # jobs that ended after shut-down: never released on their thread
_started = itertools.count(1)
started_count = [0]  # how many workers have started (tests use it to skip idle clean-ups)


class CancelToken:
    """Shared between the UI and the work: a cancel flag and a progress report."""

    def __init__(self, worker: Worker[Any] | None = None) -> None:
        self._event = threading.Event()
        self._job: _Job | None = None

    def cancel(self) -> None:
        self._event.set()

    def cancelled(self) -> bool:
        return self._event.is_set()

    def report(self, done: int, total: int) -> None:
        """Progress from the work (``total`` 0: unknown); shown on the UI thread."""
        job = self._job
        if job is None:
            return
        posted = job.progress is not None
        job.progress = (done, total)  # only the newest matters: one delivery at a time
        if not posted:
            _relay().post(lambda: _deliver_progress(job))

    def partial(self, value: object) -> None:
        """A part of the result (e.g. a batch of rows), delivered as ``Worker.partial``."""
        job = self._job
        if job is not None:
            _relay().post(lambda: _deliver_partial(job, value))


def _live_worker(job: _Job) -> Worker[Any] | None:
    entry = _running.get(job)
    if entry is None or job.discarded or not shiboken6.isValid(entry[0]):
        return None
    return entry[0]


def _deliver_progress(job: _Job) -> None:
    progress, job.progress = job.progress, None
    worker = _live_worker(job)
    if worker is not None and progress is not None:
        worker.progress.emit(*progress)


def _deliver_partial(job: _Job, value: object) -> None:
    worker = _live_worker(job)
    if worker is not None:
        worker.partial.emit(value)


def _deliver_outcome(job: _Job) -> None:
    worker = _live_worker(job)
    _, anchor = _running.pop(job, (None, None))
    outcome, job.outcome, job.work = job.outcome, None, None
    try:
        if worker is not None and outcome is not None:
            ok, value = outcome
            (worker.finished if ok else worker.failed).emit(value)
    finally:
        del anchor  # the owner's last reference may go here, on the UI thread
        _released.clear()


def _run(job: _Job) -> None:
    """The worker thread: the work, then its outcome posted to the UI thread."""
    try:
        assert job.work is not None
        job.outcome = (True, job.work(job.token))
    except BaseException as exc:  # delivered to the UI thread, which decides what to say
        job.outcome = (False, exc)
    if not _relay().post(lambda: _deliver_outcome(job)):
        _abandoned.append(job)  # the process is ending: release nothing on this thread


def running_workers() -> int:
    return sum(1 for job in list(_running) if job.thread is not None and job.thread.is_alive())


def wait_for_workers(timeout: float = 10.0, *, cancel: bool = False) -> list[str]:
    """Join every running worker thread (``cancel``: ask them to stop first), at most
    ``timeout`` seconds in all; the names of the threads still running after it."""
    jobs = list(_running)
    if cancel:
        for job in jobs:
            job.token.cancel()
    deadline = time.monotonic() + timeout
    for job in jobs:
        if job.thread is not None:
            job.thread.join(max(0.0, deadline - time.monotonic()))
    return [job.thread.name for job in jobs if job.thread is not None and job.thread.is_alive()]


def discard_pending() -> None:
    """Deliver nothing of the workers started so far, releasing what they hold on this (UI)
    thread; those still running deliver nothing either (a test's end)."""
    for job in list(_running):
        job.discarded = True
    if _relay_instance:
        _relay_instance[0].run_pending()
    for job in list(_running):
        if job.thread is None or not job.thread.is_alive():
            _running.pop(job, None)
            job.work = job.outcome = None


def stop_workers(timeout: float = 3.0) -> None:
    """``aboutToQuit``: cancel the running workers and wait for them (bounded)."""
    wait_for_workers(timeout, cancel=True)


@atexit.register
def _at_exit() -> None:
    # Registered after PySide6's own clean-up, so it runs before it: no worker thread may
    # post to Qt once the interpreter finalises.
    if _relay_instance:
        _relay_instance[0].close()
    wait_for_workers(3.0, cancel=True)


class Worker(QObject, Generic[T]):
    """One callable on one background thread; its outcome comes back as a signal.

    The signals are emitted on the UI thread (where the worker lives), never from the
    thread; if the worker is deleted before the work ends, nothing is delivered.
    """

    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception
    progress = Signal(int, int)  # done, total
    partial = Signal(object)  # what the work passed to ``token.partial``

    def __init__(self, work: Callable[[CancelToken], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        _relay()  # created on the UI thread, before any thread needs it
        self.token = CancelToken(self)
        self._job = _Job(work, self.token)
        self.token._job = self._job

    def start(self) -> None:
        job = self._job
        if job.thread is not None:
            raise RuntimeError("a Worker runs once")
        job.thread = threading.Thread(target=_run, args=(job,), name=f"worker-{next(_started)}", daemon=True)
        _running[job] = (self, self.parent())
        started_count[0] += 1
        job.thread.start()

    def cancel(self) -> None:
        self.token.cancel()

    def is_running(self) -> bool:
        return self._job.thread is not None and self._job.thread.is_alive()


class Outcome(Generic[T]):
    """What :func:`run_with_progress` ended with (a plain class: ``dataclasses`` costs ~1.5 ms
    of imports before the first frame)."""

    def __init__(
        self, result: T | None = None, error: BaseException | None = None, cancelled: bool = False
    ) -> None:
        self.result = result
        self.error = error
        self.cancelled = cancelled

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcome):
            return NotImplemented
        return (self.result, self.error, self.cancelled) == (other.result, other.error, other.cancelled)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value (as the dataclass was)

    def __repr__(self) -> str:
        return f"Outcome(result={self.result!r}, error={self.error!r}, cancelled={self.cancelled!r})"


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
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QProgressDialog

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

    worker.finished.connect(done)  # the worker's signals come on the UI thread
    worker.failed.connect(failed)
    worker.progress.connect(progress)
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
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(
        owner if isinstance(owner, QWidget) else None,
        title, QCoreApplication.translate("Worker", "This did not work:\n\n%1").replace("%1", detail)
    )


def _closed_on_purpose(error: BaseException) -> bool:
    from balint_trainer.services.errors import DatabaseClosed

    return isinstance(error, DatabaseClosed)


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
        self.worker.finished.connect(self._succeeded)  # emitted on the UI thread
        self.worker.failed.connect(self._failed)

    def start(self) -> Task:
        if self.busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.worker.start()
        return self

    def _end(self) -> None:
        if self.busy:
            QApplication.restoreOverrideCursor()
        self.done = True

    def _release(self) -> None:
        # The callbacks usually reference the owner, which owns this task: a cycle the garbage
        # collector would otherwise break later, on whichever thread it happens to run.
        self.finished.emit()
        if shiboken6.isValid(self):
            self.deleteLater()
        # Dropped once the delivery is over (the owner may go with them, not inside its slot).
        _released.append((self.on_result, self.on_error, self.owner))
        self.on_result = self.on_error = self.owner = None  # type: ignore[assignment]

    def _succeeded(self, value: Any) -> None:
        self._end()
        try:
            self.on_result(value)
        finally:
            self._release()

    def _failed(self, error: Any) -> None:
        self._end()
        self.error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        try:
            # None: on_error says it in its own way. A database closed with its window: nobody to tell.
            if self.error_title is not None and not _closed_on_purpose(self.error):
                show_error(self.owner, self.error_title, error_text(self.error))
            if self.on_error is not None:
                self.on_error(self.error)
        finally:
            self._release()


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
