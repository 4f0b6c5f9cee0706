"""Coded recordings on a shared PostgreSQL database, tried as raw SQL over each role's login:
a supervisor writes only for their cohort's trainees and under their own name; a trainee reads
only their own; nobody rewrites a coding."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.exc import DBAPIError

from tests.test_rls import Course, _raw
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
        _raw(course.url_as("sue"), "UPDATE recorded_sessions SET note = 'changed'")
