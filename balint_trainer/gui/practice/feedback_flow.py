"""Supervisor feedback on the trainee's side of the main window.

* :class:`UnreadTracker` reads how many comments on the trainee's attempts are unread
  (off the UI thread) and shows it: a marker on the library's scenario rows, a count in the
  status bar and a column in the progress view.
* :func:`import_feedback` is *File → Import feedback from my supervisor…*: the file a
  supervisor wrote with *Reports → Export feedback for trainee…* (offline, SQLite). The
  import runs off the UI thread; the result is said in words either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from balint_trainer.gui import plain_text
from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import error_text, run_in_background


def ask_feedback_path(parent: QWidget) -> str | None:
    """The feedback file the trainee picks, or None (tests replace this)."""
    from PySide6.QtWidgets import QFileDialog  # not before the main window's first frame

    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("FeedbackFlow", "Import feedback from my supervisor"),
        str(Path.home()),
        QCoreApplication.translate("FeedbackFlow", "Feedback files (*.json);;All files (*)"),
    )
    return chosen or None


class UnreadTracker(QObject):
    """Keeps the main window's unread-comment marks up to date."""

    updated = Signal(object)  # services.dto.UnreadComments

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.unread: Any = None
        self.label = plain_text.plain_label()
        self.label.setAccessibleName(
            QCoreApplication.translate("FeedbackFlow", "Unread comments from your supervisor")
        )
        self.label.hide()

    def refresh(self) -> None:
        service, profile = self.window.service, self.window.profile
        if service is None or profile is None:
            self._show(None)  # nobody practising: no one's marks
            return

        def work() -> Any:
            return service.review.unread_comments(profile.id)

        # Quiet on failure (a status-bar line, no dialog): it runs on every return to the library.
        run_in_background(
            self,
            work,
            lambda unread: self._show(unread, profile.id),
            error_title=None,
            on_error=lambda exc: self._failed(error_text(exc)),
            busy=False,
        )

    def _show(self, unread: Any, profile_id: int | None = None) -> None:
        current = self.window.profile
        if profile_id is not None and (current is None or current.id != profile_id):
            return  # counted for a profile that has since been switched away from
        self.unread = unread
        self.window.library.model.set_unread(unread.by_scenario if unread is not None else {})
        total = unread.total if unread is not None else 0
        self.label.setText(
            plural(QCoreApplication.translate("FeedbackFlow", "%n unread comment(s) from your supervisor", "", total), total)
            if total
            else ""
        )
        self.label.setToolTip(
            QCoreApplication.translate("FeedbackFlow", "Practice → My past attempts… shows them")
            if total
            else ""
        )
        self.label.setVisible(bool(total))
        if unread is not None:
            self.updated.emit(unread)

    def _failed(self, message: str) -> None:
        # Not worth a dialog: the marks are a convenience, the comments stay in the review.
        self.window.statusBar().showMessage(
            QCoreApplication.translate("FeedbackFlow", "Could not count unread comments: %1").replace(
                "%1", message
            ),
            10000,
        )

    def by_attempt(self) -> dict[int, int]:
        return dict(self.unread.by_attempt) if self.unread is not None else {}


def import_feedback(window: Any, path: str | Path | None = None, *, on_finished: Any = None) -> None:
    """Import a supervisor's feedback file into this database, off the UI thread."""
    service = window.service
    if service is None:
        return
    title = QCoreApplication.translate("FeedbackFlow", "Import feedback from my supervisor")
    if getattr(service, "dialect", "") == "postgresql" and path is None:
        plain_text.information(
            window,
            title,
            QCoreApplication.translate(
                "FeedbackFlow",
                "You practise on a shared course database: your supervisor's comments appear in "
                "Practice → My past attempts… by themselves. Feedback files are for trainees who "
                "work offline.",
            ),
        )
        return
    if path is None:
        path = ask_feedback_path(window)
        if not path:
            return
    target = Path(path)
    window.statusBar().showMessage(QCoreApplication.translate("FeedbackFlow", "Importing feedback…"))

    def work() -> Any:
        return service.review.import_feedback(target)

    def done(report: Any) -> None:
        count1 = report.comments_new
        lines = [
            plural(QCoreApplication.translate(
                "FeedbackFlow", "%n new comment(s) imported.", "", count1
            ), count1),
        ]
        if report.comments_present:
            count2 = report.comments_present
            lines.append(
                plural(QCoreApplication.translate(
                    "FeedbackFlow", "%n comment(s) were already here.", "", count2
                ), count2)
            )
        if report.unknown_attempts:
            count3 = report.comments_skipped
            lines.append(
                plural(QCoreApplication.translate(
                    "FeedbackFlow",
                    "%n comment(s) are on attempts this database does not hold; they were skipped "
                    "(attempts made on another computer or profile).",
                    "",
                    count3,
                ), count3)
            )
        if report.comments_new:
            lines.append(
                QCoreApplication.translate(
                    "FeedbackFlow", "Practice → My past attempts… (Ctrl+Shift+R) shows them."
                )
            )
        window.statusBar().showMessage(lines[0], 10000)
        plain_text.information(window, title, "\n\n".join(lines))
        window.refresh_feedback()
        if on_finished is not None:
            on_finished(report)

    def failed(_error: BaseException) -> None:  # the message was shown by the worker's error path
        window.statusBar().clearMessage()
        if on_finished is not None:
            on_finished(None)

    run_in_background(
        window,
        work,
        done,
        error_title=QCoreApplication.translate(
            "FeedbackFlow", "The feedback was not imported; nothing was changed"
        ),
        on_error=failed,
    )
