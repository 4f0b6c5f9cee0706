"""Who practises on this computer: the "Who is practising?" dialog, switching profile and
setting a password. The window says which service and profile are current and listens to
``chosen``; profile reads and password hashing run off the UI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QWidget

from balint_trainer.gui.worker import run_in_background


class Accounts(QObject):
    chosen = Signal(object)  # the profile that practises from now on
    chooserChanged = Signal()  # the chooser opened or closed (actions follow)
    passwordSet = Signal()

    def __init__(self, window: QWidget, settings: QSettings | None) -> None:
        super().__init__(window)
        self.window = window  # the dialogs' parent
        self.settings = settings
        self.chooser: Any = None  # the open "Who is practising?" dialog

    def last_uid(self) -> str | None:
        from balint_trainer.gui.accounts.profile_chooser import SETTINGS_KEY

        last = self.settings.value(SETTINGS_KEY, None) if self.settings is not None else None
        return last if isinstance(last, str) else None

    def remember(self, profile: Any) -> None:
        """Keep the choice in the settings: preselected next time."""
        from balint_trainer.gui.accounts.profile_chooser import SETTINGS_KEY

        if self.settings is not None and profile is not None:
            self.settings.setValue(SETTINGS_KEY, profile.uid)

    def ask(self, service: Any, choices: Any, current: Any = None) -> Any:
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

    def switch(self, service: Any, current: Any = None) -> None:
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

    def set_password(self, service: Any, profile: Any) -> Any:
        """A password for ``profile`` on this computer (hashed off the UI thread by the dialog)."""
        from balint_trainer.gui.accounts.profile_chooser import PasswordDialog

        if service is None or profile is None:
            return None
        dialog = PasswordDialog(service, profile, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(self.passwordSet.emit)
        dialog.open()
        return dialog
