"""Attempt bundles: offline export, validated, atomic and idempotent import."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import BundleError, TrainerService, open_service
from balint_trainer.services import bundles as bundle_module
from balint_trainer.services.dto import Attempt, ScenarioVersion
from tests.db_fixtures import MINIMAL


@pytest.fixture
def offline(tmp_path: Path) -> Iterator[TrainerService]:
    """The trainee's own offline SQLite database."""
    svc = open_service(f"sqlite:///{tmp_path / 'offline.sqlite3'}")
    yield svc
    svc.close()


def _answer(
    svc: TrainerService, version: ScenarioVersion, attempt: Attempt, decision: str, option: str
) -> None:
    key = version.load()
    svc.practice.record_answer(
        attempt.id,
        decision,
        option,
        credit=credit(key.decision(decision), option),
        own_words="In my words",
        seconds=4.5,
    )


def _practise(svc: TrainerService) -> tuple[ScenarioVersion, list[Attempt]]:
    me = svc.accounts.local_profile()
    version = svc.scenarios.register_scenario(load_scenario_file(MINIMAL))
    done = svc.practice.start_attempt(me.id, version.id, "exam")
    _answer(svc, version, done, "first", "b")
    _answer(svc, version, done, "second", "x")
    svc.practice.finish_attempt(done.id)
    open_attempt = svc.practice.start_attempt(me.id, version.id, "practice")
    _answer(svc, version, open_attempt, "second", "y")
    return version, [svc.practice.attempt(done.id), svc.practice.attempt(open_attempt.id)]


def _counts(svc: TrainerService) -> tuple[int, int, int, int]:
    attempts = svc.practice.attempts()
    return (
        len(svc.accounts.profiles()),
        len(svc.scenarios.scenario_versions()),
        len(attempts),
        sum(len(a.answers) for a in attempts),
    )


def _strip_ids(attempt: Attempt) -> tuple[Any, ...]:
    return (
        attempt.uid,
        attempt.scenario_id,
        attempt.sha256,
        attempt.mode,
        attempt.started_at,
        attempt.finished_at,
        attempt.total,
        attempt.answers,
    )


@pytest.mark.parametrize("filename", ["attempts.json", "attempts.json.gz"])
def test_export_then_import_reproduces_the_attempts(
    offline: TrainerService, service: TrainerService, tmp_path: Path, filename: str
) -> None:
    _, attempts = _practise(offline)
    path = tmp_path / filename
    assert offline.exchange.export_attempts(offline.accounts.local_profile().id, path) == 2
    raw = path.read_bytes()
    assert (raw[:2] == b"\x1f\x8b") == filename.endswith(".gz")
    report = service.exchange.import_attempts(path)
    assert (report.attempts_new, report.attempts_updated, report.attempts_already_present) == (2, 0, 0)
    assert (report.answers_new, report.scenario_versions_new) == (3, 1)
    assert report.profile.name == offline.accounts.local_profile().name and report.profile.role == "trainee"
    imported = service.practice.attempts(profile_id=report.profile.id)
    assert [_strip_ids(a) for a in imported] == [_strip_ids(a) for a in attempts]
    assert imported[0].total == pytest.approx(100 * (1 / 3 + 1) / 2)
    assert imported[1].answers[0].own_words == "In my words" and imported[1].answers[0].seconds == 4.5
    version = service.scenarios.scenario_version(imported[0].version_id)
    assert version.text == MINIMAL.read_text(encoding="utf-8")
    # The supervisor's database can resume nothing for them, but shows the open attempt as open.
    assert service.practice.resumable_attempt(report.profile.id, "minimal-test") == imported[1]


def test_importing_twice_adds_nothing(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    path = tmp_path / "b.json"
    offline.exchange.export_attempts(offline.accounts.local_profile().id, path)
    service.exchange.import_attempts(path)
    before = _counts(service)
    again = service.exchange.import_attempts(path)
    assert (again.attempts_new, again.attempts_updated, again.attempts_already_present) == (0, 0, 2)
    assert (again.answers_new, again.scenario_versions_new) == (0, 0)
    assert not again.changed
    assert "0 new attempt(s), 0 updated, 2 already present" in again.summary()
    assert _counts(service) == before == (1, 1, 2, 3)


def test_later_export_adds_the_new_answers_and_finishes_the_attempt(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    version, attempts = _practise(offline)
    offline.exchange.export_attempts(offline.accounts.local_profile().id, tmp_path / "monday.json")
    service.exchange.import_attempts(tmp_path / "monday.json")
    _answer(offline, version, attempts[1], "first", "a")
    offline.practice.finish_attempt(attempts[1].id)
    offline.exchange.export_attempts(offline.accounts.local_profile().id, tmp_path / "tuesday.json")
    report = service.exchange.import_attempts(tmp_path / "tuesday.json")
    assert (report.attempts_new, report.attempts_updated, report.attempts_already_present) == (0, 1, 1)
    assert report.answers_new == 1
    merged = service.practice.attempt_by_uid(attempts[1].uid)
    assert merged is not None and merged.finished
    assert merged.answered() == {"second": "y", "first": "a"}
    assert merged.total == offline.practice.attempt(attempts[1].id).total == pytest.approx(100.0)
    # The older bundle arriving late changes nothing.
    late = service.exchange.import_attempts(tmp_path / "monday.json")
    assert not late.changed


def test_existing_supervisor_database_data_is_kept(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    other = service.accounts.create_profile("Someone else", "trainee")
    service.practice.start_attempt(other.id, version.id, "practice")
    _practise(offline)
    offline.exchange.export_attempts(offline.accounts.local_profile().id, tmp_path / "b.json")
    report = service.exchange.import_attempts(tmp_path / "b.json")
    assert report.scenario_versions_new == 0  # same version already registered
    assert _counts(service) == (2, 1, 3, 3)


# ------------------------------------------- whose bundle: known attempts, then name
def _export(svc: TrainerService, path: Path) -> Path:
    svc.exchange.export_attempts(svc.accounts.local_profile().id, path)
    return path


def test_bundle_goes_to_the_profile_the_supervisor_renamed(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    version, attempts = _practise(offline)
    name = offline.accounts.local_profile().name
    first = service.exchange.import_attempts(_export(offline, tmp_path / "week1.json"))
    assert (first.matched_by, first.note) == ("created", None)
    renamed = service.accounts.rename_profile(first.profile.id, f"{name} Smith")
    # Next week: the whole history again plus a new attempt, still under the old name.
    _answer(
        offline,
        version,
        offline.practice.start_attempt(offline.accounts.local_profile().id, version.id, "practice"),
        "first",
        "a",
    )
    report = service.exchange.import_attempts(_export(offline, tmp_path / "week2.json"))
    # The profile created by the first import took over the bundle's profile uid.
    assert report.profile == renamed and report.matched_by == "uid" and report.bundle_name == name
    assert (report.attempts_new, report.attempts_already_present) == (1, 2)
    assert report.note == (
        f"imported into profile '{name} Smith', which already holds these attempts "
        f"(the bundle calls the profile '{name}')"
    )
    assert report.note in report.summary()
    assert [p.name for p in service.accounts.profiles()] == [f"{name} Smith"]  # no second profile, nothing renamed
    assert len(service.practice.attempts(profile_id=renamed.id)) == 3
    assert {a.uid for a in attempts} <= {a.uid for a in service.practice.attempts(profile_id=renamed.id)}


def test_trainee_renamed_locally_keeps_her_history_together(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    name = offline.accounts.local_profile().name
    service.exchange.import_attempts(_export(offline, tmp_path / "before.json"))
    offline.accounts.rename_profile(offline.accounts.local_profile().id, "Ann S.")
    # A different person the supervisor registered under the new name must stay untouched.
    stranger = service.accounts.create_profile("Ann S.", "trainee")
    report = service.exchange.import_attempts(_export(offline, tmp_path / "after.json"))
    assert report.profile.name == name and report.matched_by == "uid"
    assert not report.changed and report.namesake == "Ann S."
    assert report.note is not None and "the other profile named 'Ann S.' was left unchanged" in report.note
    assert service.practice.attempts(profile_id=stranger.id) == []
    assert sorted(p.name for p in service.accounts.profiles()) == sorted([name, "Ann S."])


def test_attempts_split_over_two_profiles_are_refused_and_nothing_changes(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    path = _export(offline, tmp_path / "b.json")
    data = json.loads(path.read_text())
    # The two attempts reached the supervisor under two names (e.g. the trainee used two profiles).
    for index, who in enumerate(["Ann", "Annie"]):
        part = tmp_path / f"{who}.json"
        part.write_text(
            json.dumps(
                {
                    **data,
                    # Old bundles (no profile uid): only the attempts tie the parts together.
                    "profile": {**data["profile"], "name": who, "uid": None},
                    "attempts": [data["attempts"][index]],
                }
            )
        )
        service.exchange.import_attempts(part)
    before = _counts(service)
    with pytest.raises(
        BundleError, match=r"more than one profile .*'Ann' \(1\), 'Annie' \(1\).*nothing was imported"
    ):
        service.exchange.import_attempts(path)
    assert _counts(service) == before == (2, 1, 2, 3)


def test_unknown_attempts_go_to_the_profile_of_that_name(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    existing = service.accounts.create_profile(offline.accounts.local_profile().name, "trainee", cohort="spring")
    report = service.exchange.import_attempts(_export(offline, tmp_path / "b.json"))
    assert report.profile == existing and report.matched_by == "name" and report.note is None
    assert report.attempts_new == 2 and len(service.accounts.profiles()) == 1


@pytest.mark.parametrize(("written", "stored"), [(" C1 ", "C1"), ("", None), ("  ", None)])
def test_a_profile_created_by_import_gets_a_clean_cohort(
    offline: TrainerService, service: TrainerService, tmp_path: Path, written: str, stored: str | None
) -> None:
    # Bug: the bundle's cohort was stored as written; " C1 " or "" is a cohort no supervisor has.
    _practise(offline)
    path = _export(offline, tmp_path / "b.json")
    data = json.loads(path.read_text("utf-8"))
    data["profile"]["cohort"] = written
    path.write_text(json.dumps(data), "utf-8")
    report = service.exchange.import_attempts(path)
    assert report.matched_by == "created" and report.profile.cohort == stored
    assert service.accounts.profile(report.profile.id).cohort == stored


def test_role_is_checked_on_the_profile_found_by_its_attempts(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    path = _export(offline, tmp_path / "b.json")
    service.exchange.import_attempts(path)
    data = json.loads(path.read_text())
    data["profile"].update(name="Dr Who", role="supervisor")
    path.write_text(json.dumps(data))
    before = _counts(service)
    with pytest.raises(
        BundleError, match=r"called 'Dr Who' in the bundle\) is a trainee here but a supervisor"
    ):
        service.exchange.import_attempts(path)
    assert _counts(service) == before


# ------------------------------------------------------------------ refusals
Mutator = Callable[[dict[str, Any]], None]


def _retext(data: dict[str, Any], new_text: str) -> None:
    version = data["scenario_versions"][0]
    version["text"] = new_text
    version["sha256"] = hashlib.sha256(new_text.encode()).hexdigest()
    for attempt in data["attempts"]:
        attempt["sha256"] = version["sha256"]


def _conflicting_uid(data: dict[str, Any]) -> None:
    data["attempts"][1]["uid"] = data["attempts"][0]["uid"]


BAD_BUNDLES: dict[str, tuple[Mutator, str]] = {
    "credit": (lambda d: d["attempts"][0]["answers"][0].update(credit=1.0), "does not match the expert key"),
    "option": (lambda d: d["attempts"][0]["answers"][0].update(option_id="zz"), "has no option 'zz'"),
    "decision": (lambda d: d["attempts"][0]["answers"][0].update(decision_id="nope"), "no decision 'nope'"),
    "twice": (lambda d: d["attempts"][0]["answers"].append(d["attempts"][0]["answers"][0]), "answered twice"),
    "tampered text": (
        lambda d: d["scenario_versions"][0].update(
            text=d["scenario_versions"][0]["text"].replace("Wait.", "Go.")
        ),
        "does not match its SHA-256",
    ),
    "invalid scenario": (
        lambda d: _retext(d, "format: balint-scenario/1\nid: minimal-test\n"),
        "invalid scenario",
    ),
    "wrong id": (
        lambda d: _retext(d, d["scenario_versions"][0]["text"].replace("id: minimal-test", "id: other-id")),
        "the text is scenario 'other-id'",
    ),
    "missing version": (lambda d: d.update(scenario_versions=[]), "is missing"),
    "duplicate uid": (_conflicting_uid, "appears twice"),
    "bad uid": (lambda d: d["attempts"][0].update(uid="../../etc"), "attempts.0.uid"),
    "naive time": (lambda d: d["attempts"][0].update(started_at="2026-01-01T10:00:00"), "timezone"),
    "unknown key": (lambda d: d.update(extra=1), "extra"),
    "format": (lambda d: d.update(format="balint-attempts/9"), "expected 'balint-attempts/1'"),
    "mode": (lambda d: d["attempts"][0].update(mode="cheat"), "attempts.0.mode"),
    "negative seconds": (lambda d: d["attempts"][0]["answers"][0].update(seconds=-3), "seconds"),
}


@pytest.mark.parametrize("case", list(BAD_BUNDLES))
def test_invalid_bundles_are_refused_and_nothing_is_written(
    offline: TrainerService, tmp_path: Path, case: str
) -> None:
    _practise(offline)
    good = tmp_path / "good.json"
    offline.exchange.export_attempts(offline.accounts.local_profile().id, good)
    data = json.loads(good.read_text())
    mutate, message = BAD_BUNDLES[case]
    mutate(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    with open_service(f"sqlite:///{tmp_path / 'supervisor.sqlite3'}") as target:
        with pytest.raises(BundleError, match=message) as caught:
            target.exchange.import_attempts(bad)
        assert str(bad) in str(caught.value)
        assert _counts(target) == (0, 0, 0, 0)


def test_conflict_with_stored_answers_rolls_back_the_whole_import(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    path = tmp_path / "b.json"
    offline.exchange.export_attempts(offline.accounts.local_profile().id, path)
    data = json.loads(path.read_text())
    # First import only the open attempt, then a bundle that also has the finished one
    # but contradicts the open attempt's stored answer.
    first = {**data, "attempts": [data["attempts"][1]]}
    path.write_text(json.dumps(first))
    service.exchange.import_attempts(path)
    before = _counts(service)
    answer = data["attempts"][1]["answers"][0]
    answer["option_id"] = "x"
    answer["credit"] = 1.0  # x and y share the vote for "second"
    path.write_text(json.dumps(data))
    with pytest.raises(BundleError, match="stored with option 'y' but the bundle says 'x'"):
        service.exchange.import_attempts(path)
    assert _counts(service) == before


def test_profile_role_mismatch_is_refused(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    service.accounts.create_profile(offline.accounts.local_profile().name, "supervisor")
    offline.exchange.export_attempts(offline.accounts.local_profile().id, tmp_path / "b.json")
    with pytest.raises(BundleError, match="is a supervisor here but a trainee in the bundle"):
        service.exchange.import_attempts(tmp_path / "b.json")
    assert _counts(service)[2:] == (0, 0)


def test_unreadable_files_give_clear_errors(
    service: TrainerService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(BundleError, match="cannot read file"):
        service.exchange.import_attempts(tmp_path / "missing.json")
    (tmp_path / "text.json").write_text("hello")
    with pytest.raises(BundleError, match="invalid JSON"):
        service.exchange.import_attempts(tmp_path / "text.json")
    (tmp_path / "list.json").write_text("[1, 2]")
    with pytest.raises(BundleError, match="not an attempt bundle"):
        service.exchange.import_attempts(tmp_path / "list.json")
    (tmp_path / "broken.gz").write_bytes(gzip.compress(b"{}")[:-6])
    with pytest.raises(BundleError, match="damaged gzip"):
        service.exchange.import_attempts(tmp_path / "broken.gz")
    big = tmp_path / "big.json"
    big.write_text(" " * 2000)
    monkeypatch.setattr(bundle_module, "MAX_FILE_BYTES", 1000)
    with pytest.raises(BundleError, match="the limit is 1,000"):
        service.exchange.import_attempts(big)
    bomb = tmp_path / "bomb.json"  # no .gz suffix: recognised by its magic bytes
    bomb.write_bytes(gzip.compress(b" " * 100_000))
    monkeypatch.setattr(bundle_module, "MAX_JSON_BYTES", 50_000)
    with pytest.raises(BundleError, match="uncompressed bundle exceeds"):
        service.exchange.import_attempts(bomb)
    assert _counts(service) == (0, 0, 0, 0)


def test_export_writes_atomically_and_reports_unwritable_paths(
    offline: TrainerService, tmp_path: Path
) -> None:
    _practise(offline)
    me = offline.accounts.local_profile()
    target = tmp_path / "out" / "b.json"
    assert offline.exchange.export_attempts(me.id, target) == 2
    assert [p.name for p in target.parent.iterdir()] == ["b.json"]  # no temporary file left
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BundleError, match="cannot write the bundle"):
        offline.exchange.export_attempts(me.id, blocker / "b.json")
    assert offline.exchange.export_attempts(offline.accounts.create_profile("Empty", "trainee").id, tmp_path / "e.json") == 0


# ----------------------------------------------------------------------- CLI
def test_cli_export_and_import_attempts(
    offline: TrainerService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from balint_trainer.cli import main

    _practise(offline)
    name = offline.accounts.local_profile().name
    source = f"sqlite:///{tmp_path / 'offline.sqlite3'}"
    target = f"sqlite:///{tmp_path / 'supervisor.sqlite3'}"
    bundle = tmp_path / "mine.json.gz"
    assert main(["--database", source, "export-attempts", "--profile", name, str(bundle)]) == 0
    assert f"2 attempt(s) of {name} exported" in capsys.readouterr().err
    assert main(["--database", target, "import-attempts", str(bundle)]) == 0
    assert "2 new attempt(s), 0 updated, 0 already present; 3 new answer(s)" in capsys.readouterr().out
    assert main(["--database", target, "import-attempts", str(bundle)]) == 0
    output = capsys.readouterr().out
    assert "0 new attempt(s), 0 updated, 2 already present" in output and "note:" not in output
    # The supervisor fixes the name; the next bundle still says the old one.
    with open_service(target) as supervisor:
        supervisor.accounts.rename_profile(supervisor.accounts.profile_by_name(name).id, "Ann Smith")
    assert main(["--database", target, "import-attempts", str(bundle)]) == 0
    output = capsys.readouterr().out
    assert output.startswith("Ann Smith: 0 new attempt(s)")
    assert (
        f"note: imported into profile 'Ann Smith', which already holds these attempts (the bundle calls the profile '{name}')"
        in output
    )

    assert main(["--database", source, "export-attempts", "--profile", "nobody", str(bundle)]) == 2
    assert "no profile named 'nobody'" in capsys.readouterr().err
    (tmp_path / "junk.json").write_text("{")
    assert main(["--database", target, "import-attempts", str(tmp_path / "junk.json")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "invalid JSON" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[1, 2]",
        b'{"format": "balint-attempts/9"}',
        b'{"format": "balint-attempts/1",\n "profile": 3}',
        gzip.compress(b"{}")[:-6],
    ],
    ids=["syntax", "not-an-object", "format", "schema", "gzip"],
)
def test_every_refusal_of_a_bundle_file_is_positioned(tmp_path: Path, raw: bytes) -> None:
    """One line FILE:LINE:COL: message, whichever check refused the file (format, schema and
    gzip refusals named the file without a position before the readers shared one path)."""
    import re

    path = tmp_path / "b.json"
    path.write_bytes(raw)
    with pytest.raises(BundleError) as caught:
        bundle_module.read_bundle(path)
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: \S", str(caught.value)), str(caught.value)
    assert "\n" not in str(caught.value)
