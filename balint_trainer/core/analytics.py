"""Cohort item analysis over stored answers (pure Python, no Qt, no database).

Input is a flat sequence of answer rows (anything with the attributes of
:class:`AnswerRow`), typically from ``ReviewService.answer_rows()``.

Conventions
-----------
- An *item* is one decision of one scenario: ``(scenario_id, decision_id)``.
- *Full credit* means ``credit >= 1.0`` (the chosen option is a panel modal
  option). **Facility** is the share of answers with full credit; **mean
  credit** is the plain mean of the SCT credits.
- **Discrimination** is the classic upper–lower index on credits: rank the
  attempts *of the item's scenario* by attempt total (stored total, or
  100 × mean credit of the attempt's rows when no total is stored), take the
  top and bottom 27 % (``k = max(1, round(0.27 × N))``, at most ``N // 2``),
  and subtract the lower group's mean item credit from the upper group's.
  Attempts that did not answer the item are left out of both means. Ties are
  broken by attempt id so the result is deterministic. The attempt total
  includes the item itself (uncorrected index). It is ``None`` with fewer
  than :data:`MIN_ATTEMPTS_FOR_DISCRIMINATION` attempts, when every attempt
  has the same total, or when a group has no answer to the item; with fewer
  than :data:`RELIABLE_ATTEMPTS` attempts it is returned but flagged
  ``small_sample`` (one attempt more or less can swing it by a lot).
- The **most-chosen wrong option** is the option without full credit that
  most answers picked (ties: the option seen first in input order); its
  *share* is relative to all answers to the item.

Two dict passes over the rows: 100 000 answers take well under a second.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple, Protocol

UPPER_LOWER_FRACTION = 0.27
MIN_ATTEMPTS_FOR_DISCRIMINATION = 2
RELIABLE_ATTEMPTS = 20
_FULL = 1.0 - 1e-9  # credits are ratios of small integers; allow float noise


class AnswerRowLike(Protocol):
    @property
    def attempt_id(self) -> int: ...
    @property
    def profile_id(self) -> int: ...
    @property
    def scenario_id(self) -> str: ...
    @property
    def decision_id(self) -> str: ...
    @property
    def option_id(self) -> str: ...
    @property
    def credit(self) -> float: ...
    @property
    def attempt_total(self) -> float | None: ...


class AnswerRow(NamedTuple):
    """One stored answer with the context item analysis needs."""

    attempt_id: int
    profile_id: int
    scenario_id: str
    decision_id: str
    option_id: str
    credit: float
    attempt_total: float | None


@dataclass(frozen=True)
class ItemStats:
    scenario_id: str
    decision_id: str
    n: int
    facility: float
    mean_credit: float
    discrimination: float | None
    upper_n: int  # answers to this item in the upper group
    lower_n: int
    attempts: int  # attempts of the scenario the groups were drawn from
    wrong_option: str | None
    wrong_share: float | None
    choices: dict[str, int] = field(default_factory=dict)  # option id -> answers, most chosen first
    median_seconds: float | None = None  # time to decide (answers that measured it); SQL only
    timeouts: int = 0  # answers recorded because real time ran out; SQL only

    @property
    def small_sample(self) -> bool:
        return self.attempts < RELIABLE_ATTEMPTS

    def choice_shares(self) -> dict[str, float]:
        return {option: count / self.n for option, count in self.choices.items()} if self.n else {}


class _Item:
    __slots__ = ("choices", "credit_sum", "full", "n", "wrong")

    def __init__(self) -> None:
        self.n = 0
        self.full = 0
        self.credit_sum = 0.0
        self.choices: dict[str, int] = {}
        self.wrong: dict[str, int] = {}


def group_size(attempts: int) -> int:
    """Size of each of the upper and lower groups for ``attempts`` ranked attempts."""
    if attempts < MIN_ATTEMPTS_FOR_DISCRIMINATION:
        return 0
    return min(max(1, round(UPPER_LOWER_FRACTION * attempts)), attempts // 2)


def _extreme_groups(totals: Mapping[int, float]) -> tuple[set[int], set[int]] | None:
    k = group_size(len(totals))
    if k == 0:
        return None
    ranked = sorted(totals, key=lambda attempt: (totals[attempt], attempt))
    if totals[ranked[0]] == totals[ranked[-1]]:
        return None  # no spread: upper and lower would differ only by tie-breaking
    return set(ranked[-k:]), set(ranked[:k])


def item_analysis(rows: Iterable[AnswerRowLike]) -> list[ItemStats]:
    """Item statistics per (scenario, decision), in first-seen order."""
    items: dict[tuple[str, str], _Item] = {}
    stored_totals: dict[str, dict[int, float | None]] = {}
    fallback: dict[int, list[float]] = {}  # attempt -> [credit sum, count] for attempts without total
    kept: list[AnswerRowLike] = []

    for row in rows:
        kept.append(row)
        key = (row.scenario_id, row.decision_id)
        item = items.get(key)
        if item is None:
            item = items[key] = _Item()
        credit = row.credit
        option = row.option_id
        item.n += 1
        item.credit_sum += credit
        item.choices[option] = item.choices.get(option, 0) + 1
        if credit >= _FULL:
            item.full += 1
        else:
            item.wrong[option] = item.wrong.get(option, 0) + 1
        totals = stored_totals.get(row.scenario_id)
        if totals is None:
            totals = stored_totals[row.scenario_id] = {}
        totals[row.attempt_id] = row.attempt_total
        if row.attempt_total is None:
            acc = fallback.get(row.attempt_id)
            if acc is None:
                fallback[row.attempt_id] = [credit, 1.0]
            else:
                acc[0] += credit
                acc[1] += 1.0

    groups: dict[str, tuple[set[int], set[int]] | None] = {}
    attempt_counts: dict[str, int] = {}
    for scenario_id, totals in stored_totals.items():
        resolved = {
            attempt: (total if total is not None else 100.0 * fallback[attempt][0] / fallback[attempt][1])
            for attempt, total in totals.items()
        }
        groups[scenario_id] = _extreme_groups(resolved)
        attempt_counts[scenario_id] = len(resolved)

    # Second pass only over the rows of scenarios with usable groups.
    upper_sum: dict[tuple[str, str], list[float]] = {}
    lower_sum: dict[tuple[str, str], list[float]] = {}
    for row in kept:
        split = groups[row.scenario_id]
        if split is None:
            continue
        upper, lower = split
        if row.attempt_id in upper:
            target = upper_sum
        elif row.attempt_id in lower:
            target = lower_sum
        else:
            continue
        key = (row.scenario_id, row.decision_id)
        acc = target.get(key)
        if acc is None:
            target[key] = [row.credit, 1.0]
        else:
            acc[0] += row.credit
            acc[1] += 1.0

    result: list[ItemStats] = []
    for (scenario_id, decision_id), item in items.items():
        key = (scenario_id, decision_id)
        up = upper_sum.get(key)
        low = lower_sum.get(key)
        discrimination = up[0] / up[1] - low[0] / low[1] if up and low else None
        wrong_option: str | None = None
        wrong_count = 0
        for option, count in item.wrong.items():
            if count > wrong_count:
                wrong_option, wrong_count = option, count
        result.append(
            ItemStats(
                scenario_id=scenario_id,
                decision_id=decision_id,
                n=item.n,
                facility=item.full / item.n,
                mean_credit=item.credit_sum / item.n,
                discrimination=discrimination,
                upper_n=int(up[1]) if up else 0,
                lower_n=int(low[1]) if low else 0,
                attempts=attempt_counts[scenario_id],
                wrong_option=wrong_option,
                wrong_share=wrong_count / item.n if wrong_option is not None else None,
                choices=dict(sorted(item.choices.items(), key=lambda kv: -kv[1])),
            )
        )
    return result


ITEM_COLUMNS: tuple[str, ...] = (
    "scenario",
    "decision",
    "answers",
    "facility",
    "mean_credit",
    "discrimination",
    "upper_n",
    "lower_n",
    "attempts",
    "wrong_option",
    "wrong_share",
    "choices",
)


def item_record(stats: ItemStats) -> dict[str, object]:
    """A flat, export-ready dict of one item (choices as ``a=3;b=1``)."""
    return {
        "scenario": stats.scenario_id,
        "decision": stats.decision_id,
        "answers": stats.n,
        "facility": stats.facility,
        "mean_credit": stats.mean_credit,
        "discrimination": stats.discrimination,
        "upper_n": stats.upper_n,
        "lower_n": stats.lower_n,
        "attempts": stats.attempts,
        "wrong_option": stats.wrong_option,
        "wrong_share": stats.wrong_share,
        "choices": ";".join(f"{option}={count}" for option, count in stats.choices.items()),
    }


class ProgressPointLike(Protocol):
    @property
    def finished_at(self) -> datetime | None: ...
    @property
    def competencies(self) -> Mapping[str, float]: ...


def competency_series(points: Sequence[ProgressPointLike]) -> dict[str, list[tuple[datetime, float]]]:
    """Per competency, its score (0..1) after each finished attempt that exercised it, in time order."""
    series: dict[str, list[tuple[datetime, float]]] = {}
    ordered = sorted((p for p in points if p.finished_at is not None), key=lambda p: p.finished_at)  # type: ignore[arg-type, return-value]
    for point in ordered:
        assert point.finished_at is not None
        for competency, value in point.competencies.items():
            series.setdefault(competency, []).append((point.finished_at, value))
    return series
