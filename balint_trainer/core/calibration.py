"""Confidence calibration: how sure the trainee said they were against the credit they earned.

Certainty-based marking (Gardner-Medwin; Moodle's CBM) asks for confidence
before feedback. Calibrated answers earn more credit the surer they are. Levels
are 1 = unsure, 2 = fairly sure, 3 = sure; answers without a confidence are
left out. Pure data in, numbers out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

LEVELS = (1, 2, 3)


@dataclass(frozen=True)
class CalibrationPoint:
    level: int
    count: int
    mean_credit: float | None  # None when no answer had this level


def calibration(answers: Iterable[tuple[int | None, float]]) -> list[CalibrationPoint]:
    """One point per confidence level from (confidence, credit) pairs, in level order."""
    sums = {level: 0.0 for level in LEVELS}
    counts = {level: 0 for level in LEVELS}
    for level, credit in answers:
        if level in counts:
            sums[level] += credit
            counts[level] += 1
    return [
        CalibrationPoint(level, counts[level], sums[level] / counts[level] if counts[level] else None)
        for level in LEVELS
    ]


# Spaced-review answers are not rows of their own: each review card keeps a tally per level,
# ``{"1": [answers, sum of credit], ...}`` (services.review_cards), enough for the chart.
Tally = dict[str, list[float]]


def tallied(tally: Mapping[str, Sequence[float]] | None, level: int | None, credit: float) -> Tally:
    """``tally`` with one more answer of confidence ``level`` and ``credit`` (unchanged without a level)."""
    out: Tally = {}
    for key, value in (tally or {}).items():
        if key in _KEYS and len(value) == 2:
            out[key] = [float(value[0]), float(value[1])]
    if level in LEVELS:
        count, total = out.get(str(level), [0.0, 0.0])
        out[str(level)] = [count + 1, total + credit]
    return out


def merged_tallies(*tallies: Mapping[str, Sequence[float]] | None) -> Tally:
    """The sum of several tallies (two profiles' cards for one decision merged into one)."""
    out: Tally = {}
    for tally in tallies:
        for key, (count, total) in tallied(tally, None, 0.0).items():
            before = out.get(key, [0.0, 0.0])
            out[key] = [before[0] + count, before[1] + total]
    return out


def calibration_from_tallies(
    tallies: Iterable[Mapping[str, Sequence[float]] | None],
) -> list[CalibrationPoint]:
    """One point per level over the cards' tallies, like :func:`calibration` over answers."""
    total = merged_tallies(*tallies)
    points = []
    for level in LEVELS:
        count, credit_sum = total.get(str(level), [0.0, 0.0])
        n = round(count)
        points.append(CalibrationPoint(level, n, credit_sum / n if n else None))
    return points


_KEYS = {str(level) for level in LEVELS}
