"""Two sessions of one group: what a follow-up inherits from the earlier meeting.

A follow-up file (``follows: ID``) declares under ``carries`` the flags and counters it takes
over from the trainee's latest finished attempt of ``ID``, each with the value it has when
there is no such attempt. The earlier attempt's final state is recomputed from its stored
answers: the path through a script is deterministic given the answers (only decisions change
state), so nothing but the answers (and that attempt's own inherited start) needs storing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

from balint_trainer.core.conditions import Compare, ConditionError, names, parse_condition
from balint_trainer.core.model import NO_INTERVENTION, DecisionStep, GotoStep, Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.script_state import END, ScriptState, applied, labels
from balint_trainer.core.yamlsource import YamlDocument

State = dict[str, bool | int]
# Start states the path checks explore at most (see start_states).
MAX_START_STATES = 256


@dataclass(frozen=True)
class Inheritance:
    """The start of a follow-up attempt: the state, and the earlier attempt it came from.

    ``from_attempt`` is that attempt's uid, or None when the defaults apply (the trainee has
    not finished the earlier meeting)."""

    values: Mapping[str, bool | int]
    from_attempt: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"values": dict(self.values), "from": self.from_attempt}

    @classmethod
    def from_json(cls, data: Any) -> Inheritance | None:
        """Read back what :meth:`to_json` stored; None for anything else (never raises)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("values"), Mapping):
            return None
        values = {str(k): v for k, v in data["values"].items() if isinstance(v, bool) or type(v) is int}
        source = data.get("from")
        return cls(values, source if isinstance(source, str) else None)


def starting_state(scenario: Scenario, stored: Any) -> Inheritance | None:
    """How a session of ``scenario`` starts: the inheritance stored with its attempt, else
    (an unsaved session, an attempt from before follow-ups carried state) the defaults;
    None when the file carries nothing."""
    if not scenario.carries:
        return None
    found = Inheritance.from_json(stored)
    return found if found is not None else Inheritance(inherit(scenario, None))


def carried_defaults(scenario: Scenario) -> State:
    return dict(scenario.carries or {})


def _answer_pairs(answers: Iterable[Any] | Mapping[str, str]) -> dict[str, str]:
    if isinstance(answers, Mapping):
        return {str(k): str(v) for k, v in answers.items()}
    out: dict[str, str] = {}
    item: Any
    for item in answers:
        if isinstance(item, tuple):
            out[str(item[0])] = str(item[1])
        else:  # a stored answer (services.dto.Answer) or core.session.GivenAnswer
            out[item.decision_id] = item.option_id
    return out


def final_state(
    scenario: Scenario,
    answers: Iterable[Any] | Mapping[str, str],
    initial_state: Mapping[str, bool | int] | None = None,
) -> State:
    """The flags and counters at the end of an attempt, replaying the script with its answers.

    Follows exactly the rules of :class:`core.session.PracticeSession`: a step whose ``when``
    fails is skipped, an answered option ``set``s and may ``goto``; a decision shown but not
    answered (or timed out without a ``no-intervention`` option) changes nothing. Unknown
    decisions or options in ``answers`` are ignored (a changed file cannot break a replay).
    """
    given = _answer_pairs(answers)
    state = ScriptState({**carried_defaults(scenario), **(initial_state or {})})
    targets = labels(scenario)
    index = 0
    steps_played = 0
    while 0 <= index < len(scenario.script) and steps_played <= len(scenario.script):
        steps_played += 1  # a session never plays a step twice: a loop in a bad file ends here
        step = scenario.script[index]
        following = index + 1
        if not state.holds(step.when):
            index = following
            continue
        if isinstance(step, GotoStep):
            index = targets.get(step.goto, END)
            continue
        if isinstance(step, DecisionStep):
            chosen = given.get(step.decision)
            option = next((o for o in step.options if o.id == chosen), None)
            if option is not None and chosen != NO_INTERVENTION:
                state.values = applied(state.values, option)
                if option.goto:
                    index = targets.get(option.goto, END)
                    continue
        index = following
    return dict(state.values)


def inherit(follow_up: Scenario, earlier_final: Mapping[str, bool | int] | None) -> State:
    """The follow-up's starting state: each carried name takes the earlier meeting's final value
    when that meeting had it with the same kind (flag or counter), else the declared default."""
    out = carried_defaults(follow_up)
    for name, default in out.items():
        value = (earlier_final or {}).get(name)
        if value is None:
            continue
        if isinstance(default, bool) == isinstance(value, bool):
            out[name] = value
    return out


def start_states(scenario: Scenario) -> list[State]:
    """The states a session of this file may start in, for the path checks.

    Every combination of each carried flag's two values and, for each carried counter, its
    default and the values either side of every number the file compares it with (what an
    earlier meeting can leave it at, as far as the conditions can tell). Past
    ``MAX_START_STATES`` combinations, the defaults only (no false alarms are then possible,
    but some unreachable steps go unreported)."""
    defaults = carried_defaults(scenario)
    if not defaults:
        return [defaults]
    compared: dict[str, set[int]] = {}
    for when in _conditions(scenario):
        try:
            condition = parse_condition(when)
        except ConditionError:
            continue
        for ref in names(condition):
            if isinstance(ref, Compare):
                compared.setdefault(ref.name, set()).update((ref.value - 1, ref.value, ref.value + 1))
    choices: list[list[bool | int]] = []
    for name, value in defaults.items():
        if isinstance(value, bool):
            choices.append([False, True])
        else:
            choices.append(sorted({value, 0} | compared.get(name, set())))
    count = 1
    for values in choices:
        count *= len(values)
    if count > MAX_START_STATES:
        return [defaults]
    return [dict(zip(defaults, combo, strict=True)) for combo in product(*choices)]


def _conditions(scenario: Scenario) -> Iterator[str]:
    for step in scenario.script:
        if step.when is not None:
            yield step.when
        if isinstance(step, DecisionStep):
            for option in step.options:
                yield from (line.when for line in option.then if line.when is not None)


def carries_problems(scenario: Scenario, doc: YamlDocument, filename: str) -> list[Problem]:
    """Problems of ``carries`` in a shape-valid file, each at its position."""
    if not scenario.carries:
        return []
    problems: list[Problem] = []

    def report(path: tuple[Any, ...], message: str, *, key: bool = False) -> None:
        line, column = doc.position(path, key=key)
        problems.append(Problem(filename, line, column, message))

    if scenario.follows is None:
        report(
            ("carries",),
            "carries: only a follow-up inherits state; add 'follows: ID' of the earlier meeting",
            key=True,
        )
    kinds: dict[str, str] = {}
    for step in scenario.decisions:
        for option in step.options:
            for name, value in (option.set or {}).items():
                kinds.setdefault(name, "flag" if isinstance(value, bool) else "counter")
    for name, value in scenario.carries.items():
        kind = "flag" if isinstance(value, bool) else "counter"
        if kinds.get(name, kind) != kind:
            report(
                ("carries", name),
                f"carries: '{name}' is carried as a {kind} but an option sets it as a {kinds[name]}",
                key=True,
            )
    return problems
