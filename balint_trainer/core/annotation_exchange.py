"""Remote expert annotation: request and annotation files, and their validation (no Qt).

An organiser sends each expert an **annotation request** (``balint-annotation-request/1``,
JSON): a request id, the organiser's and the expert's names, and per scenario version the
*blind* YAML text — the file with every ``experts:`` key, ``rationale``, option
``feedback`` and ``then:`` consequence removed (re-serialised from the parsed data, so no
comment can carry the key either) — plus the SHA-256 of the organiser's registered version
the answers refer to, and the SHA-256 of the blind text itself::

    {"format", "request_id", "created_at", "app_version", "organiser", "expert",
     "scenarios": [{"scenario_id", "title", "sha256", "text", "text_sha256"}]}

The expert answers in the app and sends back an **annotation file**
(``balint-annotations/1``)::

    {"format", "request_id", "organiser", "expert", "exported_at", "app_version",
     "scenarios": [{"scenario_id", "sha256",
                    "decisions": [{"decision_id", "best", "ratings", "note", "saved_at"}]}]}

Both come from other machines, so nothing is trusted: a size limit applies before
parsing, numbers and nesting are bounded, the schema is strict (unknown keys are
errors), and every decision and option must exist in the referenced version. Every
problem is one line ``FILE:LINE:COL: message`` (positions point into the JSON text).
"""

from __future__ import annotations

import copy
import hashlib
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from balint_trainer import __version__
from balint_trainer.core.fileio import atomic_write_bytes
from balint_trainer.core.model import Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted_model import (
    JsonInputError,
    ModelInputError,
    json_position,
    loc_text,
    read_model,
)
from balint_trainer.core.validation import LoadedScenario
from balint_trainer.core.yamlsource import MAX_FILE_BYTES as MAX_SCENARIO_BYTES
from balint_trainer.core.yamlsource import parse_yaml

REQUEST_FORMAT = "balint-annotation-request/1"
ANNOTATIONS_FORMAT = "balint-annotations/1"
REQUEST_SUFFIX = ".balint-request.json"
ANNOTATIONS_SUFFIX = ".balint-annotations.json"
MAX_REQUEST_BYTES = 32 * 1024 * 1024
MAX_ANNOTATIONS_BYTES = 4 * 1024 * 1024
MAX_NOTE = 20_000
FUTURE_SLACK = timedelta(days=1)  # clocks differ; a vote "saved" later than that is refused
# Keys that would tell the expert what the panel (or the author) thinks.
KEY_DECISION_KEYS = ("experts", "rationale")
KEY_OPTION_KEYS = ("feedback", "then")
KEY_TOP_KEYS = ("key_status",)
_PLACEHOLDER_EXPERT = "blind-placeholder"
_T = TypeVar("_T")
_Model = TypeVar("_Model", bound=BaseModel)

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Ident = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=100)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,100}$")]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
RequestId = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Rating = Annotated[int, Field(ge=1, le=5, strict=True)]


class ExchangeError(JsonInputError):
    """A request or annotation file that cannot be used; ``problems`` are one line each."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RequestScenario(_Strict):
    scenario_id: Slug
    title: Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
    sha256: Sha256  # the organiser's registered version: the annotations refer to it
    text: Annotated[str, StringConstraints(min_length=1, max_length=MAX_SCENARIO_BYTES)]
    text_sha256: Sha256  # of ``text`` (UTF-8), so damage in transit is noticed


class AnnotationRequest(_Strict):
    format: Literal["balint-annotation-request/1"]
    request_id: RequestId
    created_at: AwareDatetime
    app_version: Annotated[str, StringConstraints(max_length=50)] = ""
    organiser: Name
    expert: Name
    scenarios: Annotated[list[RequestScenario], Field(min_length=1, max_length=200)]


class DecisionVote(_Strict):
    decision_id: Ident
    best: Ident
    ratings: Annotated[dict[Ident, Rating], Field(max_length=8)] | None = None
    note: Annotated[str, StringConstraints(max_length=MAX_NOTE)] | None = None
    saved_at: AwareDatetime


class AnnotatedVersion(_Strict):
    scenario_id: Slug
    sha256: Sha256
    decisions: Annotated[list[DecisionVote], Field(max_length=500)]


class AnnotationFile(_Strict):
    format: Literal["balint-annotations/1"]
    request_id: RequestId
    organiser: Name
    expert: Name
    exported_at: AwareDatetime
    app_version: Annotated[str, StringConstraints(max_length=50)] = ""
    scenarios: Annotated[list[AnnotatedVersion], Field(max_length=200)]

    def vote_count(self) -> int:
        return sum(len(s.decisions) for s in self.scenarios)


# --------------------------------------------------------------------------- blinding


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def blind_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of parsed scenario data without the key, rationale, feedback and consequences."""
    blind = copy.deepcopy(dict(data))
    for key in KEY_TOP_KEYS:
        blind.pop(key, None)
    for step in blind.get("script") or []:
        if not isinstance(step, dict) or "decision" not in step:
            continue
        for key in KEY_DECISION_KEYS:
            step.pop(key, None)
        for option in step.get("options") or []:
            if isinstance(option, dict):
                for key in KEY_OPTION_KEYS:
                    option.pop(key, None)
    return blind


def blind_text(loaded: LoadedScenario) -> str:
    """The scenario as the expert may see it (YAML, re-serialised: comments are dropped too)."""
    if loaded.scenario is None or loaded.text is None:
        raise ExchangeError(f"{loaded.filename}: not a valid scenario; fix it before sending it to experts")
    doc = parse_yaml(loaded.text, loaded.filename)
    if not isinstance(doc.data, dict):
        raise ExchangeError(f"{loaded.filename}: not a valid scenario")
    return yaml.dump(blind_data(doc.data), Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)


def load_blind(text: str, filename: str) -> tuple[Scenario | None, list[Problem]]:
    """Validate a blind scenario text. The key-less decisions get an in-memory placeholder
    key so the ordinary scenario model and cross-checks apply; it is never shown or exported.
    A text that still carries a key is refused: the annotation would not be blind."""
    from balint_trainer.core.validation import _cross_check, _schema_problems

    doc = parse_yaml(text, filename)
    if doc.data is None:
        return None, doc.problems or [Problem(filename, 1, 1, "the scenario text is empty")]
    data = doc.data
    if not isinstance(data, dict):
        return None, [Problem(filename, 1, 1, "the scenario text must be a mapping of keys")]
    problems = list(doc.problems)
    for index, step in enumerate(data.get("script") or []):
        if not isinstance(step, dict) or "decision" not in step:
            continue
        for key in KEY_DECISION_KEYS:
            if key in step:
                line, column = doc.position(("script", index, key), key=True)
                problems.append(Problem(filename, line, column, f"'{key}' must not be sent to an expert"))
        for o_index, option in enumerate(step.get("options") or []):
            for key in KEY_OPTION_KEYS:
                if isinstance(option, dict) and key in option:
                    line, column = doc.position(("script", index, "options", o_index, key), key=True)
                    problems.append(Problem(filename, line, column, f"'{key}' must not be sent to an expert"))
    if problems:
        return None, problems
    keyed = copy.deepcopy(data)
    for step in keyed.get("script") or []:
        options = step.get("options") if isinstance(step, dict) and "decision" in step else None
        if isinstance(options, list) and options and isinstance(options[0], dict):
            step["experts"] = [{"expert": _PLACEHOLDER_EXPERT, "best": options[0].get("id")}]
            step["rationale"] = "-"
    scenario: Scenario | None
    try:
        scenario = Scenario.model_validate(keyed)
    except ValidationError as exc:
        scenario = None
        problems.extend(_schema_problems(doc, filename, exc))
    problems.extend(_cross_check(keyed, doc, filename))
    errors = sorted({p for p in problems if p.is_error})
    return (scenario if not errors else None), errors


# --------------------------------------------------------------------------- requests


@dataclass(frozen=True)
class RequestVersion:
    """One scenario of a request, checked and loaded (its placeholder key is never shown)."""

    entry: RequestScenario
    loaded: LoadedScenario  # sha256 is the organiser's version checksum, text the blind text

    @property
    def scenario(self) -> Scenario:
        assert self.loaded.scenario is not None
        return self.loaded.scenario


@dataclass(frozen=True)
class CheckedRequest:
    request: AnnotationRequest
    versions: tuple[RequestVersion, ...]

    @property
    def request_id(self) -> str:
        return self.request.request_id

    def version(self, scenario_id: str, sha256: str) -> RequestVersion | None:
        return next(
            (v for v in self.versions if v.entry.scenario_id == scenario_id and v.entry.sha256 == sha256),
            None,
        )


def build_request(
    loaded: Sequence[LoadedScenario], *, organiser: str, expert: str, request_id: str | None = None
) -> AnnotationRequest:
    """The request for one expert; ``loaded`` are the organiser's valid scenario files."""
    if not loaded:
        raise ExchangeError("Choose at least one scenario for the request.")
    entries = []
    seen: set[tuple[str, str]] = set()
    for item in loaded:
        if item.scenario is None or not item.ok:
            raise ExchangeError(f"{item.filename}: not a valid scenario; fix it before sending it to experts")
        if (item.scenario.id, item.sha256) in seen:
            continue
        if any(sid == item.scenario.id for sid, _sha in seen):
            raise ExchangeError(
                f"{item.filename}: scenario '{item.scenario.id}' is chosen twice; send one version"
            )
        seen.add((item.scenario.id, item.sha256))
        text = blind_text(item)
        entries.append(
            {
                "scenario_id": item.scenario.id,
                "title": item.scenario.title,
                "sha256": item.sha256,
                "text": text,
                "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            }
        )
    try:
        return AnnotationRequest.model_validate(
            {
                "format": REQUEST_FORMAT,
                "request_id": request_id or str(uuid.uuid4()),
                "created_at": datetime.now(UTC),
                "app_version": __version__[:50],
                "organiser": organiser,
                "expert": expert,
                "scenarios": entries,
            }
        )
    except ValidationError as exc:
        raise ExchangeError(
            "The request cannot be made:", [f"{loc_text(e['loc'])}: {e['msg']}" for e in exc.errors()]
        ) from None


def write_model(model: BaseModel, path: Path) -> None:
    """Atomically (temporary file + rename): an interrupted export leaves no half file."""
    atomic_write_bytes(Path(path), model.model_dump_json(indent=1).encode("utf-8"), keep_mode=False)


def check_request(request: AnnotationRequest, text: str, filename: str) -> CheckedRequest:
    problems: list[str] = []
    versions: list[RequestVersion] = []
    seen: set[tuple[str, str]] = set()
    for index, entry in enumerate(request.scenarios):
        line, column = json_position(text, ["scenarios", index])
        where = f"{filename}:{line}:{column}: scenarios[{index}] ({entry.scenario_id})"
        if any(sid == entry.scenario_id for sid, _sha in seen):
            problems.append(f"{where}: scenario listed twice")
            continue
        seen.add((entry.scenario_id, entry.sha256))
        if hashlib.sha256(entry.text.encode("utf-8")).hexdigest() != entry.text_sha256:
            problems.append(f"{where}: the scenario text does not match its SHA-256 (altered or damaged)")
            continue
        inner = f"{filename}[{entry.scenario_id}]"
        scenario, errors = load_blind(entry.text, inner)
        if scenario is None:
            problems.extend(str(p) for p in errors[:10])
            continue
        if scenario.id != entry.scenario_id:
            problems.append(f"{where}: the text is scenario '{scenario.id}'")
            continue
        loaded = LoadedScenario(inner, entry.sha256, entry.text, scenario)
        versions.append(RequestVersion(entry, loaded))
    if problems:
        raise ExchangeError(f"{filename} is not a valid annotation request:", problems)
    return CheckedRequest(request, tuple(versions))


MAX_NESTING = 12  # the formats nest 6 levels deep
MAX_NUMBER_DIGITS = 15  # no field needs more than a rating or a size


def _read(path: Path, model: type[_Model], max_bytes: int, expected: str, what: str) -> tuple[_Model, str]:
    """The shared guarded reader (core.untrusted_model), its refusals worded as an ExchangeError."""
    try:
        return read_model(
            path,
            model,
            expected_format=expected,
            max_bytes=max_bytes,
            max_depth=MAX_NESTING,
            max_int_digits=MAX_NUMBER_DIGITS,
            unique_keys=True,  # a key given twice would hide one of the values (a vote, a rating)
        )
    except ModelInputError as exc:
        lines = [str(p) for p in exc.problems]
        if exc.stage == "read":
            raise ExchangeError(f"{path} was not read:", lines) from None
        if exc.stage == "format":
            lines = [f"{lines[0]} (not an {what}?)"]
        raise ExchangeError(f"{path} is not a valid {what}:", lines) from None


def _guarded(read: Callable[[Path], _T]) -> Callable[[str | Path], _T]:
    """The last line of defence: any unexpected exception becomes one positioned problem."""

    def guarded(path: str | Path) -> _T:
        from balint_trainer.core.untrusted import exception_problem

        try:
            return read(Path(path))
        except ExchangeError:
            raise
        except Exception as exc:
            raise ExchangeError(f"{path} cannot be used:", [str(exception_problem(str(path), exc))]) from None

    guarded.__doc__ = read.__doc__
    return guarded


@_guarded
def read_request(path: Path) -> CheckedRequest:
    """Open and fully check an annotation request; raises :class:`ExchangeError`."""
    request, text = _read(path, AnnotationRequest, MAX_REQUEST_BYTES, REQUEST_FORMAT, "annotation request")
    return check_request(request, text, str(path))


# --------------------------------------------------------------------------- annotation files


@_guarded
def read_annotations(path: Path) -> tuple[AnnotationFile, str]:
    """Open an annotation file and check its shape (the votes are checked against
    scenario versions with :func:`vote_problems`); raises :class:`ExchangeError`."""
    return _read(path, AnnotationFile, MAX_ANNOTATIONS_BYTES, ANNOTATIONS_FORMAT, "annotation file")


VersionLookup = Callable[[str, str], "Scenario | None"]


def vote_problems(
    annotations: AnnotationFile,
    text: str,
    filename: str,
    lookup: VersionLookup,
    *,
    now: datetime | None = None,
) -> list[str]:
    """Every reason the votes do not fit: unknown versions (``lookup`` returns None),
    decisions or options, duplicates, ratings for unknown options, future timestamps."""
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    problems: list[str] = []
    seen_versions: set[tuple[str, str]] = set()

    def at(*loc: Any) -> str:
        line, column = json_position(text, loc)
        return f"{filename}:{line}:{column}: {loc_text(loc)}"

    for s_index, version in enumerate(annotations.scenarios):
        key = (version.scenario_id, version.sha256)
        if key in seen_versions:
            problems.append(f"{at('scenarios', s_index)}: scenario version listed twice")
            continue
        seen_versions.add(key)
        scenario = lookup(version.scenario_id, version.sha256)
        if scenario is None:
            problems.append(
                f"{at('scenarios', s_index, 'sha256')}: scenario '{version.scenario_id}' version "
                f"{version.sha256[:12]}… is not registered here (was the request exported from this database?)"
            )
            continue
        answered: set[str] = set()
        for d_index, vote in enumerate(version.decisions):
            loc = ("scenarios", s_index, "decisions", d_index)
            if vote.decision_id in answered:
                problems.append(f"{at(*loc, 'decision_id')}: decision '{vote.decision_id}' appears twice")
                continue
            answered.add(vote.decision_id)
            try:
                options = [o.id for o in scenario.decision(vote.decision_id).options]
            except KeyError:
                problems.append(
                    f"{at(*loc, 'decision_id')}: scenario '{scenario.id}' has no decision '{vote.decision_id}'"
                )
                continue
            if vote.best not in options:
                problems.append(
                    f"{at(*loc, 'best')}: '{vote.best}' is not an option of '{vote.decision_id}' "
                    f"({', '.join(options)})"
                )
            for option_id in vote.ratings or {}:
                if option_id not in options:
                    problems.append(
                        f"{at(*loc, 'ratings', option_id)}: rating for unknown option '{option_id}'"
                    )
            if vote.saved_at > latest:
                problems.append(f"{at(*loc, 'saved_at')}: saved in the future ({vote.saved_at.isoformat()})")
    return problems


def check_annotations(
    annotations: AnnotationFile, text: str, filename: str, lookup: VersionLookup
) -> AnnotationFile:
    problems = vote_problems(annotations, text, filename, lookup)
    if problems:
        raise ExchangeError(f"{filename} was not imported; nothing was changed:", problems)
    return annotations


def build_annotations(
    request: AnnotationRequest, votes: Iterable[tuple[str, str, DecisionVote]]
) -> AnnotationFile:
    """The annotation file for ``votes`` given as (scenario id, version sha256, vote)."""
    order = {(s.scenario_id, s.sha256): i for i, s in enumerate(request.scenarios)}
    grouped: dict[tuple[str, str], list[DecisionVote]] = {}
    for scenario_id, sha256, vote in votes:
        grouped.setdefault((scenario_id, sha256), []).append(vote)
    return AnnotationFile(
        format=ANNOTATIONS_FORMAT,
        request_id=request.request_id,
        organiser=request.organiser,
        expert=request.expert,
        exported_at=datetime.now(UTC),
        app_version=__version__[:50],
        scenarios=[
            AnnotatedVersion(scenario_id=key[0], sha256=key[1], decisions=grouped[key])
            for key in sorted(grouped, key=lambda k: order.get(k, len(order)))
        ],
    )


def default_file_stem(expert: str) -> str:
    """A file-name-safe form of a person's name (letters of any script kept)."""
    stem = re.sub(r"[^\w-]+", "-", expert, flags=re.UNICODE).strip("-")[:60]
    return stem or "expert"
