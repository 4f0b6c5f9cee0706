"""Qt desktop interface. Widgets are thin: domain logic lives in core and services."""

from __future__ import annotations

from balint_trainer.gui.import_tax import restore_builtin_import

restore_builtin_import()  # first: every module imported after Qt would pay PySide's import tax

from PySide6.QtCore import QCoreApplication, QLocale  # noqa: E402

from balint_trainer.core.localise import set_number_format, set_translator  # noqa: E402


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


# Text from the Qt-free packages (built-in competency labels, reports) in the UI language.
set_translator(QCoreApplication.translate)
# Numbers those packages format (votes, credits in the decision-against-the-panel table) in the
# UI's digits: QLocale() is the interface language's locale once i18n.install has run.
set_number_format(lambda value, places: QLocale().toString(float(value), "f", places))
