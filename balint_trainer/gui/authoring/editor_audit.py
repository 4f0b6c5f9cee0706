"""Item-writing audit warnings in the scenario editor (see :mod:`balint_trainer.core.audit`).

Run on the UI thread right after validation: auditing one bundled scenario (~40 kB) takes
6–15 ms on a 2-core VM, well under the editor's budget. Warnings are told apart from errors
by an icon and the "warning:" prefix in the problem list and a dotted underline in the text,
not by colour alone.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QTextCharFormat
from PySide6.QtWidgets import QApplication, QStyle

from balint_trainer.core.problems import Problem
from balint_trainer.core.validation import LoadedScenario

# Amber dotted underline: readable on light and dark bases, and not the errors' red wave.
WARNING_COLOUR = QColor(203, 140, 0)


def audit_warnings(loaded: LoadedScenario) -> list[Problem]:
    """The audit's warnings for a valid scenario, as problems of severity "warning"."""
    if not loaded.ok or loaded.scenario is None:
        return []
    from balint_trainer.core.audit import audit_scenario

    try:
        result = audit_scenario(loaded.scenario, loaded.filename, loaded.text)
    except Exception:  # an audit glitch must never cost the author their edit or hide errors
        return []
    return [warning.as_problem() for warning in sorted(result.warnings)]


def severity_icon(problem: Problem) -> QIcon:
    pixmap = (
        QStyle.StandardPixmap.SP_MessageBoxWarning
        if problem.severity == "warning"
        else QStyle.StandardPixmap.SP_MessageBoxCritical
    )
    return QApplication.style().standardIcon(pixmap)


def style_warning_underline(fmt: QTextCharFormat) -> None:
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    fmt.setUnderlineColor(WARNING_COLOUR)
