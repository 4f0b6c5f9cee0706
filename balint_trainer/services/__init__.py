"""Service layer (Qt-free): what the GUI and the CLI call; returns frozen DTOs."""

from __future__ import annotations

from balint_trainer.services.errors import (
    AnswerExists,
    BundleError,
    DatabaseUnavailable,
    DuplicateName,
    InvalidAnswer,
    InvalidScenario,
    NotFound,
    PermissionDenied,
    ServiceError,
)
from balint_trainer.services.service import TrainerService

__all__ = [
    "AnswerExists",
    "BundleError",
    "DatabaseUnavailable",
    "DuplicateName",
    "InvalidAnswer",
    "InvalidScenario",
    "NotFound",
    "PermissionDenied",
    "ServiceError",
    "TrainerService",
    "open_service",
]


def open_service(url: str | None = None, *, migrate: bool = True) -> TrainerService:
    """Open the database (``url``, else ``$BALINT_TRAINER_DATABASE_URL``, else the
    SQLite file in the user data folder) and bring its schema up to date."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from balint_trainer.storage import create_db_engine, redact, resolve_url, upgrade

    resolved = resolve_url(url)
    try:
        engine = create_db_engine(resolved)
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise ServiceError(f"invalid database URL {redact(resolved)}: {exc}") from None
    try:
        if migrate:
            upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        first = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise PermissionDenied(
                f"{redact(resolved)}: the database schema needs an upgrade that this account may not run "
                f"({first}); ask the course administrator to start the app once"
            ) from None
        raise DatabaseUnavailable(f"cannot open the database {redact(resolved)}: {first}") from None
    except BaseException:
        engine.dispose()
        raise
    return TrainerService(engine, resolved)
