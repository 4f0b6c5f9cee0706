"""Progress view: scores over time, per competency, from the trainee's finished attempts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.competencies import competency_label
from balint_trainer.core.markdown_render import render_plain
from balint_trainer.gui.local_time import day_month_text, when_text
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import decimal, number


class ProgressView(QWidget):
    back_requested = Signal()
    review_requested = Signal()  # *My past attempts…*: the review with supervisor comments

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Any = None
        self.title = QLabel(self.tr("Your progress"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.chart_layout = QVBoxLayout()
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName(self.tr("Chart legend"))
        self.legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        chart_row = QHBoxLayout()
        chart_row.setContentsMargins(0, 0, 0, 0)
        chart_row.addLayout(self.chart_layout, 1)
        chart_row.addWidget(self.legend)
        chart_box = QWidget()
        chart_box.setLayout(chart_row)
        chart_box.setMinimumHeight(280)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Scores of your finished attempts"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.back_button = QPushButton(self.tr("Back to the &library"))
        self.back_button.setAccessibleName(self.tr("Back to the library"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.review_button = QPushButton(self.tr("My past a&ttempts and comments…"))
        self.review_button.setAccessibleName(self.tr("My past attempts and comments"))
        self.review_button.clicked.connect(self.review_requested.emit)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(chart_box)
        split.addWidget(self.table)
        from balint_trainer.gui.supervision.recorded_list import RecordedSessionsView

        # Recorded sessions a supervisor coded, next to the simulator's scores (hidden when none).
        self.recorded = RecordedSessionsView()
        self.recorded.setAccessibleName(self.tr("Recorded sessions coded by your supervisor"))
        self.recorded.hide()
        split.addWidget(self.recorded)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.split = split
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty_label)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        plain_labels(self, rich=[self.legend])  # scenario and user text is never rich text

    def show_points(
        self,
        points: Sequence[Any],
        titles: Mapping[str, str] | None = None,
        labels: Mapping[str, str] | None = None,
        *,
        unread: Mapping[int, int] | None = None,
    ) -> None:
        """``points``: ProgressPoint DTOs (finished_at, scenario_id, total, competencies) in time order;
        ``unread``: attempt id -> supervisor comments not read yet (a column of its own)."""
        unread = unread or {}
        titles = titles or {}
        labels = dict(labels or {})
        if self.chart is not None:
            self.chart_layout.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None
        competencies: list[str] = []
        for point in points:
            for cid in point.competencies:
                if cid not in competencies:
                    competencies.append(cid)
        self.empty_label.setText(
            ""
            if points
            else self.tr("No finished attempts yet. Finish a scenario and your scores will appear here.")
        )
        self.empty_label.setVisible(not points)
        self.legend.clear()
        columns = [
            self.tr("Date"),
            self.tr("Scenario"),
            self.tr("Score"),
            *(labels.get(c) or competency_label(c) for c in competencies),
            self.tr("New comments"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(len(points))
        for row, point in enumerate(points):
            values = [
                when_text(point.finished_at),
                titles.get(point.scenario_id, point.scenario_id),
                decimal(point.total, 0) if point.total is not None else "—",
                *(
                    decimal(100 * point.competencies[c], 0) if c in point.competencies else ""
                    for c in competencies
                ),
                self.tr("%n new", "", unread[point.attempt_id]) if unread.get(point.attempt_id) else "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if not points:
            return
        series: dict[str, list[tuple[int, float]]] = {
            "total": [(i, p.total) for i, p in enumerate(points) if p.total is not None]
        }
        for cid in competencies:
            series[cid] = [
                (i, 100 * p.competencies[cid]) for i, p in enumerate(points) if cid in p.competencies
            ]
        names = {
            "total": self.tr("Overall score"),
            **{c: labels.get(c) or competency_label(c) for c in competencies},
        }
        x_labels = [f"{number(i)}: {day_month_text(p.finished_at)}" for i, p in enumerate(points, start=1)]
        from balint_trainer.gui import charts

        colours = charts.series_colours(list(series), self)
        self.chart = charts.progress_chart(self, series, names, x_labels, colours)
        self.chart_layout.addWidget(self.chart)
        self.legend.setText(
            "<table>"
            + "".join(
                f'<tr><td style="color:{colours[key].name()}">{"■" if key != "total" else "▬"}</td>'
                f"<td>{'<b>' if key == 'total' else ''}{render_plain(names[key])}{'</b>' if key == 'total' else ''}</td></tr>"
                for key in series
            )
            + "</table>"
        )
        self.split.setSizes([max(self.height() * 2 // 3, 300), max(self.height() // 3, 120)])

    def show_recorded(self, sessions: Sequence[Any], points: Sequence[Any]) -> None:
        """Coded recordings of groups you led, beside your mean simulator credit per competency."""
        from balint_trainer.gui.supervision.recorded_list import simulator_means

        self.recorded.show_sessions(sessions, simulator_means(points))
        self.recorded.setVisible(bool(sessions))
