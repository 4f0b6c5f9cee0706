"""Spaced review of single decisions with FSRS (the ``fsrs`` package, as Anki uses it).

Pure: a card state and a clock go in, the next card state comes out. No learning
steps (the trainee reviews at most daily, so every card is scheduled in days) and
no fuzz (the same answers give the same schedule, which the tests pin).

Rating from credit (the panel's credit for the option chosen):

* credit 1 → Good, or Easy when the trainee was sure (confidence 3) and answered
  within ``FAST_SECONDS``;
* 0 < credit < 1 (a defensible option, not the panel's choice) → Hard;
* credit 0 → Again (a lapse).

A card is "learned" once its FSRS stability (days until recall probability falls
to 90 %) reaches ``LEARNED_STABILITY_DAYS``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

FAST_SECONDS = 30.0
LEARNED_STABILITY_DAYS = 7.0
DAILY_CAP = 20
AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4


@dataclass(frozen=True)
class CardState:
    """What is stored per (profile, scenario, decision); ``state`` is FSRS's 1/2/3."""

    due: datetime
    state: int = 1
    step: int | None = 0
    stability: float | None = None
    difficulty: float | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    last_credit: float | None = None

    @property
    def learned(self) -> bool:
        return self.stability is not None and self.stability >= LEARNED_STABILITY_DAYS

    @property
    def weak(self) -> bool:
        """Ever missed: the card belongs in the weak-spots review."""
        return self.lapses > 0 or (self.last_credit is not None and self.last_credit < 1)


def new_card(now: datetime) -> CardState:
    return CardState(due=_utc(now))


def rating_for(credit: float, confidence: int | None = None, seconds: float | None = None) -> int:
    if credit >= 1:
        fast = seconds is not None and seconds <= FAST_SECONDS
        return EASY if confidence == 3 and fast else GOOD
    return HARD if credit > 0 else AGAIN


@lru_cache(maxsize=1)
def _scheduler() -> Any:
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def review(card: CardState, rating: int, now: datetime, *, credit: float | None = None) -> CardState:
    """The card after a review with ``rating`` (1..4) at ``now`` (UTC-aware)."""
    from fsrs import Card, Rating, State

    if rating not in (AGAIN, HARD, GOOD, EASY):
        raise ValueError(f"rating must be 1..4, not {rating!r}")
    fsrs_card = Card(
        card_id=1,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_utc(card.due),
        last_review=None if card.last_review is None else _utc(card.last_review),
    )
    after, _log = _scheduler().review_card(fsrs_card, Rating(rating), _utc(now))
    return replace(
        card,
        due=after.due,
        state=int(after.state),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        last_review=after.last_review,
        reps=card.reps + 1,
        lapses=card.lapses + (1 if rating == AGAIN else 0),
        last_credit=card.last_credit if credit is None else credit,
    )


def answer(
    card: CardState | None,
    credit: float,
    now: datetime,
    *,
    confidence: int | None = None,
    seconds: float | None = None,
) -> CardState:
    """Create or update the card for an answer with ``credit`` given at ``now``."""
    return review(card or new_card(now), rating_for(credit, confidence, seconds), now, credit=credit)


def due_queue(cards: list[tuple[Any, CardState]], now: datetime, cap: int = DAILY_CAP) -> list[Any]:
    """Keys of weak cards due by ``now``, the longest overdue first, at most ``cap``."""
    due = [
        (card.due, i, key) for i, (key, card) in enumerate(cards) if card.weak and _utc(card.due) <= _utc(now)
    ]
    due.sort(key=lambda item: (item[0], item[1]))
    return [key for _due, _i, key in due[:cap]]


def _utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("scheduling needs UTC-aware datetimes")
    return value.astimezone(UTC)
