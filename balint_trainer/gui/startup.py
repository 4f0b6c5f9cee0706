"""Start-up: open the database (backup at start, or a restored backup) and find out who
practises, both off the UI thread, then tell the main window it is loaded.

The sequence: ``opened`` (service or why not) → read the profile choices → choose the one
trainee without asking, or open "Who is practising?" → ``window._finish_loading()``.

A warm start of a local database takes a shorter way (services/quick_start.py): the trainees
are read without SQLAlchemy, the window is ready with a :class:`DeferredServices`, and the
full service opens on a worker once the library is in (``quick`` → ``_quick_ready``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from balint_trainer.gui import plain_text
from balint_trainer.gui.lazy_qt import Qt
from balint_trainer.gui.switch_interval import short_switch_interval
from balint_trainer.gui.worker import Worker, error_text, run_in_background

if TYPE_CHECKING:
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services.api import ServicesApi
    from balint_trainer.services.deferred import DeferredServices
    from balint_trainer.services.quick_start import QuickStart


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


# The full service opens behind a quick start this long after the library is in (its first frame
# painted), as soon as the window thread waits for it, or OPEN_BEHIND_AT_LATEST_MS after the quick read.
OPEN_BEHIND_AFTER_MS = 100
OPEN_BEHIND_AT_LATEST_MS = 1500


class Startup(QObject):
    opened = Signal(object, str)  # service or None, why not ("" when it opened)
    quick = Signal(object)  # QuickStart: who practises, read without SQLAlchemy
    deferredOpened = Signal()  # the full service behind a DeferredServices arrived (or failed)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.closed = False  # the window went away: a database arriving late is closed
        self.opened.connect(self._service_ready)
        self.quick.connect(self._quick_ready)

    def open_in_background(
        self, name: str, *, backup: bool, before: Callable[[], object] | None = None
    ) -> None:
        """Open the database on a thread (imports, migrations, a network server; after
        ``before``, e.g. restoring a backup); ``opened`` follows on the UI thread.

        The worker has no parent, so it delivers even if the window is gone meanwhile: then
        the database that arrives is closed here.
        """
        url = self.window.database_url
        quick = before is None  # a restored backup opens the full way (it may need migrating)

        def work(_token: object) -> tuple[Any, str]:
            if quick:
                try:  # e.g. a Python without sqlite3: the full path says why nothing is saved
                    from balint_trainer.services.quick_start import read_quick_start

                    found = read_quick_start(url)
                except Exception:
                    found = None
                if found is not None:
                    return found, ""
            # Mostly imports (SQLAlchemy): Python that would make the window's every call into
            # Python wait for the GIL, up to 5 ms each, at the moment the library fills in.
            with short_switch_interval():
                return open_database(url, backup=backup, before=before)

        worker: Worker[tuple[Any, str]] = Worker(work)
        worker.setObjectName(name)

        def arrived(result: tuple[Any, str]) -> None:
            from balint_trainer.services.quick_start import QuickStart

            service, error = result
            if isinstance(service, QuickStart):
                if shiboken6.isValid(self):  # nothing is open yet: nothing to close otherwise
                    self.quick.emit(service)
            elif not shiboken6.isValid(self):  # deleted meanwhile
                if service is not None:
                    service.close()
            else:
                self.opened.emit(service, error)

        worker.finished.connect(arrived)
        worker.finished.connect(worker.deleteLater)
        worker.start()

    def _service_ready(self, service: ServicesApi | None, error: str) -> None:
        window = self.window
        if self.closed:  # the window went away while the database was opening
            if service is not None and window._owns_service:
                service.close()
            return
        # The rows held while the database opened (LibraryView.hold_rows), before the next worker
        # (who practises) starts: filling the table goes fastest with no thread running Python.
        window.library.release_rows()
        window._restoring = False
        if error:
            self.storage_failed(error)
        elif window.service is None:
            window.service = service
        if window.service is None:
            window._finish_loading()
            return
        # Who practises is read on a worker too; ``loaded`` follows once it is known or asked.
        from balint_trainer.gui.accounts.profile_chooser import profile_choices

        window.storage_label.setText(QCoreApplication.translate("MainWindow", "Opening profiles…"))
        svc = window.service
        run_in_background(
            window,
            lambda: profile_choices(svc),
            self._choices_ready,
            error_title=QCoreApplication.translate("MainWindow", "Answers will not be saved"),
            on_error=self._profiles_failed,
            busy=False,
        )

    def _quick_ready(self, found: QuickStart) -> None:
        """Who practises is known and the database is at the current schema: the window is ready
        with a stand-in service; the full one opens once the library is in (SQLAlchemy's imports
        would otherwise compete with the table filling for the GIL)."""
        from balint_trainer.gui.accounts.profile_chooser import choices_among
        from balint_trainer.services.deferred import DeferredServices

        window = self.window
        if self.closed:
            return
        window.library.release_rows_when_complete()
        window._restoring = False
        deferred = DeferredServices(found.url, "sqlite", found.database_file)
        window.service = deferred
        self._open_behind(deferred)
        # The ready window paints its rows first: SQLAlchemy's imports on a worker would make each
        # of the table's calls into Python wait for the GIL (measured: up to 60 ms more to ready).
        if window.is_loaded:
            QTimer.singleShot(OPEN_BEHIND_AFTER_MS, deferred.want)
        else:
            window.loaded.connect(
                lambda: QTimer.singleShot(OPEN_BEHIND_AFTER_MS, deferred.want),
                Qt.ConnectionType.SingleShotConnection,
            )
        self._choices_ready(choices_among(found.trainees, found.locked))

    def _open_behind(self, deferred: DeferredServices) -> None:
        """Open the full service for ``deferred`` (with the start-up backup) on a worker: once the
        window wants it or waits for it, or OPEN_BEHIND_AT_LATEST_MS has passed, whichever comes
        first. The worker waits for that itself, so a busy UI thread can never hold it back."""
        url = deferred.url

        def work(_token: object) -> str:
            deferred.wait_until_wanted(OPEN_BEHIND_AT_LATEST_MS / 1000)
            if deferred.closed:  # the window went away first: nothing to open, nothing to back up
                return ""
            with short_switch_interval():
                service, error = open_database(url, backup=True)
            # Handed over here, not on the UI thread: the calls waiting for it go on even while
            # the window is busy (or closing, waiting for a save to finish).
            if service is not None:
                deferred.deliver(service)  # closes it at once if the window closed meanwhile
            else:
                deferred.fail(error)
            return error

        worker: Worker[str] = Worker(work)
        worker.setObjectName("open-database-behind")

        def arrived(error: str) -> None:
            if not shiboken6.isValid(self):
                return
            if error and not self.closed and self.window.service is deferred:
                self.storage_failed(error)  # the reason, once; the calls that waited fail
            self.deferredOpened.emit()

        worker.finished.connect(arrived)
        worker.finished.connect(worker.deleteLater)
        worker.start()

    def _choices_ready(self, choices: Any) -> None:
        if self.closed:
            return
        if choices.chosen is not None:
            self.window.set_profile(choices.chosen)
        else:
            self.window.ask_profile(choices)
        self.window._finish_loading()

    def _profiles_failed(self, _error: object) -> None:
        # The worker's error path has shown why; practise on without saving, as with no database.
        self.window.service = None
        self.window.storage_label.setText(QCoreApplication.translate("MainWindow", "Not saving: no database"))
        self.window._finish_loading()

    def storage_failed(self, message: str) -> None:
        window = self.window
        window.service = None
        window.storage_label.setText(QCoreApplication.translate("MainWindow", "Not saving: no database"))
        plain_text.warning(
            window,
            QCoreApplication.translate("MainWindow", "Answers will not be saved"),
            QCoreApplication.translate(
                "MainWindow",
                "The database could not be opened, so your answers will not be saved this time.\n\n%1",
            ).replace("%1", message),
        )

    def load_now(self) -> None:
        """The same on this thread (tests and scripts; the app opens it in the background)."""
        from balint_trainer.gui.accounts.profile_chooser import profile_choices

        window = self.window
        if window.service is None:
            window.service, error = open_database(window.database_url, backup=True)
            if error:
                self.storage_failed(error)
        if window.service is not None:
            try:
                self._choices_ready(profile_choices(window.service))
                return
            except Exception as exc:
                self.storage_failed(error_text(exc))
        window._finish_loading()
