"""The summary in a short window: the top pane scrolls rather than overlap; table headers stay whole."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from balint_trainer.core.session import PracticeSession
from balint_trainer.core.validation import load_scenario_file
from tests.conftest import DATA_DIR

pytestmark = pytest.mark.gui


def _summary():
    scenario = load_scenario_file(DATA_DIR / "valid" / "branching.yaml").scenario
    session = PracticeSession(scenario)
    session.run_to_end(lambda event: event.options[-1].id)
    return session.summary()


def test_short_window_scrolls_the_top_pane_instead_of_overlapping_its_labels(qtbot):
    from balint_trainer.gui.practice.summary import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    view.resize(1000, 420)
    view.show()
    view.show_summary(_summary(), "Branching test scenario")
    top = view.top_scroll.widget()
    qtbot.waitUntil(lambda: view.top_scroll.viewport().height() > 0)
    # The labels keep the height they need; the pane scrolls to show them.
    assert top.height() >= top.minimumSizeHint().height()
    assert view.top_scroll.verticalScrollBar().maximum() > 0


def test_the_shown_header_of_the_answers_table_is_not_broken_over_lines(qtbot):
    from balint_trainer.reports.against_panel import against_panel_html, from_feedback

    feedback = _summary().decisions[0]
    document = QTextDocument()
    document.setHtml(against_panel_html(from_feedback(feedback)))
    document.setTextWidth(370)  # the summary's detail pane in a small window
    document.documentLayout().documentSize()  # lays the document out
    block = document.begin()
    while block.isValid() and block.text() != "Shown":
        block = block.next()
    assert block.isValid()
    assert block.layout().lineCount() == 1
