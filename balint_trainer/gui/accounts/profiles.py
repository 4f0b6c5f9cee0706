"""Profiles: a small dialog to create a trainee, supervisor or organiser profile,
and a dialog listing every profile to rename it (F2) or move it to another cohort.

Without the first a fresh installation had no organiser at all (only the command
line could make one), so the organiser view of expert annotation could never open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.accounts.profile_dialogs import (
    NewProfileDialog,
    ProfileEditDialog,
    create_profile_dialog,
    own_direction,
)
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.worker import Task, run_in_background

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

# ------------------------------------------------------------------ managing existing profiles


class ProfileTableModel(QAbstractTableModel):
    """Name, role, cohort and database login of every profile (the current one in bold)."""

    NAME, ROLE, COHORT, LOGIN = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[Any] = []
        self.current_id: int | None = None

    def set_profiles(self, profiles: Sequence[Any]) -> None:
        self.beginResetModel()
        self._profiles = list(profiles)
        self.endResetModel()

    def profile(self, row: int) -> Any:
        return self._profiles[row]

    def profiles(self) -> list[Any]:
        return list(self._profiles)

    def row_of(self, profile_id: int) -> int:
        return next((row for row, p in enumerate(self._profiles) if p.id == profile_id), -1)

    def replace(self, profile: Any) -> None:
        """Show the changed profile in place (a sorting proxy moves the row if needed)."""
        row = self.row_of(profile.id)
        if row < 0:
            return
        self._profiles[row] = profile
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._profiles)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def role_label(self, role: str) -> str:
        labels = {
            "trainee": self.tr("Trainee"),
            "supervisor": self.tr("Supervisor"),
            "organiser": self.tr("Organiser"),
        }
        return labels.get(role, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Role"), self.tr("Cohort"), self.tr("Database login"))[section]
        return super().headerData(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        profile = self._profiles[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return own_direction(profile.name)
            if column == self.ROLE:
                return self.role_label(profile.role)
            if column == self.COHORT:
                return own_direction(profile.cohort or "")
            return own_direction(getattr(profile, "db_role", None) or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.NAME and profile.id == self.current_id:
                return self.tr("{name}: the profile practising in this window").format(name=profile.name)
            if column == self.COHORT and not profile.cohort:
                return self.tr("No cohort")
            if column == self.LOGIN and getattr(profile, "db_role", None):
                return self.tr("PostgreSQL login role; it keeps its name when the profile is renamed")
            return None
        if role == Qt.ItemDataRole.FontRole and profile.id == self.current_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return profile.id
        return None


class ProfilesDialog(QDialog):
    """Every profile in a table: create, rename (F2) and move to another cohort.

    ``profile_changed`` carries the updated profile after a rename or a cohort
    change, so windows showing a profile's name can follow.
    """

    profile_changed = Signal(object)
    profiles_merged = Signal(object)  # services.dto.MergeReport: the source profile is gone
    loaded = Signal()  # the list was (re)loaded from the service

    def __init__(
        self,
        service: ServicesApi,
        parent: QWidget | None = None,
        *,
        current_profile_id: int | None = None,
        actor_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._actor_id = actor_id
        self.busy = False  # the list is loading (off the UI thread)
        self._loading_text = ""
        self.setWindowTitle(self.tr("Profiles"))
        self.resize(640, 420)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, role or cohort"))
        self.filter_edit.setAccessibleName(self.tr("Filter profiles"))
        self.filter_edit.setClearButtonEnabled(True)
        self.model = ProfileTableModel(self)
        self.model.current_id = current_profile_id
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Profiles"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ProfileTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._edit_at)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_actions())
        filter_label = QLabel(self.tr("&Profiles:"), self)
        filter_label.setBuddy(self.filter_edit)

        self.new_action = QAction(self.tr("&New…"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(lambda _checked=False: self.new_profile())
        self.rename_action = QAction(self.tr("&Rename…"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(lambda _checked=False: self.rename_selected())
        self.cohort_action = QAction(self.tr("Change c&ohort…"), self)
        self.cohort_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.cohort_action.triggered.connect(lambda _checked=False: self.change_cohort_selected())
        self.merge_action = QAction(self.tr("&Merge into…"), self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.merge_action.triggered.connect(lambda _checked=False: self.merge_selected())
        buttons = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        for action in (self.new_action, self.rename_action, self.cohort_action, self.merge_action):
            self.addAction(action)
            button = QPushButton(action.text(), self)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{action.text().replace('&', '')} ({shortcut})")
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
            self.action_buttons.append(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleDescription(self.tr("Last change"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_edit, 1)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.setTabOrder(self.filter_edit, self.table)
        self.refresh()
        self.table.setFocus()
        plain_labels(self)  # scenario and user text is never rich text

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a profile edits it, as a double-click does; the dialog used to take it
        # for its default button and close.
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.focusWidget() is self.table and self.table.currentIndex().isValid():
            self._edit_at(self.table.currentIndex())
            return
        super().keyPressEvent(event)

    # -- data ------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> Task:
        """Reload the list off the UI thread (``loaded`` follows); the actions wait meanwhile."""
        keep = select_id if select_id is not None else getattr(self.selected_profile(), "id", None)
        self.busy = True
        self._update_actions()
        self._loading_text = self.tr("Loading the profiles…")
        self.status_label.setText(self._loading_text)

        def failed(exc: BaseException) -> None:  # a lost connection: say so, keep the window
            self._show_profiles([], keep)
            self.status_label.setText(self.tr("Could not load the profiles: {error}").format(error=exc))

        return run_in_background(
            self,
            lambda: list(self._service.accounts.profiles()),
            lambda profiles: self._show_profiles(profiles, keep),
            error_title=self.tr("Profiles"),
            on_error=failed,
        )

    def _show_profiles(self, profiles: list[Any], keep: int | None) -> None:
        self.busy = False
        if self.status_label.text() == self._loading_text:  # a change's message stays
            self.status_label.setText("")
        self.model.set_profiles(profiles)
        self.table.resizeColumnsToContents()
        target = keep if keep is not None else self.model.current_id
        if (target is None or not self.select_profile(target)) and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update_actions()
        self.loaded.emit()

    def selected_profile(self) -> Any | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.profile(self.proxy.mapToSource(index).row())

    def select_profile(self, profile_id: int) -> bool:
        row = self.model.row_of(profile_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # filtered out
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _update_actions(self) -> None:
        has = self.selected_profile() is not None and not self.busy
        self.new_action.setEnabled(not self.busy)
        self.rename_action.setEnabled(has)
        self.cohort_action.setEnabled(has)
        self.merge_action.setEnabled(has)

    def _changed(self, profile: Any, message: str) -> None:
        self.model.replace(profile)
        self.table.resizeColumnToContents(ProfileTableModel.NAME)  # a longer name must not wrap
        self.table.resizeColumnToContents(ProfileTableModel.COHORT)
        self.select_profile(profile.id)
        self.status_label.setText(message)
        self.profile_changed.emit(profile)

    # -- edits -----------------------------------------------------------------------
    def _edit_at(self, index: QModelIndex) -> None:
        if self.proxy.mapToSource(index).column() == ProfileTableModel.COHORT:
            self.change_cohort_selected()
        else:
            self.rename_selected()

    def rename_dialog(self) -> ProfileEditDialog | None:
        """The rename dialog of the selected profile, wired to the service (not yet shown)."""
        profile = self.selected_profile()
        if profile is None:
            return None

        service, actor_id = self._service, self._actor_id

        def apply(name: str) -> Any:  # off the UI thread
            return service.accounts.rename_profile(profile.id, name, actor_id=actor_id)

        def applied(renamed: Any) -> None:
            if renamed.name != profile.name:
                self._changed(
                    renamed, self.tr("{old} is now called {new}.").format(old=profile.name, new=renamed.name)
                )

        note = ""
        if getattr(profile, "db_role", None):
            note = self.tr("The database login stays {login}; the password does not change.").format(
                login=profile.db_role
            )
        return ProfileEditDialog(
            apply,
            self,
            title=self.tr("Rename {name}").format(name=profile.name),
            label=self.tr("New &name:"),
            value=profile.name,
            accessible_name=self.tr("New name"),
            note=note,
            ok_text=self.tr("&Rename"),
            applied=applied,
        )

    def cohort_dialog(self) -> ProfileEditDialog | None:
        """The cohort dialog of the selected profile, wired to the service (not yet shown)."""
        profile = self.selected_profile()
        if profile is None:
            return None
        cohorts = sorted({p.cohort for p in self.model.profiles() if p.cohort}, key=str.casefold)

        service, actor_id = self._service, self._actor_id

        def apply(cohort: str) -> Any:  # off the UI thread
            return service.accounts.set_profile_cohort(profile.id, cohort or None, actor_id=actor_id)

        def applied(moved: Any) -> None:
            if moved.cohort != profile.cohort:
                message = (
                    self.tr("{name} moved to cohort {cohort}.").format(name=moved.name, cohort=moved.cohort)
                    if moved.cohort
                    else self.tr("{name} is in no cohort now.").format(name=moved.name)
                )
                self._changed(moved, message)

        notes = {
            "trainee": self.tr(
                "Supervisors of the new cohort will see this trainee's attempts and comments; "
                "those of the old cohort no longer will. Leave it blank for no cohort."
            ),
            "supervisor": self.tr(
                "This supervisor will see the trainees of the new cohort instead. Leave it blank for no cohort."
            ),
        }
        return ProfileEditDialog(
            apply,
            self,
            title=self.tr("Cohort of {name}").format(name=profile.name),
            label=self.tr("C&ohort:"),
            value=profile.cohort or "",
            accessible_name=self.tr("Cohort"),
            choices=cohorts,
            required=False,
            note=notes.get(profile.role, self.tr("Leave it blank for no cohort.")),
            ok_text=self.tr("&Move") if profile.cohort else self.tr("&Set"),
            applied=applied,
        )

    def _run(self, dialog: ProfileEditDialog | NewProfileDialog | None) -> Any:
        """Show ``dialog`` modally; what it made or changed, or None when cancelled."""
        if dialog is None:
            return None
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.profile if isinstance(dialog, NewProfileDialog) else dialog.result_value
        finally:
            dialog.deleteLater()
            self.table.setFocus()

    def rename_selected(self) -> Any:
        """Ask for a new name of the selected profile; the renamed profile, or None."""
        return self._run(self.rename_dialog())

    def change_cohort_selected(self) -> Any:
        """Ask for the cohort of the selected profile; the updated profile, or None."""
        return self._run(self.cohort_dialog())

    def merge_selected(self) -> None:
        """Merge the selected profile into another of its role (asks which, then confirms)."""
        from balint_trainer.gui.accounts.profile_merge import merge_selected

        merge_selected(self)

    def new_profile(self) -> Any:
        """Create a profile (a trainee unless changed) and select it; the profile, or None."""
        profile = self._run(create_profile_dialog(self, self._service, role="trainee"))
        if profile is not None:
            message = self.tr("Profile {name} created.").format(name=profile.name)
            self.refresh(select_id=profile.id).finished.connect(lambda: self.status_label.setText(message))
        return profile


def manage_profiles(
    parent: QWidget | None,
    service: ServicesApi,
    *,
    current_profile_id: int | None = None,
    actor_id: int | None = None,
) -> ProfilesDialog:
    """Open (show, not modal) the profiles dialog and return it; one per window: if ``parent``
    has one open already, that one comes to the front (a second would go stale)."""
    if parent is not None:
        for existing in parent.findChildren(
            ProfilesDialog, options=Qt.FindChildOption.FindDirectChildrenOnly
        ):
            if existing.isVisible():
                existing.raise_()
                existing.activateWindow()
                return existing
    dialog = ProfilesDialog(service, parent, current_profile_id=current_profile_id, actor_id=actor_id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()  # keyboard focus (F2) goes to the table, not the main window
    return dialog
