"""The coded recorded sessions in a trainee's record, next to the simulator's scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core import recorded_session as rs
from balint_trainer.gui.local_time import when_text


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
    """Per competency: simulator mean credit and the latest supervisor rating; then each coding."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions: list[rs.RecordedSession] = []
        layout = QVBoxLayout(self)
        self.empty_label = QLabel(self.tr("No recorded session coded yet."), self)
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        split = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(split, 1)
        self.compare_table = self._table(
            split, self.tr("Simulator scores and supervisor ratings per competency")
        )
        self.compare_table.setColumnCount(3)
        self.compare_table.setHorizontalHeaderLabels(
            [
                self.tr("Competency"),
                self.tr("Simulator (mean credit)"),
                self.tr("Recorded sessions (latest rating)"),
            ]
        )
        self.sessions_table = self._table(split, self.tr("Coded recorded sessions"))
        self.sessions_table.setColumnCount(4)
        self.sessions_table.setHorizontalHeaderLabels(
            [self.tr("Coded"), self.tr("Recording"), self.tr("Moments"), self.tr("Supervisor")]
        )
        self.sessions_table.currentCellChanged.connect(lambda *_a: self._show_detail())
        self.detail = QPlainTextEdit(split)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("Coded session"))

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
        for row, competency in enumerate(competencies):
            rating = latest.get(competency)
            values = (
                labels.get(competency) or rs.coding_label(competency),
                f"{100 * simulator[competency]:.0f} %" if competency in simulator else "—",
                f"{rating} {rs.anchor_label(rating)}" if rating else "—",
            )
            for column, value in enumerate(values):
                self.compare_table.setItem(row, column, QTableWidgetItem(value))
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
        row = self.sessions_table.currentRow()
        newest_first = list(reversed(self._sessions))
        self.detail.setPlainText(describe(newest_first[row]) if 0 <= row < len(newest_first) else "")
