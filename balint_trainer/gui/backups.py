"""File → Restore from backup…: choose one of the local database's rotating backups."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListView, QVBoxLayout, QWidget

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
