"""Supervisor window: trainees, their attempts, attempt review with comments, progress, cohort items, reports.

The window holds the trainee list, the tabs and the menus; each tab is its own widget
(:mod:`.attempts_tab`, :mod:`.progress_tab`, :mod:`.items_tab`, and the recorded sessions of
:mod:`.integration`) that reads the database off the UI thread and talks to the window
through signals. Exports are :mod:`.exports`, bundle import :mod:`.bundle_import`, the LRS
:mod:`.lrs`. ``busy`` says whether anything is still being read; ``loaded`` follows the last read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui import plain_text
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import number, plural
from balint_trainer.gui.supervision import bundle_import, exports
from balint_trainer.gui.supervision.attempts_tab import AttemptsTab
from balint_trainer.gui.supervision.bundle_import import BundleImport
from balint_trainer.gui.supervision.items_tab import ItemsTab
from balint_trainer.gui.supervision.models import ItemRow, TraineeListModel
from balint_trainer.gui.supervision.progress_tab import ProgressTab
from balint_trainer.gui.supervision.tab_base import SupervisionTab
from balint_trainer.gui.worker import run_in_background
from balint_trainer.reports import DecisionReview, ScenarioCache

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi


class SupervisorWindow(QMainWindow):
    """Review trainees' attempts, comment on decisions, follow progress, analyse items, export reports."""

    comment_added = Signal(int)  # attempt id
    exported = Signal(str, str)  # kind, path
    busy_changed = Signal(bool)
    loaded = Signal()  # nothing is being read any more (the trainee list and every tab are shown)

    XAPI_HOME_PAGE_KEY = exports.XAPI_HOME_PAGE_KEY

    def __init__(self, service: ServicesApi, parent: QWidget | None = None, *, author_id: int | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._author_id = author_id
        self._cache = ScenarioCache(service)  # shared by the tabs' worker threads
        self._pending = 0  # the window's own reads (the trainee list)
        self._was_busy = False
        self._refresh_request = 0
        self.setWindowTitle(self.tr("Balint Trainer — Supervisor"))
        self.setObjectName("SupervisorWindow")
        self.resize(1200, 780)
        self._build()
        self._build_actions()
        from balint_trainer.gui.supervision.integration import RecordingsSupport

        self.recordings = RecordingsSupport(self)  # Trainee → Code a recorded session…, and its tab
        self.setAcceptDrops(True)  # attempt bundles dropped from a file manager are imported
        self._build_lrs()
        self.refresh()
        plain_labels(self, rich=[self.progress_tab.chart_legend])  # scenario and user text is never rich text

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.setCentralWidget(splitter)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        trainees_label = QLabel(self.tr("&Trainees"), left)
        self.trainee_filter = QLineEdit(left)
        self.trainee_filter.setPlaceholderText(self.tr("Filter by name or cohort"))
        self.trainee_filter.setAccessibleName(self.tr("Filter trainees"))
        self.trainee_filter.setClearButtonEnabled(True)
        self.trainee_model = TraineeListModel(self)
        self.trainee_proxy = QSortFilterProxyModel(self)
        self.trainee_proxy.setSourceModel(self.trainee_model)
        self.trainee_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.trainee_filter.textChanged.connect(self.trainee_proxy.setFilterFixedString)
        self.trainee_view = QListView(left)
        self.trainee_view.setModel(self.trainee_proxy)
        self.trainee_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trainee_view.setAccessibleName(self.tr("Trainees"))
        trainees_label.setBuddy(self.trainee_view)
        left_layout.addWidget(trainees_label)
        left_layout.addWidget(self.trainee_filter)
        left_layout.addWidget(self.trainee_view)
        self.trainee_view.selectionModel().currentChanged.connect(self._on_trainee_changed)

        self.tabs = QTabWidget(splitter)
        self.tabs.setAccessibleName(self.tr("Supervisor views"))
        self.attempts_tab = AttemptsTab(self._service, self._cache, self.tabs, author_id=self._author_id)
        self.tabs.addTab(self.attempts_tab, self.tr("&Attempts"))
        self.progress_tab = ProgressTab(self._service, self._cache, self.tabs)
        self.tabs.addTab(self.progress_tab, self.tr("&Progress"))
        self.items_tab = ItemsTab(self._service, self._cache, self.tabs)
        self.tabs.addTab(self.items_tab, self.tr("Cohort &items"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 940])
        for tab in (self.attempts_tab, self.progress_tab, self.items_tab):
            self._wire(tab)
        self.attempts_tab.comment_added.connect(self.comment_added)
        self.items_tab.export_requested.connect(lambda: self.export_item_analysis())
        # A visible "Loading…" while anything is read (each tab also says it where its data goes).
        self.loading_label = QLabel(self.tr("Loading…"), self)
        self.loading_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.loading_label)

        self.setTabOrder(self.trainee_filter, self.trainee_view)
        self.setTabOrder(self.trainee_view, self.tabs)

    def _wire(self, tab: SupervisionTab) -> None:
        tab.error.connect(self._show_error)
        tab.status.connect(self.statusBar().showMessage)
        tab.busy_changed.connect(lambda _busy: self._busy_may_have_changed())

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Reports"))
        self.report_actions: dict[str, QAction] = {}
        specs = [
            ("html", self.tr("Trainee report as &HTML…"), QKeySequence("Ctrl+Shift+H")),
            ("pdf", self.tr("Trainee report as &PDF…"), QKeySequence("Ctrl+Shift+P")),
            ("csv", self.tr("Trainee's answers as &CSV…"), QKeySequence("Ctrl+Shift+C")),
            ("xapi", self.tr("Trainee's answers as &xAPI statements (JSON)…"), QKeySequence("Ctrl+Shift+X")),
        ]
        for kind, text, shortcut in specs:
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False, k=kind: self.export_report(k))
            menu.addAction(action)
            self.report_actions[kind] = action
        menu.addSeparator()
        cohort_csv = QAction(self.tr("Cohort answers as C&SV…"), self)
        cohort_csv.triggered.connect(lambda: self.export_cohort("csv"))
        menu.addAction(cohort_csv)
        cohort_xapi = QAction(self.tr("Cohort answers as xAPI &JSON…"), self)
        cohort_xapi.triggered.connect(lambda: self.export_cohort("xapi"))
        menu.addAction(cohort_xapi)
        menu.addSeparator()
        # Comments back to an offline trainee (gui/supervision/feedback_export.py).
        self.export_feedback_action = QAction(self.tr("Export &feedback for trainee…"), self)
        self.export_feedback_action.triggered.connect(lambda: self.export_feedback())
        menu.addAction(self.export_feedback_action)
        self.home_page_action = QAction(self.tr("xAPI c&ourse home page…"), self)
        self.home_page_action.triggered.connect(lambda: self.change_xapi_home_page())
        menu.addAction(self.home_page_action)
        self.lrs_action = QAction(self.tr("Lear&ning record store (LRS)…"), self)
        self.lrs_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.lrs_action.triggered.connect(lambda: self.open_lrs())
        menu.addAction(self.lrs_action)
        menu.addSeparator()
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        menu.addAction(refresh)
        profiles = self.menuBar().addMenu(self.tr("Pro&files"))
        self.new_profile_action = QAction(self.tr("&New profile…"), self)
        self.new_profile_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_profile_action.triggered.connect(lambda: self.new_profile())
        profiles.addAction(self.new_profile_action)
        # Its text lives with the profiles dialog's (translation context "ProfilesDialog").
        self.manage_profiles_action = QAction(
            QCoreApplication.translate("ProfilesDialog", "&Manage profiles…"), self
        )
        self.manage_profiles_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.manage_profiles_action.triggered.connect(lambda: self.manage_profiles())
        profiles.addAction(self.manage_profiles_action)
        profiles.addSeparator()
        self.import_attempts_action = QAction(self.tr("&Import trainee attempts…"), self)
        self.import_attempts_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_attempts_action.triggered.connect(lambda: self.import_attempt_bundles())
        profiles.addAction(self.import_attempts_action)
        close = QAction(self.tr("C&lose"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(close)
        self._update_report_actions()

    # ------------------------------------------------------------------ loading state

    @property
    def busy(self) -> bool:
        """Whether the trainee list or any tab is still being read."""
        return self._pending > 0 or any(
            t.busy for t in (self.attempts_tab, self.progress_tab, self.items_tab)
        )

    def _busy_may_have_changed(self) -> None:
        busy = self.busy
        if busy == self._was_busy:
            return
        self._was_busy = busy
        self.loading_label.setVisible(busy)
        self.busy_changed.emit(busy)
        if not busy:
            self.loaded.emit()

    def show_error(self, title: str, detail: str) -> None:
        """The worker seam's error path (see gui/worker.py): said like every other error here."""
        self._show_error(title, detail)

    # ------------------------------------------------------------------ trainees

    def refresh(self, *, select: int | None = None) -> None:
        """Reload trainees off the UI thread, keeping the selection (or selecting ``select``),
        the signers of comments, and the cohort table."""
        self._refresh_request += 1
        request = self._refresh_request
        service = self._service

        def keep() -> int | None:  # asked when the list arrives: the user may have moved meanwhile
            current = self.current_trainee()
            return select if select is not None else (current.id if current is not None else None)

        def done(profiles: list[Any]) -> None:
            if request == self._refresh_request:  # else a newer refresh is on its way
                self._show_trainees(profiles, keep())

        def failed(_exc: BaseException) -> None:  # a lost database connection must not close the window
            if request == self._refresh_request:
                self._show_trainees([], keep())

        self._pending += 1
        self._busy_may_have_changed()
        task = run_in_background(
            self,
            lambda: service.accounts.profiles(role="trainee"),
            done,
            error_title=self.tr("Could not load trainees"),
            on_error=failed,
            busy=False,
        )
        task.finished.connect(self._read_finished)

    def _read_finished(self) -> None:
        self._pending -= 1
        self._busy_may_have_changed()

    def _show_trainees(self, profiles: list[Any], keep: int | None) -> None:
        self.trainee_model.set_profiles(profiles)
        self.attempts_tab.load_authors()
        self.items_tab.set_cohorts(sorted({p.cohort for p in profiles if p.cohort}, key=str.casefold))
        if keep is None or not self.select_trainee(keep):
            if self.trainee_proxy.rowCount():
                self.trainee_view.setCurrentIndex(self.trainee_proxy.index(0, 0))
            else:
                self._show_trainee(None)
        # The cohort query reads every answer: only run it when the table is on screen.
        if self.tabs.currentWidget() is self.items_tab:
            self.items_tab.refresh_items()

    def current_trainee(self) -> Any | None:
        index = self.trainee_view.currentIndex()
        if not index.isValid():
            return None
        return self.trainee_model.profile(self.trainee_proxy.mapToSource(index).row())

    def trainee_names(self) -> list[str]:
        rows = range(self.trainee_proxy.rowCount())
        # Without the bidi isolates that keep a Latin "name (cohort)" whole in the Persian UI.
        return [str(self.trainee_proxy.index(r, 0).data()).strip("\u2068\u2069") for r in rows]

    def select_trainee(self, profile_id: int) -> bool:
        for row in range(self.trainee_proxy.rowCount()):
            index = self.trainee_proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == profile_id:
                self.trainee_view.setCurrentIndex(index)
                return True
        return False

    def _on_trainee_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_trainee(self.current_trainee() if current.isValid() else None)

    def _show_trainee(self, profile: Any | None) -> None:
        self.attempts_tab.show_trainee(profile)
        self.progress_tab.set_trainee(profile)
        if self.tabs.currentWidget() is self.progress_tab:
            self.progress_tab.load()
        self._update_report_actions()

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.progress_tab:
            self.progress_tab.load()
        elif self.tabs.currentWidget() is self.items_tab and self.items_tab.stale:
            self.items_tab.refresh_items()

    # -- the tabs' selection, for the menus, the recordings and tests -----------------------

    def current_attempt(self) -> Any | None:
        return self.attempts_tab.current_attempt()

    def select_attempt(self, attempt_id: int) -> bool:
        return self.attempts_tab.select_attempt(attempt_id)

    def current_decision(self) -> DecisionReview | None:
        return self.attempts_tab.current_decision()

    def select_decision(self, decision_id: str) -> bool:
        return self.attempts_tab.select_decision(decision_id)

    def add_comment(self) -> Any | None:
        """Store the typed comment off the UI thread (see AttemptsTab.add_comment)."""
        return self.attempts_tab.add_comment()

    def unsent_drafts(self) -> dict[tuple[int, str | None], str]:
        return self.attempts_tab.unsent_drafts()

    def refresh_items(self) -> None:
        self.items_tab.refresh_items()

    def visible_item_rows(self) -> list[ItemRow]:
        return self.items_tab.visible_item_rows()

    @property
    def chart(self) -> Any:
        return self.progress_tab.chart

    def resolve_author(self, then: Callable[[int], Any], *, error_title: str) -> Any:
        """``then(signer_id)``, at once with the chosen signer; with no supervisor profile yet,
        after one is made off the UI thread (see AttemptsTab.with_author)."""
        return self.attempts_tab.with_author(then, error_title=error_title)

    # ------------------------------------------------------------------ profiles

    def ask_new_profile(self) -> Any | None:
        """Create a trainee, supervisor or organiser in a dialog; the new profile, or None."""
        from balint_trainer.gui.accounts.profile_dialogs import create_profile_dialog

        dialog = create_profile_dialog(self, self._service, role="supervisor")
        try:
            return dialog.profile if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def new_profile(self) -> Any | None:
        profile = self.ask_new_profile()
        if profile is None:
            return None
        if profile.role == "trainee":
            self.refresh(select=profile.id)
        else:
            self.attempts_tab.load_authors(prefer=profile.id)
        self.statusBar().showMessage(self.tr("Profile {name} created.").format(name=profile.name), 6000)
        return profile

    def manage_profiles(self) -> Any:
        """Rename profiles or move trainees between cohorts; the trainee list follows."""
        from balint_trainer.gui.accounts.profiles import manage_profiles

        dialog = manage_profiles(self, self._service)
        if dialog is getattr(self, "_profiles_dialog", None):  # already open, brought to the front
            return dialog
        self._profiles_dialog = dialog
        dialog.profile_changed.connect(lambda _profile: self.refresh())
        dialog.finished.connect(lambda _result: self.refresh())  # new profiles too
        update_main_window = getattr(self.parent(), "update_profile", None)
        if update_main_window is not None:  # its status bar names the practising profile
            dialog.profile_changed.connect(update_main_window)
        return dialog

    # -- attempt bundles from trainees working offline (bundle_import.py) ---------------------

    @staticmethod
    def ask_bundle_paths(parent: QWidget) -> list[str]:
        """The bundle files chosen, or [] if cancelled (tests replace this to answer)."""
        chosen, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("SupervisorWindow", "Import trainee attempts"),
            str(Path.home()),
            QCoreApplication.translate(
                "SupervisorWindow", "Attempt bundles (*.json.gz *.json);;All files (*)"
            ),
        )
        return chosen

    @staticmethod
    def ask_bundle_match(parent: QWidget, match: Any) -> int | str | None:
        """Whose first bundle this is: a profile id, "new", or None to skip (tests replace this)."""
        from balint_trainer.gui.supervision.bundle_match import ask_bundle_match

        return ask_bundle_match(parent, match)

    def import_attempt_bundles(self, paths: Sequence[Path | str] | None = None) -> list[BundleImport]:
        """Import trainees' attempt bundles, each file on its own (atomic, idempotent); see bundle_import."""
        return bundle_import.import_attempt_bundles(self, paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if bundle_import.dropped_bundles(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = bundle_import.dropped_bundles(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # Import once the drop has returned: a summary box shown inside it would hold the file manager.
        QTimer.singleShot(0, lambda: self.import_attempt_bundles(paths))

    # ------------------------------------------------------------------ reports (exports.py)

    def _update_report_actions(self) -> None:
        if not hasattr(self, "report_actions"):
            return
        enabled = self.current_trainee() is not None
        for action in self.report_actions.values():
            action.setEnabled(enabled)
        if hasattr(self, "export_feedback_action"):
            self.export_feedback_action.setEnabled(enabled)

    def export_feedback(self, path: Path | str | None = None, *, on_finished: Any = None) -> None:
        from balint_trainer.gui.supervision.feedback_export import export_feedback

        export_feedback(self, path, on_finished=on_finished)

    def export_report(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Export the selected trainee's report: kind is 'html', 'pdf', 'csv' or 'xapi'."""
        return exports.export_report(self, kind, path)

    def export_cohort(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Answers of every trainee in the chosen cohort as CSV ('csv') or xAPI JSON ('xapi')."""
        return exports.export_cohort(self, kind, path)

    def export_item_analysis(self, path: Path | str | None = None) -> Path | None:
        return exports.export_item_analysis(self, path)

    def xapi_home_page(self, *, interactive: bool = True) -> str | None:
        """The course home page for xAPI actors (None: cancelled); see exports.xapi_home_page."""
        return exports.xapi_home_page(self, interactive=interactive)

    def change_xapi_home_page(self) -> str | None:
        return exports.change_xapi_home_page(self)

    @staticmethod
    def ask_home_page(parent: QWidget, current: str, problem: str) -> str | None:
        """The text typed, or None if cancelled (tests replace this to answer)."""
        return exports.ask_home_page(parent, current, problem)

    def _ask_path(
        self, path: Path | str | None, caption: str, default_name: str, file_filter: str
    ) -> Path | None:
        return exports.ask_path(self, path, caption, default_name, file_filter)

    # -- the course's LRS (gui/supervision/lrs.py) -------------------------------------------
    def _build_lrs(self) -> None:
        from balint_trainer.gui.supervision.lrs import LrsController

        self.lrs = LrsController(self._service, self)
        self.lrs_status = QLabel(self)
        self.lrs_status.setAccessibleName(self.tr("LRS status"))
        self.statusBar().addPermanentWidget(self.lrs_status)
        self.lrs.changed.connect(self._update_lrs_status)
        if self.lrs.endpoint:
            self.lrs.start()

    def _update_lrs_status(self) -> None:
        counts = self.lrs.counts
        text = self.tr("LRS: %1 sent, %2 waiting, %3 failed")
        self.lrs_status.setText(
            text.replace("%1", number(counts.sent))
            .replace("%2", number(counts.waiting))
            .replace("%3", number(counts.failed))
        )

    def open_lrs(self) -> QDialog:
        """The LRS settings and the state of every queued statement (not modal)."""
        from balint_trainer.gui.supervision.lrs import LrsDialog

        dialog = LrsDialog(self.lrs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.lrs.start()
        self.lrs.tick()
        dialog.show()
        return dialog

    # -- xAPI course home page ----------------------------------------------------------

    def ask_discard_drafts(self, count: int) -> bool:
        """Whether closing may drop unsent comments (tests replace this to answer)."""
        answer = plain_text.question(
            self,
            self.tr("Unsent comments"),
            plural(self.tr("%n comment(s) typed but not added yet. Close and discard them?", "", count), count),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        drafts = self.unsent_drafts()
        if drafts and not self.ask_discard_drafts(len(drafts)):
            event.ignore()
            return
        super().closeEvent(event)

    def _show_error(self, title: str, exc: BaseException | str) -> None:
        """Tell the user in words (tests replace this to record instead of blocking)."""
        detail = exc if isinstance(exc, str) else (str(exc) or exc.__class__.__name__)
        self.statusBar().showMessage(f"{title}: {detail}", 10000)
        plain_text.warning(self, title, detail)


def open_supervisor(parent: QWidget | None, service: ServicesApi, *, author_id: int | None = None) -> QWidget:
    """Open (show) the supervisor window and return it; its data arrives off the UI thread."""
    window = SupervisorWindow(service, parent, author_id=author_id)
    if parent is not None:
        # Its own top-level window, freed when closed (the main window may open it many times).
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    return window
