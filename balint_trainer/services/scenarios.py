"""Stored scenario versions (``service.scenarios``): the exact files attempts were scored against."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, undefer

from balint_trainer.services import dto
from balint_trainer.services.database import Database
from balint_trainer.services.errors import InvalidScenario
from balint_trainer.services.mapping import opt_version, trusted, version_dto
from balint_trainer.storage import models as m

if TYPE_CHECKING:
    from balint_trainer.core.validation import LoadedScenario


class ScenarioStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def register_scenario(self, loaded: LoadedScenario) -> dto.ScenarioVersion:
        """Store this exact scenario file (idempotent on scenario id + SHA-256)."""
        if loaded.scenario is None or not loaded.ok or loaded.text is None:
            first = loaded.errors[0] if loaded.errors else "not a valid scenario"
            raise InvalidScenario(
                "{file}: cannot register an invalid scenario: {problem}",
                file=loaded.filename,
                problem=str(first),
            )
        scenario, sha256, yaml_text = loaded.scenario, loaded.sha256, loaded.text
        return self._register(scenario.id, sha256, scenario.title, yaml_text)[0]

    def _register(
        self, scenario_id: str, sha256: str, title: str, yaml_text: str
    ) -> tuple[dto.ScenarioVersion, bool]:
        def find(session: Session) -> m.ScenarioVersion | None:
            return session.scalars(
                select(m.ScenarioVersion).where(
                    m.ScenarioVersion.scenario_id == scenario_id, m.ScenarioVersion.sha256 == sha256
                )
            ).first()

        def work(session: Session) -> tuple[dto.ScenarioVersion, bool]:
            row = find(session)
            if row is not None:
                return trusted(version_dto(row)), False
            row = m.ScenarioVersion(scenario_id=scenario_id, sha256=sha256, title=title, text=yaml_text)
            session.add(row)
            session.flush()
            return version_dto(row), True

        existing = self._db._read(lambda s: opt_version(find(s)))
        if existing is not None:
            return trusted(existing), False
        try:
            return self._db._write(work)
        except IntegrityError:  # registered concurrently (PostgreSQL)
            return self._db._write(work)

    def scenario_version(self, version_id: int) -> dto.ScenarioVersion:
        return self._db._read(
            lambda s: version_dto(self._db._get(s, m.ScenarioVersion, version_id, "scenario version"))
        )

    def latest_version(self, scenario_id: str) -> dto.ScenarioVersion | None:
        def work(session: Session) -> dto.ScenarioVersion | None:
            row = session.scalars(
                select(m.ScenarioVersion)
                .where(m.ScenarioVersion.scenario_id == scenario_id)
                .order_by(m.ScenarioVersion.registered_at.desc(), m.ScenarioVersion.id.desc())
            ).first()
            return opt_version(row)

        return self._db._read(work)

    def scenario_versions(self, scenario_id: str | None = None) -> list[dto.ScenarioVersion]:
        def work(session: Session) -> list[dto.ScenarioVersion]:
            query = (
                select(m.ScenarioVersion)
                .options(undefer(m.ScenarioVersion.text))
                .order_by(m.ScenarioVersion.scenario_id, m.ScenarioVersion.id)
            )
            if scenario_id is not None:
                query = query.where(m.ScenarioVersion.scenario_id == scenario_id)
            return [version_dto(v) for v in session.scalars(query)]

        return self._db._read(work)
