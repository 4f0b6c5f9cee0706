"""The organiser's side of remote annotation: export requests, import annotation files.

Formats and their validation are in :mod:`balint_trainer.core.annotation_exchange`.

Import rules (each file on its own, in one transaction: all of it or nothing):

* the file is read within its size limit, then checked against the strict schema;
  every scenario version it refers to must be registered here (by scenario id and
  SHA-256: the request was exported from this database), every decision and option
  must exist in that version, ratings are 1–5;
* the expert becomes a profile here: an existing supervisor or organiser profile of
  the same name, else a new supervisor profile (a trainee of that name is refused);
* votes are stored as ordinary annotations by that profile, each with the time the
  expert saved it. A vote replaces the stored one only if it was saved later, so
  importing a file again changes nothing, a newer file from the same expert replaces
  their earlier votes, and an older file imported after a newer one keeps the newer.

On PostgreSQL only the owner of the tables (the course administrator) may write
another person's annotations (row-level security, see ``security.py``), the same as
for attempt bundles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from balint_trainer.core.annotation_exchange import (
    AnnotationRequest,
    ExchangeError,
    build_request,
    check_annotations,
    read_annotations,
    write_model,
)
from balint_trainer.services.errors import ServiceError
from balint_trainer.storage import models as m

if TYPE_CHECKING:
    from balint_trainer.core.model import Scenario
    from balint_trainer.core.validation import LoadedScenario
    from balint_trainer.services.database import Database
    from balint_trainer.services.scenarios import ScenarioStore

EXPERT_ROLES = ("supervisor", "organiser")


class AnnotationImportError(ServiceError):
    """An annotation file that was not imported; ``problems`` are one line each."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        # The whole text is the template: what the GUI shows is the message and every problem.
        super().__init__("\n".join([message, *problems]))
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return "\n".join([self.message, *self.problems])


@dataclass(frozen=True)
class AnnotationImport:
    """What importing one annotation file changed (all zero but ``unchanged`` on a re-import)."""

    path: Path
    request_id: str
    expert: str  # the profile the votes went to
    profile_id: int
    profile: Literal["created", "matched"]
    added: int
    replaced: int
    unchanged: int
    kept_newer: int  # votes here that were saved later than the file's: kept
    versions: list[tuple[str, str]] = field(default_factory=list)  # (scenario id, sha256) voted on

    @property
    def scenarios(self) -> list[str]:
        return [scenario_id for scenario_id, _sha in self.versions]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced)

    def summary(self) -> str:
        text = (
            f"{self.path.name}: {self.expert} — {self.added} vote(s) added, {self.replaced} replaced "
            f"by newer ones, {self.unchanged} unchanged"
        )
        if self.kept_newer:
            text += f", {self.kept_newer} kept (newer votes of this expert are already here)"
        if self.profile == "created":
            text += "; a new expert profile was created"
        return text


def export_request(
    store: ScenarioStore,
    loaded: Sequence[LoadedScenario],
    *,
    organiser: str,
    expert: str,
    path: Path,
) -> AnnotationRequest:
    """Register the scenario versions here (answers will refer to them) and write the
    blind request for one expert. Raises ServiceError (a refused scenario) or
    AnnotationImportError (the file could not be written)."""
    try:
        request = build_request(loaded, organiser=organiser.strip(), expert=expert.strip())
    except ExchangeError as exc:
        raise AnnotationImportError(exc.message, exc.problems) from None
    for item in loaded:
        store.register_scenario(item)
    try:
        write_model(request, Path(path))
    except OSError as exc:
        raise AnnotationImportError(f"{path}: cannot write the request: {exc.strerror or exc}") from None
    return request


def import_annotations(service: Database, path: Path) -> AnnotationImport:
    path = Path(path)
    source = str(path)
    try:
        data, text = read_annotations(path)
    except ExchangeError as exc:
        raise AnnotationImportError(exc.message, exc.problems) from None

    wanted = {(s.scenario_id, s.sha256) for s in data.scenarios}

    def versions(session: Session) -> dict[tuple[str, str], tuple[int, Scenario | None]]:
        found: dict[tuple[str, str], tuple[int, Scenario | None]] = {}
        for scenario_id, sha256 in wanted:
            row = session.scalars(
                select(m.ScenarioVersion).where(
                    m.ScenarioVersion.scenario_id == scenario_id, m.ScenarioVersion.sha256 == sha256
                )
            ).first()
            if row is None:
                continue
            try:
                found[(scenario_id, sha256)] = (row.id, service._scenario(row))
            except ServiceError:  # a stored version altered behind the app's back: never used
                found[(scenario_id, sha256)] = (row.id, None)
        return found

    known = service._read(versions)
    try:
        check_annotations(data, text, source, lambda sid, sha: (known.get((sid, sha)) or (0, None))[1])
    except ExchangeError as exc:
        raise AnnotationImportError(exc.message, exc.problems) from None

    def work(session: Session) -> AnnotationImport:
        profile = session.scalars(select(m.Profile).where(m.Profile.name == data.expert)).first()
        how: Literal["created", "matched"] = "matched"
        if profile is None:
            profile = m.Profile(name=data.expert, role="supervisor")
            session.add(profile)
            session.flush()
            how = "created"
        elif profile.role not in EXPERT_ROLES:
            raise AnnotationImportError(
                f"{source} was not imported; nothing was changed:",
                [
                    f"{source}:1:1: '{data.expert}' is a {profile.role} profile here, not an expert "
                    "(supervisor or organiser); rename one of them first"
                ],
            )
        added = replaced = unchanged = kept = 0
        for version in data.scenarios:
            version_id = known[(version.scenario_id, version.sha256)][0]
            stored = {
                row.decision_id: row
                for row in session.scalars(
                    select(m.Annotation).where(
                        m.Annotation.version_id == version_id, m.Annotation.expert_profile_id == profile.id
                    )
                )
            }
            for vote in version.decisions:
                ratings = dict(vote.ratings) if vote.ratings else None
                note = (vote.note or "").strip() or None  # as save_annotation stores it
                row = stored.get(vote.decision_id)
                if row is None:
                    session.add(
                        m.Annotation(
                            version_id=version_id,
                            decision_id=vote.decision_id,
                            expert_profile_id=profile.id,
                            best=vote.best,
                            ratings=ratings,
                            note=note,
                            updated_at=vote.saved_at,
                        )
                    )
                    added += 1
                elif (row.best, row.ratings or None, row.note) == (vote.best, ratings, note):
                    unchanged += 1
                    # Remember the latest confirmation: an older, different file arriving later loses.
                    if vote.saved_at > row.updated_at:
                        row.updated_at = vote.saved_at
                elif row.updated_at >= vote.saved_at:
                    kept += 1
                else:
                    row.best, row.ratings, row.note, row.updated_at = (
                        vote.best,
                        ratings,
                        note,
                        vote.saved_at,
                    )
                    replaced += 1
        session.flush()
        return AnnotationImport(
            path,
            data.request_id,
            profile.name,
            profile.id,
            how,
            added,
            replaced,
            unchanged,
            kept,
            [(s.scenario_id, s.sha256) for s in data.scenarios],
        )

    try:
        return service._write(work)
    except IntegrityError as exc:  # a concurrent import of the same expert: nothing of this one was written
        raise AnnotationImportError(
            f"{source} was not imported; nothing was changed:",
            [f"{source}:1:1: conflicts with stored data ({exc.orig})"],
        ) from None
