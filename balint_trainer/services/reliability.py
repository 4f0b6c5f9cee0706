"""Per-scenario internal consistency (Cronbach's alpha, item–rest correlations) for the cohort."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from balint_trainer.core.analytics import AnswerRow
from balint_trainer.core.psychometrics import ScenarioReliability, scenario_reliability


def reliabilities(
    rows: Iterable[AnswerRow], decisions_of: Callable[[str], Sequence[str] | None]
) -> list[ScenarioReliability]:
    """From answer rows of finished attempts: one result per scenario, items in the order of
    ``decisions_of(scenario_id)`` (the latest stored version's decisions; None skips it)."""
    credits: dict[str, dict[int, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        if row.attempt_total is not None:  # finished attempts only
            credits[row.scenario_id][row.attempt_id][row.decision_id] = row.credit
    result = []
    for scenario_id in sorted(credits):
        decisions = decisions_of(scenario_id)
        if decisions:
            result.append(scenario_reliability(scenario_id, decisions, credits[scenario_id]))
    return result
