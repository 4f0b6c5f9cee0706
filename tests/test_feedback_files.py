"""Feedback files carry a supervisor's comments back to an offline trainee; read marks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import PermissionDenied, TrainerService, open_service
from balint_trainer.services.feedback_files import MAX_FILE_BYTES, FeedbackFileError
from tests.db_fixtures import MINIMAL


def _answer(svc: TrainerService, attempt_id: int, decision: str, option: str) -> None:
    key = load_scenario_file(MINIMAL).scenario
    assert key is not None
    svc.practice.record_answer(attempt_id, decision, option, credit=credit(key.decision(decision), option))


@pytest.fixture
def offline(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A trainee's SQLite database with two attempts, exported to the supervisor's database."""
    trainee_db = open_service(f"sqlite:///{tmp_path / 'trainee.db'}")
    supervisor_db = open_service(f"sqlite:///{tmp_path / 'supervisor.db'}")
    me = trainee_db.accounts.local_profile()
    version = trainee_db.scenarios.register_scenario(load_scenario_file(MINIMAL))
    first = trainee_db.practice.start_attempt(me.id, version.id, "practice")
    _answer(trainee_db, first.id, "first", "b")
    second = trainee_db.practice.start_attempt(me.id, version.id, "practice")
    _answer(trainee_db, second.id, "first", "a")
    bundle = tmp_path / "attempts.json"
    trainee_db.exchange.export_attempts(me.id, bundle)
    report = supervisor_db.exchange.import_attempts(bundle)
    sue = supervisor_db.accounts.create_profile("Sue Supervisor", "supervisor")
    yield trainee_db, supervisor_db, me, report.profile, sue, (first, second)
    trainee_db.close()
    supervisor_db.close()


def test_comments_travel_back_once_and_are_unread_until_opened(offline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    trainee_db, supervisor_db, me, trainee_there, sue, (first, second) = offline
    there = supervisor_db.practice.attempt_by_uid(first.uid)
    assert there is not None
    supervisor_db.review.add_comment(there.id, sue.id, "Why step in so early?", decision_id="first")
    supervisor_db.review.add_comment(there.id, sue.id, "Good session overall.")
    path = tmp_path / "feedback.json"
    assert supervisor_db.review.export_feedback(trainee_there.id, path) == 2
    document = json.loads(path.read_text("utf-8"))
    assert document["format"] == "balint-feedback/1"
    assert set(document["attempt_uids"]) == {first.uid, second.uid}
    assert document["comments"][0]["author"]["name"] == "Sue Supervisor"

    assert trainee_db.review.unread_comments(me.id).total == 0
    report = trainee_db.review.import_feedback(path)
    assert (report.comments_new, report.comments_present, report.unknown_attempts) == (2, 0, ())
    comments = trainee_db.review.comments(first.id)
    assert [(c.decision_id, c.text, c.author_name) for c in comments] == [
        ("first", "Why step in so early?", "Sue Supervisor"),
        (None, "Good session overall.", "Sue Supervisor"),
    ]
    unread = trainee_db.review.unread_comments(me.id)
    assert unread.by_attempt == {first.id: 2} and unread.by_scenario == {"minimal-test": 2}

    again = trainee_db.review.import_feedback(path)  # idempotent
    assert (again.comments_new, again.comments_present) == (0, 2)
    assert len(trainee_db.review.comments(first.id)) == 2

    assert trainee_db.review.mark_comments_read(me.id, first.id) == {c.id for c in comments}
    assert trainee_db.review.mark_comments_read(me.id, first.id) == set()
    assert trainee_db.review.unread_comments(me.id).total == 0

    # A later comment comes with the next file; the earlier ones stay read.
    supervisor_db.review.add_comment(there.id, sue.id, "One more thought.", decision_id="first")
    supervisor_db.review.export_feedback(trainee_there.id, path)
    assert trainee_db.review.import_feedback(path).comments_new == 1
    assert trainee_db.review.unread_comments(me.id).by_attempt == {first.id: 1}


def test_comments_on_attempts_not_held_here_are_reported_not_an_error(offline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    trainee_db, supervisor_db, _me, trainee_there, sue, (first, _second) = offline
    version = supervisor_db.scenarios.latest_version("minimal-test")
    assert version is not None
    elsewhere = supervisor_db.practice.start_attempt(
        trainee_there.id, version.id, "exam"
    )  # not in the trainee's database
    supervisor_db.review.add_comment(elsewhere.id, sue.id, "On an attempt you do not have.")
    held = supervisor_db.practice.attempt_by_uid(first.uid)
    assert held is not None
    supervisor_db.review.add_comment(held.id, sue.id, "On one you have.")
    path = tmp_path / "feedback.json"
    supervisor_db.review.export_feedback(trainee_there.id, path)
    report = trainee_db.review.import_feedback(path)
    assert report.comments_new == 1 and report.comments_skipped == 1
    assert report.unknown_attempts == (elsewhere.uid,)
    assert "does not hold" in report.summary()


def _valid(offline, tmp_path: Path) -> dict:  # type: ignore[no-untyped-def,type-arg]
    _trainee_db, supervisor_db, _me, trainee_there, sue, (first, _second) = offline
    there = supervisor_db.practice.attempt_by_uid(first.uid)
    supervisor_db.review.add_comment(there.id, sue.id, "Fine.", decision_id="first")
    path = tmp_path / "good.json"
    supervisor_db.review.export_feedback(trainee_there.id, path)
    return json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda d: d["comments"][0].update(decision_id="nope"), "has no decision 'nope'"),
        (lambda d: d["comments"][0].update(extra=1), "comments.0.extra: Extra inputs are not permitted"),
        (lambda d: d["comments"][0].update(attempt_uid="00000000-0000-4000-8000-000000000000"), "not among"),
        (lambda d: d["comments"][0]["author"].update(role="trainee"), "author.role"),
        (lambda d: d.update(format="balint-attempts/1"), "not a feedback file"),
        (lambda d: d["comments"].append(dict(d["comments"][0])), "appears twice"),
    ],
)
def test_tampered_files_are_refused_and_change_nothing(offline, tmp_path: Path, tamper, message) -> None:  # type: ignore[no-untyped-def]
    trainee_db, _s, _me, _t, _sue, (first, _second) = offline
    document = _valid(offline, tmp_path)
    tamper(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document, default=str), "utf-8")
    with pytest.raises(FeedbackFileError, match=message) as caught:
        trainee_db.review.import_feedback(path)
    assert str(caught.value).startswith(str(path))
    assert trainee_db.review.comments(first.id) == []


def test_raw_limits_are_checked_before_parsing(offline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    trainee_db, *_ = offline
    cases = {
        "big.json": b" " * (MAX_FILE_BYTES + 1),
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "number.json": b'{"format": "balint-feedback/1", "x": 1' + b"0" * 5000 + b"}",
        "nan.json": b'{"format": "balint-feedback/1", "x": NaN}',
        "broken.json": b'{"format": "balint-feedback/1",\n "comments": [}',
        "latin1.json": b'{"format": "\xe9"}',
    }
    expected = {
        "big.json": "big.json:1:1: file is 8,388,609 bytes; the limit is 8,388,608",
        "deep.json": r"deep.json:1:9: nested more than 8 levels deep; refused \(not a feedback file\?\)",
        "number.json": "number.json:1:38: number with more than 32 digits; refused",
        "nan.json": "NaN is not a JSON number",
        "broken.json": r"broken.json:2:15: invalid JSON",
        "latin1.json": "latin1.json:1:13: not valid UTF-8 text",
    }
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        with pytest.raises(FeedbackFileError, match=expected[name]) as caught:
            trainee_db.review.import_feedback(path)
        assert "\n" not in str(caught.value)  # one line: FILE:LINE:COL: message
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(FeedbackFileError, match="not a regular file"):
        trainee_db.review.import_feedback(fifo)


def test_only_the_attempts_trainee_marks_its_comments_read(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    ann = service.accounts.create_profile("Ann", "trainee")
    bob = service.accounts.create_profile("Bob", "trainee")
    sue = service.accounts.create_profile("Sue", "supervisor")
    attempt = service.practice.start_attempt(ann.id, minimal_version.id, "practice")
    comment = service.review.add_comment(
        attempt.id, sue.id, "Look again at the first decision.", decision_id="first"
    )
    assert comment.uid
    with pytest.raises(PermissionDenied):
        service.review.mark_comments_read(bob.id, attempt.id)
    assert service.review.unread_comments(ann.id).by_attempt == {attempt.id: 1}
    assert service.review.mark_comments_read(ann.id, attempt.id) == {comment.id}
    assert service.review.unread_comments(ann.id).total == 0


def test_a_comment_stored_without_a_uid_exports_with_a_stable_one(offline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    trainee_db, supervisor_db, _me, trainee_there, sue, (first, _second) = offline
    there = supervisor_db.practice.attempt_by_uid(first.uid)
    comment = supervisor_db.review.add_comment(there.id, sue.id, "Written behind the app's back.")
    with supervisor_db.db.engine.begin() as conn:  # as raw SQL without a uid would leave it
        conn.execute(text("UPDATE comments SET uid = NULL WHERE id = :id"), {"id": comment.id})
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    supervisor_db.review.export_feedback(trainee_there.id, one)
    supervisor_db.review.export_feedback(trainee_there.id, two)
    uids = [json.loads(p.read_text("utf-8"))["comments"][0]["uid"] for p in (one, two)]
    assert uids[0] == uids[1]
    assert trainee_db.review.import_feedback(one).comments_new == 1
    assert trainee_db.review.import_feedback(two).comments_new == 0
