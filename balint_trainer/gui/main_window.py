"""Main window: the library is the home view; player, summary and progress are built on demand."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from balint_trainer.gui import plain_text
from balint_trainer.gui.library import LibraryView
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.practice.feedback_flow import UnreadTracker

if TYPE_CHECKING:  # the catalogue loads after the window is shown
    from balint_trainer.core.catalogue import CatalogueEntry

WORKBENCH_MODULE = "balint_trainer.gui.workbench"


def resume_or_new_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    """The question box of :func:`ask_resume_or_new`: Resume is the default, Escape cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text names the scenario: untrusted
    resume = box.addButton(QCoreApplication.translate("MainWindow", "&Resume"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("MainWindow", "Start &new"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(resume)
    box.setEscapeButton(cancel)
    return box


def resume_or_new_choice(box: QMessageBox) -> str:
    """"resume", "new" or "cancel" from the button that closed the box."""
    clicked = box.clickedButton()
    role = box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole
    if role == QMessageBox.ButtonRole.AcceptRole:
        return "resume"
    if role == QMessageBox.ButtonRole.ActionRole:
        return "new"
    return "cancel"


def ask_resume_or_new(parent: QWidget, title: str, text: str) -> str:
    """Ask whether to resume the unfinished attempt: "resume", "new" or "cancel"."""
    box = resume_or_new_box(parent, title, text)
    box.exec()
    return resume_or_new_choice(box)


def ask_backup_lazily(parent: QWidget, backups: Sequence[Any]) -> Any:
    from balint_trainer.gui.backups import ask_backup

    return ask_backup(parent, backups)


def ask_save_path(parent: QWidget, caption: str, default: str, file_filter: str) -> str | None:
    """The file chosen in a save dialog, or None if cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, default, file_filter)
    return chosen or None


class MainWindow(QMainWindow):
    loaded = Signal()  # library and database are ready (the profile chooser may still be open)
    profile_changed = Signal(object)  # the profile practising now (chosen at start or switched)
    _service_opened = Signal(object, str)  # from the worker thread: service or None, error
    # Replaceable in tests (a modal box would block them).
    resume_prompt: Callable[[QWidget, str, str], str] = staticmethod(ask_resume_or_new)  # type: ignore[assignment]
    export_path_prompt: Callable[[QWidget, str, str, str], str | None] = staticmethod(ask_save_path)  # type: ignore[assignment]
    backup_prompt: Callable[[QWidget, Sequence[Any]], Any] = staticmethod(ask_backup_lazily)  # type: ignore[assignment]

    def __init__(
        self,
        database_url: str | None = None,
        extra_scenario_dirs: Sequence[str | Path] = (),
        *,
        service: Any = None,
        include_bundled: bool = True,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.database_url = database_url
        self.extra_dirs = [Path(p) for p in extra_scenario_dirs]
        self.include_bundled = include_bundled
        self.settings = settings
        self.service: Any = service
        self._owns_service = service is None
        self.profile: Any = None
        self.entries: list[CatalogueEntry] = []
        self.is_loaded = False
        self.session: Any = None
        self.attempt: Any = None
        self.player: Any = None
        self.summary_view: Any = None
        self.progress_view: Any = None
        self.review_view: Any = None

        self.setWindowTitle(self.tr("Balint Trainer"))
        self.stack = QStackedWidget()
        self.library = LibraryView()
        self.library.set_loading()
        self.library.start_requested.connect(self.start_scenario)
        self.library.resume_requested.connect(self.resume_scenario)
        self.library.edit_requested.connect(lambda entry: self.open_workbench("open_editor", path=entry.path))
        self.stack.addWidget(self.library)
        self.setCentralWidget(self.stack)
        self._build_menus()
        from balint_trainer.gui.practice.weak_spots import WeakSpots

        self.weak_spots = WeakSpots(self)  # spaced review of missed decisions
        self.storage_label = QLabel()
        self.storage_label.setAccessibleDescription(self.tr("Where answers are saved"))
        self.statusBar().addPermanentWidget(self.storage_label)
        self.feedback = UnreadTracker(self)  # unread supervisor comments: library marks, count here
        self.statusBar().addPermanentWidget(self.feedback.label)
        self.statusBar().showMessage(self.tr("Loading…"))
        self.resize(1200, 800)
        self._load_pending = False
        self._closed = False
        self._chooser: Any = None  # the open "Who is practising?" dialog
        self._service_opened.connect(self._service_ready)
        self.setAcceptDrops(True)  # annotation requests dropped from a file manager are opened
        self._update_actions()
        plain_labels(self)  # scenario and user text is never rich text

    # -- menus -----------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.add_folder_action = self._action(
            self.tr("&Add scenario folder…"), self.add_scenario_folder, "Ctrl+O"
        )
        self.reload_action = self._action(self.tr("&Reload library"), self.reload_library, "F5")
        self.export_attempts_action = self._action(
            self.tr("&Export my attempts for my supervisor…"), self.export_attempts, "Ctrl+Shift+X"
        )
        self.import_feedback_action = self._action(
            self.tr("Import &feedback from my supervisor…"), lambda: self.import_feedback()
        )
        self.restore_backup_action = self._action(self.tr("Restore from &backup…"), self.restore_backup)
        self.switch_profile_action = self._action(
            self.tr("&Switch profile…"), self.switch_profile, "Ctrl+Shift+U"
        )
        self.password_action = self._action(self.tr("Set &password…"), self.set_password)
        # An expert annotating from their own machine: needs no database (annotation_exchange.py).
        self.open_request_action = self._action(
            self.tr("&Open annotation request…"), self.open_annotation_request, "Ctrl+Shift+O"
        )
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addActions([self.add_folder_action, self.reload_action])
        file_menu.addSeparator()
        file_menu.addActions([self.switch_profile_action, self.password_action])
        file_menu.addSeparator()
        file_menu.addAction(self.export_attempts_action)
        file_menu.addAction(self.import_feedback_action)
        file_menu.addAction(self.open_request_action)
        file_menu.addAction(self.restore_backup_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        practice = bar.addMenu(self.tr("&Practice"))
        self.practice_action = self._action(
            self.tr("Start &practice"), lambda: self._start_selected("practice"), "Ctrl+P"
        )
        self.exam_action = self._action(
            self.tr("Start &exam"), lambda: self._start_selected("exam"), "Ctrl+E"
        )
        self.resume_action = self._action(
            self.tr("&Resume unfinished attempt"), self._resume_selected, "Ctrl+R"
        )
        self.leave_action = self._action(self.tr("Lea&ve session"), self.leave_session, "Ctrl+W")
        self.library_action = self._action(self.tr("&Library"), self.show_library, "Ctrl+L")
        self.progress_action = self._action(self.tr("Your pro&gress"), self.show_progress, "Ctrl+G")
        self.review_action = self._action(
            self.tr("My past a&ttempts…"), lambda: self.show_review(), "Ctrl+Shift+R"
        )
        practice.addActions([self.practice_action, self.exam_action, self.resume_action, self.leave_action])
        self.practice_menu = practice
        practice.addSeparator()
        practice.addActions([self.library_action, self.progress_action, self.review_action])

        tools = bar.addMenu(self.tr("&Tools"))
        self.tool_actions = [
            self._action(
                self.tr("&Supervisor view…"), lambda: self.open_workbench("open_supervisor"), "Ctrl+Shift+S"
            ),
            self._action(
                self.tr("Scenario &editor…"), lambda: self.open_workbench("open_editor"), "Ctrl+Shift+E"
            ),
            self._action(self.tr("Edit selec&ted scenario…"), self._edit_selected),
            self._action(
                self.tr("Expert &annotation…"), lambda: self.open_workbench("open_annotation"), "Ctrl+Shift+A"
            ),
            self._action(self.tr("E&xport scenario pack…"), lambda: self.open_workbench("export_pack")),
            self._action(self.tr("&Import scenario pack…"), lambda: self.open_workbench("import_pack")),
        ]
        tools.addActions(self.tool_actions[:4])
        tools.addSeparator()
        tools.addActions(self.tool_actions[4:])
        tools.addSeparator()
        # Its strings live with the profiles dialog's (translation context "ProfilesDialog").
        self.profiles_action = self._action(
            QCoreApplication.translate("ProfilesDialog", "&Profiles…"), self.open_profiles, "Ctrl+Shift+P"
        )
        tools.addAction(self.profiles_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Balint Trainer"), self.show_about))
        help_menu.addAction(self._action(self.tr("About &Qt"), QApplication.aboutQt))
        from balint_trainer.gui.guidance_menu import GuidanceMenu
        from balint_trainer.gui.reading import ViewMenu

        self.view_menu = ViewMenu(self, self.settings, before=help_menu.menuAction())
        self.guidance = GuidanceMenu(self, help_menu, self.settings)
        self.loaded.connect(self._introduce_when_free)  # first start: what the method is
        self.library.selection_changed = self._update_actions  # type: ignore[attr-defined]
        self.library.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())

    def _update_actions(self) -> None:
        in_library = self.stack.currentWidget() is self.library
        entry = self.library.current_entry()
        # With a database, nobody practises until a profile is chosen (answers need an owner).
        someone = self.service is None or self.profile is not None
        self.library.set_startable(someone)
        usable = bool(self.is_loaded and someone and in_library and entry is not None and entry.ok)
        self.practice_action.setEnabled(usable)
        self.exam_action.setEnabled(usable)
        self.resume_action.setEnabled(
            usable and entry is not None and self.library.model.is_resumable(entry.id)
        )
        self.leave_action.setEnabled(self.player is not None and self.stack.currentWidget() is self.player)
        self.progress_action.setEnabled(self.service is not None and self.profile is not None)
        self.export_attempts_action.setEnabled(self.service is not None and self.profile is not None)
        self.review_action.setEnabled(self.service is not None and self.profile is not None)
        self.import_feedback_action.setEnabled(self.service is not None and self.profile is not None)
        local = self.service is not None and getattr(self.service, "dialect", "sqlite") == "sqlite"
        self.switch_profile_action.setEnabled(bool(self.is_loaded and local and self._chooser is None))
        self.password_action.setEnabled(local and self.profile is not None)

    # -- loading -----------------------------------------------------------------
    def start_loading(self) -> None:
        """Load scenarios and open the database once the window has been painted.

        The library is read on the UI thread (from the catalogue cache, so it is quick);
        the database opens on a worker thread (imports, migrations, a network server)
        and ``loaded`` is emitted when both are done.
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
            self._load_in_background()

    def _load_in_background(self) -> None:
        self.load_library()
        if self.service is not None or not self._owns_service:
            self._service_ready(self.service, "")
            return
        self._open_service_in_background("open-database", backup=True)

    def _open_service_in_background(
        self, name: str, *, backup: bool, before: Callable[[], object] | None = None
    ) -> None:
        """Open the database on a worker thread (imports, migrations, a network server; after
        ``before``, e.g. restoring a backup) and deliver it or the error to ``_service_ready``."""
        url = self.database_url

        def work() -> None:
            service, error = None, ""
            try:
                from balint_trainer.services import ServiceError, open_service
            except ImportError as exc:  # a broken install: keep practising, say why nothing is saved
                error = str(exc)
            else:
                try:
                    if before is not None:
                        before()
                    service = open_service(url, backup=backup)
                except ServiceError as exc:
                    error = str(exc)
                except Exception as exc:
                    error = f"{type(exc).__name__}: {exc}"
            try:
                self._service_opened.emit(service, error)  # queued to the UI thread
            except RuntimeError:  # the window was deleted meanwhile
                if service is not None:
                    service.close()

        threading.Thread(target=work, name=name, daemon=True).start()

    def _service_ready(self, service: Any, error: str) -> None:
        if self._closed:  # the window went away while the database was opening
            if service is not None and self._owns_service:
                service.close()
            return
        if error:
            self._storage_failed(error)
        elif self.service is None:
            self.service = service
        if self.service is None:
            self._finish_loading()
            return
        # Who practises is read on a worker too; ``loaded`` follows once it is known or asked.
        from balint_trainer.gui.profile_chooser import profile_choices
        from balint_trainer.gui.worker import run_in_background

        self.storage_label.setText(self.tr("Opening profiles…"))
        svc = self.service
        run_in_background(
            self,
            lambda: profile_choices(svc),
            self._choices_ready,
            error_title=self.tr("Answers will not be saved"),
            on_error=self._profiles_failed,
            busy=False,
        )

    def _choices_ready(self, choices: Any) -> None:
        if self._closed:
            return
        if choices.chosen is not None:
            self.set_profile(choices.chosen)
        else:
            self.ask_profile(choices)
        self._finish_loading()

    def _profiles_failed(self, _error: BaseException) -> None:
        # The worker's error path has shown why; practise on without saving, as with no database.
        self.service = None
        self.storage_label.setText(self.tr("Not saving: no database"))
        self._finish_loading()

    def _introduce_when_free(self) -> None:
        """The first-run introduction, after "Who is practising?" if that is being asked."""
        if self._chooser is not None:
            self._chooser.finished.connect(lambda _result: self.guidance.maybe_show_intro())
        else:
            self.guidance.maybe_show_intro()

    def _finish_loading(self) -> None:
        self.is_loaded = True
        self._update_actions()
        self.loaded.emit()

    def load_now(self) -> None:
        """Load everything on this thread (tests and scripts; the app uses :meth:`start_loading`)."""
        from balint_trainer.gui.profile_chooser import profile_choices

        self.load_library()
        if self.service is None:
            self._open_service()
        if self.service is not None:
            try:
                self._choices_ready(profile_choices(self.service))
                return
            except Exception as exc:
                self._storage_failed(str(exc))
        self._finish_loading()

    def load_library(self) -> None:
        from balint_trainer.core.catalogue import load_catalogue

        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            self.entries = load_catalogue(self._all_extra_dirs(), include_bundled=self.include_bundled)
        except Exception as exc:  # each file is isolated (load_entry); this is the folder walk itself
            self.entries = []
            plain_text.warning(self, self.tr("Library"), self.tr("The library could not be read:") + f"\n{exc}")
        finally:
            QApplication.restoreOverrideCursor()
        self.library.set_entries(self.entries)
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

    def _open_service(self) -> None:
        try:
            from balint_trainer.services import ServiceError, open_service
        except ImportError as exc:  # a broken install: keep practising, say why nothing is saved
            self._storage_failed(str(exc))
            return
        try:
            self.service = open_service(self.database_url, backup=True)
        except ServiceError as exc:
            self._storage_failed(str(exc))
        except Exception as exc:
            self._storage_failed(f"{type(exc).__name__}: {exc}")

    def _storage_failed(self, message: str) -> None:
        self.service = None
        self.storage_label.setText(self.tr("Not saving: no database"))
        plain_text.warning(
            self,
            self.tr("Answers will not be saved"),
            self.tr(
                "The database could not be opened, so your answers will not be saved this time.\n\n%1"
            ).replace("%1", message),
        )

    def set_profile(self, profile: Any) -> None:
        """``profile`` practises from now on: title, status bar, best scores and the last choice
        (kept in the settings, preselected next time) follow."""
        self.profile = profile
        if self.settings is not None and profile is not None:
            from balint_trainer.gui.profile_chooser import SETTINGS_KEY

            self.settings.setValue(SETTINGS_KEY, profile.uid)
        self._show_storage()
        self.library.set_progress({}, set())  # never show the previous person's scores meanwhile
        self.refresh_progress()
        self._update_actions()
        self.profile_changed.emit(profile)

    def _show_storage(self) -> None:
        url = str(getattr(self.service, "url", ""))
        where = self.tr("local database") if url.startswith("sqlite") else self.tr("course database")
        if self.profile is None:
            self.setWindowTitle(self.tr("Balint Trainer"))
            self.storage_label.setText(self.tr("Nobody is practising yet: File → Switch profile…"))
        else:
            self.setWindowTitle(self.tr("%1 — Balint Trainer").replace("%1", self.profile.name))
            self.storage_label.setText(
                self.tr("%1 · saved to the %2").replace("%1", self.profile.name).replace("%2", where)
            )
        self.storage_label.setToolTip(url)

    # -- who is practising -----------------------------------------------------------
    def ask_profile(self, choices: Any) -> Any:
        """Open the "Who is practising?" dialog (window-modal, not blocking); returns it."""
        from balint_trainer.gui.profile_chooser import SETTINGS_KEY, ProfileChooser

        if self._chooser is not None:
            return self._chooser
        last = self.settings.value(SETTINGS_KEY, None) if self.settings is not None else None
        current = getattr(self.profile, "uid", None) or last
        chooser = ProfileChooser(
            self.service, choices, self, preselect_uid=current if isinstance(current, str) else None
        )
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        chooser.chosen.connect(self.set_profile)
        chooser.finished.connect(self._chooser_closed)
        self._chooser = chooser
        self._show_storage()
        self._update_actions()
        chooser.open()
        return chooser

    def _chooser_closed(self, _result: int) -> None:
        self._chooser = None
        self._update_actions()

    def switch_profile(self) -> None:
        """File → Switch profile…: ask first if a session is open, then choose again."""
        if self.service is None or self._chooser is not None:
            return
        if not self._confirm_leaving(quitting=False):
            return
        player: Any = self.player
        if player is not None and self.stack.currentIndex() == self.stack.indexOf(player):
            player.set_auto_play(False)
            player.state = "idle"  # the attempt stays resumable under its own profile
        if self.stack.currentWidget() is not self.library:
            self.show_library()
        from balint_trainer.gui.profile_chooser import profile_choices
        from balint_trainer.gui.worker import run_in_background

        svc = self.service
        self.switch_profile_action.setEnabled(False)
        run_in_background(
            self,
            lambda: profile_choices(svc, ask=True),
            self.ask_profile,
            error_title=self.tr("Switch profile"),
            on_error=lambda _error: self._update_actions(),
        )

    def set_password(self) -> Any:
        """File → Set password…: a password for the practising profile on this computer."""
        from balint_trainer.gui.profile_chooser import PasswordDialog

        if self.service is None or self.profile is None:
            return None
        dialog = PasswordDialog(self.service, self.profile, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Password set."), 5000))
        dialog.open()
        return dialog

    def open_profiles(self) -> Any:
        dialog = self.open_workbench("manage_profiles", current_profile_id=getattr(self.profile, "id", None))
        if dialog is not None:
            # The same dialog comes back when it is already open: connect once.
            dialog.profile_changed.connect(self.update_profile, Qt.ConnectionType.UniqueConnection)
            dialog.profiles_merged.connect(self._profiles_merged, Qt.ConnectionType.UniqueConnection)
        return dialog

    def _profiles_merged(self, report: Any) -> None:
        """The practising profile was merged into another: that one practises now."""
        if self.profile is not None and report.source.id == self.profile.id:
            self.set_profile(report.target)

    def update_profile(self, profile: Any) -> None:
        """A profile was renamed or moved: if it is the one practising here, show its new name."""
        if self.profile is not None and profile.id == self.profile.id:
            self.profile = profile
            self._show_storage()

    def refresh_progress(self) -> None:
        if self.service is None or self.profile is None:
            self.library.set_progress({}, set())
            self.weak_spots.refresh()  # no profile: nothing due
            self.refresh_feedback()  # clears the previous person's unread marks
            return
        try:
            best = self.service.practice.best_scores(self.profile.id)
            unfinished = {
                a.scenario_id for a in self.service.practice.attempts(profile_id=self.profile.id, finished=False)
            }
        except Exception as exc:
            self.statusBar().showMessage(
                self.tr("Could not read your scores: %1").replace("%1", str(exc)), 10000
            )
            return
        self.library.set_progress(best, unfinished)
        self._update_actions()
        self.weak_spots.refresh()
        self.refresh_feedback()

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

    def export_attempts(self, path: Path | str | None = None) -> Path | None:
        """Write this profile's attempts (finished or not) to a bundle a supervisor can import.

        ``path`` skips the file dialog (tests). The service writes atomically: a failed
        export leaves no partial file. Returns the file written, or None.
        """
        if self.service is None or self.profile is None:
            return None
        title = self.tr("Export my attempts")
        try:
            has_attempts = bool(self.service.practice.attempts(profile_id=self.profile.id))
        except Exception as exc:
            plain_text.warning(self, title, str(exc) or type(exc).__name__)
            return None
        if not has_attempts:
            plain_text.information(
                self, title, self.tr("You have no attempts to export yet. Practise a scenario first.")
            )
            return None
        if path is None:
            from datetime import date

            stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in self.profile.name).strip("-")
            default = Path.home() / f"{stem or 'trainee'}-attempts-{date.today().isoformat()}.json.gz"
            chosen = type(self).export_path_prompt(
                self,
                self.tr("Export my attempts for my supervisor"),
                str(default),
                self.tr("Attempt bundles (*.json.gz *.json)"),
            )
            if not chosen:
                return None
            # A name typed without an extension gets the compressed one the default has.
            path = chosen if chosen.endswith((".json", ".json.gz")) else chosen + ".json.gz"
        target = Path(path)
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            count = self.service.exchange.export_attempts(self.profile.id, target)
        except Exception as exc:  # BundleError (cannot write) and a lost database alike: say it in words
            QApplication.restoreOverrideCursor()
            plain_text.warning(
                self,
                title,
                self.tr("Your attempts were not exported; no file was written.\n\n%1").replace(
                    "%1", str(exc) or type(exc).__name__
                ),
            )
            return None
        QApplication.restoreOverrideCursor()
        done = self.tr("%Ln attempt(s) exported to %1", "", count).replace("%1", str(target))
        self.statusBar().showMessage(done, 10000)
        plain_text.information(
            self,
            title,
            done
            + "\n\n"
            + self.tr(
                "Send this file to your supervisor, who imports it in the supervisor view "
                "(Profiles → Import trainee attempts…). Export again after practising more: "
                "each file holds all your attempts, and importing one twice adds nothing."
            ),
        )
        return target

    # -- practice ------------------------------------------------------------------
    def _ensure_player(self) -> Any:
        if self.player is None:
            from balint_trainer.gui.practice.player import PlayerView

            self.player = PlayerView()
            self.player.ask_confidence = self.weak_spots.confidence_action.isChecked()
            self.player.answer_given.connect(self._record_answer)
            self.player.summary_requested.connect(self.finish_session)
            self.player.leave_requested.connect(self.leave_session)
            self.player.glossary_requested.connect(self.guidance.open_link)
            self.view_menu.attach(self.player)  # View → text size applies to the player
            self.stack.addWidget(self.player)
        return self.player

    def _start_selected(self, mode: str) -> None:
        entry = self.library.current_entry()
        if entry is not None and entry.ok:
            self.start_scenario(entry, mode)

    def _resume_selected(self) -> None:
        entry = self.library.current_entry()
        if entry is not None and entry.ok:
            self.resume_scenario(entry)

    def start_scenario(self, entry: CatalogueEntry, mode: str) -> None:
        from balint_trainer.core.session import PracticeSession

        scenario = entry.scenario
        if scenario is None or (self.service is not None and self.profile is None):
            return  # nobody practising yet: an attempt without an owner would be lost
        choice = self._offer_resume(entry)
        if choice == "cancel":
            return
        if choice == "resume":
            self.resume_scenario(entry)
            return
        from balint_trainer.core.option_order import new_seed

        attempt = None
        if self.service is not None and self.profile is not None:
            try:
                version = self.service.scenarios.register_scenario(entry.loaded)
                attempt = self.service.practice.start_attempt(
                    self.profile.id, version.id, mode, option_seed=type(self).option_seed()
                )
            except Exception as exc:
                if not self._ask_continue_unsaved(str(exc)):
                    return
        # The stored attempt's seed; an unsaved one shuffles too.
        seed = attempt.option_seed if attempt is not None else new_seed()
        self._play(PracticeSession(scenario, mode, seed=seed), attempt, entry.title)  # type: ignore[arg-type]

    @staticmethod
    def option_seed() -> str | None:
        """The seed of a new attempt's option order (None: a fresh random one; tests replace this)."""
        return None

    def _offer_resume(self, entry: CatalogueEntry) -> str:
        """"new" unless an unfinished attempt at this scenario exists: then ask the trainee.

        Starting over silently would leave the earlier answers behind unnoticed.
        """
        if self.service is None or self.profile is None:
            return "new"
        try:
            unfinished = self.service.practice.resumable_attempt(self.profile.id, entry.id)
        except Exception:
            return "new"  # starting will report a storage problem itself
        if unfinished is None or not unfinished.answers:
            return "new"  # nothing answered yet: nothing to lose by starting afresh
        decisions = len(entry.scenario.decisions) if entry.scenario is not None else 0
        from PySide6.QtCore import QLocale

        from balint_trainer.gui.local_time import when_text

        when = when_text(unfinished.started_at)
        number = QLocale().toString  # the same digits as the date's (Persian ones in Persian)
        mode = self.tr("practice") if unfinished.mode == "practice" else self.tr("exam")
        text = (
            self.tr(
                "You have an unfinished %1 attempt at this scenario, started %2, "
                "with %3 of %4 decisions answered.\n\nResume it, or start a new attempt? "
                "The unfinished one is kept either way."
            )
            .replace("%1", mode)
            .replace("%2", when)
            .replace("%3", number(len(unfinished.answers)))
            .replace("%4", number(decisions))
        )
        return type(self).resume_prompt(self, self.tr("Unfinished attempt"), text)

    def resume_scenario(self, entry: CatalogueEntry) -> None:
        from balint_trainer.core.session import PracticeSession, SessionError

        if self.service is None or self.profile is None:
            return
        try:
            attempt = self.service.practice.resumable_attempt(self.profile.id, entry.id)
            if attempt is None:
                self.statusBar().showMessage(self.tr("Nothing to resume for this scenario."), 5000)
                self.refresh_progress()
                return
            # The stored version, not today's file: the attempt is scored on what it started with.
            scenario = self.service.scenarios.scenario_version(attempt.version_id).load()
            session = PracticeSession(
                scenario, attempt.mode, answers=attempt.answers, seed=attempt.option_seed
            )
        except (SessionError, ValueError, Exception) as exc:
            plain_text.warning(self, self.tr("Cannot resume"), str(exc))
            return
        self._play(session, attempt, scenario.title)

    def _play(self, session: Any, attempt: Any, title: str) -> None:
        self.session = session
        self.attempt = attempt
        player = self._ensure_player()
        player.start(session, title)
        self.stack.setCurrentWidget(player)
        self._update_actions()
        mode = self.tr("Practice") if session.mode == "practice" else self.tr("Exam")
        self.statusBar().showMessage(
            self.tr("%1: %2").replace("%1", mode).replace("%2", title)
            + ("" if attempt is not None else " · " + self.tr("not saved")),
        )

    def _ask_continue_unsaved(self, message: str) -> bool:
        answer = plain_text.question(
            self,
            self.tr("Cannot save this attempt"),
            self.tr("The attempt could not be stored:\n\n%1\n\nPractise anyway, without saving?").replace(
                "%1", message
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _record_answer(self, result: Any) -> None:
        if self.service is None or self.attempt is None:
            return
        try:
            self.service.practice.record_answer(
                self.attempt.id,
                result.decision_id,
                result.option_id,
                own_words=result.own_words,
                seconds=result.seconds,
                credit=result.credit,
                shown_order=result.shown_order or None,
                confidence=self.player.confidence_row.value() if self.player is not None else None,
                timed_out=result.timed_out,
            )
        except Exception as exc:
            plain_text.warning(
                self,
                self.tr("Answer not saved"),
                self.tr("Your answer could not be saved:\n\n%1").replace("%1", str(exc)),
            )
            return
        self.statusBar().showMessage(self.tr("Answer saved."), 3000)

    def finish_session(self) -> None:
        session = self.session
        if session is None or not session.finished:
            return
        title = self.player.title_text if self.player else session.scenario.title
        if self.service is not None and self.attempt is not None:
            try:
                self.attempt = self.service.practice.finish_attempt(self.attempt.id)
            except Exception as exc:
                plain_text.warning(self, self.tr("Attempt not finished"), str(exc))
        summary = session.summary()
        self.show_summary(summary, title, session.scenario.language)
        from balint_trainer.gui.practice.adaptive_views import show_panel_relative

        show_panel_relative(self.summary_view.panel_relative, session.scenario, summary.decisions)
        self.refresh_progress()

    def show_summary(self, summary: Any, title: str, language: str | None = None) -> None:
        if self.summary_view is None:
            from balint_trainer.gui.practice.summary import SummaryView

            self.summary_view = SummaryView()
            self.summary_view.back_requested.connect(self.show_library)
            self.summary_view.progress_requested.connect(self.show_progress)
            self.summary_view.again_requested.connect(self._practise_again)
            self.summary_view.glossary_requested.connect(self.guidance.open_link)
            self.stack.addWidget(self.summary_view)
        self.summary_view.show_summary(summary, title, language)
        self.stack.setCurrentWidget(self.summary_view)
        self._update_actions()

    def _practise_again(self) -> None:
        if self.session is None:
            return
        scenario_id = self.session.scenario.id
        self.show_library()
        if self.library.select_scenario(scenario_id):
            self._start_selected(self.session.mode)

    def leave_session(self) -> None:
        player: Any = self.player
        if player is None or self.stack.currentIndex() != self.stack.indexOf(player):
            return
        if not self._confirm_leaving(quitting=False):
            return
        player.set_auto_play(False)
        player.state = "idle"
        self.show_library()

    def _in_session(self) -> bool:
        player: Any = self.player
        return (
            player is not None
            and self.stack.currentIndex() == self.stack.indexOf(player)
            and player.state not in ("end", "idle", "case")
        )

    def _confirm_leaving(self, *, quitting: bool) -> bool:
        """Ask before leaving a session half-way; say whether the answers are kept."""
        if not self._in_session():
            return True
        saved = self.attempt is not None
        if quitting:
            title = self.tr("Quit Balint Trainer")
            text = (
                self.tr(
                    "Quit in the middle of this session? Your answers so far are saved; "
                    "you can resume it from the library next time."
                )
                if saved
                else self.tr("Quit in the middle of this session? Your answers are not saved.")
            )
        else:
            title = self.tr("Leave session")
            text = (
                self.tr(
                    "Leave this session? Your answers so far are saved; you can resume it from the library."
                )
                if saved
                else self.tr("Leave this session? Your answers are not saved.")
            )
        if self.player.state == "deciding" and (
            self.player.selected_option() is not None or self.player.own_words.toPlainText().strip()
        ):
            text += "\n\n" + self.tr("The choice you have not confirmed yet is not saved.")
        answer = plain_text.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_library(self) -> None:
        self.stack.setCurrentWidget(self.library)
        self.refresh_progress()
        self.library.table.setFocus()
        self._update_actions()

    def show_progress(self) -> None:
        if self.service is None or self.profile is None:
            plain_text.information(
                self, self.tr("Progress"), self.tr("Progress needs the database, which is not open.")
            )
            return
        if self.progress_view is None:
            from balint_trainer.gui.progress import ProgressView

            self.progress_view = ProgressView()
            self.progress_view.back_requested.connect(self.show_library)
            self.progress_view.review_requested.connect(lambda: self.show_review())
            self.stack.addWidget(self.progress_view)
        try:
            points = self.service.practice.progress(self.profile.id)
        except Exception as exc:
            plain_text.warning(self, self.tr("Progress"), str(exc))
            return
        titles = {e.id: e.title for e in self.entries if e.ok}
        labels: dict[str, str] = {}
        for entry in self.entries:
            labels.update(zip(entry.competencies, entry.competency_labels(), strict=True))
        self.progress_view.show_points(points, titles, labels, unread=self.feedback.by_attempt())
        from balint_trainer.gui.practice.weak_spots import show_in_progress

        self.progress_task = show_in_progress(self, labels)  # mastery and calibration, off the UI thread
        self.stack.setCurrentWidget(self.progress_view)
        from balint_trainer.gui.worker import run_in_background

        service, profile_id = self.service, self.profile.id
        run_in_background(
            self,
            lambda: service.review.recorded_sessions(profile_id),
            lambda sessions: self.progress_view.show_recorded(sessions, points),
            error_title=self.tr("Could not load recorded sessions"),
            busy=False,
        )
        self.progress_view.back_button.setFocus()
        self._update_actions()

    # -- tools -------------------------------------------------------------------------
    def _edit_selected(self) -> None:
        entry = self.library.current_entry()
        self.open_workbench("open_editor", path=entry.path if entry is not None else None)

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
            QMessageBox.critical(self, self.tr("Tool failed"), f"{type(exc).__name__}: {exc}")
            return None
        if name in ("import_pack", "open_editor", "open_annotation"):
            self.reload_library()
        return result

    def open_annotation_request(self, path: str | Path | None = None) -> Any:
        """Open an organiser's annotation request (read off the UI thread) in its own window."""
        from balint_trainer.gui.workbench.annotation_exchange import open_annotation_request

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
        """Replace the local database with a backup the user chooses. Works when the database
        could not be opened (that is when it is needed most); the swap runs off the UI thread."""
        from balint_trainer.services.backups import backups_of, local_database_file

        if not self._owns_service:
            return
        database = local_database_file(self.database_url)
        if database is None:
            QMessageBox.information(
                self,
                self.tr("Restore from backup"),
                self.tr("Backups are kept for the local database only; a course database is backed up by its administrator."),
            )
            return
        backups = backups_of(database)
        if not backups:
            QMessageBox.information(
                self, self.tr("Restore from backup"), self.tr("There are no backups of %1 yet.").replace("%1", str(database))
            )
            return
        chosen = self.backup_prompt(self, backups)
        if chosen is None or not self._confirm_leaving(quitting=False):
            return
        if self.player is not None:
            self.player.set_auto_play(False)
            self.player.state = "idle"
            self.show_library()
        if self.service is not None:
            self.service.close()
            self.service = None
        self.profile = None
        self.is_loaded = False
        self._update_actions()
        self.storage_label.setText(self.tr("Restoring a backup…"))

        def swap_files() -> None:
            from balint_trainer.services.backups import restore

            restore(database, chosen.path)

        self._open_service_in_background("restore-backup", backup=False, before=swap_files)

    def show_about(self) -> None:
        from balint_trainer.gui.about import AboutDialog

        AboutDialog(self.entries, self).exec()

    # -- closing -----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._confirm_leaving(quitting=True) or not close_tool_windows(self):
            event.ignore()
            return
        self._closed = True  # a database still opening is closed when it arrives
        if self.player is not None:
            self.player.set_auto_play(False)
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
