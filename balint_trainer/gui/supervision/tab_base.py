"""What every tab of the supervisor window shares: its reads run off the UI thread.

A tab starts each read with :meth:`SupervisionTab.run` (the one seam,
:func:`balint_trainer.gui.worker.run_in_background`, without the busy cursor: the tab shows
"Loading…" instead) and says through signals what the window shows: errors, status messages,
and whether anything is still loading (``busy``; ``loaded`` once nothing is, which tests wait for).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from balint_trainer.gui.worker import Task, run_in_background


class SupervisionTab(QWidget):
    error = Signal(str, str)  # title, what went wrong: the window shows it
    status = Signal(str, int)  # a status-bar message and how long it stays (ms)
    busy_changed = Signal(bool)
    loaded = Signal()  # the last pending read has been shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending = 0

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(
        self,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        *,
        error_title: str,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        """``work`` on a worker thread; ``on_result`` on the UI thread (it checks for staleness)."""
        task = run_in_background(
            self, work, on_result, error_title=error_title, on_error=on_error, busy=False
        )
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        task.finished.connect(self._task_finished)
        return task

    def _task_finished(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
            self.loaded.emit()

    def show_error(self, title: str, detail: str) -> None:
        """The worker's error path (see worker.show_error): the window says it."""
        self.error.emit(title, detail)
