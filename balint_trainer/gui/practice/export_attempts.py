"""File → Export my attempts for my supervisor…: one bundle of the trainee's attempts.

Two reads run off the UI thread (are there attempts? then the export itself, which the
service writes atomically: a failed export leaves no partial file); the save dialog comes
between them. ``finished`` carries the file written, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from balint_trainer.gui import plain_text
from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import error_text, run_in_background

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

PathPrompt = Callable[[QWidget, str, str, str], "str | None"]


def default_export_path(profile_name: str) -> Path:
    stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in profile_name).strip("-")
    return Path.home() / f"{stem or 'trainee'}-attempts-{date.today().isoformat()}.json.gz"


class AttemptsExport(QObject):
    """One export, from the question "anything to export?" to the message saying where it went."""

    finished = Signal(object)  # the Path written, or None
    notice = Signal(str)  # a status-bar message

    def __init__(
        self, window: QWidget, service: ServicesApi, profile: Any, path: Path | str | None, ask_path: PathPrompt
    ) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.profile = profile
        self.path = path
        self.ask_path = ask_path
        self.title = QCoreApplication.translate("MainWindow", "Export my attempts")
        self.result: Path | None = None

    def start(self) -> AttemptsExport:
        service, profile_id = self.service, self.profile.id
        run_in_background(
            self,
            lambda: bool(service.practice.attempts(profile_id=profile_id)),
            self._counted,
            error_title=None,
            on_error=lambda exc: self._failed(error_text(exc)),
            busy=False,
        )
        return self

    def _failed(self, text: str) -> None:
        plain_text.warning(self.window, self.title, text)
        self._done(None)

    def _done(self, target: Path | None) -> None:
        self.result = target
        self.finished.emit(target)
        self.deleteLater()

    def _counted(self, has_attempts: bool) -> None:
        if not has_attempts:
            plain_text.information(
                self.window,
                self.title,
                QCoreApplication.translate(
                    "MainWindow", "You have no attempts to export yet. Practise a scenario first."
                ),
            )
            self._done(None)
            return
        path = self.path
        if path is None:
            chosen = self.ask_path(
                self.window,
                QCoreApplication.translate("MainWindow", "Export my attempts for my supervisor"),
                str(default_export_path(self.profile.name)),
                QCoreApplication.translate("MainWindow", "Attempt bundles (*.json.gz *.json)"),
            )
            if not chosen:
                self._done(None)
                return
            # A name typed without an extension gets the compressed one the default has.
            path = chosen if chosen.endswith((".json", ".json.gz")) else chosen + ".json.gz"
        target, service, profile_id = Path(path), self.service, self.profile.id
        run_in_background(
            self,
            lambda: service.exchange.export_attempts(profile_id, target),
            lambda count: self._exported(target, count),
            error_title=None,
            # BundleError (cannot write) and a lost database alike: say it in words.
            on_error=lambda exc: self._failed(
                QCoreApplication.translate(
                    "MainWindow", "Your attempts were not exported; no file was written.\n\n%1"
                ).replace("%1", error_text(exc))
            ),
        )

    def _exported(self, target: Path, count: int) -> None:
        done = plural(QCoreApplication.translate("MainWindow", "%Ln attempt(s) exported to %1", "", count), count).replace(
            "%1", str(target)
        )
        self.notice.emit(done)
        plain_text.information(
            self.window,
            self.title,
            done
            + "\n\n"
            + QCoreApplication.translate(
                "MainWindow",
                "Send this file to your supervisor, who imports it in the supervisor view "
                "(Profiles → Import trainee attempts…). Export again after practising more: "
                "each file holds all your attempts, and importing one twice adds nothing.",
            ),
        )
        self._done(target)
