"""The organiser's tables in the annotation window: agreement per decision, and each expert's answers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette

from balint_trainer.core.annotation import (
    AgreementReport,
)
from balint_trainer.gui.models import Column, RowsModel
from balint_trainer.gui.reading import decimal

FLAG_COLUMN = 6  # of AgreementModel


def _fmt(value: float | None) -> str:
    return "—" if value is None else decimal(value)


class AgreementModel(RowsModel):
    """One row per decision: experts, votes, P, kappa, low-agreement flag."""

    def __init__(self, parent: QObject | None = None) -> None:
        row_tip = self._low_agreement_tip
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("AgreementModel", "Decision"),
                    lambda r: r.decision_id,
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Experts"),
                    lambda r: r.experts,
                    numeric=True,
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Votes"),
                    lambda r: ", ".join(f"{k}: {v}" for k, v in r.votes.items()),
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "P"),
                    lambda r: _fmt(r.agreement),
                    numeric=True,
                    tooltip=QCoreApplication.translate(
                        "AgreementModel",
                        "Panel agreement P: chance that two experts picked the same best option",
                    ),
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Kappa"),
                    lambda r: _fmt(r.kappa),
                    numeric=True,
                    tooltip=QCoreApplication.translate(
                        "AgreementModel",
                        "Fleiss' kappa over the 1–5 ratings; shown only when every expert rated every option",
                    ),
                    cell_tooltip=self._kappa_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Alpha"),
                    lambda r: _fmt(r.alpha),
                    numeric=True,
                    tooltip=QCoreApplication.translate(
                        "AgreementModel",
                        "Krippendorff's alpha (ordinal) over the 1–5 ratings; experts need not rate every option",
                    ),
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Flag"),
                    lambda r: self.tr("Low agreement") if r.low_agreement else "",
                    cell_tooltip=row_tip,
                ),
            ],
            parent,
        )
        self.report = AgreementReport()

    def set_report(self, report: AgreementReport) -> None:
        self.report = report
        self.set_rows(report.decisions)

    def _low_agreement_tip(self, row: Any) -> str | None:
        if row.low_agreement:
            return self.tr("Panel agreement below 0.5: discuss this decision before using the key.")
        return None

    def _kappa_tip(self, row: Any) -> str | None:
        if row.kappa is None:
            return self.tr("No kappa: not every expert rated every option of this decision.")
        return self._low_agreement_tip(row)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            row = self.row(index.row())
            if role == Qt.ItemDataRole.FontRole and row.low_agreement:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and row.low_agreement and index.column() == FLAG_COLUMN:
                return QPalette().color(QPalette.ColorRole.Highlight)
            return None
        return super().data(index, role)


class AnnotationRowsModel(RowsModel):
    """The organiser's (non-blind) list of every expert's answer to one decision."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("AnnotationRowsModel", "Expert"), lambda a: a.expert_name),
                Column(QCoreApplication.translate("AnnotationRowsModel", "Best"), lambda a: a.best),
                Column(
                    QCoreApplication.translate("AnnotationRowsModel", "Ratings"),
                    lambda a: ", ".join(f"{k}: {v}" for k, v in (a.ratings or {}).items()),
                ),
                Column(QCoreApplication.translate("AnnotationRowsModel", "Note"), lambda a: a.note or ""),
            ],
            parent,
        )
