"""Supervisor window: trainees, their attempts, attempt review with comments, progress, cohort items, reports.

Thin widgets over the service API and the Qt-free :mod:`balint_trainer.reports`
and :mod:`balint_trainer.core.analytics`; nothing here touches a database session.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.analytics import ItemStats, competency_series
from balint_trainer.core.competencies import competency_label
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.core.option_order import option_label
from balint_trainer.gui import plain_text
from balint_trainer.gui.local_time import day_month_text, when_text
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.models import SORT_ROLE, Column, RowsModel
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import plural
from balint_trainer.gui.worker import CancelToken, run_with_progress
from balint_trainer.reports import (
    AttemptReview,
    DecisionReview,
    ScenarioCache,
    format_seconds,
    review_attempt,
    trainee_report,
    trainee_report_html,
    write_answers_csv,
    write_item_analysis_csv,
    write_xapi_json,
)
from balint_trainer.reports.against_panel import against_panel_html, from_review
from balint_trainer.reports.xapi import DEFAULT_HOME_PAGE, normalise_home_page

_MISSING = float("-inf")  # sorts unknown numbers (no score, no index) below every real value


def _number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else QLocale().toString(float(value), "f", digits)


def write_pdf(html: str, path: Path, *, title: str = "") -> None:
    """Render report HTML to an A4 PDF (decisions never split across pages; see gui/report_pdf.py)."""
    from balint_trainer.gui.report_pdf import write_pdf as write

    write(html, path, title=title)


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
            return f"{profile.name} ({profile.cohort})" if profile.cohort else profile.name
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


class _NumericSortProxy(QSortFilterProxyModel):
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
class BundleImport:
    """One attempt-bundle file given to the supervisor window: its import report, or why it was refused."""

    path: Path
    report: Any | None  # services.dto.ImportReport
    error: str = ""


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


def _attempt_columns() -> list[Column]:
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
                when_text(r.attempt.finished_at) or QCoreApplication.translate("SupervisorWindow", "not finished")
            ),
            lambda r: r.attempt.finished_at.timestamp() if r.attempt.finished_at else _MISSING,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Score"),
            lambda r: _number(r.attempt.total, 0),
            lambda r: _MISSING if r.attempt.total is None else float(r.attempt.total),
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "100 × mean credit over the decisions answered"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Answers"),
            lambda r: str(len(r.attempt.answers)),
            lambda r: len(r.attempt.answers),
            numeric=True,
        ),
    ]


def _decision_columns() -> list[Column]:
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
            lambda d: _number(d.credit),
            lambda d: _MISSING if d.credit is None else d.credit,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Time"),
            lambda d: format_seconds(d.seconds),
            lambda d: _MISSING if d.seconds is None else d.seconds,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Comments"),
            lambda d: str(len(d.comments)) if d.comments else "",
            lambda d: len(d.comments),
            numeric=True,
        ),
    ]


def _starred(text: str, small_sample: bool) -> str:
    return f"{text} *" if text and small_sample else text


def _item_columns() -> list[Column]:
    def num(
        get: Callable[[ItemStats], float | None], digits: int = 2
    ) -> tuple[Callable[[Any], str], Callable[[Any], float]]:
        def display(r: ItemRow) -> str:
            return _number(get(r.stats), digits)

        def sort(r: ItemRow) -> float:
            value = get(r.stats)
            return _MISSING if value is None else float(value)

        return display, sort

    def discrimination(r: ItemRow) -> str:
        text = _number(r.stats.discrimination)
        return f"{text} *" if text and r.stats.small_sample else text

    # The figures a supervisor scans for come first; the long competency name last (stretching),
    # so the most-chosen wrong option stays on screen at ordinary window widths.
    return [
        Column(QCoreApplication.translate("SupervisorWindow", "Scenario"), lambda r: r.stats.scenario_id),
        Column(QCoreApplication.translate("SupervisorWindow", "Decision"), lambda r: r.stats.decision_id),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Answers"),
            lambda r: str(r.stats.n),
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
            lambda r: _starred(_number(r.item_rest), r.reliability_small_sample),
            lambda r: _MISSING if r.item_rest is None else r.item_rest,
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
            lambda r: _starred(_number(r.scenario_alpha), r.reliability_small_sample),
            lambda r: _MISSING if r.scenario_alpha is None else r.scenario_alpha,
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
            lambda r: str(r.stats.timeouts),
            lambda r: r.stats.timeouts,
            numeric=True,
            tooltip=QCoreApplication.translate(
                "SupervisorWindow", "Answers recorded as no intervention because real time ran out"
            ),
        ),
        Column(
            QCoreApplication.translate("SupervisorWindow", "Attempts"),
            lambda r: str(r.stats.attempts),
            lambda r: r.stats.attempts,
            numeric=True,
        ),
        Column(QCoreApplication.translate("SupervisorWindow", "Competency"), lambda r: r.competency),
    ]


def _table(parent: QWidget, model: QAbstractTableModel | QSortFilterProxyModel, name: str) -> QTableView:
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


class CommentEdit(QPlainTextEdit):
    """Plain-text comment box; Ctrl+Enter (main or keypad Enter) submits it."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------------------------------------- window


class SupervisorWindow(QMainWindow):
    """Review trainees' attempts, comment on decisions, follow progress, analyse items, export reports."""

    comment_added = Signal(int)  # attempt id
    exported = Signal(str, str)  # kind, path

    def __init__(self, service: Any, parent: QWidget | None = None, *, author_id: int | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._author_id = author_id
        self._cache = ScenarioCache(service)
        self._review: AttemptReview | None = None
        self._chart: Any = None
        self._chart_profile: int | None = None
        self._item_competencies: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}
        self._items_stale = True
        # Unsent comment text per target (attempt id, decision id or None for the whole attempt):
        # moving to another decision or trainee must neither lose it nor file it under the new one.
        self._drafts: dict[tuple[int, str | None], str] = {}
        self._draft_key: tuple[int, str | None] | None = None
        self.setWindowTitle(self.tr("Balint Trainer — Supervisor"))
        self.setObjectName("SupervisorWindow")
        self.resize(1200, 780)
        self._build()
        self._build_actions()
        from balint_trainer.gui.supervision.integration import RecordingsSupport

        self.recordings = RecordingsSupport(self)  # Trainee → Code a recorded session…, and its tab
        self.setAcceptDrops(True)  # attempt bundles dropped from a file manager are imported
        self._build_lrs()
        self.refresh()
        plain_labels(self, rich=[self.chart_legend])  # scenario and user text is never rich text

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.setCentralWidget(splitter)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        trainees_label = QLabel(self.tr("&Trainees"), left)
        self.trainee_filter = QLineEdit(left)
        self.trainee_filter.setPlaceholderText(self.tr("Filter by name or cohort"))
        self.trainee_filter.setAccessibleName(self.tr("Filter trainees"))
        self.trainee_filter.setClearButtonEnabled(True)
        self.trainee_model = TraineeListModel(self)
        self.trainee_proxy = QSortFilterProxyModel(self)
        self.trainee_proxy.setSourceModel(self.trainee_model)
        self.trainee_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.trainee_filter.textChanged.connect(self.trainee_proxy.setFilterFixedString)
        self.trainee_view = QListView(left)
        self.trainee_view.setModel(self.trainee_proxy)
        self.trainee_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trainee_view.setAccessibleName(self.tr("Trainees"))
        trainees_label.setBuddy(self.trainee_view)
        left_layout.addWidget(trainees_label)
        left_layout.addWidget(self.trainee_filter)
        left_layout.addWidget(self.trainee_view)
        self.trainee_view.selectionModel().currentChanged.connect(self._on_trainee_changed)

        self.tabs = QTabWidget(splitter)
        self.tabs.setAccessibleName(self.tr("Supervisor views"))
        self.tabs.addTab(self._build_attempts_tab(), self.tr("&Attempts"))
        self.progress_tab = self._build_progress_tab()
        self.tabs.addTab(self.progress_tab, self.tr("&Progress"))
        self.items_tab = self._build_items_tab()
        self.tabs.addTab(self.items_tab, self.tr("Cohort &items"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([260, 940])

        self.setTabOrder(self.trainee_filter, self.trainee_view)
        self.setTabOrder(self.trainee_view, self.tabs)

    def _build_attempts_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        vertical = QSplitter(Qt.Orientation.Vertical, page)
        layout.addWidget(vertical)

        self.attempt_model = RowsModel(_attempt_columns(), self)
        self.attempt_proxy = _NumericSortProxy(self)
        self.attempt_proxy.setSourceModel(self.attempt_model)
        self.attempt_view = _table(vertical, self.attempt_proxy, self.tr("Attempts of the selected trainee"))
        self.attempt_view.setSortingEnabled(True)
        self.attempt_view.horizontalHeader().setStretchLastSection(False)
        self.attempt_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attempt_view.selectionModel().currentRowChanged.connect(self._on_attempt_changed)

        review = QWidget(vertical)
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        self.attempt_summary = QLabel(review)
        self.attempt_summary.setWordWrap(True)
        self.attempt_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.attempt_summary.setAccessibleDescription(self.tr("Attempt summary"))
        review_layout.addWidget(self.attempt_summary)

        horizontal = QSplitter(Qt.Orientation.Horizontal, review)
        review_layout.addWidget(horizontal, 1)
        self.decision_model = RowsModel(_decision_columns(), self)
        self.decision_view = _table(horizontal, self.decision_model, self.tr("Decisions of the attempt"))
        # Long competency names elide (full text in the tooltip) so Credit, Time and Comments stay visible.
        decision_header = self.decision_view.horizontalHeader()
        decision_header.setStretchLastSection(False)
        decision_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Credit, Time and Comments right after the decision, each as wide as its header: in a
        # narrow pane the long option texts scrolled them off ("Comme"). The texts elide instead.
        for visual, logical in enumerate((4, 5, 6), start=1):
            decision_header.moveSection(decision_header.visualIndex(logical), visual)
        for logical in (2, 3):
            decision_header.setSectionResizeMode(logical, QHeaderView.ResizeMode.Interactive)
            decision_header.resizeSection(logical, 180)
        self.decision_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.decision_view.selectionModel().currentRowChanged.connect(self._on_decision_changed)

        detail = QWidget(horizontal)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.decision_detail = SafeTextBrowser(detail, accessible_name=self.tr("Decision review"))
        detail_layout.addWidget(self.decision_detail, 1)
        comment_label = QLabel(self.tr("&New comment (Ctrl+Enter to add)"), detail)
        self.comment_label = comment_label
        self.comment_edit = CommentEdit(detail)
        self.comment_edit.setAccessibleName(self.tr("New comment"))
        self.comment_edit.setPlaceholderText(self.tr("Feedback on this decision for the trainee"))
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMaximumHeight(110)
        comment_label.setBuddy(self.comment_edit)
        self.whole_attempt_check = QCheckBox(self.tr("About the &whole attempt"), detail)
        self.whole_attempt_check.setAccessibleDescription(self.tr("Comment on the whole attempt"))
        self.add_comment_button = QPushButton(self.tr("Add &comment"), detail)
        self.add_comment_button.setAccessibleName(self.tr("Add comment"))
        self.add_comment_button.clicked.connect(self.add_comment)
        author_label = QLabel(self.tr("Comment a&s:"), detail)
        self.author_combo = QComboBox(detail)
        self.author_combo.setAccessibleName(self.tr("Comment as"))
        self.author_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.author_combo.setMinimumContentsLength(16)  # names were cut off before the list filled
        self.author_combo.setToolTip(self.tr("Supervisor or organiser profile the comment is signed with"))
        author_label.setBuddy(self.author_combo)
        heading = QHBoxLayout()
        heading.addWidget(comment_label, 1)
        # The signer sits by the button (not by the label, whose text names the target and grows).
        row = QHBoxLayout()
        row.addWidget(self.whole_attempt_check)
        row.addStretch(1)
        row.addWidget(author_label)
        row.addWidget(self.author_combo)
        row.addWidget(self.add_comment_button)
        detail_layout.addLayout(heading)
        detail_layout.addWidget(self.comment_edit)
        detail_layout.addLayout(row)
        self.comment_edit.submitted.connect(self.add_comment)
        self.comment_edit.textChanged.connect(self._update_comment_state)
        self.whole_attempt_check.toggled.connect(self._update_comment_state)
        horizontal.setSizes([520, 440])
        vertical.setSizes([220, 520])

        page.setTabOrder(self.attempt_view, self.decision_view)
        page.setTabOrder(self.decision_view, self.decision_detail)
        page.setTabOrder(self.decision_detail, self.comment_edit)
        page.setTabOrder(self.comment_edit, self.whole_attempt_check)
        page.setTabOrder(self.whole_attempt_check, self.author_combo)
        page.setTabOrder(self.author_combo, self.add_comment_button)
        self._update_comment_state()
        return page

    def _build_progress_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.progress_note = QLabel(page)
        self.progress_note.setWordWrap(True)
        self.progress_note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.progress_note)
        chart_row = QHBoxLayout()
        self.chart_holder = QVBoxLayout()
        chart_row.addLayout(self.chart_holder, 1)
        # Which colour is which competency: the chart itself has no room for names.
        self.chart_legend = QLabel(page)
        self.chart_legend.setTextFormat(Qt.TextFormat.RichText)
        self.chart_legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_legend.setAccessibleName(self.tr("Chart legend"))
        chart_row.addWidget(self.chart_legend)
        layout.addLayout(chart_row, 3)
        # The same numbers as a table: readable by screen readers and copyable.
        self.competency_model = RowsModel(
            [
                Column(self.tr("Competency"), lambda r: r.label),
                Column(
                    self.tr("Answers"),
                    lambda r: str(r.answers),
                    lambda r: r.answers,
                    numeric=True,
                ),
                Column(
                    self.tr("Mean credit"),
                    lambda r: _number(r.mean),
                    lambda r: r.mean,
                    numeric=True,
                ),
                Column(
                    self.tr("Latest attempt"),
                    lambda r: _number(r.latest),
                    lambda r: _MISSING if r.latest is None else r.latest,
                    numeric=True,
                ),
            ],
            self,
        )
        self.competency_view = _table(page, self.competency_model, self.tr("Competency summary"))
        layout.addWidget(self.competency_view, 2)
        from balint_trainer.gui.practice.adaptive_views import CalibrationBox

        self.calibration_box = CalibrationBox(page)  # confidence against credit, all their answers
        layout.addWidget(self.calibration_box, 2)
        return page

    def _build_items_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.cohort_combo = QComboBox(page)
        self.cohort_combo.setAccessibleName(self.tr("Cohort"))
        self.scenario_combo = QComboBox(page)
        self.scenario_combo.setAccessibleName(self.tr("Scenario"))
        form.addRow(self.tr("C&ohort:"), self.cohort_combo)
        form.addRow(self.tr("&Scenario:"), self.scenario_combo)
        self.include_unfinished_check = QCheckBox(self.tr("Include &unfinished attempts"), page)
        self.include_unfinished_check.setChecked(True)
        self.include_unfinished_check.setAccessibleName(self.tr("Include unfinished attempts"))
        self.include_unfinished_check.setToolTip(
            self.tr("Unfinished attempts are ranked by the mean credit of the decisions they answered")
        )
        form.addRow("", self.include_unfinished_check)
        layout.addLayout(form)

        self.item_model = RowsModel(_item_columns(), self)
        self.item_proxy = _NumericSortProxy(self)
        self.item_proxy.setSourceModel(self.item_model)
        self.item_proxy.setFilterKeyColumn(0)
        self.item_view = _table(page, self.item_proxy, self.tr("Item analysis per decision"))
        self.item_view.setSortingEnabled(True)
        self.item_view.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # hardest items first (facility)
        layout.addWidget(self.item_view, 1)

        buttons = QHBoxLayout()
        self.item_note = QLabel(page)
        self.item_note.setWordWrap(True)
        self.item_note.setTextFormat(Qt.TextFormat.PlainText)
        buttons.addWidget(self.item_note, 1)
        self.export_items_button = QPushButton(self.tr("E&xport CSV…"), page)
        self.export_items_button.setAccessibleName(self.tr("Export item analysis as CSV"))
        self.export_items_button.clicked.connect(lambda: self.export_item_analysis())
        buttons.addWidget(self.export_items_button)
        layout.addLayout(buttons)

        self.cohort_combo.currentIndexChanged.connect(lambda _i: self.refresh_items())
        self.include_unfinished_check.toggled.connect(lambda _on: self.refresh_items())
        self.scenario_combo.currentIndexChanged.connect(self._apply_scenario_filter)
        return page

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Reports"))
        self.report_actions: dict[str, QAction] = {}
        specs = [
            ("html", self.tr("Trainee report as &HTML…"), QKeySequence("Ctrl+Shift+H")),
            ("pdf", self.tr("Trainee report as &PDF…"), QKeySequence("Ctrl+Shift+P")),
            ("csv", self.tr("Trainee's answers as &CSV…"), QKeySequence("Ctrl+Shift+C")),
            ("xapi", self.tr("Trainee's answers as &xAPI statements (JSON)…"), QKeySequence("Ctrl+Shift+X")),
        ]
        for kind, text, shortcut in specs:
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(lambda _checked=False, k=kind: self.export_report(k))
            menu.addAction(action)
            self.report_actions[kind] = action
        menu.addSeparator()
        cohort_csv = QAction(self.tr("Cohort answers as C&SV…"), self)
        cohort_csv.triggered.connect(lambda: self.export_cohort("csv"))
        menu.addAction(cohort_csv)
        cohort_xapi = QAction(self.tr("Cohort answers as xAPI &JSON…"), self)
        cohort_xapi.triggered.connect(lambda: self.export_cohort("xapi"))
        menu.addAction(cohort_xapi)
        menu.addSeparator()
        # Comments back to an offline trainee (gui/workbench/feedback_export.py).
        self.export_feedback_action = QAction(self.tr("Export &feedback for trainee…"), self)
        self.export_feedback_action.triggered.connect(lambda: self.export_feedback())
        menu.addAction(self.export_feedback_action)
        self.home_page_action = QAction(self.tr("xAPI c&ourse home page…"), self)
        self.home_page_action.triggered.connect(lambda: self.change_xapi_home_page())
        menu.addAction(self.home_page_action)
        self.lrs_action = QAction(self.tr("Lear&ning record store (LRS)…"), self)
        self.lrs_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.lrs_action.triggered.connect(lambda: self.open_lrs())
        menu.addAction(self.lrs_action)
        menu.addSeparator()
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        menu.addAction(refresh)
        profiles = self.menuBar().addMenu(self.tr("Pro&files"))
        self.new_profile_action = QAction(self.tr("&New profile…"), self)
        self.new_profile_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_profile_action.triggered.connect(lambda: self.new_profile())
        profiles.addAction(self.new_profile_action)
        # Its text lives with the profiles dialog's (translation context "ProfilesDialog").
        self.manage_profiles_action = QAction(
            QCoreApplication.translate("ProfilesDialog", "&Manage profiles…"), self
        )
        self.manage_profiles_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.manage_profiles_action.triggered.connect(lambda: self.manage_profiles())
        profiles.addAction(self.manage_profiles_action)
        profiles.addSeparator()
        self.import_attempts_action = QAction(self.tr("&Import trainee attempts…"), self)
        self.import_attempts_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_attempts_action.triggered.connect(lambda: self.import_attempt_bundles())
        profiles.addAction(self.import_attempts_action)
        close = QAction(self.tr("C&lose"), self)
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        menu.addAction(close)
        self._update_report_actions()

    # ------------------------------------------------------------------ data flow

    def refresh(self) -> None:
        """Reload trainees (keeping the selection) and the cohort table."""
        selected = self.current_trainee()
        try:
            profiles = self._service.accounts.profiles(role="trainee")
        except Exception as exc:  # a lost database connection must not close the window
            self._show_error(self.tr("Could not load trainees"), exc)
            profiles = []
        self.trainee_model.set_profiles(profiles)
        self._fill_authors()
        cohorts = sorted({p.cohort for p in profiles if p.cohort}, key=str.casefold)
        current = self.cohort_combo.currentData()
        self.cohort_combo.blockSignals(True)
        self.cohort_combo.clear()
        self.cohort_combo.addItem(self.tr("All cohorts"), None)
        for cohort in cohorts:
            self.cohort_combo.addItem(cohort, cohort)
        index = self.cohort_combo.findData(current)
        self.cohort_combo.setCurrentIndex(max(index, 0))
        self.cohort_combo.blockSignals(False)
        if selected is not None:
            self.select_trainee(selected.id)
        elif self.trainee_proxy.rowCount():
            self.trainee_view.setCurrentIndex(self.trainee_proxy.index(0, 0))
        else:
            self._show_trainee(None)
        # The cohort query reads every answer: only run it when the table is on screen.
        self._items_stale = True
        if self.tabs.currentWidget() is self.items_tab:
            self.refresh_items()

    def current_trainee(self) -> Any | None:
        index = self.trainee_view.currentIndex()
        if not index.isValid():
            return None
        return self.trainee_model.profile(self.trainee_proxy.mapToSource(index).row())

    def trainee_names(self) -> list[str]:
        return [str(self.trainee_proxy.index(r, 0).data()) for r in range(self.trainee_proxy.rowCount())]

    def select_trainee(self, profile_id: int) -> bool:
        for row in range(self.trainee_proxy.rowCount()):
            index = self.trainee_proxy.index(row, 0)
            if index.data(Qt.ItemDataRole.UserRole) == profile_id:
                self.trainee_view.setCurrentIndex(index)
                return True
        return False

    def _on_trainee_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_trainee(self.current_trainee() if current.isValid() else None)

    def _show_trainee(self, profile: Any | None) -> None:
        rows: list[AttemptRow] = []
        if profile is not None:
            try:
                attempts = self._service.practice.attempts(profile_id=profile.id)
                rows = [AttemptRow(a, self._title(a)) for a in attempts]
            except Exception as exc:
                self._show_error(self.tr("Could not load attempts"), exc)
        rows.sort(key=lambda r: (r.attempt.started_at, r.attempt.id), reverse=True)
        self.attempt_model.set_rows(rows)
        self.attempt_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # newest first, as loaded
        if rows:
            self.attempt_view.setCurrentIndex(self.attempt_proxy.index(0, 0))
        else:
            self._show_review(None)
        self._update_report_actions()
        self._chart_profile = None
        if self.tabs.currentWidget() is self.progress_tab:
            self._update_progress()

    def _title(self, attempt: Any) -> str:
        try:
            version, scenario, _problem = self._cache.get(attempt.version_id)
        except Exception:
            return str(attempt.scenario_id)
        return scenario.title if scenario else (version.title or attempt.scenario_id)

    def current_attempt(self) -> Any | None:
        index = self.attempt_view.currentIndex()
        if not index.isValid():
            return None
        return self.attempt_model.row(self.attempt_proxy.mapToSource(index).row()).attempt

    def select_attempt(self, attempt_id: int) -> bool:
        for row in range(self.attempt_proxy.rowCount()):
            source = self.attempt_proxy.mapToSource(self.attempt_proxy.index(row, 0))
            if self.attempt_model.row(source.row()).attempt.id == attempt_id:
                self.attempt_view.setCurrentIndex(self.attempt_proxy.index(row, 0))
                return True
        return False

    def _on_attempt_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        attempt = self.current_attempt() if current.isValid() else None
        review = None
        if attempt is not None:
            try:
                review = review_attempt(self._service, attempt.id, self._cache)
            except Exception as exc:
                self._show_error(self.tr("Could not load the attempt"), exc)
        self._show_review(review)

    def _show_review(self, review: AttemptReview | None, keep_decision: str | None = None) -> None:
        self._review = review
        self.decision_model.set_rows(review.decisions if review else [])
        if review is None:
            self.attempt_summary.setText(self.tr("Select an attempt to review it."))
            self.decision_detail.set_safe_html("")
        else:
            self.attempt_summary.setText(self._summary_text(review))
            row = 0
            if keep_decision is not None:
                ids = [d.decision_id for d in review.decisions]
                row = ids.index(keep_decision) if keep_decision in ids else 0
            if review.decisions:
                self.decision_view.setCurrentIndex(self.decision_model.index(row, 0))
                self.decision_view.selectionModel().select(
                    self.decision_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
            self._show_decision(self.current_decision())
        self._update_comment_state()

    def _summary_text(self, review: AttemptReview) -> str:
        attempt = review.attempt
        parts = [review.title]
        if attempt.finished_at is not None:
            parts.append(self.tr("score {score}/100").format(score=_number(attempt.total, 0)))
        else:
            parts.append(self.tr("not finished"))
        parts.append(
            # %n chooses the plural form by the total ("1 of 1 decision answered").
            plural(
                self.tr("{answered} of %n decision(s) answered", "", len(review.decisions)), len(review.decisions)
            ).format(answered=len(review.answered))
        )
        if review.total_seconds is not None:
            parts.append(
                self.tr("time on decisions {time}").format(time=format_seconds(review.total_seconds))
            )
        if review.general_comments:
            parts.append(
                plural(
                    self.tr("%n comment(s) on the whole attempt", "", len(review.general_comments)),
                    len(review.general_comments),
                )
            )
        text = " · ".join(parts)
        from balint_trainer.gui.practice.adaptive_views import attempt_adaptive_text

        adaptive = attempt_adaptive_text(self._cache, attempt)  # panel-relative score, calibration
        if adaptive:
            text += "\n" + adaptive
        if review.load_problem:
            text += "\n" + review.load_problem
        return text

    def current_decision(self) -> DecisionReview | None:
        index = self.decision_view.currentIndex()
        if self._review is None or not index.isValid():
            return None
        return self._review.decisions[index.row()]

    def select_decision(self, decision_id: str) -> bool:
        if self._review is None:
            return False
        for row, decision in enumerate(self._review.decisions):
            if decision.decision_id == decision_id:
                self.decision_view.setCurrentIndex(self.decision_model.index(row, 0))
                return True
        return False

    def _on_decision_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_decision(self.current_decision() if current.isValid() else None)
        self._update_comment_state()

    def decision_html(self, decision: DecisionReview | None) -> str:
        """The review of one decision: prompt, options with panel votes, the trainee's choice, comments."""
        review = self._review
        if decision is None or review is None:
            return ""
        lang = review.language
        esc = render_plain

        # Texts are translated before they go into the f-strings: lupdate does not look inside them.
        def heading(text: str) -> str:
            return f"<h4>{esc(text)}</h4>"

        def aside(text: str) -> str:
            return f"<p><i>{esc(text)}</i></p>"

        out = [f"<h3>{esc(decision.decision_id)}"]
        if decision.competency_label:
            out.append(f" — {esc(decision.competency_label)}")
        out.append("</h3>")
        out.append(render_markdown(decision.prompt, language=lang))
        # Every option against the panel: the renderer the trainee's feedback and the report use.
        out.append(against_panel_html(from_review(decision), language=lang, trainee=False))
        if decision.answered:
            out.append(
                "<p>"
                + esc(
                    QCoreApplication.translate(
                        "SupervisorWindow",
                        "Chosen: {chosen} · credit {credit} · time taken {time} · answered {when}",
                    )
                ).format(
                    chosen=f"<b>{esc(decision.label(decision.chosen))}</b>",
                    credit=_number(decision.credit),
                    time=esc(format_seconds(decision.seconds) or self.tr("not recorded")),
                    when=esc(when_text(decision.answered_at)),
                )
                + "</p>"
            )
            out.append(heading(self.tr("In their own words")))
            if decision.own_words:
                out.append("<blockquote>" + esc(decision.own_words).replace("\n", "<br/>") + "</blockquote>")
            else:
                out.append(aside(self.tr("Nothing written.")))
        else:
            out.append(aside(self.tr("Not answered in this attempt.")))
        comments = list(decision.comments)
        out.append(heading(self.tr("Comments")))
        if comments:
            out.extend(
                f"<p>{esc(c.text).replace(chr(10), '<br/>')}<br/><small>— {esc(c.author_name)}, {esc(when_text(c.created_at))}</small></p>"
                for c in comments
            )
        else:
            out.append(aside(self.tr("No comments yet.")))
        if review.general_comments:
            out.append(heading(self.tr("On the whole attempt")))
            out.extend(
                f"<p>{esc(c.text).replace(chr(10), '<br/>')}<br/><small>— {esc(c.author_name)}, {esc(when_text(c.created_at))}</small></p>"
                for c in review.general_comments
            )
        return "".join(out)

    def _show_decision(self, decision: DecisionReview | None) -> None:
        language = self._review.language if self._review else None
        self.decision_detail.set_safe_html(self.decision_html(decision), language=language)

    # ------------------------------------------------------------------ comments

    def comment_target(self) -> tuple[int, str | None] | None:
        """(attempt id, decision id or None for the whole attempt) the comment box writes to."""
        if self._review is None:
            return None
        if self.whole_attempt_check.isChecked():
            return (self._review.attempt.id, None)
        decision = self.current_decision()
        return (self._review.attempt.id, decision.decision_id) if decision is not None else None

    def _swap_draft(self) -> None:
        """Park the typed text under its target and bring back the new target's draft."""
        key = self.comment_target()
        if key == self._draft_key:
            return
        text = self.comment_edit.toPlainText()
        if self._draft_key is not None:
            if text.strip():
                self._drafts[self._draft_key] = text
            else:
                self._drafts.pop(self._draft_key, None)
        self._draft_key = key
        self.comment_edit.blockSignals(True)
        self.comment_edit.setPlainText(self._drafts.get(key, "") if key is not None else "")
        self.comment_edit.blockSignals(False)
        if key is None:
            target = ""
        elif key[1] is None:
            target = self.tr("&New comment on the whole attempt")
        else:
            target = self.tr("&New comment on “{decision}”").format(decision=key[1])
        self.comment_label.setText((target or self.tr("&New comment")) + " " + self.tr("(Ctrl+Enter to add)"))
        self.comment_edit.setAccessibleDescription(target.replace("&", ""))

    def unsent_drafts(self) -> dict[tuple[int, str | None], str]:
        """Comments typed but not added yet, including the one in the box."""
        drafts = dict(self._drafts)
        text = self.comment_edit.toPlainText()
        if self._draft_key is not None and text.strip():
            drafts[self._draft_key] = text
        return drafts

    def _update_comment_state(self) -> None:
        self._swap_draft()
        has_target = self._review is not None and (
            self.whole_attempt_check.isChecked() or self.current_decision() is not None
        )
        self.comment_edit.setEnabled(self._review is not None)
        self.whole_attempt_check.setEnabled(self._review is not None)
        self.add_comment_button.setEnabled(has_target and bool(self.comment_edit.toPlainText().strip()))

    def _fill_authors(self) -> None:
        """Supervisor and organiser profiles that may sign comments, the likely one preselected."""
        current = self.author_combo.currentData()
        if current is None:
            current = self._author_id
        try:
            authors = [p for p in self._service.accounts.profiles() if p.role in ("supervisor", "organiser")]
            if current is None:
                account = self._service.accounts.current_account()  # PostgreSQL login, if any
                if account is not None and account.role in ("supervisor", "organiser"):
                    current = account.id
        except Exception:  # the combo stays as it was; commenting reports any real problem
            return
        if current is None:
            user = getpass.getuser()
            mine = [p for p in authors if p.name == user] + [p for p in authors if p.role == "supervisor"]
            current = mine[0].id if mine else None
        self.author_combo.clear()
        for profile in sorted(authors, key=lambda p: p.name.casefold()):
            role = self.tr("Organiser") if profile.role == "organiser" else self.tr("Supervisor")
            self.author_combo.addItem(profile.name, profile.id)
            self.author_combo.setItemData(self.author_combo.count() - 1, role, Qt.ItemDataRole.ToolTipRole)
        self.author_combo.setCurrentIndex(max(self.author_combo.findData(current), 0))

    def ask_new_profile(self) -> Any | None:
        """Create a trainee, supervisor or organiser in a dialog; the new profile, or None."""
        from balint_trainer.gui.workbench.profiles import create_profile_dialog

        dialog = create_profile_dialog(self, self._service, role="supervisor")
        try:
            return dialog.profile if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def new_profile(self) -> Any | None:
        profile = self.ask_new_profile()
        if profile is None:
            return None
        if profile.role == "trainee":
            self.refresh()
            self.select_trainee(profile.id)
        else:
            self._fill_authors()
            self.author_combo.setCurrentIndex(max(self.author_combo.findData(profile.id), 0))
        self.statusBar().showMessage(self.tr("Profile {name} created.").format(name=profile.name), 6000)
        return profile

    def manage_profiles(self) -> Any:
        """Rename profiles or move trainees between cohorts; the trainee list follows."""
        from balint_trainer.gui.workbench.profiles import manage_profiles

        dialog = manage_profiles(self, self._service)
        if dialog is getattr(self, "_profiles_dialog", None):  # already open, brought to the front
            return dialog
        self._profiles_dialog = dialog
        dialog.profile_changed.connect(lambda _profile: self.refresh())
        dialog.finished.connect(lambda _result: self.refresh())  # new profiles too
        update_main_window = getattr(self.parent(), "update_profile", None)
        if update_main_window is not None:  # its status bar names the practising profile
            dialog.profile_changed.connect(update_main_window)
        return dialog

    # -- attempt bundles from trainees working offline ----------------------------------

    @staticmethod
    def ask_bundle_paths(parent: QWidget) -> list[str]:
        """The bundle files chosen, or [] if cancelled (tests replace this to answer)."""
        chosen, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("SupervisorWindow", "Import trainee attempts"),
            str(Path.home()),
            QCoreApplication.translate(
                "SupervisorWindow", "Attempt bundles (*.json.gz *.json);;All files (*)"
            ),
        )
        return chosen

    @staticmethod
    def ask_bundle_match(parent: QWidget, match: Any) -> int | str | None:
        """Whose first bundle this is: a profile id, "new", or None to skip (tests replace this)."""
        from balint_trainer.gui.workbench.bundle_match import ask_bundle_match

        return ask_bundle_match(parent, match)

    def _match_bundles(self, paths: Sequence[Path]) -> dict[Path, tuple[int | None, bool] | None] | None:
        """Whose each bundle is, as (``as_profile_id``, ``as_new``) for the import; None for a file
        the supervisor skipped. A trainee never seen here is matched once (the dialog, on this
        thread; the service remembers it); reading the files runs on a worker. None: cancelled."""
        matches: dict[Path, Any] = {}

        def read(token: CancelToken) -> None:
            for done, path in enumerate(paths):
                if token.cancelled():
                    return
                token.report(done, len(paths))
                try:
                    matches[path] = self._service.exchange.bundle_match(path)
                except Exception:  # the import itself reports what is wrong with the file
                    continue

        if run_with_progress(self, self.tr("Reading attempt files…"), read).cancelled:
            return None
        decided: dict[Path, tuple[int | None, bool] | None] = {}
        by_uid: dict[str, tuple[int | None, bool] | None] = {}  # one question per trainee
        for path in paths:
            match = matches.get(path)
            if match is None or match.known is not None or not (match.suggestions or match.others):
                decided[path] = (None, False)  # decided already, or nobody to match it to
                continue
            if match.uid is not None and match.uid in by_uid:
                decided[path] = by_uid[match.uid]
                continue
            choice = type(self).ask_bundle_match(self, match)
            decision = None if choice is None else (None, True) if choice == "new" else (int(choice), False)
            decided[path] = decision
            if match.uid is not None:
                by_uid[match.uid] = decision
        return decided

    def import_attempt_bundles(self, paths: Sequence[Path | str] | None = None) -> list[BundleImport]:
        """Import trainees' attempt bundles, each file on its own (atomic, idempotent).

        A refused file is reported and the others still import. The trainee list is
        reloaded and the last imported trainee selected; a summary per file is shown.
        """
        if paths is None:
            paths = type(self).ask_bundle_paths(self)
        if not paths:
            return []
        results: list[BundleImport] = []
        chosen = [Path(raw) for raw in paths]
        decided = self._match_bundles(chosen)
        if decided is None:
            return []

        skipped = self.tr("Skipped; nothing was imported.")

        def work(token: CancelToken) -> None:  # on a worker thread: the service allows that
            for done, path in enumerate(chosen):
                if token.cancelled():  # each file is atomic: stop between files
                    return
                token.report(done, len(chosen))
                try:
                    decision = decided.get(path, (None, False))
                    if decision is None:
                        results.append(BundleImport(path, None, skipped))
                        continue
                    as_id, as_new = decision
                    chosen_for: dict[str, Any] = {}  # only when the supervisor chose
                    if as_id is not None:
                        chosen_for["as_profile_id"] = as_id
                    if as_new:
                        chosen_for["as_new"] = True
                    results.append(BundleImport(path, self._service.exchange.import_attempts(path, **chosen_for)))
                except Exception as exc:  # BundleError says what is wrong; nothing of it was written
                    message = str(exc) or type(exc).__name__
                    results.append(BundleImport(path, None, message.removeprefix(f"{path}: ")))

        outcome = run_with_progress(self, self.tr("Importing attempts…"), work)
        results = list(results)  # after Cancel: the files done so far (the worker may finish one more)
        if outcome.cancelled and not results:
            return []
        if outcome.error is not None and len(results) < len(chosen):
            results.append(BundleImport(chosen[len(results)], None, str(outcome.error)))
        imported = [r.report for r in results if r.report is not None]
        if imported:
            self.refresh()
            self.select_trainee(imported[-1].profile.id)
        self._show_import_summary(results)
        return results

    def _show_import_summary(self, results: Sequence[BundleImport]) -> None:
        number = QLocale().toString
        lines: list[str] = []
        for result in results:
            report = result.report
            if report is None:
                lines.append(
                    self.tr("%1: not imported. %2")
                    .replace("%1", result.path.name)
                    .replace("%2", result.error)
                )
                continue
            line = (
                self.tr("%1: %2 — %3 attempt(s) added, %4 updated, %5 already present.")
                .replace("%1", result.path.name)
                .replace("%2", report.profile.name)
                .replace("%3", number(report.attempts_new))
                .replace("%4", number(report.attempts_updated))
                .replace("%5", number(report.attempts_already_present))
            )
            if report.matched_by == "created":
                line += " " + self.tr("A new profile was created.")
            elif report.matched_by == "chosen":
                line += " " + self.tr("Later files from this trainee will go to %1 too.").replace(
                    "%1", report.profile.name
                )
            if report.note:  # the bundle names the trainee differently: say where the attempts went
                line += " " + self.tr(
                    "Imported into %1, which already holds these attempts (the file calls the trainee %2)."
                ).replace("%1", report.profile.name).replace("%2", report.bundle_name)
                if report.namesake:
                    line += " " + self.tr("The other profile named %1 was left unchanged.").replace(
                        "%1", report.namesake
                    )
            if report.profile.role != "trainee":
                line += " " + self.tr("It is not a trainee profile, so it is not in the trainee list.")
            lines.append(line)
        done = sum(r.report is not None for r in results)
        status = self.tr("Imported %1 of %Ln file(s).", "", len(results)).replace("%1", number(done))
        self.statusBar().showMessage(status, 10000)
        title = self.tr("Import trainee attempts")
        text = status + "\n\n" + "\n\n".join(lines)
        if done < len(results):
            plain_text.warning(self, title, text)
        else:
            plain_text.information(self, title, text)

    @staticmethod
    def _dropped_bundles(mime: QMimeData) -> list[Path]:
        if not mime.hasUrls():
            return []
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        return [Path(f) for f in files if f.lower().endswith((".json", ".gz"))]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_bundles(event.mimeData()):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_bundles(event.mimeData())
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # Import once the drop has returned: a summary box shown inside it would hold the file manager.
        QTimer.singleShot(0, lambda: self.import_attempt_bundles(paths))

    def _resolve_author(self) -> int:
        """The chosen signer; with no supervisor profile yet, one is made for the person at this computer."""
        author_id = self.author_combo.currentData()
        if author_id is not None:
            return int(author_id)
        base = getpass.getuser() or "supervisor"
        name = base if base not in {p.name for p in self._service.accounts.profiles()} else f"{base} (supervisor)"
        profile = self._service.accounts.create_profile(name, "supervisor")
        self._author_id = profile.id
        self._fill_authors()
        return int(profile.id)

    def add_comment(self) -> Any | None:
        """Store the typed comment on the selected decision (or the whole attempt); returns the Comment."""
        text = self.comment_edit.toPlainText().strip()
        review = self._review
        decision = self.current_decision()
        whole = self.whole_attempt_check.isChecked()
        if not text or review is None or (decision is None and not whole):
            return None
        decision_id = None if whole else decision.decision_id  # type: ignore[union-attr]
        try:
            comment = self._service.review.add_comment(review.attempt.id, self._resolve_author(), text, decision_id)
        except Exception as exc:  # keep the typed text: nothing is lost when the save fails
            self._show_error(self.tr("The comment was not saved"), exc)
            return None
        self._drafts.pop((review.attempt.id, decision_id), None)
        self._draft_key = None  # the text is stored: do not park it as a draft
        self.comment_edit.clear()
        self.whole_attempt_check.setChecked(False)
        try:
            fresh = review_attempt(self._service, review.attempt.id, self._cache)
        except Exception as exc:
            self._show_error(self.tr("Could not reload the attempt"), exc)
            return comment
        self._show_review(fresh, keep_decision=decision.decision_id if decision else None)
        self.statusBar().showMessage(self.tr("Comment saved."), 4000)
        self.comment_added.emit(review.attempt.id)
        return comment

    # ------------------------------------------------------------------ progress

    def _on_tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.progress_tab:
            self._update_progress()
        elif self.tabs.currentWidget() is self.items_tab and self._items_stale:
            self.refresh_items()

    def _update_progress(self) -> None:
        profile = self.current_trainee()
        if profile is None:
            self.progress_note.setText(self.tr("Select a trainee to see their progress."))
            self.competency_model.set_rows([])
            self._set_chart(None)
            return
        if self._chart_profile == profile.id:
            return
        self._chart_profile = profile.id
        try:
            points = self._service.practice.progress(profile.id)
            report = trainee_report(self._service, profile.id, finished_only=True, cache=self._cache)
        except Exception as exc:
            self._show_error(self.tr("Could not load progress"), exc)
            return
        self.competency_model.set_rows(report.competencies)
        self._show_calibration(profile.id)
        labels = {row.id: row.label for row in report.competencies}
        ordered = sorted(points, key=lambda p: p.finished_at)
        if not ordered:
            self.progress_note.setText(
                self.tr("{name} has no finished attempts yet.").format(name=profile.name)
            )
            self._set_chart(None)
            return
        index_of = {p.attempt_id: i for i, p in enumerate(ordered)}
        series: dict[str, list[tuple[int, float]]] = {}
        total = [(index_of[p.attempt_id], float(p.total)) for p in ordered if p.total is not None]
        if total:
            series["total"] = total
        by_time = {p.finished_at: index_of[p.attempt_id] for p in ordered}
        for cid, values in competency_series(ordered).items():
            series[cid] = [(by_time[when], 100.0 * value) for when, value in values]
        labels.setdefault("total", self.tr("Scenario score"))
        labels = {cid: labels.get(cid) or competency_label(cid) for cid in series}
        self.progress_note.setText(
            self.tr("{name}: {n} finished attempt(s), oldest first; scores 0–100 per competency.").format(
                name=profile.name, n=len(ordered)
            )
        )
        # Short one-line ticks (attempt number and date); the scenario is in the attempts table.
        x_labels = [
            f"{i + 1} · {day_month_text(p.finished_at)}"
            for i, p in enumerate(ordered)
        ]
        self._set_chart((series, labels, x_labels))

    def _set_chart(
        self, data: tuple[dict[str, list[tuple[int, float]]], dict[str, str], list[str]] | None
    ) -> None:
        if self._chart is not None:
            self.chart_holder.removeWidget(self._chart)
            self._chart.deleteLater()
            self._chart = None
        self.chart_legend.clear()
        if data is None:
            return
        from balint_trainer.gui.charts import progress_chart, series_colours  # pyqtgraph loads only now

        series, labels, x_labels = data
        colours = series_colours(list(series), self)
        self._chart = progress_chart(self.progress_tab, series, labels, x_labels, colours)
        self.chart_legend.setText(
            "<table>"
            + "".join(
                f'<tr><td style="color:{colours[key].name()}">{"▬" if key == "total" else "■"}</td>'
                f"<td>{'<b>' if key == 'total' else ''}{render_plain(labels.get(key, key))}"
                f"{'</b>' if key == 'total' else ''}</td></tr>"
                for key in series
            )
            + "</table>"
        )
        self._chart.setAccessibleDescription(self.progress_note.text())
        self.chart_holder.addWidget(self._chart)

    @property
    def chart(self) -> Any:
        return self._chart

    def _show_calibration(self, profile_id: int) -> None:
        from balint_trainer.services.review_cards import ReviewService

        try:
            points = ReviewService(self._service).calibration(profile_id)
        except Exception as exc:
            self._show_error(self.tr("Could not load progress"), exc)
            return
        self.calibration_box.show_points(points)

    # ------------------------------------------------------------------ cohort items

    def refresh_items(self) -> None:
        self._items_stale = False
        cohort = self.cohort_combo.currentData()
        try:
            # Aggregated in the database; only finished attempts have a total.
            finished_only = not self.include_unfinished_check.isChecked()
            stats = self._service.review.item_analysis(cohort=cohort, finished_only=finished_only)
        except Exception as exc:
            self._show_error(self.tr("Could not load the cohort's answers"), exc)
            stats = []
        try:
            reliability = {r.scenario_id: r for r in self._service.review.reliability(cohort=cohort)}
        except Exception as exc:
            self._show_error(self.tr("Could not compute the scenarios' reliability"), exc)
            reliability = {}
        rows = []
        for s in stats:
            rel = reliability.get(s.scenario_id)
            rows.append(
                ItemRow(
                    s,
                    self._item_competency(s.scenario_id, s.decision_id),
                    self._item_option_label(s.scenario_id, s.decision_id, s.wrong_option),
                    rel.item_rest.get(s.decision_id) if rel else None,
                    rel.alpha if rel else None,
                    rel.attempts if rel else 0,
                )
            )
        self.item_model.set_rows(rows)
        scenarios = sorted({s.scenario_id for s in stats})
        current = self.scenario_combo.currentData()
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        self.scenario_combo.addItem(self.tr("All scenarios"), None)
        for scenario_id in scenarios:
            self.scenario_combo.addItem(scenario_id, scenario_id)
        self.scenario_combo.setCurrentIndex(max(self.scenario_combo.findData(current), 0))
        self.scenario_combo.blockSignals(False)
        self._apply_scenario_filter()
        answers = sum(s.n for s in stats)
        self.item_note.setText(
            self.tr(
                "{items} decision(s), {answers} answer(s). * = fewer than 20 attempts "
                "(discrimination) or 30 complete attempts (item–rest r, scenario α)."
            ).format(
                items=len(stats), answers=answers
            )
        )

    def _item_competency(self, scenario_id: str, decision_id: str) -> str:
        return self._item_info(scenario_id, decision_id)[0]

    def _item_option_label(self, scenario_id: str, decision_id: str, option_id: str | None) -> str:
        if option_id is None:
            return ""
        text = self._item_info(scenario_id, decision_id)[1].get(option_id)
        return option_label(text) if text else option_id

    def _item_info(self, scenario_id: str, decision_id: str) -> tuple[str, dict[str, str]]:
        """Competency label and option texts of a decision, from the scenario's latest version."""
        key = (scenario_id, decision_id)
        if key not in self._item_competencies:
            info: tuple[str, dict[str, str]] = ("", {})
            try:
                version = self._service.scenarios.latest_version(scenario_id)
                if version is not None:
                    _version, scenario, _problem = self._cache.get(version.id)
                    if scenario is not None:
                        step = scenario.decision(decision_id)
                        label = competency_label(step.competency, dict(scenario.competencies))
                        info = (label, {o.id: o.text for o in step.options})
            except Exception:  # an unknown decision or unreadable version: show the row without it
                info = ("", {})
            self._item_competencies[key] = info
        return self._item_competencies[key]

    def _apply_scenario_filter(self) -> None:
        scenario_id = self.scenario_combo.currentData()
        pattern = "" if scenario_id is None else f"^{QRegularExpression.escape(scenario_id)}$"
        self.item_proxy.setFilterRegularExpression(pattern)

    def visible_item_rows(self) -> list[ItemRow]:
        """Item rows in the table's current order and filter (what the export writes)."""
        return [
            self.item_model.row(self.item_proxy.mapToSource(self.item_proxy.index(r, 0)).row())
            for r in range(self.item_proxy.rowCount())
        ]

    def visible_items(self) -> list[ItemStats]:
        return [row.stats for row in self.visible_item_rows()]

    def export_item_analysis(self, path: Path | str | None = None) -> Path | None:
        target = self._ask_path(
            path, self.tr("Export item analysis"), "item-analysis.csv", self.tr("CSV files (*.csv)")
        )
        if target is None:
            return None
        try:
            rows = self.visible_item_rows()
            count = write_item_analysis_csv(
                [r.stats for r in rows],
                target,
                {(r.stats.scenario_id, r.stats.decision_id): r.csv_extras() for r in rows},
            )
        except OSError as exc:
            self._show_error(self.tr("The item analysis was not exported"), exc)
            return None
        self.statusBar().showMessage(
            self.tr("{n} item(s) written to {path}.").format(n=count, path=target), 6000
        )
        self.exported.emit("items", str(target))
        return target

    # ------------------------------------------------------------------ reports

    def _update_report_actions(self) -> None:
        if not hasattr(self, "report_actions"):
            return
        enabled = self.current_trainee() is not None
        for action in self.report_actions.values():
            action.setEnabled(enabled)
        if hasattr(self, "export_feedback_action"):
            self.export_feedback_action.setEnabled(enabled)

    def export_feedback(self, path: Path | str | None = None, *, on_finished: Any = None) -> None:
        from balint_trainer.gui.workbench.feedback_export import export_feedback

        export_feedback(self, path, on_finished=on_finished)

    def export_report(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Export the selected trainee's report: kind is 'html', 'pdf', 'csv' or 'xapi'."""
        profile = self.current_trainee()
        if profile is None:
            return None
        filters = {
            "html": (self.tr("HTML files (*.html)"), ".html"),
            "pdf": (self.tr("PDF files (*.pdf)"), ".pdf"),
            "csv": (self.tr("CSV files (*.csv)"), ".csv"),
            "xapi": (self.tr("xAPI statements (*.json)"), ".json"),
        }
        file_filter, suffix = filters[kind]
        home_page = self.xapi_home_page(interactive=path is None) if kind == "xapi" else ""
        if home_page is None:
            return None
        stem = (
            "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in profile.name).strip("-") or "trainee"
        )
        default = f"{stem}-{'xapi' if kind == 'xapi' else ('answers' if kind == 'csv' else 'report')}{suffix}"
        target = self._ask_path(path, self.tr("Export report"), default, file_filter)
        if target is None:
            return None
        try:
            report = trainee_report(self._service, profile.id, cache=self._cache)
            language = QLocale().bcp47Name()  # the UI language: i18n.install sets the default locale
            if kind == "html":
                target.write_text(trainee_report_html(report, language=language), encoding="utf-8")
            elif kind == "pdf":
                html = trainee_report_html(report, language=language, mirror_tables=True)
                write_pdf(html, target, title=profile.name)
            elif kind == "csv":
                write_answers_csv([report], target)
            else:
                write_xapi_json([report], target, home_page=home_page, mastery=self.lrs.mastery)
        except Exception as exc:
            self._show_error(self.tr("The report was not exported"), exc)
            return None
        self.statusBar().showMessage(self.tr("Written to {path}.").format(path=target), 6000)
        self.exported.emit(kind, str(target))
        return target

    def export_cohort(self, kind: str, path: Path | str | None = None) -> Path | None:
        """Answers of every trainee in the chosen cohort as CSV ('csv') or xAPI JSON ('xapi')."""
        suffix = ".csv" if kind == "csv" else ".json"
        file_filter = self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("xAPI statements (*.json)")
        home_page = self.xapi_home_page(interactive=path is None) if kind == "xapi" else ""
        if home_page is None:
            return None
        target = self._ask_path(
            path, self.tr("Export cohort answers"), f"cohort-answers{suffix}", file_filter
        )
        if target is None:
            return None
        cohort = self.cohort_combo.currentData()
        try:
            profiles = self._service.accounts.profiles(role="trainee", cohort=cohort)
            reports = [trainee_report(self._service, p.id, cache=self._cache) for p in profiles]
            if kind == "csv":
                write_answers_csv(reports, target)
            else:
                write_xapi_json(reports, target, home_page=home_page, mastery=self.lrs.mastery)
        except Exception as exc:
            self._show_error(self.tr("The cohort answers were not exported"), exc)
            return None
        self.statusBar().showMessage(self.tr("Written to {path}.").format(path=target), 6000)
        self.exported.emit(f"cohort-{kind}", str(target))
        return target

    # -- the course's LRS (gui/workbench/lrs.py) -------------------------------------------
    def _build_lrs(self) -> None:
        from balint_trainer.gui.workbench.lrs import LrsController

        self.lrs = LrsController(self._service, self)
        self.lrs_status = QLabel(self)
        self.lrs_status.setAccessibleName(self.tr("LRS status"))
        self.statusBar().addPermanentWidget(self.lrs_status)
        self.lrs.changed.connect(self._update_lrs_status)
        if self.lrs.endpoint:
            self.lrs.start()

    def _update_lrs_status(self) -> None:
        counts = self.lrs.counts
        text = self.tr("LRS: %1 sent, %2 waiting, %3 failed")
        self.lrs_status.setText(
            text.replace("%1", str(counts.sent)).replace("%2", str(counts.waiting)).replace("%3", str(counts.failed))
        )

    def open_lrs(self) -> QDialog:
        """The LRS settings and the state of every queued statement (not modal)."""
        from balint_trainer.gui.workbench.lrs import LrsDialog

        dialog = LrsDialog(self.lrs, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.lrs.start()
        self.lrs.tick()
        dialog.show()
        return dialog

    # -- xAPI course home page ----------------------------------------------------------
    XAPI_HOME_PAGE_KEY = "xapi/home_page"

    def xapi_home_page(self, *, interactive: bool = True) -> str | None:
        """The course home page for xAPI actors; asked once when interactive and not yet set.

        None: the user cancelled. Without a setting (and not interactive) the reserved
        placeholder address is used, which says it is not a real course.
        """
        stored = self._stored_home_page()
        if stored or not interactive:
            return stored or DEFAULT_HOME_PAGE
        return self.change_xapi_home_page()

    def _stored_home_page(self) -> str:
        return str(QSettings().value(self.XAPI_HOME_PAGE_KEY, "") or "")

    def change_xapi_home_page(self) -> str | None:
        """Ask for the course home page and keep it in the settings; None if cancelled."""
        current = self._stored_home_page()
        problem = ""
        while True:
            text = type(self).ask_home_page(self, current, problem)
            if text is None:
                return None
            try:
                value = normalise_home_page(text)
            except ValueError:
                current = text
                problem = self.tr(
                    "enter a full web address starting with https:// (or http://), without spaces, "
                    "'?', '#' or a user name"
                )
                continue
            QSettings().setValue(self.XAPI_HOME_PAGE_KEY, value)
            self.statusBar().showMessage(self.tr("xAPI course home page: %1").replace("%1", value), 6000)
            return value

    @staticmethod
    def ask_home_page(parent: QWidget, current: str, problem: str) -> str | None:
        """The text typed, or None if cancelled (tests replace this to answer)."""
        label = QCoreApplication.translate(
            "SupervisorWindow",
            "xAPI statements name each trainee as an account of your course, identified by the "
            "course's web address (e.g. https://example.org/balint-course). Use the same address "
            "for every export of this course.",
        )
        if problem:
            label += "\n\n" + QCoreApplication.translate("SupervisorWindow", "Not accepted: %1").replace(
                "%1", problem
            )
        dialog = home_page_dialog(parent, label, current)
        try:
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.textValue() if ok else None
        finally:
            dialog.deleteLater()

    def _ask_path(
        self, path: Path | str | None, caption: str, default_name: str, file_filter: str
    ) -> Path | None:
        if path is not None:
            return Path(path)
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(Path.home() / default_name), file_filter)
        return Path(chosen) if chosen else None

    def ask_discard_drafts(self, count: int) -> bool:
        """Whether closing may drop unsent comments (tests replace this to answer)."""
        answer = plain_text.question(
            self,
            self.tr("Unsent comments"),
            self.tr("%n comment(s) typed but not added yet. Close and discard them?", "", count),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        drafts = self.unsent_drafts()
        if drafts and not self.ask_discard_drafts(len(drafts)):
            event.ignore()
            return
        super().closeEvent(event)

    def _show_error(self, title: str, exc: BaseException) -> None:
        """Tell the user in words (tests replace this to record instead of blocking)."""
        self.statusBar().showMessage(f"{title}: {exc}", 10000)
        plain_text.warning(self, title, str(exc) or exc.__class__.__name__)


def home_page_dialog(parent: QWidget | None, label: str, current: str) -> QInputDialog:
    """The question for the xAPI course home page (not yet shown). Its long explanation wraps:
    QInputDialog.getText keeps it on one line, a dialog wider than many screens."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("SupervisorWindow", "xAPI course home page"))
    dialog.setLabelText(label)
    dialog.setTextValue(current)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    for text_label in dialog.findChildren(QLabel):
        text_label.setWordWrap(True)
    dialog.setMinimumWidth(460)
    dialog.resize(560, dialog.sizeHint().height())
    return dialog


def open_supervisor(parent: QWidget | None, service: Any, *, author_id: int | None = None) -> QWidget:
    """Open (show) the supervisor window and return it."""
    window = SupervisorWindow(service, parent, author_id=author_id)
    if parent is not None:
        # Its own top-level window, freed when closed (the main window may open it many times).
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    window.show()
    return window
