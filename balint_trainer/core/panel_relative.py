"""Scores on the panel's own scale (script-concordance style; Charlin et al. 2000, Gagnon et al. 2005).

A raw score of 70 means little on its own: on a contested case even the experts
do not agree with each other. So each expert is scored like a trainee against
the *rest* of the panel (leave-one-out: the expert's ``best`` choice gets the
credit the other experts' votes give it), over the same decisions the trainee
answered. The panel's mean and SD of those scores are the scale:

* z = (trainee − panel mean) / panel SD (sample SD, n − 1);
* scaled score = 80 + 5 z (the SCT convention: the panel averages 80, SD 5).

Decisions where the expert is the only voter give no leave-one-out credit and
are left out of that expert's score. Pure data in, numbers out (no Qt, no I/O).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from balint_trainer.core.model import DecisionStep

# |z| below this reads as "about as much as a typical panel member"
TYPICAL_Z = 1.0


@dataclass(frozen=True)
class PanelRelative:
    trainee: float  # raw score 0..100 over the decisions answered
    expert_scores: tuple[float, ...]  # leave-one-out score per expert (0..100)
    panel_mean: float
    panel_sd: float | None  # None with fewer than 2 experts
    z: float | None  # None when the SD is undefined or 0
    scaled: float | None  # 80 + 5 z

    def as_json(self) -> dict[str, object]:
        return {
            "trainee": round(self.trainee, 4),
            "panel_mean": round(self.panel_mean, 4),
            "panel_sd": None if self.panel_sd is None else round(self.panel_sd, 4),
            "z": None if self.z is None else round(self.z, 4),
            "scaled": None if self.scaled is None else round(self.scaled, 4),
            "experts": len(self.expert_scores),
        }


def leave_one_out_credit(bests: Sequence[str], index: int) -> float | None:
    """Credit of expert ``index``'s choice against the other experts' votes (None: nobody else voted)."""
    others: dict[str, int] = {}
    for i, best in enumerate(bests):
        if i != index:
            others[best] = others.get(best, 0) + 1
    top = max(others.values(), default=0)
    if top == 0:
        return None
    return others.get(bests[index], 0) / top


def expert_scores(panel: Sequence[Mapping[str, str]]) -> dict[str, float]:
    """Leave-one-out score (0..100) per expert; ``panel`` is one {expert: best} map per decision."""
    totals: dict[str, list[float]] = {}
    for decision in panel:
        experts = list(decision)
        bests = [decision[e] for e in experts]
        for index, expert in enumerate(experts):
            value = leave_one_out_credit(bests, index)
            totals.setdefault(expert, [])
            if value is not None:
                totals[expert].append(value)
    return {expert: 100 * sum(v) / len(v) for expert, v in totals.items() if v}


def panel_relative(panel: Sequence[Mapping[str, str]], trainee_score: float) -> PanelRelative | None:
    """Where ``trainee_score`` (0..100, over the same decisions) sits among the panel's own scores."""
    scores = list(expert_scores(panel).values())
    if not scores:
        return None
    mean = sum(scores) / len(scores)
    sd = math.sqrt(sum((s - mean) ** 2 for s in scores) / (len(scores) - 1)) if len(scores) > 1 else None
    z = (trainee_score - mean) / sd if sd else None
    return PanelRelative(trainee_score, tuple(scores), mean, sd, z, None if z is None else 80 + 5 * z)


def decision_panel(decision: DecisionStep) -> dict[str, str]:
    return {annotation.expert: annotation.best for annotation in decision.experts}


def for_answers(decisions: Sequence[DecisionStep], trainee_credits: Sequence[float]) -> PanelRelative | None:
    """Panel-relative result for a trainee's credits (0..1) on ``decisions`` (same order)."""
    if not decisions or len(decisions) != len(trainee_credits):
        return None
    trainee = 100 * sum(trainee_credits) / len(trainee_credits)
    return panel_relative([decision_panel(d) for d in decisions], trainee)


def band(result: PanelRelative) -> str:
    """A plain-language band: 'typical', 'above', 'below', 'far-below' or 'unknown' (no spread)."""
    if result.z is None:
        return "unknown"
    if abs(result.z) < TYPICAL_Z:
        return "typical"
    if result.z > 0:
        return "above"
    return "below" if result.z > -2 else "far-below"
