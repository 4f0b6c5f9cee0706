"""Storing a checked attempt bundle (``service.exchange.import_attempts``), in one transaction."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from balint_trainer.services import dto, profile_identity, recorded_sessions, review_cards
from balint_trainer.services.bundles import CheckedBundle
from balint_trainer.services.errors import BundleError
from balint_trainer.services.mapping import clean_cohort, profile_dto, score
from balint_trainer.storage import models as m


def store_bundle(
    session: Session, checked: CheckedBundle, source: str, *, as_profile_id: int | None, as_new: bool
) -> dto.ImportReport:
    """Add the bundle's scenario versions, attempts, answers and review cards (see
    :meth:`balint_trainer.services.exchange.ExchangeService.import_attempts`); BundleError
    refuses the whole bundle when it contradicts what is stored."""
    bundle = checked.bundle
    wanted = bundle.profile
    # The cohort as create_profile stores it: " C1" or "" would be a cohort of its own
    # (row-level security compares cohorts exactly; no supervisor would see the trainee).
    profile, matched_by = profile_identity.resolve_owner(
        session,
        bundle,
        source,
        as_profile_id=as_profile_id,
        as_new=as_new,
        cohort=clean_cohort(wanted.cohort),
    )
    if profile.role != wanted.role:
        if profile.name == wanted.name:
            template = "{source}: profile '{name}' is a {role} here but a {bundle_role} in the bundle; nothing was imported"
        else:
            template = (
                "{source}: profile '{name}' (called '{bundle_name}' in the bundle) is a {role} here "
                "but a {bundle_role} in the bundle; nothing was imported"
            )
        raise BundleError(
            template,
            source=source,
            name=profile.name,
            bundle_name=wanted.name,
            role=profile.role,
            bundle_role=wanted.role,
        )
    namesake = None
    if profile.name != wanted.name:
        namesake = session.scalars(select(m.Profile.name).where(m.Profile.name == wanted.name)).first()
    versions: dict[tuple[str, str], m.ScenarioVersion] = {}
    versions_new = 0
    for v in bundle.scenario_versions:
        version_row = session.scalars(
            select(m.ScenarioVersion).where(
                m.ScenarioVersion.scenario_id == v.scenario_id, m.ScenarioVersion.sha256 == v.sha256
            )
        ).first()
        if version_row is None:
            title = checked.scenarios[(v.scenario_id, v.sha256)].title
            version_row = m.ScenarioVersion(
                scenario_id=v.scenario_id, sha256=v.sha256, title=title, text=v.text
            )
            session.add(version_row)
            session.flush()
            versions_new += 1
        versions[(v.scenario_id, v.sha256)] = version_row

    new = updated = present = answers_new = 0
    for a in bundle.attempts:
        version = versions[(a.scenario_id, a.sha256)]
        row = session.scalars(
            select(m.Attempt).where(m.Attempt.uid == a.uid).options(selectinload(m.Attempt.answers))
        ).first()
        if row is None:
            row = m.Attempt(
                uid=a.uid,
                profile_id=profile.id,
                version_id=version.id,
                mode=a.mode,
                started_at=a.started_at,
                option_seed=a.option_seed,
                initial_state=(
                    a.initial_state.model_dump(by_alias=True) if a.initial_state is not None else None
                ),
            )
            session.add(row)
            session.flush()
            is_new, changed = True, True
        else:
            if row.profile_id != profile.id or row.version_id != version.id or row.mode != a.mode:
                raise BundleError(
                    "{source}: attempt {uid} is stored here for another profile, "
                    "scenario version or mode; nothing was imported",
                    source=source,
                    uid=a.uid,
                )
            if a.option_seed is not None and row.option_seed not in (None, a.option_seed):
                raise BundleError(
                    "{source}: attempt {uid} is stored here with another option order; nothing was imported",
                    source=source,
                    uid=a.uid,
                )
            is_new, changed = False, False
        stored = {x.decision_id: x for x in row.answers}
        for ans in a.answers:
            old = stored.get(ans.decision_id)
            if old is not None:
                if old.option_id != ans.option_id:
                    raise BundleError(
                        "{source}: attempt {uid} decision '{decision_id}' is stored with option "
                        "'{stored}' but the bundle says '{given}'; nothing was imported",
                        source=source,
                        uid=a.uid,
                        decision_id=ans.decision_id,
                        stored=old.option_id,
                        given=ans.option_id,
                    )
                continue
            if row.finished_at is not None:
                raise BundleError(
                    "{source}: attempt {uid} is finished here but the bundle adds answers to it",
                    source=source,
                    uid=a.uid,
                )
            row.answers.append(
                m.AnswerRow(
                    decision_id=ans.decision_id,
                    option_id=ans.option_id,
                    competency=checked.competencies[(a.scenario_id, a.sha256, ans.decision_id)],
                    own_words=ans.own_words,
                    seconds=ans.seconds,
                    credit=ans.credit,
                    answered_at=ans.answered_at,
                    shown_order=list(ans.shown_order) if ans.shown_order else None,
                    confidence=ans.confidence,
                    timed_out=ans.timed_out,
                )
            )
            answers_new += 1
            changed = True
        session.flush()
        if a.finished_at is not None and row.finished_at is None:
            total = score(version.scenario_id, list(row.answers)).total
            row.finished_at, row.total = a.finished_at, total
            changed = True
        if is_new:
            new += 1
        elif changed:
            updated += 1
        else:
            present += 1
    review_cards.import_cards(session, profile.id, bundle.review_cards or [])
    recorded_sessions.import_bundle(session, profile.id, bundle.recorded_sessions or [], source)
    session.flush()
    return dto.ImportReport(
        profile_dto(profile),
        new,
        updated,
        present,
        answers_new,
        versions_new,
        bundle_name=wanted.name,
        matched_by=matched_by,
        namesake=namesake,
    )
