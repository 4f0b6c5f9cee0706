"""*Reports → Export feedback for trainee…* in the supervisor window.

Writes the comments on the selected trainee's attempts to a feedback file
(:mod:`balint_trainer.services.feedback_files`) for a trainee who works offline; they
import it with *File → Import feedback from my supervisor…*. The export runs off the UI
thread; the result is said in the status bar and a message box.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from balint_trainer.gui import plain_text
from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import run_in_background


def export_feedback(window: Any, path: Path | str | None = None, *, on_finished: Any = None) -> None:
    """Export the selected trainee's comments (``path`` skips the file dialog)."""
    profile = window.current_trainee()
    if profile is None:
        return
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in profile.name).strip("-") or "trainee"
    target = window._ask_path(
        path,
        QCoreApplication.translate("FeedbackExport", "Export feedback for trainee"),
        f"{stem}-feedback-{date.today().isoformat()}.json",
        QCoreApplication.translate("FeedbackExport", "Feedback files (*.json)"),
    )
    if target is None:
        return
    if target.suffix != ".json":
        target = target.with_name(target.name + ".json")
    service = window._service
    title = QCoreApplication.translate("FeedbackExport", "Export feedback for trainee")

    def done(count: int) -> None:
        text = (
            plural(
                QCoreApplication.translate("FeedbackExport", "%n comment(s) for %1 exported to %2", "", count),
                count,
            )
            .replace("%1", profile.name)
            .replace("%2", str(target))
        )
        window.statusBar().showMessage(text, 10000)
        plain_text.information(
            window,
            title,
            text
            + "\n\n"
            + QCoreApplication.translate(
                "FeedbackExport",
                "Send this file to the trainee, who imports it with File → Import feedback from my "
                "supervisor…. Each file holds all your comments on their attempts; importing one twice "
                "adds nothing.",
            ),
        )
        if on_finished is not None:
            on_finished(target)

    def failed(_error: BaseException) -> None:  # the message was shown by the worker's error path
        if on_finished is not None:
            on_finished(None)

    run_in_background(
        window,
        lambda: service.review.export_feedback(profile.id, target),
        done,
        error_title=QCoreApplication.translate(
            "FeedbackExport", "The feedback was not exported; no file was written"
        ),
        on_error=failed,
    )
