"""Storing and reading coded recorded sessions (see core.recorded_session)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from balint_trainer.core import recorded_session as rs
from balint_trainer.services.errors import PermissionDenied, ServiceError
from balint_trainer.storage import models as m

if TYPE_CHECKING:
    from balint_trainer.services.database import Database


def to_core(row: m.RecordedSessionRow) -> rs.RecordedSession:
    return rs.RecordedSession(
        file_name=row.file_name,
        sha256=row.sha256,
        duration_s=row.duration_s,
        moments=rs.moments_from_json(row.moments or []),
        global_ratings=rs.ratings_from_json(row.global_ratings or {}),
        note=row.note or "",
        id=row.id,
        uid=row.uid,
        trainee_id=row.trainee_id,
        supervisor_id=row.supervisor_id,
        supervisor_name=row.supervisor.name if row.supervisor else "",
        created_at=row.created_at,
    )


def save(
    service: Database, trainee_id: int, supervisor_id: int, coded: rs.RecordedSession
) -> rs.RecordedSession:
    try:
        rs.check(coded)
    except rs.CodingError as exc:
        raise ServiceError(str(exc)) from None

    def work(session: Session) -> rs.RecordedSession:
        trainee = service._get(session, m.Profile, trainee_id, "profile")
        supervisor = service._get(session, m.Profile, supervisor_id, "profile")
        if trainee.role != "trainee":
            raise ServiceError(f"{trainee.name} is not a trainee")
        if supervisor.role not in ("supervisor", "organiser"):
            raise PermissionDenied(
                f"{supervisor.name} is a {supervisor.role}; only supervisors code sessions"
            )
        row = m.RecordedSessionRow(
            trainee_id=trainee_id,
            supervisor_id=supervisor_id,
            file_name=coded.file_name.strip(),
            sha256=coded.sha256,
            duration_s=float(coded.duration_s),
            moments=rs.moments_to_json(tuple(sorted(coded.moments, key=lambda x: x.seconds))),
            global_ratings=dict(coded.global_ratings),
            note=coded.note.strip() or None,
        )
        if coded.uid:
            row.uid = coded.uid
        session.add(row)
        session.flush()
        return to_core(row)

    return service._write(work)


def of_trainee(service: Database, trainee_id: int) -> list[rs.RecordedSession]:
    """The trainee's coded sessions, oldest first (on PostgreSQL: those this account may read)."""

    def work(session: Session) -> list[rs.RecordedSession]:
        rows = session.scalars(
            select(m.RecordedSessionRow)
            .where(m.RecordedSessionRow.trainee_id == trainee_id)
            .order_by(m.RecordedSessionRow.created_at, m.RecordedSessionRow.id)
        )
        return [to_core(row) for row in rows]

    return service._read(work)
