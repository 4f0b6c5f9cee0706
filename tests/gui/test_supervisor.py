"""Supervisor window on a real service (temporary SQLite) seeded with three trainees."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import open_service

pytestmark = pytest.mark.gui

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"
ANN = "Ann <b>Lee</b> & co"


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Any, dict[str, Any]]]:
    svc = open_service(f"sqlite:///{tmp_path / 'supervisor.sqlite3'}")
    version = svc.scenarios.register_scenario(load_scenario_file(MINIMAL))
    scenario = version.load()
    ids: dict[str, Any] = {"version": version}

    def attempt(profile_id: int, answers: dict[str, str], *, finish: bool = True, **extra: Any) -> int:
        started = svc.practice.start_attempt(profile_id, version.id, "practice")
        for decision, option in answers.items():
            svc.practice.record_answer(
                started.id,
                decision,
                option,
                credit=credit(scenario.decision(decision), option),
                **extra.get(decision, {}),
            )
        if finish:
            svc.practice.finish_attempt(started.id)
        return started.id

    ann = svc.accounts.create_profile(ANN, "trainee", cohort="north")
    bob = svc.accounts.create_profile("Bob Moss", "trainee", cohort="north")
    cy = svc.accounts.create_profile("Cy Park", "trainee", cohort="south")
    ids["sue"] = svc.accounts.create_profile("Sue Supervisor", "supervisor")
    ids["ann"], ids["bob"], ids["cy"] = ann, bob, cy
    ids["ann_1"] = attempt(
        ann.id,
        {"first": "b", "second": "x"},
        first={"own_words": "I would say: let's stay with the doctor's feelings", "seconds": 12.4},
        second={"seconds": 30},
    )
    ids["ann_2"] = attempt(ann.id, {"first": "a", "second": "y"})
    ids["bob_1"] = attempt(bob.id, {"first": "c", "second": "x"})
    ids["cy_1"] = attempt(cy.id, {"first": "a"}, finish=False)
    try:
        yield svc, ids
    finally:
        svc.close()


@pytest.fixture
def window(qtbot, seeded):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.workbench import open_supervisor

    svc, _ids = seeded
    win = open_supervisor(None, svc)
    qtbot.addWidget(win)
    errors: list[str] = []
    win._show_error = lambda title, exc: errors.append(f"{title}: {exc}")  # never block on a dialog
    win.recorded_errors = errors
    win.discard_asked = []
    win.ask_discard_drafts = lambda count: win.discard_asked.append(count) or True
    win.qtbot = qtbot
    settle(win)  # the trainee list, the first trainee's attempts and review: read off the UI thread
    return win


def settle(win) -> None:  # type: ignore[no-untyped-def]
    """Wait until everything the window reads off the UI thread is shown."""
    win.qtbot.waitUntil(lambda: not win.busy, timeout=10000)


def _select_trainee(win, profile_id: int) -> bool:  # type: ignore[no-untyped-def]
    found = win.select_trainee(profile_id)
    settle(win)
    return bool(found)


def _select_attempt(win, attempt_id: int) -> None:  # type: ignore[no-untyped-def]
    assert win.select_attempt(attempt_id)
    settle(win)
    assert win.current_attempt().id == attempt_id


def test_trainee_list_and_filter(window, seeded) -> None:  # type: ignore[no-untyped-def]
    _svc, ids = seeded
    assert window.trainee_names() == [f"{ANN} (north)", "Bob Moss (north)", "Cy Park (south)"]
    assert window.current_trainee().id == ids["ann"].id  # first trainee preselected
    window.trainee_filter.setText("south")
    assert window.trainee_names() == ["Cy Park (south)"]
    window.trainee_filter.clear()
    assert len(window.trainee_names()) == 3


def test_attempts_and_review_show_choice_against_panel(window, seeded) -> None:  # type: ignore[no-untyped-def]
    _svc, ids = seeded
    assert _select_trainee(window, ids["ann"].id)
    assert window.attempts_tab.attempt_model.rowCount() == 2
    _select_attempt(window, ids["ann_1"])
    assert "score 67/100" in window.attempts_tab.attempt_summary.text()
    assert "2 of 2 decisions answered" in window.attempts_tab.attempt_summary.text()
    model = window.attempts_tab.decision_model
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(6)] == [
        "first",
        "Holding the frame and structure",
        "Talk.",  # options are named by their text, as the trainee saw them
        "Wait.",
        "0.33",
        "0:12",
    ]
    assert model.index(1, 2).data() == "Ask about her feelings. ✓"  # split panel: x is a modal option
    assert model.index(1, 3).data().startswith("tie: ")  # both tied options, called a tie

    assert window.select_decision("first")
    text = window.attempts_tab.decision_detail.toPlainText()
    assert "What now?" in text
    assert "Talk." in text and "Wait." in text
    assert "1/4" in text and "3/4" in text  # votes for the chosen option vs the panel's
    assert "trainee's choice" in text and "panel's choice" in text
    assert "let's stay with the doctor's feelings" in text
    assert "0:12" in text
    assert "No comments yet." in text


def test_unfinished_attempt_marks_unanswered_decisions(window, seeded) -> None:  # type: ignore[no-untyped-def]
    _svc, ids = seeded
    _select_trainee(window, ids["cy"].id)
    _select_attempt(window, ids["cy_1"])
    assert "not finished" in window.attempts_tab.attempt_summary.text()
    assert window.attempts_tab.decision_model.index(1, 2).data() == "not answered"
    window.select_decision("second")
    assert "Not answered in this attempt." in window.attempts_tab.decision_detail.toPlainText()


def test_adding_a_comment_with_ctrl_enter_stores_it(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    _select_attempt(window, ids["ann_1"])
    window.select_decision("second")
    assert window.attempts_tab.author_combo.currentData() == ids["sue"].id
    assert not window.attempts_tab.add_comment_button.isEnabled()  # nothing typed yet
    qtbot.keyClicks(window.attempts_tab.comment_edit, "Good instinct <i>here</i>")
    assert window.attempts_tab.add_comment_button.isEnabled()
    with qtbot.waitSignal(window.comment_added, timeout=5000):
        qtbot.keyClick(
            window.attempts_tab.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    (stored,) = svc.review.comments(ids["ann_1"])
    assert (stored.decision_id, stored.author_id, stored.text) == (
        "second",
        ids["sue"].id,
        "Good instinct <i>here</i>",
    )
    assert window.attempts_tab.comment_edit.toPlainText() == ""
    assert window.current_decision().decision_id == "second"  # the reviewed decision stays selected
    assert (
        "Good instinct <i>here</i>" in window.attempts_tab.decision_detail.toPlainText()
    )  # shown as text, not markup
    assert window.attempts_tab.decision_model.index(1, 6).data() == "1"

    window.attempts_tab.whole_attempt_check.setChecked(True)
    window.attempts_tab.comment_edit.setPlainText("Overall: well paced.")
    with qtbot.waitSignal(window.comment_added, timeout=5000):  # stored off the UI thread
        window.attempts_tab.add_comment_button.click()
    comments = svc.review.comments(ids["ann_1"])
    assert [(c.decision_id, c.text) for c in comments][-1] == (None, "Overall: well paced.")
    assert "1 comment on the whole attempt" in window.attempts_tab.attempt_summary.text()
    assert window.recorded_errors == []


def test_failed_comment_keeps_the_text(window, seeded, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    _select_attempt(window, ids["ann_1"])

    def refuse(*_args: Any, **_kw: Any) -> None:
        from balint_trainer.services import PermissionDenied

        raise PermissionDenied("read-only account")

    monkeypatch.setattr(svc.review, "add_comment", refuse)
    window.attempts_tab.comment_edit.setPlainText("Do not lose me")
    task = window.add_comment()  # stored off the UI thread
    assert task is not None
    with window.qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert task.error is not None and svc.review.comments(ids["ann_1"]) == []  # nothing was stored
    assert window.attempts_tab.comment_edit.toPlainText() == "Do not lose me"
    assert window.recorded_errors and "read-only account" in window.recorded_errors[0]


def _column(win, name: str) -> int:  # type: ignore[no-untyped-def]
    model = win.items_tab.item_proxy
    return next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == name
    )


def test_item_analysis_table_sorts_and_filters(window) -> None:  # type: ignore[no-untyped-def]
    assert window.items_tab.item_model.rowCount() == 0  # the cohort query waits until the tab is shown
    window.tabs.setCurrentIndex(2)
    settle(window)
    proxy = window.items_tab.item_proxy
    assert proxy.rowCount() == 2
    facility = _column(window, "Facility")
    decision = _column(window, "Decision")
    answers = _column(window, "Answers")
    # 'first': a (full credit) chosen 2 of 4 -> 0.50; 'second': x/y both modal -> 1.00
    window.items_tab.item_view.sortByColumn(facility, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, decision).data() for r in range(2)] == ["second", "first"]
    assert [proxy.index(r, facility).data() for r in range(2)] == ["1.00", "0.50"]
    window.items_tab.item_view.sortByColumn(facility, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, decision).data() for r in range(2)] == ["first", "second"]
    window.items_tab.item_view.sortByColumn(answers, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, answers).data() for r in range(2)] == ["3", "4"]
    assert proxy.index(0, _column(window, "Competency")).data() == "Inviting feelings and fantasies"
    wrong = _column(window, "Most-chosen wrong option")
    first_row = next(r for r in range(2) if proxy.index(r, decision).data() == "first")
    assert proxy.index(first_row, wrong).data() in ("Talk.", "Lecture.")  # by text, not id

    window.items_tab.cohort_combo.setCurrentIndex(window.items_tab.cohort_combo.findData("south"))
    settle(window)
    assert proxy.rowCount() == 1
    assert proxy.index(0, answers).data() == "1"
    window.items_tab.cohort_combo.setCurrentIndex(0)
    settle(window)
    window.items_tab.scenario_combo.setCurrentIndex(window.items_tab.scenario_combo.findData("minimal-test"))
    assert proxy.rowCount() == 2
    window.items_tab.include_unfinished_check.setChecked(False)  # Cy's attempt is unfinished
    settle(window)
    assert sorted(int(proxy.index(r, answers).data()) for r in range(2)) == [3, 3]


def test_item_analysis_export_follows_the_table(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.tabs.setCurrentIndex(2)
    settle(window)
    window.items_tab.item_view.sortByColumn(_column(window, "Facility"), Qt.SortOrder.AscendingOrder)
    path = window.export_item_analysis(tmp_path / "items.csv")
    assert path == tmp_path / "items.csv"
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["decision"] for r in rows] == ["first", "second"]
    assert float(rows[0]["facility"]) == pytest.approx(0.5)
    assert rows[0]["choices"].startswith("a=2")


def test_progress_tab_draws_chart_lazily(window, seeded) -> None:  # type: ignore[no-untyped-def]
    _svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    assert window.chart is None  # nothing drawn until the tab is shown
    window.tabs.setCurrentWidget(window.progress_tab)
    settle(window)
    assert window.chart is not None
    assert window.chart.accessibleName()
    assert "2 finished attempts," in window.progress_tab.progress_note.text()
    labels = [
        window.progress_tab.competency_model.index(r, 0).data()
        for r in range(window.progress_tab.competency_model.rowCount())
    ]
    assert labels == ["Holding the frame and structure", "Inviting feelings and fantasies"]
    _select_trainee(window, ids["cy"].id)
    assert window.chart is None
    assert "no finished attempts" in window.progress_tab.progress_note.text()


def test_report_exports(window, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _svc, ids = seeded
    _select_trainee(window, ids["ann"].id)

    html_path = window.export_report("html", tmp_path / "ann.html")
    html = html_path.read_text(encoding="utf-8")
    assert "Ann &lt;b&gt;Lee&lt;/b&gt; &amp; co" in html and "<b>Lee</b>" not in html
    assert "Holding the frame and structure" in html

    pdf_path = window.export_report("pdf", tmp_path / "ann.pdf")
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000

    csv_path = window.export_report("csv", tmp_path / "ann.csv")
    with csv_path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 4
    assert {r["trainee"] for r in rows} == {ANN}
    assert rows[0]["chosen_option"] == "b" and rows[0]["own_words"].startswith("I would say")

    xapi_path = window.export_report("xapi", tmp_path / "ann.json")
    statements = json.loads(xapi_path.read_text(encoding="utf-8"))
    assert len(statements) == 8  # 4 answers; 2 finished attempts: "completed" and "passed"/"failed"
    assert statements[0]["object"]["definition"]["interactionType"] == "choice"
    assert statements[0]["result"]["response"] == "b"

    cohort_path = window.export_cohort("csv", tmp_path / "cohort.csv")
    with cohort_path.open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 7
    assert window.recorded_errors == []


def test_export_error_is_reported_not_raised(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "missing-folder" / "report.pdf"
    assert window.export_report("pdf", target) is None
    assert window.recorded_errors and "not exported" in window.recorded_errors[0]
    assert not target.exists()


def test_report_actions_have_shortcuts_and_names(window) -> None:  # type: ignore[no-untyped-def]
    for kind, action in window.report_actions.items():
        assert action.isEnabled(), kind
        assert not action.shortcut().isEmpty(), kind
    for widget in (
        window.trainee_view,
        window.attempts_tab.attempt_view,
        window.attempts_tab.decision_view,
        window.attempts_tab.comment_edit,
        window.items_tab.item_view,
    ):
        assert widget.accessibleName()


def test_opened_from_a_parent_is_its_own_window_and_freed_on_close(qtbot, seeded) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from balint_trainer.gui.workbench import open_supervisor

    svc, _ids = seeded
    parent = QWidget()
    qtbot.addWidget(parent)
    win = open_supervisor(parent, svc)
    assert win.isWindow() and win.isVisible()
    assert win.parent() is parent
    with qtbot.waitSignal(win.destroyed, timeout=5000):
        win.close()


def test_comment_draft_stays_with_its_decision(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    # Bug: text typed for one decision stayed in the box when another decision (or trainee) was
    # selected, and "Add comment" then filed it under the wrong decision or the wrong trainee.
    svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    _select_attempt(window, ids["ann_1"])
    window.select_decision("first")
    qtbot.keyClicks(window.attempts_tab.comment_edit, "About the first decision")
    assert "first" in window.attempts_tab.comment_label.text()
    window.select_decision("second")
    assert window.attempts_tab.comment_edit.toPlainText() == ""
    assert not window.attempts_tab.add_comment_button.isEnabled()
    _select_trainee(window, ids["bob"].id)
    assert window.attempts_tab.comment_edit.toPlainText() == ""
    assert window.unsent_drafts() == {(ids["ann_1"], "first"): "About the first decision"}
    _select_trainee(window, ids["ann"].id)
    _select_attempt(window, ids["ann_1"])
    window.select_decision("first")
    assert window.attempts_tab.comment_edit.toPlainText() == "About the first decision"
    with qtbot.waitSignal(window.comment_added, timeout=5000):
        window.attempts_tab.add_comment_button.click()
    assert [(c.decision_id, c.text) for c in svc.review.comments(ids["ann_1"])] == [
        ("first", "About the first decision")
    ]
    assert svc.review.comments(ids["bob_1"]) == []
    assert window.unsent_drafts() == {}


def test_closing_with_an_unsent_comment_asks_first(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    _svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    _select_attempt(window, ids["ann_1"])
    window.attempts_tab.comment_edit.setPlainText("Half-written thought")
    window.ask_discard_drafts = lambda count: window.discard_asked.append(count) or False
    assert not window.close()
    assert window.discard_asked == [1] and window.isVisible()
    assert window.attempts_tab.comment_edit.toPlainText() == "Half-written thought"


def test_progress_chart_has_a_legend(window, seeded) -> None:  # type: ignore[no-untyped-def]
    # Bug: coloured lines, one per competency, with no way to tell which was which.
    _svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    window.tabs.setCurrentWidget(window.progress_tab)
    settle(window)
    legend = window.progress_tab.chart_legend.text()
    assert "Scenario score" in legend and "Inviting feelings and fantasies" in legend
    assert window.progress_tab.chart_legend.accessibleName()


def test_item_table_keeps_the_key_figures_before_the_long_competency(window) -> None:  # type: ignore[no-untyped-def]
    # Bug: the wide competency column pushed "most-chosen wrong option" off screen.
    window.tabs.setCurrentIndex(2)
    settle(window)
    headers = [
        window.items_tab.item_proxy.headerData(c, Qt.Orientation.Horizontal)
        for c in range(window.items_tab.item_proxy.columnCount())
    ]
    assert headers.index("Most-chosen wrong option") < headers.index("Competency") == len(headers) - 1
    assert window.items_tab.item_view.horizontalHeader().sortIndicatorSection() == headers.index("Facility")


def test_pdf_uses_the_page_width(window, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Bug: page margins on top of QTextDocument's own 2 cm left a third of each page empty.
    from PySide6.QtGui import QPageLayout

    from balint_trainer.gui import report_pdf

    captured = {}
    real = report_pdf.QPdfWriter

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            captured["writer"] = self

    report_pdf.QPdfWriter = Spy
    try:
        _svc, ids = seeded
        _select_trainee(window, ids["ann"].id)
        path = window.export_report("pdf", tmp_path / "ann.pdf")
    finally:
        report_pdf.QPdfWriter = real
    assert path is not None and path.read_bytes().startswith(b"%PDF")
    margins = captured["writer"].pageLayout().margins(QPageLayout.Unit.Millimeter)
    assert margins.left() < 5 and margins.right() < 5  # the document's frame has the 2 cm


def test_new_profile_from_the_profiles_menu(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    svc, _ids = seeded
    window.ask_new_profile = lambda: svc.accounts.create_profile("Dina New", "trainee", cohort="north")
    assert not window.new_profile_action.shortcut().isEmpty()
    window.new_profile_action.trigger()
    settle(window)  # the trainee list is read again off the UI thread
    assert window.current_trainee().name == "Dina New"
    window.ask_new_profile = lambda: svc.accounts.create_profile("Olu Organiser", "organiser")
    window.new_profile_action.trigger()
    settle(window)
    assert window.attempts_tab.author_combo.currentText() == "Olu Organiser"


def test_report_follows_the_persian_interface(qapp, window, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer import i18n
    from balint_trainer.gui.supervision import exports as supervisor

    _svc, ids = seeded
    _select_trainee(window, ids["ann"].id)
    pdf_html: list[str] = []
    real_write_pdf = supervisor.write_pdf

    def spy(html: str, path: Path, **kwargs: Any) -> None:
        pdf_html.append(html)
        real_write_pdf(html, path, **kwargs)

    installed = i18n.install(qapp, "fa")
    supervisor.write_pdf = spy
    try:
        html = window.export_report("html", tmp_path / "ann.html").read_text(encoding="utf-8")
        pdf = window.export_report("pdf", tmp_path / "ann.pdf")
        csv_path = window.export_report("csv", tmp_path / "ann.csv")
    finally:
        supervisor.write_pdf = real_write_pdf
        i18n.uninstall(qapp, installed)
    assert window.recorded_errors == []
    assert "<h2>بهترین امتیاز در هر سناریو</h2>" in html
    assert "حفظ چارچوب و ساختار" in html  # built-in competency label in Persian
    assert '<html lang="fa" dir="rtl">' in html and '<body dir="rtl">' in html
    # The PDF gets the same report with table columns in visual (right-to-left) order.
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    last_header = "تصمیم</th></tr></thead>"  # "Decision", the first column, is drawn rightmost
    assert last_header in pdf_html[0] and last_header not in html
    answers = csv_path.read_text(encoding="utf-8-sig")  # machine-readable: stays English
    assert answers.startswith("attempt_uid,trainee_id,") and not any(
        "\u0600" <= ch <= "\u06ff" for ch in answers
    )
    # Back in English, the next report is English again.
    english = window.export_report("html", tmp_path / "ann-en.html").read_text(encoding="utf-8")
    assert "<h2>Best score per scenario</h2>" in english and 'dir="rtl"' not in english


def test_xapi_home_page_is_asked_once_validated_and_used(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings().remove(window.XAPI_HOME_PAGE_KEY)
    answers = iter(["course.example.org", "https://course.example.org/balint"])
    asked: list[tuple[str, str]] = []

    def ask(parent, current, problem):  # type: ignore[no-untyped-def]
        asked.append((current, problem))
        return next(answers)

    monkeypatch.setattr(type(window), "ask_home_page", staticmethod(ask))
    assert window.xapi_home_page(interactive=True) == "https://course.example.org/balint"
    assert asked[0] == ("", "") and asked[1][0] == "course.example.org" and "https://" in asked[1][1]
    assert window.xapi_home_page(interactive=True) == "https://course.example.org/balint"
    assert len(asked) == 2  # stored: not asked again

    xapi_path = window.export_report("xapi", tmp_path / "ann.json")
    statements = json.loads(xapi_path.read_text(encoding="utf-8"))
    assert {s["actor"]["account"]["homePage"] for s in statements} == {"https://course.example.org/balint"}
    QSettings().remove(window.XAPI_HOME_PAGE_KEY)


def test_cancelling_the_home_page_exports_nothing(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QSettings().remove(window.XAPI_HOME_PAGE_KEY)
    monkeypatch.setattr(type(window), "ask_home_page", staticmethod(lambda parent, current, problem: None))
    assert window.export_report("xapi") is None
    assert window.export_cohort("xapi") is None
    assert QSettings().value(window.XAPI_HOME_PAGE_KEY) in (None, "")


def test_item_table_and_export_carry_item_rest_and_scenario_alpha(window, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core.psychometrics import cronbach_alpha, item_rest_correlations

    svc, _ids = seeded
    [reliability] = svc.review.reliability()
    # Finished, complete attempts: Ann's two and Bob's (Cy's is unfinished).
    assert reliability.attempts == 3
    window.tabs.setCurrentIndex(2)
    settle(window)
    proxy = window.items_tab.item_proxy
    decision, rest, alpha = (_column(window, name) for name in ("Decision", "Item–rest r", "Scenario α"))
    shown = {proxy.index(r, decision).data(): proxy.index(r, rest).data() for r in range(proxy.rowCount())}
    complete = _complete_rows(svc, reliability.decisions)
    expected_rest = dict(zip(reliability.decisions, item_rest_correlations(complete), strict=True))
    for name, value in expected_rest.items():
        assert shown[name] == ("" if value is None else f"{value:.2f} *")
    alpha_value = cronbach_alpha(complete)
    assert {proxy.index(r, alpha).data() for r in range(proxy.rowCount())} == {
        "" if alpha_value is None else f"{alpha_value:.2f} *"
    }
    path = window.export_item_analysis(tmp_path / "items.csv")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {"wrong_option_text", "item_rest", "scenario_alpha", "alpha_attempts"} <= set(rows[0])
    first = next(r for r in rows if r["decision"] == "first")
    assert first["wrong_option_text"] in ("Talk.", "Lecture.")
    assert first["alpha_attempts"] == "3"


def _complete_rows(svc, decisions):  # type: ignore[no-untyped-def]
    rows = []
    for attempt in svc.practice.attempts(finished=True):
        credits = {a.decision_id: a.credit for a in attempt.answers}
        if all(d in credits for d in decisions):
            rows.append([credits[d] for d in decisions])
    return rows


def test_progress_tab_shows_calibration_and_review_the_panel_relative_score(window, seeded, qtbot) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core.scoring import credit

    svc, ids = seeded
    scenario = ids["version"].load()
    started = svc.practice.start_attempt(ids["bob"].id, ids["version"].id, "practice")
    for decision, option, sure in (("first", "a", 3), ("second", "x", 1)):
        svc.practice.record_answer(
            started.id, decision, option, credit=credit(scenario.decision(decision), option), confidence=sure
        )
    svc.practice.finish_attempt(started.id)
    _select_trainee(window, ids["bob"].id)
    window.tabs.setCurrentWidget(window.progress_tab)
    settle(window)
    text = window.progress_tab.calibration_box.text.text()
    assert "Sure: mean credit 1.00 (1 answers)" in text and "Unsure: mean credit 1.00 (1 answers)" in text
    assert window.progress_tab.calibration_box.chart is not None
    window.tabs.setCurrentIndex(0)
    settle(window)
    assert window.select_attempt(started.id)
    settle(window)
    summary = window.attempts_tab.attempt_summary.text()
    assert "more than a typical panel member's" in summary  # 100 vs panel 50 (SD 40.8): z = 1.22
    assert "Confidence against credit:" in summary


def test_progress_tab_shows_spaced_review_answers_as_a_second_series(window, seeded, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Attempt: first=a sure (1). Review: first=b sure (1/3), second=x unsure (1)."""
    from balint_trainer.core.scoring import credit
    from balint_trainer.services.review_cards import CardReviews

    svc, ids = seeded
    scenario = ids["version"].load()
    started = svc.practice.start_attempt(ids["bob"].id, ids["version"].id, "practice")
    svc.practice.record_answer(started.id, "first", "a", credit=credit(scenario.decision("first"), "a"), confidence=3)
    svc.practice.finish_attempt(started.id)
    reviews = CardReviews(svc)
    reviews.answer_review(ids["bob"].id, scenario, "first", "b", confidence=3)
    reviews.answer_review(ids["bob"].id, scenario, "second", "x", confidence=1)
    _select_trainee(window, ids["bob"].id)
    window.tabs.setCurrentWidget(window.progress_tab)
    settle(window)
    attempts, review = window.progress_tab.calibration_box.text.text().split("Spaced review")
    assert "Scenario attempts:" in attempts and "Sure: mean credit 1.00 (1 answers)" in attempts
    assert "Sure: mean credit 0.33 (1 answers)" in review and "Unsure: mean credit 1.00 (1 answers)" in review
    assert window.progress_tab.calibration_box.chart.getPlotItem().legend is not None
