"""Which supervisor comments a trainee has read (table ``comment_reads``, migration 0007).

Only the trainee whose attempt a comment is on marks it read: the service checks that on
every backend, and on PostgreSQL row-level security enforces it for raw SQL too.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from balint_trainer.services import dto
from balint_trainer.services.errors import NotFound, PermissionDenied
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow


def unread_comments(session: Session, profile_id: int) -> dto.UnreadComments:
    read = (
        select(m.CommentRead.comment_id)
        .where(m.CommentRead.comment_id == m.Comment.id, m.CommentRead.profile_id == profile_id)
        .exists()
    )
    rows = session.execute(
        select(m.Attempt.id, m.ScenarioVersion.scenario_id, func.count(m.Comment.id))
        .join(m.Attempt, m.Attempt.id == m.Comment.attempt_id)
        .join(m.ScenarioVersion, m.ScenarioVersion.id == m.Attempt.version_id)
        # A comment the trainee wrote themselves (an organiser practising) is not news to them.
        .where(m.Attempt.profile_id == profile_id, m.Comment.author_id != profile_id, ~read)
        .group_by(m.Attempt.id, m.ScenarioVersion.scenario_id)
    ).all()
    by_attempt: dict[int, int] = {}
    by_scenario: dict[str, int] = {}
    for attempt_id, scenario_id, count in rows:
        by_attempt[attempt_id] = int(count)
        by_scenario[scenario_id] = by_scenario.get(scenario_id, 0) + int(count)
    return dto.UnreadComments(by_attempt, by_scenario)


def mark_read(session: Session, profile_id: int, attempt_id: int) -> set[int]:
    """Mark every comment on the attempt read for its trainee; returns the ids newly marked."""
    attempt = session.get(m.Attempt, attempt_id)
    if attempt is None:
        raise NotFound("no attempt with id {key}", key=attempt_id)
    if attempt.profile_id != profile_id:
        raise PermissionDenied("comments are marked read only by the trainee whose attempt they are on")
    already = select(m.CommentRead.comment_id).where(m.CommentRead.profile_id == profile_id)
    unread = set(
        session.scalars(
            select(m.Comment.id).where(
                m.Comment.attempt_id == attempt_id,
                m.Comment.author_id != profile_id,
                m.Comment.id.not_in(already),
            )
        )
    )
    now = utcnow()
    for comment_id in sorted(unread):
        session.add(m.CommentRead(comment_id=comment_id, profile_id=profile_id, read_at=now))
    session.flush()
    return unread
