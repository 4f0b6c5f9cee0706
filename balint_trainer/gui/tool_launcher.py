"""Opening a workbench tool from the menus without importing on the UI thread.

The first opening of the annotation window, the editor or the supervisor view imported
pydantic, the parser, Markdown or the reports on the UI thread: 160–360 ms with the window
frozen. :func:`balint_trainer.gui.workbench.prepare` imports those on a worker (through the one
seam, :func:`~balint_trainer.gui.worker.run_in_background`), then the window is built here, on
the UI thread, as before (57–96 ms, measured the first time each tool opened).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


class ToolLauncher(QObject):
    """One per main window: :meth:`open` prepares a tool off the UI thread, then opens it."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        # What was asked for while a tool prepares: the same request twice opens it once.
        self.preparing: dict[str, list[dict[str, Any]]] = {}
        self.prepared: set[str] = set()

    def open(self, name: str, **kwargs: Any) -> None:
        if name in self.prepared:  # imported already: nothing slow is left
            self.window.open_workbench(name, **kwargs)
            return
        if name in self.preparing:
            if kwargs not in self.preparing[name]:  # e.g. Edit on another file: opened as well
                self.preparing[name].append(kwargs)
            return
        self.preparing[name] = [kwargs]
        from balint_trainer.gui.worker import run_in_background

        def prepare() -> None:
            from balint_trainer.gui.workbench import prepare as prepare_tool

            prepare_tool(name)

        def ready(_result: object = None) -> None:
            self.prepared.add(name)
            open_asked()

        def failed(_exc: BaseException) -> None:
            # Whatever failed fails again in open_workbench, which says so as it always did.
            open_asked()

        def open_asked() -> None:
            for asked in self.preparing.pop(name, []):
                if not self.window._closed:  # closed meanwhile: no tool (nor message) after it
                    self.window.open_workbench(name, **asked)

        run_in_background(self, prepare, ready, error_title=None, on_error=failed)
