"""The expert's side of a remote annotation request: answers saved as they go (no Qt).

Progress is kept beside the app's data, not in the database: one file per request,
``<data folder>/annotation-requests/<request id>.balint-annotations.json``, written
atomically after every saved decision and in exactly the annotation-file format the
expert finally exports. Why not the database: the request's scenarios are blind (no
key), so they are not valid scenario versions and must not sit among the versions
attempts are scored against; and the file needs no database at all, so an expert
whose database will not open can still annotate. Opening the same request again
(same request id) continues where the expert stopped.

:class:`RequestWork` offers the few service roles and methods the annotation window calls
(``accounts.current_account``, ``accounts.profile(s)``, ``scenarios.register_scenario``,
``annotations.annotations``, ``annotations.save_annotation``), so the same window works
against a request.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from balint_trainer.core.annotation_exchange import (
    ANNOTATIONS_SUFFIX,
    MAX_NOTE,
    AnnotationFile,
    CheckedRequest,
    DecisionVote,
    ExchangeError,
    build_annotations,
    read_annotations,
    vote_problems,
    write_model,
)
from balint_trainer.core.model import Scenario
from balint_trainer.core.validation import LoadedScenario

EXPERT_ID = 1  # the one expert of a request, as the annotation window's profile id


@dataclass(frozen=True)
class LocalExpert:
    id: int
    name: str
    role: str = "supervisor"


@dataclass(frozen=True)
class VersionRef:
    id: int  # index into the request's versions
    scenario_id: str
    sha256: str


@dataclass(frozen=True)
class SavedVote:
    """Shaped like ``services.dto.Annotation`` where the annotation window reads it."""

    version_id: int
    decision_id: str
    expert_profile_id: int
    expert_name: str
    best: str
    ratings: dict[str, int] | None
    note: str | None
    updated_at: datetime


def progress_folder() -> Path:
    from balint_trainer.paths import user_data_dir

    return user_data_dir() / "annotation-requests"


class RequestWork:
    """A checked request and the expert's answers so far."""

    def __init__(self, checked: CheckedRequest, folder: Path | None = None) -> None:
        self.checked = checked
        self.request = checked.request
        self.expert = LocalExpert(EXPERT_ID, self.request.expert)
        self.folder = folder if folder is not None else progress_folder()
        self.path = self.folder / f"{self.request.request_id}{ANNOTATIONS_SUFFIX}"
        self._votes: dict[tuple[int, str], DecisionVote] = {}
        self.recovered: str | None = None  # set when earlier progress was unusable and set aside
        self._load()

    # -- the service roles the annotation window uses, as TrainerService names them --------
    @property
    def accounts(self) -> RequestWork:
        return self  # current_account, profile, profiles

    @property
    def scenarios(self) -> RequestWork:
        return self  # register_scenario

    @property
    def annotations(self) -> RequestAnnotations:
        return RequestAnnotations(self)

    def current_account(self) -> LocalExpert:
        return self.expert

    def profile(self, _profile_id: int) -> LocalExpert:
        return self.expert

    def profiles(self, *_: Any, **__: Any) -> list[LocalExpert]:
        return [self.expert]

    def register_scenario(self, loaded: LoadedScenario) -> VersionRef:
        for index, version in enumerate(self.checked.versions):
            if version.loaded is loaded or (
                version.entry.sha256 == loaded.sha256
                and loaded.scenario is not None
                and version.entry.scenario_id == loaded.scenario.id
            ):
                return VersionRef(index, version.entry.scenario_id, version.entry.sha256)
        raise ExchangeError(f"{loaded.filename}: not part of this request")

    def saved_annotations(self, version_id: int) -> list[SavedVote]:
        return [
            SavedVote(
                v_id,
                vote.decision_id,
                EXPERT_ID,
                self.expert.name,
                vote.best,
                dict(vote.ratings) if vote.ratings else None,
                vote.note,
                vote.saved_at,
            )
            for (v_id, _d), vote in self._votes.items()
            if v_id == version_id
        ]

    def save_annotation(
        self,
        version_id: int,
        decision_id: str,
        _expert_profile_id: int,
        best: str,
        ratings: dict[str, int] | None,
        note: str | None,
    ) -> SavedVote:
        scenario = self._scenario(version_id)
        options = [o.id for o in scenario.decision(decision_id).options]
        if best not in options:
            raise ExchangeError(f"'{best}' is not an option of '{decision_id}'")
        note = (note or "").strip() or None
        if note is not None and len(note) > MAX_NOTE:
            raise ExchangeError(f"the note is too long (at most {MAX_NOTE:,} characters)")
        try:
            vote = DecisionVote(
                decision_id=decision_id,
                best=best,
                ratings=ratings or None,
                note=note,
                saved_at=datetime.now(UTC),
            )
        except ValidationError as exc:  # ratings outside 1..5 or for unknown ids: a caller's bug
            raise ExchangeError(f"this answer cannot be saved: {exc.errors()[0]['msg']}") from None
        previous = self._votes.get((version_id, decision_id))
        self._votes[(version_id, decision_id)] = vote
        try:
            self._write()
        except OSError as exc:
            if previous is None:
                del self._votes[(version_id, decision_id)]
            else:
                self._votes[(version_id, decision_id)] = previous
            raise ExchangeError(
                f"{self.path}: your answer could not be saved: {exc.strerror or exc}"
            ) from None
        return SavedVote(
            version_id,
            decision_id,
            EXPERT_ID,
            self.expert.name,
            vote.best,
            dict(vote.ratings) if vote.ratings else None,
            vote.note,
            vote.saved_at,
        )

    # -- progress and export -------------------------------------------------------------
    @property
    def answered(self) -> int:
        return len(self._votes)

    @property
    def total(self) -> int:
        return sum(len(v.scenario.decisions) for v in self.checked.versions)

    def annotation_file(self) -> AnnotationFile:
        ordered = sorted(self._votes.items(), key=lambda item: self._order(item[0]))
        return build_annotations(
            self.request,
            [
                (
                    self.checked.versions[v_id].entry.scenario_id,
                    self.checked.versions[v_id].entry.sha256,
                    vote,
                )
                for (v_id, _d), vote in ordered
            ],
        )

    def export(self, path: Path) -> AnnotationFile:
        """Write the annotation file for the organiser (atomically); raises OSError."""
        data = self.annotation_file()
        write_model(data, Path(path))
        return data

    def _order(self, key: tuple[int, str]) -> tuple[int, int]:
        v_id, decision_id = key
        ids = [d.decision for d in self._scenario(v_id).decisions]
        return v_id, ids.index(decision_id) if decision_id in ids else len(ids)

    def _scenario(self, version_id: int) -> Scenario:
        if not 0 <= version_id < len(self.checked.versions):
            raise ExchangeError(f"no scenario {version_id} in this request")
        return self.checked.versions[version_id].scenario

    def _write(self) -> None:
        write_model(self.annotation_file(), self.path)

    def _load(self) -> None:
        if not self.path.exists():
            return
        index = {(v.entry.scenario_id, v.entry.sha256): i for i, v in enumerate(self.checked.versions)}

        def lookup(scenario_id: str, sha256: str) -> Scenario | None:
            found = index.get((scenario_id, sha256))
            return self.checked.versions[found].scenario if found is not None else None

        try:
            saved, text = read_annotations(self.path)
            problems = vote_problems(saved, text, str(self.path), lookup)
            if saved.request_id != self.request.request_id or saved.expert != self.request.expert:
                problems.append(f"{self.path}:1:1: belongs to another request or expert")
            if problems:
                raise ExchangeError(f"{self.path} does not fit the request:", problems)
        except ExchangeError as exc:
            # Never delete what the expert typed: set the file aside and say where it is.
            aside = self.path.with_name(f"{self.path.name}.unusable-{datetime.now(UTC):%Y%m%d%H%M%S}")
            try:
                os.replace(self.path, aside)
            except OSError:
                aside = self.path
            self.recovered = f"{exc.problems[0] if exc.problems else exc.message} (kept as {aside.name})"
            return
        for version in saved.scenarios:
            v_id = index[(version.scenario_id, version.sha256)]
            for vote in version.decisions:
                self._votes[(v_id, vote.decision_id)] = vote



class RequestAnnotations:
    """``service.annotations`` of a request: the expert's votes so far."""

    def __init__(self, work: RequestWork) -> None:
        self._work = work

    def annotations(self, version_id: int) -> list[SavedVote]:
        return self._work.saved_annotations(version_id)

    def save_annotation(
        self,
        version_id: int,
        decision_id: str,
        expert_profile_id: int,
        best: str,
        ratings: dict[str, int] | None,
        note: str | None,
    ) -> SavedVote:
        return self._work.save_annotation(version_id, decision_id, expert_profile_id, best, ratings, note)


def open_request(path: str | Path, folder: Path | None = None) -> RequestWork:
    """Read and check a request file, and load the expert's earlier answers to it."""
    from balint_trainer.core.annotation_exchange import read_request

    return RequestWork(read_request(path), folder)
