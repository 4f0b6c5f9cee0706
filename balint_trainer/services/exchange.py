"""Attempt bundles (``service.exchange``): a trainee's attempts carried between databases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.services import dto, recorded_sessions, review_cards
from balint_trainer.services.database import Database
from balint_trainer.services.errors import BundleError
from balint_trainer.services.mapping import attempt_query, clean_cohort, opt_profile, profile_dto
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow


class ExchangeService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def export_attempts(self, profile_id: int, path: Path) -> int:
        """Write the profile's attempts (finished or not) to a bundle file; returns how many."""
        from balint_trainer import __version__
        from balint_trainer.services.bundles import Bundle, write_bundle

        def work(session: Session) -> tuple[dict[str, Any], int]:
            profile = self._db._get(session, m.Profile, profile_id, "profile")
            rows = list(
                session.scalars(
                    attempt_query().where(m.Attempt.profile_id == profile_id).order_by(m.Attempt.id)
                ).unique()
            )
            versions = {r.version_id: r.version for r in rows}
            data = {
                "format": "balint-attempts/1",
                "exported_at": utcnow(),
                "app_version": __version__,
                "profile": {
                    "name": profile.name,
                    "role": profile.role,
                    "cohort": profile.cohort,
                    "uid": profile.uid,
                },
                "scenario_versions": [
                    {"scenario_id": v.scenario_id, "sha256": v.sha256, "text": v.text}
                    for v in versions.values()
                ],
                "attempts": [
                    {
                        "uid": r.uid,
                        "scenario_id": r.version.scenario_id,
                        "sha256": r.version.sha256,
                        "mode": r.mode,
                        "option_seed": r.option_seed,
                        **({"initial_state": r.initial_state} if r.initial_state is not None else {}),
                        "started_at": r.started_at,
                        "finished_at": r.finished_at,
                        "answers": [
                            {
                                "decision_id": a.decision_id,
                                "option_id": a.option_id,
                                "own_words": a.own_words,
                                "seconds": a.seconds,
                                "credit": a.credit,
                                "answered_at": a.answered_at,
                                "shown_order": a.shown_order,
                                "confidence": a.confidence,
                                "timed_out": bool(a.timed_out),
                            }
                            for a in sorted(r.answers, key=lambda a: a.id)
                        ],
                    }
                    for r in rows
                ],
                "review_cards": review_cards.export_cards(session, profile_id),
                "recorded_sessions": recorded_sessions.export_bundle(session, profile_id),
            }
            return data, len(rows)

        data, count = self._db._read(work)
        try:
            write_bundle(Bundle.model_validate(data), Path(path))
        except OSError as exc:
            raise BundleError(
                "{path}: cannot write the bundle: {reason}", path=str(path), reason=exc.strerror or str(exc)
            ) from None
        return count

    def bundle_match(self, path: Path) -> dto.BundleMatch:
        """Whose bundle ``path`` is, before importing it: the profile it already goes to
        (``known``), else the profiles it probably belongs to (``suggestions``)."""
        from balint_trainer.services import profile_identity
        from balint_trainer.services.bundles import read_bundle

        bundle = read_bundle(Path(path))
        wanted = bundle.profile
        cohort = clean_cohort(wanted.cohort)

        def work(session: Session) -> dto.BundleMatch:
            known = profile_identity.known_profile(session, wanted.uid)
            how: str | None = known[1] if known else None
            owner = known[0] if known else None
            if owner is None:
                owner = profile_identity.bundle_owner(session, str(path), [a.uid for a in bundle.attempts])
                how = "attempts" if owner is not None else None
            suggested = profile_identity.suggestions(session, bundle, cohort)
            return dto.BundleMatch(
                path=str(path),
                name=wanted.name,
                role=wanted.role,
                cohort=cohort,
                uid=wanted.uid,
                attempts=len(bundle.attempts),
                known=opt_profile(owner),
                matched_by=how,
                suggestions=tuple(profile_dto(p) for p in suggested),
                others=tuple(
                    profile_dto(p)
                    for p in session.scalars(
                        select(m.Profile).where(m.Profile.role == wanted.role).order_by(m.Profile.name)
                    )
                    if p.id not in {s.id for s in suggested}
                ),
            )

        return self._db._read(work)

    def import_attempts(
        self, path: Path, *, as_profile_id: int | None = None, as_new: bool = False
    ) -> dto.ImportReport:
        """Import a bundle atomically and idempotently (importing it again adds nothing).

        Attempts are matched on their uid: answers given since an earlier
        import are added and a now-finished attempt is marked finished; a
        bundle contradicting stored answers is refused as a whole.

        Whose bundle it is: see :mod:`balint_trainer.services.profile_identity` (the
        bundle's profile uid, a remembered match, ``as_profile_id`` — the profile the
        person importing chose — known attempts, then the name; ``as_new`` makes a
        new profile). Known attempts held by several profiles are refused. The role
        must agree either way.
        """
        from balint_trainer.services.bundle_import import store_bundle
        from balint_trainer.services.bundles import read_bundle, validate_bundle

        source = str(path)
        checked = validate_bundle(read_bundle(Path(path)), source)
        try:
            return self._db._write(
                lambda session: store_bundle(
                    session, checked, source, as_profile_id=as_profile_id, as_new=as_new
                )
            )
        except IntegrityError as exc:
            raise BundleError(
                "{source}: conflicts with stored data ({reason}); nothing was imported",
                source=source,
                reason=str(exc.orig),
            ) from None
