"""Spaced review scheduling, confidence calibration and panel-relative scores, pinned by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from balint_trainer.core import calibration, panel_relative, scheduling

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("rating", "days", "stability"),
    [
        (scheduling.AGAIN, 1, 0.212),
        (scheduling.HARD, 1, 1.2931),
        (scheduling.GOOD, 2, 2.3065),
        (scheduling.EASY, 8, 8.2956),
    ],
)
def test_first_review_intervals_are_fsrs_defaults(rating: int, days: int, stability: float) -> None:
    """First review of a new card with fsrs 6 default weights, no learning steps, no fuzz:
    the interval is the initial stability w[rating-1] rounded to whole days (at least 1)."""
    card = scheduling.review(scheduling.new_card(NOW), rating, NOW)
    assert card.due - NOW == timedelta(days=days)
    assert card.stability == pytest.approx(stability)
    assert card.reps == 1
    assert card.lapses == (1 if rating == scheduling.AGAIN else 0)


def test_rating_from_credit() -> None:
    assert scheduling.rating_for(0.0) == scheduling.AGAIN
    assert scheduling.rating_for(0.5) == scheduling.HARD
    assert scheduling.rating_for(1.0) == scheduling.GOOD
    assert scheduling.rating_for(1.0, confidence=3, seconds=10) == scheduling.EASY
    assert scheduling.rating_for(1.0, confidence=3, seconds=120) == scheduling.GOOD
    assert scheduling.rating_for(1.0, confidence=2, seconds=10) == scheduling.GOOD


def test_wrong_answer_is_due_sooner_than_right_one_and_correct_answers_space_out() -> None:
    right = scheduling.answer(None, 1.0, NOW)
    wrong = scheduling.answer(None, 0.0, NOW)
    assert wrong.due < right.due
    assert wrong.weak and not right.weak
    # Reviewed on the day it falls due: a lapse followed by Good comes back in 2 days;
    # two Goods in a row grow to 11 days and the card counts as learned.
    again_good = scheduling.answer(wrong, 1.0, wrong.due)
    assert again_good.due - wrong.due == timedelta(days=2)
    good_good = scheduling.answer(right, 1.0, right.due)
    assert good_good.due - right.due == timedelta(days=11)
    assert good_good.learned and not right.learned
    # A card once missed stays in the weak-spots review even after a right answer.
    assert again_good.weak


def test_daily_queue_oldest_first_and_capped() -> None:
    cards = [
        ("late", scheduling.CardState(due=NOW - timedelta(days=1), lapses=1)),
        ("oldest", scheduling.CardState(due=NOW - timedelta(days=3), last_credit=0.5)),
        ("future", scheduling.CardState(due=NOW + timedelta(days=1), lapses=1)),
        ("never-missed", scheduling.CardState(due=NOW - timedelta(days=5), last_credit=1.0)),
    ]
    assert scheduling.due_queue(cards, NOW) == ["oldest", "late"]
    assert scheduling.due_queue(cards, NOW, cap=1) == ["oldest"]


def test_naive_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="UTC"):
        scheduling.new_card(datetime(2026, 1, 1))


def test_calibration_by_hand() -> None:
    """Unsure: credits 0 and 0.5 → mean 0.25 (2); fairly sure: none; sure: 1, 1, 0.5 → 5/6 (3).
    An answer without confidence is left out."""
    points = calibration.calibration([(1, 0.0), (1, 0.5), (3, 1.0), (3, 1.0), (3, 0.5), (None, 0.0)])
    assert [(p.level, p.count) for p in points] == [(1, 2), (2, 0), (3, 3)]
    assert points[0].mean_credit == pytest.approx(0.25)
    assert points[1].mean_credit is None
    assert points[2].mean_credit == pytest.approx(5 / 6)


def test_panel_relative_by_hand() -> None:
    """Three experts, two decisions.

    D1: E1=a, E2=a, E3=b.   D2: E1=c, E2=d, E3=c.
    Leave one out (credit = others' votes for own choice / others' modal votes):
      E1: D1 others {a:1, b:1} → a = 1;   D2 others {d:1, c:1} → c = 1;  score 100
      E2: D1 others {a:1, b:1} → a = 1;   D2 others {c:2}      → d = 0;  score 50
      E3: D1 others {a:2}      → b = 0;   D2 others {c:1, d:1} → c = 1;  score 50
    Panel mean 66.667; sample SD sqrt((33.333² + 16.667² + 16.667²) / 2) = sqrt(833.33) = 28.868.
    Trainee chooses a (full panel: a 2/2 = 1) and d (full panel: d 1/2 = 0.5): 75.
    z = (75 − 66.667) / 28.868 = 0.2887; scaled 80 + 5z = 81.443.
    """
    panel = [{"E1": "a", "E2": "a", "E3": "b"}, {"E1": "c", "E2": "d", "E3": "c"}]
    assert panel_relative.expert_scores(panel) == {"E1": 100.0, "E2": 50.0, "E3": 50.0}
    result = panel_relative.panel_relative(panel, 75.0)
    assert result is not None
    assert result.panel_mean == pytest.approx(66.6667, abs=1e-4)
    assert result.panel_sd == pytest.approx(28.8675, abs=1e-4)
    assert result.z == pytest.approx(0.288675, abs=1e-5)
    assert result.scaled == pytest.approx(81.4434, abs=1e-4)
    assert panel_relative.band(result) == "typical"
    low = panel_relative.panel_relative(panel, 0.0)
    assert low is not None and panel_relative.band(low) == "far-below"  # z = -2.31


def test_panel_relative_undefined_cases() -> None:
    assert panel_relative.panel_relative([{"E1": "a"}], 100.0) is None  # a lone expert has no "rest"
    same = panel_relative.panel_relative([{"E1": "a", "E2": "a"}], 50.0)
    assert same is not None and same.panel_sd == 0 and same.z is None
    assert panel_relative.band(same) == "unknown"
