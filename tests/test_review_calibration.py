"""Spaced-review answers in the confidence calibration: a second series, pinned by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from balint_trainer.core import calibration
from balint_trainer.core.scoring import credit
from balint_trainer.services.review_cards import CardReviews
from balint_trainer.storage.models import utcnow


def test_tally_by_hand() -> None:
    """Card A: sure 1.0, sure 0.5, unsure 0 → {3: [2, 1.5], 1: [1, 0]}; a review without a
    confidence adds nothing. Card B: sure 1/3, fairly sure 1. Together: unsure 0/1 = 0;
    fairly sure 1/1 = 1; sure (1 + 0.5 + 1/3)/3 = 11/18."""
    a = calibration.tallied(None, 3, 1.0)
    a = calibration.tallied(a, 3, 0.5)
    a = calibration.tallied(a, 1, 0.0)
    assert calibration.tallied(a, None, 1.0) == a == {"3": [2.0, 1.5], "1": [1.0, 0.0]}
    b = calibration.tallied(calibration.tallied(None, 3, 1 / 3), 2, 1.0)
    points = calibration.calibration_from_tallies([a, b, None])
    assert [(p.level, p.count) for p in points] == [(1, 1), (2, 1), (3, 3)]
    assert points[0].mean_credit == 0.0
    assert points[1].mean_credit == 1.0
    assert points[2].mean_credit == pytest.approx(11 / 18)
    # The same figures as calibration() over the answers themselves.
    answers = [(3, 1.0), (3, 0.5), (1, 0.0), (3, 1 / 3), (2, 1.0)]
    by_answer = calibration.calibration(answers)
    assert [p.count for p in points] == [q.count for q in by_answer]
    assert [p.mean_credit for p in points] == pytest.approx([q.mean_credit for q in by_answer])


def test_tally_ignores_junk_and_merges() -> None:
    junk = {"7": [1, 1], "1": [1], "2": [2, 1.5]}
    assert calibration.tallied(junk, None, 0.0) == {"2": [2.0, 1.5]}
    assert calibration.merged_tallies({"1": [1, 0.5]}, None, {"1": [2, 1.0], "3": [1, 1]}) == {
        "1": [3.0, 1.5],
        "3": [1.0, 1.0],
    }
    assert [p.count for p in calibration.calibration_from_tallies([])] == [0, 0, 0]


def test_review_answers_are_a_series_of_their_own(service, minimal_version) -> None:  # type: ignore[no-untyped-def]
    """minimal.yaml: first a = 1, b = 1/3, c = 0; second x = y = 1.

    Attempt: first=c unsure (0), second=y sure (1). Review tomorrow: first=a sure (1), first=b
    sure (1/3), second=x fairly sure (1), first=a without confidence (not counted).
    Attempts: unsure 0 (1), sure 1 (1). Review: fairly sure 1 (1), sure (1 + 1/3)/2 = 2/3 (2)."""
    me = service.accounts.local_profile()
    key = minimal_version.load()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    for decision, option, level in (("first", "c", 1), ("second", "y", 3)):
        service.practice.record_answer(
            attempt.id, decision, option, credit=credit(key.decision(decision), option), confidence=level
        )
    reviews = CardReviews(service)
    assert [p.count for p in reviews.review_calibration(me.id)] == [0, 0, 0]  # attempts are not reviews
    tomorrow = utcnow() + timedelta(days=1)
    for decision, option, level in (
        ("first", "a", 3),
        ("first", "b", 3),
        ("second", "x", 2),
        ("first", "a", None),
    ):
        reviews.answer_review(me.id, key, decision, option, confidence=level, now=tomorrow)
    attempts = reviews.calibration(me.id)
    assert [(p.level, p.count, p.mean_credit) for p in attempts] == [(1, 1, 0.0), (2, 0, None), (3, 1, 1.0)]
    review = reviews.review_calibration(me.id)
    assert [(p.level, p.count) for p in review] == [(1, 0), (2, 1), (3, 2)]
    assert review[1].mean_credit == 1.0 and review[2].mean_credit == pytest.approx(2 / 3)
    # Another profile's reviews are not this trainee's.
    other = service.accounts.create_profile("Someone else", "trainee")
    assert [p.count for p in reviews.review_calibration(other.id)] == [0, 0, 0]


def test_review_tallies_travel_in_bundles_and_merge_with_profiles(service, minimal_version, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.services import open_service

    me = service.accounts.local_profile()
    key = minimal_version.load()
    reviews = CardReviews(service)
    reviews.answer_review(me.id, key, "first", "b", confidence=3)
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")  # a bundle holds attempts
    service.practice.record_answer(attempt.id, "second", "x", credit=1.0)
    path = tmp_path / "bundle.json"
    service.exchange.export_attempts(me.id, path)
    elsewhere = open_service(f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}")
    try:
        report = elsewhere.exchange.import_attempts(path)
        points = CardReviews(elsewhere).review_calibration(report.profile.id)
    finally:
        elsewhere.close()
    assert [(p.level, p.count) for p in points] == [(1, 0), (2, 0), (3, 1)]
    assert points[2].mean_credit == pytest.approx(1 / 3)


def test_merging_profiles_adds_both_review_tallies(service, minimal_version) -> None:  # type: ignore[no-untyped-def]
    """Both answered 'first' in review, sure: a (1) and b (1/3) → one card, sure 2/3 over 2."""
    key = minimal_version.load()
    reviews = CardReviews(service)
    ann = service.accounts.create_profile("Ann", "trainee")
    dup = service.accounts.create_profile("Ann (laptop)", "trainee")
    reviews.answer_review(ann.id, key, "first", "a", confidence=3)
    reviews.answer_review(dup.id, key, "first", "b", confidence=3)
    service.accounts.merge_profiles(dup.id, ann.id)
    points = reviews.review_calibration(ann.id)
    assert [(p.level, p.count) for p in points] == [(1, 0), (2, 0), (3, 2)]
    assert points[2].mean_credit == pytest.approx(2 / 3)
