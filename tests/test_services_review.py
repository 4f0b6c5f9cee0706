"""Supervisor comments and in-app expert annotations."""

from __future__ import annotations

import pytest

from balint_trainer.services import NotFound, PermissionDenied, ServiceError
from balint_trainer.services.dto import ScenarioVersion
from balint_trainer.services.service import TrainerService


def test_supervisor_comments_in_order_with_author(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    trainee = service.accounts.create_profile("Ann", "trainee", cohort="A")
    sue = service.accounts.create_profile("Sue", "supervisor", cohort="A")
    olga = service.accounts.create_profile("Olga", "organiser")
    attempt = service.practice.start_attempt(trainee.id, minimal_version.id, "practice")
    c1 = service.review.add_comment(attempt.id, sue.id, "  Nice restraint here.  ", decision_id="first")
    c2 = service.review.add_comment(attempt.id, olga.id, "Overall: good.")
    assert c1.text == "Nice restraint here." and c1.decision_id == "first"
    assert c1.author_name == "Sue" and c2.author_id == olga.id
    assert service.review.comments(attempt.id) == [c1, c2]
    assert service.review.comments(service.practice.start_attempt(trainee.id, minimal_version.id, "exam").id) == []


def test_comment_errors(service: TrainerService, minimal_version: ScenarioVersion) -> None:
    trainee = service.accounts.create_profile("Ann", "trainee")
    sue = service.accounts.create_profile("Sue", "supervisor")
    attempt = service.practice.start_attempt(trainee.id, minimal_version.id, "practice")
    with pytest.raises(PermissionDenied, match="only supervisors and organisers"):
        service.review.add_comment(attempt.id, trainee.id, "I liked it")
    with pytest.raises(ServiceError, match="empty"):
        service.review.add_comment(attempt.id, sue.id, "   ")
    with pytest.raises(NotFound, match="no decision 'nope'"):
        service.review.add_comment(attempt.id, sue.id, "x", decision_id="nope")
    with pytest.raises(NotFound, match="no attempt"):
        service.review.add_comment(999, sue.id, "x")
    assert service.review.comments(attempt.id) == []


def test_annotations_upsert_per_version_decision_and_expert(
    service: TrainerService, minimal_version: ScenarioVersion
) -> None:
    e1 = service.accounts.create_profile("Expert One", "organiser")
    e2 = service.accounts.create_profile("Expert Two", "supervisor")
    first = service.annotations.save_annotation(
        minimal_version.id, "first", e1.id, "a", {"a": 5, "b": 3, "c": 1}, "Silence works."
    )
    assert first.expert_name == "Expert One" and first.ratings == {"a": 5, "b": 3, "c": 1}
    service.annotations.save_annotation(minimal_version.id, "second", e1.id, "x", None, None)
    service.annotations.save_annotation(minimal_version.id, "first", e2.id, "b", None, "  ")
    changed = service.annotations.save_annotation(minimal_version.id, "first", e1.id, "c", {"c": 2}, None)
    assert changed.best == "c" and changed.ratings == {"c": 2} and changed.note is None
    assert changed.updated_at >= first.updated_at
    stored = service.annotations.annotations(minimal_version.id)
    assert [(a.decision_id, a.expert_name, a.best) for a in stored] == [
        ("first", "Expert One", "c"),
        ("first", "Expert Two", "b"),
        ("second", "Expert One", "x"),
    ]
    assert stored[1].note is None


def test_annotation_errors(service: TrainerService, minimal_version: ScenarioVersion) -> None:
    expert = service.accounts.create_profile("Expert", "organiser")
    with pytest.raises(ServiceError, match="'z' is not an option"):
        service.annotations.save_annotation(minimal_version.id, "first", expert.id, "z", None, None)
    with pytest.raises(ServiceError, match="whole number from 1 to 5"):
        service.annotations.save_annotation(minimal_version.id, "first", expert.id, "a", {"a": 6}, None)
    with pytest.raises(ServiceError, match="unknown option 'q'"):
        service.annotations.save_annotation(minimal_version.id, "first", expert.id, "a", {"q": 3}, None)
    with pytest.raises(NotFound, match="no decision 'nope'"):
        service.annotations.save_annotation(minimal_version.id, "nope", expert.id, "a", None, None)
    assert service.annotations.annotations(minimal_version.id) == []
