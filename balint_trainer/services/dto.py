"""Immutable data handed to the GUI and CLI (never ORM objects)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from balint_trainer.core.model import Scenario

Role = Literal["trainee", "supervisor", "organiser"]
Mode = Literal["practice", "exam"]


@dataclass(frozen=True)
class Profile:
    id: int
    name: str
    role: str
    cohort: str | None
    # PostgreSQL login role of an account; fixed at creation, so renaming keeps logins working.
    db_role: str | None = None
    # Stable UUID of the person (xAPI account name): survives renames, never reused by a namesake.
    # Keyword-only and required, so no Profile can be built without it.
    uid: str = field(kw_only=True)


def text_matches_sha256(text: str, sha256: str) -> bool:
    """Whether ``text`` is exactly the file that was registered under ``sha256`` (the file may
    have had a UTF-8 byte-order mark, which decoding dropped)."""
    raw = text.encode("utf-8")
    return sha256 in (hashlib.sha256(raw).hexdigest(), hashlib.sha256(b"\xef\xbb\xbf" + raw).hexdigest())


@dataclass(frozen=True)
class ScenarioVersion:
    id: int
    scenario_id: str
    sha256: str
    title: str
    text: str
    registered_at: datetime

    @property
    def text_matches_hash(self) -> bool:
        return text_matches_sha256(self.text, self.sha256)

    def load(self) -> Scenario:
        """Parse the stored YAML (it was valid when registered); every reader checks the hash,
        so a row written behind the app's back is never scored against."""
        from balint_trainer.core.validation import load_scenario_bytes
        from balint_trainer.services.errors import TamperedVersion

        name = f"{self.scenario_id}@{self.sha256[:12]}"
        if not self.text_matches_hash:
            raise TamperedVersion(
                "{name}: the stored scenario text does not match its checksum; not used", name=name
            )
        loaded = load_scenario_bytes(self.text.encode("utf-8"), name)
        if loaded.scenario is None:
            raise TamperedVersion("; ".join(str(p) for p in loaded.errors) or f"{name}: invalid scenario")
        return loaded.scenario


@dataclass(frozen=True)
class Answer:
    decision_id: str
    option_id: str
    own_words: str | None
    seconds: float | None
    credit: float
    answered_at: datetime
    competency: str = ""
    # Option ids in the order shown to the trainee; None for answers stored before shuffling.
    shown_order: tuple[str, ...] | None = None
    # 1 unsure, 2 fairly sure, 3 sure (asked before feedback); None when not asked.
    confidence: int | None = None
    # Real time ran out (stored as no intervention, maybe the key's no-intervention option).
    timed_out: bool = False


@dataclass(frozen=True)
class Attempt:
    id: int
    uid: str
    profile_id: int
    scenario_id: str
    version_id: int
    sha256: str
    mode: str
    started_at: datetime
    finished_at: datetime | None
    total: float | None
    answers: tuple[Answer, ...] = ()
    option_seed: str | None = None  # seed of the options' shown order; None: file order
    # A follow-up's inherited start (core.followup.Inheritance.to_json); None: not a follow-up.
    initial_state: Mapping[str, Any] | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    def answered(self) -> dict[str, str]:
        """``{decision id: option id}`` of the answers given so far."""
        return {a.decision_id: a.option_id for a in self.answers}


@dataclass(frozen=True)
class ProgressPoint:
    attempt_id: int
    finished_at: datetime
    scenario_id: str
    total: float | None
    competencies: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Comment:
    id: int
    attempt_id: int
    decision_id: str | None
    author_id: int
    author_name: str
    text: str
    created_at: datetime
    uid: str | None = None  # stable across databases (feedback files)


@dataclass(frozen=True)
class UnreadComments:
    """Comments on a trainee's attempts that the trainee has not opened yet."""

    by_attempt: dict[int, int] = field(default_factory=dict)  # attempt id -> unread comments
    by_scenario: dict[str, int] = field(default_factory=dict)  # scenario id -> unread comments

    @property
    def total(self) -> int:
        return sum(self.by_attempt.values())


@dataclass(frozen=True)
class FeedbackImportReport:
    """What a feedback-file import changed (``comments_new`` is 0 the second time)."""

    trainee_name: str  # as the file names the trainee
    comments_new: int
    comments_present: int
    attempts_matched: int  # attempts of the file this database holds
    unknown_attempts: tuple[str, ...]  # attempt uids this database does not hold (their comments skipped)
    comments_skipped: int  # comments on those attempts

    def summary(self) -> str:
        text = (
            f"feedback for {self.trainee_name}: {self.comments_new} new comment(s), "
            f"{self.comments_present} already here, on {self.attempts_matched} attempt(s)"
        )
        if self.unknown_attempts:
            text += (
                f"; {self.comments_skipped} comment(s) on {len(self.unknown_attempts)} attempt(s) this database "
                f"does not hold were skipped ({', '.join(self.unknown_attempts[:5])}"
                + (", …" if len(self.unknown_attempts) > 5 else "")
                + ")"
            )
        return text


@dataclass(frozen=True)
class Annotation:
    version_id: int
    decision_id: str
    expert_profile_id: int
    expert_name: str
    best: str
    ratings: dict[str, int] | None
    note: str | None
    updated_at: datetime


@dataclass(frozen=True)
class ImportReport:
    """What an attempt-bundle import changed (all zero when it was imported before).

    ``matched_by`` says how ``profile`` was chosen: ``"uid"`` (the bundle's profile uid is
    this profile's), ``"alias"`` (matched to it by an earlier import), ``"chosen"`` (by the
    person importing), ``"attempts"`` (it already holds some of the bundle's attempts,
    whatever it is called now), ``"name"`` (same name as the bundle's profile) or
    ``"created"`` (a new profile); see :mod:`balint_trainer.services.profile_identity`.
    """

    profile: Profile
    attempts_new: int
    attempts_updated: int
    attempts_already_present: int
    answers_new: int
    scenario_versions_new: int
    bundle_name: str = ""  # the profile name written in the bundle
    matched_by: Literal["uid", "alias", "chosen", "attempts", "name", "created"] = "name"
    # Another profile here carries the bundle's name but was left alone (matched by attempts).
    namesake: str | None = None

    @property
    def note(self) -> str | None:
        """Why the attempts went to a profile of another name (``None`` when the names agree)."""
        if not self.bundle_name or self.bundle_name == self.profile.name or self.matched_by == "chosen":
            return None  # a profile chosen by the person importing needs no explanation
        text = (
            f"imported into profile '{self.profile.name}', which already holds these attempts "
            f"(the bundle calls the profile '{self.bundle_name}')"
        )
        if self.namesake is not None:
            text += f"; the other profile named '{self.namesake}' was left unchanged"
        return text

    @property
    def changed(self) -> bool:
        return bool(
            self.attempts_new or self.attempts_updated or self.answers_new or self.scenario_versions_new
        )

    def summary(self) -> str:
        return (
            f"{self.profile.name}: {self.attempts_new} new attempt(s), {self.attempts_updated} updated, "
            f"{self.attempts_already_present} already present; {self.answers_new} new answer(s), "
            f"{self.scenario_versions_new} new scenario version(s)"
            + (f"\nnote: {self.note}" if self.note else "")
        )


@dataclass(frozen=True)
class BundleMatch:
    """Whose attempt bundle a file is, before importing it (:meth:`ExchangeService.bundle_match`).

    ``known``: the profile it goes to without asking (its uid, a remembered match or
    attempts stored here; ``matched_by`` says which). Otherwise ``suggestions``: profiles
    of the bundle's role with its name (ignoring case), then those in its cohort.
    """

    path: str
    name: str
    role: str
    cohort: str | None
    uid: str | None
    attempts: int
    known: Profile | None
    matched_by: str | None
    suggestions: tuple[Profile, ...] = ()
    others: tuple[Profile, ...] = ()  # every other profile of the bundle's role, by name


@dataclass(frozen=True)
class MergeReport:
    """What merging ``source`` into ``target`` moves (or moved): counts per kind of row."""

    source: Profile
    target: Profile
    attempts: int
    comments_authored: int
    comments_received: int
    annotations: int
    aliases: int
