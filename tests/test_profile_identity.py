"""One identity across machines: bundles carry the profile uid; the first import's match is remembered."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import BundleError, TrainerService, open_service
from balint_trainer.services.bundles import read_bundle
from balint_trainer.services.dto import Profile
from tests.db_fixtures import MINIMAL


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[TrainerService]:
    """A trainee's own offline SQLite database."""
    svc = open_service(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    yield svc
    svc.close()


def _practise(svc: TrainerService, profile: Profile, option: str = "b") -> None:
    version = svc.scenarios.register_scenario(load_scenario_file(MINIMAL))
    decision = version.load().decision("first")
    attempt = svc.practice.start_attempt(profile.id, version.id, "practice")
    svc.practice.record_answer(attempt.id, "first", option, credit=credit(decision, option))


def _export(svc: TrainerService, profile: Profile, path: Path) -> Path:
    svc.exchange.export_attempts(profile.id, path)
    return path


def test_bundles_carry_the_profile_uid_and_a_created_profile_takes_it_over(
    laptop: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    me = laptop.accounts.create_profile("aisha", "trainee", cohort="C1")
    _practise(laptop, me)
    path = _export(laptop, me, tmp_path / "a.json.gz")
    assert read_bundle(path).profile.uid == me.uid
    report = service.exchange.import_attempts(path)
    assert report.matched_by == "created" and report.profile.uid == me.uid
    again = service.exchange.import_attempts(path)
    assert again.matched_by == "uid" and again.profile == report.profile and not again.changed


def test_old_bundles_without_a_profile_uid_still_import(
    laptop: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    me = laptop.accounts.create_profile("ben", "trainee")
    _practise(laptop, me)
    path = _export(laptop, me, tmp_path / "old.json")
    data = json.loads(path.read_text("utf-8"))
    del data["profile"]["uid"]
    path.write_text(json.dumps(data), "utf-8")
    match = service.exchange.bundle_match(path)
    assert match.uid is None and match.known is None
    report = service.exchange.import_attempts(path)
    assert report.matched_by == "created" and report.attempts_new == 1
    assert service.exchange.import_attempts(path).matched_by == "attempts"


def test_first_import_matches_a_supervisor_made_profile_and_later_imports_remember_it(
    laptop: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    aisha = service.accounts.create_profile("Aisha", "trainee", cohort="C1")
    classmate = service.accounts.create_profile("Zoe", "trainee", cohort="C1")
    service.accounts.create_profile("Elsewhere", "trainee", cohort="C2")
    service.accounts.create_profile("AISHA-sup", "supervisor", cohort="C1")
    me = laptop.accounts.create_profile("aisha", "trainee", cohort="C1")
    _practise(laptop, me)
    first = _export(laptop, me, tmp_path / "week1.json")

    match = service.exchange.bundle_match(first)
    assert match.known is None and (match.name, match.cohort, match.attempts) == ("aisha", "C1", 1)
    # Same name ignoring case first, then the bundle's cohort; only trainees.
    assert [p.name for p in match.suggestions] == ["Aisha", "Zoe"]
    report = service.exchange.import_attempts(first, as_profile_id=aisha.id)
    assert report.matched_by == "chosen" and report.profile == aisha and report.note is None
    assert len(service.practice.attempts(profile_id=aisha.id)) == 1 and len(service.accounts.profiles()) == 4

    # Renamed on the laptop, a new attempt: the next bundle goes to Aisha without asking.
    me = laptop.accounts.rename_profile(me.id, "Aisha K.")
    _practise(laptop, me, "a")
    second = _export(laptop, me, tmp_path / "week2.json")
    known = service.exchange.bundle_match(second)
    assert known.known == aisha and known.matched_by == "alias"
    report = service.exchange.import_attempts(second)
    assert (report.matched_by, report.profile, report.attempts_new) == ("alias", aisha, 1)
    assert len(service.accounts.profiles()) == 4 and service.practice.attempts(profile_id=classmate.id) == []
    # A later import cannot silently send the same person elsewhere.
    with pytest.raises(BundleError, match="already go to the profile 'Aisha'"):
        service.exchange.import_attempts(second, as_profile_id=classmate.id)


def test_a_choice_contradicting_stored_attempts_is_refused(
    laptop: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    me = laptop.accounts.create_profile("ben", "trainee")
    _practise(laptop, me)
    path = _export(laptop, me, tmp_path / "b.json")
    data = json.loads(path.read_text("utf-8"))
    data["profile"]["uid"] = None  # an old bundle: only its attempts identify it
    path.write_text(json.dumps(data), "utf-8")
    service.exchange.import_attempts(path)
    other = service.accounts.create_profile("Bernard", "trainee")
    with pytest.raises(BundleError, match="already stored here under 'ben'"):
        service.exchange.import_attempts(path, as_profile_id=other.id)
    assert service.practice.attempts(profile_id=other.id) == []


def test_a_new_profile_is_not_created_over_an_existing_name(
    laptop: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    me = laptop.accounts.create_profile("ben", "trainee")
    _practise(laptop, me)
    service.accounts.create_profile("ben", "trainee")
    with pytest.raises(BundleError, match="a profile named 'ben' exists here already"):
        service.exchange.import_attempts(_export(laptop, me, tmp_path / "b.json"), as_new=True)
    assert service.practice.attempts() == []


def test_cli_import_as_a_named_profile(
    laptop: TrainerService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from balint_trainer.cli import main

    me = laptop.accounts.create_profile("ben", "trainee")
    _practise(laptop, me)
    bundle = _export(laptop, me, tmp_path / "ben.json.gz")
    target = f"sqlite:///{tmp_path / 'supervisor.sqlite3'}"
    with open_service(target) as supervisor:
        ben = supervisor.accounts.create_profile("Ben Okafor", "trainee", cohort="C1")
    assert main(["--database", target, "import-attempts", str(bundle), "--as", "nobody"]) == 2
    assert "no profile named 'nobody'" in capsys.readouterr().err
    assert main(["--database", target, "import-attempts", str(bundle), "--as", "Ben Okafor"]) == 0
    assert capsys.readouterr().out.startswith("Ben Okafor: 1 new attempt(s)")
    # Remembered: without --as the next import finds Ben Okafor, not a new "ben".
    assert main(["--database", target, "import-attempts", str(bundle)]) == 0
    assert capsys.readouterr().out.startswith("Ben Okafor: 0 new attempt(s), 0 updated, 1 already present")
    with open_service(target) as supervisor:
        assert [p.name for p in supervisor.accounts.profiles()] == ["Ben Okafor"]
        assert len(supervisor.practice.attempts(profile_id=ben.id)) == 1
