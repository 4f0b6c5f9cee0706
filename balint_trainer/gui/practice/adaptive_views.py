"""Views of adaptive practice: mastery per competency, confidence calibration, panel-relative score.

Used by *Your progress* (mastery and calibration), the summary and the supervisor's
review (calibration and the panel-relative sentence). Charts load pyqtgraph on first use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.scheduling import LEARNED_STABILITY_DAYS
from balint_trainer.gui.reading import decimal, digits, number


def confidence_names() -> dict[int, str]:
    return {
        1: QCoreApplication.translate("Adaptive", "Unsure"),
        2: QCoreApplication.translate("Adaptive", "Fairly sure"),
        3: QCoreApplication.translate("Adaptive", "Sure"),
    }


def series_names() -> tuple[str, str]:
    """The two series of the calibration chart, as its legend names them."""
    return (
        QCoreApplication.translate("Adaptive", "Scenario attempts"),
        QCoreApplication.translate("Adaptive", "Spaced review (decisions missed before, feedback seen)"),
    )


def calibration_text(points: Sequence[Any]) -> str:
    """One line per level: 'Sure: mean credit 0.83 (3 answers)'; what the chart shows, in words."""
    names = confidence_names()
    lines = []
    for p in points:
        mean = "—" if p.mean_credit is None else decimal(p.mean_credit)
        lines.append(
            QCoreApplication.translate("Adaptive", "%1: mean credit %2 (%3 answers)")
            .replace("%1", names[p.level])
            .replace("%2", mean)
            .replace("%3", number(p.count))
        )
    return "\n".join(lines)


def _has_answers(points: Sequence[Any] | None) -> bool:
    return bool(points) and sum(p.count for p in points or ()) > 0


def calibration_chart(
    parent: QWidget, points: Sequence[Any], review_points: Sequence[Any] | None = None
) -> Any:
    """Vertical bars: mean credit (0–1) per confidence level, the number of answers above each.

    With spaced-review answers, a second bar per level beside the attempts' (and a legend):
    review answers are retests of decisions the trainee missed and has seen the feedback of,
    so they are shown, not pooled."""
    from balint_trainer.gui import charts

    pg, plot = charts._new_plot(parent, QCoreApplication.translate("Adaptive", "Confidence calibration"))
    highlight, neutral = charts.accent_colours(parent)
    names = confidence_names()
    series = [(points, highlight)]
    if _has_answers(review_points):
        assert review_points is not None
        series.append((review_points, neutral))
    width = 0.6 if len(series) == 1 else 0.34
    offsets = [0.0] if len(series) == 1 else [-0.18, 0.18]
    text_colour = parent.palette().color(parent.foregroundRole())
    legend = (
        plot.getPlotItem().addLegend(offset=(5, 5), labelTextColor=text_colour) if len(series) > 1 else None
    )
    for (values, colour), offset, name in zip(series, offsets, series_names(), strict=False):
        xs = [p.level + offset for p in values]
        heights = [p.mean_credit or 0.0 for p in values]
        bars = pg.BarGraphItem(x=xs, height=heights, width=width, brush=colour)
        plot.addItem(bars)
        if legend is not None:
            legend.addItem(bars, name)
        for x, p, height in zip(xs, values, heights, strict=True):
            label = pg.TextItem(f"n={p.count}", color=text_colour, anchor=(0.5, 1))
            label.setPos(x, height + 0.02)  # anchored at its bottom edge, just above the bar
            plot.addItem(label)
    plot.getPlotItem().getAxis("bottom").setTicks([[(p.level, names[p.level]) for p in points]])
    plot.getPlotItem().getAxis("left").setLabel(QCoreApplication.translate("Adaptive", "mean credit"))
    # Room above the bars and their n= labels: the two-row legend takes the top third of a short plot.
    plot.setYRange(0, 1.3 if legend is None else 2.1, padding=0)
    plot.getPlotItem().getAxis("left").setTicks([[(v, f"{v:g}") for v in (0.0, 0.5, 1.0)]])
    plot.setXRange(0.4, 3.6, padding=0)
    plot.setMinimumHeight(180)
    plot.setToolTip(calibration_words(points, review_points))
    return plot


def calibration_words(points: Sequence[Any], review_points: Sequence[Any] | None = None) -> str:
    """The chart in words: the attempts' figures, then the spaced review's under its own heading."""
    if not _has_answers(review_points):
        return calibration_text(points)
    assert review_points is not None
    attempts, review = series_names()
    return f"{attempts}:\n{calibration_text(points)}\n{review}:\n{calibration_text(review_points)}"


class CalibrationBox(QWidget):
    """Chart plus the same figures in words (screen readers, and the chart's legend)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart: Any = None
        self.heading = QLabel(
            QCoreApplication.translate("Adaptive", "How sure you were, against the credit you earned")
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(self.text)

    def show_points(self, points: Sequence[Any], review_points: Sequence[Any] | None = None) -> None:
        """``review_points``: the same over spaced-review answers (a second series when any)."""
        if self.chart is not None:
            self.layout_.removeWidget(self.chart)
            self.chart.deleteLater()
            self.chart = None
        if not _has_answers(points) and not _has_answers(review_points):
            self.text.setText(
                QCoreApplication.translate(
                    "Adaptive",
                    "No answers with a confidence yet: in practice, say how sure you are before the feedback.",
                )
            )
            return
        self.text.setText(
            calibration_words(points, review_points)
            + "\n"
            + QCoreApplication.translate(
                "Adaptive", "Well calibrated means: the surer you say you are, the higher your credit."
            )
        )
        self.chart = calibration_chart(self, points, review_points)
        self.layout_.insertWidget(1, self.chart)


class MasteryTable(QWidget):
    """Per competency: decisions in the library, answered, learned (stable), share learned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = QLabel(
            QCoreApplication.translate(
                "Adaptive",
                "A decision counts as learned when you have answered it right often enough, with "
                "days in between, that you would very likely still get it right in %1 days "
                "(its review interval has grown to %1 days or more). Decisions you missed come "
                "back in Review my weak spots.",
            ).replace("%1", decimal(LEARNED_STABILITY_DAYS, 0))
        )
        self.explanation.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setAccessibleName(QCoreApplication.translate("Adaptive", "Mastery per competency"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(QCoreApplication.translate("Adaptive", "Mastery per competency")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explanation)

    def show_rows(self, rows: Sequence[Any], labels: Mapping[str, str]) -> None:
        columns = [
            QCoreApplication.translate("Adaptive", "Competency"),
            QCoreApplication.translate("Adaptive", "Decisions"),
            QCoreApplication.translate("Adaptive", "Answered"),
            QCoreApplication.translate("Adaptive", "Learned"),
            QCoreApplication.translate("Adaptive", "Mastery"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [
                labels.get(row.competency, row.competency),
                number(row.decisions),
                number(row.seen),
                number(row.learned),
                decimal(100 * row.share, 0) + " %",
            ]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # numbers always in view


class AdaptivePanel(QWidget):
    """Mastery and calibration side by side, for *Your progress*."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mastery = MasteryTable()
        self.calibration = CalibrationBox()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mastery, 3)
        layout.addWidget(self.calibration, 2)


def panel_relative_text(result: Any) -> str:
    """The panel-relative score in plain words (``core.panel_relative.PanelRelative``)."""
    from balint_trainer.core.panel_relative import band

    kind = band(result)
    sentence = {
        "typical": QCoreApplication.translate(
            "Adaptive", "Your choices agree with the panel about as much as a typical panel member's do."
        ),
        "above": QCoreApplication.translate(
            "Adaptive", "Your choices agree with the panel more than a typical panel member's do."
        ),
        "below": QCoreApplication.translate(
            "Adaptive", "Your choices agree with the panel less than a typical panel member's do."
        ),
        "far-below": QCoreApplication.translate(
            "Adaptive", "Your choices agree with the panel much less than the panel members' own do."
        ),
        "unknown": QCoreApplication.translate(
            "Adaptive",
            "The panel members agree with each other equally here, so there is no spread to compare with.",
        ),
    }[kind]
    figures = (
        QCoreApplication.translate(
            "Adaptive", "Panel members score %1 on average (SD %2) against the rest of the panel."
        )
        .replace("%1", decimal(result.panel_mean, 0))
        .replace("%2", "—" if result.panel_sd is None else decimal(result.panel_sd, 0))
    )
    if result.scaled is not None:
        figures += " " + QCoreApplication.translate(
            "Adaptive", "On the panel's scale (panel = 80, SD 5) you score %1 (z = %2)."
        ).replace("%1", decimal(result.scaled, 0)).replace("%2", digits(f"{result.z:+.1f}"))
    return sentence + " " + figures


def panel_relative_for(scenario: Any, answers: Sequence[Any]) -> Any:
    """PanelRelative for answers (objects with ``decision_id`` and ``credit``) to ``scenario``; pure."""
    from balint_trainer.core.panel_relative import for_answers

    decisions, credits = [], []
    for answer in answers:
        try:
            decisions.append(scenario.decision(answer.decision_id))
        except KeyError:
            continue
        credits.append(answer.credit)
    return for_answers(decisions, credits)


def show_panel_relative(label: QLabel, scenario: Any, answers: Sequence[Any]) -> None:
    """Fill ``label`` with the panel-relative sentence, or hide it when it is undefined."""
    result = panel_relative_for(scenario, answers)
    text = panel_relative_text(result) if result is not None else ""
    label.setText(text)
    label.setAccessibleName(text)  # screen readers read the result itself
    label.setVisible(result is not None)


def attempt_adaptive_text(cache: Any, attempt: Any) -> str:
    """For the supervisor's review of one attempt: panel-relative sentence and calibration, in words.

    ``cache``: the supervisor's ``reports.data.ScenarioCache`` (the scenario is already loaded)."""
    from balint_trainer.core.calibration import calibration

    try:
        _version, scenario, _problem = cache.get(attempt.version_id)
    except Exception:
        return ""
    parts = []
    if scenario is not None and attempt.answers:
        result = panel_relative_for(scenario, attempt.answers)
        if result is not None:
            parts.append(panel_relative_text(result))
    pairs = [(a.confidence, a.credit) for a in attempt.answers if getattr(a, "confidence", None)]
    if pairs:
        parts.append(
            QCoreApplication.translate("Adaptive", "Confidence against credit:")
            + " "
            + calibration_text(calibration(pairs)).replace("\n", "; ")
        )
    return "\n".join(parts)
