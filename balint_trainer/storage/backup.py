"""Rotating backups of the local SQLite database, and restoring one.

Like Anki: a backup is taken when the app opens the database and after each finished
attempt; the newest :data:`KEEP` are kept. A backup is a consistent copy made with
SQLite's online backup API (safe while the app writes, WAL included) and checked with
``PRAGMA integrity_check`` before it counts. Restoring never destroys anything: the
current file (damaged or not) is moved aside as ``*.replaced-<time>`` first.

PostgreSQL courses are backed up by their administrator (``pg_dump``); nothing here
applies to them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

KEEP = 10
FOLDER_NAME = "backups"
PREFIX = "balint-trainer-"
SUFFIX = ".sqlite3"
# A start-up backup is skipped when the newest one is younger than this: opening the
# app ten times in an hour must not rotate away yesterday's good copy.
MIN_INTERVAL_S = 15 * 60

_lock = threading.Lock()  # one backup at a time per process


class BackupError(Exception):
    """A backup could not be made or restored; the message is fit to show to a user."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    size: int


def backup_folder(database: Path) -> Path:
    return database.parent / FOLDER_NAME


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None (memory, PostgreSQL)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def list_backups(database: Path) -> list[Backup]:
    """Backups of ``database``, newest first."""
    folder = backup_folder(database)
    found: list[Backup] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{PREFIX}*{SUFFIX}"):
            stamp = path.name[len(PREFIX) : -len(SUFFIX)]
            try:
                taken = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
                found.append(Backup(path, taken, path.stat().st_size))
            except (ValueError, OSError):
                continue  # not ours, or gone meanwhile
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _integrity_ok(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = connection.execute("PRAGMA integrity_check").fetchone()
        return row is not None and row[0] == "ok"
    except sqlite3.Error:
        return False
    finally:
        connection.close()


def _online_copy(source_path: Path, target_path: Path) -> None:
    """A consistent copy through SQLite's backup API (safe while another connection writes)."""
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    try:
        copy = sqlite3.connect(target_path)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def make_backup(database: Path, *, keep: int = KEEP, min_interval_s: float = 0, now: datetime | None = None) -> Path | None:
    """Copy ``database`` into its backup folder and drop all but the newest ``keep`` backups.

    Returns the new backup, or None when one was taken less than ``min_interval_s`` ago or the
    database does not exist yet. Raises :class:`BackupError` when the copy fails or is damaged
    (a damaged database never replaces a good backup)."""
    if not database.is_file():
        return None
    now = now or datetime.now(UTC)
    with _lock:
        existing = list_backups(database)
        if existing and min_interval_s and (now - existing[0].taken_at).total_seconds() < min_interval_s:
            return None
        folder = backup_folder(database)
        target = folder / f"{PREFIX}{now.strftime('%Y%m%dT%H%M%S%f')}Z{SUFFIX}"
        partial = target.with_name(target.name + ".partial")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _online_copy(database, partial)
            if not _integrity_ok(partial):
                raise BackupError(f"the database {database} is damaged; no backup was made from it")
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(f"cannot back up {database} to {folder}: {exc}") from None
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()
        for old in list_backups(database)[keep:]:
            with contextlib.suppress(OSError):
                old.path.unlink()
        return target


def restore_backup(database: Path, backup: Path, *, now: datetime | None = None) -> Path | None:
    """Put ``backup`` in place of ``database`` (which must not be open).

    The current file and its WAL are moved aside first, never deleted; returns where they went
    (None if there was no database). Raises :class:`BackupError` if the backup is damaged."""
    if not _integrity_ok(backup):
        raise BackupError(f"the backup {backup} is damaged; nothing was changed")
    now = now or datetime.now(UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    aside = database.with_name(f"{database.name}.replaced-{stamp}")
    staged = database.with_name(database.name + ".restoring")
    try:
        # Copy first, so a failure half-way leaves the current database untouched.
        _online_copy(backup, staged)
        moved: Path | None = None
        if database.exists():
            os.replace(database, aside)
            moved = aside
        for extra in ("-wal", "-shm"):
            companion = database.with_name(database.name + extra)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + extra))
        os.replace(staged, database)
        return moved
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot restore {backup} to {database}: {exc}") from None
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()
