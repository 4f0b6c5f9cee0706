"""The coded recorded sessions in a trainee's record, next to the simulator's scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core import recorded_session as rs
from balint_trainer.gui.local_time import when_text
from balint_trainer.gui.reading import decimal
from balint_trainer.gui.supervision.recorded_chart import ComparisonChart, ComparisonRow


def simulator_means(points: Sequence[Any]) -> dict[str, float]:
    """Mean credit (0–1) per competency over finished attempts (ProgressPoint DTOs)."""
    sums: dict[str, list[float]] = {}
    for point in points:
        for competency, value in point.competencies.items():
            sums.setdefault(competency, []).append(value)
    return {c: sum(v) / len(v) for c, v in sums.items()}


def describe(session: rs.RecordedSession) -> str:
    """Plain text of one coding: recording, global ratings, moments (for the detail pane)."""
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    lines = [
        f"{session.file_name} · {rs.format_time(session.duration_s)} · SHA-256 {session.sha256[:12]}…",
        translate("RecordedSessionsView", "Coded by %1").replace("%1", session.supervisor_name or "—"),
    ]
    if session.updated_at:
        lines.append(translate("RecordedSessionsView", "Last edited %1").replace("%1", when_text(session.updated_at)))
    lines += [
        "",
        translate("RecordedSessionsView", "Global ratings"),
    ]
    for competency, rating in session.global_ratings.items():
        lines.append(f"  {rs.coding_label(competency)}: {rating} {rs.anchor_label(rating)}")
    lines += ["", translate("RecordedSessionsView", "Moments")]
    for moment in session.moments:
        marked = f" [{moment.rating} {rs.anchor_label(moment.rating)}]" if moment.rating else ""
        note = f" — {moment.note}" if moment.note else ""
        lines.append(f"  {rs.format_time(moment.seconds)} {rs.coding_label(moment.competency)}{marked}{note}")
    if session.note:
        lines += ["", session.note]
    return "\n".join(lines)


class RecordedSessionsView(QWidget):
    """Per competency: simulator mean credit and the latest supervisor rating (a chart, or the
    same as a table); then each coding. ``editable``: Edit/Delete buttons (the supervisor's view)."""

    edit_requested = Signal(object)  # the selected core.recorded_session.RecordedSession
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, editable: bool = False) -> None:
        super().__init__(parent)
        self._sessions: list[rs.RecordedSession] = []
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(self.tr("No recorded session coded yet."), self)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        split = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(split, 1)
        compare = QWidget(split)
        compare_layout = QVBoxLayout(compare)
        compare_layout.setContentsMargins(0, 0, 0, 0)
        self.table_toggle = QPushButton(self.tr("Show as ta&ble"), compare)
        self.table_toggle.setCheckable(True)
        self.table_toggle.setToolTip(self.tr("The same figures as a table (also read by screen readers)"))
        self.table_toggle.toggled.connect(self._toggle_table)
        toggle_row = QHBoxLayout()
        toggle_row.addStretch(1)
        toggle_row.addWidget(self.table_toggle)
        compare_layout.addLayout(toggle_row)
        self.compare_stack = QStackedWidget(compare)
        compare_layout.addWidget(self.compare_stack, 1)
        self.chart = ComparisonChart(self.compare_stack)
        self.compare_stack.addWidget(self.chart)
        self.compare_table = self._table(
            self.compare_stack, self.tr("Simulator scores and supervisor ratings per competency")
        )
        self.compare_stack.addWidget(self.compare_table)
        self.compare_table.setColumnCount(3)
        self.compare_table.setHorizontalHeaderLabels(
            [
                self.tr("Competency"),
                self.tr("Simulator (mean credit)"),
                self.tr("Recorded sessions (latest rating)"),
            ]
        )
        sessions = QWidget(split)
        sessions_layout = QVBoxLayout(sessions)
        sessions_layout.setContentsMargins(0, 0, 0, 0)
        self.sessions_table = self._table(sessions, self.tr("Coded recorded sessions"))
        sessions_layout.addWidget(self.sessions_table, 1)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("&Edit coding…"), sessions)
        self.edit_button.setToolTip(self.tr("Change marks, ratings and notes (its supervisor or an organiser)"))
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button = QPushButton(self.tr("&Delete coding…"), sessions)
        self.delete_button.setToolTip(self.tr("Delete this coding for good (asks first; cannot be undone)"))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        sessions_layout.addLayout(buttons)
        for button in (self.edit_button, self.delete_button):
            button.setVisible(editable)
            button.setEnabled(False)
        self.sessions_table.setColumnCount(4)
        self.sessions_table.setHorizontalHeaderLabels(
            [self.tr("Coded"), self.tr("Recording"), self.tr("Moments"), self.tr("Supervisor")]
        )
        self.sessions_table.currentCellChanged.connect(lambda *_a: self._show_detail())
        if editable:  # Enter or a double click on a coding reopens it
            self.sessions_table.activated.connect(lambda _index: self._request(self.edit_requested))
        self.detail = QPlainTextEdit(split)
        for index, stretch in enumerate((3, 1, 2)):  # the chart needs the height; one coding is one row
            split.setStretchFactor(index, stretch)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Coded session"))

    def _toggle_table(self, on: bool) -> None:
        self.compare_stack.setCurrentWidget(self.compare_table if on else self.chart)
        self.table_toggle.setText(self.tr("Show as c&hart") if on else self.tr("Show as ta&ble"))

    def current_session(self) -> rs.RecordedSession | None:
        row = self.sessions_table.currentRow()
        newest_first = list(reversed(self._sessions))
        return newest_first[row] if 0 <= row < len(newest_first) else None

    def _request(self, signal: Any) -> None:
        session = self.current_session()
        if session is not None:
            signal.emit(session)

    def _table(self, parent: QWidget, name: str) -> QTableWidget:
        table = QTableWidget(parent)
        table.setAccessibleName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def show_sessions(
        self,
        sessions: Sequence[rs.RecordedSession],
        simulator: Mapping[str, float] | None = None,
        labels: Mapping[str, str] | None = None,
    ) -> None:
        self._sessions = list(sessions)
        simulator = simulator or {}
        labels = labels or {}
        self.empty_label.setVisible(not sessions)
        latest: dict[str, int] = {}
        for session in self._sessions:  # oldest first: later codings overwrite
            latest.update(session.global_ratings)
        competencies = [c for c in rs.CODING_COMPETENCIES if c in latest or c in simulator]
        competencies += [c for c in simulator if c not in competencies]
        self.compare_table.setRowCount(len(competencies))
        rows = []
        for row, competency in enumerate(competencies):
            rating = latest.get(competency)
            label = labels.get(competency) or rs.coding_label(competency)
            rows.append(ComparisonRow(label, simulator.get(competency), rating))
            values = (
                label,
                decimal(100 * simulator[competency], 0) + " %" if competency in simulator else "—",
                f"{rating} {rs.anchor_label(rating)}" if rating else "—",
            )
            for column, value in enumerate(values):
                self.compare_table.setItem(row, column, QTableWidgetItem(value))
        self.chart.show_rows(rows)
        self.sessions_table.setRowCount(len(self._sessions))
        for row, session in enumerate(reversed(self._sessions)):
            cells = (
                when_text(session.created_at) if session.created_at else "",
                session.file_name,
                str(len(session.moments)),
                session.supervisor_name,
            )
            for column, value in enumerate(cells):
                self.sessions_table.setItem(row, column, QTableWidgetItem(value))
        if self._sessions:
            self.sessions_table.setCurrentCell(0, 0)
        self._show_detail()

    def detail_text(self) -> str:
        return self.detail.toPlainText()

    def _show_detail(self) -> None:
        session = self.current_session()
        self.detail.setPlainText(describe(session) if session is not None else "")
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(session is not None)
