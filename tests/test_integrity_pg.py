"""Integrity on a shared PostgreSQL database (issue 12, finding 7), tried as raw SQL over each
role's own login: scenario texts must hash to their checksum, and an expert writes only their
own annotations."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy.exc import DBAPIError

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import InvalidScenario, open_service
from tests.db_fixtures import MINIMAL
from tests.test_rls import Course, _raw
from tests.test_rls import course as course  # the fixture, re-exported

pytestmark = pytest.mark.postgres


def test_a_trainee_cannot_plant_another_text_under_a_scenarios_checksum(course: Course) -> None:
    loaded = load_scenario_file(MINIMAL)
    assert loaded.text is not None
    forged = loaded.text.replace("Silence is fine.", "Lecture is best.")
    # The attack: a row with a new version's real checksum but another text and key.
    sha = hashlib.sha256((loaded.text + "\n# v2\n").encode()).hexdigest()
    with pytest.raises(DBAPIError, match="ck_scenario_versions_sha256_of_text"):
        _raw(
            course.url_as("alice"),
            "INSERT INTO scenario_versions (scenario_id, sha256, title, text, registered_at) "
            "VALUES ('minimal', :sha, 't', :text, now())",
            sha=sha,
            text=forged,
        )
    # The owner is held to it as well: a CHECK binds every role.
    with pytest.raises(DBAPIError, match="ck_scenario_versions_sha256_of_text"):
        _raw(
            course.url,
            "INSERT INTO scenario_versions (scenario_id, sha256, title, text, registered_at) "
            "VALUES ('minimal', :sha, 't', :text, now())",
            sha=sha,
            text=forged,
        )
    # An honest registration through the app still works for a member.
    with open_service(course.url_as("bob")) as bob:
        honest = load_scenario_file(MINIMAL)
        assert bob.scenarios.register_scenario(honest).sha256 == honest.sha256


def test_a_row_altered_before_the_check_is_never_reused_or_scored(course: Course) -> None:
    """Rows stored before the constraint are not validated by it (NOT VALID); readers check."""
    version = course.admin.scenarios.register_scenario(load_scenario_file(MINIMAL))
    _raw(
        course.url,
        "ALTER TABLE scenario_versions DROP CONSTRAINT ck_scenario_versions_sha256_of_text",
    )
    _raw(course.url, "UPDATE scenario_versions SET text = text || '# altered' WHERE id = :i", i=version.id)
    with open_service(course.url_as("bob")) as bob:
        with pytest.raises(InvalidScenario, match="does not match its checksum"):
            bob.scenarios.register_scenario(load_scenario_file(MINIMAL))
        with pytest.raises(InvalidScenario, match="does not match its checksum"):
            bob.scenarios.scenario_version(version.id).load()


def _annotate(url: str, version_id: int, expert_id: int, best: str) -> None:
    _raw(
        url,
        "INSERT INTO annotations (version_id, decision_id, expert_profile_id, best, updated_at) "
        "VALUES (:v, 'first', :e, :b, now())",
        v=version_id,
        e=expert_id,
        b=best,
    )


def test_an_expert_writes_and_reads_only_their_own_annotations(course: Course) -> None:
    version = course.admin.scenarios.register_scenario(load_scenario_file(MINIMAL))
    sue, tim = course.people["sue"], course.people["tim"]
    with open_service(course.url_as("sue")) as svc:
        svc.annotations.save_annotation(version.id, "first", sue.id, "a", {"a": 5, "b": 2}, None)
    with open_service(course.url_as("tim")) as svc:
        svc.annotations.save_annotation(version.id, "first", tim.id, "b", None, None)
    # Forging: tim inserts a vote in sue's name, or rewrites hers.
    with pytest.raises(DBAPIError, match="row-level security"):
        _annotate(course.url_as("tim"), version.id, sue.id, "b")
    _raw(course.url_as("tim"), "UPDATE annotations SET best = 'b' WHERE expert_profile_id = :s", s=sue.id)
    # Blind: tim sees only his own vote; the trainee sees none; the owner sees both, unchanged.
    assert _raw(course.url_as("tim"), "SELECT expert_profile_id FROM annotations") == [(tim.id,)]
    assert _raw(course.url_as("alice"), "SELECT count(*) FROM annotations") == [(0,)]
    assert sorted(_raw(course.url, "SELECT expert_profile_id, best FROM annotations")) == sorted(
        [(sue.id, "a"), (tim.id, "b")]
    )


def test_an_organiser_reads_every_annotation(course: Course) -> None:
    version = course.admin.scenarios.register_scenario(load_scenario_file(MINIMAL))
    olga = course.admin.accounts.create_account(
        "olga-" + course.people["sue"].name[-6:], "organiser", "s3cret-passphrase"
    )
    sue = course.people["sue"]
    with open_service(course.url_as("sue")) as svc:
        svc.annotations.save_annotation(version.id, "first", sue.id, "a", None, None)
    from balint_trainer.services.security import login_url

    with open_service(login_url(course.url, olga.name, "s3cret-passphrase")) as svc:
        assert [a.expert_profile_id for a in svc.annotations.annotations(version.id)] == [sue.id]
        svc.annotations.save_annotation(version.id, "first", olga.id, "b", None, None)
        assert len(svc.annotations.annotations(version.id)) == 2


def test_answers_still_score_for_everyone_after_an_attack(course: Course) -> None:
    """The old attack made record_answer raise ValueError for every trainee."""
    version = course.admin.scenarios.register_scenario(load_scenario_file(MINIMAL))
    key = version.load()
    with open_service(course.url_as("bob")) as bob:
        me = bob.accounts.local_profile()
        attempt = bob.practice.start_attempt(me.id, version.id, "practice")
        answer = bob.practice.record_answer(attempt.id, "first", "a", credit=credit(key.decision("first"), "a"))
        assert answer.credit == credit(key.decision("first"), "a")
