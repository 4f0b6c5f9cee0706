"""Service layer (Qt-free): what the GUI and the CLI call; returns frozen DTOs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from balint_trainer.services.errors import (
    AnswerExists,
    BundleError,
    DatabaseClosed,
    DatabaseCorrupt,
    DatabaseUnavailable,
    DuplicateName,
    InvalidAnswer,
    InvalidScenario,
    MergeRefused,
    NewerDatabase,
    NotFound,
    PermissionDenied,
    ServiceError,
)

if TYPE_CHECKING:
    from balint_trainer.services.service import TrainerService

__all__ = [
    "AnswerExists",
    "BundleError",
    "DatabaseClosed",
    "DatabaseCorrupt",
    "DatabaseUnavailable",
    "DuplicateName",
    "InvalidAnswer",
    "InvalidScenario",
    "MergeRefused",
    "NewerDatabase",
    "NotFound",
    "PermissionDenied",
    "ServiceError",
    "TrainerService",
    "open_service",
]


def __getattr__(name: str) -> Any:
    # TrainerService on first use: it imports SQLAlchemy (about 0.25 s), and a warm start reads
    # who practises without it (services/quick_start.py).
    if name == "TrainerService":
        from balint_trainer.services.service import TrainerService

        return TrainerService
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_service(url: str | None = None, *, migrate: bool = True, backup: bool = False) -> TrainerService:
    """Open the database (``url``, else ``$BALINT_TRAINER_DATABASE_URL``, else the
    SQLite file in the user data folder) and bring its schema up to date."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

    from balint_trainer.storage import create_db_engine, redact, resolve_url, upgrade
    from balint_trainer.storage.migrate import NewerSchema

    resolved = resolve_url(url)
    shown = redact(resolved)
    try:
        engine = create_db_engine(resolved)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise ServiceError("invalid database URL {url}: {reason}", url=shown, reason=str(exc)) from None
    except OSError as exc:  # the data folder cannot be created (read-only, full, a file in the way)
        raise DatabaseUnavailable(
            "cannot create the data folder for {url}: {reason}", url=shown, reason=exc.strerror or str(exc)
        ) from None
    try:
        if migrate:
            upgrade(engine)
    except NewerSchema as exc:
        engine.dispose()
        raise NewerDatabase("{url}: {reason}", url=shown, reason=str(exc)) from None
    except DBAPIError as exc:
        engine.dispose()
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise PermissionDenied(
                "{url}: the database schema needs an upgrade that this account may not run "
                "({reason}); ask the course administrator to start the app once",
                url=shown,
                reason=first,
            ) from None
        if engine.dialect.name == "sqlite" and not isinstance(exc, OperationalError):
            raise DatabaseCorrupt(
                "the database {url} is damaged ({reason}); nothing was written to it. "
                "Restore a backup (File → Restore from backup…, or balint-trainer restore-backup).",
                url=shown,
                reason=first,
            ) from None
        raise DatabaseUnavailable(
            "cannot open the database {url}: {reason}", url=shown, reason=first
        ) from None
    except OSError as exc:
        engine.dispose()
        raise DatabaseUnavailable(
            "cannot open the database {url}: {reason}", url=shown, reason=exc.strerror or str(exc)
        ) from None
    except BaseException:
        engine.dispose()
        raise
    from balint_trainer.services.service import TrainerService

    service = TrainerService(engine, resolved)
    service.auto_backup = backup
    if backup:
        # On start, like Anki; at most every quarter of an hour, so restarts keep older copies.
        from balint_trainer.storage.backup import MIN_INTERVAL_S

        service.backup_in_background(min_interval_s=MIN_INTERVAL_S)
    return service
