"""Merging two profiles of one person (e.g. an import made "ben" next to "Ben Okafor").

Everything of the source moves to the target in one transaction: attempts (with
their answers and the comments they received), comments the source wrote,
annotations the source made as an expert and remembered bundle matches; the
source's own uid becomes a remembered match of the target (its later bundles go
there), then the source profile is removed. Refused across roles and when both
annotated the same decision of the same scenario version (the panel would count
one expert twice, or one vote would have to be dropped).

On PostgreSQL members have no UPDATE on ``attempts.profile_id`` and no DELETE on
``profiles``: the database refuses them (PermissionDenied); only the table owner
(the course admin) merges.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from balint_trainer.services.errors import MergeRefused
from balint_trainer.storage import models as m


def _count(session: Session, query) -> int:  # type: ignore[no-untyped-def]
    return int(session.execute(query).scalar_one())


def check(session: Session, source: m.Profile, target: m.Profile) -> None:
    if source.id == target.id:
        raise MergeRefused("a profile cannot be merged into itself")
    if source.role != target.role:
        raise MergeRefused(
            "'{source}' is a {source_role} and '{target}' a {target_role}; "
            "only profiles of the same role can be merged",
            source=source.name,
            source_role=source.role,
            target=target.name,
            target_role=target.role,
        )
    mine, theirs = aliased(m.Annotation), aliased(m.Annotation)
    clashing = session.execute(
        select(m.ScenarioVersion.scenario_id, mine.decision_id)
        .select_from(mine)
        .join(theirs, (theirs.version_id == mine.version_id) & (theirs.decision_id == mine.decision_id))
        .join(m.ScenarioVersion, m.ScenarioVersion.id == mine.version_id)
        .where(mine.expert_profile_id == source.id, theirs.expert_profile_id == target.id)
        .order_by(m.ScenarioVersion.scenario_id, mine.decision_id)
    ).all()
    if clashing:
        listed = ", ".join(f"{sid}/{did}" for sid, did in clashing[:5])
        more = f" and {len(clashing) - 5} more" if len(clashing) > 5 else ""
        raise MergeRefused(
            "both '{source}' and '{target}' annotated the same decisions ({listed}); "
            "merging would count one expert twice. Remove one of the two annotations first",
            source=source.name,
            target=target.name,
            listed=f"{listed}{more}",
        )


def counts(session: Session, source: m.Profile) -> tuple[int, int, int, int, int]:
    """attempts, comments written, comments received, annotations, remembered matches of ``source``."""
    attempts = _count(
        session, select(func.count()).select_from(m.Attempt).where(m.Attempt.profile_id == source.id)
    )
    written = _count(
        session, select(func.count()).select_from(m.Comment).where(m.Comment.author_id == source.id)
    )
    received = _count(
        session,
        select(func.count())
        .select_from(m.Comment)
        .join(m.Attempt, m.Attempt.id == m.Comment.attempt_id)
        .where(m.Attempt.profile_id == source.id),
    )
    annotations = _count(
        session,
        select(func.count()).select_from(m.Annotation).where(m.Annotation.expert_profile_id == source.id),
    )
    aliases = _count(
        session,
        select(func.count()).select_from(m.ProfileAlias).where(m.ProfileAlias.profile_id == source.id),
    )
    return attempts, written, received, annotations, aliases


def merge(session: Session, source: m.Profile, target: m.Profile) -> None:
    """Move everything of ``source`` to ``target`` and delete ``source`` (after :func:`check`)."""
    # On PostgreSQL a member's account fails on the first UPDATE (no privilege): PermissionDenied.
    session.execute(update(m.Attempt).where(m.Attempt.profile_id == source.id).values(profile_id=target.id))
    session.execute(update(m.Comment).where(m.Comment.author_id == source.id).values(author_id=target.id))
    session.execute(
        update(m.Annotation)
        .where(m.Annotation.expert_profile_id == source.id)
        .values(expert_profile_id=target.id)
    )
    session.execute(
        update(m.ProfileAlias).where(m.ProfileAlias.profile_id == source.id).values(profile_id=target.id)
    )
    # Coded recordings (both as trainee and as supervisor) would otherwise go with the cascade.
    for column in (m.RecordedSessionRow.trainee_id, m.RecordedSessionRow.supervisor_id):
        session.execute(update(m.RecordedSessionRow).where(column == source.id).values({column: target.id}))
    from balint_trainer.services.review_cards import merge_cards

    merge_cards(session, source.id, target.id)  # spaced-review schedules, the later one per decision
    # Bundles still exported under the source's uid (a trainee's laptop) now go to the target.
    session.add(m.ProfileAlias(foreign_uid=source.uid, profile_id=target.id))
    if source.is_local:
        target.is_local = True  # the OS login's default profile must not be re-created
    session.flush()
    session.delete(source)
    session.flush()
