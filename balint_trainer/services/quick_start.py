"""Who practises, read before SQLAlchemy is loaded: the warm start's fast path.

Importing SQLAlchemy's ORM takes about 0.25 s and 30 MiB, more than the window itself, and a
warm start needs nothing from it to be ready to practise but the trainee profiles. A local
SQLite database already at the current schema is read here with the stdlib ``sqlite3``
module; the app then opens the full service (:func:`open_service`, with its start-up backup)
just after it is ready, and calls made meanwhile wait for it (:class:`DeferredServices`).

Anything else returns None and the start takes the full path as before: PostgreSQL, a URL
with options, no database file yet, an older or newer schema, no trainee profile yet (the
first one is created), or any error reading.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from balint_trainer.services import dto
from balint_trainer.storage.location import HEAD_REVISION, plain_sqlite_file, resolve_url

# The same rows, in the same order, as AccountService.profiles(role="trainee") and has_password().
_TRAINEES = (
    "SELECT id, name, role, cohort, db_role, uid FROM profiles WHERE role = 'trainee' ORDER BY name, id"
)
_LOCKED = "SELECT profile_id FROM credentials"
BUSY_TIMEOUT_S = 5.0  # readers wait only for a checkpoint in WAL mode; longer means "take the full path"


@dataclass(frozen=True)
class QuickStart:
    """What a warm start needs to be ready: where the answers go and who may practise."""

    url: str
    database_file: Path
    trainees: tuple[dto.Profile, ...]
    locked: frozenset[int]  # ids of the trainees with a password


def read_quick_start(url: str | None = None) -> QuickStart | None:
    """The trainees of a local database at the current schema, read without SQLAlchemy; None:
    open the full service instead (it migrates, creates, or says what is wrong). Never raises."""
    try:
        resolved = resolve_url(url)
        path = plain_sqlite_file(resolved)
        if path is None or not path.is_file():
            return None
        # mode=rw: never creates a file (a missing one is the full path's job, with migrations).
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
            if revisions != [(HEAD_REVISION,)]:
                return None
            trainees = tuple(
                dto.Profile(int(pid), str(name), str(role), cohort, db_role, uid=str(uid))
                for pid, name, role, cohort, db_role, uid in connection.execute(_TRAINEES)
            )
            locked = frozenset(int(pid) for (pid,) in connection.execute(_LOCKED))
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError, TypeError):
        return None
    if not trainees:
        return None
    return QuickStart(resolved, path, trainees, locked & {p.id for p in trainees})
