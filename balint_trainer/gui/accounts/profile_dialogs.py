"""The small profile dialogs: create a profile (name, role, cohort), and rename or move one.

Used by the profiles list (:mod:`.profiles`), the start-up profile chooser, the supervisor
view and expert annotation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
)
from PySide6.QtGui import QGuiApplication
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

from balint_trainer.gui.plain_text import plain_labels

if TYPE_CHECKING:
    from balint_trainer.gui.worker import Task
    from balint_trainer.services.api import ServicesApi

ROLES = ("trainee", "supervisor", "organiser")


def role_label(role: str) -> str:
    return {
        "trainee": QCoreApplication.translate("NewProfileDialog", "Trainee (practises scenarios)"),
        "supervisor": QCoreApplication.translate(
            "NewProfileDialog", "Supervisor or expert (reviews, comments, annotates blind)"
        ),
        "organiser": QCoreApplication.translate(
            "NewProfileDialog", "Organiser (sees all annotations, merges the key)"
        ),
    }.get(role, role)


def problem_text(exc: BaseException, name: str) -> str:
    """What went wrong, for the dialog: the usual mistake (a name taken) in the UI language."""
    from balint_trainer.services.errors import DuplicateName

    if isinstance(exc, DuplicateName):
        return QCoreApplication.translate(
            "NewProfileDialog", "A profile named “{name}” already exists; choose another name."
        ).format(name=name)
    return str(exc) or exc.__class__.__name__


def own_direction(text: str) -> str:
    """``text`` isolated in a right-to-left layout, so that a name or cohort written left to
    right keeps its order ("2026-spring" would otherwise show as "spring-2026")."""
    if text and QGuiApplication.isRightToLeft():
        return f"\u2068{text}\u2069"  # FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE
    return text


def fit_height(dialog: QDialog) -> None:
    """Grow a shown ``dialog`` to the height its wrapped texts need: the layout gives a message
    shown later the height of one line, so a second line was cut off or drawn over the buttons."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
        dialog.resize(dialog.width(), max(dialog.height(), layout.totalHeightForWidth(dialog.width())))


def apply_in_background(
    dialog: NewProfileDialog | ProfileEditDialog,
    work: Callable[[], Any],
    done: Callable[[Any], None],
    refused: Callable[[BaseException], None],
) -> Task:
    """Run a dialog's service call off the UI thread; OK waits meanwhile (the loading state).
    A refusal is shown in the dialog (its ``show_error``), never in a second message box."""
    from balint_trainer.gui.worker import run_in_background

    dialog.busy = True
    dialog.ok_button.setEnabled(False)

    def finish(value: Any) -> None:
        dialog.busy = False
        dialog._update()
        done(value)

    def fail(error: BaseException) -> None:
        dialog.busy = False
        dialog._update()
        refused(error)

    return run_in_background(dialog, work, finish, error_title=dialog.windowTitle(), on_error=fail)


def _show_refusal(dialog: NewProfileDialog | ProfileEditDialog, text: str, edit: QLineEdit) -> None:
    dialog.error_label.setText(text)
    dialog.error_label.show()
    fit_height(dialog)
    edit.setFocus()
    edit.selectAll()


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
        self.busy = False  # the profile is being created (off the UI thread)
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
        self.error_label.setAccessibleDescription(self.tr("Problem"))
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
        plain_labels(self)  # scenario and user text is never rich text

    @property
    def role(self) -> str:
        return str(self.role_combo.currentData())

    def _update(self, *_: Any) -> None:
        trainee = self.role == "trainee"
        self.cohort_edit.setVisible(trainee)
        self.cohort_label.setVisible(trainee)
        self.ok_button.setEnabled(not self.busy and bool(self.name_edit.text().strip()))

    def show_error(self, _title: str, detail: str) -> None:  # the worker's error path
        _show_refusal(self, detail, self.name_edit)

    def accept(self) -> None:
        name = self.name_edit.text().strip()
        if not name or self.busy:
            return
        role = self.role
        cohort = self.cohort_edit.text().strip() or None if role == "trainee" else None

        def created(profile: Any) -> None:
            self.profile = profile
            QDialog.accept(self)

        # ServiceError (duplicate name, bad input): say so, keep the form.
        apply_in_background(
            self,
            lambda: self._create(name, role, cohort),
            created,
            lambda exc: _show_refusal(self, problem_text(exc, name), self.name_edit),
        )


def create_profile_dialog(
    parent: QWidget | None,
    service: ServicesApi,
    *,
    roles: Sequence[str] = ROLES,
    role: str = "supervisor",
    title: str | None = None,
) -> NewProfileDialog:
    """The dialog, wired to ``service.accounts.create_profile`` (not yet shown)."""
    return NewProfileDialog(
        lambda name, chosen, cohort: service.accounts.create_profile(name, chosen, cohort=cohort),
        parent,
        roles=roles,
        role=role,
        title=title,
    )


class ProfileEditDialog(QDialog):
    """One value of one profile: its name (required) or its cohort (blank = none).

    ``apply(text)`` (the service call) runs on OK off the UI thread, then ``applied(result)``
    on it; if ``apply`` raises, the message is shown in the dialog and the text typed stays,
    as in the new-profile dialog.
    """

    def __init__(
        self,
        apply: Callable[[str], Any],
        parent: QWidget | None = None,
        *,
        title: str,
        label: str,
        value: str,
        accessible_name: str,
        choices: Sequence[str] | None = None,
        required: bool = True,
        note: str = "",
        ok_text: str = "",
        applied: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._apply = apply
        self._applied = applied
        self._required = required
        self.result_value: Any = None
        self.busy = False  # the change is being stored (off the UI thread)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)  # room for the note and a message on a few lines, not a column
        if choices is None:
            self.edit = QLineEdit(value, self)
            self.combo: QComboBox | None = None
        else:
            # Existing cohorts to pick from: a typo would silently make a new, unsupervised cohort.
            self.combo = QComboBox(self)
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.combo.addItems(list(choices))
            self.combo.setAccessibleName(accessible_name)
            edit = self.combo.lineEdit()
            assert edit is not None
            self.edit = edit
            self.edit.setText(value)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMaxLength(200)
        self.edit.selectAll()
        field: QWidget = self.combo if self.combo is not None else self.edit
        self.note_label = QLabel(note, self)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(note))
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleDescription(self.tr("Problem"))
        self.error_label.hide()

        form = QFormLayout()
        caption = QLabel(label, self)
        caption.setBuddy(field)
        form.addRow(caption, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok_text:
            self.ok_button.setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._update)
        self._update()
        field.setFocus()
        plain_labels(self)  # scenario and user text is never rich text

    def text(self) -> str:
        return self.edit.text()

    def _update(self, *_: Any) -> None:
        self.ok_button.setEnabled(not self.busy and (bool(self.edit.text().strip()) or not self._required))

    def show_error(self, _title: str, detail: str) -> None:  # the worker's error path
        _show_refusal(self, detail, self.edit)

    def accept(self) -> None:
        text = self.edit.text().strip()
        if (self._required and not text) or self.busy:
            return

        def stored(value: Any) -> None:
            self.result_value = value
            if self._applied is not None:
                self._applied(value)
            QDialog.accept(self)

        # ServiceError (name taken, not allowed): say so, keep the text.
        apply_in_background(
            self,
            lambda: self._apply(text),
            stored,
            lambda exc: _show_refusal(self, problem_text(exc, text), self.edit),
        )
