"""Item analysis over plain answer rows (no Qt, no database)."""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from balint_trainer.core.analytics import (
    AnswerRow,
    competency_series,
    group_size,
    item_analysis,
    item_record,
)

# credit per option for two decisions of scenario "s": d1 modal a; d2 modal x (y half credit)
CREDITS = {"d1": {"a": 1.0, "b": 1 / 3, "c": 0.0}, "d2": {"x": 1.0, "y": 0.5, "z": 0.0}}


def make_rows(choices: dict[int, dict[str, str]], scenario: str = "s") -> list[AnswerRow]:
    """Rows for attempts ``{attempt: {decision: option}}``; the total is 100 × mean credit."""
    rows = []
    for attempt, answers in choices.items():
        credits = {d: CREDITS[d][o] for d, o in answers.items()}
        total = 100 * sum(credits.values()) / len(credits)
        for decision, option in answers.items():
            rows.append(
                AnswerRow(attempt, attempt * 10, scenario, decision, option, credits[decision], total)
            )
    return rows


def by_item(rows):
    return {(s.scenario_id, s.decision_id): s for s in item_analysis(rows)}


def test_facility_mean_choices_and_wrong_option() -> None:
    rows = make_rows(
        {
            1: {"d1": "a", "d2": "x"},
            2: {"d1": "a", "d2": "y"},
            3: {"d1": "b", "d2": "y"},
            4: {"d1": "c", "d2": "z"},
        }
    )
    d1 = by_item(rows)[("s", "d1")]
    assert d1.n == 4
    assert d1.facility == pytest.approx(0.5)
    assert d1.mean_credit == pytest.approx((1 + 1 + 1 / 3 + 0) / 4)
    assert d1.choices == {"a": 2, "b": 1, "c": 1}
    assert d1.choice_shares()["a"] == pytest.approx(0.5)
    # b and c tie with one answer each: the first seen wins
    assert d1.wrong_option == "b"
    assert d1.wrong_share == pytest.approx(0.25)
    d2 = by_item(rows)[("s", "d2")]
    assert d2.wrong_option == "y"
    assert d2.wrong_share == pytest.approx(0.5)
    assert d2.facility == pytest.approx(0.25)


def test_no_wrong_option_when_everyone_is_right() -> None:
    stats = by_item(make_rows({1: {"d1": "a"}, 2: {"d1": "a"}}))[("s", "d1")]
    assert stats.wrong_option is None
    assert stats.wrong_share is None
    assert stats.facility == 1.0


def test_group_size_convention() -> None:
    assert [group_size(n) for n in (0, 1, 2, 3, 4, 5, 10, 100)] == [0, 0, 1, 1, 1, 1, 3, 27]


def test_discrimination_upper_minus_lower() -> None:
    # 10 attempts -> groups of 3. Totals rank attempts; d1 credit follows the total.
    plan = {
        1: {"d1": "c", "d2": "z"},
        2: {"d1": "c", "d2": "y"},
        3: {"d1": "b", "d2": "z"},
        4: {"d1": "b", "d2": "y"},
        5: {"d1": "a", "d2": "z"},
        6: {"d1": "b", "d2": "x"},
        7: {"d1": "a", "d2": "y"},
        8: {"d1": "a", "d2": "x"},
        9: {"d1": "a", "d2": "x"},
        10: {"d1": "a", "d2": "x"},
    }
    rows = make_rows(plan)
    stats = by_item(rows)[("s", "d1")]
    totals = {a: next(r.attempt_total for r in rows if r.attempt_id == a) for a in plan}
    ranked = sorted(plan, key=lambda a: (totals[a], a))
    lower, upper = ranked[:3], ranked[-3:]
    expected = (
        sum(CREDITS["d1"][plan[a]["d1"]] for a in upper) / 3
        - sum(CREDITS["d1"][plan[a]["d1"]] for a in lower) / 3
    )
    assert stats.discrimination == pytest.approx(expected)
    assert stats.discrimination > 0.5
    assert (stats.upper_n, stats.lower_n, stats.attempts) == (3, 3, 10)
    assert stats.small_sample


def test_discrimination_undefined_for_tiny_or_flat_cohorts() -> None:
    assert by_item(make_rows({1: {"d1": "a"}}))[("s", "d1")].discrimination is None
    flat = make_rows({1: {"d1": "a"}, 2: {"d1": "a"}, 3: {"d1": "a"}})
    assert by_item(flat)[("s", "d1")].discrimination is None
    two = by_item(make_rows({1: {"d1": "a"}, 2: {"d1": "c"}}))[("s", "d1")]
    assert two.discrimination == pytest.approx(1.0)


def test_missing_totals_fall_back_to_mean_credit_and_unanswered_items_are_skipped() -> None:
    rows = [
        AnswerRow(1, 1, "s", "d1", "a", 1.0, None),
        AnswerRow(1, 1, "s", "d2", "x", 1.0, None),
        AnswerRow(2, 2, "s", "d1", "c", 0.0, None),  # unfinished: never answered d2
        AnswerRow(3, 3, "s", "d1", "b", 1 / 3, None),
        AnswerRow(3, 3, "s", "d2", "z", 0.0, None),
    ]
    stats = by_item(rows)
    # totals 100, 0, 16.7 -> upper {1}, lower {2}
    assert stats[("s", "d1")].discrimination == pytest.approx(1.0)
    # attempt 2 (lower group) never answered d2: no lower mean, no index
    assert stats[("s", "d2")].discrimination is None
    assert stats[("s", "d2")].upper_n == 1
    assert stats[("s", "d2")].lower_n == 0


def test_scenarios_are_ranked_separately() -> None:
    rows = make_rows({1: {"d1": "a"}, 2: {"d1": "c"}}, scenario="s") + make_rows(
        {3: {"d1": "c"}, 4: {"d1": "b"}}, scenario="t"
    )
    stats = by_item(rows)
    assert stats[("s", "d1")].attempts == 2
    assert stats[("t", "d1")].attempts == 2
    assert stats[("t", "d1")].discrimination == pytest.approx(1 / 3)


def test_item_record_is_flat() -> None:
    record = item_record(by_item(make_rows({1: {"d1": "a"}, 2: {"d1": "b"}}))[("s", "d1")])
    assert record["choices"] == "a=1;b=1"
    assert record["answers"] == 2
    assert all(isinstance(v, str | int | float | type(None)) for v in record.values())


def test_empty_input() -> None:
    assert item_analysis([]) == []


def test_accepts_duck_typed_rows() -> None:
    row = SimpleNamespace(
        attempt_id=1,
        profile_id=1,
        scenario_id="s",
        decision_id="d",
        option_id="o",
        credit=1.0,
        attempt_total=100.0,
    )
    assert item_analysis([row])[0].facility == 1.0


def test_competency_series_in_time_order() -> None:
    t0 = datetime(2026, 1, 1)
    points = [
        SimpleNamespace(finished_at=t0 + timedelta(days=2), competencies={"a": 0.5}),
        SimpleNamespace(finished_at=t0, competencies={"a": 0.25, "b": 1.0}),
        SimpleNamespace(finished_at=None, competencies={"a": 0.0}),
    ]
    series = competency_series(points)
    assert series["a"] == [(t0, 0.25), (t0 + timedelta(days=2), 0.5)]
    assert series["b"] == [(t0, 1.0)]


def test_hundred_thousand_answers_well_under_a_second() -> None:
    rng = random.Random(7)
    rows = []
    attempt = 0
    for scenario in range(5):
        for _ in range(2000):  # 2000 attempts × 10 decisions × 5 scenarios = 100 000 answers
            attempt += 1
            credits = [rng.choice((1.0, 0.5, 0.0)) for _ in range(10)]
            total = 100 * sum(credits) / 10
            for d, c in enumerate(credits):
                option = {1.0: "a", 0.5: "b", 0.0: rng.choice("cd")}[c]
                rows.append(AnswerRow(attempt, attempt % 300, f"s{scenario}", f"d{d}", option, c, total))
    assert len(rows) == 100_000
    start = time.perf_counter()
    stats = item_analysis(rows)
    elapsed = time.perf_counter() - start
    assert len(stats) == 50
    assert sum(s.n for s in stats) == 100_000
    assert all(s.discrimination is not None and s.discrimination > 0 for s in stats)
    assert elapsed < 1.0, f"item analysis took {elapsed:.2f}s"


def test_service_answer_rows_feed_item_analysis(service, minimal_version) -> None:  # type: ignore[no-untyped-def]
    """``ReviewService.answer_rows`` (one flat query) on SQLite and PostgreSQL, with filters."""
    from balint_trainer.core.scoring import credit

    scenario = minimal_version.load()
    plan = {
        "ann": ("north", {"first": "a", "second": "x"}),
        "bob": ("north", {"first": "b"}),
        "cy": ("south", {"first": "c", "second": "y"}),
    }
    attempt_ids = {}
    for name, (cohort, answers) in plan.items():
        profile = service.accounts.create_profile(name, "trainee", cohort=cohort)
        attempt = service.practice.start_attempt(profile.id, minimal_version.id, "practice")
        for decision, option in answers.items():
            service.practice.record_answer(
                attempt.id, decision, option, credit=credit(scenario.decision(decision), option)
            )
        if name != "bob":
            service.practice.finish_attempt(attempt.id)
        attempt_ids[name] = attempt.id

    rows = service.review.answer_rows()
    assert len(rows) == 5
    first_of_ann = next(r for r in rows if r.attempt_id == attempt_ids["ann"] and r.decision_id == "first")
    assert first_of_ann.scenario_id == "minimal-test"
    assert first_of_ann.option_id == "a" and first_of_ann.credit == 1.0
    assert first_of_ann.attempt_total == pytest.approx(100.0)
    assert next(r for r in rows if r.attempt_id == attempt_ids["bob"]).attempt_total is None  # unfinished

    assert {r.attempt_id for r in service.review.answer_rows(cohort="north")} == {
        attempt_ids["ann"],
        attempt_ids["bob"],
    }
    assert service.review.answer_rows(scenario_id="no-such-scenario") == []
    assert len(service.review.answer_rows(scenario_id="minimal-test", cohort="south")) == 2

    stats = by_item(rows)
    assert stats[("minimal-test", "first")].n == 3
    assert stats[("minimal-test", "first")].facility == pytest.approx(1 / 3)
    assert stats[("minimal-test", "first")].wrong_option == "b"
    assert stats[("minimal-test", "second")].facility == 1.0  # split panel: x and y are both modal
