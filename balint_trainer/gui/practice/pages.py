"""The main window's practice pages: player, summary and progress, driven by the controller.

:class:`PracticePages` builds each page on first use, listens to the
:class:`~balint_trainer.gui.practice.controller.PracticeController`'s signals and hands the
player's answers to it. While an answer is being saved the player's Confirm waits; a save
that fails is said once, with a Retry, and the answer is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from balint_trainer.gui import plain_text
from balint_trainer.gui.worker import run_in_background

if TYPE_CHECKING:
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services.api import ServicesApi


class WindowPrompts:
    """The practice flow's questions, asked with the window's (replaceable) dialogs."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def new_option_seed(self) -> str | None:
        return type(self.window).option_seed()

    def resume_or_new(self, title: str, text: str) -> str:
        return type(self.window).resume_prompt(self.window, title, text)

    def continue_unsaved(self, message: str) -> bool:
        return plain_text.ask_yes(
            self.window,
            QCoreApplication.translate("MainWindow", "Cannot save this attempt"),
            QCoreApplication.translate(
                "MainWindow", "The attempt could not be stored:\n\n%1\n\nPractise anyway, without saving?"
            ).replace("%1", message),
        )


class PracticePages(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.player: Any = None
        self.summary_view: Any = None
        self.progress_view: Any = None
        self.progress_task: Any = None  # mastery and calibration
        practice = window.practice
        practice.sessionStarted.connect(self._session_started)
        practice.answerSaving.connect(self._saving)
        practice.answerSaved.connect(self._saved)
        practice.answerFailed.connect(self._not_saved)
        practice.sessionFinished.connect(self._finished)

    def _status(self, text: str, timeout: int = 0) -> None:
        self.window.statusBar().showMessage(text, timeout)

    # -- player ------------------------------------------------------------------------
    def ensure_player(self) -> Any:
        if self.player is None:
            from balint_trainer.gui.practice.player import PlayerView

            window = self.window
            self.player = PlayerView()
            self.player.ask_confidence = window.weak_spots.confidence_action.isChecked()
            self.player.answer_given.connect(self._answer_given)
            self.player.summary_requested.connect(window.practice.finish)
            self.player.leave_requested.connect(window.leave_session)
            self.player.glossary_requested.connect(window.guidance.open_link)
            # After the player's own slot (which enables Confirm once an option is chosen).
            self.player.option_group.idToggled.connect(lambda *_: self._hold_confirm())
            window.view_menu.attach(self.player)  # View → text size applies to the player
            window.stack.addWidget(self.player)
        return self.player

    def _session_started(self, session: Any, attempt: Any, title: str) -> None:
        window = self.window
        from balint_trainer.core.followup import starting_state

        player = self.ensure_player()
        # A follow-up: what it inherited (stored with the attempt), for the player's note.
        stored = attempt.initial_state if attempt is not None else None
        player.start(session, title, inherited=starting_state(session.scenario, stored))
        window.stack.setCurrentWidget(player)
        window._update_actions()
        mode = (
            QCoreApplication.translate("MainWindow", "Practice")
            if session.mode == "practice"
            else QCoreApplication.translate("MainWindow", "Exam")
        )
        self._status(
            QCoreApplication.translate("MainWindow", "%1: %2").replace("%1", mode).replace("%2", title)
            + ("" if attempt is not None else " · " + QCoreApplication.translate("MainWindow", "not saved")),
        )

    def _answer_given(self, result: Any) -> None:
        confidence = self.player.confidence_row.value() if self.player is not None else None
        self.window.practice.record(result, confidence)

    def _saving(self) -> None:
        self._hold_confirm()

    def _hold_confirm(self) -> None:
        # The next answer waits for this one (Enter would only queue it behind: nothing is lost).
        if self.player is not None and self.window.practice.saving:
            self.player.confirm_button.setEnabled(False)

    def _confirm_again(self) -> None:
        player = self.player
        if player is not None and player.state == "deciding":
            player.confirm_button.setEnabled(player.selected_option() is not None)

    def _saved(self, _result: Any) -> None:
        self._confirm_again()
        self._status(QCoreApplication.translate("MainWindow", "Answer saved."), 3000)

    def _not_saved(self, message: str) -> None:
        self._confirm_again()
        retry = plain_text.ask_yes(
            self.window,
            QCoreApplication.translate("MainWindow", "Answer not saved"),
            QCoreApplication.translate("MainWindow", "Your answer could not be saved:\n\n%1").replace(
                "%1", message
            )
            + "\n\n"
            + QCoreApplication.translate(
                "PracticePages",
                "The answer is kept. Try to save it again now? "
                "(Otherwise it is tried again with your next answer.)",
            ),
        )
        if retry:
            self.window.practice.retry()

    def player_shown(self) -> bool:
        stack = self.window.stack
        return self.player is not None and stack.currentIndex() == stack.indexOf(self.player)

    def stop_player(self) -> None:
        if self.player_shown():
            self.player.set_auto_play(False)
            self.player.state = "idle"

    def confirm_leaving(self, *, quitting: bool) -> bool:
        """Ask before leaving a session half-way (not before its start or after its end)."""
        from balint_trainer.gui.practice.leaving import leaving_text

        if not self.player_shown() or self.player.state in ("end", "idle", "case"):
            return True
        title, text = leaving_text(self.player, saved=self.window.attempt is not None, quitting=quitting)
        return plain_text.ask_yes(self.window, title, text)

    # -- summary ------------------------------------------------------------------------
    def _finished(self, summary: Any, title: str, language: Any) -> None:
        self.show_summary(summary, title, language)
        session = self.window.practice.session
        if session is not None:
            from balint_trainer.gui.practice.adaptive_views import show_panel_relative

            show_panel_relative(self.summary_view.panel_relative, session.scenario, summary.decisions)

    def show_summary(self, summary: Any, title: str, language: str | None = None) -> None:
        window = self.window
        if self.summary_view is None:
            from balint_trainer.gui.practice.summary import SummaryView

            self.summary_view = SummaryView()
            self.summary_view.back_requested.connect(window.show_library)
            self.summary_view.progress_requested.connect(window.show_progress)
            self.summary_view.again_requested.connect(window._practise_again)
            self.summary_view.glossary_requested.connect(window.guidance.open_link)
            window.stack.addWidget(self.summary_view)
        self.summary_view.show_summary(summary, title, language)
        window.stack.setCurrentWidget(self.summary_view)
        window._update_actions()

    # -- progress -------------------------------------------------------------------------
    def show_progress(self) -> None:
        """The trainee's progress page, once the points are read (off the UI thread)."""
        window = self.window
        service, profile = window.service, window.profile
        if service is None or profile is None:
            plain_text.information(
                window,
                QCoreApplication.translate("MainWindow", "Progress"),
                QCoreApplication.translate("MainWindow", "Progress needs the database, which is not open."),
            )
            return
        if self.progress_view is None:
            from balint_trainer.gui.practice.progress import ProgressView

            self.progress_view = ProgressView()
            self.progress_view.back_requested.connect(window.show_library)
            self.progress_view.review_requested.connect(lambda: window.show_review())
            window.stack.addWidget(self.progress_view)
        from balint_trainer.gui.charts import with_pyqtgraph

        window.practice.run(
            with_pyqtgraph(lambda: service.practice.progress(profile.id)),  # its chart: no import here
            lambda points: self._show_points(points, service, profile),
            error_title=QCoreApplication.translate("MainWindow", "Progress"),
        )

    def _show_points(self, points: Any, service: ServicesApi, profile: Any) -> None:
        window = self.window
        if window.profile is not profile:
            return  # someone else practises now
        titles = {e.id: e.title for e in window.entries if e.ok}
        labels: dict[str, str] = {}
        for entry in window.entries:
            labels.update(zip(entry.competencies, entry.competency_labels(), strict=True))
        view = self.progress_view
        view.show_points(points, titles, labels, unread=window.feedback.by_attempt())
        from balint_trainer.gui.practice.weak_spots import show_in_progress

        self.progress_task = show_in_progress(window, labels)  # mastery and calibration, off the UI thread
        window.stack.setCurrentWidget(view)
        run_in_background(
            window,
            lambda: service.review.recorded_sessions(profile.id),
            lambda sessions: view.show_recorded(sessions, points),
            error_title=QCoreApplication.translate("MainWindow", "Could not load recorded sessions"),
            busy=False,
        )
        view.back_button.setFocus()
        window._update_actions()
