"""Run the packaged Alembic migrations programmatically (no alembic.ini needed).

The migration scripts live inside the package (``migrations/``), so this works
from a source checkout, an installed wheel and a frozen app alike.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text

from balint_trainer.storage.engine import WRITE
from balint_trainer.storage.location import HEAD_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Arbitrary constant: serialises concurrent start-ups on one PostgreSQL database.
_PG_LOCK_KEY = 0x0BA11E7


def alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


class NewerSchema(Exception):
    """The database was written by a newer Balint Trainer: its schema revision is unknown here."""

    def __init__(self, found: str, head: str | None) -> None:
        super().__init__(
            f"this database was written by a newer version of Balint Trainer (schema '{found}'; this "
            f"version knows up to '{head}'). Nothing was changed: update Balint Trainer to use it."
        )
        self.found, self.head = found, head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _stored_revision(engine: Engine) -> str | None:
    """The database's schema revision read with plain SQL (None: none, several, or no table)."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # a new database; anything else is left to Alembic to report
        return None
    return str(rows[0][0]) if len(rows) == 1 else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision``; cheap when it is already there.

    Raises :class:`NewerSchema` (before touching anything) for a database from a newer version."""
    if revision == "head" and _stored_revision(engine) == HEAD_REVISION:
        return
    from alembic import command

    head = head_revision()
    with engine.connect() as connection:
        found = current_revision(connection)
    if revision == "head" and found == head:
        return
    if found is not None and found not in known_revisions():
        raise NewerSchema(found, head)
    config = alembic_config()
    with engine.execution_options(**WRITE).connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations recreate a table (copy, DROP, rename); with foreign keys on,
            # DROP TABLE profiles would cascade-delete every attempt. The pragma is ignored
            # inside a transaction, so it goes straight to the driver before BEGIN.
            _sqlite_pragma(connection, "PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # Transactional DDL + this lock: concurrent start-ups migrate once, atomically.
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                    raise RuntimeError("database migration left broken foreign keys; nothing was changed")
        finally:
            if sqlite:
                _sqlite_pragma(connection, "PRAGMA foreign_keys = ON")


def _sqlite_pragma(connection: Connection, statement: str) -> None:
    """Run a pragma outside any transaction (SQLAlchemy would begin one first)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(statement)
    finally:
        cursor.close()
