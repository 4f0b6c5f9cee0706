"""The bundled library meets the content bar the project promises."""

from __future__ import annotations

from collections import Counter

import pytest

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES, PHASES
from balint_trainer.core.model import PhaseStep, SayStep, Scenario
from balint_trainer.core.scoring import panel_agreement
from balint_trainer.core.validation import validate_paths
from balint_trainer.paths import bundled_scenarios_dir

RESULTS = validate_paths([bundled_scenarios_dir()])
SCENARIOS: list[Scenario] = [r.scenario for r in RESULTS if r.scenario is not None]


def test_all_bundled_files_are_valid() -> None:
    problems = [str(p) for r in RESULTS for p in r.problems]
    assert problems == []
    assert len(RESULTS) >= 8


def test_settings_cover_the_promised_range() -> None:
    settings = " ".join((s.setting or "").lower() + " " + " ".join(s.tags) for s in SCENARIOS)
    for word in ("general practice", "paediatric", "surg", "psycho", "student", "hospice"):
        assert word in settings, word
    assert any("self-harm" in s.case.lower() or "self-harm" in s.tags for s in SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_each_scenario_is_a_full_session(scenario: Scenario) -> None:
    phases = [step.phase for step in scenario.script if isinstance(step, PhaseStep)]
    assert phases == list(PHASES)
    assert len(scenario.decisions) >= 5
    assert sum(isinstance(step, SayStep) for step in scenario.script) >= 20
    assert scenario.key_status == "illustrative"
    assert scenario.sources, "bundled keys must cite the guidance they follow"
    members = [p for p in scenario.people.values() if p.kind == "member"]
    assert len(members) >= 5
    for decision in scenario.decisions:
        assert len(decision.experts) >= 5, decision.decision
        assert decision.rationale.strip()


def test_every_builtin_competency_appears_three_times() -> None:
    counts = Counter(d.competency for s in SCENARIOS for d in s.decisions)
    for competency in BUILTIN_COMPETENCIES:
        assert counts[competency] >= 3, (competency, counts[competency])


def test_panel_is_not_unanimous_everywhere() -> None:
    agreements = [panel_agreement(d) for s in SCENARIOS for d in s.decisions]
    assert any(a is not None and a < 0.5 for a in agreements), "some decisions should be contested"
    assert sum(1 for a in agreements if a is not None and a >= 0.5) > len(agreements) / 2
