"""Attempts and answers: exact versions, committed answers, resuming, totals, progress."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from balint_trainer.core.scoring import DecisionScore, credit, score_answers, score_credits
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.services import AnswerExists, InvalidAnswer, NotFound, ServiceError
from balint_trainer.services.dto import ScenarioVersion
from balint_trainer.services.service import TrainerService
from tests.db_fixtures import MINIMAL, many_decisions_yaml


def _answer(svc: TrainerService, version: ScenarioVersion, attempt_id: int, decision: str, option: str, **kw):  # type: ignore[no-untyped-def]
    scenario = version.load()
    return svc.practice.record_answer(
        attempt_id, decision, option, credit=credit(scenario.decision(decision), option), **kw
    )


def test_attempt_records_its_exact_version_and_answers_in_order(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    assert attempt.version_id == minimal_version.id
    assert attempt.sha256 == minimal_version.sha256
    assert attempt.scenario_id == "minimal-test"
    assert len(attempt.uid) == 36 and attempt.uid.count("-") == 4
    assert attempt.finished_at is None and attempt.total is None and attempt.answers == ()
    assert attempt.started_at.tzinfo is not None

    second = _answer(
        service, minimal_version, attempt.id, "second", "y", own_words="How does that feel?", seconds=12.5
    )
    first = _answer(service, minimal_version, attempt.id, "first", "a", seconds=3)
    assert second.credit == 1.0 and first.credit == 1.0
    stored = service.practice.attempt(attempt.id)
    assert [a.decision_id for a in stored.answers] == ["second", "first"]  # as given
    assert stored.answers[0].own_words == "How does that feel?"
    assert stored.answers[0].seconds == 12.5
    assert stored.answers[0].competency == "invite-feelings"
    assert stored.answers[0].answered_at <= stored.answers[1].answered_at
    assert stored.answered() == {"second": "y", "first": "a"}


def test_total_equals_core_scoring_over_stored_credits(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "exam")
    _answer(service, minimal_version, attempt.id, "first", "b")
    partial = service.practice.attempt(attempt.id)
    assert partial.total == pytest.approx(100 / 3)
    _answer(service, minimal_version, attempt.id, "second", "x")
    finished = service.practice.finish_attempt(attempt.id)
    expected = score_credits(
        "minimal-test",
        [DecisionScore(a.decision_id, a.option_id, a.credit, a.competency) for a in finished.answers],
    )
    assert finished.total == expected.total
    assert finished.total == score_answers(minimal_version.load(), {"first": "b", "second": "x"}).total
    assert finished.total == pytest.approx(100 * (1 / 3 + 1) / 2)
    assert finished.finished_at is not None and finished.finished_at >= finished.started_at
    assert service.practice.finish_attempt(attempt.id) == finished  # finishing twice changes nothing
    assert service.practice.attempt(attempt.id).total == finished.total
    assert service.practice.best_scores(me.id) == {"minimal-test": finished.total}


def test_answers_are_final_and_checked_against_the_version(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    _answer(service, minimal_version, attempt.id, "first", "a")
    with pytest.raises(AnswerExists, match="'first' is already answered"):
        _answer(service, minimal_version, attempt.id, "first", "b")
    with pytest.raises(InvalidAnswer, match="no decision 'third'"):
        service.practice.record_answer(attempt.id, "third", "a", credit=1.0)
    with pytest.raises(InvalidAnswer, match="has no option 'z'"):
        service.practice.record_answer(attempt.id, "second", "z", credit=1.0)
    with pytest.raises(InvalidAnswer, match="does not match the expert key"):
        service.practice.record_answer(attempt.id, "second", "x", credit=0.5)
    with pytest.raises(InvalidAnswer, match="invalid time"):
        service.practice.record_answer(attempt.id, "second", "x", credit=1.0, seconds=-1)
    with pytest.raises(NotFound, match="no attempt with id 4242"):
        service.practice.record_answer(4242, "first", "a", credit=1.0)
    service.practice.finish_attempt(attempt.id)
    with pytest.raises(InvalidAnswer, match="is finished"):
        service.practice.record_answer(attempt.id, "second", "x", credit=1.0)
    assert service.practice.attempt(attempt.id).answered() == {"first": "a"}


def test_start_attempt_validates_its_arguments(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    with pytest.raises(ServiceError, match="unknown mode 'quiz'"):
        service.practice.start_attempt(me.id, minimal_version.id, "quiz")
    with pytest.raises(NotFound, match="no profile"):
        service.practice.start_attempt(999, minimal_version.id, "practice")
    with pytest.raises(NotFound, match="no scenario version"):
        service.practice.start_attempt(me.id, 999, "practice")
    assert service.practice.attempts() == []


def test_resumable_attempt_is_the_newest_unfinished_one_of_that_profile_and_scenario(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    other = service.accounts.create_profile("Other", "trainee")
    assert service.practice.resumable_attempt(me.id, "minimal-test") is None
    old = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    newer = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    service.practice.start_attempt(other.id, minimal_version.id, "practice")
    _answer(service, minimal_version, newer.id, "first", "c")
    resumable = service.practice.resumable_attempt(me.id, "minimal-test")
    assert resumable is not None and resumable.id == newer.id
    assert resumable.answered() == {"first": "c"}
    service.practice.finish_attempt(newer.id)
    resumable = service.practice.resumable_attempt(me.id, "minimal-test")
    assert resumable is not None and resumable.id == old.id
    service.practice.finish_attempt(old.id)
    assert service.practice.resumable_attempt(me.id, "minimal-test") is None
    assert service.practice.resumable_attempt(me.id, "another-scenario") is None


def test_resumable_attempt_prefers_an_answered_one_to_a_newer_empty_one(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    # "Start new" at the resume prompt stores an empty attempt at once; leaving it must
    # not hide the earlier, answered attempt from the next resume.
    me = service.accounts.local_profile()
    answered = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    _answer(service, minimal_version, answered.id, "first", "c")
    service.practice.start_attempt(me.id, minimal_version.id, "practice")  # started, left unanswered
    resumable = service.practice.resumable_attempt(me.id, "minimal-test")
    assert resumable is not None and resumable.id == answered.id
    assert resumable.answered() == {"first": "c"}


def test_attempt_listing_filters(service: TrainerService, minimal_version: ScenarioVersion) -> None:
    me = service.accounts.local_profile()
    many = service.scenarios.register_scenario(load_scenario_bytes(many_decisions_yaml(3), "many.yaml"))
    a1 = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    a2 = service.practice.start_attempt(me.id, many.id, "exam")
    other = service.accounts.create_profile("Other", "trainee")
    a3 = service.practice.start_attempt(other.id, many.id, "practice")
    service.practice.finish_attempt(a2.id)
    assert [a.id for a in service.practice.attempts()] == [a1.id, a2.id, a3.id]
    assert [a.id for a in service.practice.attempts(profile_id=me.id)] == [a1.id, a2.id]
    assert [a.id for a in service.practice.attempts(scenario_id="many-decisions")] == [a2.id, a3.id]
    assert [a.id for a in service.practice.attempts(finished=True)] == [a2.id]
    assert [a.id for a in service.practice.attempts(finished=False, profile_id=me.id)] == [a1.id]
    assert service.practice.attempt(a2.id).mode == "exam"
    assert service.practice.attempt_by_uid(a3.uid) == service.practice.attempt(a3.id)
    assert service.practice.attempt_by_uid("00000000-0000-0000-0000-000000000000") is None


def test_best_scores_and_progress_use_finished_attempts_only(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    plan = [{"first": "c", "second": "y"}, {"first": "a", "second": "x"}, {"first": "b"}]
    ids = []
    for answers in plan:
        attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")
        for decision, option in answers.items():
            _answer(service, minimal_version, attempt.id, decision, option)
        service.practice.finish_attempt(attempt.id)
        ids.append(attempt.id)
    unfinished = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    _answer(service, minimal_version, unfinished.id, "first", "a")

    assert service.practice.best_scores(me.id) == {"minimal-test": 100.0}
    points = service.practice.progress(me.id)
    assert [p.attempt_id for p in points] == ids
    assert [p.total for p in points] == pytest.approx([50.0, 100.0, 100 / 3])
    assert points[0].competencies == {"frame-and-structure": 0.0, "invite-feelings": 1.0}
    assert points[2].competencies == pytest.approx({"frame-and-structure": 1 / 3})
    assert all(p.scenario_id == "minimal-test" for p in points)
    assert [p.finished_at for p in points] == sorted(p.finished_at for p in points)
    assert service.practice.progress(service.accounts.create_profile("New", "trainee").id) == []


def test_service_calls_are_safe_from_worker_threads(service: TrainerService) -> None:
    version = service.scenarios.register_scenario(load_scenario_bytes(many_decisions_yaml(24), "many.yaml"))
    me = service.accounts.local_profile()
    attempts = [service.practice.start_attempt(me.id, version.id, "practice") for _ in range(4)]
    key = version.load()
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(attempt_id: int) -> None:
        try:
            for d in key.decisions:
                service.practice.record_answer(attempt_id, d.decision, "b", credit=credit(d, "b"))
                service.practice.attempt(attempt_id)
        except BaseException as exc:  # pragma: no cover - reported below
            with lock:
                errors.append(exc)

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(work, [a.id for a in attempts]))
    assert errors == []
    for attempt in attempts:
        stored = service.practice.attempt(attempt.id)
        assert len(stored.answers) == 24
        assert stored.total == pytest.approx(50.0)


def test_version_text_round_trips_byte_for_byte(service: TrainerService) -> None:
    raw = MINIMAL.read_bytes()
    version = service.scenarios.register_scenario(load_scenario_bytes(raw, "minimal.yaml"))
    assert version.text.encode("utf-8") == raw
    import hashlib

    assert hashlib.sha256(version.text.encode("utf-8")).hexdigest() == version.sha256


def test_attempt_lists_do_not_load_the_scenario_yaml(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    from sqlalchemy import event

    me = service.accounts.local_profile()
    for _ in range(3):
        service.practice.start_attempt(me.id, minimal_version.id, "practice")
    statements: list[str] = []

    def capture(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(service.db.engine, "before_cursor_execute", capture)
    try:
        assert len(service.practice.attempts(profile_id=me.id)) == 3
        service.practice.progress(me.id)
    finally:
        event.remove(service.db.engine, "before_cursor_execute", capture)
    assert statements and not any(".text" in s for s in statements), statements
    assert len([s for s in statements if s.lstrip().startswith("SELECT")]) <= 4  # not one per attempt
    assert service.scenarios.scenario_versions()[0].text == minimal_version.text
