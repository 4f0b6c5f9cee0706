"""Waiting for the practice flow: starting, saving, finishing and reading scores run off the UI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication


def _controllers() -> list[Any]:
    from balint_trainer.gui.practice.controller import PracticeController

    return [
        w.practice
        for w in QApplication.topLevelWidgets()
        if isinstance(getattr(w, "practice", None), PracticeController)
    ]


def settle(qtbot: Any, timeout: int = 5000) -> None:
    """Until every main window's practice controller has nothing in flight (a start, a save,
    a finish, a score read) and its result is on screen."""
    qtbot.waitUntil(lambda: all(c.idle for c in _controllers()), timeout=timeout)


def export_attempts(qtbot: Any, window: Any, path: Any = None) -> Any:
    """``window.export_attempts(path)`` and wait: the file written, or None."""
    export = window.export_attempts(path)
    if export is None:
        return None
    with qtbot.waitSignal(export.finished, timeout=5000) as blocker:
        pass
    return blocker.args[0]
