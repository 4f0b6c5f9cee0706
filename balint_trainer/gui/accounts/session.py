"""Who practises on this computer: the "Who is practising?" dialog, switching profile,
setting a password, and what the main window shows of it (title, "saved to…" label).
Profile reads and password hashing run off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from balint_trainer.gui.lazy_qt import Qt  # not PySide's: see gui/lazy_qt.py
from balint_trainer.gui.worker import run_in_background

if TYPE_CHECKING:
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.services.api import ServicesApi


class Accounts(QObject):
    chosen = Signal(object)  # the profile that practises from now on
    chooserChanged = Signal()  # the chooser opened or closed (actions follow)
    passwordSet = Signal()

    def __init__(self, window: MainWindow, settings: QSettings | None) -> None:
        super().__init__(window)
        self.window = window  # the dialogs' parent; its service and profile are the current ones
        self.settings = settings
        self.chooser: Any = None  # the open "Who is practising?" dialog
        self.chosen.connect(self.set_profile)

    def set_profile(self, profile: Any) -> None:
        """``profile`` practises from now on: title, status bar, best scores and the last choice
        (kept in the settings, preselected next time) follow."""
        window = self.window
        window.profile = profile
        self.remember(profile)
        self.show_storage()
        window.library.set_progress({}, set())  # never show the previous person's scores meanwhile
        window.refresh_progress()
        window._update_actions()
        window.profile_changed.emit(profile)

    def show_storage(self) -> None:
        """The window's title and its "who · where answers are saved" label."""
        window, profile = self.window, self.window.profile
        url = str(getattr(window.service, "url", ""))
        where = (
            QCoreApplication.translate("MainWindow", "local database")
            if url.startswith("sqlite")
            else QCoreApplication.translate("MainWindow", "course database")
        )
        label = window.storage_label
        if profile is None:
            window.setWindowTitle(QCoreApplication.translate("MainWindow", "Balint Trainer"))
            label.setText(
                QCoreApplication.translate("MainWindow", "Nobody is practising yet: File → Switch profile…")
            )
        else:
            window.setWindowTitle(
                QCoreApplication.translate("MainWindow", "%1 — Balint Trainer").replace("%1", profile.name)
            )
            label.setText(
                QCoreApplication.translate("MainWindow", "%1 · saved to the %2")
                .replace("%1", profile.name)
                .replace("%2", where)
            )
        label.setToolTip(url)

    def ask_profile(self, choices: Any) -> Any:
        assert self.window.service is not None  # the choices were read through it
        chooser = self.ask(self.window.service, choices, self.window.profile)
        self.show_storage()
        self.window._update_actions()
        return chooser

    def open_profiles(self) -> Any:
        """Tools → Profiles… (the workbench's dialog); a rename or merge shows here at once."""
        window = self.window
        dialog = window.open_workbench(
            "manage_profiles", current_profile_id=getattr(window.profile, "id", None)
        )
        if dialog is not None:
            # The same dialog comes back when it is already open: connect once.
            dialog.profile_changed.connect(self.update_profile, Qt.ConnectionType.UniqueConnection)
            dialog.profiles_merged.connect(self._profiles_merged, Qt.ConnectionType.UniqueConnection)
        return dialog

    def _profiles_merged(self, report: Any) -> None:
        """The practising profile was merged into another: that one practises now."""
        current = self.window.profile
        if current is not None and report.source.id == current.id:
            self.set_profile(report.target)

    def update_profile(self, profile: Any) -> None:
        """A profile was renamed or moved: if it is the one practising here, show its new name."""
        current = self.window.profile
        if current is not None and profile.id == current.id:
            self.window.profile = profile
            self.show_storage()

    def last_uid(self) -> str | None:
        from balint_trainer.gui.accounts.profile_chooser import SETTINGS_KEY

        last = self.settings.value(SETTINGS_KEY, None) if self.settings is not None else None
        return last if isinstance(last, str) else None

    def remember(self, profile: Any) -> None:
        """Keep the choice in the settings: preselected next time."""
        from balint_trainer.gui.accounts.profile_chooser import SETTINGS_KEY

        if self.settings is not None and profile is not None:
            self.settings.setValue(SETTINGS_KEY, profile.uid)

    def ask(self, service: ServicesApi, choices: Any, current: Any = None) -> Any:
        """Open the "Who is practising?" dialog (window-modal, not blocking); returns it."""
        from balint_trainer.gui.accounts.profile_chooser import ProfileChooser

        if self.chooser is not None:
            return self.chooser
        uid = getattr(current, "uid", None) or self.last_uid()
        chooser = ProfileChooser(
            service, choices, self.window, preselect_uid=uid if isinstance(uid, str) else None
        )
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        chooser.chosen.connect(self.chosen.emit)
        chooser.finished.connect(self._chooser_closed)
        self.chooser = chooser
        self.chooserChanged.emit()
        chooser.open()
        return chooser

    def _chooser_closed(self, _result: int) -> None:
        self.chooser = None
        self.chooserChanged.emit()

    def switch(self, service: ServicesApi, current: Any = None) -> None:
        """Read every profile (off the UI thread), then ask who practises now."""
        from balint_trainer.gui.accounts.profile_chooser import profile_choices

        if service is None or self.chooser is not None:
            return
        run_in_background(
            self.window,
            lambda: profile_choices(service, ask=True),
            lambda choices: self.ask(service, choices, current),
            error_title=QCoreApplication.translate("MainWindow", "Switch profile"),
            on_error=lambda _error: self.chooserChanged.emit(),
        )

    def set_password(self, service: ServicesApi, profile: Any) -> Any:
        """A password for ``profile`` on this computer (hashed off the UI thread by the dialog)."""
        from balint_trainer.gui.accounts.profile_chooser import PasswordDialog

        if service is None or profile is None:
            return None
        dialog = PasswordDialog(service, profile, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(self.passwordSet.emit)
        dialog.open()
        return dialog
