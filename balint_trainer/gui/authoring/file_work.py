"""File reads and writes of the authoring windows, off the UI thread (issue #11).

Opening or saving a scenario and merging a key are capped by the file-size limit, but a
network drive that stops answering would still hang the window. :meth:`FileWorkBusy.run` runs the
read or write on a worker (:func:`balint_trainer.gui.worker.run_with_progress`): the window keeps
painting, the text being read or written is read-only meanwhile, and after a moment a progress
dialog offers Cancel. The callers keep their synchronous answer (saved or not), which the
unsaved-changes question and closing depend on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from balint_trainer.gui.worker import run_with_progress

T = TypeVar("T")


class FileWorkCancelled(Exception):
    """The user cancelled while the drive did not answer; the work may still finish later."""


class FileWorkBusy:
    """Whether a window is waiting for its file; the text stays read-only meanwhile."""

    def __init__(self, text: QPlainTextEdit | None = None) -> None:
        self.text = text
        self.active = False

    def run(self, parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
        """``work()`` on a worker thread, waited for here; its result, or its exception raised
        here, or :class:`FileWorkCancelled`. Not re-entered: callers check ``active`` first."""
        assert not self.active, "one file operation at a time"
        self.active = True
        was_read_only = self.text.isReadOnly() if self.text is not None else False
        if self.text is not None:
            self.text.setReadOnly(True)  # typed meanwhile, it would be neither saved nor kept apart
        try:
            outcome = run_with_progress(parent, label, lambda _token: work())
        finally:
            self.active = False
            if self.text is not None:
                self.text.setReadOnly(was_read_only)
        if outcome.cancelled:
            raise FileWorkCancelled
        if outcome.error is not None:
            raise outcome.error
        return outcome.result  # type: ignore[return-value]
