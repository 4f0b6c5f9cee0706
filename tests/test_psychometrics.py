"""Reliability statistics against established implementations and a published example."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from balint_trainer.core.psychometrics import (
    cronbach_alpha,
    item_rest_correlations,
    krippendorff_alpha,
    scenario_reliability,
)

krippendorff = pytest.importorskip("krippendorff")


def _as_reliability_data(units: list[dict[str, int]], raters: list[str]) -> np.ndarray:
    return np.array([[unit.get(r, np.nan) for unit in units] for r in raters], dtype=float)


def test_krippendorff_published_example() -> None:
    """Krippendorff (2011), 'Computing Krippendorff's alpha-reliability', the worked example with
    4 observers, 12 units and missing values: alpha = 0.743 nominal, 0.815 ordinal (reported
    to three places; the package is the exact oracle below), 0.849 interval."""
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [{f"r{r}": data[r][u] for r in range(4) if data[r][u] is not None} for u in range(12)]
    assert krippendorff_alpha(units, metric="nominal") == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(units, metric="interval") == pytest.approx(0.849, abs=5e-4)
    oracle = krippendorff.alpha(
        reliability_data=np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float),
        level_of_measurement="ordinal",
    )
    assert krippendorff_alpha(units) == pytest.approx(oracle, abs=1e-12)
    assert krippendorff_alpha(units) == pytest.approx(0.815, abs=5e-4)


@pytest.mark.parametrize("seed", range(25))
def test_krippendorff_matches_the_package_on_panels_with_gaps(seed: int) -> None:
    rng = random.Random(seed)
    raters = [f"expert-{i}" for i in range(rng.randint(2, 9))]
    units = []
    for _ in range(rng.randint(2, 30)):
        units.append({r: rng.randint(1, 5) for r in raters if rng.random() > 0.25})
    ours = krippendorff_alpha(units)
    data = _as_reliability_data(units, raters)
    pairable = sum(1 for u in units if len(u) >= 2)
    if ours is None:
        assert pairable == 0 or len({v for u in units if len(u) >= 2 for v in u.values()}) <= 1
        return
    oracle = krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal")
    assert ours == pytest.approx(oracle, abs=1e-9)


def test_cronbach_alpha_equals_hoyts_anova_reliability_from_statsmodels() -> None:
    """Hoyt (1941): alpha = 1 − MS(residual) / MS(persons) in a persons × items two-way ANOVA."""
    import pandas as pd
    from statsmodels.formula.api import ols
    from statsmodels.stats.anova import anova_lm

    rng = random.Random(7)
    matrix = []
    for _ in range(40):
        ability = rng.random()
        matrix.append([min(1.0, max(0.0, round(ability + rng.uniform(-0.4, 0.4), 2))) for _ in range(6)])
    frame = pd.DataFrame(
        [(p, i, v) for p, row in enumerate(matrix) for i, v in enumerate(row)],
        columns=["person", "item", "score"],
    )
    table = anova_lm(ols("score ~ C(person) + C(item)", data=frame).fit())
    ms = table["sum_sq"] / table["df"]
    hoyt = 1 - ms["Residual"] / ms["C(person)"]
    assert cronbach_alpha(matrix) == pytest.approx(hoyt, abs=1e-9)


def test_item_rest_correlation_matches_numpy() -> None:
    rng = random.Random(3)
    matrix = [[rng.choice([0, 0.5, 1]) for _ in range(5)] for _ in range(30)]
    array = np.array(matrix)
    for j, value in enumerate(item_rest_correlations(matrix)):
        rest = array.sum(axis=1) - array[:, j]
        assert value == pytest.approx(np.corrcoef(array[:, j], rest)[0, 1], abs=1e-12)


def test_undefined_cases_are_none_not_errors() -> None:
    assert krippendorff_alpha([]) is None
    assert krippendorff_alpha([{"a": 3}]) is None  # nothing pairable
    assert krippendorff_alpha([{"a": 4, "b": 4}, {"a": 4, "b": 4}]) is None  # no variation
    assert cronbach_alpha([[1.0, 1.0]]) is None
    assert cronbach_alpha([[1.0, 1.0], [1.0, 1.0]]) is None
    assert item_rest_correlations([[1.0, 0.0], [1.0, 1.0]])[0] is None  # the item does not vary


def test_scenario_reliability_uses_complete_attempts_and_warns_on_small_samples() -> None:
    credits = {
        1: {"a": 1.0, "b": 1.0, "c": 0.5},
        2: {"a": 0.0, "b": 0.5, "c": 0.0},
        3: {"a": 1.0, "b": 0.5, "c": 1.0},
        4: {"a": 1.0},  # unfinished: left out
    }
    result = scenario_reliability("s", ["a", "b", "c"], credits)
    assert result.attempts == 3 and result.small_sample
    assert result.alpha == pytest.approx(cronbach_alpha([[1, 1, 0.5], [0, 0.5, 0], [1, 0.5, 1]]))
    assert set(result.item_rest) == {"a", "b", "c"}
    assert not math.isnan(result.item_rest["a"] or 0.0)


def test_key_json_reports_krippendorff_alpha_next_to_kappa(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from balint_trainer.cli import main
    from tests.conftest import DATA_DIR

    assert main(["key", str(DATA_DIR / "valid" / "minimal.yaml"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "kappa" in report and "krippendorff_alpha" in report
    assert all("krippendorff_alpha" in d and "kappa" in d for d in report["decisions"])


def test_service_reliability_over_finished_attempts(service, minimal_version) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core.scoring import credit

    key = minimal_version.load()
    decisions = [d.decision for d in key.decisions]
    expected_rows = []
    for index in range(6):
        profile = service.accounts.create_profile(f"trainee {index}", "trainee")
        attempt = service.practice.start_attempt(profile.id, minimal_version.id, "practice")
        row = []
        for n, decision in enumerate(key.decisions):
            option = decision.options[(index + n) % len(decision.options)].id
            service.practice.record_answer(attempt.id, decision.decision, option, credit=credit(decision, option))
            row.append(credit(decision, option))
        service.practice.finish_attempt(attempt.id)
        expected_rows.append(row)
    unfinished = service.practice.start_attempt(
        service.accounts.create_profile("late", "trainee").id, minimal_version.id, "practice"
    )
    first = key.decisions[0]
    service.practice.record_answer(
        unfinished.id, first.decision, first.options[0].id, credit=credit(first, first.options[0].id)
    )
    [result] = service.review.reliability()
    assert result.decisions == decisions and result.attempts == 6
    assert result.alpha == cronbach_alpha(expected_rows)
    assert result.small_sample
