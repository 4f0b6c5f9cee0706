"""Persistence: SQLAlchemy models, engines and Alembic migrations (Qt-free).

Only :mod:`balint_trainer.services` should import this package.
"""

from balint_trainer.storage.engine import create_db_engine, default_sqlite_path, redact, resolve_url
from balint_trainer.storage.migrate import upgrade

__all__ = ["create_db_engine", "default_sqlite_path", "redact", "resolve_url", "upgrade"]
