"""Reliability statistics a course can trust (Qt-free, pure Python).

* :func:`krippendorff_alpha` — agreement of an expert panel on ordinal 1–5 ratings, with
  missing ratings allowed (Krippendorff 2011, "Computing Krippendorff's alpha-reliability").
  Fleiss' kappa, which the format contract also reports, treats ratings as nominal and
  needs every expert to rate every option.
* :func:`cronbach_alpha` and :func:`item_rest_correlations` — internal consistency of a
  scenario's decisions over trainees' attempts, as Moodle's quiz statistics report them
  (Cronbach 1951; corrected item–total correlation: each item against the sum of the others).

Each is tested against an established implementation or a published worked example.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Fewer complete attempts than this: the figures are shown with a warning (Moodle, and the
# psychometric rule of thumb that alpha is unstable below a few dozen respondents).
MIN_ATTEMPTS = 30
MIN_ITEMS = 2


def krippendorff_alpha(units: Sequence[Mapping[str, int]], *, metric: str = "ordinal") -> float | None:
    """Krippendorff's alpha over ``units`` (e.g. options), each a map rater → value.

    Raters may be missing from any unit; units with fewer than two values are not pairable and
    are skipped. ``metric`` is "ordinal" (default, for 1–5 ratings), "interval" or "nominal".
    None where alpha is undefined (fewer than two pairable values, or no variation at all).
    """
    values = sorted({v for unit in units for v in unit.values()})
    index = {v: i for i, v in enumerate(values)}
    size = len(values)
    coincidences = [[0.0] * size for _ in range(size)]
    for unit in units:
        rated = list(unit.values())
        m = len(rated)
        if m < 2:
            continue
        for a in range(m):
            for b in range(m):
                if a != b:
                    coincidences[index[rated[a]]][index[rated[b]]] += 1.0 / (m - 1)
    marginals = [sum(row) for row in coincidences]
    n = sum(marginals)
    if n <= 1:
        return None

    def delta2(c: int, k: int) -> float:
        if metric == "nominal":
            return 0.0 if c == k else 1.0
        if metric == "interval":
            return float(values[c] - values[k]) ** 2
        if metric != "ordinal":
            raise ValueError(f"unknown metric {metric!r}")
        low, high = min(c, k), max(c, k)
        return (sum(marginals[low : high + 1]) - (marginals[c] + marginals[k]) / 2) ** 2

    observed = sum(coincidences[c][k] * delta2(c, k) for c in range(size) for k in range(size))
    expected = sum(marginals[c] * marginals[k] * delta2(c, k) for c in range(size) for k in range(size))
    if expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected


def _variance(xs: Sequence[float]) -> float:
    mean = sum(xs) / len(xs)
    return sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a respondents × items matrix (complete rows only).

    None with fewer than two respondents or items, or when total scores do not vary."""
    if len(matrix) < 2 or len(matrix[0]) < MIN_ITEMS:
        return None
    k = len(matrix[0])
    item_variance = sum(_variance([row[j] for row in matrix]) for j in range(k))
    total_variance = _variance([sum(row) for row in matrix])
    if total_variance == 0:
        return None
    return k / (k - 1) * (1 - item_variance / total_variance)


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_rest_correlations(matrix: Sequence[Sequence[float]]) -> list[float | None]:
    """Per item, the Pearson correlation of the item with the sum of the other items
    (corrected item–total correlation). None for an item, or a rest, that does not vary."""
    if len(matrix) < 2 or not matrix[0]:
        return [None] * (len(matrix[0]) if matrix else 0)
    k = len(matrix[0])
    result: list[float | None] = []
    for j in range(k):
        item = [row[j] for row in matrix]
        rest = [sum(row) - row[j] for row in matrix]
        result.append(_pearson(item, rest))
    return result


@dataclass(frozen=True)
class ScenarioReliability:
    scenario_id: str
    decisions: list[str]  # the items, in script order
    attempts: int  # complete attempts used (every decision answered)
    alpha: float | None
    item_rest: dict[str, float | None]

    @property
    def small_sample(self) -> bool:
        return self.attempts < MIN_ATTEMPTS


def scenario_reliability(
    scenario_id: str, decisions: Sequence[str], credits_by_attempt: Mapping[int, Mapping[str, float]]
) -> ScenarioReliability:
    """Alpha and item–rest correlations of one scenario from its attempts' credits
    (attempt → decision id → credit); attempts missing a decision are left out."""
    rows = [
        [credits[d] for d in decisions]
        for credits in credits_by_attempt.values()
        if all(d in credits for d in decisions)
    ]
    item_rest = item_rest_correlations(rows) if rows else [None] * len(decisions)
    return ScenarioReliability(
        scenario_id,
        list(decisions),
        len(rows),
        cronbach_alpha(rows) if rows else None,
        dict(zip(decisions, item_rest, strict=True)),
    )
