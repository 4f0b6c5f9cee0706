"""The condition language, script state, path-taken scoring and real-time no intervention (core)."""

from __future__ import annotations

import pytest

from balint_trainer.core.conditions import ConditionError, parse_condition
from balint_trainer.core.model import NO_INTERVENTION
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.validation import load_scenario_file
from tests.conftest import DATA_DIR


@pytest.fixture(scope="module")
def scenario():
    loaded = load_scenario_file(DATA_DIR / "valid" / "branching.yaml")
    assert loaded.ok, [str(p) for p in loaded.problems]
    return loaded.scenario


@pytest.mark.parametrize(
    ("text", "state", "expected"),
    [
        ("guarded", {"guarded": True}, True),
        ("guarded", {}, False),
        ("not guarded", {}, True),
        ("trust < 0", {"trust": -1}, True),
        ("trust >= 2 or guarded", {"trust": 1}, False),
        ("guarded and (trust == -1 or not open)", {"guarded": True, "trust": 0}, True),
        ("not not guarded", {"guarded": True}, True),
    ],
)
def test_conditions_evaluate(text, state, expected):
    assert parse_condition(text).holds(state) is expected


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("guarded and", 12),
        ("trust < x", 9),
        ("__import__('os')", 12),
        ("a ! b", 3),
        ("(" * 9 + "a" + ")" * 9, 9),
    ],
)
def test_bad_conditions_report_a_column_and_never_run(text, column):
    with pytest.raises(ConditionError) as error:
        parse_condition(text)
    assert error.value.column == column


def test_a_file_without_branching_keys_is_not_branching():
    plain = load_scenario_file(DATA_DIR / "valid" / "minimal.yaml").scenario
    assert plain is not None and not plain.branching
    assert PracticeSession(plain).run_to_end()  # unchanged behaviour: covered by test_session too


def test_state_changes_later_lines_and_score_counts_only_the_path_taken(scenario):
    assert scenario.branching
    protected = PracticeSession(scenario)
    protected.run_to_end(lambda e: {"protect": "block"}.get(e.decision_id, e.options[0].id))
    assert protected.state.values == {"presenter_guarded": False, "trust": 1}
    assert set(protected.answered) == {"protect", "close"}  # 'guarded' was never shown
    assert protected.summary().total == 100.0
    exposed = PracticeSession(scenario)
    exposed.run_to_end(lambda e: {"protect": "let"}.get(e.decision_id, e.options[0].id))
    assert set(exposed.answered) == {"protect", "guarded", "close"}
    assert exposed.summary().total == pytest.approx(100 * (0.5 + 1 + 1) / 3)


def test_time_out_is_no_intervention_and_resumes(scenario):
    session = PracticeSession(scenario)
    while session.pending_decision is None:
        session.next_event()
    assert session.time_limit("protect") == 10  # the decision's own limit beats the scenario's 30
    result = session.time_out("protect", 10.0)
    assert (result.option_id, result.timed_out, result.credit) == ("let", True, 0.5)
    assert session.state.values["presenter_guarded"] is True  # doing nothing has consequences too
    while session.pending_decision is None:
        session.next_event()
    assert session.pending_decision.decision_id == "guarded"
    assert session.time_limit("guarded") == 30
    session.answer("guarded", "name-it")
    while session.pending_decision is None:
        session.next_event()
    unkeyed = session.time_out("close", 30.0)
    assert (unkeyed.option_id, unkeyed.credit) == (NO_INTERVENTION, 0.0)
    assert session.summary().total == pytest.approx(100 * 1.5 / 3)
    # A resumed attempt replays stored answers, the no intervention included.
    resumed = PracticeSession(scenario, answers=[(r.decision_id, r.option_id) for r in session.results])
    assert resumed.answered == session.answered
    assert resumed.summary().total == session.summary().total
