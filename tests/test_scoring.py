"""Scoring and agreement exactly as the contract says, with published and oracle checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from balint_trainer.core.model import DecisionStep
from balint_trainer.core.scoring import (
    ScoringError,
    credit,
    credits,
    decision_kappa,
    fleiss_kappa,
    modal_options,
    panel_agreement,
    scenario_key,
    score_answers,
    votes,
)
from balint_trainer.core.validation import load_scenario_file

# Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories -> 0.210.
WIKIPEDIA_TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def make_decision(
    best: list[str], options: str = "abc", ratings: list[dict[str, int]] | None = None
) -> DecisionStep:
    experts = []
    for index, choice in enumerate(best):
        entry: dict[str, object] = {"expert": f"e{index}", "best": choice}
        if ratings is not None:
            entry["ratings"] = ratings[index]
        experts.append(entry)
    return DecisionStep.model_validate(
        {
            "decision": "d",
            "prompt": "p",
            "competency": "safe-space",
            "options": [{"id": o, "text": o} for o in options],
            "experts": experts,
            "rationale": "r",
        }
    )


def test_fleiss_kappa_matches_wikipedia_example() -> None:
    assert fleiss_kappa(WIKIPEDIA_TABLE) == pytest.approx(0.210, abs=0.0005)


def test_fleiss_kappa_matches_statsmodels_on_wikipedia_example() -> None:
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    assert fleiss_kappa(WIKIPEDIA_TABLE) == pytest.approx(
        inter_rater.fleiss_kappa(WIKIPEDIA_TABLE), abs=1e-12
    )


@settings(max_examples=200, deadline=None)
@given(
    raters=st.integers(min_value=2, max_value=9),
    data=st.data(),
)
def test_fleiss_kappa_matches_statsmodels_oracle(raters: int, data: st.DataObject) -> None:
    inter_rater = pytest.importorskip("statsmodels.stats.inter_rater")
    subjects = data.draw(st.integers(min_value=1, max_value=12))
    table = []
    for _ in range(subjects):
        ratings = data.draw(st.lists(st.integers(0, 4), min_size=raters, max_size=raters))
        row = [0] * 5
        for r in ratings:
            row[r] += 1
        table.append(row)
    ours = fleiss_kappa(table)
    column_totals = [sum(row[j] for row in table) for j in range(5)]
    if max(column_totals) == subjects * raters:  # every rating in one category: undefined
        assert ours is None
    else:
        assert ours == pytest.approx(inter_rater.fleiss_kappa(table, method="fleiss"), abs=1e-9)


def test_fleiss_kappa_undefined_cases() -> None:
    assert fleiss_kappa([]) is None
    assert fleiss_kappa([[1, 0, 0, 0, 0]]) is None  # one rater
    assert fleiss_kappa([[2, 0, 0, 0, 0], [1, 1, 1, 0, 0]]) is None  # unequal raters
    assert fleiss_kappa([[2, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0]]) is None  # ragged table


def test_votes_and_aggregate_credit() -> None:
    decision = make_decision(["a", "a", "a", "b", "c", "a"])
    assert votes(decision) == {"a": 4, "b": 1, "c": 1}
    assert credits(decision) == {"a": 1.0, "b": 0.25, "c": 0.25}
    assert credit(decision, "b") == 0.25
    assert modal_options(decision) == ["a"]


def test_tied_modal_options_both_get_full_credit() -> None:
    decision = make_decision(["a", "b", "a", "b", "c"])
    assert credits(decision) == {"a": 1.0, "b": 1.0, "c": 0.5}
    assert modal_options(decision) == ["a", "b"]


def test_unknown_option_is_a_scoring_error() -> None:
    with pytest.raises(ScoringError, match="no option 'z'"):
        credit(make_decision(["a", "b"]), "z")


def test_panel_agreement_formula() -> None:
    # votes 4,1,1 of n=6: (4*3 + 0 + 0) / (6*5) = 0.4
    assert panel_agreement(make_decision(["a", "a", "a", "b", "c", "a"])) == pytest.approx(0.4)
    assert panel_agreement(make_decision(["a"] * 5)) == 1.0
    assert panel_agreement(make_decision(["a"])) is None


def test_decision_kappa_needs_complete_ratings() -> None:
    full = [{"a": 5, "b": 2, "c": 1}, {"a": 4, "b": 2, "c": 1}, {"a": 5, "b": 3, "c": 1}]
    assert decision_kappa(make_decision(["a", "a", "a"], ratings=full)) is not None
    partial = [{"a": 5, "b": 2, "c": 1}, {"a": 4, "b": 2}, {"a": 5, "b": 3, "c": 1}]
    assert decision_kappa(make_decision(["a", "a", "a"], ratings=partial)) is None


def test_scenario_and_competency_scores(minimal_path: Path) -> None:
    scenario = load_scenario_file(minimal_path).scenario
    assert scenario is not None
    result = score_answers(scenario, {"first": "b", "second": "y"})
    assert result.total == pytest.approx(100 * (1 / 3 + 1) / 2)
    assert result.competencies == {"frame-and-structure": pytest.approx(1 / 3), "invite-feelings": 1.0}
    only_first = score_answers(scenario, {"first": "a"})
    assert only_first.total == 100.0
    assert [d.id for d in only_first.decisions] == ["first"]
    assert score_answers(scenario, {}).total is None
    with pytest.raises(ScoringError, match="no decision 'third'"):
        score_answers(scenario, {"third": "a"})


def test_key_report(minimal_path: Path) -> None:
    scenario = load_scenario_file(minimal_path).scenario
    assert scenario is not None
    key = scenario_key(scenario)
    first, second = key["decisions"]  # type: ignore[misc]
    assert [o["votes"] for o in first["options"]] == [3, 1, 0]
    assert first["agreement"] == pytest.approx(0.5)
    assert first["low_agreement"] is False
    assert first["kappa"] is not None
    assert second["agreement"] == 0.0 and second["low_agreement"] is True
    assert second["kappa"] is None  # no ratings
    assert key["kappa"] == pytest.approx(first["kappa"])
