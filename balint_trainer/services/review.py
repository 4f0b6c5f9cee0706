"""Supervision (``service.review``): cohort analysis, comments, recorded sessions, feedback files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from balint_trainer.services import dto
from balint_trainer.services.database import Database
from balint_trainer.services.errors import NotFound, PermissionDenied, ServiceError
from balint_trainer.services.mapping import MAX_TEXT, comment_dto
from balint_trainer.services.scenarios import ScenarioStore
from balint_trainer.storage import models as m

if TYPE_CHECKING:
    from balint_trainer.core.analytics import AnswerRow, ItemStats
    from balint_trainer.core.psychometrics import ScenarioReliability
    from balint_trainer.core.recorded_session import RecordedSession


class ReviewService:
    def __init__(self, db: Database, scenarios: ScenarioStore) -> None:
        self._db = db
        self._scenarios = scenarios

    # ------------------------------------------------------------ item analysis
    def answer_rows(self, scenario_id: str | None = None, cohort: str | None = None) -> list[AnswerRow]:
        """Every stored answer as a flat AnswerRow (input of core.analytics.item_analysis)."""
        from balint_trainer.services.answer_rows import query_answer_rows

        return self._db._read(lambda session: query_answer_rows(session, scenario_id, cohort))

    def reliability(
        self, scenario_id: str | None = None, cohort: str | None = None
    ) -> list[ScenarioReliability]:
        """Cronbach's alpha and item–rest correlations per scenario over finished attempts
        (``core.psychometrics.ScenarioReliability``; items: the latest version's decisions)."""
        from balint_trainer.services.reliability import reliabilities

        def decisions_of(sid: str) -> list[str] | None:
            version = self._scenarios.latest_version(sid)
            if version is None:
                return None
            try:
                return [d.decision for d in self._db._scenario(version).decisions]
            except ServiceError:
                return None

        return reliabilities(self.answer_rows(scenario_id, cohort), decisions_of)

    def item_analysis(
        self, scenario_id: str | None = None, cohort: str | None = None, *, finished_only: bool = False
    ) -> list[ItemStats]:
        """Cohort item statistics computed in the database: the same result as
        ``core.analytics.item_analysis(self.answer_rows(scenario_id, cohort))`` (with
        ``finished_only``: over the rows whose ``attempt_total`` is not None), several times faster."""
        from balint_trainer.services.item_analysis import query_item_analysis

        return self._db._read(
            lambda session: query_item_analysis(session, scenario_id, cohort, finished_only=finished_only)
        )

    # ---------------------------------------------------------------- comments
    def add_comment(
        self, attempt_id: int, author_id: int, text: str, decision_id: str | None = None
    ) -> dto.Comment:
        body = (text or "").strip()
        if not body:
            raise ServiceError("the comment is empty")
        if len(body) > MAX_TEXT:
            raise ServiceError("the comment is too long (at most {limit:,} characters)", limit=MAX_TEXT)

        def work(session: Session) -> dto.Comment:
            attempt = self._db._get(session, m.Attempt, attempt_id, "attempt")
            author = self._db._get(session, m.Profile, author_id, "profile")
            if author.role not in ("supervisor", "organiser"):
                raise PermissionDenied(
                    "{author} is a {role}; only supervisors and organisers comment",
                    author=author.name,
                    role=author.role,
                )
            if decision_id is not None:
                try:
                    self._db._scenario(attempt.version).decision(decision_id)
                except KeyError:
                    raise NotFound(
                        "scenario '{scenario_id}' has no decision '{decision_id}'",
                        scenario_id=attempt.version.scenario_id,
                        decision_id=decision_id,
                    ) from None
            row = m.Comment(attempt_id=attempt_id, author_id=author_id, decision_id=decision_id, text=body)
            session.add(row)
            session.flush()
            return comment_dto(row, author.name)

        return self._db._write(work)

    def comments(self, attempt_id: int) -> list[dto.Comment]:
        def work(session: Session) -> list[dto.Comment]:
            rows = session.scalars(
                select(m.Comment)
                .where(m.Comment.attempt_id == attempt_id)
                .order_by(m.Comment.created_at, m.Comment.id)
            )
            return [comment_dto(c) for c in rows]

        return self._db._read(work)

    def unread_comments(self, profile_id: int) -> dto.UnreadComments:
        """Comments on this profile's attempts that it has not read (see services.comment_reads)."""
        from balint_trainer.services.comment_reads import unread_comments

        return self._db._read(lambda session: unread_comments(session, profile_id))

    def mark_comments_read(self, profile_id: int, attempt_id: int) -> set[int]:
        """Mark every comment on one of the profile's own attempts read; the ids newly marked."""
        from balint_trainer.services.comment_reads import mark_read

        return self._db._write(lambda session: mark_read(session, profile_id, attempt_id))

    # ------------------------------------------------------- recorded sessions
    def save_recorded_session(
        self, trainee_id: int, supervisor_id: int, coded: RecordedSession
    ) -> RecordedSession:
        """Store a supervisor's coding of a recording (core.recorded_session.RecordedSession)."""
        from balint_trainer.services import recorded_sessions

        return recorded_sessions.save(self._db, trainee_id, supervisor_id, coded)

    def recorded_sessions(self, trainee_id: int) -> list[RecordedSession]:
        from balint_trainer.services import recorded_sessions

        return recorded_sessions.of_trainee(self._db, trainee_id)

    def update_recorded_session(
        self, coding_id: int, editor_id: int, coded: RecordedSession
    ) -> RecordedSession:
        """Edit a coding in place (only its supervisor or an organiser: services.recorded_sessions)."""
        from balint_trainer.services import recorded_sessions

        return recorded_sessions.update(self._db, coding_id, editor_id, coded)

    def delete_recorded_session(self, coding_id: int, editor_id: int) -> None:
        from balint_trainer.services import recorded_sessions

        recorded_sessions.delete(self._db, coding_id, editor_id)

    # ---------------------------------------------------------- feedback files
    def export_feedback(self, profile_id: int, path: Path) -> int:
        """Write the comments on this trainee's attempts to a feedback file; returns how many."""
        from balint_trainer.services.feedback_files import export_feedback

        return export_feedback(self._db, profile_id, Path(path))

    def import_feedback(self, path: Path) -> dto.FeedbackImportReport:
        """Import a supervisor's feedback file atomically and idempotently."""
        from balint_trainer.services.feedback_files import import_feedback

        return import_feedback(self._db, Path(path))
