"""Coded recorded sessions after they are saved: edited in place, deleted, carried in bundles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from balint_trainer.core import recorded_session as rs
from balint_trainer.services import BundleError, PermissionDenied, ServiceError, TrainerService, open_service
from tests.test_bundles import _practise


@pytest.fixture
def offline(tmp_path: Path) -> Iterator[TrainerService]:
    svc = open_service(f"sqlite:///{tmp_path / 'offline.sqlite3'}")
    yield svc
    svc.close()


def _coding(note: str = "first pass", rating: int = 3) -> rs.RecordedSession:
    return rs.RecordedSession(
        "tuesday group.mp4",
        "e" * 64,
        1800.0,
        (rs.Moment(65, "safe-space", 4, "named confidentiality"), rs.Moment(600, "leader-restraint")),
        {"safe-space": 4, "leader-restraint": rating},
        note,
    )


def test_only_the_coding_supervisor_or_an_organiser_edits_and_deletes(service: TrainerService) -> None:
    trainee = service.accounts.create_profile("Tara", "trainee", cohort="c1")
    sam = service.accounts.create_profile("Sam", "supervisor", cohort="c1")
    other = service.accounts.create_profile("Olu", "supervisor", cohort="c1")
    organiser = service.accounts.create_profile("Ora", "organiser")
    stored = service.review.save_recorded_session(trainee.id, sam.id, _coding())
    assert stored.updated_at is None
    changed = rs.RecordedSession(
        stored.file_name,
        stored.sha256,
        stored.duration_s,
        (rs.Moment(70, "invite-feelings", 5, "asked for images"),),
        {"invite-feelings": 5},
        "second look",
    )
    for who in (other, trainee):
        with pytest.raises(PermissionDenied):
            service.review.update_recorded_session(stored.id, who.id, changed)
        with pytest.raises(PermissionDenied):
            service.review.delete_recorded_session(stored.id, who.id)
    edited = service.review.update_recorded_session(stored.id, sam.id, changed)
    assert edited.updated_at is not None and edited.uid == stored.uid
    [current] = service.review.recorded_sessions(trainee.id)  # edited in place: still one coding
    assert current.moments == changed.moments and current.global_ratings == {"invite-feelings": 5}
    assert current.note == "second look" and current.supervisor_name == "Sam"
    # The recording's identity is not editable.
    with pytest.raises(ServiceError, match="not the recording"):
        service.review.update_recorded_session(stored.id, sam.id, rs.RecordedSession("x.wav", "f" * 64, 10.0))
    service.review.update_recorded_session(stored.id, organiser.id, _coding("organiser's fix"))
    assert service.review.recorded_sessions(trainee.id)[0].note == "organiser's fix"
    # The trainee report shows the current coding and says it was edited.
    from balint_trainer.reports.data import trainee_report
    from balint_trainer.reports.html_report import trainee_report_html

    html = trainee_report_html(trainee_report(service, trainee.id))
    assert "organiser&#x27;s fix" in html or "organiser's fix" in html
    assert "Last edited on" in html and "first pass" not in html
    service.review.delete_recorded_session(stored.id, sam.id)
    assert service.review.recorded_sessions(trainee.id) == []
    again = service.review.save_recorded_session(trainee.id, sam.id, _coding())
    service.review.delete_recorded_session(again.id, organiser.id)
    assert service.review.recorded_sessions(trainee.id) == []


def _source_with_coding(offline: TrainerService) -> tuple[int, int, rs.RecordedSession]:
    """The trainee practised; a supervisor ("Sam") coded a recorded group of theirs in the same database."""
    _practise(offline)
    me = offline.accounts.local_profile()
    sam = offline.accounts.create_profile("Sam", "supervisor")
    return me.id, sam.id, offline.review.save_recorded_session(me.id, sam.id, _coding())


def test_bundles_carry_codings_idempotently_and_never_the_recording(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    trainee_id, sam_id, stored = _source_with_coding(offline)
    path = tmp_path / "bundle.json"
    offline.exchange.export_attempts(trainee_id, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    [item] = data["recorded_sessions"]
    assert set(item) == {
        "uid", "file_name", "sha256", "duration_s", "moments", "global_ratings", "note",
        "supervisor_name", "created_at", "updated_at",
    }  # fmt: skip
    assert item["uid"] == stored.uid and item["supervisor_name"] == "Sam"

    report = service.exchange.import_attempts(path)
    service.exchange.import_attempts(path)  # twice: nothing doubles
    [imported] = service.review.recorded_sessions(report.profile.id)
    assert imported.uid == stored.uid and imported.moments == stored.moments
    assert imported.global_ratings == stored.global_ratings and imported.sha256 == stored.sha256
    assert imported.supervisor_name == "Sam"  # no profile of that name here: kept by name
    assert imported.created_at == stored.created_at

    # An edit at the source reaches the target in place, an older bundle does not undo it.
    old_bundle = tmp_path / "old.json"
    old_bundle.write_bytes(path.read_bytes())
    offline.review.update_recorded_session(stored.id, sam_id, _coding("revised", rating=5))
    offline.exchange.export_attempts(trainee_id, path)
    service.exchange.import_attempts(path)
    service.exchange.import_attempts(old_bundle)
    [current] = service.review.recorded_sessions(report.profile.id)
    assert current.note == "revised" and current.global_ratings["leader-restraint"] == 5
    assert current.updated_at is not None


def test_coding_supervisor_known_by_name_is_linked(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    trainee_id, _sam, _stored = _source_with_coding(offline)
    sam_here = service.accounts.create_profile("Sam", "supervisor")
    path = tmp_path / "bundle.json"
    offline.exchange.export_attempts(trainee_id, path)
    report = service.exchange.import_attempts(path)
    [imported] = service.review.recorded_sessions(report.profile.id)
    assert imported.supervisor_id == sam_here.id and imported.supervisor_name == "Sam"
    # ... so that supervisor may edit it here.
    service.review.update_recorded_session(imported.id, sam_here.id, _coding("edited here"))


def test_old_bundles_without_codings_still_import(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    trainee_id, _sam, _stored = _source_with_coding(offline)
    path = tmp_path / "bundle.json"
    offline.exchange.export_attempts(trainee_id, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["recorded_sessions"]
    path.write_text(json.dumps(data), encoding="utf-8")
    report = service.exchange.import_attempts(path)
    assert report.attempts_new == 2 and service.review.recorded_sessions(report.profile.id) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda item: item["moments"].append({"t": 5, "c": "no-such", "r": None, "n": ""}), "unknown competency"),
        (lambda item: item["moments"].append({"t": 9000, "c": "safe-space"}), "outside the recording"),
        (lambda item: item["global_ratings"].update({"safe-space": 9}), "invalid bundle"),
        (lambda item: item.update(sha256="not a checksum"), "invalid bundle"),
        (lambda item: item.update(media="AAAA"), "invalid bundle"),
    ],
)
def test_bad_codings_refuse_the_whole_bundle(
    offline: TrainerService, service: TrainerService, tmp_path: Path, change, message  # type: ignore[no-untyped-def]
) -> None:
    trainee_id, _sam, _stored = _source_with_coding(offline)
    path = tmp_path / "bundle.json"
    offline.exchange.export_attempts(trainee_id, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["recorded_sessions"][0])
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BundleError, match=message) as info:
        service.exchange.import_attempts(path)
    assert "\n" not in str(info.value)
    assert service.practice.attempts() == []  # nothing was imported


def test_a_coding_is_never_moved_to_another_trainee(
    offline: TrainerService, service: TrainerService, tmp_path: Path
) -> None:
    trainee_id, _sam, stored = _source_with_coding(offline)
    path = tmp_path / "bundle.json"
    offline.exchange.export_attempts(trainee_id, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    sam = service.accounts.create_profile("Sam", "supervisor")
    someone = service.accounts.create_profile("Someone", "trainee")
    service.review.save_recorded_session(someone.id, sam.id, rs.RecordedSession("x.wav", stored.sha256, 9000.0, uid=stored.uid))
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BundleError, match="another trainee"):
        service.exchange.import_attempts(path)
    assert len(service.review.recorded_sessions(someone.id)) == 1 and len(service.practice.attempts()) == 0
