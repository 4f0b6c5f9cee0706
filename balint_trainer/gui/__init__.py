"""Qt desktop interface. Widgets are thin: domain logic lives in core and services."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from balint_trainer.core.competencies import set_label_translator


def _builtin_competency_labels() -> list[str]:
    """Never called for its result: lists the labels literally so that lupdate collects them."""
    translate = QCoreApplication.translate
    return [
        translate("Competency", "Keeping the focus on the doctor–patient relationship"),
        translate("Competency", "Protecting the presenter"),
        translate("Competency", "Representing the absent patient"),
        translate("Competency", "Returning the group from an escape"),
        translate("Competency", "Keeping the group safe and confidential"),
        translate("Competency", "Holding the frame and structure"),
        translate("Competency", "Inviting feelings and fantasies"),
        translate("Competency", "Leader restraint"),
        translate("Competency", "Signposting support"),
    ]


# Built-in competency labels come from the Qt-free core; show them in the UI language.
set_label_translator(lambda label: QCoreApplication.translate("Competency", label))
