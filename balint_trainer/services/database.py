"""The unit of work every service role shares: engine, sessions, error mapping, backups.

Every public service method opens its own short Session through :meth:`Database._read`
or :meth:`Database._write` (engine and sessionmaker are thread-safe), so methods may be
called from worker threads. Writes commit before the method returns: once
``service.practice.record_answer`` has returned, the answer survives the process being killed.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from balint_trainer.services import dto
from balint_trainer.services.errors import (
    DatabaseCorrupt,
    DatabaseUnavailable,
    NotFound,
    PermissionDenied,
    ServiceError,
)
from balint_trainer.services.mapping import version_dto
from balint_trainer.storage import models as m
from balint_trainer.storage.engine import WRITE, redact

if TYPE_CHECKING:
    from balint_trainer.core.model import Scenario

T = TypeVar("T")
_LOCK_RETRIES = 8


def _is_sqlite_busy(exc: BaseException) -> bool:
    message = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in message or "database is busy" in message


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).splitlines()[0]


class Database:
    """One database: short read and write transactions, readable errors, parsed-version cache."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self._url = url
        self._read_sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(engine.execution_options(**WRITE), expire_on_commit=False)
        self._scenario_cache: dict[int, Scenario] = {}
        self._cache_lock = threading.Lock()
        self.backup_thread: threading.Thread | None = None  # the latest background backup
        self.auto_backup = False  # back up after each finished attempt (the app turns it on)

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return redact(self._url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        # Quick enough for the UI thread at quit (issue #11, measured): SQLite's last close
        # checkpoints the WAL, which auto-checkpointing keeps under ~4 MiB (median 13 ms, at
        # most 32 ms); PostgreSQL's sends a terminate message and waits for no reply (<1 ms).
        self.engine.dispose()

    # ------------------------------------------------------------------ backups
    @property
    def database_file(self) -> Path | None:
        """The local SQLite file (None on PostgreSQL or in memory)."""
        from balint_trainer.storage.backup import sqlite_path

        return sqlite_path(self._url)

    def backup_now(self, *, min_interval_s: float = 0) -> Path | None:
        """A rotating backup of the local database (SQLite only); the new file, or None."""
        from balint_trainer.storage.backup import BackupError, make_backup

        path = self.database_file
        if path is None:
            return None
        try:
            return make_backup(path, min_interval_s=min_interval_s)
        except BackupError as exc:
            raise DatabaseUnavailable("{reason}", reason=str(exc)) from None

    def backup_in_background(self, *, min_interval_s: float = 0) -> None:
        """Start :meth:`backup_now` on a daemon thread (the caller may be the UI thread).
        A failed background backup is not an error of the action that asked for it."""
        if self.database_file is None:
            return

        def work() -> None:
            with contextlib.suppress(ServiceError):
                self.backup_now(min_interval_s=min_interval_s)

        self.backup_thread = threading.Thread(target=work, name="backup", daemon=True)
        self.backup_thread.start()

    # ------------------------------------------------------------- transactions
    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Translate database errors into ServiceErrors with readable messages."""
        try:
            yield
        except ServiceError:
            raise
        except DBAPIError as exc:
            state = _sqlstate(exc)
            if state == "42501":
                raise PermissionDenied(
                    "the database refused this for the connected account: {reason}", reason=_first_line(exc)
                ) from None
            if isinstance(exc, OperationalError) and not _is_sqlite_busy(exc):
                raise DatabaseUnavailable(
                    "cannot use the database {url}: {reason}", url=self.url, reason=_first_line(exc)
                ) from None
            if self.dialect == "sqlite" and type(exc) is DatabaseError:
                # "database disk image is malformed" and the like: never report such a write as saved.
                raise DatabaseCorrupt(
                    "the database {url} is damaged ({reason}); restore a backup (File → Restore from backup…)",
                    url=self.url,
                    reason=_first_line(exc),
                ) from None
            raise

    def _read(self, work: Callable[[Session], T]) -> T:
        with self._errors(), self._read_sessions() as session, session.begin():
            return work(session)

    def _write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one write transaction, committed before returning.

        SQLite writers queue on the busy timeout; should one still see
        "database is locked", the whole transaction is retried.
        """
        for attempt in range(_LOCK_RETRIES):
            try:
                with self._errors(), self._write_sessions() as session, session.begin():
                    return work(session)
            except OperationalError as exc:
                if not _is_sqlite_busy(exc) or attempt == _LOCK_RETRIES - 1:
                    raise DatabaseUnavailable(
                        "the database stayed locked: {reason}", reason=str(exc.orig)
                    ) from None
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ helpers
    def _scenario(self, version: m.ScenarioVersion | dto.ScenarioVersion) -> Scenario:
        """The parsed scenario of a stored version (checked against its checksum), cached by id."""
        with self._cache_lock:
            cached = self._scenario_cache.get(version.id)
        if cached is not None:
            return cached
        scenario = (version if isinstance(version, dto.ScenarioVersion) else version_dto(version)).load()
        with self._cache_lock:
            self._scenario_cache[version.id] = scenario
        return scenario

    @staticmethod
    def _get(session: Session, model: type[Any], key: Any, what: str) -> Any:
        row = session.get(model, key)
        if row is None:
            # One whole sentence per kind of row ("no profile with id {key}"), so each translates.
            raise NotFound(f"no {what} with id {{key}}", key=key)
        return row
