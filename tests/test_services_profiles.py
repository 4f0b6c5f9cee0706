"""Profiles, accounts (argon2) and scenario versions through the service layer."""

from __future__ import annotations

import dataclasses
import getpass

import pytest

from balint_trainer.core.validation import load_scenario_bytes, load_scenario_file
from balint_trainer.services import DuplicateName, InvalidScenario, NotFound, PermissionDenied, ServiceError
from balint_trainer.services.service import TrainerService
from tests.db_fixtures import MINIMAL


def test_local_profile_is_created_once_and_named_after_the_os_user(service: TrainerService) -> None:
    first = service.accounts.local_profile()
    assert first.name == getpass.getuser()
    assert first.role == "trainee"
    assert service.accounts.local_profile() == first
    assert service.accounts.profiles() == [first]


def test_local_profile_avoids_a_name_taken_by_a_supervisor(service: TrainerService) -> None:
    service.accounts.create_profile(getpass.getuser(), "supervisor")
    local = service.accounts.local_profile()
    assert local.name == f"{getpass.getuser()} (2)"
    assert local.role == "trainee"


def test_create_and_filter_profiles(service: TrainerService) -> None:
    ann = service.accounts.create_profile("Ann", "trainee", cohort="Spring 2026")
    bob = service.accounts.create_profile("  Bob  ", "trainee", cohort="Autumn 2026")
    sue = service.accounts.create_profile("Sue", "supervisor", cohort="Spring 2026")
    org = service.accounts.create_profile("Olga", "organiser")
    assert bob.name == "Bob"
    assert service.accounts.profiles() == [ann, bob, org, sue]
    assert service.accounts.profiles(role="trainee") == [ann, bob]
    assert service.accounts.profiles(cohort="Spring 2026") == [ann, sue]
    assert service.accounts.profiles(role="trainee", cohort="Spring 2026") == [ann]
    assert service.accounts.profile(sue.id) == sue
    assert service.accounts.profile_by_name("Olga") == org
    with pytest.raises(dataclasses.FrozenInstanceError):
        ann.name = "x"  # type: ignore[misc]


def test_profile_errors_are_clear(service: TrainerService) -> None:
    service.accounts.create_profile("Ann", "trainee")
    with pytest.raises(DuplicateName, match="'Ann' already exists"):
        service.accounts.create_profile("Ann", "supervisor")
    with pytest.raises(ServiceError, match="unknown role 'boss'"):
        service.accounts.create_profile("Zed", "boss")
    with pytest.raises(ServiceError, match="must not be empty"):
        service.accounts.create_profile("   ", "trainee")
    with pytest.raises(NotFound, match="no profile with id 999"):
        service.accounts.profile(999)


def test_accounts_store_argon2id_hashes_and_authenticate(service: TrainerService) -> None:
    from sqlalchemy import select

    from balint_trainer.storage.models import Credential

    ann = service.accounts.create_account("Ann", "trainee", "correct horse", cohort="A")
    assert service.accounts.authenticate("Ann", "correct horse") == ann
    assert service.accounts.authenticate(" Ann ", "correct horse") == ann
    with pytest.raises(PermissionDenied, match="unknown name or wrong password"):
        service.accounts.authenticate("Ann", "wrong horse")
    with pytest.raises(PermissionDenied, match="unknown name or wrong password"):
        service.accounts.authenticate("Nobody", "correct horse")
    with service.db._read_sessions() as session:
        stored = session.scalars(select(Credential.password_hash)).one()
    assert stored.startswith("$argon2id$")
    assert "correct horse" not in stored
    service.accounts.set_password(ann.id, "battery staple")
    assert service.accounts.authenticate("Ann", "battery staple") == ann
    with pytest.raises(PermissionDenied):
        service.accounts.authenticate("Ann", "correct horse")
    with pytest.raises(ServiceError, match="at least 8 characters"):
        service.accounts.create_account("Bob", "trainee", "short")


def test_profile_without_password_cannot_log_in(service: TrainerService) -> None:
    service.accounts.create_profile("Ann", "trainee")
    with pytest.raises(PermissionDenied):
        service.accounts.authenticate("Ann", "")
    assert service.accounts.create_profile("Bob", "supervisor", password="long enough").role == "supervisor"
    assert service.accounts.authenticate("Bob", "long enough").name == "Bob"


def test_register_scenario_is_idempotent_on_id_and_hash(service: TrainerService) -> None:
    loaded = load_scenario_file(MINIMAL)
    first = service.scenarios.register_scenario(loaded)
    again = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    assert again == first
    assert first.scenario_id == "minimal-test"
    assert first.sha256 == loaded.sha256
    assert first.text == MINIMAL.read_text(encoding="utf-8")
    assert first.load().id == "minimal-test"
    assert service.scenarios.scenario_version(first.id) == first
    assert service.scenarios.latest_version("minimal-test") == first
    assert service.scenarios.latest_version("no-such-scenario") is None

    edited = MINIMAL.read_bytes().replace(b"title: Minimal test scenario", b"title: Minimal, edited")
    second = service.scenarios.register_scenario(load_scenario_bytes(edited, "edited.yaml"))
    assert second.id != first.id and second.sha256 != first.sha256
    assert second.title == "Minimal, edited"
    assert service.scenarios.latest_version("minimal-test") == second
    assert [v.id for v in service.scenarios.scenario_versions("minimal-test")] == [first.id, second.id]


def test_invalid_scenarios_are_refused(service: TrainerService) -> None:
    broken = load_scenario_bytes(b"format: balint-scenario/1\nid: Bad Id\n", "broken.yaml")
    with pytest.raises(InvalidScenario, match=r"broken\.yaml: cannot register an invalid scenario"):
        service.scenarios.register_scenario(broken)
    assert service.scenarios.scenario_versions() == []
    with pytest.raises(NotFound, match="no scenario version with id 5"):
        service.scenarios.scenario_version(5)
