"""The one seam for slow work started from the UI: run a callable on a worker thread and
deliver its result (or its error) back on the UI thread.

Database calls, imports and exports can take far more than a frame; on the UI thread they
freeze the window. :func:`run_in_background` runs ``work`` on a daemon thread; ``on_done``
gets the result and ``on_error`` the message of an exception, both on the UI thread. The
default error path shows the message in a translated warning box. If ``parent`` is gone by
then, nothing is delivered.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the UI thread; its signals, emitted from the worker, are queued to it."""

    done = Signal(object)
    failed = Signal(str)


def error_text(exc: BaseException) -> str:
    """A readable one-line reason: a ServiceError's own message, else the exception's type and text."""
    from balint_trainer.services.errors import ServiceError

    if isinstance(exc, ServiceError):
        return str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Worker", "Something went wrong"),
        QCoreApplication.translate("Worker", "This did not work:\n\n%1").replace("%1", message),
    )


def run_in_background(
    parent: QObject,
    work: Callable[[], T],
    on_done: Callable[[T], Any],
    on_error: Callable[[str], Any] | None = None,
    *,
    name: str = "worker",
) -> threading.Thread:
    """Start ``work()`` on a worker thread; ``on_done(result)`` or ``on_error(message)`` follow
    on the UI thread (default error path: :func:`show_error` over ``parent``)."""
    relay = _Relay(parent)  # parented: dropped (and nothing delivered) if the parent is deleted

    def deliver(result: object) -> None:
        relay.deleteLater()
        on_done(result)  # type: ignore[arg-type]

    def fail(message: str) -> None:
        relay.deleteLater()
        if on_error is not None:
            on_error(message)
        else:
            show_error(parent if isinstance(parent, QWidget) else None, message)

    relay.done.connect(deliver)
    relay.failed.connect(fail)

    def run() -> None:
        try:
            result = work()
        except Exception as exc:  # every error reaches the UI as words, never a traceback
            with contextlib.suppress(RuntimeError):  # the relay was deleted with its parent
                relay.failed.emit(error_text(exc))
            return
        with contextlib.suppress(RuntimeError):
            relay.done.emit(result)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
