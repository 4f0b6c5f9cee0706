"""End-of-session summary: score, competency profile, each decision against the panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.guidance import statistic_help
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.core.session_events import DecisionFeedback, SessionSummary
from balint_trainer.gui import reading
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.models import Column, RowsModel
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.practice.feedback import feedback_html
from balint_trainer.gui.style import title_label


def _chosen(row: DecisionFeedback) -> str:
    if row.timed_out:
        from balint_trainer.gui.practice.feedback import timed_out_text

        return timed_out_text(row)
    return row.label(row.chosen)


def _seconds(row: DecisionFeedback) -> str:
    """Time to decide (real time or not), e.g. ``12 s``; blank when it was not measured."""
    if row.seconds is None:
        return ""
    return QCoreApplication.translate("DecisionTableModel", "%1 s").replace("%1", reading.decimal(row.seconds, 0))


def _panel(row: DecisionFeedback) -> str:
    labels = " / ".join(row.label(m) for m in row.modal_options)
    if len(row.modal_options) > 1:  # a tie is called a tie, as in the feedback and the reports
        return QCoreApplication.translate("DecisionTableModel", "tie: %1").replace("%1", labels)
    return labels


def _no_tooltip(row: DecisionFeedback) -> None:
    return None


class DecisionTableModel(RowsModel):
    """Each decision of the session: your choice beside the panel's, with the credit earned."""

    def __init__(self, parent: QObject | None = None) -> None:
        centre = Qt.AlignmentFlag.AlignCenter
        super().__init__(
            [
                # The number is the row's position, filled in by data().
                Column(
                    QCoreApplication.translate("DecisionTableModel", "#"),
                    lambda row: "",
                    cell_tooltip=_no_tooltip,
                    alignment=centre,
                ),
                Column(
                    QCoreApplication.translate("DecisionTableModel", "Competency"),
                    lambda row: row.competency_label,
                    cell_tooltip=_no_tooltip,
                ),
                Column(QCoreApplication.translate("DecisionTableModel", "Your choice"), _chosen),
                Column(QCoreApplication.translate("DecisionTableModel", "Panel's choice"), _panel),
                Column(
                    QCoreApplication.translate("DecisionTableModel", "Credit"),
                    lambda row: reading.decimal(row.credit),
                    tooltip=statistic_help("credit"),
                    cell_tooltip=_no_tooltip,
                    alignment=centre,
                ),
                Column(
                    QCoreApplication.translate("DecisionTableModel", "Time to decide"),
                    _seconds,
                    cell_tooltip=_no_tooltip,
                    alignment=centre,
                ),
            ],
            parent,
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and index.column() == 0 and role == Qt.ItemDataRole.DisplayRole:
            return reading.number(index.row() + 1)
        return super().data(index, role)


class SummaryView(QWidget):
    back_requested = Signal()
    progress_requested = Signal()
    again_requested = Signal()
    glossary_requested = Signal(str)  # glossary:ANCHOR

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: SessionSummary | None = None
        self.chart: Any = None
        self.title = title_label()
        self.score_label = QLabel()
        self.score_label.setAccessibleDescription(self.tr("Score"))
        score_font = self.score_label.font()
        score_font.setPointSizeF(score_font.pointSizeF() * 1.6)
        score_font.setBold(True)
        self.score_label.setFont(score_font)
        self.score_note = QLabel()
        self.score_note.setWordWrap(True)
        self.score_note.setAccessibleDescription(self.tr("What the score means"))
        self.competency_text = QLabel()
        self.competency_text.setWordWrap(True)
        self.competency_text.setAccessibleDescription(self.tr("Competency profile"))
        self.score_label.setToolTip(statistic_help("score"))
        self.glossary_links = QLabel(
            '<a href="glossary:competency-relationship-focus">'
            + render_plain(self.tr("What do the competencies mean?"))
            + '</a> · <a href="glossary:stat-credit">'
            + render_plain(self.tr("How is the score made?"))
            + "</a>"
        )
        self.glossary_links.setTextFormat(Qt.TextFormat.RichText)
        self.glossary_links.setAccessibleDescription(self.tr("Explanations in the glossary"))
        self.glossary_links.linkActivated.connect(self.glossary_requested.emit)
        self.chart_layout = QVBoxLayout()
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_box = QWidget()
        chart_box.setLayout(self.chart_layout)

        self.model = DecisionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Your decisions and the panel's"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show_detail(current.row())
        )
        self.detail = SafeTextBrowser(accessible_name=self.tr("Decision details"))

        self.back_button = QPushButton(self.tr("Back to the &library"))
        self.back_button.setAccessibleName(self.tr("Back to the library"))
        self.back_button.clicked.connect(self.back_requested.emit)
        self.again_button = QPushButton(self.tr("Practise &again"))
        self.again_button.setAccessibleDescription(self.tr("Practise this scenario again"))
        self.again_button.clicked.connect(self.again_requested.emit)
        self.progress_button = QPushButton(self.tr("Your pro&gress"))
        self.progress_button.setAccessibleName(self.tr("Show your progress"))
        self.progress_button.clicked.connect(self.progress_requested.emit)

        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addWidget(self.score_label)
        left.addWidget(self.score_note)
        # Filled by gui/practice/adaptive_views.py: where the score sits on the panel's own scale.
        self.panel_relative = QLabel()
        self.panel_relative.setWordWrap(True)
        self.panel_relative.hide()
        left.addWidget(self.panel_relative)
        left.addWidget(self.competency_text)
        left.addWidget(self.glossary_links)
        left.addStretch(1)
        top.addLayout(left, 2)
        top.addWidget(chart_box, 3)
        top_widget = QWidget()
        top_widget.setLayout(top)
        # In a short window the splitter squeezed this pane below its labels' height and they
        # overlapped: it scrolls instead.
        self.top_scroll = QScrollArea()
        self.top_scroll.setWidget(top_widget)
        self.top_scroll.setWidgetResizable(True)
        self.top_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.top_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(self.detail)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.top_scroll)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress_button)
        buttons.addWidget(self.again_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        plain_labels(self)  # scenario and user text is never rich text

    def show_summary(self, summary: SessionSummary, title: str, language: str | None = None) -> None:
        self.summary = summary
        self._language = language
        mode = self.tr("practice") if summary.mode == "practice" else self.tr("exam")
        self.title.setText(self.tr("Summary: %1 (%2)").replace("%1", title).replace("%2", mode))
        total = summary.total
        self.score_label.setText(
            self.tr("Score %1 / 100").replace("%1", reading.decimal(total, 0))
            if total is not None
            else self.tr("No decisions answered")
        )
        note = self.tr(
            "The score is your average credit × 100: 100 means every choice matched the expert "
            "panel's most chosen option. Each competency is scored the same way over its decisions."
        )
        if summary.key_status == "illustrative":
            from balint_trainer.gui.about import illustrative_notice

            note += "\n" + illustrative_notice()
        self.score_note.setText(note)
        lines = [
            f"{summary.competency_labels.get(cid, cid)}: {reading.decimal(100 * value, 0)}"
            for cid, value in summary.score.competencies.items()
        ]
        if summary.unanswered:
            lines.append(
                reading.plural(self.tr("%n decision(s) not answered", "", len(summary.unanswered)), len(summary.unanswered))
            )
        self.competency_text.setText("\n".join(lines))
        if self.chart is not None:
            self.chart_layout.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None
        if summary.score.competencies:
            from balint_trainer.gui import charts

            self.chart = charts.competency_chart(self, summary.score.competencies, summary.competency_labels)
            self.chart_layout.addWidget(self.chart)
        self.model.set_rows(list(summary.decisions))
        if summary.decisions:
            self.table.selectRow(0)
            self._show_detail(0)
        else:
            self.detail.clear()
        self.back_button.setFocus()

    def _show_detail(self, row: int) -> None:
        if self.summary is None or not 0 <= row < len(self.summary.decisions):
            return
        feedback = self.summary.decisions[row]
        # Translated first: lupdate does not look inside f-strings.
        heading = self.tr("Decision %1").replace("%1", reading.number(row + 1))
        credit = self.tr("Your credit: %1 of 1").replace("%1", reading.decimal(feedback.credit))
        # Every option, votes and panel marks come from feedback_html (the shared renderer).
        html = f"<h3>{render_plain(heading)}</h3>" + render_markdown(feedback.prompt)
        if feedback.own_words:
            own = self.tr("In your own words: %1").replace("%1", feedback.own_words)
            html += f"<p><i>{render_plain(own)}</i></p>"
        html += f"<p>{render_plain(credit)}</p>"
        html += feedback_html(feedback, illustrative=self.summary.key_status == "illustrative")
        self.detail.set_safe_html(html, language=self._language)
