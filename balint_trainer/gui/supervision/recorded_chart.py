"""Per competency: the simulator's mean credit beside the supervisor's rating of recorded sessions.

Both on 0–100 (a 1–5 rating as ``core.recorded_session.rating_percent``), as pairs of horizontal
bars. The legend and the text alternative are Qt labels (translated, right to left when the
interface is); the plot follows the palette (dark mode) and mirrors in right-to-left layouts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from balint_trainer.core import recorded_session as rs
from balint_trainer.gui import charts
from balint_trainer.gui.reading import decimal, number

SIMULATOR_COLOUR, RECORDED_COLOUR = charts.OKABE_ITO[0], charts.OKABE_ITO[1]


class ComparisonRow(NamedTuple):
    label: str
    simulator: float | None  # mean credit 0–1
    rating: int | None  # latest global rating 1–5


class ComparisonChart(QWidget):
    """The chart, its legend (with the mapping) and a text alternative for screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot: Any = None
        self.rows: list[ComparisonRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._layout.addWidget(self.legend)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab: the description is read
        self.setAccessibleName(self.tr("Chart: simulator scores and recorded-session ratings per competency"))

    def legend_lines(self) -> tuple[str, str]:
        return (
            self.tr("Simulator: mean credit over finished attempts (0–100)"),
            self.tr(
                "Recorded sessions: the latest global rating on the same scale "
                "(1 = 0, 2 = 25, 3 = 50, 4 = 75, 5 = 100)"
            ),
        )

    def legend_text(self) -> str:
        return "\n".join(self.legend_lines())

    def text_alternative(self) -> str:
        lines = []
        for row in self.rows:
            simulator = decimal(100 * row.simulator, 0) if row.simulator is not None else "—"
            rated = (
                f"{decimal(rs.rating_percent(row.rating), 0)} ({number(row.rating)} {rs.anchor_label(row.rating)})"
                if row.rating
                else "—"
            )
            lines.append(
                self.tr("%1: simulator %2, recorded sessions %3")
                .replace("%1", row.label)
                .replace("%2", simulator)
                .replace("%3", rated)
            )
        return "\n".join(lines)

    def show_rows(self, rows: Sequence[ComparisonRow]) -> None:
        self.rows = list(rows)
        if self.plot is not None:
            self._layout.removeWidget(self.plot)
            self.plot.deleteLater()
            self.plot = None
        legend = self.legend_text()
        self.legend.setText(
            "<br/>".join(
                f'<span style="color:{colour}">■</span> ' + line.replace("&", "&amp;").replace("<", "&lt;")
                for colour, line in zip((SIMULATOR_COLOUR, RECORDED_COLOUR), self.legend_lines(), strict=True)
            )
        )
        self.setAccessibleDescription(legend + "\n" + self.text_alternative())
        self.setToolTip(self.text_alternative())
        if self.rows:
            self.plot = self._draw()
            self._layout.addWidget(self.plot, 1)  # below the legend, which always stays in view

    def _draw(self) -> Any:
        pg, plot = charts._new_plot(self, self.accessibleName())
        plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the wrapper takes focus and describes it
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        y = [float(pos) for pos in range(len(self.rows))][::-1]
        text = self.palette().color(QPalette.ColorRole.Text)
        plot.value_labels = []
        for offset, colour, values in (
            (0.18, SIMULATOR_COLOUR, [None if r.simulator is None else 100 * r.simulator for r in self.rows]),
            (-0.18, RECORDED_COLOUR, [None if r.rating is None else rs.rating_percent(r.rating) for r in self.rows]),
        ):
            present = [(pos, value) for pos, value in zip(y, values, strict=True) if value is not None]
            if not present:
                continue
            plot.addItem(
                pg.BarGraphItem(
                    x0=0,
                    y=[pos + offset for pos, _v in present],
                    height=0.34,
                    width=[max(value, 0.8) for _p, value in present],  # a rating of 1 (0) still shows
                    brush=colour,
                    pen=pg.mkPen(text, width=0.5),
                )
            )
            for pos, value in present:
                label = pg.TextItem(decimal(value, 0), color=text, anchor=(1 if rtl else 0, 0.5))
                label.setPos(value + 1.5, pos + offset)
                plot.addItem(label)
                plot.value_labels.append(label)
        axis = "right" if rtl else "left"
        item = plot.getPlotItem()
        if rtl:  # mirrored by hand: bars grow leftwards from the competency names on the right
            # The plot's graphics layout would follow the application's direction and swap the
            # axes' places too: keep it left to right and mirror the data instead.
            item.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            item.getViewBox().invertX(True)
            item.hideAxis("left")
            item.showAxis("right")
            item.getAxis("right").setPen(text)
            item.getAxis("right").setTextPen(text)
        names = [charts._short(row.label, 48) for row in self.rows]
        item.getAxis(axis).setTicks([list(zip(y, names, strict=True))])
        # pyqtgraph drops tick labels wider than the axis: make room for the longest name.
        metrics = QFontMetrics(item.getAxis(axis).style.get("tickFont") or self.font())
        item.getAxis(axis).setWidth(max(metrics.horizontalAdvance(name) for name in names) + 16)
        item.getAxis("bottom").setLabel(self.tr("0–100"))
        plot.setXRange(0, 110, padding=0)
        plot.setYRange(-0.6, max(len(self.rows), 1) - 0.4, padding=0)
        plot.setMinimumHeight(60 + 34 * len(self.rows))
        return plot
