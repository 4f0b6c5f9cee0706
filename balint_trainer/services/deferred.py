"""A service whose database connection is still opening (the warm start's fast path).

After :func:`~balint_trainer.services.quick_start.read_quick_start` the app is ready to practise
while the full service (SQLAlchemy, the start-up backup) opens on a worker thread. This object
stands in for it from the start: where the answers go is known at once, and every role
(``accounts``, ``practice``, …) waits until the service has arrived. The GUI calls services on
worker threads only, so such a wait holds a worker, not the window; the first answer of a
quick trainee is simply saved a moment later.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from balint_trainer.services.errors import DatabaseClosed, DatabaseUnavailable

if TYPE_CHECKING:
    from balint_trainer.services.api import (
        AccountsApi,
        AnnotationsApi,
        ExchangeApi,
        PracticeApi,
        ReviewApi,
        ScenariosApi,
        ServicesApi,
    )
    from balint_trainer.services.database import Database


class DeferredServices:
    """A :class:`~balint_trainer.services.api.ServicesApi` that becomes the one :meth:`deliver`
    hands over (or fails with the reason :meth:`fail` gives)."""

    def __init__(self, url: str, dialect: str, database_file: Path | None) -> None:
        self._url = url
        self._dialect = dialect
        self._database_file = database_file
        self._arrived = threading.Event()
        # Set when the service should open now: the window is ready, waits for it, or closed it.
        self._wanted = threading.Event()
        self._lock = threading.Lock()
        self._service: ServicesApi | None = None
        self._error: str | None = None
        self._closed = False
        # Waits on the main thread would stall the window: counted, so tests can say there are none.
        self.main_thread_waits = 0

    # -- the hand-over ----------------------------------------------------------------------
    def deliver(self, service: ServicesApi) -> None:
        """The full service has opened; closed at once if this one was closed meanwhile."""
        with self._lock:
            closed = self._closed
            if not closed:
                self._service = service
            self._arrived.set()
        if closed:
            service.close()

    def fail(self, reason: str) -> None:
        """The full service could not be opened: waiting calls raise DatabaseUnavailable."""
        with self._lock:
            self._error = reason
            self._arrived.set()

    @property
    def arrived(self) -> bool:
        return self._arrived.is_set()

    @property
    def closed(self) -> bool:
        return self._closed

    def want(self) -> None:
        """Open the service now (the opener waits for this, or for its own time limit)."""
        self._wanted.set()

    def wait_until_wanted(self, timeout_s: float) -> None:
        """For the opener: until :meth:`want` (or :meth:`close`, or a wait on the main thread),
        ``timeout_s`` at most: it never depends on the UI thread being free."""
        self._wanted.wait(timeout_s)

    def _wait(self) -> ServicesApi:
        if not self._arrived.is_set() and threading.current_thread() is threading.main_thread():
            # The window itself waits (it should not): open now, or it would wait for a moment
            # that its own timers mark. A worker's call waits for that moment instead.
            self.main_thread_waits += 1
            self._wanted.set()
        self._arrived.wait()
        service = self._service
        if service is None:
            if self._closed:
                raise DatabaseClosed("the database {url} is closed", url=self._url)
            raise DatabaseUnavailable(
                "cannot open the database {url}: {reason}", url=self._url, reason=self._error
            )
        return service

    # -- ServicesApi ------------------------------------------------------------------------
    @property
    def accounts(self) -> AccountsApi:
        return self._wait().accounts

    @property
    def scenarios(self) -> ScenariosApi:
        return self._wait().scenarios

    @property
    def practice(self) -> PracticeApi:
        return self._wait().practice

    @property
    def review(self) -> ReviewApi:
        return self._wait().review

    @property
    def annotations(self) -> AnnotationsApi:
        return self._wait().annotations

    @property
    def exchange(self) -> ExchangeApi:
        return self._wait().exchange

    @property
    def db(self) -> Database:
        return self._wait().db

    @property
    def url(self) -> str:
        return self._url

    @property
    def dialect(self) -> str:
        return self._dialect

    @property
    def database_file(self) -> Path | None:
        return self._database_file

    @property
    def backup_thread(self) -> threading.Thread | None:
        service = self._service
        return service.backup_thread if service is not None else None

    def backup_now(self, *, min_interval_s: float = 0) -> Path | None:
        return self._wait().backup_now(min_interval_s=min_interval_s)

    def backup_in_background(self, *, min_interval_s: float = 0) -> None:
        self._wait().backup_in_background(min_interval_s=min_interval_s)

    def close(self) -> None:
        """Close the service, or the one still on its way as soon as it arrives."""
        with self._lock:
            self._closed = True
            service, self._service = self._service, None
            self._arrived.set()  # nothing waits for a closed database
            self._wanted.set()  # and the opener, still waiting for its moment, gives up
        if service is not None:
            service.close()


if TYPE_CHECKING:

    def _satisfies_the_protocol(service: DeferredServices) -> ServicesApi:
        return service  # mypy: DeferredServices must structurally be a ServicesApi
