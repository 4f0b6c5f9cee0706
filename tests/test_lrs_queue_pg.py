"""PostgreSQL: only supervisors, organisers and the owner read or change the LRS queue, while a
trainee's answer still queues its statement (SECURITY DEFINER trigger)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from balint_trainer.services import open_service
from balint_trainer.services.lrs import LrsQueue
from tests.test_rls import Course, _raw, course  # noqa: F401 - the fixture

pytestmark = pytest.mark.postgres


def test_trainees_queue_statements_but_cannot_read_or_write_the_queue(course: Course) -> None:  # noqa: F811
    # Each trainee answered one decision in the fixture: the owner sees both queued statements.
    assert _raw(course.url, "SELECT kind, status FROM lrs_queue ORDER BY id") == [
        ("answered", "waiting"),
        ("answered", "waiting"),
    ]
    for sql in (
        "SELECT count(*) FROM lrs_queue",
        "UPDATE lrs_queue SET status = 'sent'",
        f"INSERT INTO lrs_queue (attempt_id, decision_id, kind, status, tries, created_at) "
        f"VALUES ({course.attempts['alice'].id}, 'x', 'answered', 'sent', 0, now())",
    ):
        with pytest.raises(DBAPIError, match="permission denied"):
            _raw(course.url_as("alice"), sql)


def test_a_supervisor_sees_and_updates_the_queue_of_their_cohort_only(course: Course) -> None:  # noqa: F811
    alice_attempt = course.attempts["alice"]
    with open_service(course.url_as("sue")) as sue:
        queue = LrsQueue(sue)
        items = queue.items()
        assert [i.attempt_id for i in items] == [alice_attempt.id]
        queue.mark_sent([i.id for i in items], items[0].next_try_at or alice_attempt.started_at)
        assert queue.counts().sent == 1
        bobs = [i.id for i in LrsQueue(course.admin).items() if i.attempt_id != alice_attempt.id]
        queue.mark_failed(bobs, "not mine")  # bob's row is not visible to sue: no effect
    assert _raw(course.url, "SELECT status FROM lrs_queue ORDER BY id") == [("sent",), ("waiting",)]
    with pytest.raises(DBAPIError, match="permission denied"):
        _raw(course.url_as("sue"), "DELETE FROM lrs_queue")
