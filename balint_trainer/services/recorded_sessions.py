"""Storing, editing, deleting and exchanging coded recorded sessions (see core.recorded_session).

Edits replace a coding in place (same uid, ``updated_at`` set): the trainee's view, reports and
bundles always show the current coding, and an import keeps the later of two versions. Only the
coding supervisor or an organiser may edit or delete one (on PostgreSQL the database enforces
it too: migration ``0014_recorded_edit``). Deleting cannot be undone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from balint_trainer.core import recorded_session as rs
from balint_trainer.services.errors import BundleError, PermissionDenied, ServiceError
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow

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
        supervisor_name=row.supervisor.name if row.supervisor else (row.supervisor_name or ""),
        created_at=row.created_at,
        updated_at=row.updated_at,
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


def _checked(coded: rs.RecordedSession) -> None:
    try:
        rs.check(coded)
    except rs.CodingError as exc:
        raise ServiceError(str(exc)) from None


def _editable(service: Database, session: Session, coding_id: int, editor_id: int) -> m.RecordedSessionRow:
    """The stored coding, if ``editor_id`` coded it or is an organiser (PermissionDenied otherwise)."""
    row = service._get(session, m.RecordedSessionRow, coding_id, "coded session")
    editor = service._get(session, m.Profile, editor_id, "profile")
    if editor.role != "organiser" and (editor.role != "supervisor" or row.supervisor_id != editor.id):
        raise PermissionDenied(
            f"{editor.name} did not code this session; only its supervisor or an organiser may change it"
        )
    return row


def update(
    service: Database, coding_id: int, editor_id: int, coded: rs.RecordedSession
) -> rs.RecordedSession:
    """Replace moments, global ratings, note (and a duration learnt since) of a stored coding.

    The recording's identity (checksum, file name), trainee and coding supervisor never change."""
    _checked(coded)

    def work(session: Session) -> rs.RecordedSession:
        row = _editable(service, session, coding_id, editor_id)
        if coded.sha256 != row.sha256:
            raise ServiceError("this is not the recording that was coded (its checksum differs)")
        row.moments = rs.moments_to_json(tuple(sorted(coded.moments, key=lambda x: x.seconds)))
        row.global_ratings = dict(coded.global_ratings)
        row.note = coded.note.strip() or None
        row.duration_s = float(coded.duration_s)
        row.updated_at = utcnow()
        session.flush()
        return to_core(row)

    return service._write(work)


def delete(service: Database, coding_id: int, editor_id: int) -> None:
    """Delete a coding for good (there is no undo; the GUI asks first)."""

    def work(session: Session) -> None:
        session.delete(_editable(service, session, coding_id, editor_id))
        session.flush()

    service._write(work)


# ------------------------------------------------------------------------------- bundles


def export_bundle(session: Session, trainee_id: int) -> list[dict[str, Any]]:
    """The trainee's codings for an attempt bundle (optional ``recorded_sessions`` section).

    Never the recording: its checksum, duration and name, the marks, global ratings, note and
    the coding supervisor's name."""
    rows = session.scalars(
        select(m.RecordedSessionRow)
        .where(m.RecordedSessionRow.trainee_id == trainee_id)
        .order_by(m.RecordedSessionRow.created_at, m.RecordedSessionRow.id)
    )
    out = []
    for row in rows:
        coding = to_core(row)
        out.append(
            {
                "uid": coding.uid,
                "file_name": coding.file_name,
                "sha256": coding.sha256,
                "duration_s": coding.duration_s,
                "moments": rs.moments_to_json(coding.moments),
                "global_ratings": dict(coding.global_ratings),
                "note": coding.note or None,
                "supervisor_name": coding.supervisor_name or "?",
                "created_at": coding.created_at,
                "updated_at": coding.updated_at,
            }
        )
    return out


def _stamp(created: datetime, updated: datetime | None) -> datetime:
    return updated or created


def import_bundle(session: Session, trainee_id: int, items: Iterable[Any], source: str) -> tuple[int, int]:
    """Merge a bundle's codings into the trainee's record; returns (added, updated).

    Idempotent by uid: a coding already here is replaced only by a later edit of it. The coding
    supervisor is the profile of that name here (a supervisor or organiser), else kept by name.
    A coding is never moved to another trainee: such a bundle is refused (BundleError)."""
    added = updated = 0
    for item in items:
        try:
            moments = rs.moments_from_json([moment.model_dump() for moment in item.moments])
            coded = rs.RecordedSession(
                item.file_name, item.sha256, item.duration_s, moments, dict(item.global_ratings), item.note or ""
            )
            rs.check(coded)
        except rs.CodingError as exc:
            raise BundleError(f"{source}: recorded session {item.uid}: {exc}; nothing was imported") from None
        row = session.scalars(select(m.RecordedSessionRow).where(m.RecordedSessionRow.uid == item.uid)).first()
        if row is not None:
            if row.trainee_id != trainee_id or row.sha256 != item.sha256:
                raise BundleError(
                    f"{source}: recorded session {item.uid} is stored here for another trainee or "
                    "recording; nothing was imported"
                )
            if _stamp(item.created_at, item.updated_at) <= _stamp(row.created_at, row.updated_at):
                continue
            updated += 1
        else:
            supervisor = session.scalars(
                select(m.Profile).where(
                    m.Profile.name == item.supervisor_name, m.Profile.role.in_(("supervisor", "organiser"))
                )
            ).first()
            row = m.RecordedSessionRow(
                uid=item.uid,
                trainee_id=trainee_id,
                supervisor_id=supervisor.id if supervisor is not None else None,
                supervisor_name=None if supervisor is not None else item.supervisor_name,
                file_name=coded.file_name.strip(),
                sha256=coded.sha256,
                created_at=item.created_at,
            )
            session.add(row)
            added += 1
        row.duration_s = float(coded.duration_s)
        row.moments = rs.moments_to_json(coded.moments)
        row.global_ratings = dict(coded.global_ratings)
        row.note = coded.note.strip() or None
        row.updated_at = item.updated_at
    session.flush()
    return added, updated
