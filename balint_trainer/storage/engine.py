"""Engines for SQLite (default, one file per user) and PostgreSQL (shared courses).

SQLite: WAL journal, foreign keys on, ``synchronous=FULL`` (a committed answer
survives a crash or power cut), a 30 s busy timeout, and explicit
``BEGIN IMMEDIATE`` for write transactions. The last point matters under
concurrency: a deferred transaction that first reads and then writes can fail
at once with "database is locked" (a WAL snapshot conflict that no busy
timeout resolves); taking the write lock up front makes writers queue instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.engine.url import URL

from balint_trainer.storage.location import (  # noqa: F401  (re-exported: callers import them from here)
    APP_NAME,
    ENV_DATABASE_URL,
    SQLITE_FILENAME,
    default_sqlite_path,
    resolve_url,
)

BUSY_TIMEOUT_MS = 30_000
WRITE = {"sqlite_begin": "IMMEDIATE"}


def _normalise(url: str) -> URL:
    parsed = make_url(url)
    # Plain postgresql:// would pick psycopg2, which is not a dependency.
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def create_db_engine(url: str) -> Engine:
    parsed = _normalise(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the sqlite3 module) decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def redact(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<invalid database URL>"
