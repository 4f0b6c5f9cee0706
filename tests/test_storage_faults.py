"""Storage faults (issue 12, finding 6) and rotating backups: one clear message, nothing
overwritten, and a restore after deliberate page corruption recovers every answer committed
before the backup."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.services import (
    DatabaseCorrupt,
    DatabaseUnavailable,
    NewerDatabase,
    ServiceError,
    TrainerService,
    open_service,
)
from balint_trainer.storage.backup import KEEP, list_backups, make_backup, restore_backup
from tests.db_fixtures import many_decisions_yaml

DECISIONS = 40


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _answer_all(service: TrainerService, count: int) -> list[str]:
    """A trainee answers ``count`` decisions, each committed; the attempts' uids."""
    loaded = load_scenario_bytes(many_decisions_yaml(DECISIONS).encode(), "many.yaml")
    version = service.scenarios.register_scenario(loaded)
    key = version.load()
    me = service.accounts.local_profile()
    uids = []
    for _ in range(count):
        attempt = service.practice.start_attempt(me.id, version.id, "practice")
        for decision in key.decisions:
            service.practice.record_answer(attempt.id, decision.decision, "a", credit=credit(decision, "a"))
        service.practice.finish_attempt(attempt.id)
        uids.append(attempt.uid)
    return uids


def _corrupt_middle_page(path: Path, table: str | None = None) -> None:
    """Overwrite the file's middle page, or the root page of ``table`` (a page the test is
    sure to read: which table holds the middle page depends on the schema)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    connection.close()
    pages = path.stat().st_size // page_size
    assert pages > 4
    with path.open("r+b") as handle:
        handle.seek(page_size * (root[0] - 1 if root else pages // 2))
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


def _as_if_from_a_newer_version(db: Path) -> None:
    open_service(_url(db)).close()
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    connection.commit()
    connection.close()


def test_a_data_folder_that_cannot_be_created_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(DatabaseUnavailable, match="cannot create the data folder"):
        open_service(_url(blocker / "data" / "db.sqlite3"))


def test_a_corrupted_page_is_reported_as_damage_not_saved(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with open_service(_url(db)) as service:
        _answer_all(service, 3)
    _corrupt_middle_page(db, "answers")
    # Opening may succeed (the damaged page is not read until needed); using it must not
    # let a raw sqlite3.DatabaseError escape, nor report a write as saved.
    with pytest.raises(DatabaseCorrupt, match="damaged"), open_service(_url(db)) as service:
        for attempt in service.practice.attempts():
            service.practice.attempt(attempt.id)
        _answer_all(service, 1)


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _as_if_from_a_newer_version(db)
    before = db.read_bytes()
    with pytest.raises(NewerDatabase, match="newer version of Balint Trainer"):
        open_service(_url(db))
    assert db.read_bytes() == before


def test_cli_says_error_and_exits_1_for_a_newer_database(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _as_if_from_a_newer_version(db)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "balint_trainer",
            "--database",
            _url(db),
            "export-attempts",
            str(tmp_path / "b.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "newer version" in result.stderr
    assert "Traceback" not in result.stderr


def test_backups_rotate_and_skip_when_recent(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with open_service(_url(db)) as service:
        _answer_all(service, 1)
        made = [service.backup_now() for _ in range(KEEP + 3)]
    assert all(path is not None for path in made)
    kept = list_backups(db)
    assert len(kept) == KEEP
    assert kept[0].path == made[-1]
    assert make_backup(db, min_interval_s=3600) is None  # the newest is seconds old


def test_restore_after_corruption_recovers_every_answer_before_the_backup(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with open_service(_url(db)) as service:
        before = _answer_all(service, 4)
        backup = service.backup_now()
        _answer_all(service, 1)  # after the backup: may be lost, and is reported so
    assert backup is not None
    _corrupt_middle_page(db)
    damaged = db.read_bytes()
    aside = restore_backup(db, backup)
    assert aside is not None and aside.read_bytes() == damaged  # nothing destroyed
    with open_service(_url(db)) as service:
        attempts = {a.uid: a for a in service.practice.attempts()}
        for uid in before:
            assert uid in attempts
            assert len(attempts[uid].answers) == DECISIONS
        assert all(a.finished_at is not None for a in attempts.values())


def test_a_damaged_backup_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with open_service(_url(db)) as service:
        _answer_all(service, 3)
        backup = service.backup_now()
    assert backup is not None
    _corrupt_middle_page(backup)
    current = db.read_bytes()
    with pytest.raises(Exception, match="damaged"):
        restore_backup(db, backup)
    assert db.read_bytes() == current


def test_finishing_an_attempt_backs_up_in_the_background_when_asked(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with open_service(_url(db), backup=True) as service:
        assert service.backup_thread is not None
        service.backup_thread.join(30)  # the start-up backup
        assert len(list_backups(db)) == 1
        _answer_all(service, 1)
        service.backup_thread.join(30)
    assert len(list_backups(db)) == 2
    with open_service(_url(db), backup=True) as service:  # a restart minutes later: no new copy
        assert service.backup_thread is not None
        service.backup_thread.join(30)
    assert len(list_backups(db)) == 2


def test_cli_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from balint_trainer.cli import main

    db = tmp_path / "db.sqlite3"
    with open_service(_url(db)) as service:
        _answer_all(service, 1)
    assert main(["--database", _url(db), "backup"]) == 0
    made = Path(capsys.readouterr().out.strip())
    assert made.is_file()
    assert main(["--database", _url(db), "restore-backup"]) == 0
    assert str(made) in capsys.readouterr().out
    assert main(["--database", _url(db), "restore-backup", "--latest"]) == 0
    assert "previous file is kept" in capsys.readouterr().out
    assert issubclass(DatabaseCorrupt, ServiceError)
