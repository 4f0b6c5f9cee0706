"""Main window: the shell (menus, status bar, pages, drag and drop, closing).

The library is the home view; player, summary and progress pages are built on demand. The
practice flow lives in :class:`~balint_trainer.gui.practice.controller.PracticeController`,
start-up in :mod:`balint_trainer.gui.startup`, profiles in :mod:`balint_trainer.gui.accounts`:
each runs its database work off the UI thread and answers with signals.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from balint_trainer.gui import plain_text
from balint_trainer.gui.accounts.session import Accounts
from balint_trainer.gui.lazy_qt import ALIGN_CENTER, Qt, set_enum_property  # see gui/lazy_qt.py
from balint_trainer.gui.practice.controller import PracticeController
from balint_trainer.gui.practice.feedback_flow import UnreadTracker
from balint_trainer.gui.practice.pages import PracticePages, WindowPrompts
from balint_trainer.gui.startup import Startup

if TYPE_CHECKING:  # the catalogue loads after the window is shown
    from balint_trainer.core.catalogue import CatalogueEntry
    from balint_trainer.gui.guidance_menu import GuidanceMenu
    from balint_trainer.gui.practice.library import LibraryView
    from balint_trainer.gui.practice.weak_spots import WeakSpots
    from balint_trainer.gui.reading import ViewMenu
    from balint_trainer.gui.tool_launcher import ToolLauncher
    from balint_trainer.services.api import ServicesApi

WORKBENCH_MODULE = "balint_trainer.gui.workbench"
HOLD_ROWS_MS = 1000  # the longest the library's rows wait for the database at start


# Dialog classes (file dialogs, message boxes) are imported where they open: each Qt class's Python
# type, with its enums, costs 0.3-2 ms, and this module loads before the window's first frame.
def ask_resume_lazily(parent: QWidget, title: str, text: str) -> str:
    from balint_trainer.gui.practice.resume_prompt import ask_resume_or_new

    return ask_resume_or_new(parent, title, text)


def ask_backup_lazily(parent: QWidget, backups: Sequence[Any]) -> Any:
    from balint_trainer.gui.backups import ask_backup

    return ask_backup(parent, backups)


def ask_save_path(parent: QWidget, caption: str, default: str, file_filter: str) -> str | None:
    """The file chosen in a save dialog, or None if cancelled."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(parent, caption, default, file_filter)
    return chosen or None


class MainWindow(QMainWindow):
    loaded = Signal()  # library and database are ready (the profile chooser may still be open)
    ready = Signal()  # practice can start: loaded, and someone practises (emitted on each change to ready)
    profile_changed = Signal(object)  # the profile practising now (chosen at start or switched)
    first_frame = Signal()  # after start_loading(): the first frame is on screen, loading begins
    # Built by gui/menus.py.
    add_folder_action: QAction
    reload_action: QAction
    export_attempts_action: QAction
    import_feedback_action: QAction
    restore_backup_action: QAction
    switch_profile_action: QAction
    password_action: QAction
    open_request_action: QAction
    practice_action: QAction
    exam_action: QAction
    resume_action: QAction
    leave_action: QAction
    library_action: QAction
    progress_action: QAction
    review_action: QAction
    profiles_action: QAction
    tool_actions: list[QAction]
    practice_menu: QMenu
    view_menu: ViewMenu
    guidance: GuidanceMenu
    _tool_launcher: ToolLauncher | None = None  # made on the first open_tool
    # Replaceable in tests (a modal box would block them).
    resume_prompt: Callable[[QWidget, str, str], str] = staticmethod(ask_resume_lazily)  # type: ignore[assignment]
    export_path_prompt: Callable[[QWidget, str, str, str], str | None] = staticmethod(ask_save_path)  # type: ignore[assignment]
    backup_prompt: Callable[[QWidget, Sequence[Any]], Any] = staticmethod(ask_backup_lazily)  # type: ignore[assignment]

    def __init__(
        self,
        database_url: str | None = None,
        extra_scenario_dirs: Sequence[str | Path] = (),
        *,
        service: ServicesApi | None = None,
        include_bundled: bool = True,
        settings: QSettings | None = None,
        defer_library: bool = False,
    ) -> None:
        """``defer_library`` (the app's start): the library view is built right after the first
        paint, which then shows the menus and a "Loading…" line; otherwise it is built here."""
        super().__init__()
        self.database_url = database_url
        self.extra_dirs = [Path(p) for p in extra_scenario_dirs]
        self.include_bundled = include_bundled
        self.settings = settings
        # Service, profile, session and attempt live in the controller (properties below).
        self.practice = PracticeController(WindowPrompts(self), self)
        self.practice.service = service
        self.pages = PracticePages(self)  # player, summary, progress: built on first use
        self.startup = Startup(self)
        self.accounts = Accounts(self, settings)
        self._owns_service = service is None
        self.entries: list[CatalogueEntry] = []
        self.is_loaded = False
        self._restoring = False
        self._was_ready = False
        self.review_view: Any = None

        self.setWindowTitle(self.tr("Balint Trainer"))
        self.stack = QStackedWidget()
        self._library: LibraryView | None = None
        self._placeholder: QWidget | None = None
        self.setCentralWidget(self.stack)
        from balint_trainer.gui.menus import build_menus

        build_menus(self)
        self.storage_label = plain_text.plain_label()  # names a database file or a profile
        self.storage_label.setAccessibleDescription(self.tr("Where answers are saved"))
        self.feedback = UnreadTracker(self)  # unread supervisor comments: library marks, count here
        self._status_bar_built = False
        self.resize(1200, 800)
        self._load_pending = False
        self._closed = False
        self._connect_parts()
        self.setAcceptDrops(True)  # annotation requests dropped from a file manager are opened
        if defer_library:
            # Importing and building the library's views (item views, text browser, their Qt types)
            # is a third of the start-up: the first frame shows what the library shows while loading.
            self._placeholder = plain_text.plain_label(self.tr("Loading…"))
            set_enum_property(self._placeholder, "alignment", ALIGN_CENTER)  # = setAlignment(AlignCenter)
            self.stack.addWidget(self._placeholder)
            self._update_actions()
        else:
            self._build_status_bar()
            self._build_library()
        # No plain_labels(self) here: the library sets its own labels and the status bar's two are
        # plain labels; walking the whole tree wraps every private child before the first paint.

    def _build_status_bar(self) -> None:
        """The status bar; at the app's start just after the first frame, since a window's first
        QStatusBar costs 5–10 ms of Qt set-up and the frame shows only "Loading…" anyway."""
        if self._status_bar_built:
            return
        self._status_bar_built = True
        self.statusBar().addPermanentWidget(self.storage_label)
        self.statusBar().addPermanentWidget(self.feedback.label)
        self.statusBar().showMessage(self.tr("Loading…"))

    @property
    def library(self) -> LibraryView:
        """The library view (the home page), built on first use."""
        return self._library if self._library is not None else self._build_library()

    def _build_library(self) -> LibraryView:
        from balint_trainer.gui.menus import connect_library
        from balint_trainer.gui.practice.library import LibraryView
        from balint_trainer.gui.practice.weak_spots import WeakSpots

        library = self._library = LibraryView()
        library.set_loading()
        library.start_requested.connect(self.start_scenario)
        library.resume_requested.connect(self.resume_scenario)
        library.edit_requested.connect(lambda entry: self.open_tool("open_editor", path=entry.path))
        self.stack.addWidget(library)
        placeholder, self._placeholder = self._placeholder, None
        if placeholder is not None:
            had_focus = self.isActiveWindow()
            self.stack.setCurrentWidget(library)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if had_focus and self.focusWidget() is None:
                self.focusNextChild()  # where the focus goes when the library is there at start
        connect_library(self)
        self.weak_spots: WeakSpots = WeakSpots(self)  # spaced review of missed decisions
        self._update_actions()
        return library

    # -- state the other parts read (weak spots, feedback, review, tests) -------------
    @property
    def service(self) -> ServicesApi | None:
        return self.practice.service

    @service.setter
    def service(self, service: ServicesApi | None) -> None:
        self.practice.service = service

    @property
    def profile(self) -> Any:
        return self.practice.profile

    @profile.setter
    def profile(self, profile: Any) -> None:
        self.practice.profile = profile

    @property
    def session(self) -> Any:
        return self.practice.session

    @property
    def attempt(self) -> Any:
        return self.practice.attempt

    @property
    def _chooser(self) -> Any:
        return self.accounts.chooser

    @property
    def is_ready(self) -> bool:
        """Practice can start: library and database loaded and, with a database, a profile chosen
        (answers need an owner). Without a database one practises unsaved, as before."""
        return bool(
            self.is_loaded and not self._restoring and (self.service is None or self.profile is not None)
        )

    def _update_actions(self) -> None:
        library = self._library  # None until built (the app's first frame): nothing to start yet
        in_library = library is not None and self.stack.currentWidget() is library
        entry = library.current_entry() if library is not None else None
        ready = self.is_ready
        if library is not None:  # nothing starts twice: the library waits while a start is on its way
            library.set_practice_enabled(ready and not self.practice.busy)
        usable = bool(ready and not self.practice.busy and in_library and entry is not None and entry.ok)
        self.practice_action.setEnabled(usable)
        self.exam_action.setEnabled(usable)
        self.resume_action.setEnabled(
            usable and library is not None and entry is not None and library.model.is_resumable(entry.id)
        )
        self.leave_action.setEnabled(self.player is not None and self.stack.currentWidget() is self.player)
        self.progress_action.setEnabled(self.service is not None and self.profile is not None)
        self.export_attempts_action.setEnabled(self.service is not None and self.profile is not None)
        self.review_action.setEnabled(self.service is not None and self.profile is not None)
        self.import_feedback_action.setEnabled(self.service is not None and self.profile is not None)
        local = self.service is not None and getattr(self.service, "dialect", "sqlite") == "sqlite"
        self.switch_profile_action.setEnabled(bool(self.is_loaded and local and self._chooser is None))
        self.password_action.setEnabled(local and self.profile is not None)
        if ready != self._was_ready:
            self._was_ready = ready
            if ready:
                self.ready.emit()

    def _connect_parts(self) -> None:
        practice = self.practice
        practice.busyChanged.connect(lambda _busy: self._update_actions())
        practice.progressRead.connect(self._progress_read)
        practice.progressFailed.connect(
            lambda text: self.statusBar().showMessage(
                self.tr("Could not read your scores: %1").replace("%1", text), 10000
            )
        )
        practice.notice.connect(lambda text: self.statusBar().showMessage(text, 5000))
        practice.failed.connect(lambda title, text: plain_text.warning(self, title, text))
        self.accounts.chooserChanged.connect(self._update_actions)
        self.accounts.passwordSet.connect(lambda: self.statusBar().showMessage(self.tr("Password set."), 5000))

    @property
    def player(self) -> Any:
        return self.pages.player

    @property
    def summary_view(self) -> Any:
        return self.pages.summary_view

    @property
    def progress_view(self) -> Any:
        return self.pages.progress_view

    # -- loading -----------------------------------------------------------------
    def start_loading(self) -> None:
        """Load scenarios and open the database once the window has been painted.

        The library is read on the UI thread (from the catalogue cache, so it is quick);
        the database opens on a worker thread (imports, migrations, a network server)
        and ``loaded`` is emitted when both are done; ``ready`` once someone practises.
        """
        if self.isVisible():
            self._load_pending = True
            QTimer.singleShot(250, self._load_if_pending)  # in case no paint event comes
        else:
            QTimer.singleShot(0, self._load_in_background)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self._load_pending:
            QTimer.singleShot(0, self._load_if_pending)  # after this first paint is on screen
        return handled

    def _load_if_pending(self) -> None:
        if self._load_pending:
            self._load_pending = False
            self.first_frame.emit()
            self._load_in_background()

    def _load_in_background(self) -> None:
        self._build_status_bar()
        opening = self.service is None and self._owns_service
        if opening:
            # Rows wait for the database (see LibraryView.hold_rows), a second at most: a slow
            # server does not keep the library from showing.
            self.library.hold_rows()  # released by Startup once the database is open
            QTimer.singleShot(HOLD_ROWS_MS, self.library.release_rows)
        self.load_library()
        if not opening:
            self.startup.opened.emit(self.service, "")
            return
        self.storage_label.setText(self.tr("Opening the database…"))  # why Start waits
        self.startup.open_in_background("open-database", backup=True)

    def load_now(self) -> None:
        """Load everything on this thread (tests and scripts; the app uses :meth:`start_loading`)."""
        self._build_status_bar()
        self.load_library(wait=True)
        self.startup.load_now()

    def _introduce_when_free(self) -> None:
        """The first-run introduction, after "Who is practising?" if that is being asked.

        A turn of the event loop later: the window paints its ready library first, and building
        the (non-modal) introduction's Markdown does not hold that frame back."""
        if self._chooser is not None:
            self._chooser.finished.connect(lambda _result: self.guidance.maybe_show_intro())
        else:
            QTimer.singleShot(0, self.guidance.maybe_show_intro)

    def _finish_loading(self) -> None:
        if self.library.is_loading():  # ready means the library is complete too
            self.library.loaded.connect(self._finish_loading, Qt.ConnectionType.SingleShotConnection)
            return
        self.is_loaded = True
        self._update_actions()
        self.loaded.emit()

    def load_library(self, *, wait: bool = False) -> None:
        """Read the library on a worker thread (rows stream in on a first start); ``wait``
        returns once it is complete (tests and scripts, the UI keeps painting meanwhile)."""
        from balint_trainer.gui.practice.library_loader import load_into

        def failed(exc: BaseException) -> None:  # each file is isolated; this is the folder walk itself
            self.entries = []
            plain_text.warning(self, self.tr("Library"), self.tr("The library could not be read:") + f"\n{exc}")

        loader = load_into(
            self.library,
            self._all_extra_dirs(),
            include_bundled=self.include_bundled,
            on_finished=self._library_loaded,
            on_failed=failed,
        )
        if wait:
            from PySide6.QtCore import QEventLoop

            loop = QEventLoop()
            self.library.loaded.connect(loop.quit)
            loader.failed.connect(loop.quit)
            if self.library.is_loading():
                loop.exec()
            self.library.loaded.disconnect(loop.quit)

    def _library_loaded(self, entries: list[CatalogueEntry]) -> None:
        self.entries = entries
        self.weak_spots.refresh()  # its queue names scenarios of the library (on a worker)
        valid = sum(e.ok for e in self.entries)
        from balint_trainer.gui.reading import plural

        self.statusBar().showMessage(
            plural(self.tr("Library loaded: %n scenario(s)", "", valid), valid), 5000
        )

    def _all_extra_dirs(self) -> list[Path]:
        stored: list[Path] = []
        if self.settings is not None:
            raw = self.settings.value("library/extra_dirs", [])
            values: list[Any] = (
                [raw] if isinstance(raw, str) else list(raw or []) if isinstance(raw, list) else []
            )
            stored = [Path(str(v)) for v in values]
        from balint_trainer.paths import user_scenarios_dir

        # Imported packs live in the user's scenario folder; it is always part of the library.
        own = user_scenarios_dir()
        dirs = [*self.extra_dirs, *(p for p in stored if p not in self.extra_dirs)]
        return dirs if own in dirs else [*dirs, own]

    # -- who is practising (gui/accounts/session.py) ---------------------------------
    def set_profile(self, profile: Any) -> None:
        """``profile`` practises from now on (title, status bar, scores and settings follow)."""
        self.accounts.set_profile(profile)

    def _show_storage(self) -> None:
        self.accounts.show_storage()

    def ask_profile(self, choices: Any) -> Any:
        """Open the "Who is practising?" dialog (window-modal, not blocking); returns it."""
        return self.accounts.ask_profile(choices)

    def switch_profile(self) -> None:
        """File → Switch profile…: ask first if a session is open, then choose again."""
        if self.service is not None and self._chooser is None and self._confirm_leaving(quitting=False):
            self._stop_player()  # the attempt stays resumable under its own profile
            if self.stack.currentWidget() is not self.library:
                self.show_library()
            self.switch_profile_action.setEnabled(False)
            self.accounts.switch(self.service, self.profile)

    def set_password(self) -> Any:
        """File → Set password…: a password for the practising profile on this computer."""
        if self.service is None:  # the action waits for the database; a stray call does nothing
            return None
        return self.accounts.set_password(self.service, self.profile)

    def open_profiles(self) -> Any:
        return self.accounts.open_profiles()

    def update_profile(self, profile: Any) -> None:
        """A profile was renamed or moved: if it is the one practising here, show its new name."""
        self.accounts.update_profile(profile)

    def refresh_progress(self) -> None:
        """Best scores and resumable attempts, read off the UI thread (then :meth:`_progress_read`)."""
        self.practice.refresh_progress()

    def _progress_read(self, best: Any, unfinished: Any) -> None:
        self.library.set_progress(best, unfinished)
        self._update_actions()
        self.weak_spots.refresh()  # no profile: nothing due
        self.refresh_feedback()  # no profile: clears the previous person's unread marks

    # -- supervisor feedback (gui/practice/feedback_flow.py, gui/review.py) -----------------------
    def refresh_feedback(self) -> None:
        """Re-count unread supervisor comments (off the UI thread) and update their marks."""
        self.feedback.refresh()

    def import_feedback(self, path: Path | str | None = None) -> None:
        from balint_trainer.gui.practice.feedback_flow import import_feedback

        import_feedback(self, path)

    def show_review(self, scenario_id: str | None = None) -> None:
        """*My past attempts…*: the trainee's own review of every attempt, with comments."""
        if self.service is None or self.profile is None:
            return
        if self.review_view is None:
            from balint_trainer.gui.review import OwnReviewView

            self.review_view = OwnReviewView()
            self.review_view.back_requested.connect(self.show_library)
            self.review_view.comments_read.connect(lambda _n: self.refresh_feedback())
            self.stack.addWidget(self.review_view)
        titles = {e.id: e.title for e in self.entries if e.ok}
        self.review_view.load(self.service, self.profile, titles, select_scenario=scenario_id)
        self.stack.setCurrentWidget(self.review_view)
        self.review_view.table.setFocus()
        self._update_actions()

    def reload_library(self) -> None:
        self.library.set_loading()
        self.load_library()
        self.refresh_progress()

    def add_scenario_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of scenarios"))
        if not folder:
            return
        path = Path(folder)
        if path not in self.extra_dirs:
            self.extra_dirs.append(path)
            if self.settings is not None:
                stored = [str(p) for p in self._all_extra_dirs()]
                self.settings.setValue("library/extra_dirs", stored)
        self.reload_library()

    def export_attempts(self, path: Path | str | None = None) -> Any:
        """Write this profile's attempts to a bundle a supervisor can import (off the UI thread).

        ``path`` skips the file dialog (tests). Returns the running export (its ``finished``
        carries the file written, or None), or None when there is nobody to export for.
        """
        if self.service is None or self.profile is None:
            return None
        from balint_trainer.gui.practice.export_attempts import AttemptsExport

        export = AttemptsExport(self, self.service, self.profile, path, type(self).export_path_prompt)
        export.notice.connect(lambda text: self.statusBar().showMessage(text, 10000))
        return export.start()

    # -- practice (gui/practice/controller.py drives it; gui/practice/pages.py shows it) ---
    @staticmethod
    def option_seed() -> str | None:
        """The seed of a new attempt's option order (None: a fresh random one; tests replace this)."""
        return None

    def _start_selected(self, mode: str) -> None:
        entry = self.library.current_entry()
        if entry is not None and entry.ok and self.is_ready:
            self.start_scenario(entry, mode)

    def _resume_selected(self) -> None:
        entry = self.library.current_entry()
        if entry is not None and entry.ok and self.is_ready:
            self.resume_scenario(entry)

    def start_scenario(self, entry: CatalogueEntry, mode: str) -> None:
        """Start ``entry`` (asynchronous: the player shows once the attempt is stored)."""
        if self.is_ready:
            self.practice.start(entry, "exam" if mode == "exam" else "practice")

    def resume_scenario(self, entry: CatalogueEntry) -> None:
        if self.is_ready:
            self.practice.resume(entry)

    def finish_session(self) -> None:
        self.practice.finish()

    def show_summary(self, summary: Any, title: str, language: str | None = None) -> None:
        self.pages.show_summary(summary, title, language)

    def _practise_again(self) -> None:
        session = self.session
        if session is None:
            return
        self.show_library()
        if self.library.select_scenario(session.scenario.id):
            self._start_selected(session.mode)

    def _stop_player(self) -> None:
        self.pages.stop_player()

    def leave_session(self) -> None:
        if self.pages.player_shown() and self._confirm_leaving(quitting=False):
            self._stop_player()
            self.show_library()

    def _confirm_leaving(self, *, quitting: bool) -> bool:
        """Ask before leaving a session half-way; say whether the answers are kept."""
        return self.pages.confirm_leaving(quitting=quitting)

    def show_library(self) -> None:
        self.stack.setCurrentWidget(self.library)
        self.refresh_progress()
        self.library.table.setFocus()
        self._update_actions()

    def show_progress(self) -> None:
        """Your progress: the page shows once its points are read (off the UI thread)."""
        self.pages.show_progress()

    # -- tools -------------------------------------------------------------------------
    def _edit_selected(self) -> None:
        entry = self.library.current_entry()
        self.open_tool("open_editor", path=entry.path if entry is not None else None)

    def open_tool(self, name: str, **kwargs: Any) -> None:
        """A workbench tool, from a menu: imported on a worker first (gui/tool_launcher.py)."""
        if self._tool_launcher is None:
            from balint_trainer.gui.tool_launcher import ToolLauncher

            self._tool_launcher = ToolLauncher(self)
        self._tool_launcher.open(name, **kwargs)

    def open_workbench(self, name: str, **kwargs: Any) -> Any:
        try:
            module = importlib.import_module(WORKBENCH_MODULE)
            function = getattr(module, name)
        except (ImportError, AttributeError) as exc:
            plain_text.warning(
                self,
                self.tr("Not available"),
                self.tr("This tool is not available in this installation.\n\n%1").replace("%1", str(exc)),
            )
            return None
        if self.service is None:
            plain_text.warning(
                self, self.tr("Not available"), self.tr("This tool needs the database, which is not open.")
            )
            return None
        try:
            result = function(self, self.service, **kwargs)
        except Exception as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, self.tr("Tool failed"), f"{type(exc).__name__}: {exc}")
            return None
        if name in ("import_pack", "open_editor", "open_annotation"):
            self.reload_library()
        return result

    def open_annotation_request(self, path: str | Path | None = None) -> Any:
        """Open an organiser's annotation request (read off the UI thread) in its own window."""
        from balint_trainer.gui.authoring.annotation_exchange import open_annotation_request

        return open_annotation_request(self, path)

    @staticmethod
    def _dropped_requests(event: QDropEvent | QDragEnterEvent) -> list[Path]:
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
        return [Path(f) for f in files if f.lower().endswith(".json")]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_requests(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_requests(event)
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # Once the drop has returned: a message shown inside it would hold the file manager.
        for path in paths:
            QTimer.singleShot(0, lambda path=path: self.open_annotation_request(path))

    # -- backups -----------------------------------------------------------------------
    def restore_backup(self) -> None:
        """File → Restore from backup… (gui/backups.py); works when the database could not be opened."""
        from balint_trainer.gui.backups import restore_backup

        if self._owns_service:
            restore_backup(self)

    def _restore_started(self, swap_files: Callable[[], object]) -> None:
        """Leave practice, then close the database, swap the files and open it again, all on a
        worker thread; ``loaded`` (and ``ready``) follow as at start."""
        self._stop_player()
        if self.stack.currentWidget() is not self.library:
            self.show_library()
        old, self.service, self.profile = self.service, None, None
        self.practice.drop_unsaved()  # they belong to the database being replaced
        self.is_loaded, self._restoring = False, True
        self._update_actions()
        self.storage_label.setText(self.tr("Restoring a backup…"))

        def close_and_swap() -> None:
            if old is not None:
                old.close()
            swap_files()

        self.startup.open_in_background("restore-backup", backup=False, before=close_and_swap)

    def show_about(self) -> None:
        from balint_trainer.gui.about import AboutDialog

        AboutDialog(self.entries, self).exec()

    # -- closing -----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_leaving(quitting=True) or not close_tool_windows(self):
            event.ignore()
            return
        self._closed = self.startup.closed = True  # a database still opening is closed when it arrives
        if self.player is not None:
            self.player.set_auto_play(False)
        if self.practice.saving:
            self.practice.wait(3000)  # an answer being written is not cut off by closing
        if self._owns_service and self.service is not None:
            self.service.close()
            self.service = None
        super().closeEvent(event)


def close_tool_windows(window: QWidget) -> bool:
    """Close the windows opened from this one (editor, supervisor…) first, each asking about
    unsaved work; False, with everything left open, as soon as one refuses (Cancel)."""
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible() or not _owned_by(widget, window):
            continue
        if not widget.close():
            return False
    return True


def _owned_by(widget: QWidget, window: QWidget) -> bool:
    # isAncestorOf() stops at window boundaries; a tool window is a separate window.
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def current_widget_name(window: MainWindow) -> str:
    widget: QWidget | None = window.stack.currentWidget()
    return type(widget).__name__ if widget is not None else ""
