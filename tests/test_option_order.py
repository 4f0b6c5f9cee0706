"""Shuffled options (core): the order from (seed, decision), shuffle: false, labels, the session."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys

import pytest

from balint_trainer.core.model import DecisionStep
from balint_trainer.core.option_order import is_permutation, option_label, order_for, plain_text, shown_order
from balint_trainer.core.schema import scenario_json_schema
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.validation import load_scenario_bytes, load_scenario_file
from tests.db_fixtures import MINIMAL, REPO


def decision(count: int = 4, *, shuffle: bool | None = None, decision_id: str = "d1") -> DecisionStep:
    data = {
        "decision": decision_id,
        "prompt": "What now?",
        "competency": "safe-space",
        "options": [{"id": f"o{n}", "text": f"Option text {n}"} for n in range(1, count + 1)],
        "experts": [{"expert": "e1", "best": "o1"}],
        "rationale": "Because.",
    }
    if shuffle is not None:
        data["shuffle"] = shuffle
    return DecisionStep.model_validate(data)


def test_order_is_deterministic_per_seed_and_always_a_permutation() -> None:
    step = decision(4)
    for seed in ("s1", "abc", "0123456789abcdef", "x" * 64):
        first = shown_order(step, seed)
        assert shown_order(step, seed) == first
        assert is_permutation(first, step)
    for count in range(2, 9):
        step = decision(count)
        for n in range(30):
            assert sorted(shown_order(step, f"seed-{n}")) == sorted(o.id for o in step.options)


def test_different_seeds_give_different_orders_of_a_four_option_decision() -> None:
    step = decision(4)
    orders = {shown_order(step, f"seed-{n}") for n in range(40)}
    assert len(orders) > 10  # of 24 possible; a fixed order would give 1
    assert shown_order(step, "seed-1") != shown_order(step, "seed-2")
    # Every position is taken by every option sometimes: the key is not first more often by design.
    firsts = [shown_order(step, f"seed-{n}")[0] for n in range(400)]
    assert {firsts.count(f"o{n}") for n in range(1, 5)} != {400}
    assert all(firsts.count(f"o{n}") > 60 for n in range(1, 5))


def test_order_depends_on_the_decision_too() -> None:
    orders = {shown_order(decision(4, decision_id=f"d{n}"), "same-seed") for n in range(20)}
    assert len(orders) > 1


def test_the_order_is_the_same_on_every_python_run() -> None:
    """Pinned values: str seeds hash with SHA-512, so no PYTHONHASHSEED or version changes them."""
    assert shown_order(decision(4), "seed-1") == ("o4", "o1", "o2", "o3")
    code = (
        "import json;from tests.test_option_order import decision;"
        "from balint_trainer.core.option_order import shown_order;"
        "print(json.dumps(shown_order(decision(4), 'seed-1')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert tuple(json.loads(out.stdout)) == ("o4", "o1", "o2", "o3")


def test_no_seed_or_shuffle_false_keeps_file_order() -> None:
    ids = ("o1", "o2", "o3", "o4")
    assert shown_order(decision(4), None) == ids
    fixed = decision(4, shuffle=False)
    assert all(shown_order(fixed, f"seed-{n}") == ids for n in range(20))


def test_stored_order_wins_when_it_is_a_permutation() -> None:
    step = decision(3)
    assert order_for(step, "seed-1", ["o2", "o3", "o1"]) == ("o2", "o3", "o1")
    for bad in (["o1", "o2"], ["o1", "o1", "o2"], ["o1", "o2", "zz"]):
        assert not is_permutation(bad, step)
        assert order_for(step, "seed-1", bad) == shown_order(step, "seed-1")


def test_shuffle_key_in_yaml_schema_and_validation() -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    fixed = text.replace(
        "    rationale: Silence is fine.", "    rationale: Silence is fine.\n    shuffle: false"
    )
    loaded = load_scenario_bytes(fixed.encode(), "fixed.yaml")
    assert loaded.ok and loaded.scenario is not None
    assert loaded.scenario.decision("first").shuffle is False
    assert loaded.scenario.decision("second").shuffle is True
    bad = load_scenario_bytes(
        text.replace(
            "    rationale: Silence is fine.", "    rationale: Silence is fine.\n    shuffle: maybe"
        ).encode(),
        "bad.yaml",
    )
    assert not bad.ok
    (problem,) = bad.errors
    assert str(problem).startswith("bad.yaml:") and "shuffle" in str(problem)
    assert "\n" not in str(problem) and "Traceback" not in str(problem)
    prop = scenario_json_schema()["$defs"]["DecisionStep"]["properties"]["shuffle"]
    assert prop["type"] == "boolean" and prop["default"] is True


def test_option_label_is_plain_shortened_text() -> None:
    assert option_label("Wait.") == "Wait."
    assert option_label("Ask about *feelings* and [the **case**](https://example.org).") == (
        "Ask about feelings and the case."
    )
    assert plain_text("One\n\nTwo &amp; <b>three</b>") == "One Two & three"
    long = "Invite the group to stay with the presenter's experience of the patient for a while longer."
    label = option_label(long)
    assert label.endswith("…") and len(label) <= 60
    assert long.startswith(label[:-1])
    assert not label[:-1].endswith(" ")
    assert option_label("x" * 100).startswith("x" * 59)  # no space to cut at: cut hard
    assert option_label("") == ""


def test_session_shows_the_seeded_order_and_records_it() -> None:
    scenario = load_scenario_file(MINIMAL).scenario
    assert scenario is not None
    session = PracticeSession(scenario, "practice", seed="s1")
    session.run_to_end(lambda event: event.options[0].id)  # "press 1" each time
    by_decision = {r.decision_id: r for r in session.results}
    assert by_decision["first"].shown_order == ("b", "a", "c")
    assert by_decision["first"].option_id == "b"  # position 1 is no longer the panel's choice
    assert by_decision["first"].credit == pytest.approx(1 / 3)
    feedback = by_decision["first"].feedback
    assert feedback is not None and list(feedback.votes) == ["b", "a", "c"]
    assert feedback.label("a") == "Wait."


def test_pressing_1_every_time_no_longer_scores_near_the_top() -> None:
    scenario = load_scenario_file(MINIMAL).scenario
    assert scenario is not None
    firsts = []
    for n in range(60):
        session = PracticeSession(scenario, "exam", seed=f"seed-{n}")
        session.run_to_end(lambda event: event.options[0].id)
        firsts.append(session.answered["first"])
    assert {firsts.count(o) for o in "abc"} != {60} and all(firsts.count(o) > 5 for o in "abc")


def test_resume_keeps_the_stored_order_even_without_a_seed() -> None:
    from balint_trainer.core.session import GivenAnswer
    from balint_trainer.core.session_events import DecisionEvent

    scenario = load_scenario_file(MINIMAL).scenario
    assert scenario is not None
    given = [GivenAnswer("first", "c", shown_order=("c", "a", "b"))]
    session = PracticeSession(scenario, "practice", given, seed="s5")
    result = session.result("first")
    assert result is not None and result.shown_order == ("c", "a", "b")
    shown = [e for e in session.history if isinstance(e, DecisionEvent)]
    assert shown[0].shown_order == ("c", "a", "b")
    event = session.next_event()
    while not isinstance(event, DecisionEvent):
        event = session.next_event()
    assert event.shown_order == shown_order(scenario.decision("second"), "s5")
    # Old attempts: no seed, no stored order -> file order.
    old = PracticeSession(scenario, "practice", {"first": "a"})
    assert old.result("first").shown_order == ("a", "b", "c")  # type: ignore[union-attr]


@pytest.mark.parametrize("seed", ["s1", "s2", "s6"])
def test_keys_are_positions_on_screen(seed: str) -> None:
    scenario = load_scenario_file(MINIMAL).scenario
    assert scenario is not None
    session = PracticeSession(scenario, "practice", seed=seed)
    for event in iter(session.next_event, None):
        if hasattr(event, "options"):
            assert [o.number for o in event.options] == list(range(1, len(event.options) + 1))
            assert tuple(o.id for o in event.options) == shown_order(
                scenario.decision(event.decision_id), seed
            )
            session.answer(event.decision_id, event.options[-1].id)


def test_all_permutations_reachable_for_three_options() -> None:
    step = decision(3)
    seen = {shown_order(step, f"k{n}") for n in range(200)}
    assert seen == set(itertools.permutations(("o1", "o2", "o3")))
