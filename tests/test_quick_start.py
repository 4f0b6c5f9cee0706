"""The warm start's fast path reads who practises without SQLAlchemy, exactly as the service would,
and steps aside (None) whenever the full service is needed."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from balint_trainer.services import open_service
from balint_trainer.services.deferred import DeferredServices
from balint_trainer.services.errors import DatabaseClosed, DatabaseUnavailable
from balint_trainer.services.quick_start import read_quick_start
from balint_trainer.storage.location import HEAD_REVISION, plain_sqlite_file


def _database(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'trainer.db'}"
    with open_service(url) as service:
        accounts = service.accounts
        accounts.create_profile("Zoë", "trainee", cohort="2026 autumn")
        locked = accounts.create_profile("Amir", "trainee", password="a long enough secret")
        accounts.create_profile("Beatrix", "trainee")
        accounts.create_profile("Dr Supervisor", "supervisor", password="another long secret")
        assert locked.id in accounts.has_password()
    return url


def test_the_trainees_and_their_passwords_are_those_the_service_reads(tmp_path: Path) -> None:
    url = _database(tmp_path)
    found = read_quick_start(url)
    assert found is not None
    with open_service(url) as service:
        trainees = tuple(service.accounts.profiles(role="trainee"))
        locked = service.accounts.has_password() & {p.id for p in trainees}
    assert found.trainees == trainees  # same DTOs, same order (name, then id)
    assert [p.name for p in found.trainees] == ["Amir", "Beatrix", "Zoë"]
    assert found.locked == locked and len(locked) == 1  # the supervisor's password is not a trainee's
    assert found.url == url and found.database_file == tmp_path / "trainer.db"


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://someone@localhost/course",
        "sqlite://",
        "sqlite:///:memory:",
        "sqlite:///file:trainer.db?mode=ro&uri=true",
    ],
)
def test_other_databases_take_the_full_path(url: str) -> None:
    assert read_quick_start(url) is None


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "trainer.db"
    assert read_quick_start(f"sqlite:///{path}") is None
    assert not path.exists() and not path.parent.exists()


def test_an_older_schema_no_trainee_or_a_damaged_file_take_the_full_path(tmp_path: Path) -> None:
    url = _database(tmp_path)
    path = tmp_path / "trainer.db"
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0015_something_older'")
    assert read_quick_start(url) is None  # the full path migrates it
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (HEAD_REVISION,))
        connection.execute("UPDATE profiles SET role = 'supervisor'")
    assert read_quick_start(url) is None  # the full path creates the first trainee
    path.write_bytes(b"not a database at all" * 100)
    assert read_quick_start(url) is None  # the full path says it is damaged


def test_plain_sqlite_urls_only() -> None:
    assert plain_sqlite_file("sqlite:////home/a%20b/x.db") == Path("/home/a b/x.db")
    assert plain_sqlite_file("sqlite+pysqlite:///x.db") is None
    assert plain_sqlite_file("sqlite:///x.db?timeout=3") is None


def test_reading_who_practises_imports_no_sqlalchemy(tmp_path: Path) -> None:
    url = _database(tmp_path)
    script = (
        "import sys; from balint_trainer.services.quick_start import read_quick_start; "
        f"found = read_quick_start({url!r}); "
        "assert found is not None and len(found.trainees) == 3, found; "
        "heavy = [m for m in ('sqlalchemy', 'alembic', 'pydantic') if m in sys.modules]; "
        "assert not heavy, heavy; print('light')"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "light" in result.stdout


class _Service:
    def __init__(self) -> None:
        self.closed = False
        self.accounts = "the accounts role"

    def close(self) -> None:
        self.closed = True


def test_a_deferred_service_waits_for_the_real_one(tmp_path: Path) -> None:
    deferred = DeferredServices("sqlite:///x.db", "sqlite", tmp_path / "x.db")
    assert deferred.url == "sqlite:///x.db" and deferred.dialect == "sqlite" and not deferred.arrived
    got: list[object] = []
    waiter = threading.Thread(target=lambda: got.append(deferred.accounts))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive() and got == []  # waits on its worker
    real = _Service()
    deferred.deliver(real)  # type: ignore[arg-type]
    waiter.join(5)
    assert got == ["the accounts role"] and deferred.main_thread_waits == 0
    deferred.close()
    assert real.closed
    with pytest.raises(DatabaseClosed):  # the seam shows no error for it: the window has gone
        _ = deferred.accounts


def test_a_deferred_service_that_fails_says_why_and_one_closed_early_closes_what_arrives() -> None:
    failing = DeferredServices("sqlite:///x.db", "sqlite", None)
    failing.fail("disk I/O error")
    with pytest.raises(DatabaseUnavailable, match="disk I/O error"):
        _ = failing.practice
    closed_early = DeferredServices("sqlite:///x.db", "sqlite", None)
    closed_early.close()
    late = _Service()
    closed_early.deliver(late)  # type: ignore[arg-type]
    assert late.closed  # the window went away while it opened: nothing stays open


def test_a_home_relative_path_takes_the_full_path() -> None:
    # SQLite does not expand "~": the quick read must not open a different file than the engine.
    assert plain_sqlite_file("sqlite:///~/trainer.db") is None


def test_a_wait_on_the_main_thread_opens_the_service_at_once(tmp_path: Path) -> None:
    # The opener waits for its moment (after the ready frame), but never past a wait on the UI
    # thread: that moment is marked by the UI thread's own timers, so the wait would never end.
    deferred = DeferredServices("sqlite:///x.db", "sqlite", None)
    real = _Service()

    def opener() -> None:
        deferred.wait_until_wanted(60)
        deferred.deliver(real)  # type: ignore[arg-type]

    thread = threading.Thread(target=opener)
    thread.start()
    assert deferred.accounts == "the accounts role"  # on the main thread: well before the 60 s
    thread.join(5)
    assert not thread.is_alive()
    closing = DeferredServices("sqlite:///x.db", "sqlite", None)
    closing.close()
    closing.wait_until_wanted(60)  # returns at once: a closed service is never opened
    assert closing.closed
