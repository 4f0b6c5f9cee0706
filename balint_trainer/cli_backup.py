"""``backup`` and ``restore-backup``: the local database's rotating backups from a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    commands.add_parser("backup", help="back up the local database now (SQLite)")
    restore = commands.add_parser(
        "restore-backup", help="list the local database's backups, or restore one (the current file is kept)"
    )
    restore.add_argument("file", nargs="?", help="the backup to restore (default: list them)")
    restore.add_argument("--latest", action="store_true", help="restore the newest backup")


def _database(args: argparse.Namespace, err: TextIO) -> Path | None:
    from balint_trainer.storage.backup import sqlite_path
    from balint_trainer.storage.engine import resolve_url

    path = sqlite_path(resolve_url(args.database))
    if path is None:
        print("error: backups are for the local SQLite database; back up PostgreSQL with pg_dump", file=err)
    return path


def cmd_backup(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.storage.backup import BackupError, make_backup

    database = _database(args, err)
    if database is None:
        return EXIT_USAGE
    try:
        made = make_backup(database)
    except BackupError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    if made is None:
        print(f"error: there is no database at {database} yet", file=err)
        return EXIT_INVALID
    print(made, file=out)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from balint_trainer.storage.backup import BackupError, list_backups, restore_backup

    database = _database(args, err)
    if database is None:
        return EXIT_USAGE
    backups = list_backups(database)
    if not args.file and not args.latest:
        for backup in backups:
            print(f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC  {backup.size:>10,} bytes  {backup.path}", file=out)
        if not backups:
            print(f"no backups of {database} yet", file=err)
        return EXIT_OK
    if args.latest and not backups:
        print(f"error: no backups of {database} yet", file=err)
        return EXIT_INVALID
    chosen = backups[0].path if args.latest else Path(args.file)
    try:
        aside = restore_backup(database, chosen)
    except BackupError as exc:
        print(f"error: {exc}", file=err)
        return EXIT_INVALID
    print(f"restored {chosen} to {database}", file=out)
    if aside is not None:
        print(f"the previous file is kept as {aside}", file=out)
    return EXIT_OK
