"""Where the database is, and which schema revision is current: no SQLAlchemy here.

A warm start reads who practises with the stdlib sqlite3 module before SQLAlchemy (about
0.25 s of imports) is loaded (services/quick_start.py); this is what it needs to know.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

ENV_DATABASE_URL = "BALINT_TRAINER_DATABASE_URL"
APP_NAME = "balint-trainer"
SQLITE_FILENAME = "balint-trainer.sqlite3"
# The newest migration. Every start checks the database against it; knowing it without Alembic
# keeps Alembic (and Mako) out of a start where nothing needs migrating, about 0.1 s and 10 MiB.
# tests/test_storage_migrations.py checks it against the scripts.
HEAD_REVISION = "0016_review_confidence"


def default_sqlite_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / SQLITE_FILENAME


def resolve_url(url: str | None = None) -> str:
    """Explicit URL, else ``$BALINT_TRAINER_DATABASE_URL``, else the SQLite file in the data folder."""
    if url:
        return url
    env = os.environ.get(ENV_DATABASE_URL, "").strip()
    if env:
        return env
    return f"sqlite:///{default_sqlite_path()}"


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL; None for anything else (another database, a
    driver or query options, ``:memory:``, a ``file:`` URI): those take SQLAlchemy's own parsing."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    database = unquote(url[len(prefix) :])
    # "~" too: SQLite does not expand it (the engine would open ./~/…), so neither may this.
    if not database or "?" in database or database == ":memory:" or database.startswith(("file:", "~")):
        return None
    return Path(database)
