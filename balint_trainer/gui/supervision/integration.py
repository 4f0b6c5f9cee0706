"""Wires recorded-session coding into the supervisor window (kept out of its 1,700 lines).

Adds *Trainee → Code a recorded session…* (Ctrl+Shift+R) and a *Recorded sessions* tab in the
trainee's record; both read and write through the worker seam, off the UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from balint_trainer.gui.supervision.recorded_list import RecordedSessionsView, simulator_means
from balint_trainer.gui.worker import run_in_background


class RecordingsSupport:
    """The recorded-sessions tab and action of one SupervisorWindow."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.coder: Any = None
        self.audio = True  # tests without a sound device turn the player's audio output off
        self.view = RecordedSessionsView(window.tabs)
        self.view.setObjectName("RecordedSessionsTab")
        window.tabs.addTab(
            self.view, QCoreApplication.translate("SupervisorRecordings", "&Recorded sessions")
        )
        menu = window.menuBar().addMenu(QCoreApplication.translate("SupervisorRecordings", "&Trainee"))
        self.code_action = QAction(
            QCoreApplication.translate("SupervisorRecordings", "&Code a recorded session…"), window
        )
        self.code_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.code_action.triggered.connect(lambda: self.open_coder())
        menu.addAction(self.code_action)
        window.tabs.currentChanged.connect(lambda _i: self.refresh_if_visible())
        window.trainee_view.selectionModel().currentChanged.connect(lambda *_a: self._on_trainee_changed())
        self._on_trainee_changed()

    def _on_trainee_changed(self) -> None:
        self.code_action.setEnabled(self.window.current_trainee() is not None)
        self.refresh_if_visible()

    def refresh_if_visible(self) -> None:
        if self.window.tabs.currentWidget() is self.view:
            self.refresh()

    def refresh(self) -> Any:
        trainee = self.window.current_trainee()
        if trainee is None:
            self.view.show_sessions([])
            return None
        service = self.window._service

        def work() -> tuple[list[Any], dict[str, float]]:
            return service.review.recorded_sessions(trainee.id), simulator_means(service.practice.progress(trainee.id))

        def done(result: tuple[list[Any], dict[str, float]]) -> None:
            current = self.window.current_trainee()
            if current is not None and current.id == trainee.id:  # not someone selected meanwhile
                self.view.show_sessions(*result)

        return run_in_background(
            self.window,
            work,
            done,
            error_title=QCoreApplication.translate(
                "SupervisorRecordings", "Could not load recorded sessions"
            ),
            busy=False,
        )

    def open_coder(self) -> Any:
        from balint_trainer.gui.supervision.recording import RecordingCoder

        trainee = self.window.current_trainee()
        if trainee is None:
            return None
        try:
            supervisor_id = self.window._resolve_author()
        except Exception as exc:
            self.window._show_error(
                QCoreApplication.translate("SupervisorRecordings", "No supervisor profile"), exc
            )
            return None
        self.coder = RecordingCoder(
            self.window._service, trainee, supervisor_id, self.window, audio=self.audio
        )
        self.coder.saved.connect(lambda _s: self.refresh_if_visible())
        self.coder.show()
        return self.coder
