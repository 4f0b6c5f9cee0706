"""Migration 0012_answer_timed_out: existing answers read as answered in time; up and down."""

from __future__ import annotations

import hashlib

from sqlalchemy import inspect, text

from balint_trainer.storage import create_db_engine, upgrade
from balint_trainer.storage.migrate import alembic_config, current_revision

SHA = hashlib.sha256(b"text").hexdigest()  # PostgreSQL checks the text against its hash


def _columns(conn) -> set[str]:
    return {c["name"] for c in inspect(conn).get_columns("answers")}


def test_0012_adds_timed_out_false_for_existing_answers_and_downgrades(db_url: str) -> None:
    from alembic import command

    engine = create_db_engine(db_url)
    try:
        upgrade(engine, "0011_recorded_sessions")
        with engine.begin() as conn:
            assert "timed_out" not in _columns(conn)
            conn.execute(
                text(
                    "INSERT INTO profiles (uid, name, role, is_local, created_at) "
                    "VALUES ('p1', 'Aisha', 'trainee', false, '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO scenario_versions (scenario_id, sha256, title, text, registered_at) "
                    f"VALUES ('s', '{SHA}', 'S', 'text', '2026-01-01 00:00:00')"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO attempts (uid, profile_id, version_id, mode, started_at) "
                    "SELECT 'a1', p.id, v.id, 'practice', '2026-01-01 00:00:00' "
                    "FROM profiles p, scenario_versions v"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO answers (attempt_id, decision_id, option_id, competency, credit, answered_at) "
                    "SELECT id, 'd', 'wait', 'c', 1.0, '2026-01-01 00:00:00' FROM attempts"
                )
            )
        upgrade(engine)
        with engine.begin() as conn:
            assert conn.execute(text("SELECT timed_out FROM answers")).scalars().all() == [False]
            conn.execute(
                text(
                    "INSERT INTO answers (attempt_id, decision_id, option_id, competency, credit, answered_at, timed_out) "
                    "SELECT id, 'e', 'wait', 'c', 0.5, '2026-01-01 00:00:00', true FROM attempts"
                )
            )
            rows = conn.execute(text("SELECT decision_id, timed_out FROM answers ORDER BY decision_id")).all()
            assert [(d, bool(t)) for d, t in rows] == [("d", False), ("e", True)]
        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0011_recorded_sessions")
        with engine.connect() as conn:
            assert current_revision(conn) == "0011_recorded_sessions"
            assert "timed_out" not in _columns(conn)
            assert conn.execute(text("SELECT count(*) FROM answers")).scalar() == 2  # no answer lost
    finally:
        engine.dispose()
