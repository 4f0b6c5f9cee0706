"""``ReviewService.item_analysis`` (SQL) against the pure-Python reference, on SQLite and PostgreSQL.

Random cohorts built to hit the conventions' corners: unfinished attempts (total from the mean
credit, thirds included), tied totals (broken by attempt id), answer ids out of attempt order,
scenarios with one attempt or with no spread, attempts that skip items, an attempt without answers,
two versions of one scenario that credit the same option differently, and attempt counts whose
0.27 × N rounds on a half (50, 150).
"""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime
from uuid import UUID

import pytest
from sqlalchemy import insert

from balint_trainer.core.analytics import ItemStats, group_size, item_analysis
from balint_trainer.services import TrainerService
from balint_trainer.services.item_analysis import GROUP_SIZE_SQL
from balint_trainer.storage import models as m
from tests.test_rls import course  # noqa: F401  (fixture: a PostgreSQL course with row-level security)

CREDIT_VALUES = (0.0, 1 / 3, 0.5, 2 / 3, 1.0)
DECISIONS = ("d1", "d2", "d3", "d4")
OPTIONS = ("a", "b", "c", "d")


def assert_same(sql: list[ItemStats], reference: list[ItemStats]) -> None:
    assert [(s.scenario_id, s.decision_id) for s in sql] == [
        (r.scenario_id, r.decision_id) for r in reference
    ]
    for got, want in zip(sql, reference, strict=True):
        where = (want.scenario_id, want.decision_id)
        assert (got.n, got.upper_n, got.lower_n, got.attempts, got.wrong_option) == (
            want.n,
            want.upper_n,
            want.lower_n,
            want.attempts,
            want.wrong_option,
        ), where
        assert list(got.choices.items()) == list(want.choices.items()), where  # order too
        assert got.small_sample == want.small_sample
        for name in ("facility", "mean_credit", "discrimination", "wrong_share"):
            value, expected = getattr(got, name), getattr(want, name)
            if expected is None:
                assert value is None, (where, name)
            else:
                assert value == pytest.approx(expected, rel=1e-12, abs=1e-12), (where, name)


def build_cohort(service: TrainerService, rng: random.Random) -> None:
    profiles = [
        service.accounts.create_profile(f"t{k}", "trainee", cohort=("north", "south", None)[k % 3]).id
        for k in range(12)
    ]
    # scenario id -> attempts; "s-flat" has no spread (all full credit, total 100), "s-one" one attempt.
    plan = {"s-a": rng.choice((50, 150)), "s-b": rng.randint(2, 40), "s-flat": 6, "s-one": 1}
    with service.db.engine.begin() as connection:  # test data: bulk, as a migrated bundle would arrive
        version_ids: dict[str, list[int]] = {}
        credit_tables: dict[int, dict[str, dict[str, float]]] = {}
        next_version = 1
        for scenario_id in plan:
            for copy in range(2 if scenario_id == "s-a" else 1):
                connection.execute(
                    insert(m.ScenarioVersion),
                    [
                        {
                            "id": next_version,
                            "scenario_id": scenario_id,
                            # The database checks that a version's text hashes to its sha256.
                            "sha256": hashlib.sha256(f"# copy {copy}\n".encode()).hexdigest(),
                            "title": "t",
                            "text": f"# copy {copy}\n",
                        }
                    ],
                )
                version_ids.setdefault(scenario_id, []).append(next_version)
                credit_tables[next_version] = {
                    d: {o: rng.choice(CREDIT_VALUES) for o in OPTIONS} | {"a": 1.0} for d in DECISIONS
                }
                next_version += 1

        attempts: list[dict[str, object]] = []
        answers: list[dict[str, object]] = []
        ids = rng.sample(range(1, 10 * sum(plan.values()) + 10), sum(plan.values()) + 1)
        for scenario_id, count in plan.items():
            for _ in range(count):
                attempt_id = ids.pop()
                version_id = rng.choice(version_ids[scenario_id])
                finished = rng.random() < 0.6
                total = None
                if finished:
                    total = 100.0 if scenario_id == "s-flat" else float(rng.choice((20, 40, 40, 60, 80, 100)))
                attempts.append(
                    {
                        "id": attempt_id,
                        "uid": str(UUID(int=rng.getrandbits(128), version=4)),
                        "profile_id": rng.choice(profiles),
                        "version_id": version_id,
                        "mode": "practice",
                        "total": total,
                    }
                )
                chosen = [d for d in DECISIONS if rng.random() < 0.8] or ["d1"]
                for decision in chosen:
                    option = "a" if scenario_id == "s-flat" else rng.choice(OPTIONS)
                    answers.append(
                        {
                            "attempt_id": attempt_id,
                            "decision_id": decision,
                            "option_id": option,
                            "competency": "c",
                            "credit": credit_tables[version_id][decision][option],
                        }
                    )
        # an attempt without answers must not count
        attempts.append(
            {
                "id": ids.pop(),
                "uid": str(UUID(int=1)),
                "profile_id": profiles[0],
                "version_id": 1,
                "mode": "exam",
                "total": 90.0,
            }
        )
        rng.shuffle(answers)  # answer ids out of attempt order
        stamp = datetime(2026, 1, 1, tzinfo=UTC)
        connection.execute(insert(m.Attempt), [a | {"started_at": stamp} for a in attempts])
        connection.execute(insert(m.AnswerRow), [a | {"answered_at": stamp} for a in answers])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sql_item_analysis_matches_the_reference(service: TrainerService, seed: int) -> None:
    build_cohort(service, random.Random(seed))
    for scenario_id, cohort in [
        (None, None),
        ("s-a", None),
        (None, "north"),
        ("s-b", "south"),
        ("nothing", None),
    ]:
        rows = service.review.answer_rows(scenario_id, cohort)
        assert_same(service.review.item_analysis(scenario_id, cohort), item_analysis(rows))
        finished = [row for row in rows if row.attempt_total is not None]
        assert_same(service.review.item_analysis(scenario_id, cohort, finished_only=True), item_analysis(finished))
    everything = service.review.item_analysis()
    assert {s.scenario_id for s in everything} == {"s-a", "s-b", "s-flat", "s-one"}
    assert all(s.discrimination is None for s in everything if s.scenario_id in ("s-flat", "s-one"))
    assert any(s.discrimination is not None for s in everything if s.scenario_id == "s-a")


def test_empty_database(service: TrainerService) -> None:
    assert service.review.item_analysis() == []


def test_group_size_in_sql_rounds_like_python(service: TrainerService) -> None:
    """Python rounds 0.27 × N half to even on the double; the SQL must pick the same k for every N."""
    from sqlalchemy import text

    query = text(
        "WITH RECURSIVE ns(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM ns WHERE n < 3000) "
        f"SELECT n, {GROUP_SIZE_SQL} FROM ns"
    )
    with service.db.engine.connect() as connection:
        sizes = dict(connection.execute(query).all())
    assert {n: group_size(n) for n in range(3001)} == sizes


@pytest.mark.postgres
def test_row_level_security_applies_as_for_answer_rows(course) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A supervisor's analysis covers their cohort only, exactly like the rows they may read."""
    from balint_trainer.services import open_service

    assert [s.n for s in course.admin.review.item_analysis()] == [2]  # alice's and bob's first answers
    with open_service(course.url_as("sue")) as sue:
        stats = sue.review.item_analysis()
        assert_same(stats, item_analysis(sue.review.answer_rows()))
        assert [(s.decision_id, s.n, s.attempts) for s in stats] == [("first", 1, 1)]
        assert sue.review.item_analysis(cohort="C2") == []
