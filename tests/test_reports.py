"""Report data and writers (no Qt, no database: an in-memory stand-in with the service's API)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from balint_trainer.core.validation import load_scenario_file
from balint_trainer.reports import (
    ANSWER_COLUMNS,
    review_attempt,
    trainee_report,
    trainee_report_html,
    write_answers_csv,
    write_item_analysis_csv,
    write_xapi_json,
    xapi_statements,
)
from balint_trainer.reports.data import format_seconds
from balint_trainer.reports.tabular import answers_csv_text
from balint_trainer.services.dto import Answer, Attempt, Comment, Profile, ScenarioVersion

MINIMAL = Path(__file__).parent / "data" / "valid" / "minimal.yaml"
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
HOSTILE = '<script>alert("x")</script> & Ö\'Brien'
TRAINEE_UID = "0f0e0d0c-0b0a-4908-8706-050403020100"


class FakeService:
    """Just the read methods the reports use, over frozen service DTOs."""

    def __init__(self) -> None:
        loaded = load_scenario_file(MINIMAL)
        assert loaded.ok and loaded.text is not None
        self.version = ScenarioVersion(
            1, "minimal-test", loaded.sha256, "Minimal test scenario", loaded.text, T0
        )
        self.profiles = {
            1: Profile(1, HOSTILE, "trainee", "=cohort", uid=TRAINEE_UID),
            2: Profile(2, "Supervisor Sue", "supervisor", None, uid=str(uuid.UUID(int=2))),
        }
        self.attempt_list = [
            Attempt(
                10,
                str(uuid.UUID(int=10)),
                1,
                "minimal-test",
                1,
                loaded.sha256,
                "practice",
                T0,
                T0 + timedelta(minutes=5),
                75.0,
                (
                    Answer(
                        "first",
                        "b",
                        'I\'d say "hm", then wait,\nquietly',
                        12.5,
                        1 / 3,
                        T0 + timedelta(minutes=1),
                        "frame-and-structure",
                    ),
                    Answer(
                        "second", "x", "=SUM(A1:A9)", 80.0, 1.0, T0 + timedelta(minutes=3), "invite-feelings"
                    ),
                ),
            ),
            Attempt(
                11,
                str(uuid.UUID(int=11)),
                1,
                "minimal-test",
                1,
                loaded.sha256,
                "exam",
                T0 + timedelta(days=1),
                None,
                None,
                (
                    Answer(
                        "first",
                        "a",
                        None,
                        None,
                        1.0,
                        T0 + timedelta(days=1, minutes=1),
                        "frame-and-structure",
                    ),
                ),
            ),
        ]
        self.comment_list = [
            Comment(
                1, 10, "first", 2, "Supervisor Sue", "Try <b>waiting</b> longer", T0 + timedelta(hours=1)
            ),
            Comment(2, 10, None, 2, "Supervisor Sue", "Good work overall", T0 + timedelta(hours=1)),
        ]

    @property
    def accounts(self):  # type: ignore[no-untyped-def]
        return self  # one object plays every role the reports read from

    practice = review = scenarios = accounts

    def profile(self, profile_id: int) -> Profile:
        return self.profiles[profile_id]

    def attempts(self, *, profile_id=None, scenario_id=None, finished=None):
        return [
            a
            for a in self.attempt_list
            if (profile_id is None or a.profile_id == profile_id)
            and (finished is None or (a.finished_at is not None) == finished)
        ]

    def attempt(self, attempt_id: int) -> Attempt:
        return next(a for a in self.attempt_list if a.id == attempt_id)

    def comments(self, attempt_id: int):
        return [c for c in self.comment_list if c.attempt_id == attempt_id]

    def scenario_version(self, version_id: int) -> ScenarioVersion:
        assert version_id == 1
        return self.version


@pytest.fixture
def service() -> FakeService:
    return FakeService()


@pytest.fixture
def report(service: FakeService):
    return trainee_report(service, 1)


def test_review_joins_choice_with_panel(service: FakeService) -> None:
    review = review_attempt(service, 10)
    first, second = review.decisions
    assert (first.decision_id, first.chosen, first.modal, first.experts) == ("first", "b", ("a",), 4)
    assert first.chosen_text == "Talk."
    assert first.chosen_votes == 1
    assert not first.matches_panel
    assert first.competency_label.startswith("Holding the frame")
    assert [c.text for c in first.comments] == ["Try <b>waiting</b> longer"]
    assert [c.text for c in review.general_comments] == ["Good work overall"]
    # split panel: both options are modal, both get full credit
    assert second.modal == ("x", "y") and second.matches_panel
    assert review.competencies == {"frame-and-structure": pytest.approx(1 / 3), "invite-feelings": 1.0}
    assert review.total_seconds == pytest.approx(92.5)


def test_unfinished_attempt_lists_unanswered_decisions(service: FakeService) -> None:
    review = review_attempt(service, 11)
    assert [d.answered for d in review.decisions] == [True, False]
    assert len(review.answered) == 1


def test_unreadable_version_keeps_the_answers(service: FakeService) -> None:
    service.version = replace(service.version, text="format: [broken")
    review = review_attempt(service, 10)
    assert review.load_problem and "cannot be read" in review.load_problem
    assert [d.chosen for d in review.decisions] == ["b", "x"]
    assert review.decisions[0].competency == "frame-and-structure"


def test_trainee_report_summary(report) -> None:
    assert len(report.attempts) == 2
    assert len(report.finished) == 1
    assert report.mean_total == 75.0
    assert report.best_totals == {"minimal-test": 75.0}
    rows = {row.id: row for row in report.competencies}
    assert rows["frame-and-structure"].answers == 2
    assert rows["frame-and-structure"].mean == pytest.approx((1 / 3 + 1) / 2)
    assert rows["frame-and-structure"].latest == pytest.approx(1 / 3)  # only attempt 10 is finished


def test_answers_csv_round_trip(report, tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    assert write_answers_csv([report], path) == 3
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert tuple(rows[0]) == ANSWER_COLUMNS
    first = rows[0]
    assert first["trainee"] == HOSTILE
    assert first["cohort"] == "'=cohort"  # formula neutralised
    assert first["own_words"] == 'I\'d say "hm", then wait,\nquietly'  # quotes, comma, newline survive
    assert (first["decision"], first["competency"], first["chosen_option"]) == (
        "first",
        "frame-and-structure",
        "b",
    )
    assert first["panel_options"] == "a"
    assert float(first["credit"]) == pytest.approx(1 / 3)
    assert float(first["seconds"]) == 12.5
    assert datetime.fromisoformat(first["answered_at"]) == T0 + timedelta(minutes=1)
    assert len(first["version_sha256"]) == 64
    assert rows[1]["own_words"] == "'=SUM(A1:A9)"
    assert rows[2]["seconds"] == ""
    assert rows[2]["attempt_uid"] == str(uuid.UUID(int=11))


def test_answers_csv_without_formula_guard_is_faithful(report) -> None:
    rows = list(csv.DictReader(io.StringIO(answers_csv_text([report], formula_guard=False))))
    assert rows[1]["own_words"] == "=SUM(A1:A9)"
    assert rows[0]["cohort"] == "=cohort"


def test_item_analysis_csv(tmp_path: Path) -> None:
    from balint_trainer.core.analytics import AnswerRow, item_analysis

    stats = item_analysis(
        [AnswerRow(1, 1, "s", "d", "a", 1.0, 100.0), AnswerRow(2, 2, "s", "d", "b", 0.0, 0.0)]
    )
    path = tmp_path / "items.csv"
    assert write_item_analysis_csv(stats, path) == 1
    with path.open(encoding="utf-8-sig", newline="") as stream:
        (row,) = csv.DictReader(stream)
    assert row["facility"] == "0.5"
    assert row["discrimination"] == "1.0"
    assert row["wrong_option"] == "b"


ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _assert_statement_shape(statement: dict) -> None:
    assert set(statement) >= {"id", "actor", "verb", "object", "result", "context", "timestamp"}
    uuid.UUID(statement["id"])
    assert statement["version"] == "1.0.3"
    actor = statement["actor"]
    assert actor["objectType"] == "Agent"
    # exactly one inverse functional identifier
    assert sum(k in actor for k in ("mbox", "mbox_sha1sum", "openid", "account")) == 1
    assert set(actor["account"]) == {"homePage", "name"}
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered"
    obj = statement["object"]
    assert obj["objectType"] == "Activity"
    assert re.match(r"^[a-z][a-z0-9+.-]*:", obj["id"])  # an IRI with a scheme
    definition = obj["definition"]
    assert definition["type"] == "http://adlnet.gov/expapi/activities/cmi.interaction"
    assert definition["interactionType"] == "choice"
    choice_ids = [c["id"] for c in definition["choices"]]
    assert all(isinstance(c["description"], dict) for c in definition["choices"])
    assert definition["correctResponsesPattern"]
    assert set(definition["correctResponsesPattern"]) <= set(choice_ids)
    result = statement["result"]
    assert result["response"] in choice_ids
    assert 0.0 <= result["score"]["scaled"] <= 1.0
    if "duration" in result:
        assert re.match(r"^PT\d+(\.\d+)?S$", result["duration"])
    uuid.UUID(statement["context"]["registration"])
    assert ISO_8601.match(statement["timestamp"])


def test_xapi_statements_structure(report) -> None:
    everything = xapi_statements([report], home_page="https://course.example.org/")
    statements = [s for s in everything if s["verb"]["id"].endswith("/answered")]
    assert len(statements) == 3
    for statement in statements:
        _assert_statement_shape(statement)
    first = statements[0]
    # identified by the profile uid only (stable over renames: no name that could change)
    assert first["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": "https://course.example.org/", "name": TRAINEE_UID},
    }
    assert HOSTILE not in json.dumps(everything, ensure_ascii=False)
    # the finished attempt: "completed" and "passed" (75/100 against the default mastery of 70)
    attempt_level = [s for s in everything if s not in statements]
    assert [s["verb"]["id"].rsplit("/", 1)[1] for s in attempt_level] == ["completed", "passed"]
    for statement in attempt_level:
        assert statement["object"]["id"] == "https://course.example.org/scenarios/minimal-test"
        assert statement["result"]["score"]["scaled"] == pytest.approx(0.75)
        assert statement["result"]["completion"] is True
        assert re.match(r"^PT\d+(\.\d+)?S$", statement["result"]["duration"])
    assert attempt_level[1]["result"]["success"] is True
    failed = xapi_statements([report], home_page="https://course.example.org/", mastery=80)
    outcome = next(s for s in failed if s["id"] == attempt_level[1]["id"])
    assert outcome["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed"
    assert outcome["result"]["success"] is False
    assert first["object"]["id"] == "https://course.example.org/scenarios/minimal-test/decisions/first"
    assert first["object"]["definition"]["correctResponsesPattern"] == ["a"]
    assert [c["id"] for c in first["object"]["definition"]["choices"]] == ["a", "b", "c"]
    assert first["result"]["response"] == "b"
    assert first["result"]["score"]["scaled"] == pytest.approx(1 / 3)
    assert first["result"]["success"] is False
    assert first["result"]["duration"] == "PT12.50S"
    assert first["context"]["registration"] == str(uuid.UUID(int=10))
    assert first["timestamp"] == "2026-03-01T09:31:00.000Z"
    # split panel: either modal option is a correct response
    assert statements[1]["object"]["definition"]["correctResponsesPattern"] == ["x", "y"]
    assert statements[1]["result"]["success"] is True
    assert "duration" not in statements[2]["result"]
    # the same answer always gets the same statement id (an LRS then ignores a re-export)
    again = xapi_statements([report], home_page="https://course.example.org/")
    assert again == everything
    assert len({s["id"] for s in everything}) == 5


def test_xapi_json_file(report, tmp_path: Path) -> None:
    path = tmp_path / "statements.json"
    assert write_xapi_json([report], path) == 5  # 3 answers, "completed" and "passed"
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, list) and len(loaded) == 5
    assert loaded[0]["actor"]["account"]["name"] == TRAINEE_UID


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


def test_html_report_escapes_hostile_text(report) -> None:
    html = trainee_report_html(report)
    assert "<script>" not in html
    assert "<b>waiting</b>" not in html  # a comment's markup is shown, not obeyed
    parser = _TextCollector()
    parser.feed(html)
    text = "".join(parser.text)
    assert "script" not in parser.tags
    assert HOSTILE in text  # ...but the name reads exactly as typed
    assert "Try <b>waiting</b> longer" in text
    assert "Good work overall" in text
    assert 'I\'d say "hm", then wait,' in text


def test_html_report_content(report) -> None:
    html = trainee_report_html(report)
    parser = _TextCollector()
    parser.feed(html)
    text = " ".join(parser.text)
    assert "2 (1 finished)" in text
    assert "Holding the frame and structure" in text
    assert "Talk." in text and "Wait." in text  # chosen option vs the panel's
    assert "1/4" in text and "3/4" in text and "Votes" in text
    assert "0.33" in text
    assert "0:12" in text  # time taken
    assert "not answered" in text
    assert "75/100" in text


def test_format_seconds() -> None:
    assert [format_seconds(s) for s in (None, 0, 59.6, 75.4, 3725)] == ["", "0:00", "1:00", "1:15", "1:02:05"]


@pytest.fixture
def marked_translator() -> Iterator[list[tuple[str, str]]]:
    """Installs a translator that marks every string it is asked for (placeholders intact)."""
    from balint_trainer.core.localise import set_translator

    asked: list[tuple[str, str]] = []

    def mark(context: str, text: str) -> str:
        asked.append((context, text))
        return f"«{text}»"

    previous = set_translator(mark)
    try:
        yield asked
    finally:
        set_translator(previous)  # the GUI's Qt translator when GUI tests share the process


def _thead(html: str, index: int = -1) -> list[str]:
    """Header cells of the index-th decision table (its header names the Decision column)."""
    heads = [h for h in re.findall(r"<thead><tr>(.*?)</tr></thead>", html) if ">Decision<" in h]
    return re.findall(r"<th[^>]*>(.*?)</th>", heads[index])


def test_html_report_uses_the_installed_translator(service: FakeService, marked_translator) -> None:
    html = trainee_report_html(trainee_report(service, 1))
    assert "<h2>«Best score per scenario»</h2>" in html
    assert "«Holding the frame and structure»" in html  # built-in competency labels, same hook
    assert "«Options as shown:»" in html and "«not answered»" in html
    assert "«shown 2 of 3»" in html  # placeholders filled after translation
    assert ("Report", "Trainee") in marked_translator
    assert {context for context, _text in marked_translator} == {"Report", "Competency", "AgainstPanel"}
    assert "«Minimal test scenario»" not in html and "Talk." in html  # scenario text is never translated


def test_html_report_is_english_without_a_translator(report) -> None:
    from balint_trainer.core.localise import set_translator

    previous = set_translator(None)  # as in the CLI or a script: nothing installed
    try:
        html = trainee_report_html(report)
    finally:
        set_translator(previous)
    assert "<h2>Best score per scenario</h2>" in html and "«" not in html
    assert '<html lang="en" dir="ltr">' in html and 'dir="rtl"' not in html


def test_exports_stay_english_with_a_translator(service: FakeService, marked_translator) -> None:
    report = trainee_report(service, 1)
    assert report.competencies[0].label.startswith("«")  # the screen gets the translated label...
    names = [
        s["context"]["contextActivities"]["category"][0]["definition"]["name"]["en"]
        for s in xapi_statements([report])
        if "contextActivities" in s["context"]  # attempt-level statements have none
    ]
    assert "Holding the frame and structure" in names and not any("«" in n for n in names)  # ...xAPI not
    assert "«" not in answers_csv_text([report])


def test_rtl_language_lays_the_report_out_right_to_left(report) -> None:
    html = trainee_report_html(report, language="fa")
    assert '<html lang="fa" dir="rtl">' in html and '<body dir="rtl">' in html
    assert html.count("<table") == html.count('<table dir="rtl"')
    # The English scenario's text keeps its own direction inside the right-to-left report.
    assert '<div dir="ltr">What now?</div>' in html
    # A browser mirrors tables itself: the HTML keeps the logical column order...
    assert _thead(html)[0] == "Decision"
    # ...QTextDocument (the PDF) does not, so it is given the columns in visual order.
    mirrored = trainee_report_html(report, language="fa", mirror_tables=True)
    assert _thead(mirrored) == _thead(html)[::-1]
    assert '<table dir="rtl" align="right"' in mirrored  # the narrow summary table sits on the right
    assert trainee_report_html(report, language="en", mirror_tables=True) == trainee_report_html(report)


def test_rtl_scenario_in_an_english_report(service: FakeService) -> None:
    text = service.version.text.replace(
        "format: balint-scenario/1\n", "format: balint-scenario/1\nlanguage: fa\n"
    )
    # A stored version is only read when its text matches its checksum.
    service.version = replace(service.version, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    report = trainee_report(service, 1)
    assert report.attempts[0].language == "fa"
    html = trainee_report_html(report)
    assert '<body dir="ltr">' in html
    assert '<div dir="rtl"><p>What now?</p></div>' in html  # render_markdown marks the scenario's text
    assert '<div dir="rtl">I&#x27;d say' in html  # own words: the group's language
    assert '<div dir="ltr">What now?' not in trainee_report_html(report, language="fa")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://course.example.org/balint", "https://course.example.org/balint"),
        ("  http://example.org  ", "http://example.org"),
    ],
)
def test_home_page_accepts_web_addresses(text: str, expected: str) -> None:
    from balint_trainer.reports.xapi import normalise_home_page

    assert normalise_home_page(text) == expected


@pytest.mark.parametrize(
    "text", ["", "example.org", "ftp://example.org", "https://", "https://a b.org", "mailto:x@y"]
)
def test_home_page_refuses_anything_else(text: str) -> None:
    from balint_trainer.reports.xapi import normalise_home_page

    with pytest.raises(ValueError):
        normalise_home_page(text)
