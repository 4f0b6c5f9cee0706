"""The supervisor window's *Progress* tab: a trainee's scores per competency over time, and calibration.

Read only when the tab is on screen, off the UI thread; a result for a trainee no longer
selected is dropped. Texts keep the translation context "SupervisorWindow".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from balint_trainer.core.analytics import competency_series
from balint_trainer.core.competencies import competency_label
from balint_trainer.core.markdown_render import render_plain
from balint_trainer.gui.local_time import day_month_text
from balint_trainer.gui.models import RowsModel
from balint_trainer.gui.reading import number, plural
from balint_trainer.gui.supervision.models import competency_columns, make_table
from balint_trainer.gui.supervision.tab_base import SupervisionTab
from balint_trainer.reports import ScenarioCache, trainee_report

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

translate = QCoreApplication.translate

ChartData = tuple[dict[str, list[tuple[int, float]]], dict[str, str], list[str]]


@dataclass(frozen=True)
class ProgressData:
    """What the tab shows of one trainee, read on a worker thread."""

    points: list[Any]  # services.dto progress points (finished attempts)
    competencies: list[Any]  # reports' competency summaries
    calibration: Any  # confidence against credit, or None when it could not be read
    calibration_error: BaseException | None = None
    review_calibration: Any = None  # the same over spaced-review answers (a second series)


def read_progress(service: ServicesApi, cache: ScenarioCache, profile_id: int) -> ProgressData:
    import pyqtgraph  # noqa: F401  # the charts' import (about a second) here, not on the UI thread

    from balint_trainer.services.review_cards import CardReviews

    points = service.practice.progress(profile_id)
    report = trainee_report(service, profile_id, finished_only=True, cache=cache)
    reviews = CardReviews(service)
    try:
        calibration, problem = reviews.calibration(profile_id), None
        review_calibration = reviews.review_calibration(profile_id)
    except Exception as exc:  # the chart and table still show; the window says what failed
        calibration, review_calibration, problem = None, None, exc
    return ProgressData(list(points), list(report.competencies), calibration, problem, review_calibration)


def chart_data(points: list[Any], competencies: list[Any]) -> ChartData | None:
    """Series per competency (0–100, oldest attempt first), their labels and the x ticks."""
    ordered = sorted(points, key=lambda p: p.finished_at)
    if not ordered:
        return None
    labels = {row.id: row.label for row in competencies}
    index_of = {p.attempt_id: i for i, p in enumerate(ordered)}
    series: dict[str, list[tuple[int, float]]] = {}
    total = [(index_of[p.attempt_id], float(p.total)) for p in ordered if p.total is not None]
    if total:
        series["total"] = total
    by_time = {p.finished_at: index_of[p.attempt_id] for p in ordered}
    for cid, values in competency_series(ordered).items():
        series[cid] = [(by_time[when], 100.0 * value) for when, value in values]
    labels.setdefault("total", translate("SupervisorWindow", "Scenario score"))
    labels = {cid: labels.get(cid) or competency_label(cid) for cid in series}
    # Short one-line ticks (attempt number and date); the scenario is in the attempts table.
    x_labels = [f"{number(i + 1)} · {day_month_text(p.finished_at)}" for i, p in enumerate(ordered)]
    return series, labels, x_labels


class ProgressTab(SupervisionTab):
    def __init__(self, service: ServicesApi, cache: ScenarioCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._cache = cache
        self._profile: Any | None = None
        self._shown_profile: int | None = None  # whose progress is on screen (or being read)
        self._request = 0
        self._chart: Any = None
        layout = QVBoxLayout(self)
        self.progress_note = QLabel(self)
        self.progress_note.setWordWrap(True)
        self.progress_note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.progress_note)
        chart_row = QHBoxLayout()
        self.chart_holder = QVBoxLayout()
        chart_row.addLayout(self.chart_holder, 1)
        # Which colour is which competency: the chart itself has no room for names.
        self.chart_legend = QLabel(self)
        self.chart_legend.setTextFormat(Qt.TextFormat.RichText)
        self.chart_legend.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.chart_legend.setAccessibleName(translate("SupervisorWindow", "Chart legend"))
        chart_row.addWidget(self.chart_legend)
        layout.addLayout(chart_row, 3)
        # The same numbers as a table: readable by screen readers and copyable.
        self.competency_model = RowsModel(competency_columns(), self)
        self.competency_view = make_table(
            self, self.competency_model, translate("SupervisorWindow", "Competency summary")
        )
        layout.addWidget(self.competency_view, 2)
        from balint_trainer.gui.practice.adaptive_views import CalibrationBox

        self.calibration_box = CalibrationBox(self)  # confidence against credit, all their answers
        layout.addWidget(self.calibration_box, 2)

    @property
    def chart(self) -> Any:
        return self._chart

    def set_trainee(self, profile: Any | None) -> None:
        """The trainee whose progress :meth:`load` shows (nothing is read yet)."""
        self._profile = profile
        self._shown_profile = None

    def load(self) -> None:
        """Show the trainee's progress, reading it off the UI thread unless it is on screen already."""
        profile = self._profile
        if profile is None:
            self._request += 1
            self.progress_note.setText(
                translate("SupervisorWindow", "Select a trainee to see their progress.")
            )
            self.competency_model.set_rows([])
            self._set_chart(None)
            return
        if self._shown_profile == profile.id:
            return
        self._shown_profile = profile.id
        self._request += 1
        request = self._request
        self.progress_note.setText(translate("SupervisorWindow", "Loading…"))
        self.competency_model.set_rows([])
        self._set_chart(None)  # never the previous trainee's chart under this one's name
        service, cache, profile_id = self._service, self._cache, profile.id

        def done(data: ProgressData) -> None:
            if request == self._request:
                self._show(profile, data)

        def failed(_exc: BaseException) -> None:
            if request == self._request:
                self._shown_profile = None  # try again next time the tab is shown
                self.progress_note.setText("")

        self.run(
            lambda: read_progress(service, cache, profile_id),
            done,
            error_title=translate("SupervisorWindow", "Could not load progress"),
            on_error=failed,
        )

    def _show(self, profile: Any, data: ProgressData) -> None:
        self.competency_model.set_rows(data.competencies)
        if data.calibration_error is not None:
            self.show_error(
                translate("SupervisorWindow", "Could not load progress"), str(data.calibration_error)
            )
        else:
            self.calibration_box.show_points(data.calibration, data.review_calibration)
        chart = chart_data(data.points, data.competencies)
        if chart is None:
            self.progress_note.setText(
                translate("SupervisorWindow", "{name} has no finished attempts yet.").format(
                    name=profile.name
                )
            )
            self._set_chart(None)
            return
        count = len(chart[2])
        self.progress_note.setText(
            plural(
                translate(
                    "SupervisorWindow",
                    "{name}: %n finished attempt(s), oldest first; scores 0–100 per competency.",
                    "",
                    count,
                ),
                count,
            ).format(name=profile.name)
        )
        self._set_chart(chart)

    def _set_chart(self, data: ChartData | None) -> None:
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
        self._chart = progress_chart(self, series, labels, x_labels, colours)
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
