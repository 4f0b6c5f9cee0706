"""Scoring and panel-agreement statistics, exactly as the format contract defines them.

- votes v(o): experts whose ``best`` is o; credit(o) = v(o) / max v (SCT aggregate scoring);
- scenario score: 100 × mean credit over the decisions answered;
- competency score: mean credit over that competency's answered decisions (0..1);
- panel agreement P = Σ v(o)(v(o)−1) / (n(n−1)); flagged when P < 0.5;
- Fleiss' kappa over ratings 1..5 (subjects = options) where every expert rates every option.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from balint_trainer.core.vocabulary import NO_INTERVENTION

if TYPE_CHECKING:  # the service layer scores stored answers without importing the model (pydantic)
    from balint_trainer.core.model import DecisionStep, Scenario

LOW_AGREEMENT = 0.5
RATING_CATEGORIES = (1, 2, 3, 4, 5)


class ScoringError(ValueError):
    """An answer that does not fit the scenario (unknown decision or option)."""


def votes(decision: DecisionStep) -> dict[str, int]:
    """Votes per option, in the decision's option order (options nobody chose get 0)."""
    counts = {option.id: 0 for option in decision.options}
    for annotation in decision.experts:
        if annotation.best in counts:
            counts[annotation.best] += 1
    return counts


def credits(decision: DecisionStep) -> dict[str, float]:
    counts = votes(decision)
    top = max(counts.values(), default=0)
    if top == 0:
        raise ScoringError(f"decision '{decision.decision}' has no expert votes and cannot be scored")
    return {option_id: count / top for option_id, count in counts.items()}


def credit(decision: DecisionStep, option_id: str) -> float:
    """An option's credit; no intervention in real time (not in the key) earns 0."""
    table = credits(decision)
    if option_id == NO_INTERVENTION:
        return 0.0
    if option_id not in table:
        raise ScoringError(
            f"decision '{decision.decision}' has no option '{option_id}' (options: {', '.join(table)})"
        )
    return table[option_id]


def modal_options(decision: DecisionStep) -> list[str]:
    counts = votes(decision)
    top = max(counts.values(), default=0)
    return [option_id for option_id, count in counts.items() if count == top and top > 0]


def panel_agreement(decision: DecisionStep) -> float | None:
    """Share of expert pairs that chose the same best option; None for fewer than 2 experts."""
    n = len(decision.experts)
    if n < 2:
        return None
    counts = votes(decision)
    return sum(v * (v - 1) for v in counts.values()) / (n * (n - 1))


def fleiss_kappa(table: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' kappa for a subjects × categories count table.

    Every row must sum to the same number of raters n ≥ 2. Returns None where
    kappa is undefined (no subjects, unequal or too few raters, or chance
    agreement of 1 because every rating fell in one category).
    """
    if not table:
        return None
    raters = sum(table[0])
    categories = len(table[0])
    if raters < 2 or any(sum(row) != raters or len(row) != categories for row in table):
        return None
    subjects = len(table)
    p_j = [sum(row[j] for row in table) / (subjects * raters) for j in range(categories)]
    p_i = [(sum(c * c for c in row) - raters) / (raters * (raters - 1)) for row in table]
    p_bar = sum(p_i) / subjects
    p_e = sum(p * p for p in p_j)
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1 - p_e)


def rating_table(decision: DecisionStep) -> list[list[int]] | None:
    """Options × rating-category counts, or None unless every expert rated every option."""
    option_ids = [option.id for option in decision.options]
    table = [[0] * len(RATING_CATEGORIES) for _ in option_ids]
    for annotation in decision.experts:
        ratings = annotation.ratings or {}
        if any(option_id not in ratings for option_id in option_ids):
            return None
        for row, option_id in enumerate(option_ids):
            table[row][ratings[option_id] - 1] += 1
    return table if decision.experts else None


def decision_kappa(decision: DecisionStep) -> float | None:
    table = rating_table(decision)
    return fleiss_kappa(table) if table is not None else None


def rating_units(decision: DecisionStep) -> list[dict[str, int]]:
    """Per option, expert → rating (experts who did not rate it are simply absent)."""
    return [
        {a.expert: a.ratings[option.id] for a in decision.experts if a.ratings and option.id in a.ratings}
        for option in decision.options
    ]


def decision_alpha(decision: DecisionStep) -> float | None:
    """Krippendorff's alpha (ordinal) over the options' ratings; missing ratings allowed."""
    from balint_trainer.core.psychometrics import krippendorff_alpha

    return krippendorff_alpha(rating_units(decision))


def pooled_alpha(decisions: Sequence[DecisionStep]) -> float | None:
    from balint_trainer.core.psychometrics import krippendorff_alpha

    return krippendorff_alpha([unit for decision in decisions for unit in rating_units(decision)])


def pooled_kappa(decisions: Sequence[DecisionStep]) -> float | None:
    """Kappa over the options of all fully rated decisions, if they share a rater count."""
    rows: list[list[int]] = []
    for decision in decisions:
        table = rating_table(decision)
        if table is not None:
            rows.extend(table)
    return fleiss_kappa(rows)


@dataclass(frozen=True)
class DecisionScore:
    id: str
    chosen: str
    credit: float
    competency: str


@dataclass(frozen=True)
class ScenarioScore:
    scenario: str
    total: float | None
    decisions: list[DecisionScore] = field(default_factory=list)
    competencies: dict[str, float] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "scenario": self.scenario,
            "total": self.total,
            "decisions": [
                {"id": d.id, "chosen": d.chosen, "credit": d.credit, "competency": d.competency}
                for d in self.decisions
            ],
            "competencies": dict(self.competencies),
        }


def score_credits(scenario_id: str, decision_credits: Sequence[DecisionScore]) -> ScenarioScore:
    """Aggregate already-computed credits (also used for stored attempts)."""
    if not decision_credits:
        return ScenarioScore(scenario_id, None, [], {})
    total = 100.0 * sum(d.credit for d in decision_credits) / len(decision_credits)
    by_competency: dict[str, list[float]] = {}
    for d in decision_credits:
        by_competency.setdefault(d.competency, []).append(d.credit)
    competencies = {cid: sum(vals) / len(vals) for cid, vals in by_competency.items()}
    return ScenarioScore(scenario_id, total, list(decision_credits), competencies)


def score_answers(scenario: Scenario, answers: Mapping[str, str]) -> ScenarioScore:
    """Score answers ``{decision id: option id}``; unanswered decisions do not count."""
    known = {d.decision: d for d in scenario.decisions}
    unknown = [d for d in answers if d not in known]
    if unknown:
        raise ScoringError(
            f"scenario '{scenario.id}' has no decision '{unknown[0]}' (decisions: {', '.join(known)})"
        )
    results = [
        DecisionScore(d.decision, answers[d.decision], credit(d, answers[d.decision]), d.competency)
        for d in scenario.decisions
        if d.decision in answers
    ]
    return score_credits(scenario.id, results)


@dataclass(frozen=True)
class OptionKey:
    id: str
    votes: int
    credit: float
    mean_rating: float | None


@dataclass(frozen=True)
class DecisionKey:
    id: str
    competency: str
    experts: int
    options: list[OptionKey]
    agreement: float | None
    kappa: float | None
    alpha: float | None = None  # Krippendorff's alpha, ordinal

    @property
    def low_agreement(self) -> bool:
        return self.agreement is not None and self.agreement < LOW_AGREEMENT


def decision_key(decision: DecisionStep) -> DecisionKey:
    counts = votes(decision)
    top = max(counts.values(), default=0)
    options = []
    for option in decision.options:
        ratings = [a.ratings[option.id] for a in decision.experts if a.ratings and option.id in a.ratings]
        options.append(
            OptionKey(
                option.id,
                counts[option.id],
                counts[option.id] / top if top else 0.0,
                sum(ratings) / len(ratings) if ratings else None,
            )
        )
    return DecisionKey(
        decision.decision,
        decision.competency,
        len(decision.experts),
        options,
        panel_agreement(decision),
        decision_kappa(decision),
        decision_alpha(decision),
    )


def scenario_key(scenario: Scenario) -> dict[str, object]:
    """The ``key --json`` report: votes, credits, agreement and kappa per decision."""
    keys = [decision_key(d) for d in scenario.decisions]
    return {
        "scenario": scenario.id,
        "decisions": [
            {
                "id": k.id,
                "competency": k.competency,
                "experts": k.experts,
                "options": [
                    {"id": o.id, "votes": o.votes, "credit": o.credit, "mean_rating": o.mean_rating}
                    for o in k.options
                ],
                "agreement": k.agreement,
                "low_agreement": k.low_agreement,
                "kappa": k.kappa,
                "krippendorff_alpha": k.alpha,
            }
            for k in keys
        ],
        "kappa": pooled_kappa(scenario.decisions),
        "krippendorff_alpha": pooled_alpha(scenario.decisions),
    }
