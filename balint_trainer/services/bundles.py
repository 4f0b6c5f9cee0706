"""Attempt bundles: a trainee working offline exports attempts; a supervisor imports them.

File format (JSON, gzip-compressed when the name ends in ``.gz``; gzip is also
recognised by its magic bytes on import)::

    {"format": "balint-attempts/1", "exported_at": ISO-8601, "app_version": "...",
     "profile": {"name", "role", "cohort", "uid"},
     "scenario_versions": [{"scenario_id", "sha256", "text"}],
     "attempts": [{"uid", "scenario_id", "sha256", "mode", "option_seed"?, "started_at",
                   "finished_at", "initial_state"?: {"values": {NAME: bool | int}, "from": uid | null},
                   "answers": [{"decision_id", "option_id", "own_words", "seconds",
                                "credit", "answered_at", "shown_order"?, "confidence"?, "timed_out"?}]}],
     "review_cards"?: [{"uid", "scenario_id", "decision_id", "competency", "state", "step",
                        "stability", "difficulty", "due", "last_review", "reps", "lapses",
<<<<<<< HEAD
                        "last_credit", "confidence_tally"?}]}
=======
                        "last_credit"}],
     "recorded_sessions"?: [{"uid", "file_name", "sha256", "duration_s",
                             "moments": [{"t", "c", "r", "n"}], "global_ratings": {competency: 1..5},
                             "note", "supervisor_name", "created_at", "updated_at"}]}
>>>>>>> main

``confidence`` (1..3) and the ``review_cards`` section (the profile's spaced-review
schedule, :mod:`balint_trainer.services.review_cards`) are optional too: older bundles
import unchanged; a card replaces the stored one only if it was reviewed later.
``recorded_sessions`` (optional, older bundles lack it) carries the supervisors' codings of
recorded groups the trainee led (:mod:`balint_trainer.services.recorded_sessions`): never the
recording, only its checksum, duration and name. Idempotent by ``uid``; a coding replaces the
stored one only if it was edited later.

``option_seed`` (the attempt's option-order seed) and ``shown_order`` (option
ids in the order the trainee saw them) are optional: bundles written before
options were shuffled lack them and import as file order. A ``shown_order``
must be a permutation of the decision's option ids.

An export holds all of the profile's attempts, finished or not, so every
bundle repeats the earlier ones; importing is idempotent by attempt ``uid``
(answers given since are added, a now-finished attempt is finished).

Whose attempts they are: ``profile.uid`` (optional: bundles written before it
existed have none) is the stable uid of the exporting profile; a uid that is a
profile here, or was matched to one before (``profile_aliases``), decides first
(:mod:`balint_trainer.services.profile_identity`). ``profile.name`` is only the
name at export time, and either side may rename a profile. Then attempt uids the database already
holds decide: the profile owning them receives the whole bundle, whatever it is
called now (nothing is renamed; the import report's ``note`` names both). If the
known attempts belong to more than one profile the bundle is refused. Only when
none is known is the profile matched by exact name, or created with the
bundle's name, role and cohort. The stored profile's role must equal
``profile.role`` in every case.

Everything in a bundle is untrusted: :func:`read_bundle` and
:func:`validate_bundle` check size, shape, every scenario text (full
validation and SHA-256), every decision/option and every credit before the
service writes anything, in one transaction.
"""

from __future__ import annotations

import gzip
import io
import math
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from balint_trainer.core.fileio import atomic_write_bytes
from balint_trainer.core.model import FlagName, FlagValue, Scenario
from balint_trainer.core.option_order import is_permutation
from balint_trainer.core.scoring import ScoringError, credit
from balint_trainer.core.untrusted import exception_problem
from balint_trainer.core.untrusted_model import ModelInputError, read_model
from balint_trainer.services.dto import text_matches_sha256
from balint_trainer.services.errors import BundleError

BUNDLE_FORMAT = "balint-attempts/1"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_JSON_BYTES = 64 * 1024 * 1024  # after decompression: guards against gzip bombs
CREDIT_TOLERANCE = 1e-9

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Ident = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Uid = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BundleProfile(_Strict):
    name: Name
    uid: Uid | None = None  # the exporting profile's stable uid (absent in older bundles)
    role: Literal["trainee", "supervisor", "organiser"] = "trainee"
    cohort: Annotated[str, StringConstraints(max_length=200)] | None = None


class BundleVersion(_Strict):
    scenario_id: Ident
    sha256: Sha256
    text: Annotated[str, StringConstraints(min_length=1, max_length=2 * 1024 * 1024)]


class BundleAnswer(_Strict):
    decision_id: Ident
    option_id: Ident
    own_words: Annotated[str, StringConstraints(max_length=20_000)] | None = None
    seconds: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    credit: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]
    answered_at: AwareDatetime
    shown_order: Annotated[list[Ident], Field(max_length=8)] | None = None
    confidence: Literal[1, 2, 3] | None = None
    timed_out: bool = False  # bundles written before real-time marks have none: in time


class BundleInitialState(_Strict):
    """A follow-up attempt's inherited start (core.followup.Inheritance)."""

    values: Annotated[dict[FlagName, FlagValue], Field(max_length=100)]
    from_attempt: Uid | None = Field(default=None, alias="from")


class BundleAttempt(_Strict):
    uid: Uid
    scenario_id: Ident
    sha256: Sha256
    mode: Literal["practice", "exam"]
    option_seed: Annotated[str, StringConstraints(min_length=1, max_length=64)] | None = None
    started_at: AwareDatetime
    finished_at: AwareDatetime | None = None
    answers: Annotated[list[BundleAnswer], Field(max_length=1000)]
    initial_state: BundleInitialState | None = None  # older bundles and plain scenarios: none


TallyNumber = Annotated[float, Field(ge=0, le=1e9, allow_inf_nan=False)]


class BundleCard(_Strict):
    uid: Uid
    scenario_id: Ident
    decision_id: Ident
    competency: Ident
    state: Literal[1, 2, 3]
    step: Annotated[int, Field(ge=0, le=100)] | None = None
    stability: Annotated[float, Field(gt=0, le=1e6, allow_inf_nan=False)] | None = None
    difficulty: Annotated[float, Field(ge=1, le=10, allow_inf_nan=False)] | None = None
    due: AwareDatetime
    last_review: AwareDatetime | None = None
    reps: Annotated[int, Field(ge=0, le=1_000_000)] = 0
    lapses: Annotated[int, Field(ge=0, le=1_000_000)] = 0
    last_credit: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = None
    # Review answers per confidence level: [answers, credit sum] (core.calibration.tallied).
    confidence_tally: dict[Literal["1", "2", "3"], tuple[TallyNumber, TallyNumber]] | None = None


class BundleMoment(_Strict):
    t: Annotated[float, Field(ge=0, le=86_401, allow_inf_nan=False)]
    c: Ident
    r: Literal[1, 2, 3, 4, 5] | None = None
    n: Annotated[str, StringConstraints(max_length=20_000)] = ""


class BundleRecorded(_Strict):
    """A supervisor's coding of a recorded session (services.recorded_sessions); never the media."""

    uid: Uid
    file_name: Annotated[str, StringConstraints(min_length=1, max_length=300)]
    sha256: Sha256
    duration_s: Annotated[float, Field(ge=0, le=86_400, allow_inf_nan=False)]
    moments: Annotated[list[BundleMoment], Field(max_length=2000)]
    global_ratings: Annotated[dict[Ident, Literal[1, 2, 3, 4, 5]], Field(max_length=50)]
    note: Annotated[str, StringConstraints(max_length=20_000)] | None = None
    supervisor_name: Name
    created_at: AwareDatetime
    updated_at: AwareDatetime | None = None


class Bundle(_Strict):
    format: Literal["balint-attempts/1"]
    exported_at: AwareDatetime
    app_version: Annotated[str, StringConstraints(max_length=50)] = ""
    profile: BundleProfile
    scenario_versions: Annotated[list[BundleVersion], Field(max_length=2000)]
    attempts: Annotated[list[BundleAttempt], Field(max_length=100_000)]
    review_cards: Annotated[list[BundleCard], Field(max_length=100_000)] | None = None
    recorded_sessions: Annotated[list[BundleRecorded], Field(max_length=10_000)] | None = None


@dataclass(frozen=True)
class CheckedBundle:
    bundle: Bundle
    scenarios: dict[tuple[str, str], Scenario]  # (scenario id, sha256) -> parsed scenario
    competencies: dict[tuple[str, str, str], str]  # (scenario id, sha256, decision) -> competency


def write_bundle(bundle: Bundle, path: Path) -> None:
    """Write atomically (temporary file + rename): an interrupted export leaves no half file."""
    data = bundle.model_dump_json(indent=1, by_alias=True).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    atomic_write_bytes(path, data, keep_mode=False)


def read_bundle(path: Path) -> Bundle:
    """Read and shape-check a bundle; raises :class:`BundleError` for anything wrong with it."""
    try:
        return _read_bundle(path)
    except BundleError:
        raise
    except Exception as exc:  # the last line of defence: a hostile bundle never gives a traceback
        raise BundleError(str(exception_problem(str(path), exc))) from None


def _read_bundle(path: Path) -> Bundle:
    name = str(path)

    def gunzip(raw: bytes) -> bytes:
        if raw[:2] != b"\x1f\x8b":
            return raw
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
                raw = unzipped.read(MAX_JSON_BYTES + 1)
        except (OSError, EOFError, zlib.error) as exc:
            raise BundleError(f"{name}:1:1: damaged gzip data ({exc})") from None
        if len(raw) > MAX_JSON_BYTES:
            raise BundleError(f"{name}:1:1: uncompressed bundle exceeds {MAX_JSON_BYTES:,} bytes")
        return raw

    try:
        bundle, _text = read_model(
            path, Bundle, expected_format=BUNDLE_FORMAT, max_bytes=MAX_FILE_BYTES, decode=gunzip
        )
    except ModelInputError as exc:
        raise BundleError(exc.one_line("an attempt bundle", "invalid bundle")) from None
    return bundle


def validate_bundle(bundle: Bundle, source: str) -> CheckedBundle:
    """Check every scenario text, reference, decision, option and credit; raise BundleError."""
    try:
        return _validate_bundle(bundle, source)
    except BundleError:
        raise
    except Exception as exc:  # the last line of defence: a hostile bundle never gives a traceback
        raise BundleError(str(exception_problem(source, exc))) from None


def _validate_bundle(bundle: Bundle, source: str) -> CheckedBundle:
    from balint_trainer.core.validation import load_scenario_bytes

    scenarios: dict[tuple[str, str], Scenario] = {}
    for index, version in enumerate(bundle.scenario_versions):
        where = f"{source}: scenario_versions[{index}] ({version.scenario_id})"
        if not text_matches_sha256(version.text, version.sha256):
            raise BundleError(f"{where}: the text does not match its SHA-256 (altered or damaged)")
        loaded = load_scenario_bytes(version.text.encode("utf-8"), f"{version.scenario_id}.yaml")
        if loaded.scenario is None:
            first = loaded.errors[0] if loaded.errors else "invalid"
            raise BundleError(f"{where}: invalid scenario: {first}")
        if loaded.scenario.id != version.scenario_id:
            raise BundleError(f"{where}: the text is scenario '{loaded.scenario.id}'")
        scenarios[(version.scenario_id, version.sha256)] = loaded.scenario

    competencies: dict[tuple[str, str, str], str] = {}
    seen_uids: set[str] = set()
    for index, attempt in enumerate(bundle.attempts):
        where = f"{source}: attempts[{index}] ({attempt.uid})"
        if attempt.uid in seen_uids:
            raise BundleError(f"{where}: attempt appears twice")
        seen_uids.add(attempt.uid)
        key = (attempt.scenario_id, attempt.sha256)
        scenario = scenarios.get(key)
        if scenario is None:
            raise BundleError(
                f"{where}: its scenario version {attempt.scenario_id}@{attempt.sha256[:12]} is missing"
            )
        answered: set[str] = set()
        for a_index, answer in enumerate(attempt.answers):
            a_where = f"{where} answers[{a_index}]"
            if answer.decision_id in answered:
                raise BundleError(f"{a_where}: decision '{answer.decision_id}' answered twice")
            answered.add(answer.decision_id)
            try:
                decision = scenario.decision(answer.decision_id)
                expected = credit(decision, answer.option_id)
            except KeyError:
                raise BundleError(f"{a_where}: scenario has no decision '{answer.decision_id}'") from None
            except ScoringError as exc:
                raise BundleError(f"{a_where}: {exc}") from None
            if answer.shown_order is not None and not is_permutation(answer.shown_order, decision):
                ids = ", ".join(o.id for o in decision.options)
                raise BundleError(
                    f"{a_where}: shown_order ({', '.join(answer.shown_order)}) is not an order of the "
                    f"options of '{answer.decision_id}' ({ids})"
                )
            if not math.isclose(answer.credit, expected, rel_tol=0, abs_tol=CREDIT_TOLERANCE):
                raise BundleError(
                    f"{a_where}: credit {answer.credit:g} does not match the expert key ({expected:g})"
                )
            competencies[(*key, answer.decision_id)] = decision.competency
    return CheckedBundle(bundle, scenarios, competencies)


def bundle_dict(**fields: Any) -> dict[str, Any]:
    return {"format": BUNDLE_FORMAT, **fields}
