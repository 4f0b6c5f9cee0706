"""Table models and columns of the supervisor window: trainees, attempts, decisions, cohort items.

Column texts keep the translation context "SupervisorWindow" they had before the window was
split into one module per tab, so their Persian translations still apply.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from balint_trainer.core.analytics import ItemStats
from balint_trainer.gui.local_time import when_text
from balint_trainer.gui.models import SORT_ROLE, Column
from balint_trainer.reports import DecisionReview, format_seconds

MISSING = float("-inf")  # sorts unknown numbers (no score, no index) below every real value


def number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else QLocale().toString(float(value), "f", digits)


# ---------------------------------------------------------------------------------------------- models


class TraineeListModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profiles: list[Any] = []

    def set_profiles(self, profiles: Sequence[Any]) -> None:
        self.beginResetModel()
        self._profiles = sorted(profiles, key=lambda p: (p.name.casefold(), p.id))
        self.endResetModel()

    def profile(self, row: int) -> Any:
        return self._profiles[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._profiles)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        profile = self._profiles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # Isolated (FSI…PDI): a Latin name and cohort keep their brackets in the Persian UI.
            return f"\u2068{profile.name} ({profile.cohort})\u2069" if profile.cohort else profile.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("SupervisorWindow", "Cohort: {cohort}").format(
                    cohort=profile.cohort
                )
                if profile.cohort
                else profile.name
            )
        if role == Qt.ItemDataRole.UserRole:
            return profile.id
        return None


class NumericSortProxy(QSortFilterProxyModel):
    """Sorts on SORT_ROLE and filters case-insensitively over every column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, int | float) and isinstance(b, int | float):
            return a < b
        return str(a) < str(b)


@dataclass(frozen=True)
class AttemptRow:
    attempt: Any
    title: str


@dataclass(frozen=True)
class ItemRow:
    stats: ItemStats
    competency: str
    wrong_label: str = ""  # the most-chosen wrong option named by its text
    item_rest: float | None = None  # corrected item-total correlation over complete attempts
    scenario_alpha: float | None = None  # Cronbach's alpha of the scenario's decisions
    alpha_attempts: int = 0  # complete attempts behind the two figures above

    @property
    def reliability_small_sample(self) -> bool:
        from balint_trainer.core.psychometrics import MIN_ATTEMPTS

        return self.alpha_attempts < MIN_ATTEMPTS

    def csv_extras(self) -> dict[str, object]:
        return {
            "wrong_option_text": self.wrong_label,
            "item_rest": self.item_rest,
            "scenario_alpha": self.scenario_alpha,
            "alpha_attempts": self.alpha_attempts,
        }


def attempt_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("SupervisorWindow", "Scenario"), lambda r: r.title),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Mode"),
            lambda r: (
                QCoreApplication.translate("SupervisorWindow", "Exam")
                if r.attempt.mode == "exam"
                else QCoreApplication.translate("SupervisorWindow", "Practice")
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Started"),
            lambda r: when_text(r.attempt.started_at),
            lambda r: r.attempt.started_at.timestamp(),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Finished"),
            lambda r: (
                when_text(r.attempt.finished_at)
                or QCoreApplication.translate("SupervisorWindow", "not finished")
            ),
            lambda r: r.attempt.finished_at.timestamp() if r.attempt.finished_at else MISSING,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Score"),
            lambda r: number(r.attempt.total, 0),
            lambda r: MISSING if r.attempt.total is None else float(r.attempt.total),
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "100 × mean credit over the decisions answered"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Answers"),
            lambda r: number(len(r.attempt.answers), 0),
            lambda r: len(r.attempt.answers),
            numeric=True,
        ),
    ]


def decision_columns() -> list[Column]:
    # Options are named by their text, as the trainee saw them (never by id).
    def panel(d: DecisionReview) -> str:
        labels = " / ".join(d.label(m) for m in d.modal)
        if len(d.modal) > 1:  # a tie is called a tie, as in the feedback and the reports
            return QCoreApplication.translate("SupervisorWindow", "tie: {options}").format(options=labels)
        return labels

    def chosen(d: DecisionReview) -> str:
        if not d.answered:
            return QCoreApplication.translate("SupervisorWindow", "not answered")
        return f"{d.label(d.chosen)} ✓" if d.matches_panel else d.label(d.chosen)

    return [
        Column(QCoreApplication.translate("SupervisorWindow", "Decision"), lambda d: d.decision_id),
        Column(QCoreApplication.translate("SupervisorWindow", "Competency"), lambda d: d.competency_label),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Chosen"),
            chosen,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "The trainee's option; ✓ when it is the panel's choice"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Panel"),
            panel,
            tooltip=QCoreApplication.translate("SupervisorWindow", "The option(s) most experts chose"),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Credit"),
            lambda d: number(d.credit),
            lambda d: MISSING if d.credit is None else d.credit,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Time"),
            lambda d: format_seconds(d.seconds),
            lambda d: MISSING if d.seconds is None else d.seconds,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Comments"),
            lambda d: number(len(d.comments), 0) if d.comments else "",
            lambda d: len(d.comments),
            numeric=True,
        ),
    ]


def _starred(text: str, small_sample: bool) -> str:
    return f"{text} *" if text and small_sample else text


def item_columns() -> list[Column]:
    def num(
        get: Callable[[ItemStats], float | None], digits: int = 2
    ) -> tuple[Callable[[Any], str], Callable[[Any], float]]:
        def display(r: ItemRow) -> str:
            return number(get(r.stats), digits)

        def sort(r: ItemRow) -> float:
            value = get(r.stats)
            return MISSING if value is None else float(value)

        return display, sort

    def discrimination(r: ItemRow) -> str:
        text = number(r.stats.discrimination)
        return f"{text} *" if text and r.stats.small_sample else text

    # The figures a supervisor scans for come first; the long competency name last (stretching),
    # so the most-chosen wrong option stays on screen at ordinary window widths.
    return [
        Column(QCoreApplication.translate("SupervisorWindow", "Scenario"), lambda r: r.stats.scenario_id),
        Column(QCoreApplication.translate("SupervisorWindow", "Decision"), lambda r: r.stats.decision_id),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Answers"),
            lambda r: number(r.stats.n, 0),
            lambda r: r.stats.n,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Facility"),
            *num(lambda s: s.facility),
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "Share of answers that earned full credit (chose a panel-modal option)"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Discrimination"),
            discrimination,
            num(lambda s: s.discrimination)[1],
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow",
                "Mean credit of the top 27% of attempts (by score) minus that of the bottom 27%; "
                "* = fewer than 20 attempts, read with care",
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Item–rest r"),
            lambda r: _starred(number(r.item_rest), r.reliability_small_sample),
            lambda r: MISSING if r.item_rest is None else r.item_rest,
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow",
                "Corrected item–total correlation: how well credit on this decision goes with credit on "
                "the scenario's other decisions, over attempts that answered them all. Near 0 or "
                "negative: the decision measures something else (or its key is doubtful); * = fewer "
                "than 30 complete attempts",
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Scenario α"),
            lambda r: _starred(number(r.scenario_alpha), r.reliability_small_sample),
            lambda r: MISSING if r.scenario_alpha is None else r.scenario_alpha,
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow",
                "Cronbach's alpha of the scenario's decisions: how consistently they rank trainees "
                "(0.7 or more is usual for a test that decides something; a practice scenario of six "
                "decisions is often lower); * = fewer than 30 complete attempts",
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Most-chosen wrong option"),
            lambda r: r.wrong_label or r.stats.wrong_option or "",
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "The option without full credit that most trainees chose"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Wrong share"),
            *num(lambda s: s.wrong_share),
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "Share of answers that chose the most-chosen wrong option"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Mean credit"),
            *num(lambda s: s.mean_credit),
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Median time (s)"),
            *num(lambda s: s.median_seconds, 0),
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "Median time to decide, in seconds (real-time or not)"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Time-outs"),
            lambda r: number(r.stats.timeouts, 0),
            lambda r: r.stats.timeouts,
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "Answers recorded as no intervention because real time ran out"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Attempts"),
            lambda r: number(r.stats.attempts, 0),
            lambda r: r.stats.attempts,
            numeric=True,
        ),
        Column(QCoreApplication.translate("SupervisorWindow", "Competency"), lambda r: r.competency),
    ]


def make_table(parent: QWidget, model: QAbstractTableModel | QSortFilterProxyModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAccessibleName(name)
    return view


def competency_columns() -> list[Column]:
    """The progress tab's per-competency summary (rows: reports' competency summaries)."""
    return [
        Column(QCoreApplication.translate("SupervisorWindow", "Competency"), lambda r: r.label),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Answers"),
            lambda r: number(r.answers, 0),
            lambda r: r.answers,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Mean credit"),
            lambda r: number(r.mean),
            lambda r: r.mean,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Latest attempt"),
            lambda r: number(r.latest),
            lambda r: MISSING if r.latest is None else r.latest,
            numeric=True,
        ),
    ]
