"""xAPI actors are identified by the profile uid, not its (renamable, reusable) name."""

from __future__ import annotations

import uuid
from typing import Any

from balint_trainer.core.scoring import credit
from balint_trainer.reports.data import trainee_report
from balint_trainer.reports.xapi import xapi_statements
from balint_trainer.services import TrainerService
from balint_trainer.services.dto import ScenarioVersion

HOME = "https://course.example.org/"


def _answered_attempt(service: TrainerService, profile_id: int, version: ScenarioVersion) -> None:
    attempt = service.practice.start_attempt(profile_id, version.id, "practice")
    key = version.load()
    service.practice.record_answer(attempt.id, "first", "b", credit=credit(key.decision("first"), "b"))


def _statements(service: TrainerService, profile_id: int) -> list[dict[str, Any]]:
    return xapi_statements([trainee_report(service, profile_id)], home_page=HOME)


def test_every_profile_gets_its_own_uuid(service: TrainerService) -> None:
    made = [
        service.accounts.create_profile("Ann", "trainee"),
        service.accounts.create_profile("Sue", "supervisor", cohort="C1"),
        service.accounts.create_account("Olga", "organiser", "long enough password"),
        service.accounts.local_profile(),
    ]
    uids = [p.uid for p in made]
    assert len(set(uids)) == len(uids)
    assert all(str(uuid.UUID(u)) == u for u in uids)
    assert {p.uid for p in service.accounts.profiles()} == set(uids)
    assert service.accounts.profile(made[0].id).uid == made[0].uid


def test_renaming_keeps_the_actor_and_statement_ids(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    ann = service.accounts.create_profile("Ann", "trainee")
    _answered_attempt(service, ann.id, minimal_version)
    before = _statements(service, ann.id)
    renamed = service.accounts.rename_profile(ann.id, "Ann Smith")
    assert renamed.uid == ann.uid
    after = _statements(service, ann.id)
    assert len(before) == len(after) == 1
    assert (
        after[0]["actor"]["account"] == before[0]["actor"]["account"] == {"homePage": HOME, "name": ann.uid}
    )
    assert [s["id"] for s in after] == [s["id"] for s in before]
    # Nothing at all changes: an LRS that holds the statement accepts it again (no 409 Conflict).
    assert after == before
    assert "name" not in after[0]["actor"]


def test_a_newcomer_with_a_freed_name_is_another_actor(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    first = service.accounts.create_profile("Ann", "trainee")
    _answered_attempt(service, first.id, minimal_version)
    service.accounts.rename_profile(first.id, "Ann Smith")
    second = service.accounts.create_profile("Ann", "trainee")  # the name is free again
    _answered_attempt(service, second.id, minimal_version)
    old = _statements(service, first.id)[0]["actor"]["account"]["name"]
    new = _statements(service, second.id)[0]["actor"]["account"]["name"]
    assert (old, new) == (first.uid, second.uid)
    assert old != new
