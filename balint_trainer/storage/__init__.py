"""Persistence: SQLAlchemy models, engines and Alembic migrations (Qt-free).

Only :mod:`balint_trainer.services` should import this package. Its names load on first use:
``storage.location`` is read before SQLAlchemy is imported (services/quick_start.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from balint_trainer.storage.engine import create_db_engine, redact
    from balint_trainer.storage.location import default_sqlite_path, resolve_url
    from balint_trainer.storage.migrate import upgrade

__all__ = ["create_db_engine", "default_sqlite_path", "redact", "resolve_url", "upgrade"]

_HOMES = {
    "create_db_engine": "engine",
    "redact": "engine",
    "default_sqlite_path": "location",
    "resolve_url": "location",
    "upgrade": "migrate",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
