"""The service layer the GUI and the CLI use, by role; the only code that opens Sessions.

:class:`TrainerService` holds one :class:`~balint_trainer.services.database.Database` (the
unit of work: engine, short transactions, error mapping, backups) and the role objects
that share it: ``accounts``, ``scenarios``, ``practice``, ``review``, ``annotations`` and
``exchange``. Every method opens its own short Session, so it may be called from a worker
thread; writes commit before the method returns. Clients are typed against the protocols
in :mod:`balint_trainer.services.api`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from balint_trainer.services.accounts import AccountService
from balint_trainer.services.annotations import AnnotationService
from balint_trainer.services.database import Database
from balint_trainer.services.exchange import ExchangeService
from balint_trainer.services.practice import PracticeService
from balint_trainer.services.review import ReviewService
from balint_trainer.services.scenarios import ScenarioStore


class TrainerService:
    """One open database and its role services; close it (or use ``with``) when done."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.db = Database(engine, url)
        self.accounts = AccountService(self.db)
        self.scenarios = ScenarioStore(self.db)
        self.practice = PracticeService(self.db)
        self.review = ReviewService(self.db, self.scenarios)
        self.annotations = AnnotationService(self.db, self.scenarios)
        self.exchange = ExchangeService(self.db)

    @property
    def url(self) -> str:
        """The database URL with any password hidden."""
        return self.db.url

    @property
    def dialect(self) -> str:
        return self.db.dialect

    @property
    def database_file(self) -> Path | None:
        """The local SQLite file (None on PostgreSQL or in memory)."""
        return self.db.database_file

    @property
    def auto_backup(self) -> bool:
        """Back up after each finished attempt (the app turns it on)."""
        return self.db.auto_backup

    @auto_backup.setter
    def auto_backup(self, value: bool) -> None:
        self.db.auto_backup = value

    @property
    def backup_thread(self) -> threading.Thread | None:
        """The latest background backup."""
        return self.db.backup_thread

    def backup_now(self, *, min_interval_s: float = 0) -> Path | None:
        """A rotating backup of the local database (SQLite only); the new file, or None."""
        return self.db.backup_now(min_interval_s=min_interval_s)

    def backup_in_background(self, *, min_interval_s: float = 0) -> None:
        """Start :meth:`backup_now` on a daemon thread (the caller may be the UI thread)."""
        self.db.backup_in_background(min_interval_s=min_interval_s)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> TrainerService:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

    def _satisfies_the_protocol(service: TrainerService) -> ServicesApi:
        return service  # mypy: TrainerService must structurally be a ServicesApi
