"""Load and validate scenario files, reporting every problem with its position."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES, PHASES
from balint_trainer.core.loaded import LoadedScenario, iter_scenario_paths
from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted import (
    UntrustedInputError,
    exception_problem,
    markdown_problem,
    read_limited,
)
from balint_trainer.core.yamlsource import MAX_FILE_BYTES, YamlDocument, parse_yaml

if TYPE_CHECKING:  # pydantic loads on the first parse: a cached library list needs none of it
    from pydantic import ValidationError

    from balint_trainer.core.model import Scenario

_STEP_KEYS = ("phase", "say", "narrate", "decision", "goto")
# Keys whose string values are Markdown (docs/scenario-format.md), wherever they occur.
_MARKDOWN_KEYS = frozenset({"summary", "case", "text", "narrate", "prompt", "rationale", "feedback", "note"})


def _format_loc(loc: Sequence[Any]) -> str:
    out = ""
    for element in loc:
        if isinstance(element, int):
            out += f"[{element}]"
        elif isinstance(element, str) and element.endswith(" step"):
            continue  # discriminator tag, not part of the file's structure
        else:
            out += ("." if out else "") + str(element)
    return out or "document"


def _describe_error(error: Mapping[str, Any], data: Any) -> tuple[str, bool]:
    """Human message for one pydantic error, and whether it points at a key."""
    loc = error["loc"]
    where = _format_loc(loc)
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'", True
    if kind == "missing":
        if len(loc) == 1:
            return f"missing required key '{loc[-1]}'", False
        return f"{_format_loc(loc[:-1])}: missing required key '{loc[-1]}'", False
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        value = error.get("input")
        if isinstance(value, dict):
            present = [k for k in _STEP_KEYS if k in value]
            if len(present) > 1:
                return (
                    f"{where}: a step has exactly one of {', '.join(_STEP_KEYS)}; found {', '.join(present)}",
                    False,
                )
        if "then" in loc:
            return f"{where}: a consequence step needs 'say' or 'narrate'", False
        return f"{where}: a step needs one of {', '.join(_STEP_KEYS)}", False
    if kind == "literal_error" and loc == ("format",):
        return "format: must be 'balint-scenario/1'", False
    if kind == "value_error" and loc == ("language",):
        return f"language: {error.get('ctx', {}).get('error', error['msg'])}", False
    if kind == "string_pattern_mismatch" and len(loc) >= 3 and loc[-1] == "[key]" and loc[-3] in ("set", "carries"):
        # A flag or counter name (set: / carries:): it appears in conditions, so no '-' or '.'.
        return (
            f"{_format_loc(loc[:-2])}: '{error.get('input')}' is not a valid name "
            "(letters, digits and '_', not starting with a digit)",
            True,
        )
    if kind == "string_pattern_mismatch":
        value = error.get("input")
        allowed = (
            "lowercase letters, digits and '-'" if loc == ("id",) else "letters, digits, '-', '_' and '.'"
        )
        return f"{where}: '{value}' is not a valid id ({allowed})", False
    if kind == "too_short" and loc and loc[-1] == "options":
        return f"{where}: a decision needs at least 2 options", False
    if kind == "too_long" and loc and loc[-1] == "options":
        return f"{where}: a decision has at most 8 options", False
    if kind == "too_short" and loc and loc[-1] == "experts":
        return f"{where}: no expert votes: the decision cannot be scored", False
    return f"{where}: {error['msg']}", False


def _schema_problems(doc: YamlDocument, filename: str, exc: ValidationError) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        message, at_key = _describe_error(error, doc.data)
        loc = error["loc"]
        if loc and loc[-1] == "[key]":  # pydantic's marker for a bad dict key: point at the key
            line, column = doc.position(loc[:-1], key=True)
        else:
            line, column = doc.position(loc, key=at_key)
        problems.append(Problem(filename, line, column, message))
    return problems


def _as_dict(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _cross_check(data: dict[str, Any], doc: YamlDocument, filename: str) -> list[Problem]:
    """Checks that need the whole document: references, uniqueness, order.

    Works on the raw data (defensively) rather than on the model, so these
    problems are reported together with shape errors in a single pass.
    """
    problems: list[Problem] = []

    def report(path: Sequence[Any], message: str, *, key: bool = False) -> None:
        line, column = doc.position(path, key=key)
        problems.append(Problem(filename, line, column, message))

    people = _as_dict(data.get("people"))
    presenters = [pid for pid, p in people.items() if _as_dict(p).get("kind") == "presenter"]
    if "people" in data and not presenters:
        report(("people",), "people: no presenter (exactly one person needs kind: presenter)")
    for pid in presenters[1:]:
        report(("people", pid, "kind"), f"people: more than one presenter ('{presenters[0]}' and '{pid}')")
    if "leader" in people:
        report(("people", "leader"), "people: the id 'leader' is reserved for the trainee", key=True)

    extra = _as_dict(data.get("competencies"))
    known_competencies = set(BUILTIN_COMPETENCIES) | {str(k) for k in extra}
    speakers = {str(k) for k in people} | {"leader"}
    decision_ids: dict[str, int] = {}
    last_phase = -1
    seen_phases: dict[str, int] = {}
    decisions = 0

    def check_say(step: dict[Any, Any], path: tuple[Any, ...]) -> None:
        speaker = step.get("say")
        if isinstance(speaker, str) and people and speaker not in speakers:
            report((*path, "say"), f"unknown person '{speaker}' (not in people, and not 'leader')")

    script = _as_list(data.get("script"))
    for index, raw_step in enumerate(script):
        step = _as_dict(raw_step)
        path: tuple[Any, ...] = ("script", index)
        phase = step.get("phase")
        if isinstance(phase, str) and phase in PHASES:
            order = PHASES.index(phase)
            if phase in seen_phases:
                report(
                    (*path, "phase"),
                    f"phase '{phase}' appears twice (first at step {seen_phases[phase] + 1})",
                )
            elif order < last_phase:
                report((*path, "phase"), f"phase '{phase}' is out of order (after '{PHASES[last_phase]}')")
            seen_phases.setdefault(phase, index)
            last_phase = max(last_phase, order)
        if "say" in step:
            check_say(step, path)
        if "decision" not in step:
            continue
        decisions += 1
        decision_id = str(step.get("decision"))
        if decision_id in decision_ids:
            report(
                (*path, "decision"),
                f"duplicate decision id '{decision_id}' (also step {decision_ids[decision_id] + 1})",
            )
        else:
            decision_ids[decision_id] = index
        competency = step.get("competency")
        if isinstance(competency, str) and competency not in known_competencies:
            report(
                (*path, "competency"),
                f"unknown competency '{competency}' (built-in: {', '.join(BUILTIN_COMPETENCIES)}; "
                "or declare it under 'competencies')",
            )
        options: dict[str, int] = {}
        for o_index, raw_option in enumerate(_as_list(step.get("options"))):
            option = _as_dict(raw_option)
            option_id = option.get("id")
            if not isinstance(option_id, str):
                continue
            if option_id in options:
                report(
                    (*path, "options", o_index, "id"),
                    f"duplicate option id '{option_id}' in decision '{decision_id}'",
                )
            options.setdefault(option_id, o_index)
            for t_index, then_step in enumerate(_as_list(option.get("then"))):
                if isinstance(then_step, dict) and "say" in then_step:
                    check_say(then_step, (*path, "options", o_index, "then", t_index))
        experts: dict[str, int] = {}
        for e_index, raw_annotation in enumerate(_as_list(step.get("experts"))):
            annotation = _as_dict(raw_annotation)
            e_path = (*path, "experts", e_index)
            expert = annotation.get("expert")
            if isinstance(expert, str):
                if expert in experts:
                    report((*e_path, "expert"), f"expert '{expert}' annotates decision '{decision_id}' twice")
                experts.setdefault(expert, e_index)
            best = annotation.get("best")
            if isinstance(best, str) and options and best not in options:
                report((*e_path, "best"), f"vote for unknown option '{best}' (options: {', '.join(options)})")
            for option_id in _as_dict(annotation.get("ratings")):
                if options and str(option_id) not in options:
                    report(
                        (*e_path, "ratings", option_id), f"rating for unknown option '{option_id}'", key=True
                    )
    if "script" in data and isinstance(data.get("script"), list) and decisions == 0:
        report(("script",), "script: no decision (a scenario needs at least one)")
    return problems


def _markdown_problems(data: Any, doc: YamlDocument, filename: str) -> list[Problem]:
    """Markdown the app could not display (too deep, too long), at the field's position.

    What validates must also display: the same bound guards the renderer.
    """
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, str) and key in _MARKDOWN_KEYS:
                    message = markdown_problem(item)
                    if message is not None:
                        line, column = doc.position((*path, key))
                        problems.append(
                            Problem(filename, line, column, f"{_format_loc((*path, key))}: {message}")
                        )
                elif isinstance(item, dict | list):
                    stack.append((item, (*path, key)))
        elif isinstance(value, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(value))
    return problems


def load_scenario_bytes(
    raw: bytes | str, filename: str, *, max_bytes: int = MAX_FILE_BYTES
) -> LoadedScenario:
    """Parse and validate one scenario. Never raises for bad input.

    Any exception at all becomes a problem: one broken file must never stop a library,
    a pack or a bundle from loading with a traceback.
    """
    if isinstance(raw, bytes):
        from balint_trainer.core.fastload import fast_load

        try:
            fast = fast_load(raw, filename, max_bytes)
        except Exception:  # the positioned path below decides what is wrong
            fast = None
        if fast is not None:  # valid without a problem: no positions needed
            return fast
    try:
        return _load_scenario_bytes(raw, filename, max_bytes)
    except Exception as exc:  # the last line of defence
        raw_bytes = raw.encode("utf-8", "replace") if isinstance(raw, str) else raw
        digest = hashlib.sha256(raw_bytes).hexdigest()
        return LoadedScenario(filename, digest, None, None, [exception_problem(filename, exc)])


def _load_scenario_bytes(raw: bytes | str, filename: str, max_bytes: int) -> LoadedScenario:
    """The work of :func:`load_scenario_bytes`.

    When the YAML does not parse, the syntax error comes first and the problems
    of a tolerant re-parse (:mod:`balint_trainer.core.yaml_hints`) follow it.
    """
    raw_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    digest = hashlib.sha256(raw_bytes).hexdigest()
    doc = parse_yaml(raw_bytes, filename, max_bytes=max_bytes)
    text = raw if isinstance(raw, str) else None
    if doc.data is None and doc.problems:
        problems = list(doc.problems)
        if doc.syntax_source is not None:
            problems.extend(_problems_after_recovery(doc.syntax_source, filename))
        return LoadedScenario(filename, digest, text, None, problems)
    problems = list(doc.problems)
    if not isinstance(doc.data, dict):
        line, column = doc.position(())
        problems.append(
            Problem(
                filename, line, column, "a scenario file must be a mapping of keys (format, id, title, …)"
            )
        )
        return LoadedScenario(filename, digest, text, None, problems)
    scenario, shape_problems = _validate_data(doc, filename)
    problems = sorted(set(problems + shape_problems))
    if text is None:
        text = doc.text  # decoded once, by the parser
    valid = scenario is not None and not any(p.is_error for p in problems)
    return LoadedScenario(filename, digest, text, scenario if valid else None, problems)


def _validate_data(doc: YamlDocument, filename: str) -> tuple[Scenario | None, list[Problem]]:
    """Schema and cross-checks of a parsed mapping."""
    from pydantic import ValidationError

    from balint_trainer.core.model import Scenario

    problems: list[Problem] = []
    scenario: Scenario | None
    try:
        scenario = Scenario.model_validate(doc.data)
    except ValidationError as exc:
        scenario = None
        problems.extend(_schema_problems(doc, filename, exc))
    problems.extend(_cross_check(doc.data, doc, filename))
    if scenario is not None:
        from balint_trainer.core.followup import carries_problems
        from balint_trainer.core.script_state import flow_problems

        problems.extend(carries_problems(scenario, doc, filename))
        problems.extend(flow_problems(scenario, doc, filename))
    problems.extend(_markdown_problems(doc.data, doc, filename))
    return scenario, problems


def _problems_after_recovery(text: str, filename: str) -> list[Problem]:
    """The file's other problems, found in a copy with the broken lines patched (never saved).

    Further syntax errors met while patching are listed too, with their hints; other
    problems on the patched lines are left out (they would describe the patch).
    """
    from balint_trainer.core.yaml_hints import recover

    try:
        recovery = recover(text)
    except Exception:  # the re-parse is a courtesy: the syntax error is already reported
        return []
    if recovery is None:
        return []
    from balint_trainer.core.yaml_hints import syntax_hint

    # Later syntax errors the repair met (the first one is already reported), each with its hint.
    problems = []
    for error in recovery.errors[1:]:
        message = " ".join(part for part in (error.context, error.problem) if part)
        hint = syntax_hint(text, error)
        problems.append(
            Problem(
                filename,
                error.line + 1,
                error.column + 1,
                f"YAML syntax: {message}" + (f"; hint: {hint}" if hint else ""),
            )
        )
    doc = parse_yaml(recovery.text, filename)
    problems += [p for p in doc.problems if p.line not in recovery.lines]
    if not isinstance(doc.data, dict):
        return problems
    _scenario, shape_problems = _validate_data(doc, filename)
    problems.extend(p for p in shape_problems if p.line not in recovery.lines)
    return sorted(set(problems))


def load_scenario_file(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> LoadedScenario:
    name = str(path)
    try:
        raw = read_limited(path, max_bytes)  # refuses FIFOs and devices; never reads past the limit
    except UntrustedInputError as exc:
        return LoadedScenario(name, "", None, None, exc.problems)
    return load_scenario_bytes(raw, name, max_bytes=max_bytes)




def validate_paths(paths: Iterable[str | Path]) -> list[LoadedScenario]:
    """Validate files and folders; scenario ids must be unique across all of them."""
    return list(iter_validated(paths))


def iter_validated(paths: Iterable[str | Path]) -> Iterator[LoadedScenario]:
    """:func:`validate_paths` one file at a time: nothing is kept but each id's first file."""
    first_by_id: dict[str, str] = {}
    for path in iter_scenario_paths(paths):
        result = load_scenario_file(path)
        if result.scenario is not None:
            problem = unique_id_problem(result.filename, result.text, result.scenario.id, first_by_id)
            if problem is not None:
                result.problems.append(problem)
                result.scenario = None
        yield result


def unique_id_problem(
    filename: str, text: str | None, scenario_id: str, first_by_id: dict[str, str]
) -> Problem | None:
    """The problem of a valid file whose id an earlier file has (``first_by_id`` remembers them)."""
    if scenario_id not in first_by_id:
        first_by_id[scenario_id] = filename
        return None
    doc = parse_yaml(text or "", filename)
    line, column = doc.position(("id",))
    return Problem(
        filename, line, column, f"duplicate scenario id '{scenario_id}' (also in {first_by_id[scenario_id]})"
    )
