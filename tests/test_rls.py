"""Confidentiality on a shared PostgreSQL database is enforced by the database itself.

Every account connects with its own login role; row-level security decides
which attempts, answers, comments and credentials it can see — for raw SQL as
much as for the app. See balint_trainer.services.security for the design.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import (
    DatabaseUnavailable,
    InvalidAnswer,
    NotFound,
    PermissionDenied,
    TrainerService,
    open_service,
)
from balint_trainer.services.dto import Attempt, Profile
from balint_trainer.services.security import db_role_name, login_url
from tests.db_fixtures import MINIMAL, PostgresServer

pytestmark = pytest.mark.postgres
PASSWORD = "s3cret-passphrase"


@dataclass
class Course:
    url: str
    admin: TrainerService
    people: dict[str, Profile]
    attempts: dict[str, Attempt]

    def url_as(self, who: str, password: str = PASSWORD) -> str:
        return login_url(self.url, self.people[who].name, password)


@pytest.fixture
def course(postgres_server: PostgresServer) -> Iterator[Course]:
    """Cohort C1: trainee alice, supervisor sue; cohort C2: trainee bob, supervisor tim."""
    database = postgres_server.create_database()
    url = postgres_server.url_for(database)
    admin = open_service(url)
    tag = uuid.uuid4().hex[:6]  # login roles are cluster-wide: keep test runs apart
    people = {
        "alice": admin.accounts.create_account(f"alice-{tag}", "trainee", PASSWORD, cohort="C1"),
        "bob": admin.accounts.create_account(f"bob-{tag}", "trainee", PASSWORD, cohort="C2"),
        "sue": admin.accounts.create_account(f"sue-{tag}", "supervisor", PASSWORD, cohort="C1"),
        "tim": admin.accounts.create_account(f"tim-{tag}", "supervisor", PASSWORD, cohort="C2"),
    }
    version = admin.scenarios.register_scenario(load_scenario_file(MINIMAL))
    key = version.load()
    attempts = {}
    for who in ("alice", "bob"):
        with open_service(login_url(url, people[who].name, PASSWORD)) as svc:
            me = svc.accounts.local_profile()
            assert me == people[who]
            attempt = svc.practice.start_attempt(me.id, version.id, "practice")
            svc.practice.record_answer(attempt.id, "first", "a", credit=credit(key.decision("first"), "a"))
            attempts[who] = svc.practice.attempt(attempt.id)
    try:
        yield Course(url, admin, people, attempts)
    finally:
        admin.close()
        postgres_server.drop_database(database)


def _raw(url: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


def test_each_account_has_its_own_login_role_in_its_group(course: Course) -> None:
    rows = _raw(
        course.url,
        "SELECT r.rolname, g.rolname FROM pg_roles r JOIN pg_auth_members m ON m.member = r.oid "
        "JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = ANY(:names) ORDER BY 1",
        names=[db_role_name(p.name) for p in course.people.values()],
    )
    groups = {role: group for role, group in rows}
    assert groups[db_role_name(course.people["alice"].name)] == "bt_trainee"
    assert groups[db_role_name(course.people["sue"].name)] == "bt_supervisor"
    # PostgreSQL stores its own SCRAM verifier for the login role, never the password.
    assert _raw(
        course.url,
        "SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = :r",
        r=db_role_name(course.people["alice"].name),
    ) == [(True,)]


def test_trainee_cannot_read_another_trainees_attempts_even_with_raw_sql(course: Course) -> None:
    alice_url = course.url_as("alice")
    alice, bob = course.people["alice"], course.people["bob"]
    assert _raw(alice_url, "SELECT current_user") == [(db_role_name(alice.name),)]
    assert _raw(alice_url, "SELECT profile_id FROM attempts") == [(alice.id,)]
    assert _raw(alice_url, "SELECT count(*) FROM attempts WHERE profile_id = :p", p=bob.id) == [(0,)]
    assert _raw(alice_url, "SELECT count(*) FROM answers") == [(1,)]
    assert _raw(
        alice_url, "SELECT count(*) FROM answers WHERE attempt_id = :a", a=course.attempts["bob"].id
    ) == [(0,)]
    assert _raw(alice_url, "SELECT profile_id FROM credentials") == [(alice.id,)]
    # Profiles (names, roles, cohorts) are a shared directory; they hold no secrets.
    assert len(_raw(alice_url, "SELECT id FROM profiles")) == 4


def test_trainee_cannot_write_as_someone_else_or_escape_the_policies(course: Course) -> None:
    alice_url = course.url_as("alice")
    bob = course.people["bob"]
    statements = [
        # an attempt in bob's name
        (
            "INSERT INTO attempts (uid, profile_id, version_id, mode, started_at) "
            "VALUES (:u, :p, 1, 'practice', now())",
            {"u": str(uuid.uuid4()), "p": bob.id},
        ),
        # an answer in bob's attempt
        (
            "INSERT INTO answers (attempt_id, decision_id, option_id, competency, credit, answered_at) "
            "VALUES (:a, 'second', 'x', 'invite-feelings', 1.0, now())",
            {"a": course.attempts["bob"].id},
        ),
        # changing one's own answer (answers are append-only)
        ("UPDATE answers SET credit = 1.0", {}),
        ("DELETE FROM answers", {}),
        # promoting oneself or moving cohort
        ("UPDATE profiles SET role = 'supervisor', cohort = 'C2'", {}),
        # switching RLS off
        ("SET row_security = off; SELECT count(*) FROM attempts", {}),
        # becoming a supervisor
        ("SET ROLE bt_supervisor", {}),
    ]
    for sql, params in statements:
        with pytest.raises(DBAPIError) as caught:
            _raw(alice_url, sql, **params)
        assert getattr(caught.value.orig, "sqlstate", None) == "42501", (sql, caught.value)
    assert _raw(course.url, "SELECT count(*) FROM answers") == [(2,)]


def test_trainee_service_sees_only_their_own_work(course: Course) -> None:
    with open_service(course.url_as("alice")) as svc:
        me = svc.accounts.local_profile()
        assert me == course.people["alice"]
        assert [a.id for a in svc.practice.attempts()] == [course.attempts["alice"].id]
        with pytest.raises(NotFound):
            svc.practice.attempt(course.attempts["bob"].id)
        with pytest.raises(NotFound):
            svc.practice.record_answer(course.attempts["bob"].id, "second", "x", credit=1.0)
        assert svc.accounts.authenticate(me.name, PASSWORD) == me
        with pytest.raises(PermissionDenied):  # cannot even read bob's hash to test it
            svc.accounts.authenticate(course.people["bob"].name, PASSWORD)
        with pytest.raises(PermissionDenied, match="refused this for the connected account"):
            svc.accounts.create_profile("mallory", "supervisor")
        finished = svc.practice.finish_attempt(course.attempts["alice"].id)
        assert finished.total == 100.0
        with pytest.raises(InvalidAnswer, match="is finished"):
            svc.practice.record_answer(finished.id, "second", "x", credit=1.0)
    reopen = "UPDATE attempts SET finished_at = NULL WHERE id = :a RETURNING id"
    assert _raw(course.url_as("alice"), reopen, a=course.attempts["alice"].id) == []  # no row may be reopened
    with pytest.raises(DBAPIError):  # the database, not just the service, refuses late answers
        _raw(
            course.url_as("alice"),
            "INSERT INTO answers (attempt_id, decision_id, option_id, competency, credit, answered_at) "
            "VALUES (:a, 'second', 'x', 'invite-feelings', 1.0, now())",
            a=course.attempts["alice"].id,
        )


def test_members_read_profile_uids_but_cannot_change_them(course: Course) -> None:
    alice = course.people["alice"]
    with open_service(course.url_as("sue")) as svc:  # xAPI exports run as the supervisor
        assert svc.accounts.profile(alice.id).uid == alice.uid
    with pytest.raises(DBAPIError):  # an LRS identity must not be taken over by raw SQL either
        _raw(
            course.url_as("alice"),
            "UPDATE profiles SET uid = :u WHERE id = :i",
            u=course.people["bob"].uid,
            i=alice.id,
        )


def test_supervisor_sees_and_comments_on_their_cohort_only(course: Course) -> None:
    alice_attempt, bob_attempt = course.attempts["alice"], course.attempts["bob"]
    with open_service(course.url_as("sue")) as sue_svc:
        sue = sue_svc.accounts.local_profile()
        assert sue == course.people["sue"]
        assert [a.id for a in sue_svc.practice.attempts()] == [alice_attempt.id]
        assert sue_svc.practice.attempt(alice_attempt.id).answered() == {"first": "a"}
        with pytest.raises(NotFound):
            sue_svc.practice.attempt(bob_attempt.id)
        comment = sue_svc.review.add_comment(alice_attempt.id, sue.id, "Good restraint.", decision_id="first")
        with pytest.raises(NotFound):
            sue_svc.review.add_comment(bob_attempt.id, sue.id, "Not my trainee.")
        with pytest.raises(PermissionDenied):  # cannot write into a trainee's attempt
            sue_svc.practice.record_answer(alice_attempt.id, "second", "x", credit=1.0)
    assert _raw(course.url_as("sue"), "SELECT count(*) FROM answers") == [(1,)]
    assert _raw(course.url_as("tim"), "SELECT profile_id FROM attempts") == [(course.people["bob"].id,)]
    assert _raw(course.url_as("tim"), "SELECT count(*) FROM comments") == [(0,)]
    with open_service(course.url_as("alice")) as alice_svc:
        assert alice_svc.review.comments(alice_attempt.id) == [comment]
    with open_service(course.url_as("bob")) as bob_svc:
        assert bob_svc.review.comments(alice_attempt.id) == []


def test_admin_who_owns_the_tables_sees_everything(course: Course) -> None:
    assert {a.id for a in course.admin.practice.attempts()} == {a.id for a in course.attempts.values()}
    assert _raw(course.url, "SELECT count(*) FROM answers") == [(2,)]
    assert _raw(course.url, "SELECT count(*) FROM credentials") == [(4,)]
    rls = _raw(course.url, "SELECT relname FROM pg_class WHERE relrowsecurity ORDER BY relname")
    assert rls == [
        ("annotations",),
        ("answers",),
        ("attempts",),
        ("comment_reads",),
        ("comments",),
        ("credentials",),
        ("lrs_queue",),
        ("recorded_sessions",),
        ("review_cards",),
    ]


def test_wrong_database_password_is_refused_by_postgresql(course: Course) -> None:
    with pytest.raises(DatabaseUnavailable, match="password authentication failed"):
        open_service(course.url_as("alice", password="not the password"))


def test_only_the_admin_imports_bundles_into_a_shared_database(course: Course, tmp_path) -> None:  # type: ignore[no-untyped-def]
    bundle = tmp_path / "alice.json"
    assert course.admin.exchange.export_attempts(course.people["alice"].id, bundle) == 1
    course.admin.close()
    with open_service(course.url) as admin:
        # Re-importing into the same database is a no-op for the owner ...
        assert not admin.exchange.import_attempts(bundle).changed
    data = bundle.read_text().replace(course.attempts["alice"].uid, str(uuid.uuid4()))
    bundle.write_text(data)
    with open_service(course.url_as("sue")) as sue_svc, pytest.raises(PermissionDenied):
        sue_svc.exchange.import_attempts(bundle)  # ... a supervisor may not write attempts for others
    with open_service(course.url) as admin:
        assert len(admin.practice.attempts()) == 2
        assert admin.exchange.import_attempts(bundle).attempts_new == 1


def test_an_account_never_takes_over_a_privileged_role(course: Course) -> None:
    name = f"evil{uuid.uuid4().hex[:6]}"
    _raw(course.url, f"CREATE ROLE {db_role_name(name)} SUPERUSER LOGIN")
    try:
        with pytest.raises(PermissionDenied, match="is privileged"):
            course.admin.accounts.create_account(name, "trainee", PASSWORD)
        assert name not in {p.name for p in course.admin.accounts.profiles()}
    finally:
        _raw(course.url, f"DROP ROLE {db_role_name(name)}")


def test_review_cards_are_private_to_their_trainee_even_from_their_supervisor(course: Course) -> None:
    alice, bob = course.people["alice"], course.people["bob"]
    # The fixture's answers created one card each, under each trainee's own login.
    assert _raw(course.url_as("alice"), "SELECT profile_id FROM review_cards") == [(alice.id,)]
    assert _raw(course.url_as("sue"), "SELECT count(*) FROM review_cards") == [(0,)]
    with pytest.raises(DBAPIError):
        _raw(
            course.url_as("alice"),
            "INSERT INTO review_cards (uid, profile_id, scenario_id, decision_id, competency, state, due, "
            "reps, lapses, updated_at) VALUES ('x', :p, 's', 'd', 'c', 1, now(), 0, 0, now())",
            p=bob.id,
        )
    # Updating someone else's card touches no row at all.
    _raw(course.url_as("alice"), "UPDATE review_cards SET lapses = 9 WHERE profile_id = :p", p=bob.id)
    assert _raw(course.url, "SELECT lapses FROM review_cards WHERE profile_id = :p", p=bob.id) == [(0,)]
