"""Wires recorded-session coding into the supervisor window (window.py).

Adds *Trainee → Code a recorded session…* (Ctrl+Shift+R) and a *Recorded sessions* tab in the
trainee's record, where a coding is reopened to edit it or deleted (after a confirmation);
everything reads and writes through the worker seam, off the UI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from balint_trainer.gui import plain_text
from balint_trainer.gui.supervision.recorded_list import RecordedSessionsView, simulator_means
from balint_trainer.gui.worker import run_in_background


class RecordingsSupport:
    """The recorded-sessions tab and action of one SupervisorWindow."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.coder: Any = None
        self.audio = True  # tests without a sound device turn the player's audio output off
        self.view = RecordedSessionsView(window.tabs, editable=True)
        self.view.edit_requested.connect(lambda session: self.open_coder(editing=session))
        self.view.delete_requested.connect(lambda session: self.delete(session))
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

    def confirm_delete(self, session: Any) -> bool:
        """Ask before deleting (tests replace this instead of answering a message box)."""
        text = (
            QCoreApplication.translate(
                "SupervisorRecordings", "Delete the coding of %1 by %2? This cannot be undone."
            )
            .replace("%1", session.file_name)
            .replace("%2", session.supervisor_name or "—")
        )
        answer = plain_text.question(
            self.window,
            QCoreApplication.translate("SupervisorRecordings", "Delete coding"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete(self, session: Any) -> Any:
        """Delete a coding after asking; the running task, or None (answered No, or the signer
        is still being made: the deletion follows it)."""
        if not self.confirm_delete(session):
            return None
        service = self.window._service

        def delete_as(editor_id: int) -> Any:
            return run_in_background(
                self.window,
                lambda: service.review.delete_recorded_session(session.id, editor_id),
                lambda _none: self.refresh_if_visible(),
                error_title=QCoreApplication.translate("SupervisorRecordings", "Could not delete the coding"),
            )

        return self.window.resolve_author(delete_as, error_title=self._no_signer_title())

    def open_coder(self, editing: Any = None) -> Any:
        """Open the coder for the selected trainee: it, or None (no trainee, or the signer is
        still being made off the UI thread: the coder opens after, as ``self.coder``)."""
        trainee = self.window.current_trainee()
        if trainee is None:
            return None

        def open_as(supervisor_id: int) -> Any:
            from balint_trainer.gui.supervision.recording import RecordingCoder

            self.coder = RecordingCoder(
                self.window._service, trainee, supervisor_id, self.window, audio=self.audio, editing=editing
            )
            self.coder.saved.connect(lambda _s: self.refresh_if_visible())
            self.coder.show()
            return self.coder

        return self.window.resolve_author(open_as, error_title=self._no_signer_title())

    @staticmethod
    def _no_signer_title() -> str:
        return QCoreApplication.translate("SupervisorRecordings", "No supervisor profile")
