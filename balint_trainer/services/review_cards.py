"""Spaced review of weak decisions: FSRS cards per profile, the daily queue and mastery.

Cards are written in the transaction of the answer that changes them
(:meth:`PracticeService.record_answer` calls :func:`on_answer`) and by
:meth:`CardReviews.answer_review`. Scheduling itself is pure
(:mod:`balint_trainer.core.scheduling`); this module only loads and stores
card states. On PostgreSQL a member reads and writes only their own cards
(row-level security, migration ``0010_review_cards``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.core import scheduling
from balint_trainer.core.calibration import (
    CalibrationPoint,
    calibration,
    calibration_from_tallies,
    merged_tallies,
    tallied,
)
from balint_trainer.core.scheduling import CardState
from balint_trainer.services.errors import InvalidAnswer
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow

if TYPE_CHECKING:
    from balint_trainer.core.model import DecisionStep, Scenario
    from balint_trainer.services.api import ServicesApi


@dataclass(frozen=True)
class ReviewCard:
    scenario_id: str
    decision_id: str
    competency: str
    card: CardState
    uid: str = ""


@dataclass(frozen=True)
class Mastery:
    """Per competency: decisions in the library, answered at least once, and learned (stable)."""

    competency: str
    decisions: int
    seen: int
    learned: int

    @property
    def share(self) -> float:
        return self.learned / self.decisions if self.decisions else 0.0


def _state(row: m.ReviewCard) -> CardState:
    return CardState(
        due=row.due,
        state=row.state,
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        last_review=row.last_review,
        reps=row.reps,
        lapses=row.lapses,
        last_credit=row.last_credit,
    )


def _store(row: m.ReviewCard, card: CardState, now: datetime) -> None:
    row.due, row.state, row.step = card.due, card.state, card.step
    row.stability, row.difficulty, row.last_review = card.stability, card.difficulty, card.last_review
    row.reps, row.lapses, row.last_credit, row.updated_at = card.reps, card.lapses, card.last_credit, now


def _find(
    session: Session, profile_id: int, scenario_id: str, decision_id: str, *, lock: bool = False
) -> m.ReviewCard | None:
    query = select(m.ReviewCard).where(
        m.ReviewCard.profile_id == profile_id,
        m.ReviewCard.scenario_id == scenario_id,
        m.ReviewCard.decision_id == decision_id,
    )
    # PostgreSQL: two attempts answering the same decision at once must not lose a review
    # (SQLite serialises writers anyway and has no FOR UPDATE).
    return session.scalars(query.with_for_update() if lock else query).first()


def on_answer(
    session: Session,
    profile_id: int,
    scenario_id: str,
    decision: DecisionStep,
    credit: float,
    confidence: int | None,
    seconds: float | None,
    now: datetime | None = None,
    *,
    review: bool = False,
) -> CardState:
    """Create or reschedule the profile's card for ``decision`` after an answer with ``credit``.

    ``review``: a spaced-review answer (not a scenario attempt's): its confidence is tallied on
    the card for the calibration chart (an attempt's answer row keeps its own)."""
    now = now or utcnow()
    row = _find(session, profile_id, scenario_id, decision.decision, lock=True)
    if row is None:
        card = scheduling.answer(None, credit, now, confidence=confidence, seconds=seconds)
        try:
            with session.begin_nested():  # a concurrent first answer may insert the card first
                row = m.ReviewCard(
                    profile_id=profile_id,
                    scenario_id=scenario_id,
                    decision_id=decision.decision,
                    competency=decision.competency,
                )
                _store(row, card, now)
                if review:
                    row.confidence_tally = tallied(None, confidence, credit)
                session.add(row)
                session.flush()
            return card
        except IntegrityError:
            row = _find(session, profile_id, scenario_id, decision.decision, lock=True)
            if row is None:
                raise
    card = scheduling.answer(_state(row), credit, now, confidence=confidence, seconds=seconds)
    row.competency = decision.competency
    _store(row, card, now)
    if review and confidence is not None:
        row.confidence_tally = tallied(row.confidence_tally, confidence, credit)
    session.flush()
    return card


def mastery(cards: Iterable[ReviewCard], library: Mapping[str, Iterable[tuple[str, str]]]) -> list[Mastery]:
    """Mastery per competency; ``library`` maps competency → (scenario id, decision id) pairs."""
    by_key = {(c.scenario_id, c.decision_id): c.card for c in cards}
    rows = []
    for competency, keys in sorted(library.items()):
        keys = list(keys)
        seen = [by_key[k] for k in keys if k in by_key]
        rows.append(Mastery(competency, len(keys), len(seen), sum(1 for c in seen if c.learned)))
    return rows


class CardReviews:
    """The review-card part of the service layer (same sessions and error handling)."""

    def __init__(self, service: ServicesApi) -> None:
        self._db = service.db  # the unit of work the role services share

    def cards(self, profile_id: int) -> list[ReviewCard]:
        def work(session: Session) -> list[ReviewCard]:
            rows = session.scalars(
                select(m.ReviewCard).where(m.ReviewCard.profile_id == profile_id).order_by(m.ReviewCard.id)
            ).all()
            return [ReviewCard(r.scenario_id, r.decision_id, r.competency, _state(r), r.uid) for r in rows]

        return self._db._read(work)

    def due(
        self, profile_id: int, now: datetime | None = None, cap: int = scheduling.DAILY_CAP
    ) -> list[ReviewCard]:
        """Today's queue: weak cards due by ``now``, the longest overdue first, at most ``cap``."""
        cards = self.cards(profile_id)
        return scheduling.due_queue([(c, c.card) for c in cards], now or utcnow(), cap)

    def answer_review(
        self,
        profile_id: int,
        scenario: Scenario,
        decision_id: str,
        option_id: str,
        *,
        confidence: int | None = None,
        seconds: float | None = None,
        now: datetime | None = None,
    ) -> tuple[float, CardState]:
        """Score a review answer against ``scenario``'s key and reschedule the card; (credit, card)."""
        from balint_trainer.core.scoring import ScoringError, credit

        try:
            decision = scenario.decision(decision_id)
            value = credit(decision, option_id)
        except KeyError:
            raise InvalidAnswer(f"scenario '{scenario.id}' has no decision '{decision_id}'") from None
        except ScoringError as exc:
            raise InvalidAnswer(str(exc)) from None
        if confidence is not None and confidence not in (1, 2, 3):
            raise InvalidAnswer(f"invalid confidence: {confidence!r}")

        def work(session: Session) -> CardState:
            return on_answer(
                session, profile_id, scenario.id, decision, value, confidence, seconds, now, review=True
            )

        return value, self._db._write(work)

    def calibration(self, profile_id: int, attempt_id: int | None = None) -> list[CalibrationPoint]:
        """Confidence against mean credit over the profile's answers (or one attempt's)."""

        def work(session: Session) -> list[tuple[int | None, float]]:
            query = (
                select(m.AnswerRow.confidence, m.AnswerRow.credit)
                .join(m.Attempt, m.Attempt.id == m.AnswerRow.attempt_id)
                .where(m.Attempt.profile_id == profile_id, m.AnswerRow.confidence.is_not(None))
            )
            if attempt_id is not None:
                query = query.where(m.Attempt.id == attempt_id)
            return [(c, float(v)) for c, v in session.execute(query).all()]

        return calibration(self._db._read(work))

    def review_calibration(self, profile_id: int) -> list[CalibrationPoint]:
        """Confidence against mean credit over the profile's spaced-review answers.

        Kept apart from :meth:`calibration`: review draws decisions the trainee got wrong
        before and has seen the feedback of, so pooling them with first answers would blur both."""

        def work(session: Session) -> list[dict[str, list[float]] | None]:
            query = select(m.ReviewCard.confidence_tally).where(
                m.ReviewCard.profile_id == profile_id, m.ReviewCard.confidence_tally.is_not(None)
            )
            return list(session.scalars(query))

        return calibration_from_tallies(self._db._read(work))


_CARD_FIELDS = (
    "uid", "scenario_id", "decision_id", "competency", "state", "step", "stability", "difficulty",
    "due", "last_review", "reps", "lapses", "last_credit", "confidence_tally",
)  # fmt: skip


def export_cards(session: Session, profile_id: int) -> list[dict[str, object]]:
    """The profile's cards for an attempt bundle (``services.bundles``, optional section)."""
    rows = session.scalars(
        select(m.ReviewCard).where(m.ReviewCard.profile_id == profile_id).order_by(m.ReviewCard.id)
    ).all()
    return [{field: getattr(row, field) for field in _CARD_FIELDS} for row in rows]


def import_cards(session: Session, profile_id: int, cards: Iterable[object]) -> int:
    """Merge bundle cards into the profile's: a card wins if it was reviewed later. Returns changes."""
    changed = 0
    for card in cards:
        values = {field: getattr(card, field) for field in _CARD_FIELDS}
        row = _find(session, profile_id, values["scenario_id"], values["decision_id"])  # type: ignore[arg-type]
        if row is not None:
            if values["last_review"] is None or (
                row.last_review is not None and row.last_review >= values["last_review"]  # type: ignore[operator]
            ):
                continue
            values.pop("uid")  # the stored card keeps its identity
            if values["confidence_tally"] is None:  # a bundle from before tallies: keep ours
                values.pop("confidence_tally")
        else:
            if session.scalars(select(m.ReviewCard.id).where(m.ReviewCard.uid == values["uid"])).first():
                values.pop("uid")  # held by another profile's card: this one gets its own
            row = m.ReviewCard(profile_id=profile_id)
            session.add(row)
        for field, value in values.items():
            setattr(row, field, value)
        row.updated_at = utcnow()
        changed += 1
    session.flush()
    return changed


def merge_cards(session: Session, source_id: int, target_id: int) -> None:
    """Profile merge: the source's cards go to the target; where both have a card for one
    decision, the one reviewed later stays (its schedule reflects the latest answer)."""
    target = {
        (r.scenario_id, r.decision_id): r
        for r in session.scalars(select(m.ReviewCard).where(m.ReviewCard.profile_id == target_id))
    }
    for row in session.scalars(select(m.ReviewCard).where(m.ReviewCard.profile_id == source_id)).all():
        other = target.get((row.scenario_id, row.decision_id))
        if other is None:
            row.profile_id = target_id
            continue
        if (row.last_review or row.due) > (other.last_review or other.due):
            _store(other, _state(row), utcnow())
        if row.confidence_tally or other.confidence_tally:  # both profiles' review answers count
            other.confidence_tally = merged_tallies(other.confidence_tally, row.confidence_tally)
        session.delete(row)
    session.flush()
