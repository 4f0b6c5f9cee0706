"""Answer a modal Qt dialog that a key press or an action is about to open (``exec()`` blocks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

DialogT = TypeVar("DialogT", bound=QWidget)


def in_modal_dialog(dialog_type: type[DialogT], work: Callable[[DialogT], Any]) -> list[Any]:
    """Run ``work`` on the next visible ``dialog_type`` window; its results collect in the list."""
    seen: list[Any] = []

    def handle() -> None:
        # Any visible dialog of the type, not only QApplication.activeModalWidget(): the modal
        # stack is not something to bet a blocking exec() on.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, dialog_type) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(10, handle)  # not open yet
            return
        seen.append(work(dialogs[-1]))

    QTimer.singleShot(0, handle)
    return seen
