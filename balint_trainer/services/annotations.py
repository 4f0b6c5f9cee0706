"""Expert annotations of decisions (``service.annotations``) and their exchange files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.services import dto
from balint_trainer.services.database import Database
from balint_trainer.services.errors import NotFound, ServiceError
from balint_trainer.services.mapping import MAX_TEXT, annotation_dto
from balint_trainer.services.scenarios import ScenarioStore
from balint_trainer.storage import models as m
from balint_trainer.storage.models import utcnow

if TYPE_CHECKING:
    from balint_trainer.core.annotation_exchange import AnnotationRequest
    from balint_trainer.core.validation import LoadedScenario
    from balint_trainer.services.annotation_exchange import AnnotationImport


class AnnotationService:
    def __init__(self, db: Database, scenarios: ScenarioStore) -> None:
        self._db = db
        self._scenarios = scenarios

    def save_annotation(
        self,
        version_id: int,
        decision_id: str,
        expert_profile_id: int,
        best: str,
        ratings: dict[str, int] | None,
        note: str | None,
    ) -> dto.Annotation:
        """Insert or replace this expert's annotation of one decision of one version."""
        note = (note or "").strip() or None
        if note is not None and len(note) > MAX_TEXT:
            raise ServiceError("the note is too long (at most {limit:,} characters)", limit=MAX_TEXT)

        def work(session: Session) -> dto.Annotation:
            version = self._db._get(session, m.ScenarioVersion, version_id, "scenario version")
            self._db._get(session, m.Profile, expert_profile_id, "profile")
            try:
                decision = self._db._scenario(version).decision(decision_id)
            except KeyError:
                raise NotFound(
                    "scenario '{scenario_id}' has no decision '{decision_id}'",
                    scenario_id=version.scenario_id,
                    decision_id=decision_id,
                ) from None
            options = [o.id for o in decision.options]
            if best not in options:
                raise ServiceError(
                    "'{best}' is not an option of '{decision_id}' ({options})",
                    best=best,
                    decision_id=decision_id,
                    options=", ".join(options),
                )
            clean: dict[str, int] | None = None
            if ratings:
                clean = {}
                for option_id, value in ratings.items():
                    if option_id not in options:
                        raise ServiceError("rating for unknown option '{option_id}'", option_id=option_id)
                    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                        raise ServiceError(
                            "rating of '{option_id}' must be a whole number from 1 to 5", option_id=option_id
                        )
                    clean[option_id] = value
            row = session.scalars(
                select(m.Annotation).where(
                    m.Annotation.version_id == version_id,
                    m.Annotation.decision_id == decision_id,
                    m.Annotation.expert_profile_id == expert_profile_id,
                )
            ).first()
            if row is None:
                row = m.Annotation(
                    version_id=version_id, decision_id=decision_id, expert_profile_id=expert_profile_id
                )
                session.add(row)
            row.best, row.ratings, row.note, row.updated_at = best, clean, note, utcnow()
            session.flush()
            session.refresh(row, ["expert"])
            return annotation_dto(row)

        try:
            return self._db._write(work)
        except IntegrityError:  # inserted concurrently: now it is an update
            return self._db._write(work)

    def annotations(self, version_id: int) -> list[dto.Annotation]:
        def work(session: Session) -> list[dto.Annotation]:
            rows = session.scalars(
                select(m.Annotation)
                .where(m.Annotation.version_id == version_id)
                .order_by(m.Annotation.decision_id, m.Annotation.id)
            )
            return [annotation_dto(a) for a in rows]

        return self._db._read(work)

    def export_annotation_request(
        self, loaded: list[LoadedScenario], *, organiser: str, expert: str, path: Path
    ) -> AnnotationRequest:
        """Write a blind annotation request for one expert (see services.annotation_exchange)."""
        from balint_trainer.services.annotation_exchange import export_request

        return export_request(self._scenarios, loaded, organiser=organiser, expert=expert, path=path)

    def import_annotations(self, path: Path) -> AnnotationImport:
        """Import one expert's annotation file: atomic, idempotent (services.annotation_exchange)."""
        from balint_trainer.services.annotation_exchange import import_annotations

        return import_annotations(self._db, path)
