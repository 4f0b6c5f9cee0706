"""ORM rows → frozen DTOs (the one place that maps them), and the shared input checks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from balint_trainer.core.scoring import DecisionScore, ScenarioScore, score_credits
from balint_trainer.services import dto
from balint_trainer.services.errors import InvalidScenario, ServiceError
from balint_trainer.storage import models as m

MAX_TEXT = 20_000


# ------------------------------------------------------------------------- DTOs
def profile_dto(row: m.Profile) -> dto.Profile:
    return dto.Profile(row.id, row.name, row.role, row.cohort, row.db_role, uid=row.uid)


def opt_profile(row: m.Profile | None) -> dto.Profile | None:
    return profile_dto(row) if row is not None else None


def version_dto(row: m.ScenarioVersion) -> dto.ScenarioVersion:
    return dto.ScenarioVersion(row.id, row.scenario_id, row.sha256, row.title, row.text, row.registered_at)


def opt_version(row: m.ScenarioVersion | None) -> dto.ScenarioVersion | None:
    return version_dto(row) if row is not None else None


def trusted(version: dto.ScenarioVersion) -> dto.ScenarioVersion:
    """A stored version found by (id, checksum) is reused only if its text has that checksum."""
    if not version.text_matches_hash:
        raise InvalidScenario(
            "the stored version of '{scenario_id}' does not match its checksum (altered in the "
            "database); ask the course administrator to remove it",
            scenario_id=version.scenario_id,
        )
    return version


def answer_dto(row: m.AnswerRow) -> dto.Answer:
    return dto.Answer(
        row.decision_id,
        row.option_id,
        row.own_words,
        row.seconds,
        row.credit,
        row.answered_at,
        row.competency,
        tuple(row.shown_order) if row.shown_order else None,
        row.confidence,
        bool(row.timed_out),
    )


def score(scenario_id: str, answers: list[m.AnswerRow]) -> ScenarioScore:
    return score_credits(
        scenario_id, [DecisionScore(a.decision_id, a.option_id, a.credit, a.competency) for a in answers]
    )


def attempt_query() -> Any:
    """Attempts joined to their version, answers loaded in one more query."""
    return select(m.Attempt).join(m.Attempt.version).options(selectinload(m.Attempt.answers))


def attempt_dto(row: m.Attempt) -> dto.Attempt:
    answers = sorted(row.answers, key=lambda a: a.id)
    return dto.Attempt(
        id=row.id,
        uid=row.uid,
        profile_id=row.profile_id,
        scenario_id=row.version.scenario_id,
        version_id=row.version_id,
        sha256=row.version.sha256,
        mode=row.mode,
        started_at=row.started_at,
        finished_at=row.finished_at,
        # Always derived from the stored answers, so it cannot drift from them.
        total=score(row.version.scenario_id, answers).total,
        answers=tuple(answer_dto(a) for a in answers),
        option_seed=row.option_seed,
        initial_state=row.initial_state,
    )


def annotation_dto(row: m.Annotation) -> dto.Annotation:
    return dto.Annotation(
        row.version_id,
        row.decision_id,
        row.expert_profile_id,
        row.expert.name,
        row.best,
        dict(row.ratings) if row.ratings is not None else None,
        row.note,
        row.updated_at,
    )


def comment_dto(row: m.Comment, author_name: str | None = None) -> dto.Comment:
    return dto.Comment(
        row.id,
        row.attempt_id,
        row.decision_id,
        row.author_id,
        row.author.name if author_name is None else author_name,
        row.text,
        row.created_at,
        uid=row.uid,
    )


# ----------------------------------------------------------------- input checks
def clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ServiceError("the name must not be empty")
    if len(name) > 200:
        raise ServiceError("the name is too long (at most 200 characters)")
    return name


def clean_cohort(cohort: str | None) -> str | None:
    cohort = (cohort or "").strip() or None
    if cohort is not None and len(cohort) > 200:
        raise ServiceError("the cohort name is too long (at most 200 characters)")
    return cohort


def clean_seed(seed: str) -> str:
    seed = str(seed).strip()
    if not seed or len(seed) > 64:
        raise ServiceError("the option-order seed must have 1 to 64 characters")
    return seed
