"""*Merge into…* in the profiles dialog: one person with two profiles becomes one.

The service moves every attempt, comment (written and received), annotation and
remembered import match of the selected profile into another profile of the same role
and removes the selected one. The counts are shown for confirmation first; a refusal
(other role, clashing annotations, a member account on a course database) is explained.
Both the preview and the merge run off the UI thread (:mod:`balint_trainer.gui.worker`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from balint_trainer.gui.worker import error_text, run_in_background


def ask_merge_target(parent: QWidget, source: Any, targets: Sequence[Any]) -> Any | None:
    """The profile to merge ``source`` into, or None (tests replace this)."""
    labels = [t.name + (f" · {t.cohort}" if t.cohort else "") for t in targets]
    chosen, ok = QInputDialog.getItem(
        parent,
        QCoreApplication.translate("ProfilesDialog", "Merge {name} into…").format(name=source.name),
        QCoreApplication.translate(
            "ProfilesDialog", "Everything of {name} moves to the profile you choose; {name} is then removed."
        ).format(name=source.name),
        labels,
        0,
        False,
    )
    return targets[labels.index(chosen)] if ok and chosen in labels else None


def confirmation_text(report: Any) -> str:
    number = QLocale().toString
    counts = "\n".join(
        f"  {label}: {number(value)}"
        for label, value in (
            (QCoreApplication.translate("ProfilesDialog", "Attempts"), report.attempts),
            (QCoreApplication.translate("ProfilesDialog", "Comments received"), report.comments_received),
            (QCoreApplication.translate("ProfilesDialog", "Comments written"), report.comments_authored),
            (QCoreApplication.translate("ProfilesDialog", "Expert annotations"), report.annotations),
            (QCoreApplication.translate("ProfilesDialog", "Remembered import matches"), report.aliases),
        )
    )
    return (
        QCoreApplication.translate(
            "ProfilesDialog", "Merge {source} into {target}? These move to {target}:"
        ).format(source=report.source.name, target=report.target.name)
        + "\n\n"
        + counts
        + "\n\n"
        + QCoreApplication.translate(
            "ProfilesDialog", "Then the profile {source} is removed. This cannot be undone."
        ).format(source=report.source.name)
    )


def merge_selected(dialog: Any) -> None:
    """Run the whole flow for the profile selected in ``dialog`` (a ProfilesDialog)."""
    source = dialog.selected_profile()
    if source is None:
        return
    targets = [p for p in dialog.model.profiles() if p.role == source.role and p.id != source.id]
    if not targets:
        dialog.status_label.setText(
            QCoreApplication.translate(
                "ProfilesDialog", "There is no other profile with the role of {name} to merge it into."
            ).format(name=source.name)
        )
        return
    target = ask_merge_target(dialog, source, targets)
    if target is None:
        return
    service = dialog._service

    title = QCoreApplication.translate("ProfilesDialog", "Merge profiles")

    def refused(error: BaseException) -> None:  # the worker's error path has shown the reason too
        dialog.status_label.setText(
            QCoreApplication.translate("ProfilesDialog", "Not merged: {reason}").format(
                reason=error_text(error)
            )
        )

    def merged(report: Any) -> None:
        def shown() -> None:  # once the list is reloaded (off the UI thread)
            dialog.status_label.setText(
                QCoreApplication.translate("ProfilesDialog", "{source} was merged into {target}.").format(
                    source=report.source.name, target=report.target.name
                )
            )
            dialog.profiles_merged.emit(report)

        dialog.refresh(select_id=report.target.id).finished.connect(shown)

    def confirm(report: Any) -> None:
        if QMessageBox.question(dialog, title, confirmation_text(report)) != QMessageBox.StandardButton.Yes:
            return
        run_in_background(
            dialog,
            lambda: service.accounts.merge_profiles(source.id, target.id),
            merged,
            error_title=title,
            on_error=refused,
        )

    dialog.status_label.setText(QCoreApplication.translate("ProfilesDialog", "Counting what would move…"))
    run_in_background(
        dialog,
        lambda: service.accounts.merge_preview(source.id, target.id),
        confirm,
        error_title=title,
        on_error=refused,
    )
