"""The supervisor window's *Cohort items* tab: item analysis with psychometrics per decision.

The cohort query reads every answer: it runs only when the tab is shown, off the UI thread,
and a result for a cohort or filter no longer chosen is dropped. Texts keep the translation
context "SupervisorWindow".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.analytics import ItemStats
from balint_trainer.core.competencies import competency_label
from balint_trainer.core.option_order import option_label
from balint_trainer.gui.models import RowsModel
from balint_trainer.gui.reading import plural
from balint_trainer.gui.supervision.models import ItemRow, NumericSortProxy, item_columns, make_table
from balint_trainer.gui.supervision.tab_base import SupervisionTab
from balint_trainer.reports import ScenarioCache

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

translate = QCoreApplication.translate

ItemInfo = dict[tuple[str, str], tuple[str, dict[str, str]]]  # competency label, option texts


def _item_info(
    service: ServicesApi, cache: ScenarioCache, known: ItemInfo, scenario_id: str, decision_id: str
) -> tuple[str, dict[str, str]]:
    """Competency label and option texts of a decision, from the scenario's latest version."""
    key = (scenario_id, decision_id)
    if key not in known:
        info: tuple[str, dict[str, str]] = ("", {})
        try:
            version = service.scenarios.latest_version(scenario_id)
            if version is not None:
                _version, scenario, _problem = cache.get(version.id)
                if scenario is not None:
                    step = scenario.decision(decision_id)
                    label = competency_label(step.competency, dict(scenario.competencies))
                    info = (label, {o.id: o.text for o in step.options})
        except Exception:  # an unknown decision or unreadable version: show the row without it
            info = ("", {})
        known[key] = info
    return known[key]


def read_items(
    service: ServicesApi, cache: ScenarioCache, known: ItemInfo, cohort: str | None, finished_only: bool
) -> tuple[list[ItemRow], list[tuple[str, str]]]:
    """The item rows of a cohort (on a worker thread), and the problems to tell (title, text)."""
    problems: list[tuple[str, str]] = []
    try:
        # Aggregated in the database; only finished attempts have a total.
        stats = service.review.item_analysis(cohort=cohort, finished_only=finished_only)
    except Exception as exc:
        problems.append((translate("SupervisorWindow", "Could not load the cohort's answers"), str(exc)))
        stats = []
    try:
        reliability = {r.scenario_id: r for r in service.review.reliability(cohort=cohort)}
    except Exception as exc:
        problems.append(
            (translate("SupervisorWindow", "Could not compute the scenarios' reliability"), str(exc))
        )
        reliability = {}
    rows = []
    for s in stats:
        rel = reliability.get(s.scenario_id)
        label, options = _item_info(service, cache, known, s.scenario_id, s.decision_id)
        wrong = ""
        if s.wrong_option is not None:
            text = options.get(s.wrong_option)
            wrong = option_label(text) if text else s.wrong_option
        rows.append(
            ItemRow(
                s,
                label,
                wrong,
                rel.item_rest.get(s.decision_id) if rel else None,
                rel.alpha if rel else None,
                rel.attempts if rel else 0,
            )
        )
    return rows, problems


class ItemsTab(SupervisionTab):
    export_requested = Signal()  # *Export CSV…*: the window writes the visible rows

    def __init__(self, service: ServicesApi, cache: ScenarioCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._cache = cache
        self._known: ItemInfo = {}
        self._request = 0
        self.stale = True  # the rows on screen are not the current cohort's (or none were read)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.cohort_combo = QComboBox(self)
        self.cohort_combo.setAccessibleName(translate("SupervisorWindow", "Cohort"))
        self.scenario_combo = QComboBox(self)
        self.scenario_combo.setAccessibleName(translate("SupervisorWindow", "Scenario"))
        form.addRow(translate("SupervisorWindow", "C&ohort:"), self.cohort_combo)
        form.addRow(translate("SupervisorWindow", "&Scenario:"), self.scenario_combo)
        self.include_unfinished_check = QCheckBox(
            translate("SupervisorWindow", "Include &unfinished attempts"), self
        )
        self.include_unfinished_check.setChecked(True)
        self.include_unfinished_check.setAccessibleName(
            translate("SupervisorWindow", "Include unfinished attempts")
        )
        self.include_unfinished_check.setToolTip(
            translate(
                "SupervisorWindow",
                "Unfinished attempts are ranked by the mean credit of the decisions they answered",
            )
        )
        form.addRow("", self.include_unfinished_check)
        layout.addLayout(form)

        self.item_model = RowsModel(item_columns(), self)
        self.item_proxy = NumericSortProxy(self)
        self.item_proxy.setSourceModel(self.item_model)
        self.item_proxy.setFilterKeyColumn(0)
        self.item_view = make_table(
            self, self.item_proxy, translate("SupervisorWindow", "Item analysis per decision")
        )
        self.item_view.setSortingEnabled(True)
        self.item_view.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # hardest items first (facility)
        layout.addWidget(self.item_view, 1)

        buttons = QHBoxLayout()
        self.item_note = QLabel(self)
        self.item_note.setWordWrap(True)
        self.item_note.setTextFormat(Qt.TextFormat.PlainText)
        buttons.addWidget(self.item_note, 1)
        self.export_items_button = QPushButton(translate("SupervisorWindow", "E&xport CSV…"), self)
        self.export_items_button.setAccessibleName(
            translate("SupervisorWindow", "Export item analysis as CSV")
        )
        self.export_items_button.clicked.connect(self.export_requested)
        buttons.addWidget(self.export_items_button)
        layout.addLayout(buttons)

        self.cohort_combo.currentIndexChanged.connect(lambda _i: self.refresh_items())
        self.include_unfinished_check.toggled.connect(lambda _on: self.refresh_items())
        self.scenario_combo.currentIndexChanged.connect(self._apply_scenario_filter)

    def set_cohorts(self, cohorts: Sequence[str]) -> None:
        """The cohorts to choose from (the chosen one kept); the rows need reading again."""
        current = self.cohort_combo.currentData()
        self.cohort_combo.blockSignals(True)
        self.cohort_combo.clear()
        self.cohort_combo.addItem(translate("SupervisorWindow", "All cohorts"), None)
        for cohort in cohorts:
            self.cohort_combo.addItem(cohort, cohort)
        self.cohort_combo.setCurrentIndex(max(self.cohort_combo.findData(current), 0))
        self.cohort_combo.blockSignals(False)
        self.stale = True

    def refresh_items(self) -> None:
        """Read the chosen cohort's item analysis off the UI thread."""
        self.stale = False
        self._request += 1
        request = self._request
        cohort = self.cohort_combo.currentData()
        finished_only = not self.include_unfinished_check.isChecked()
        service, cache, known = self._service, self._cache, dict(self._known)
        self.item_note.setText(translate("SupervisorWindow", "Loading…"))
        self.export_items_button.setEnabled(False)  # the rows on screen are not the chosen ones

        def done(result: tuple[list[ItemRow], list[tuple[str, str]]]) -> None:
            if request != self._request:  # another cohort or filter was chosen meanwhile
                return
            self._known.update(known)
            rows, problems = result
            for title, text in problems:
                self.show_error(title, text)
            self._show(rows)

        def failed(_exc: BaseException) -> None:
            if request == self._request:
                self.item_note.setText("")
                self.export_items_button.setEnabled(True)

        self.run(
            lambda: read_items(service, cache, known, cohort, finished_only),
            done,
            error_title=translate("SupervisorWindow", "Could not load the cohort's answers"),
            on_error=failed,
        )

    def _show(self, rows: list[ItemRow]) -> None:
        self.item_model.set_rows(rows)
        scenarios = sorted({r.stats.scenario_id for r in rows})
        current = self.scenario_combo.currentData()
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        self.scenario_combo.addItem(translate("SupervisorWindow", "All scenarios"), None)
        for scenario_id in scenarios:
            self.scenario_combo.addItem(scenario_id, scenario_id)
        self.scenario_combo.setCurrentIndex(max(self.scenario_combo.findData(current), 0))
        self.scenario_combo.blockSignals(False)
        self._apply_scenario_filter()
        items, answers = len(rows), sum(r.stats.n for r in rows)
        self.item_note.setText(
            translate(
                "SupervisorWindow",
                "{decisions}, {answers}. * = fewer than 20 attempts "
                "(discrimination) or 30 complete attempts (item–rest r, scenario α).",
            ).format(
                decisions=plural(translate("SupervisorWindow", "%n decision(s)", "", items), items),
                answers=plural(translate("SupervisorWindow", "%n answer(s)", "", answers), answers),
            )
        )
        self.export_items_button.setEnabled(True)

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
