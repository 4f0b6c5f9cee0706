"""Attempts and answers (``service.practice``): what a trainee does in the player."""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import case, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.core import option_order
from balint_trainer.core.option_order import new_seed
from balint_trainer.core.scoring import ScoringError
from balint_trainer.core.scoring import credit as key_credit
from balint_trainer.core.vocabulary import NO_INTERVENTION
from balint_trainer.services import dto, review_cards
from balint_trainer.services.database import Database
from balint_trainer.services.errors import AnswerExists, InvalidAnswer, NotFound, ServiceError
from balint_trainer.services.mapping import (
    MAX_TEXT,
    answer_dto,
    attempt_dto,
    attempt_query,
    clean_seed,
    score,
)
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow

if TYPE_CHECKING:
    from balint_trainer.core.followup import Inheritance
    from balint_trainer.core.model import Scenario

MODES = m.MODES
CREDIT_TOLERANCE = 1e-9
_ANSWERED = "decision '{decision_id}' is already answered in attempt {attempt_id}"


class PracticeService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def start_attempt(
        self, profile_id: int, version_id: int, mode: str, *, option_seed: str | None = None
    ) -> dto.Attempt:
        """A new attempt with its own option-order seed (``option_seed``: a given one, for tests)."""
        if mode not in MODES:
            raise ServiceError("unknown mode '{mode}' (one of: {modes})", mode=mode, modes=", ".join(MODES))
        seed = new_seed() if option_seed is None else clean_seed(option_seed)

        def work(session: Session) -> dto.Attempt:
            self._db._get(session, m.Profile, profile_id, "profile")
            version = self._db._get(session, m.ScenarioVersion, version_id, "scenario version")
            inherited = self._inheritance(session, profile_id, self._db._scenario(version))
            row = m.Attempt(
                uid=str(uuid.uuid4()),
                profile_id=profile_id,
                version_id=version_id,
                mode=mode,
                option_seed=seed,
                initial_state=inherited.to_json() if inherited is not None else None,
            )
            session.add(row)
            session.flush()
            session.refresh(row, ["version", "answers"])
            return attempt_dto(row)

        return self._db._write(work)

    def _inheritance(self, session: Session, profile_id: int, scenario: Scenario) -> Inheritance | None:
        """A follow-up's start: the final state of this profile's latest finished attempt of the
        earlier meeting (recomputed from its answers), or the defaults; None if not a follow-up."""
        # Here, not at the top: the app imports this module at every start; followup needs the model.
        from balint_trainer.core.followup import Inheritance, final_state, inherit

        if scenario.follows is None or not scenario.carries:
            return None
        earlier = session.scalars(
            attempt_query()
            .where(
                m.Attempt.profile_id == profile_id,
                m.ScenarioVersion.scenario_id == scenario.follows,
                m.Attempt.finished_at.is_not(None),
            )
            .order_by(m.Attempt.finished_at.desc(), m.Attempt.id.desc())
        ).first()
        if earlier is None:
            return Inheritance(inherit(scenario, None))
        try:
            earlier_scenario = self._db._scenario(earlier.version)
        except Exception:  # a stored version that no longer loads: fall back to the defaults
            return Inheritance(inherit(scenario, None))
        start = Inheritance.from_json(earlier.initial_state)  # the earlier one may be a follow-up too
        final = final_state(earlier_scenario, earlier.answers, start.values if start else None)
        return Inheritance(inherit(scenario, final), earlier.uid)

    def record_answer(
        self,
        attempt_id: int,
        decision_id: str,
        option_id: str,
        *,
        own_words: str | None = None,
        seconds: float | None = None,
        credit: float,
        shown_order: Sequence[str] | None = None,
        confidence: int | None = None,
        timed_out: bool = False,
    ) -> dto.Answer:
        """Store one answer; it is committed (durable) when this returns.

        ``timed_out``: real time ran out (the answer is the key's no-intervention option or
        ``NO_INTERVENTION``, which always counts as timed out).

        The credit must be the key's credit for that option in the attempt's
        scenario version (``core.scoring.credit``); answers are final.
        ``shown_order``: the option ids in the order the trainee saw them (a
        permutation of the decision's options); without it, the order the
        attempt's seed gives is stored.
        """
        if own_words is not None:
            own_words = own_words.strip() or None
            if own_words is not None and len(own_words) > MAX_TEXT:
                raise InvalidAnswer(
                    "the intervention in your own words is too long (at most {limit:,} characters)",
                    limit=MAX_TEXT,
                )
        if seconds is not None and (not math.isfinite(seconds) or seconds < 0):
            raise InvalidAnswer("invalid time taken: {value}", value=repr(seconds))
        if not isinstance(credit, int | float) or not math.isfinite(credit):
            raise InvalidAnswer("invalid credit: {value}", value=repr(credit))
        if confidence is not None and confidence not in (1, 2, 3):
            raise InvalidAnswer(
                "invalid confidence: {value} (1 unsure, 2 fairly sure, 3 sure)", value=repr(confidence)
            )

        def work(session: Session) -> dto.Answer:
            attempt = self._db._get(session, m.Attempt, attempt_id, "attempt")
            if attempt.finished_at is not None:
                raise InvalidAnswer(
                    "attempt {attempt_id} is finished; it takes no more answers", attempt_id=attempt_id
                )
            scenario = self._db._scenario(attempt.version)
            try:
                decision = scenario.decision(decision_id)
                expected = key_credit(decision, option_id)
            except KeyError:
                raise InvalidAnswer(
                    "scenario '{scenario_id}' has no decision '{decision_id}'",
                    scenario_id=scenario.id,
                    decision_id=decision_id,
                ) from None
            except ScoringError as exc:
                raise InvalidAnswer("{reason}", reason=str(exc)) from None
            if abs(credit - expected) > CREDIT_TOLERANCE:
                raise InvalidAnswer(
                    "credit {credit:g} for option '{option_id}' of '{decision_id}' does not match "
                    "the expert key of this scenario version ({expected:g})",
                    credit=credit,
                    option_id=option_id,
                    decision_id=decision_id,
                    expected=expected,
                )
            if shown_order is None:
                order = list(option_order.shown_order(decision, attempt.option_seed))
            elif option_order.is_permutation(list(shown_order), decision):
                order = list(shown_order)
            else:
                raise InvalidAnswer(
                    "the order shown for '{decision_id}' ({shown}) is not an order of its options ({options})",
                    decision_id=decision_id,
                    shown=", ".join(map(str, shown_order)),
                    options=", ".join(o.id for o in decision.options),
                )
            duplicate = session.scalars(
                select(m.AnswerRow.id).where(
                    m.AnswerRow.attempt_id == attempt_id, m.AnswerRow.decision_id == decision_id
                )
            ).first()
            if duplicate is not None:
                raise AnswerExists(_ANSWERED, decision_id=decision_id, attempt_id=attempt_id)
            row = m.AnswerRow(
                attempt_id=attempt_id,
                decision_id=decision_id,
                option_id=option_id,
                competency=decision.competency,
                own_words=own_words,
                seconds=seconds,
                credit=float(expected),
                shown_order=order,
                confidence=confidence,
                timed_out=bool(timed_out) or option_id == NO_INTERVENTION,
            )
            session.add(row)
            session.flush()
            # Same transaction: the answer and its spaced-review card are saved together.
            review_cards.on_answer(
                session, attempt.profile_id, scenario.id, decision, float(expected), confidence, seconds
            )
            return answer_dto(row)

        try:
            return self._db._write(work)
        except IntegrityError:
            raise AnswerExists(_ANSWERED, decision_id=decision_id, attempt_id=attempt_id) from None

    def finish_attempt(self, attempt_id: int) -> dto.Attempt:
        """Mark finished and store the total (finishing twice changes nothing)."""

        def work(session: Session) -> dto.Attempt:
            row = self._db._get(session, m.Attempt, attempt_id, "attempt")
            if row.finished_at is None:
                # Total first: reading answers autoflushes, and one UPDATE sets both columns
                # (on PostgreSQL a member may update only attempts that are still unfinished).
                total = score(row.version.scenario_id, list(row.answers)).total
                row.finished_at, row.total = utcnow(), total
                session.flush()
            return attempt_dto(row)

        finished = self._db._write(work)
        if self._db.auto_backup:
            self._db.backup_in_background()  # as Anki does: a finished attempt is worth a copy
        return finished

    def attempt(self, attempt_id: int) -> dto.Attempt:
        def work(session: Session) -> dto.Attempt:
            row = session.scalars(attempt_query().where(m.Attempt.id == attempt_id)).first()
            if row is None:
                raise NotFound("no attempt with id {key}", key=attempt_id)
            return attempt_dto(row)

        return self._db._read(work)

    def attempt_by_uid(self, uid: str) -> dto.Attempt | None:
        def work(session: Session) -> dto.Attempt | None:
            row = session.scalars(attempt_query().where(m.Attempt.uid == uid)).first()
            return attempt_dto(row) if row else None

        return self._db._read(work)

    def resumable_attempt(self, profile_id: int, scenario_id: str) -> dto.Attempt | None:
        """The newest unfinished attempt of this profile at this scenario, with its answers.

        One with answers comes before a newer empty one: starting a scenario stores an
        attempt at once, so "start new, then leave" would otherwise hide the answered
        attempt from every later resume (and the start-up prompt) for good.
        """
        answered = select(m.AnswerRow.id).where(m.AnswerRow.attempt_id == m.Attempt.id).exists()

        def work(session: Session) -> dto.Attempt | None:
            row = session.scalars(
                attempt_query()
                .where(
                    m.Attempt.profile_id == profile_id,
                    m.ScenarioVersion.scenario_id == scenario_id,
                    m.Attempt.finished_at.is_(None),
                )
                .order_by(case((answered, 0), else_=1), m.Attempt.started_at.desc(), m.Attempt.id.desc())
            ).first()
            return attempt_dto(row) if row else None

        return self._db._read(work)

    def attempts(
        self,
        *,
        profile_id: int | None = None,
        scenario_id: str | None = None,
        finished: bool | None = None,
    ) -> list[dto.Attempt]:
        def work(session: Session) -> list[dto.Attempt]:
            query = attempt_query().order_by(m.Attempt.started_at, m.Attempt.id)
            if profile_id is not None:
                query = query.where(m.Attempt.profile_id == profile_id)
            if scenario_id is not None:
                query = query.where(m.ScenarioVersion.scenario_id == scenario_id)
            if finished is True:
                query = query.where(m.Attempt.finished_at.is_not(None))
            elif finished is False:
                query = query.where(m.Attempt.finished_at.is_(None))
            return [attempt_dto(a) for a in session.scalars(query).unique()]

        return self._db._read(work)

    def best_scores(self, profile_id: int) -> dict[str, float]:
        best: dict[str, float] = {}
        for attempt in self.attempts(profile_id=profile_id, finished=True):
            if attempt.total is not None:
                best[attempt.scenario_id] = max(attempt.total, best.get(attempt.scenario_id, attempt.total))
        return best

    def progress(self, profile_id: int) -> list[dto.ProgressPoint]:
        def work(session: Session) -> list[dto.ProgressPoint]:
            query = (
                attempt_query()
                .where(m.Attempt.profile_id == profile_id, m.Attempt.finished_at.is_not(None))
                .order_by(m.Attempt.finished_at, m.Attempt.id)
            )
            points = []
            for row in session.scalars(query).unique():
                scored = score(row.version.scenario_id, list(row.answers))
                points.append(
                    dto.ProgressPoint(
                        row.id,
                        row.finished_at,
                        row.version.scenario_id,
                        scored.total,
                        dict(scored.competencies),
                    )
                )
            return points

        return self._db._read(work)
