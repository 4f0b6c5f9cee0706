"""Renaming profiles and moving them between cohorts (SQLite and PostgreSQL, with row-level security)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import DuplicateName, NotFound, PermissionDenied, ServiceError, open_service
from balint_trainer.services.security import db_role_name
from balint_trainer.services.service import TrainerService
from tests.db_fixtures import MINIMAL, PostgresServer

PASSWORD = "s3cret-passphrase"


def test_rename_keeps_id_role_cohort_and_attempts(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    attempt = service.practice.start_attempt(ann.id, minimal_version.id, "practice")
    renamed = service.accounts.rename_profile(ann.id, "  Ann Lee  ")
    assert renamed == service.accounts.profile(ann.id)
    assert (renamed.id, renamed.name, renamed.role, renamed.cohort) == (ann.id, "Ann Lee", "trainee", "C1")
    assert service.accounts.profile_by_name("Ann Lee") == renamed
    with pytest.raises(NotFound):
        service.accounts.profile_by_name("Ann")
    assert [a.id for a in service.practice.attempts(profile_id=ann.id)] == [attempt.id]
    # The old name is free again.
    assert service.accounts.create_profile("Ann", "supervisor").name == "Ann"


def test_rename_errors_are_clear(service: TrainerService) -> None:
    ann = service.accounts.create_profile("Ann", "trainee")
    service.accounts.create_profile("Bob", "trainee")
    with pytest.raises(ServiceError, match="must not be empty"):
        service.accounts.rename_profile(ann.id, "   ")
    with pytest.raises(ServiceError, match="too long"):
        service.accounts.rename_profile(ann.id, "x" * 201)
    with pytest.raises(DuplicateName, match="'Bob' already exists"):
        service.accounts.rename_profile(ann.id, " Bob ")
    with pytest.raises(NotFound, match="no profile with id 999"):
        service.accounts.rename_profile(999, "Zed")
    assert service.accounts.profile(ann.id).name == "Ann"  # nothing changed by the refusals


def test_names_stay_unique_exactly_as_on_creation(service: TrainerService) -> None:
    """Uniqueness is case-sensitive (as create_profile and the unique index); own case changes are fine."""
    ann = service.accounts.create_profile("Ann", "trainee")
    assert service.accounts.rename_profile(ann.id, "Ann") == service.accounts.profile(ann.id)  # no-op
    assert service.accounts.rename_profile(ann.id, "ANN").name == "ANN"
    bob = service.accounts.create_profile("Bob", "trainee")
    assert service.accounts.rename_profile(bob.id, "ann").name == "ann"
    with pytest.raises(DuplicateName):
        service.accounts.rename_profile(bob.id, "ANN")


def test_rename_keeps_the_password(service: TrainerService) -> None:
    sue = service.accounts.create_account("Sue", "supervisor", PASSWORD, cohort="C1")
    renamed = service.accounts.rename_profile(sue.id, "Susan")
    assert renamed.db_role == sue.db_role  # None on SQLite, the unchanged login role on PostgreSQL
    assert service.accounts.authenticate("Susan", PASSWORD) == renamed
    with pytest.raises(PermissionDenied):
        service.accounts.authenticate("Sue", PASSWORD)


def test_set_cohort_moves_and_clears(service: TrainerService) -> None:
    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    moved = service.accounts.set_profile_cohort(ann.id, "  C2 ")
    assert moved.cohort == "C2" and moved.name == "Ann"
    assert service.accounts.profiles(cohort="C2") == [moved]
    assert service.accounts.profiles(cohort="C1") == []
    assert service.accounts.set_profile_cohort(ann.id, "   ").cohort is None
    assert service.accounts.set_profile_cohort(ann.id, None).cohort is None
    with pytest.raises(ServiceError, match="cohort name is too long"):
        service.accounts.set_profile_cohort(ann.id, "c" * 201)
    with pytest.raises(NotFound, match="no profile with id 999"):
        service.accounts.set_profile_cohort(999, "C1")


def test_who_may_rename_and_move(service: TrainerService) -> None:
    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    bob = service.accounts.create_profile("Bob", "trainee", cohort="C1")
    sue = service.accounts.create_profile("Sue", "supervisor", cohort="C1")
    tim = service.accounts.create_profile("Tim", "supervisor", cohort="C2")
    olga = service.accounts.create_profile("Olga", "organiser")
    # A trainee renames only themselves and moves nobody.
    assert service.accounts.rename_profile(ann.id, "Ann L.", actor_id=ann.id).name == "Ann L."
    with pytest.raises(PermissionDenied, match="trainees may rename only their own profile"):
        service.accounts.rename_profile(bob.id, "Bobby", actor_id=ann.id)
    with pytest.raises(PermissionDenied, match="only supervisors and organisers change cohorts"):
        service.accounts.set_profile_cohort(ann.id, "C2", actor_id=ann.id)
    # A supervisor renames themselves and trainees, and moves trainees only.
    assert service.accounts.rename_profile(bob.id, "Bobby", actor_id=sue.id).name == "Bobby"
    assert service.accounts.rename_profile(sue.id, "Susan", actor_id=sue.id).name == "Susan"
    assert service.accounts.set_profile_cohort(bob.id, "C2", actor_id=sue.id).cohort == "C2"
    with pytest.raises(PermissionDenied, match="supervisors may rename only themselves and trainees"):
        service.accounts.rename_profile(tim.id, "Timothy", actor_id=sue.id)
    with pytest.raises(PermissionDenied, match="only organisers change the cohort of a supervisor"):
        service.accounts.set_profile_cohort(sue.id, "C2", actor_id=sue.id)
    # An organiser does anything.
    assert service.accounts.rename_profile(tim.id, "Timothy", actor_id=olga.id).name == "Timothy"
    assert service.accounts.set_profile_cohort(tim.id, "C3", actor_id=olga.id).cohort == "C3"
    with pytest.raises(NotFound):
        service.accounts.rename_profile(ann.id, "X", actor_id=999)
    assert service.accounts.profile(bob.id).name == "Bobby" and service.accounts.profile(tim.id).cohort == "C3"


# ------------------------------------------------------------------ PostgreSQL: logins and RLS


def _as(url: str, db_role: str | None) -> str:
    assert db_role is not None
    return make_url(url).set(username=db_role, password=PASSWORD).render_as_string(hide_password=False)


@pytest.fixture
def course(postgres_server: PostgresServer) -> Iterator[tuple[str, TrainerService, str]]:
    database = postgres_server.create_database()
    url = postgres_server.url_for(database)
    admin = open_service(url)
    try:
        yield url, admin, uuid.uuid4().hex[:6]  # login roles are cluster-wide: keep runs apart
    finally:
        admin.close()
        postgres_server.drop_database(database)


@pytest.mark.postgres
def test_renamed_account_keeps_its_database_login(course: tuple[str, TrainerService, str]) -> None:
    url, admin, tag = course
    alice = admin.accounts.create_account(f"alice-{tag}", "trainee", PASSWORD, cohort="C1")
    assert alice.db_role == db_role_name(alice.name)
    renamed = admin.accounts.rename_profile(alice.id, f"Alice Smith {tag}")
    assert renamed.db_role == alice.db_role
    with open_service(_as(url, renamed.db_role)) as svc:  # the same login still works
        assert svc.accounts.current_account() == renamed
        assert svc.accounts.local_profile() == renamed
        # Members cannot change profiles, not even their own name: the database refuses.
        with pytest.raises(PermissionDenied, match="refused this for the connected account"):
            svc.accounts.rename_profile(renamed.id, f"Mallory {tag}")
        with pytest.raises(PermissionDenied, match="refused this for the connected account"):
            svc.accounts.set_profile_cohort(renamed.id, "C2")
    assert admin.accounts.profile(alice.id) == renamed
    # The old name is free for a profile, but its login role still belongs to the renamed account.
    with pytest.raises(DuplicateName, match="belongs to the profile"):
        admin.accounts.create_account(f"alice-{tag}", "trainee", PASSWORD)
    assert admin.accounts.create_profile(f"alice-{tag}", "trainee").db_role is None
    with open_service(_as(url, renamed.db_role)) as svc:  # and its password was not reset
        assert svc.accounts.current_account() == renamed


@pytest.mark.postgres
def test_moving_a_trainee_moves_what_supervisors_see(course: tuple[str, TrainerService, str]) -> None:
    url, admin, tag = course
    alice = admin.accounts.create_account(f"alice-{tag}", "trainee", PASSWORD, cohort="C1")
    sue = admin.accounts.create_account(f"sue-{tag}", "supervisor", PASSWORD, cohort="C1")
    tim = admin.accounts.create_account(f"tim-{tag}", "supervisor", PASSWORD, cohort="C2")
    version = admin.scenarios.register_scenario(load_scenario_file(MINIMAL))
    key = version.load()
    with open_service(_as(url, alice.db_role)) as svc:
        attempt = svc.practice.start_attempt(alice.id, version.id, "practice")
        svc.practice.record_answer(attempt.id, "first", "a", credit=credit(key.decision("first"), "a"))
    with open_service(_as(url, sue.db_role)) as svc:
        assert [a.id for a in svc.practice.attempts()] == [attempt.id]
        svc.review.add_comment(attempt.id, sue.id, "Well held.", decision_id="first")
    with open_service(_as(url, tim.db_role)) as svc:
        assert svc.practice.attempts() == []

    moved = admin.accounts.set_profile_cohort(alice.id, "C2")
    assert moved.cohort == "C2" and moved.db_role == alice.db_role

    with open_service(_as(url, sue.db_role)) as svc:  # the old cohort's supervisor lost the trainee
        assert svc.practice.attempts() == []
        with pytest.raises(NotFound):
            svc.practice.attempt(attempt.id)
        assert svc.review.comments(attempt.id) == []
        with pytest.raises(NotFound):
            svc.review.add_comment(attempt.id, sue.id, "Still mine?")
    with open_service(_as(url, tim.db_role)) as svc:  # the new one sees the work and its history
        assert [a.id for a in svc.practice.attempts()] == [attempt.id]
        assert svc.practice.attempt(attempt.id).answered() == {"first": "a"}
        assert [c.text for c in svc.review.comments(attempt.id)] == ["Well held."]
        svc.review.add_comment(attempt.id, tim.id, "Welcome to C2.")
    with open_service(_as(url, alice.db_role)) as svc:  # the trainee keeps their own work
        assert [a.id for a in svc.practice.attempts()] == [attempt.id]

    # Moving the supervisor instead: sue follows alice to C2 and sees her again.
    admin.accounts.set_profile_cohort(sue.id, "C2")
    with open_service(_as(url, sue.db_role)) as svc:
        assert [a.id for a in svc.practice.attempts()] == [attempt.id]
    # With no cohort, no supervisor sees the trainee.
    admin.accounts.set_profile_cohort(alice.id, None)
    for supervisor in (sue, tim):
        with open_service(_as(url, supervisor.db_role)) as svc:
            assert svc.practice.attempts() == []
