"""State and branching of a scenario's script: what the group remembers, where it goes.

- :class:`ScriptState` is what a session carries: flags and counters options ``set``.
- :func:`flow_problems` checks a parsed scenario's branching (labels, ``goto``, ``when``,
  ``no-intervention``): undefined flags, unknown labels, loops, unreachable steps and decisions
  no path shows. Every problem is reported at its position in the file.

Paths are explored exactly (each reachable pair of step and state, with a budget): the state
space is small because only decisions change state.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from balint_trainer.core.conditions import Compare, ConditionError, names, parse_condition
from balint_trainer.core.model import DecisionStep, GotoStep, Option, Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.yamlsource import YamlDocument

# (step index, state) pairs explored before the path checks give up (no false alarms then).
PATH_BUDGET = 50_000
END = -1


@dataclass
class ScriptState:
    """Flags (bool) and counters (int); anything never set reads as false / 0."""

    values: dict[str, bool | int] = field(default_factory=dict)

    def apply(self, option: Option) -> None:
        self.values = applied(self.values, option)

    def holds(self, when: str | None) -> bool:
        if when is None:
            return True
        try:
            return parse_condition(when).holds(self.values)
        except ConditionError:  # validation refuses these; an unvalidated file just skips the step
            return False


def applied(values: Mapping[str, bool | int], option: Option) -> dict[str, bool | int]:
    out = dict(values)
    for name, value in (option.set or {}).items():
        if isinstance(value, bool):
            out[name] = value
        else:
            out[name] = int(out.get(name, 0)) + value
    return out


def labels(scenario: Scenario) -> dict[str, int]:
    """Label -> index of its top-level step (the first one wins)."""
    out: dict[str, int] = {}
    for index, step in enumerate(scenario.script):
        if step.label is not None:
            out.setdefault(step.label, index)
    return out


def successors(
    scenario: Scenario, index: int, targets: Mapping[str, int]
) -> Iterator[tuple[int, Option | None]]:
    """Where a step can lead (ignoring conditions): ``(next index or END, option taken)``."""
    step = scenario.script[index]
    following = index + 1 if index + 1 < len(scenario.script) else END
    if step.when is not None:
        yield following, None
    if isinstance(step, GotoStep):
        yield targets.get(step.goto, END), None
    elif isinstance(step, DecisionStep):
        for option in step.options:
            yield (targets.get(option.goto, END) if option.goto else following), option
    elif step.when is None:
        yield following, None


@dataclass
class _Context:
    doc: YamlDocument
    filename: str
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: Sequence[Any], message: str, *, key: bool = False) -> None:
        line, column = self.doc.position(path, key=key)
        self.problems.append(Problem(self.filename, line, column, message))


def _defined_names(scenario: Scenario, ctx: _Context) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for index, step in enumerate(scenario.script):
        if not isinstance(step, DecisionStep):
            continue
        for o_index, option in enumerate(step.options):
            for name, value in (option.set or {}).items():
                kind = "flag" if isinstance(value, bool) else "counter"
                if kinds.setdefault(name, kind) != kind:
                    ctx.report(
                        ("script", index, "options", o_index, "set", name),
                        f"'{name}' is set as a {kinds[name]} elsewhere and as a {kind} here",
                        key=True,
                    )
    return kinds


def _check_condition(when: str, path: tuple[Any, ...], kinds: Mapping[str, str], ctx: _Context) -> bool:
    try:
        condition = parse_condition(when)
    except ConditionError as exc:
        ctx.report(path, f"when: {exc} (at character {exc.column} of the condition)")
        return False
    ok = True
    for ref in names(condition):
        kind = kinds.get(ref.name)
        if kind is None:
            known = ", ".join(sorted(kinds)) or "none: no option sets anything"
            follow_up = isinstance(ctx.doc.data, dict) and ("follows" in ctx.doc.data or "carries" in ctx.doc.data)
            carried = " nor does 'carries' declare it" if follow_up else ""
            ctx.report(
                path, f"when: undefined flag '{ref.name}' (no option sets it{carried}; defined: {known})"
            )
            ok = False
        elif isinstance(ref, Compare) and kind == "flag":
            ctx.report(path, f"when: '{ref.name}' is a flag (true/false); only counters compare with numbers")
            ok = False
    return ok


def _find_cycle(scenario: Scenario, targets: Mapping[str, int]) -> tuple[int, int] | None:
    """A loop in the step graph, as (step that jumps back, its target), or None."""
    colour = [0] * len(scenario.script)  # 0 new, 1 on the stack, 2 done
    for start in range(len(scenario.script)):
        if colour[start]:
            continue
        stack: list[tuple[int, Iterator[tuple[int, Option | None]]]] = [
            (start, successors(scenario, start, targets))
        ]
        colour[start] = 1
        while stack:
            node, edges = stack[-1]
            for target, _ in edges:
                if target == END:
                    continue
                if colour[target] == 1:
                    return node, target
                if colour[target] == 0:
                    colour[target] = 1
                    stack.append((target, successors(scenario, target, targets)))
                    break
            else:
                colour[node] = 2
                stack.pop()
    return None


def _goto_path(scenario: Scenario, index: int) -> tuple[Any, ...]:
    step = scenario.script[index]
    if isinstance(step, GotoStep):
        return ("script", index, "goto")
    if isinstance(step, DecisionStep):
        for o_index, option in enumerate(step.options):
            if option.goto:
                return ("script", index, "options", o_index, "goto")
    return ("script", index)


def explore(
    scenario: Scenario, budget: int = PATH_BUDGET, starts: Sequence[Mapping[str, bool | int]] = ({},)
) -> tuple[set[int], set[int]] | None:
    """Steps reached and steps *shown* on some path (exact), or None past the budget.

    ``starts``: the states a session may begin in (a follow-up's inherited ones)."""
    targets = labels(scenario)
    seen = {(0, tuple(sorted(start.items()))) for start in starts}
    queue = deque(seen)
    reached: set[int] = set()
    shown: set[int] = set()
    while queue:
        if len(seen) > budget:
            return None
        index, frozen = queue.popleft()
        if index == END or index >= len(scenario.script):
            continue
        reached.add(index)
        step = scenario.script[index]
        state = dict(frozen)
        following = index + 1 if index + 1 < len(scenario.script) else END
        nexts: list[tuple[int, dict[str, bool | int]]] = []
        if not ScriptState(state).holds(step.when):
            nexts.append((following, state))
        else:
            shown.add(index)
            if isinstance(step, GotoStep):
                nexts.append((targets.get(step.goto, END), state))
            elif isinstance(step, DecisionStep):
                for option in step.options:
                    target = targets.get(option.goto, END) if option.goto else following
                    nexts.append((target, applied(state, option)))
            else:
                nexts.append((following, state))
        for target, values in nexts:
            item = (target, tuple(sorted(values.items())))
            if item not in seen:
                seen.add(item)
                queue.append(item)
    return reached, shown


def decisions_ahead(
    scenario: Scenario,
    index: int,
    values: Mapping[str, bool | int],
    targets: Mapping[str, int] | None = None,
    budget: int = PATH_BUDGET,
) -> tuple[int, int] | None:
    """Fewest and most decisions shown from script step ``index`` (END: none) to the end,
    given the state ``values``; None on a loop or past the budget (too many paths to count)."""
    targets = labels(scenario) if targets is None else targets
    memo: dict[tuple[int, tuple[tuple[str, bool | int], ...]], tuple[int, int]] = {}
    on_stack: set[tuple[int, tuple[tuple[str, bool | int], ...]]] = set()

    def key(at: int, state: Mapping[str, bool | int]) -> tuple[int, tuple[tuple[str, bool | int], ...]]:
        return (at, tuple(sorted(state.items())))

    def children(at: int, state: dict[str, bool | int]) -> tuple[int, list[tuple[int, dict[str, bool | int]]]]:
        """(decisions shown at this step, where it leads)."""
        step = scenario.script[at]
        following = at + 1 if at + 1 < len(scenario.script) else END
        if not ScriptState(state).holds(step.when):
            return 0, [(following, state)]
        if isinstance(step, GotoStep):
            return 0, [(targets.get(step.goto, END), state)]
        if isinstance(step, DecisionStep):
            return 1, [
                (targets.get(o.goto, END) if o.goto else following, applied(state, o)) for o in step.options
            ]
        return 0, [(following, state)]

    # Depth-first with an explicit stack: long scripts must not hit Python's recursion limit.
    start = key(index, values)
    stack: list[tuple[tuple[int, tuple[tuple[str, bool | int], ...]], int, list[Any]]] = []

    def push(node: tuple[int, tuple[tuple[str, bool | int], ...]]) -> None:
        shown, nexts = children(node[0], dict(node[1]))
        stack.append((node, shown, [key(t, v) for t, v in nexts]))
        on_stack.add(node)

    if index == END or index >= len(scenario.script):
        return (0, 0)
    push(start)
    while stack:
        if len(memo) + len(stack) > budget:
            return None
        node, shown, nexts = stack[-1]
        pending = next((n for n in nexts if n[0] != END and n not in memo), None)
        if pending is not None:
            if pending in on_stack:
                return None  # a loop (validation refuses them; unvalidated files stay safe)
            push(pending)
            continue
        ranges = [memo[n] if n[0] != END else (0, 0) for n in nexts]
        memo[node] = (shown + min(r[0] for r in ranges), shown + max(r[1] for r in ranges))
        on_stack.discard(node)
        stack.pop()
    return memo[start]


def flow_problems(scenario: Scenario, doc: YamlDocument, filename: str) -> list[Problem]:
    """Problems of a shape-valid scenario's state and branching (none for a plain script)."""
    ctx = _Context(doc, filename)
    kinds = _defined_names(scenario, ctx)
    for name, value in (scenario.carries or {}).items():  # a clash is core.followup's report
        kinds.setdefault(name, "flag" if isinstance(value, bool) else "counter")
    targets: dict[str, int] = {}
    conditions_ok = True
    for index, step in enumerate(scenario.script):
        path: tuple[Any, ...] = ("script", index)
        if step.label is not None:
            if step.label in targets:
                ctx.report(
                    (*path, "label"), f"duplicate label '{step.label}' (also step {targets[step.label] + 1})"
                )
            targets.setdefault(step.label, index)
        if step.when is not None:
            conditions_ok &= _check_condition(step.when, (*path, "when"), kinds, ctx)
        if isinstance(step, DecisionStep):
            ids = [o.id for o in step.options]
            if step.no_intervention is not None and step.no_intervention not in ids:
                ctx.report(
                    (*path, "no-intervention"),
                    f"no-intervention: '{step.no_intervention}' is not an option of decision "
                    f"'{step.decision}' (options: {', '.join(ids)})",
                )
            for o_index, option in enumerate(step.options):
                for t_index, line in enumerate(option.then):
                    t_path = (*path, "options", o_index, "then", t_index)
                    if line.label is not None:
                        ctx.report(
                            (*t_path, "label"), "label: only script steps take a label, not 'then' lines"
                        )
                    if line.when is not None:
                        conditions_ok &= _check_condition(line.when, (*t_path, "when"), kinds, ctx)
    jumps_ok = True
    for index, step in enumerate(scenario.script):
        gotos: list[tuple[tuple[Any, ...], str]] = []
        if isinstance(step, GotoStep):
            gotos.append((("script", index, "goto"), step.goto))
        if isinstance(step, DecisionStep):
            gotos.extend(
                (("script", index, "options", o_index, "goto"), o.goto)
                for o_index, o in enumerate(step.options)
                if o.goto
            )
        for path, label in gotos:
            if label not in targets:
                known = ", ".join(targets) or "none"
                ctx.report(path, f"goto: unknown label '{label}' (labels: {known})")
                jumps_ok = False
    if not jumps_ok:
        return ctx.problems
    cycle = _find_cycle(scenario, targets)
    if cycle is not None:
        source, target = cycle
        ctx.report(
            _goto_path(scenario, source),
            f"goto: a loop back to step {target + 1} that can repeat forever "
            "(a session never plays a step twice: jump forward only)",
        )
        return ctx.problems
    if not conditions_ok:
        return ctx.problems
    from balint_trainer.core.followup import start_states

    explored = explore(scenario, starts=start_states(scenario))
    if explored is None:
        return ctx.problems
    reached, shown = explored
    previous_unreached = False
    for index, step in enumerate(scenario.script):
        path = ("script", index)
        if index not in reached:
            if not previous_unreached:  # one report per run of unreachable steps
                ctx.report(path, f"step {index + 1} is unreachable: no path through the script gets here")
            previous_unreached = True
            continue
        previous_unreached = False
        if isinstance(step, DecisionStep) and index not in shown:
            ctx.report(
                (*path, "when"),
                f"decision '{step.decision}' is skipped on every path (its 'when' never holds where it is reached)",
            )
    return ctx.problems
