"""Time to decide: the cohort item analysis shows the median per decision (SQL, both databases),
and a real-time decision left unanswered without a key option is stored as no intervention."""

from __future__ import annotations

import pytest

from balint_trainer.core.model import NO_INTERVENTION
from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services.service import TrainerService
from tests.conftest import DATA_DIR


def test_item_analysis_median_time_per_decision(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    scenario = minimal_version.load()
    seconds = {"first": [4.0, 10.0, 30.0], "second": [8.0, 2.0, None]}
    for k in range(3):
        trainee = service.accounts.create_profile(f"t{k}", "trainee")
        attempt = service.practice.start_attempt(trainee.id, minimal_version.id, "practice")
        for decision_id, times in seconds.items():
            option = scenario.decision(decision_id).options[0].id
            service.practice.record_answer(
                attempt.id,
                decision_id,
                option,
                credit=credit(scenario.decision(decision_id), option),
                seconds=times[k],
            )
        service.practice.finish_attempt(attempt.id)
    stats = {s.decision_id: s for s in service.review.item_analysis()}
    assert stats["first"].median_seconds == pytest.approx(10.0)
    assert stats["second"].median_seconds == pytest.approx(5.0)  # the mean of the middle two


def test_no_intervention_is_stored_with_credit_zero(service: TrainerService) -> None:
    version = service.scenarios.register_scenario(load_scenario_file(DATA_DIR / "valid" / "branching.yaml"))
    attempt = service.practice.start_attempt(service.accounts.local_profile().id, version.id, "practice")
    stored = service.practice.record_answer(attempt.id, "close", NO_INTERVENTION, credit=0.0, seconds=30.0)
    assert (stored.option_id, stored.credit) == (NO_INTERVENTION, 0.0)
    finished = service.practice.finish_attempt(attempt.id)
    assert finished.total == 0.0
    from balint_trainer.reports.data import review_attempt

    review = review_attempt(service, service.practice.attempt(attempt.id))
    shown = {d.decision_id: d.chosen_text for d in review.answered}
    assert shown["close"].startswith("No intervention")  # the supervisor and reports name it
