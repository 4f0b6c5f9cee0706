"""Whose attempts are these? The supervisor matches a trainee's first bundle to a profile.

A trainee practising offline has a profile on their laptop that this database has never
seen. The first time one of their bundles is imported the supervisor chooses the profile
it belongs to (the one they created for the trainee, usually suggested: the same name
ignoring case, or the bundle's cohort) or a new one; the service remembers the choice, so
later bundles of this trainee go there without asking.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.reading import plural

NEW = "new"  # the answer "make a new profile"


class BundleMatchDialog(QDialog):
    def __init__(self, match: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Whose attempts are these?"))
        self.setMinimumWidth(460)
        who = match.name + (f" ({match.cohort})" if match.cohort else "")
        intro = QLabel(
            plural(self.tr(
                "The file {file} holds %n attempt(s) of “{who}”, whose files were never imported "
                "here. Choose the profile they belong to; later files from this trainee will go "
                "there without asking.",
                "",
                match.attempts,
            ), match.attempts).format(file=Path(match.path).name, who=who),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Profiles"))
        caption = QLabel(self.tr("&Belongs to:"), self)
        caption.setBuddy(self.list)
        for profile in match.suggestions:
            self._add(profile, self.tr("{profile} — suggested"))
        for profile in match.others:
            self._add(profile, "{profile}")
        new = QListWidgetItem(self.tr("A new profile “{name}”").format(name=match.name), self.list)
        new.setData(Qt.ItemDataRole.UserRole, NEW)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Import"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("&Skip this file"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(caption)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus()

    def _add(self, profile: Any, pattern: str) -> None:
        label = profile.name + (f" · {profile.cohort}" if profile.cohort else "")
        item = QListWidgetItem(pattern.format(profile=label), self.list)
        item.setData(Qt.ItemDataRole.UserRole, profile.id)

    def choice(self) -> int | str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def ask_bundle_match(parent: QWidget | None, match: Any) -> int | str | None:
    """The chosen profile id, :data:`NEW`, or None (skip the file)."""
    dialog = BundleMatchDialog(match, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
    finally:
        dialog.deleteLater()
