"""Coded recordings on a shared PostgreSQL database, tried as raw SQL over each role's login:
a supervisor writes only for their cohort's trainees and under their own name; a trainee reads
only their own; only the coding supervisor or an organiser edits or deletes a coding."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.exc import DBAPIError

from tests.test_rls import PASSWORD, Course, _raw
from tests.test_rls import course as course  # the fixture, re-exported

pytestmark = pytest.mark.postgres

INSERT = (
    "INSERT INTO recorded_sessions (uid, trainee_id, supervisor_id, file_name, sha256, duration_s, "
    "moments, global_ratings, created_at) VALUES (:uid, :t, :s, 'group.wav', :sha, 60, '[]', '{}', now())"
)


def _code(url: str, trainee: int, supervisor: int) -> None:
    _raw(url, INSERT, uid=str(uuid.uuid4()), t=trainee, s=supervisor, sha="0" * 64)


def test_codings_follow_the_cohort_and_the_author(course: Course) -> None:
    alice, bob, sue = (course.people[k] for k in ("alice", "bob", "sue"))
    _code(course.url_as("sue"), alice.id, sue.id)  # sue supervises cohort C1, alice is in it
    with pytest.raises(DBAPIError, match="row-level security"):
        _code(course.url_as("sue"), bob.id, sue.id)  # bob is in C2
    with pytest.raises(DBAPIError, match="row-level security"):
        _code(course.url_as("tim"), alice.id, sue.id)  # written in another supervisor's name
    with pytest.raises(DBAPIError):
        _code(course.url_as("alice"), alice.id, sue.id)  # trainees do not code
    assert _raw(course.url_as("alice"), "SELECT trainee_id FROM recorded_sessions") == [(alice.id,)]
    assert _raw(course.url_as("bob"), "SELECT count(*) FROM recorded_sessions") == [(0,)]
    assert _raw(course.url_as("tim"), "SELECT count(*) FROM recorded_sessions") == [(0,)]
    with pytest.raises(DBAPIError, match="permission denied"):
        _raw(course.url_as("sue"), "UPDATE recorded_sessions SET trainee_id = :b", b=bob.id)


def _note(course: Course, coding_uid: str) -> object:
    rows = _raw(course.url, "SELECT note FROM recorded_sessions WHERE uid = :u", u=coding_uid)
    return rows[0][0] if rows else "<deleted>"


def test_only_the_coding_supervisor_or_an_organiser_edits_or_deletes(course: Course) -> None:
    from balint_trainer.services.security import login_url

    alice, sue = course.people["alice"], course.people["sue"]
    tag = uuid.uuid4().hex[:6]
    sal = course.admin.accounts.create_account(f"sal-{tag}", "supervisor", PASSWORD, cohort="C1")  # sue's colleague
    ora = course.admin.accounts.create_account(f"ora-{tag}", "organiser", PASSWORD)
    as_sal, as_ora = login_url(course.url, sal.name, PASSWORD), login_url(course.url, ora.name, PASSWORD)
    first, second = str(uuid.uuid4()), str(uuid.uuid4())
    for uid in (first, second):
        _raw(course.url_as("sue"), INSERT, uid=uid, t=alice.id, s=sue.id, sha="0" * 64)
    edit = "UPDATE recorded_sessions SET note = :n, updated_at = now() WHERE uid = :u"
    # Another supervisor, even of the same cohort, and the other cohort's: their edits touch nothing.
    for url in (as_sal, course.url_as("tim")):
        _raw(url, edit, n="not theirs", u=first)
        _raw(url, "DELETE FROM recorded_sessions WHERE uid = :u", u=first)
        assert _note(course, first) is None
    # The trainee may do neither.
    with pytest.raises(DBAPIError, match="permission denied"):
        _raw(course.url_as("alice"), edit, n="better", u=first)
    with pytest.raises(DBAPIError, match="permission denied"):
        _raw(course.url_as("alice"), "DELETE FROM recorded_sessions WHERE uid = :u", u=first)
    # The coding supervisor edits the content, but not whose or which recording it is.
    _raw(course.url_as("sue"), edit, n="second look", u=first)
    assert _note(course, first) == "second look"
    for column, value in (("supervisor_id", sal.id), ("sha256", "1" * 64), ("uid", str(uuid.uuid4()))):
        with pytest.raises(DBAPIError, match="permission denied"):
            _raw(course.url_as("sue"), f"UPDATE recorded_sessions SET {column} = :v WHERE uid = :u", v=value, u=first)
    # An organiser reads, edits and deletes any coding; the coding supervisor deletes their own.
    assert _raw(as_ora, "SELECT count(*) FROM recorded_sessions") == [(2,)]
    _raw(as_ora, edit, n="organiser's note", u=first)
    assert _note(course, first) == "organiser's note"
    _raw(as_ora, "DELETE FROM recorded_sessions WHERE uid = :u", u=first)
    _raw(course.url_as("sue"), "DELETE FROM recorded_sessions WHERE uid = :u", u=second)
    assert _raw(course.url, "SELECT count(*) FROM recorded_sessions") == [(0,)]


def test_the_service_edits_and_deletes_through_the_supervisors_login(course: Course) -> None:
    from balint_trainer.core import recorded_session as rs
    from balint_trainer.services import NotFound, open_service

    alice, sue, tim = (course.people[k] for k in ("alice", "sue", "tim"))
    coding = rs.RecordedSession("g.wav", "0" * 64, 60.0, (rs.Moment(5, "safe-space", 4),), {"safe-space": 4})
    with open_service(course.url_as("sue")) as svc:
        stored = svc.review.save_recorded_session(alice.id, sue.id, coding)
        edited = svc.review.update_recorded_session(stored.id, sue.id, rs.RecordedSession("g.wav", "0" * 64, 60.0, note="ok"))
        assert edited.note == "ok" and edited.updated_at is not None
    with open_service(course.url_as("tim")) as svc, pytest.raises(NotFound):
        svc.review.delete_recorded_session(stored.id, tim.id)  # the other cohort's: cannot even see it
    with open_service(course.url_as("sue")) as svc:
        svc.review.delete_recorded_session(stored.id, sue.id)
        assert svc.review.recorded_sessions(alice.id) == []
