"""Persian UI: numbers the GUI formats itself (scores, credits, counts) show in Persian digits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex

from balint_trainer import i18n
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.validation import load_scenario_file
from tests.conftest import DATA_DIR

pytestmark = pytest.mark.gui

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "balint_trainer_fa.ts"
LATIN_DIGIT = re.compile(r"[0-9]")


@pytest.fixture
def persian(qapp):
    installed = i18n.install(qapp, "fa")
    yield installed
    i18n.uninstall(qapp, installed)


def _summary():
    scenario = load_scenario_file(DATA_DIR / "valid" / "branching.yaml").scenario
    session = PracticeSession(scenario)
    session.run_to_end(lambda event: event.options[-1].id)
    return session.summary()


def test_persian_plural_forms_format_the_count_with_the_locale() -> None:
    # %n would put Latin digits in the Persian text; %Ln formats the count with QLocale.
    # (lupdate 6.11 records QCoreApplication.translate(..., n) as a plain message: check those too.)
    text = TS.read_text(encoding="utf-8")
    forms = re.findall(r"<numerusform>(.*?)</numerusform>", text, re.S)
    plain = re.findall(r"<translation>([^<]*%L?n[^<]*)</translation>", text)
    assert forms and plain
    assert [f for f in forms + plain if re.search(r"%n", f)] == []


def test_counts_in_persian_plurals_use_persian_digits(persian) -> None:
    text = QCoreApplication.translate("ScenarioEditor", "%n decision(s)", "", 12)
    assert "۱۲" in text and not LATIN_DIGIT.search(text)


def test_summary_score_credits_and_row_numbers_use_persian_digits(qtbot, persian) -> None:
    from balint_trainer.gui.practice.summary import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    summary = _summary()
    view.show_summary(summary, "Branching")
    score = view.score_label.text()
    assert summary.total is not None and score != "Score"
    assert not LATIN_DIGIT.search(score) and re.search(r"[۰-۹]", score)
    model = view.table.model()
    cells = [
        str(model.data(model.index(row, column, QModelIndex())))
        for row in range(model.rowCount())
        for column in (0, 4)  # the row's number and its credit
    ]
    assert cells and all(re.search(r"[۰-۹]", c) and not LATIN_DIGIT.search(c) for c in cells)


def test_english_numbers_stay_as_before(qtbot) -> None:
    from balint_trainer.gui.reading import decimal, number

    assert decimal(0.5) == "0.50" and decimal(66.7, 0) == "67" and number(3) == "3"


def test_the_decision_against_the_panel_shows_votes_and_credits_in_persian_digits(persian) -> None:
    import balint_trainer.gui  # noqa: F401 - installs the number format of the Qt-free renderer
    from balint_trainer.reports.against_panel import against_panel_html, from_feedback

    html = against_panel_html(from_feedback(_summary().decisions[0]))
    cells = re.findall(r'<td align="center">(.*?)</td>', html)
    assert cells and all(re.search(r"[۰-۹]", c) and not LATIN_DIGIT.search(c) for c in cells)


def test_without_a_gui_the_renderer_keeps_latin_digits() -> None:
    from balint_trainer.core import localise

    previous = localise.set_number_format(None)
    try:
        assert localise.number(0.5, 2) == "0.50" and localise.number(7) == "7"
    finally:
        localise.set_number_format(previous)


def test_times_on_decisions_read_in_persian_digits(persian) -> None:
    import balint_trainer.gui  # noqa: F401 - installs the number format
    from balint_trainer.reports.data import format_seconds

    assert format_seconds(75.4) == "۱:۱۵" and format_seconds(None) == ""
