"""Merging two profiles of one person, on SQLite and PostgreSQL (the ``service`` fixture runs both)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import MergeRefused, PermissionDenied, TrainerService, open_service
from balint_trainer.services.dto import Profile, ScenarioVersion
from tests.db_fixtures import MINIMAL, PostgresServer

PASSWORD = "correct horse battery"


def _attempt(svc: TrainerService, version: ScenarioVersion, who: Profile, option: str = "a") -> int:
    attempt = svc.practice.start_attempt(who.id, version.id, "practice")
    svc.practice.record_answer(attempt.id, "first", option, credit=credit(version.load().decision("first"), option))
    svc.practice.finish_attempt(attempt.id)
    return attempt.id


def test_merge_moves_attempts_comments_annotations_and_aliases(
    service: TrainerService, minimal_version: ScenarioVersion, tmp_path: Path
) -> None:
    ben = service.accounts.create_profile("Ben Okafor", "trainee", cohort="C1")
    imported = service.accounts.create_profile("ben", "trainee")
    sue = service.accounts.create_profile("Sue", "supervisor", cohort="C1")
    dup = service.accounts.create_profile("Sue (2)", "supervisor")
    kept = _attempt(service, minimal_version, ben, "a")
    moved = [_attempt(service, minimal_version, imported, o) for o in ("a", "b")]
    service.review.add_comment(moved[0], dup.id, "Good restraint.", decision_id="first")
    service.review.add_comment(kept, dup.id, "Noted.")
    service.annotations.save_annotation(minimal_version.id, "first", dup.id, "a", None, "mine")

    preview = service.accounts.merge_preview(imported.id, ben.id)
    assert (preview.attempts, preview.comments_received, preview.comments_authored) == (2, 1, 0)
    report = service.accounts.merge_profiles(imported.id, ben.id)
    assert report == preview
    assert sorted(a.id for a in service.practice.attempts(profile_id=ben.id)) == sorted([kept, *moved])
    assert [c.text for c in service.review.comments(moved[0])] == ["Good restraint."]
    assert [p.name for p in service.accounts.profiles()] == ["Ben Okafor", "Sue", "Sue (2)"]
    best = service.practice.best_scores(ben.id)
    assert set(best) == {minimal_version.scenario_id}

    experts = service.accounts.merge_profiles(dup.id, sue.id)
    assert (experts.comments_authored, experts.annotations) == (2, 1)
    assert {c.author_name for c in service.review.comments(kept)} == {"Sue"}
    assert [(a.expert_name, a.note) for a in service.annotations.annotations(minimal_version.id)] == [("Sue", "mine")]


def test_merged_profile_uid_sends_later_bundles_to_the_target(
    service: TrainerService, minimal_version: ScenarioVersion, tmp_path: Path
) -> None:
    with open_service(f"sqlite:///{tmp_path / 'laptop.sqlite3'}") as laptop:
        me = laptop.accounts.create_profile("ben", "trainee")
        lv = laptop.scenarios.register_scenario(load_scenario_file(MINIMAL))
        _attempt(laptop, lv, me)
        bundle = tmp_path / "ben.json"
        laptop.exchange.export_attempts(me.id, bundle)
        report = service.exchange.import_attempts(bundle)  # made a new "ben" (the supervisor had "Ben Okafor")
        ben = service.accounts.create_profile("Ben Okafor", "trainee")
        service.accounts.merge_profiles(report.profile.id, ben.id)
        _attempt(laptop, lv, me, "b")
        laptop.exchange.export_attempts(me.id, bundle)
    again = service.exchange.import_attempts(bundle)
    assert (again.profile, again.matched_by, again.attempts_new) == (ben, "alias", 1)
    assert len(service.practice.attempts(profile_id=ben.id)) == 2


def test_merge_is_refused_across_roles_and_for_clashing_annotations(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    ann = service.accounts.create_profile("Ann", "trainee")
    sue = service.accounts.create_profile("Sue", "supervisor")
    sam = service.accounts.create_profile("Sam", "supervisor")
    _attempt(service, minimal_version, ann)
    with pytest.raises(MergeRefused, match="'Ann' is a trainee and 'Sue' a supervisor"):
        service.accounts.merge_preview(ann.id, sue.id)
    with pytest.raises(MergeRefused, match="into itself"):
        service.accounts.merge_profiles(ann.id, ann.id)
    service.annotations.save_annotation(minimal_version.id, "first", sue.id, "a", None, None)
    service.annotations.save_annotation(minimal_version.id, "first", sam.id, "b", None, None)
    with pytest.raises(MergeRefused, match=r"annotated the same decisions \(minimal-test/first\)"):
        service.accounts.merge_profiles(sam.id, sue.id)
    # Nothing changed.
    assert len(service.accounts.profiles()) == 3 and len(service.annotations.annotations(minimal_version.id)) == 2
    assert len(service.practice.attempts(profile_id=ann.id)) == 1


@pytest.mark.postgres
def test_only_the_course_admin_merges_on_postgresql(postgres_server: PostgresServer) -> None:
    database = postgres_server.create_database()
    url = postgres_server.url_for(database)
    tag = uuid.uuid4().hex[:6]
    try:
        with open_service(url) as admin:
            sue = admin.accounts.create_account(f"sue-{tag}", "supervisor", PASSWORD, cohort="C1")
            ann = admin.accounts.create_profile(f"ann-{tag}", "trainee", cohort="C1")
            ann2 = admin.accounts.create_profile(f"ann2-{tag}", "trainee", cohort="C1")
            member = make_url(url).set(username=sue.db_role, password=PASSWORD)
            with (
                open_service(member.render_as_string(hide_password=False)) as svc,
                pytest.raises(PermissionDenied, match="refused this for the connected account"),
            ):
                svc.accounts.merge_profiles(ann2.id, ann.id)
            assert len(admin.accounts.profiles()) == 3
            admin.accounts.merge_profiles(ann2.id, ann.id)
            assert [p.name for p in admin.accounts.profiles(role="trainee")] == [ann.name]
    finally:
        postgres_server.drop_database(database)
