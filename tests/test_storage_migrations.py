"""Alembic migrations, engine set-up and default locations."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from balint_trainer.services import open_service
from balint_trainer.storage import create_db_engine, default_sqlite_path, resolve_url, upgrade
from balint_trainer.storage.engine import ENV_DATABASE_URL
from balint_trainer.storage.migrate import MIGRATIONS_DIR, alembic_config, current_revision, head_revision
from balint_trainer.storage.models import Base

TABLES = {"profiles", "credentials", "scenario_versions", "attempts", "answers", "comments", "annotations", "review_cards"}


def test_migrations_create_the_schema_of_the_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = create_db_engine(db_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) >= TABLES
            assert current_revision(conn) == head_revision()
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
        assert diffs == []
    finally:
        engine.dispose()


def test_upgrade_is_idempotent_and_downgrade_round_trips(db_url: str) -> None:
    from alembic import command

    engine = create_db_engine(db_url)
    try:
        upgrade(engine)
        upgrade(engine)  # already at head: a no-op
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        with engine.connect() as conn:
            assert not TABLES & set(inspect(conn).get_table_names())
        upgrade(engine)
        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
    finally:
        engine.dispose()


def test_upgrade_from_0002_gives_every_existing_profile_its_own_uid_and_keeps_their_work(db_url: str) -> None:
    from sqlalchemy.exc import IntegrityError

    engine = create_db_engine(db_url)
    try:
        upgrade(engine, "0002_postgres_rls")
        with engine.begin() as conn:
            for n, role in enumerate(("trainee", "trainee", "supervisor", "organiser"), start=1):
                conn.execute(
                    text(
                        "INSERT INTO profiles (name, role, cohort, is_local, created_at) "
                        "VALUES (:name, :role, 'C1', false, '2026-01-01 00:00:00')"
                    ),
                    {"name": f"person {n}", "role": role},
                )
            conn.execute(
                text(
                    "INSERT INTO scenario_versions (scenario_id, sha256, title, text, registered_at) "
                    "VALUES ('s', 'x', 'S', 'text', '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO attempts (uid, profile_id, version_id, mode, started_at) "
                    "SELECT 'a1', p.id, v.id, 'practice', '2026-01-01 00:00:00' "
                    "FROM profiles p, scenario_versions v WHERE p.name = 'person 1'"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO answers (attempt_id, decision_id, option_id, competency, credit, answered_at) "
                    "SELECT id, 'd', 'o', 'c', 1.0, '2026-01-01 00:00:00' FROM attempts"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO comments (attempt_id, author_id, text, created_at) "
                    "SELECT a.id, p.id, 'Good', '2026-01-01 00:00:00' FROM attempts a, profiles p "
                    "WHERE p.name = 'person 3'"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO credentials (profile_id, password_hash, updated_at) "
                    "SELECT id, 'hash', '2026-01-01 00:00:00' FROM profiles WHERE name = 'person 1'"
                )
            )

        upgrade(engine)

        with engine.connect() as conn:
            assert current_revision(conn) == head_revision()
            uids = conn.execute(text("SELECT uid FROM profiles ORDER BY id")).scalars().all()
            # Recreating the profiles table (SQLite batch mode) must not cascade-delete anything.
            counts = [
                conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("profiles", "attempts", "answers", "comments", "credentials")
            ]
            columns = {c["name"]: c for c in inspect(conn).get_columns("profiles")}
            unique = {tuple(u["column_names"]) for u in inspect(conn).get_unique_constraints("profiles")}
            if conn.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # switched back on
        assert len(uids) == 4 and len(set(uids)) == 4
        assert all(str(uuid.UUID(u)) == u for u in uids)
        assert counts == [4, 1, 1, 1, 1]
        assert columns["uid"]["nullable"] is False
        assert ("uid",) in unique and ("name",) in unique
        for value in (None, uids[0]):  # NOT NULL, UNIQUE
            with pytest.raises(IntegrityError), engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO profiles (uid, name, role, is_local, created_at) "
                        "VALUES (:uid, 'new', 'trainee', false, '2026-01-01 00:00:00')"
                    ),
                    {"uid": value},
                )
        svc = open_service(db_url)
        try:
            assert [p.uid for p in sorted(svc.accounts.profiles(), key=lambda p: p.id)] == uids
            assert svc.accounts.create_profile("newcomer", "trainee").uid not in uids
        finally:
            svc.close()
    finally:
        engine.dispose()


def test_migrations_need_no_alembic_ini_in_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert not (tmp_path / "alembic.ini").exists()
    svc = open_service(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    try:
        assert svc.accounts.profiles() == []
    finally:
        svc.close()
    scripts = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py") if p.name != "__init__.py")
    assert scripts == [
        "0001_initial.py",
        "0002_postgres_rls.py",
        "0003_profile_uid.py",
        "0004_option_order.py",
        "0005_integrity.py",
        "0006_profile_aliases.py",
        "0007_comment_reads.py",
        "0009_lrs_queue.py",
        "0010_review_cards.py",
        "0011_recorded_sessions.py",
        "0012_answer_timed_out.py",
        "0014_recorded_edit.py",
        "0015_attempt_initial_state.py",
        "0016_review_confidence.py",
    ]
    assert (MIGRATIONS_DIR / "env.py").is_file() and (MIGRATIONS_DIR / "script.py.mako").is_file()


def test_sqlite_runs_with_wal_foreign_keys_busy_timeout_and_full_sync(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'nested' / 'dir' / 'db.sqlite3'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert (tmp_path / "nested" / "dir" / "db.sqlite3").exists()
    finally:
        engine.dispose()


def test_sqlite_enforces_foreign_keys(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    engine = create_db_engine(f"sqlite:///{tmp_path / 'fk.sqlite3'}")
    try:
        upgrade(engine)
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO attempts (uid, profile_id, version_id, mode, started_at) "
                    "VALUES ('x', 999, 999, 'practice', '2026-01-01 00:00:00')"
                )
            )
    finally:
        engine.dispose()


def test_default_database_is_sqlite_in_the_platform_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_DATABASE_URL, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    expected = default_sqlite_path()
    assert expected.name == "balint-trainer.sqlite3"
    assert expected.parent.name == "balint-trainer"
    assert str(expected).startswith(str(tmp_path / "xdg"))
    assert resolve_url(None) == f"sqlite:///{expected}"
    svc = open_service()
    try:
        assert expected.is_file()
        assert svc.url == f"sqlite:///{expected}"
    finally:
        svc.close()


def test_environment_variable_and_explicit_url_take_precedence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATABASE_URL, f"sqlite:///{tmp_path / 'env.sqlite3'}")
    assert resolve_url(None).endswith("env.sqlite3")
    assert resolve_url("sqlite:///other.db") == "sqlite:///other.db"


def test_plain_postgresql_urls_use_psycopg_3() -> None:
    engine = create_db_engine("postgresql://user:secret@127.0.0.1:1/none")
    try:
        assert engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()


def test_service_url_hides_the_password(db_url: str) -> None:
    svc = open_service(db_url)
    try:
        if "postgresql" in db_url:
            assert "***" in svc.url
            assert db_url.split(":")[2].split("@")[0] not in svc.url
        else:
            assert svc.url == db_url
    finally:
        svc.close()


def test_unreachable_or_invalid_database_gives_a_service_error() -> None:
    from balint_trainer.services import DatabaseUnavailable, ServiceError

    with pytest.raises(ServiceError, match="invalid database URL"):
        open_service("nonsense://")
    with pytest.raises(DatabaseUnavailable, match="cannot open the database"):
        open_service("postgresql+psycopg://nobody:pw@127.0.0.1:1/none?connect_timeout=2")


def test_the_head_known_without_alembic_is_the_scripts_head() -> None:
    from balint_trainer.storage.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION  # a new migration must update HEAD_REVISION


def test_opening_a_database_already_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    """The app's every start: nothing to migrate, so neither Alembic nor Mako is loaded."""
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'answers.db'}"
    engine = create_db_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    code = (
        "import sys\n"
        "from balint_trainer.services import open_service\n"
        f"open_service({url!r}).close()\n"
        "print(sorted(m for m in ('alembic', 'mako', 'pydantic') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"
