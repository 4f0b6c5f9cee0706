"""A small dialog to create a trainee, supervisor or organiser profile.

Without it a fresh installation had no organiser at all (only the command line
could make one), so the organiser view of expert annotation could never open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

CONTEXT = "NewProfileDialog"
ROLES = ("trainee", "supervisor", "organiser")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_label(role: str) -> str:
    return {
        "trainee": _tr("Trainee (practises scenarios)"),
        "supervisor": _tr("Supervisor or expert (reviews, comments, annotates blind)"),
        "organiser": _tr("Organiser (sees all annotations, merges the key)"),
    }.get(role, role)


class NewProfileDialog(QDialog):
    """Name, role and (for trainees) cohort. ``create(name, role, cohort)`` runs on OK;
    if it raises, the message is shown in the dialog and everything typed stays."""

    def __init__(
        self,
        create: Callable[[str, str, str | None], Any],
        parent: QWidget | None = None,
        *,
        roles: Sequence[str] = ROLES,
        role: str = "supervisor",
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._create = create
        self.profile: Any = None
        self.setWindowTitle(title or self.tr("New profile"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("As colleagues should see it"))
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("Role"))
        for value in roles:
            self.role_combo.addItem(role_label(value), value)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))
        self.cohort_edit = QLineEdit(self)
        self.cohort_edit.setAccessibleName(self.tr("Cohort"))
        self.cohort_edit.setPlaceholderText(self.tr("Optional, e.g. 2026-spring"))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Role:"), self.role_combo)
        self.cohort_label = QLabel(self.tr("C&ohort:"), self)
        self.cohort_label.setBuddy(self.cohort_edit)
        form.addRow(self.cohort_label, self.cohort_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self._update)
        self.role_combo.currentIndexChanged.connect(self._update)
        self._update()
        self.name_edit.setFocus()

    @property
    def role(self) -> str:
        return str(self.role_combo.currentData())

    def _update(self, *_: Any) -> None:
        trainee = self.role == "trainee"
        self.cohort_edit.setVisible(trainee)
        self.cohort_label.setVisible(trainee)
        self.ok_button.setEnabled(bool(self.name_edit.text().strip()))

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            return
        cohort = self.cohort_edit.text().strip() or None if self.role == "trainee" else None
        try:
            self.profile = self._create(name, self.role, cohort)
        except Exception as exc:  # ServiceError (duplicate name, bad input): say so, keep the form
            self.error_label.setText(str(exc) or exc.__class__.__name__)
            self.error_label.show()
            self.name_edit.setFocus()
            self.name_edit.selectAll()
            return
        super().accept()


def create_profile_dialog(
    parent: QWidget | None,
    service: Any,
    *,
    roles: Sequence[str] = ROLES,
    role: str = "supervisor",
    title: str | None = None,
) -> NewProfileDialog:
    """The dialog, wired to ``service.create_profile`` (not yet shown)."""
    return NewProfileDialog(
        lambda name, chosen, cohort: service.create_profile(name, chosen, cohort=cohort),
        parent,
        roles=roles,
        role=role,
        title=title,
    )
