"""On a shared PostgreSQL database comments reach the trainee directly (no file), and
row-level security lets a trainee mark read only comments on their own attempts."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from balint_trainer.services import NotFound, PermissionDenied, open_service
from tests.test_rls import Course, _raw, course  # noqa: F401  (the fixture)

pytestmark = pytest.mark.postgres


def test_a_comment_appears_for_the_trainee_and_only_they_mark_it_read(course: Course) -> None:  # noqa: F811
    alice, bob, sue = course.people["alice"], course.people["bob"], course.people["sue"]
    attempt = course.attempts["alice"]
    with open_service(course.url_as("sue")) as svc:
        comment = svc.review.add_comment(attempt.id, sue.id, "Lovely restraint.", decision_id="first")
    assert comment.uid

    with open_service(course.url_as("alice")) as svc:
        assert [c.text for c in svc.review.comments(attempt.id)] == ["Lovely restraint."]
        assert svc.review.unread_comments(alice.id).by_attempt == {attempt.id: 1}
        with open_service(course.url_as("bob")) as other:
            # Bob cannot even see Alice's attempt, so cannot mark its comments read.
            with pytest.raises((NotFound, PermissionDenied)):
                other.review.mark_comments_read(bob.id, attempt.id)
            assert other.review.unread_comments(bob.id).total == 0
        assert svc.review.mark_comments_read(alice.id, attempt.id) == {comment.id}
        assert svc.review.unread_comments(alice.id).total == 0

    # Raw SQL as Bob, as Alice's supervisor, or as Alice for someone else: refused.
    for who, profile_id in (("bob", bob.id), ("bob", alice.id), ("sue", alice.id), ("sue", sue.id)):
        with pytest.raises(DBAPIError, match=r"row-level security|permission denied"):
            _raw(
                course.url_as(who),
                "INSERT INTO comment_reads (comment_id, profile_id, read_at) VALUES (:c, :p, now())",
                c=comment.id,
                p=profile_id,
            )
    # Read marks are private to the trainee and cannot be undone or forged by update.
    assert _raw(course.url_as("alice"), "SELECT profile_id FROM comment_reads") == [(alice.id,)]
    assert _raw(course.url_as("sue"), "SELECT count(*) FROM comment_reads") == [(0,)]
    for statement in ("UPDATE comment_reads SET profile_id = profile_id", "DELETE FROM comment_reads"):
        with pytest.raises(DBAPIError, match="permission denied"):
            _raw(course.url_as("alice"), statement)


def test_a_trainee_cannot_mark_a_comment_on_another_trainees_attempt(course: Course) -> None:  # noqa: F811
    bob, tim = course.people["bob"], course.people["tim"]
    with open_service(course.url_as("tim")) as svc:
        on_bob = svc.review.add_comment(course.attempts["bob"].id, tim.id, "For Bob.")
    alice = course.people["alice"]
    with pytest.raises(DBAPIError, match="row-level security"):
        _raw(
            course.url_as("alice"),
            "INSERT INTO comment_reads (comment_id, profile_id, read_at) VALUES (:c, :p, now())",
            c=on_bob.id,
            p=alice.id,
        )
    with open_service(course.url_as("bob")) as svc:
        assert svc.review.mark_comments_read(bob.id, course.attempts["bob"].id) == {on_bob.id}
