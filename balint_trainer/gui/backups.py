"""File → Restore from backup…: choose one of the local database's rotating backups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QMessageBox, QVBoxLayout, QWidget

from balint_trainer.gui.local_time import when_text


class RestoreBackupDialog(QDialog):
    """Lists backups newest first; OK restores the selected one."""

    def __init__(self, backups: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.backups = list(backups)
        explanation = QLabel(
            self.tr(
                "Balint Trainer keeps a copy of your local database when it starts and after each "
                "finished attempt. Restoring one replaces the database with that copy; the current "
                "file is kept beside it (renamed), so nothing is deleted. Answers given after the "
                "copy was made are not in it."
            )
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.model = QStandardItemModel(self)
        locale = QLocale()
        for backup in self.backups:
            size = locale.formattedDataSize(backup.size)
            item = QStandardItem(f"{when_text(backup.taken_at)} · {size}")
            item.setEditable(False)
            item.setToolTip(str(backup.path))
            self.model.appendRow(item)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Backups, newest first"))
        if self.backups:
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.doubleClicked.connect(lambda *_: self.accept())
        label = QLabel(self.tr("&Backups, newest first:"))
        label.setBuddy(self.view)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Restore"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> Any | None:
        index = self.view.currentIndex()
        return self.backups[index.row()] if index.isValid() else None


def ask_backup(parent: QWidget, backups: Sequence[Any]) -> Any | None:
    """The backup to restore, or None if cancelled."""
    dialog = RestoreBackupDialog(backups, parent)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def restore_backup(window: Any) -> None:
    """Ask which backup of the local database to restore, then let ``window`` swap it in
    (``window._restore_started``: the swap runs off the UI thread)."""
    from balint_trainer.services.backups import backups_of, local_database_file

    title = QCoreApplication.translate("MainWindow", "Restore from backup")
    database = local_database_file(window.database_url)
    if database is None:
        QMessageBox.information(
            window,
            title,
            QCoreApplication.translate(
                "MainWindow",
                "Backups are kept for the local database only; a course database is backed up by its administrator.",
            ),
        )
        return
    backups = backups_of(database)  # a directory listing: quick
    if not backups:
        QMessageBox.information(
            window,
            title,
            QCoreApplication.translate("MainWindow", "There are no backups of %1 yet.").replace("%1", str(database)),
        )
        return
    chosen = window.backup_prompt(window, backups)
    if chosen is None or not window._confirm_leaving(quitting=False):
        return

    def swap_files() -> None:
        from balint_trainer.services.backups import restore

        restore(database, chosen.path)

    window._restore_started(swap_files)
