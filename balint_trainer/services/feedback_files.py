"""Feedback files: a supervisor's comments travel to an offline (SQLite) trainee.

On a shared PostgreSQL database a trainee reads the comments on their own attempts
directly (row-level security, ``0002_postgres_rls``). Offline, attempts travel trainee →
supervisor in attempt bundles (:mod:`services.bundles`) and the comments come back in a
feedback file::

    {"format": "balint-feedback/1", "exported_at": ISO-8601, "app_version": "...",
     "trainee": {"name", "uid"},
     "attempt_uids": [uid, ...],            # every attempt of the trainee the file applies to
     "comments": [{"uid", "attempt_uid", "decision_id" (null: the whole attempt),
                   "author": {"uid", "name", "role"}, "text", "created_at"}]}

Comments are matched on their ``uid`` (``comments.uid``, migration 0007), attempts on
theirs: importing a file twice adds nothing, and a later file adds only the comments
written since. Comments on attempts this database does not hold are counted and listed
in the report, never an error for the rest. Authors are matched on their profile uid;
an author this database does not know becomes a supervisor/organiser profile here (its
name gets " (2)" … if a different person already has it).

The file is untrusted: its size is checked before reading, JSON nesting depth and the
length of every number are bounded before anything is built, the shape is a strict
pydantic schema (unknown keys are errors), every comment must name one of the file's
attempts and a decision of that attempt's scenario, and a comment already stored with
other content refuses the whole file. The import is one transaction: all or nothing.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.core.fileio import atomic_write_bytes
from balint_trainer.core.untrusted import exception_problem
from balint_trainer.core.untrusted_model import ModelInputError, read_model, summarise_validation
from balint_trainer.services import dto
from balint_trainer.services.errors import ServiceError
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow

if TYPE_CHECKING:
    from balint_trainer.services.database import Database

FEEDBACK_FORMAT = "balint-feedback/1"
MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 8  # the format nests 4 deep; anything deeper is not a feedback file
MAX_NUMBER_CHARS = 32  # digits; the format has no numbers at all
MAX_COMMENTS = 50_000
MAX_TEXT = 20_000
_UID_CHUNK = 500

Uid = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Ident = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class FeedbackFileError(ServiceError):
    """A feedback file that cannot be imported (or written); nothing was changed."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FeedbackPerson(_Strict):
    uid: Uid
    name: Name


class FeedbackAuthor(FeedbackPerson):
    role: Literal["supervisor", "organiser"]


class FeedbackComment(_Strict):
    uid: Uid
    attempt_uid: Uid
    decision_id: Ident | None = None
    author: FeedbackAuthor
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT)]
    created_at: AwareDatetime


class FeedbackFile(_Strict):
    format: Literal["balint-feedback/1"]
    exported_at: AwareDatetime
    app_version: Annotated[str, StringConstraints(max_length=50)] = ""
    trainee: FeedbackPerson
    attempt_uids: Annotated[list[Uid], Field(max_length=100_000)]
    comments: Annotated[list[FeedbackComment], Field(max_length=MAX_COMMENTS)]


# ----------------------------------------------------------------------------- reading
def _check_comments(checked: FeedbackFile, name: str) -> FeedbackFile:
    attempts = set(checked.attempt_uids)
    seen: set[str] = set()
    for index, comment in enumerate(checked.comments):
        where = f"{name}: comments[{index}]"
        if comment.uid in seen:
            raise FeedbackFileError(f"{where}: comment {comment.uid} appears twice")
        seen.add(comment.uid)
        if comment.attempt_uid not in attempts:
            raise FeedbackFileError(
                f"{where}: attempt {comment.attempt_uid} is not among the file's attempt_uids"
            )
    return checked


def read_feedback(path: Path) -> FeedbackFile:
    """Read and check a feedback file; raises :class:`FeedbackFileError` for anything wrong."""
    name = str(path)
    try:
        # The shared guarded reader: size before reading, depth and number length before json runs.
        checked, _text = read_model(
            path,
            FeedbackFile,
            expected_format=FEEDBACK_FORMAT,
            max_bytes=MAX_FILE_BYTES,
            max_depth=MAX_DEPTH,
            max_int_digits=MAX_NUMBER_CHARS,
        )
        return _check_comments(checked, name)
    except ModelInputError as exc:
        raise FeedbackFileError(exc.one_line("a feedback file", "invalid feedback file")) from None
    except FeedbackFileError:
        raise
    except Exception as exc:  # the last line of defence: a hostile file never gives a traceback
        raise FeedbackFileError(str(exception_problem(name, exc))) from None


# ----------------------------------------------------------------------------- export
def _derived_uid(comment: m.Comment, attempt_uid: str) -> str:
    """A stable uid for a comment stored without one (raw SQL): the same on every export,
    so importing again still adds nothing; members may not update comments to store it."""
    return str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"balint-comment:{attempt_uid}:{comment.id}:{comment.created_at}")
    )


def export_feedback(service: Database, profile_id: int, path: Path) -> int:
    """Write every comment on the profile's attempts to ``path`` (atomically); how many."""
    from balint_trainer import __version__

    def work(session: Session) -> dict[str, Any]:
        profile = session.get(m.Profile, profile_id)
        if profile is None:
            from balint_trainer.services.errors import NotFound

            raise NotFound(f"no profile with id {profile_id}")
        attempts: dict[int, str] = {
            row.id: row.uid
            for row in session.execute(
                select(m.Attempt.id, m.Attempt.uid)
                .where(m.Attempt.profile_id == profile_id)
                .order_by(m.Attempt.id)
            )
        }
        comments = session.scalars(
            select(m.Comment)
            .where(m.Comment.attempt_id.in_(attempts))
            .order_by(m.Comment.created_at, m.Comment.id)
        ).all()
        return {
            "format": FEEDBACK_FORMAT,
            "exported_at": utcnow(),
            "app_version": __version__[:50],
            "trainee": {"uid": profile.uid, "name": profile.name},
            "attempt_uids": list(attempts.values()),
            "comments": [
                {
                    "uid": c.uid or _derived_uid(c, attempts[c.attempt_id]),
                    "attempt_uid": attempts[c.attempt_id],
                    "decision_id": c.decision_id,
                    "author": {"uid": c.author.uid, "name": c.author.name, "role": c.author.role},
                    "text": c.text,
                    "created_at": c.created_at,
                }
                for c in comments
                if c.author.role in ("supervisor", "organiser")
            ],
        }

    data = service._read(work)
    try:
        document = FeedbackFile.model_validate(data)
    except ValidationError as exc:
        raise FeedbackFileError(
            f"{path}: the stored comments cannot be exported: {summarise_validation(exc)}"
        ) from None
    try:
        atomic_write_bytes(path, document.model_dump_json(indent=1).encode("utf-8"), keep_mode=False)
    except OSError as exc:
        raise FeedbackFileError(f"{path}: cannot write the feedback file: {exc.strerror or exc}") from None
    return len(document.comments)


# ----------------------------------------------------------------------------- import
def _author(session: Session, author: FeedbackAuthor, source: str) -> m.Profile:
    row = session.scalars(select(m.Profile).where(m.Profile.uid == author.uid)).first()
    if row is not None:
        if row.role not in ("supervisor", "organiser"):
            raise FeedbackFileError(
                f"{source}: the comments' author '{author.name}' is a {row.role} here; nothing was imported"
            )
        return row
    name, n = author.name, 1
    while session.scalars(select(m.Profile.id).where(m.Profile.name == name)).first() is not None:
        n += 1
        name = f"{author.name} ({n})"
    row = m.Profile(uid=author.uid, name=name, role=author.role)
    session.add(row)
    session.flush()
    return row


def import_feedback(service: Database, path: Path) -> dto.FeedbackImportReport:
    source = str(path)
    document = read_feedback(path)

    def work(session: Session) -> dto.FeedbackImportReport:
        uids = sorted({c.attempt_uid for c in document.comments})
        attempts: dict[str, m.Attempt] = {}
        for start in range(0, len(uids), _UID_CHUNK):
            chunk = uids[start : start + _UID_CHUNK]
            attempts.update(
                (a.uid, a) for a in session.scalars(select(m.Attempt).where(m.Attempt.uid.in_(chunk)))
            )
        unknown = tuple(u for u in uids if u not in attempts)
        new = present = skipped = 0
        authors: dict[str, m.Profile] = {}
        for index, comment in enumerate(document.comments):
            attempt = attempts.get(comment.attempt_uid)
            if attempt is None:
                skipped += 1
                continue
            where = f"{source}: comments[{index}]"
            if comment.decision_id is not None:
                try:
                    service._scenario(attempt.version).decision(comment.decision_id)
                except KeyError:
                    raise FeedbackFileError(
                        f"{where}: scenario '{attempt.version.scenario_id}' has no decision "
                        f"'{comment.decision_id}'; nothing was imported"
                    ) from None
            stored = session.scalars(select(m.Comment).where(m.Comment.uid == comment.uid)).first()
            if stored is not None:
                if (stored.attempt_id, stored.decision_id, stored.text) != (
                    attempt.id,
                    comment.decision_id,
                    comment.text,
                ):
                    raise FeedbackFileError(
                        f"{where}: comment {comment.uid} is stored here with other content; nothing was imported"
                    )
                present += 1
                continue
            if comment.author.uid not in authors:
                authors[comment.author.uid] = _author(session, comment.author, source)
            session.add(
                m.Comment(
                    uid=comment.uid,
                    attempt_id=attempt.id,
                    decision_id=comment.decision_id,
                    author_id=authors[comment.author.uid].id,
                    text=comment.text,
                    created_at=comment.created_at,
                )
            )
            new += 1
        session.flush()
        return dto.FeedbackImportReport(
            trainee_name=document.trainee.name,
            comments_new=new,
            comments_present=present,
            attempts_matched=len(uids) - len(unknown),
            unknown_attempts=unknown,
            comments_skipped=skipped,
        )

    try:
        return service._write(work)
    except IntegrityError as exc:
        raise FeedbackFileError(
            f"{source}: conflicts with stored data ({exc.orig}); nothing was imported"
        ) from None
