"""Spaced-review cards: written with every answer, the daily queue, review answers, calibration."""

from __future__ import annotations

from datetime import timedelta

import pytest

from balint_trainer.core import scheduling
from balint_trainer.core.scoring import credit
from balint_trainer.services import InvalidAnswer
from balint_trainer.services.dto import ScenarioVersion
from balint_trainer.services.review_cards import CardReviews, mastery
from balint_trainer.services.service import TrainerService
from balint_trainer.storage.models import utcnow


def _answer(svc: TrainerService, version: ScenarioVersion, attempt_id, decision: str, option: str, **kw):  # type: ignore[no-untyped-def]
    key = version.load()
    attempt_id = getattr(attempt_id, "id", attempt_id)
    return svc.practice.record_answer(
        attempt_id, decision, option, credit=credit(key.decision(decision), option), **kw
    )


def test_answers_create_cards_and_wrong_ones_are_due_first(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "exam")
    _answer(service, minimal_version, attempt.id, "first", "c", confidence=3)  # credit 0 → Again
    _answer(service, minimal_version, attempt.id, "second", "x", confidence=1)  # x: 1 of 1 → Good
    reviews = CardReviews(service)
    cards = {c.decision_id: c for c in reviews.cards(me.id)}
    assert set(cards) == {"first", "second"}
    assert cards["first"].card.lapses == 1 and cards["first"].card.last_credit == 0
    assert cards["first"].card.due < cards["second"].card.due
    assert cards["first"].competency == "frame-and-structure"
    assert service.practice.attempt(attempt.id).answers[0].confidence == 3
    # Not yet due today; tomorrow only the missed decision is in the weak-spots queue.
    assert reviews.due(me.id) == []
    tomorrow = utcnow() + timedelta(days=1, minutes=1)
    assert [c.decision_id for c in reviews.due(me.id, tomorrow)] == ["first"]
    # Reviewing it right pushes it two days on (FSRS Good after a lapse).
    value, card = reviews.answer_review(me.id, minimal_version.load(), "first", "a", now=tomorrow)
    assert value == 1.0 and card.due - tomorrow == timedelta(days=2)
    assert reviews.due(me.id, tomorrow) == []
    assert reviews.cards(me.id)[0].card.reps == 2


def test_confidence_is_checked_and_calibration_sums_it_up(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    with pytest.raises(InvalidAnswer, match="confidence"):
        _answer(service, minimal_version, attempt.id, "first", "a", confidence=4)
    _answer(service, minimal_version, attempt.id, "first", "b", confidence=3)  # b: 1/3
    _answer(service, minimal_version, attempt.id, "second", "y", confidence=3)  # y: 1/1
    points = CardReviews(service).calibration(me.id)
    assert [(p.level, p.count) for p in points] == [(1, 0), (2, 0), (3, 2)]
    assert points[2].mean_credit == pytest.approx((1 / 3 + 1) / 2)


def test_mastery_counts_learned_cards_per_competency() -> None:
    now = utcnow()
    learned = scheduling.CardState(due=now, stability=10.0)
    shaky = scheduling.CardState(due=now, stability=2.0)
    from balint_trainer.services.review_cards import ReviewCard

    cards = [ReviewCard("s", "d1", "c1", learned), ReviewCard("s", "d2", "c1", shaky)]
    rows = mastery(cards, {"c1": [("s", "d1"), ("s", "d2"), ("s", "d3")], "c2": [("s", "d4")]})
    assert [(r.competency, r.decisions, r.seen, r.learned) for r in rows] == [
        ("c1", 3, 2, 1),
        ("c2", 1, 0, 0),
    ]
    assert rows[0].share == pytest.approx(1 / 3)


def test_bundles_carry_confidence_and_cards_and_old_bundles_still_import(
    service: TrainerService, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import json

    from balint_trainer.core.validation import load_scenario_file
    from balint_trainer.services import open_service
    from tests.db_fixtures import MINIMAL

    offline = open_service(f"sqlite:///{tmp_path / 'offline.sqlite3'}")
    try:
        me = offline.accounts.local_profile()
        version = offline.scenarios.register_scenario(load_scenario_file(MINIMAL))
        attempt = offline.practice.start_attempt(me.id, version.id, "practice")
        _answer(offline, version, attempt, "first", "c", confidence=2)
        path = tmp_path / "b.json"
        offline.exchange.export_attempts(me.id, path)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert [c["decision_id"] for c in data["review_cards"]] == ["first"]
        # The same bundle as an older version wrote it: no cards, no confidence.
        del data["review_cards"]
        data["attempts"][0]["answers"][0].pop("confidence")
        old = tmp_path / "old.json"
        old.write_text(json.dumps(data), encoding="utf-8")
        report = service.exchange.import_attempts(old)
        assert report.answers_new == 1 and CardReviews(service).cards(report.profile.id) == []
        service.exchange.import_attempts(path)  # the full bundle adds the card (and is otherwise already there)
        cards = CardReviews(service).cards(report.profile.id)
        source = CardReviews(offline).cards(me.id)
        assert [(c.uid, c.card) for c in cards] == [(c.uid, c.card) for c in source]
        service.exchange.import_attempts(path)  # again: nothing changes
        assert CardReviews(service).cards(report.profile.id) == cards
    finally:
        offline.close()


def test_merging_profiles_keeps_the_later_card_per_decision(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    reviews = CardReviews(service)
    scenario = minimal_version.load()
    laptop = service.accounts.create_profile("Ann (laptop)", "trainee")
    desk = service.accounts.create_profile("Ann", "trainee")
    then = utcnow() - timedelta(days=5)
    reviews.answer_review(laptop.id, scenario, "first", "c", now=then + timedelta(days=1))  # later: missed
    reviews.answer_review(desk.id, scenario, "first", "a", now=then)
    reviews.answer_review(laptop.id, scenario, "second", "x", now=then)
    service.accounts.merge_profiles(laptop.id, desk.id)
    cards = {c.decision_id: c.card for c in reviews.cards(desk.id)}
    assert set(cards) == {"first", "second"}
    assert cards["first"].last_credit == 0 and cards["first"].lapses == 1
