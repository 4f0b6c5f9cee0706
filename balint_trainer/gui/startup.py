"""Start-up without widgets: open the database (backup at start, or a restored backup) and
read who may practise, both off the UI thread; the window listens to the signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from balint_trainer.gui.worker import error_text, run_in_background


def open_database(
    url: str | None, *, backup: bool, before: Callable[[], object] | None = None
) -> tuple[Any, str]:
    """(service, "") or (None, why not): never raises (a broken install says why nothing is saved)."""
    try:
        from balint_trainer.services import open_service
    except ImportError as exc:
        return None, str(exc)
    try:
        if before is not None:
            before()
        return open_service(url, backup=backup), ""
    except Exception as exc:
        return None, error_text(exc)


class Startup(QObject):
    """Opens the database and reads the profile choices, each on a worker thread."""

    opened = Signal(object, str)  # service or None, why not ("" when it opened)
    choicesReady = Signal(object)  # accounts.profile_chooser.ProfileChoices
    choicesFailed = Signal(object)  # the exception (already shown through the error path)

    def __init__(self, database_url: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database_url = database_url
        self.closed = False  # the window went away: a database arriving late is closed

    def open_in_background(
        self, name: str, *, backup: bool, before: Callable[[], object] | None = None
    ) -> None:
        """Open the database on a thread (imports, migrations, a network server; after
        ``before``, e.g. restoring a backup); ``opened`` follows on the UI thread.

        A plain thread rather than :mod:`~balint_trainer.gui.worker`: if the window is gone
        when the database arrives, the thread itself must close it.
        """
        url = self.database_url

        def work() -> None:
            service, error = open_database(url, backup=backup, before=before)
            try:
                self.opened.emit(service, error)  # queued to the UI thread
            except RuntimeError:  # deleted meanwhile
                if service is not None:
                    service.close()

        threading.Thread(target=work, name=name, daemon=True).start()

    def read_choices(self, owner: QObject, service: Any, *, error_title: str) -> None:
        """Who may practise (and whether to ask), read on a worker thread."""
        from balint_trainer.gui.accounts.profile_chooser import profile_choices

        run_in_background(
            owner,
            lambda: profile_choices(service),
            self.choicesReady.emit,
            error_title=error_title,
            on_error=self.choicesFailed.emit,
            busy=False,
        )
