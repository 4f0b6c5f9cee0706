"""Who is practising? Trainee profiles on a shared machine (SQLite).

At start the main window asks :func:`profile_choices` (on a worker thread) which trainee
profiles exist and which have a password; with exactly one and no password it is chosen
without asking, otherwise :class:`ProfileChooser` lists them (the last choice preselected)
with *New profile…*. A profile with a password is chosen only after the password is checked
(argon2, off the UI thread). On PostgreSQL the database login decides, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.worker import run_in_background

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

SETTINGS_KEY = "profiles/last_uid"


@dataclass(frozen=True)
class ProfileChoices:
    """Trainee profiles to choose from, the ids of those with a password, and the profile
    chosen without asking (``None``: ask)."""

    profiles: tuple[Any, ...] = ()
    locked: frozenset[int] = field(default_factory=frozenset)
    chosen: Any = None


def profile_choices(service: ServicesApi, *, ask: bool = False) -> ProfileChoices:
    """Slow (database): call it on a worker thread. ``ask``: never choose without asking
    (switching profile). On a course database (PostgreSQL) the login's profile is chosen."""
    if service.dialect != "sqlite":
        return ProfileChoices(chosen=service.accounts.local_profile())
    trainees = tuple(service.accounts.profiles(role="trainee"))
    if not trainees:  # a fresh installation: a trainee named after the computer login
        trainees = (service.accounts.local_profile(),)
    return choices_among(trainees, frozenset(service.accounts.has_password()), ask=ask)


def choices_among(trainees: Sequence[Any], locked: frozenset[int], *, ask: bool = False) -> ProfileChoices:
    """Ask, unless there is one trainee without a password (and ``ask`` is off)."""
    trainees, locked = tuple(trainees), locked & {p.id for p in trainees}
    only = trainees[0] if len(trainees) == 1 and not locked and not ask else None
    return ProfileChoices(trainees, locked, only)


class ProfileChooser(QDialog):
    """ "Who is practising?": pick a trainee profile (password if it has one) or make a new one.

    ``chosen`` carries the profile once it is accepted. Shown with ``open()`` (window-modal,
    never blocking the event loop), so the main window keeps painting behind it.
    """

    chosen = Signal(object)

    def __init__(
        self,
        service: ServicesApi,
        choices: ProfileChoices,
        parent: QWidget | None = None,
        *,
        preselect_uid: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._locked = set(choices.locked)
        self._checking = False
        self.profile: Any = None
        self.setWindowTitle(self.tr("Who is practising?"))
        self.setMinimumWidth(380)
        intro = QLabel(self.tr("Choose your profile. Each profile has its own attempts and scores."), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Trainee profiles"))
        caption = QLabel(self.tr("&Profiles:"), self)
        caption.setBuddy(self.list)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.password_label = QLabel(self.tr("Pass&word:"), self)
        self.password_label.setBuddy(self.password_edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self.new_button = QPushButton(self.tr("&New profile…"), self)
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_profile)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Practise as this profile"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.password_label, self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.set_profiles(choices.profiles, preselect_uid)
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._update()
        self.list.setFocus()

    # -- list ---------------------------------------------------------------------------
    def set_profiles(self, profiles: Sequence[Any], select_uid: str | None = None) -> None:
        self.list.clear()
        for profile in profiles:
            text = profile.name
            if profile.cohort:
                text += " · " + profile.cohort
            if profile.id in self._locked:
                text += " · " + self.tr("password")
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, profile)
            if profile.uid == select_uid:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def selected(self) -> Any:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select(self, name: str) -> bool:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole).name == name:
                self.list.setCurrentRow(row)
                return True
        return False

    def _update(self) -> None:
        profile = self.selected()
        locked = profile is not None and profile.id in self._locked
        self.password_edit.setEnabled(locked and not self._checking)
        self.password_label.setEnabled(locked)
        if not locked:
            self.password_edit.clear()
        self.ok_button.setEnabled(profile is not None and not self._checking)
        self.list.setEnabled(not self._checking)
        self.error_label.hide()

    # -- choosing -----------------------------------------------------------------------
    def accept(self) -> None:
        profile = self.selected()
        if profile is None or self._checking:
            return
        if profile.id not in self._locked:
            self._done(profile)
            return
        password = self.password_edit.text()
        if not password:
            self._problem(self.tr("Type the password of {name}.").format(name=profile.name))
            return
        self._checking = True
        self._update()
        run_in_background(
            self,
            lambda: self._service.accounts.authenticate(profile.name, password),
            self._checked,
            error_title=self.tr("Who is practising?"),
        )

    def _checked(self, profile: Any) -> None:
        self._checking = False
        self._done(profile)

    def show_error(self, _title: str, detail: str) -> None:
        """The worker's error path, shown in the dialog (a wrong password is no reason for a box)."""
        self._checking = False
        self._update()
        wrong = "wrong password" in detail
        self._problem(self.tr("Wrong password. Try again.") if wrong else detail)
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _done(self, profile: Any) -> None:
        self.profile = profile
        super().accept()
        self.chosen.emit(profile)

    def new_profile(self) -> Any:
        """Create a trainee profile and select it (a new profile has no password yet)."""
        from balint_trainer.gui.accounts.profile_dialogs import create_profile_dialog

        dialog = create_profile_dialog(self, self._service, roles=("trainee",), role="trainee")
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.profile is None:
                return None
            profile = dialog.profile
        finally:
            dialog.deleteLater()
        item = QListWidgetItem(profile.name + (" · " + profile.cohort if profile.cohort else ""), self.list)
        item.setData(Qt.ItemDataRole.UserRole, profile)
        self.list.setCurrentItem(item)
        self.list.setFocus()
        return profile


class PasswordDialog(QDialog):
    """Set or change the password of the practising profile (current password first, if any)."""

    MIN_LENGTH = 8  # as services.security.MIN_PASSWORD_LENGTH; the service checks again

    def __init__(self, service: ServicesApi, profile: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._profile = profile
        self.done_ok = False
        self.setWindowTitle(self.tr("Password of {name}").format(name=profile.name))
        self.setMinimumWidth(380)
        note = QLabel(
            self.tr(
                "With a password, nobody else on this computer can practise as you. "
                "Leave the current password empty if you have none yet."
            ),
            self,
        )
        note.setWordWrap(True)
        self.current_edit, self.new_edit, self.repeat_edit = (QLineEdit(self) for _ in range(3))
        form = QFormLayout()
        for edit, label, name in (
            (self.current_edit, self.tr("&Current password:"), self.tr("Current password")),
            (self.new_edit, self.tr("&New password:"), self.tr("New password")),
            (self.repeat_edit, self.tr("&Repeat it:"), self.tr("Repeat the new password")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Set password"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.current_edit.setFocus()

    def _problem(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.ok_button.setEnabled(True)

    def accept(self) -> None:
        new, repeat, current = self.new_edit.text(), self.repeat_edit.text(), self.current_edit.text()
        if len(new) < self.MIN_LENGTH:
            self._problem(self.tr("The new password must have at least %n characters.", "", self.MIN_LENGTH))
            return
        if new != repeat:
            self._problem(self.tr("The two new passwords differ."))
            return
        service, profile = self._service, self._profile

        def change() -> None:
            if profile.id in service.accounts.has_password():
                service.accounts.authenticate(profile.name, current)  # PermissionDenied when wrong
            service.accounts.set_password(profile.id, new)

        self.ok_button.setEnabled(False)
        run_in_background(self, change, self._changed, error_title=self.tr("Set password"))

    def _changed(self, _result: object) -> None:
        self.done_ok = True
        super().accept()

    def show_error(self, _title: str, detail: str) -> None:
        """The worker's error path, shown in the dialog."""
        wrong = "wrong password" in detail
        self._problem(self.tr("The current password is wrong.") if wrong else detail)
        if wrong:
            self.current_edit.selectAll()
            self.current_edit.setFocus()
