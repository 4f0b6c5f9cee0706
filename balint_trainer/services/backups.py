"""The local database's backups as the GUI and CLI see them (errors as ServiceErrors)."""

from __future__ import annotations

from pathlib import Path

from balint_trainer.services.errors import DatabaseUnavailable
from balint_trainer.storage.backup import Backup, BackupError, list_backups, restore_backup, sqlite_path
from balint_trainer.storage.engine import resolve_url

__all__ = ["Backup", "backups_of", "local_database_file", "restore"]


def local_database_file(url: str | None) -> Path | None:
    """The SQLite file the app would open for ``url`` (None for PostgreSQL)."""
    return sqlite_path(resolve_url(url))


def backups_of(database: Path) -> list[Backup]:
    """Newest first."""
    return list_backups(database)


def restore(database: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place (the database must be closed); where the old file went."""
    try:
        return restore_backup(database, backup)
    except BackupError as exc:
        raise DatabaseUnavailable(str(exc)) from None
