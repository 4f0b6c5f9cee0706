"""Charts drawn with pyqtgraph, imported only when charts are on their way.

Importing pyqtgraph (and numpy) takes ~300 ms: never on the UI thread. A worker that reads a
chart's data imports it too (:func:`with_pyqtgraph`); a practice session, whose first feedback
shows a chart, starts the import in the background (:func:`import_in_background`); the
supervisor window's opening imports it (workbench.PREPARE)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from balint_trainer.gui.reading import decimal, digits, number

_T = TypeVar("_T")


def _pg() -> Any:
    import pyqtgraph as pg  # heavy (numpy): keep it off the start-up path and the UI thread

    return pg


def with_pyqtgraph(work: Callable[[], _T]) -> Callable[[], _T]:
    """``work`` for a worker thread, importing pyqtgraph as well: the chart drawn from its result
    on the UI thread then imports nothing (importing defines classes, creates no Qt object)."""

    def both() -> _T:
        result = work()
        _pg()
        return result

    return both


_import_started: list[object] = []


def _imported() -> bool:
    return "pyqtgraph" in sys.modules


def import_in_background(owner: Any, also: Sequence[str] = ()) -> None:
    """Import pyqtgraph (and the modules ``also`` names) on a worker now, unless done or on its
    way: a chart may be needed soon (a practice session's first feedback). A failure shows later,
    where the chart is drawn."""
    if _import_started or (_imported() and all(name in sys.modules for name in also)):
        return
    import importlib

    from balint_trainer.gui.worker import run_in_background

    def work() -> None:
        _pg()
        for name in also:
            importlib.import_module(name)

    run_in_background(
        owner, work, lambda _none: None, error_title=None, on_error=lambda _exc: None, busy=False
    )
    # Not the task: one whose owner went first (a window closed meanwhile) would keep it for good.
    _import_started.append(True)


def accent_colours(widget: QWidget | None = None) -> tuple[QColor, QColor]:
    """(highlight for 'yours', neutral for the rest), from the current palette."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Highlight), palette.color(QPalette.ColorRole.Mid)


def _new_plot(parent: QWidget, accessible_name: str) -> tuple[Any, Any]:
    """pyqtgraph and a fresh plot in the parent's palette, static (no menu, no mouse zoom)."""
    pg = _pg()
    plot = pg.PlotWidget(parent, enableMenu=False)  # no context menu to build (~15 ms a first chart)
    plot.setAccessibleName(accessible_name)
    palette = parent.palette()
    plot.setBackground(palette.color(QPalette.ColorRole.Base))
    text = palette.color(QPalette.ColorRole.Text)
    for name in ("left", "bottom"):
        axis = plot.getPlotItem().getAxis(name)
        axis.setPen(text)
        axis.setTextPen(text)
        # Automatic ticks (the 0–100 score axis) in the interface's digits (Persian ones in Persian).
        automatic = axis.tickStrings
        axis.tickStrings = lambda values, scale, spacing, automatic=automatic: [
            digits(label) for label in automatic(values, scale, spacing)
        ]
    plot.getPlotItem().setMenuEnabled(False)
    plot.getPlotItem().hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    return pg, plot


def votes_chart(
    parent: QWidget,
    votes: Mapping[str, int],
    labels: Mapping[str, str],
    chosen: str,
    modal: Sequence[str],
) -> Any:
    """Horizontal bars: expert votes per option, the trainee's choice highlighted.

    Options are named by their text, which is too long for an axis: each name sits above its
    bar, wrapped to the chart's width, so the bars keep the whole width.
    """
    pg, plot = _new_plot(parent, QApplication.translate("Charts", "Expert vote split"))
    ids = list(votes)
    highlight, neutral = accent_colours(parent)
    brushes = [highlight if option_id == chosen else neutral for option_id in ids]
    y = list(range(len(ids)))[::-1]
    bar_y = [pos - 0.2 for pos in y]
    bars = pg.BarGraphItem(x0=0, y=bar_y, height=0.4, width=[votes[i] for i in ids], brushes=brushes)
    plot.addItem(bars)
    # The count beside each bar: an option no expert chose (often the trainee's) has no bar to see.
    text_colour = parent.palette().color(QPalette.ColorRole.Text)
    plot.vote_labels = []
    plot.option_labels = []
    for pos, option_id in zip(y, ids, strict=True):
        label = pg.TextItem(number(votes[option_id]), color=text_colour, anchor=(0, 0.5))
        label.setPos(votes[option_id] + 0.08, pos - 0.2)
        plot.addItem(label)
        plot.vote_labels.append(label)
        name = pg.TextItem(labels.get(option_id, option_id), color=text_colour, anchor=(0, 0))
        name.setPos(0, pos + 0.5)
        plot.addItem(name)
        plot.option_labels.append(name)
    plot.getPlotItem().hideAxis("left")
    view = plot.getPlotItem().getViewBox()

    def wrap_names() -> None:
        width = max(view.width() - 6, 60)
        for name in plot.option_labels:
            name.setTextWidth(width)

    view.sigResized.connect(wrap_names)
    wrap_names()
    bottom = plot.getPlotItem().getAxis("bottom")
    bottom.setLabel(QApplication.translate("Charts", "expert votes"))
    top = max(votes.values(), default=1) or 1
    bottom.setTicks([[(v, number(v)) for v in range(top + 1)]])
    plot.setXRange(0, top + 0.2 + 0.1 * top + 0.4, padding=0)
    plot.setYRange(-0.5, len(ids) - 0.5, padding=0)
    plot.setMinimumHeight(40 + 48 * len(ids))  # room for a name of two lines above each bar
    plot.setToolTip(
        "\n".join(
            f"{labels.get(i, i)}: {number(votes[i])}"
            + (QApplication.translate("Charts", " (your choice)") if i == chosen else "")
            + (QApplication.translate("Charts", " (panel's choice)") if i in modal else "")
            for i in ids
        )
    )
    return plot


def competency_chart(parent: QWidget, scores: Mapping[str, float], labels: Mapping[str, str]) -> Any:
    """Per-competency profile, 0..100, as horizontal bars."""
    pg, plot = _new_plot(parent, QApplication.translate("Charts", "Competency profile"))
    ids = list(scores)
    highlight, _ = accent_colours(parent)
    y = list(range(len(ids)))[::-1]
    plot.addItem(
        pg.BarGraphItem(x0=0, y=y, height=0.6, width=[100 * scores[i] for i in ids], brush=highlight)
    )
    plot.getPlotItem().getAxis("left").setTicks(
        [[(pos, _short(labels.get(i, i))) for pos, i in zip(y, ids, strict=True)]]
    )
    plot.getPlotItem().getAxis("bottom").setLabel(QApplication.translate("Charts", "score (0–100)"))
    plot.setXRange(0, 100, padding=0.02)
    plot.setYRange(-0.6, max(len(ids), 1) - 0.4, padding=0)
    plot.setMinimumHeight(60 + 30 * len(ids))
    plot.setToolTip("\n".join(f"{labels.get(i, i)}: {decimal(100 * scores[i], 0)}" for i in ids))
    return plot


# Okabe & Ito (2008): told apart with every common colour-vision deficiency. Black is the
# total's (the text colour below); yellow, weakest on white, comes last.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")


def series_colours(keys: Sequence[str], widget: QWidget | None = None) -> dict[str, QColor]:
    """A colour-blind-safe colour per series; the total in the text colour (black or white)."""
    palette = widget.palette() if widget is not None else QApplication.palette()
    colours: dict[str, QColor] = {}
    others = [key for key in keys if key != "total"]
    for index, key in enumerate(others):
        colours[key] = QColor(OKABE_ITO[index % len(OKABE_ITO)])
    if "total" in keys:
        colours["total"] = palette.color(QPalette.ColorRole.Text)
    return {key: colours[key] for key in keys}


def progress_chart(
    parent: QWidget,
    series: Mapping[str, Sequence[tuple[int, float]]],
    labels: Mapping[str, str],
    x_labels: Sequence[str],
    colours: Mapping[str, QColor] | None = None,
) -> Any:
    """Lines of score (0..100) over attempts, one per competency plus the total (thick)."""
    pg, plot = _new_plot(parent, QApplication.translate("Charts", "Scores over time"))
    colours = dict(colours or series_colours(list(series), parent))
    from PySide6.QtCore import Qt

    for index, (key, points) in enumerate(series.items()):
        colour = colours[key]
        total = key == "total"
        # More series than palette colours: the repeats are dashed, so no two lines look alike.
        style = Qt.PenStyle.DashLine if index > len(OKABE_ITO) else Qt.PenStyle.SolidLine
        plot.plot(
            [p[0] for p in points],
            [p[1] for p in points],
            pen=pg.mkPen(colour, width=4 if total else 2, style=style),
            symbol="o",
            symbolSize=9 if total else 6,
            symbolBrush=colour,
            symbolPen=colour,
            name=_short(labels.get(key, key)),
        )
    plot.getPlotItem().getAxis("bottom").setTicks([list(enumerate(x_labels))])
    plot.getPlotItem().getAxis("bottom").setLabel(QApplication.translate("Charts", "finished attempts"))
    plot.getPlotItem().getAxis("left").setLabel(QApplication.translate("Charts", "score (0–100)"))
    plot.setYRange(0, 105, padding=0)
    plot.setXRange(-0.3, max(len(x_labels) - 1, 1) + 0.3, padding=0)
    return plot


def _short(label: str, limit: int = 38) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
