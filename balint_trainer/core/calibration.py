"""Confidence calibration: how sure the trainee said they were against the credit they earned.

Certainty-based marking (Gardner-Medwin; Moodle's CBM) asks for confidence
before feedback. Calibrated answers earn more credit the surer they are. Levels
are 1 = unsure, 2 = fairly sure, 3 = sure; answers without a confidence are
left out. Pure data in, numbers out.
"""

from __future__ import annotations

from collections.abc import Iterable
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
