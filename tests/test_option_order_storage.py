"""Shuffled options, stored (SQLite and PostgreSQL): seed and shown order survive resume, review,
reports, bundles and the 0003 -> 0004 migration."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from balint_trainer.core.option_order import shown_order
from balint_trainer.core.scoring import credit
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.reports import review_attempt, trainee_report, trainee_report_html
from balint_trainer.reports.tabular import answers_csv_text
from balint_trainer.services import BundleError, InvalidAnswer, ServiceError, TrainerService, open_service
from balint_trainer.services.dto import ScenarioVersion
from balint_trainer.storage import create_db_engine, upgrade
from tests.db_fixtures import MINIMAL


def _record(svc: TrainerService, version: ScenarioVersion, attempt_id: int, result) -> None:  # type: ignore[no-untyped-def]
    svc.practice.record_answer(
        attempt_id,
        result.decision_id,
        result.option_id,
        credit=result.credit,
        own_words=result.own_words,
        shown_order=result.shown_order,
    )


def test_seeded_attempt_stores_the_order_and_resume_restores_it(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice", option_seed="s1")
    assert attempt.option_seed == "s1"
    scenario = minimal_version.load()
    session = PracticeSession(scenario, "practice", seed=attempt.option_seed)
    event = session.next_event()
    while not hasattr(event, "options"):
        event = session.next_event()
    assert event.shown_order == ("b", "a", "c")  # type: ignore[union-attr]
    result = session.answer("first", event.options[0].id)  # type: ignore[union-attr]
    _record(service, minimal_version, attempt.id, result)

    resumable = service.practice.resumable_attempt(me.id, "minimal-test")
    assert resumable is not None and resumable.option_seed == "s1"
    assert resumable.answers[0].shown_order == ("b", "a", "c")
    resumed = PracticeSession(scenario, resumable.mode, answers=resumable.answers, seed=resumable.option_seed)
    assert resumed.result("first").shown_order == ("b", "a", "c")  # type: ignore[union-attr]
    nxt = resumed.next_event()
    while not hasattr(nxt, "options"):
        nxt = resumed.next_event()
    assert nxt.shown_order == shown_order(scenario.decision("second"), "s1")  # type: ignore[union-attr]


def test_every_new_attempt_gets_its_own_seed(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    seeds = {service.practice.start_attempt(me.id, minimal_version.id, "exam").option_seed for _ in range(5)}
    assert None not in seeds and len(seeds) == 5


def test_record_answer_checks_the_shown_order(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "exam", option_seed="s2")
    a_credit = credit(minimal_version.load().decision("first"), "a")
    for bad in (["a", "b"], ["a", "b", "b"], ["a", "b", "z"]):
        with pytest.raises(InvalidAnswer, match="not an order of its options"):
            service.practice.record_answer(attempt.id, "first", "a", credit=a_credit, shown_order=bad)
    # Without an explicit order the seed's order is stored (never nothing).
    stored = service.practice.record_answer(attempt.id, "first", "a", credit=a_credit)
    assert stored.shown_order == ("c", "b", "a")
    with pytest.raises(ServiceError):
        service.practice.start_attempt(me.id, minimal_version.id, "exam", option_seed="x" * 65)


def test_review_and_reports_show_what_the_trainee_saw(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice", option_seed="s2")
    a_credit = credit(minimal_version.load().decision("first"), "b")
    service.practice.record_answer(attempt.id, "first", "b", credit=a_credit, shown_order=["c", "b", "a"])
    review = review_attempt(service, attempt.id)
    first, second = review.decisions
    assert [o.id for o in first.options] == ["c", "b", "a"]
    assert first.position("b") == 2 and first.label("b") == "Talk." and first.label("a") == "Wait."
    # Unanswered: the order the seed would have shown.
    assert tuple(o.id for o in second.options) == shown_order(minimal_version.load().decision("second"), "s2")

    report = trainee_report(service, me.id)
    html = trainee_report_html(report)
    shown = html.index("Options as shown:")
    assert html.index("Lecture.", shown) < html.index("Talk.", shown) < html.index("Wait.", shown)
    assert "shown 2 of 3" in html
    csv_text = answers_csv_text([report])
    header, row = csv_text.splitlines()[:2]
    assert "chosen_text" in header and "shown_order" in header
    assert "Talk." in row and "c b a" in row


def test_old_attempts_without_a_seed_show_file_order(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    me = service.accounts.local_profile()
    attempt = service.practice.start_attempt(me.id, minimal_version.id, "practice")
    with service.db._write_sessions() as session, session.begin():  # as stored before 0004
        session.execute(text("UPDATE attempts SET option_seed = NULL WHERE id = :id"), {"id": attempt.id})
    service.practice.record_answer(attempt.id, "first", "c", credit=0.0)
    with service.db._write_sessions() as session, session.begin():
        session.execute(text("UPDATE answers SET shown_order = NULL"))
    stored = service.practice.attempt(attempt.id)
    assert stored.option_seed is None and stored.answers[0].shown_order is None
    review = review_attempt(service, stored)
    assert [o.id for o in review.decisions[0].options] == ["a", "b", "c"]
    session_ = PracticeSession(minimal_version.load(), "practice", stored.answers, seed=stored.option_seed)
    assert session_.result("first").shown_order == ("a", "b", "c")  # type: ignore[union-attr]


def test_bundles_carry_seed_and_orders_and_old_bundles_still_import(
    service: TrainerService, minimal_version: ScenarioVersion, tmp_path: Path
) -> None:
    offline = open_service(f"sqlite:///{tmp_path / 'offline.sqlite3'}")
    try:
        me = offline.accounts.local_profile()
        version = offline.scenarios.register_scenario(load_scenario_file(MINIMAL))
        attempt = offline.practice.start_attempt(me.id, version.id, "exam", option_seed="s6")
        offline.practice.record_answer(attempt.id, "first", "a", credit=1.0, shown_order=["c", "b", "a"])
        path = tmp_path / "bundle.json"
        offline.exchange.export_attempts(me.id, path)
    finally:
        offline.close()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["attempts"][0]["option_seed"] == "s6"
    assert data["attempts"][0]["answers"][0]["shown_order"] == ["c", "b", "a"]

    # A bundle with a shown order that is not a permutation is refused as a whole.
    broken = json.loads(json.dumps(data))
    broken["attempts"][0]["answers"][0]["shown_order"] = ["a", "b", "b"]
    bad_path = tmp_path / "bad.json"
    bad_path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(BundleError, match=r"shown_order \(a, b, b\) is not an order"):
        service.exchange.import_attempts(bad_path)
    assert service.practice.attempts() == []

    report = service.exchange.import_attempts(path)
    assert report.attempts_new == 1
    (imported,) = service.practice.attempts()
    assert imported.option_seed == "s6" and imported.answers[0].shown_order == ("c", "b", "a")
    assert [o.id for o in review_attempt(service, imported).decisions[0].options] == ["c", "b", "a"]
    assert not service.exchange.import_attempts(path).changed  # idempotent

    # Written before options were shuffled: no option_seed, no shown_order.
    old = json.loads(json.dumps(data))
    old["attempts"][0]["uid"] = "00000000-0000-4000-8000-000000000001"
    del old["attempts"][0]["option_seed"]
    del old["attempts"][0]["answers"][0]["shown_order"]
    old_path = tmp_path / "old.json"
    old_path.write_text(json.dumps(old), encoding="utf-8")
    assert service.exchange.import_attempts(old_path).attempts_new == 1
    legacy = service.practice.attempt_by_uid("00000000-0000-4000-8000-000000000001")
    assert legacy is not None and legacy.option_seed is None and legacy.answers[0].shown_order is None
    assert [o.id for o in review_attempt(service, legacy).decisions[0].options] == ["a", "b", "c"]

    # Another seed for a stored attempt contradicts it.
    clash = json.loads(json.dumps(data))
    clash["attempts"][0]["option_seed"] = "other"
    clash_path = tmp_path / "clash.json"
    clash_path.write_text(json.dumps(clash), encoding="utf-8")
    with pytest.raises(BundleError, match="another option order"):
        service.exchange.import_attempts(clash_path)


def test_upgrade_from_0003_keeps_attempts_and_answers_with_no_order(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        upgrade(engine, "0003_profile_uid")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO profiles (uid, name, role, is_local, created_at) "
                    "VALUES ('11111111-1111-4111-8111-111111111111', 'p', 'trainee', false, '2026-01-01 00:00:00')"
                )
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
                    "SELECT 'a1', p.id, v.id, 'practice', '2026-01-01 00:00:00' FROM profiles p, scenario_versions v"
                )
            )
            conn.execute(
                text(
                    "INSERT INTO answers (attempt_id, decision_id, option_id, competency, credit, answered_at) "
                    "SELECT id, 'd', 'o', 'c', 1.0, '2026-01-01 00:00:00' FROM attempts"
                )
            )
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT option_seed FROM attempts")).scalars().all() == [None]
            assert conn.execute(text("SELECT shown_order FROM answers")).scalars().all() == [None]
            assert conn.execute(text("SELECT count(*) FROM answers")).scalar_one() == 1
        # And back: 0004's downgrade drops only its two columns, nothing cascades away.
        from alembic import command

        from balint_trainer.storage.migrate import alembic_config

        config = alembic_config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0003_profile_uid")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM answers")).scalar_one() == 1
            columns = {c["name"] for c in inspect(conn).get_columns("attempts")}
            assert "option_seed" not in columns
    finally:
        engine.dispose()
