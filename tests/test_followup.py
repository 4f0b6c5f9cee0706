"""Follow-ups carry the earlier meeting's state: replay, inheritance, validation, storage."""

from __future__ import annotations

import pytest

from balint_trainer.core.followup import (
    Inheritance,
    carried_defaults,
    final_state,
    inherit,
    start_states,
    starting_state,
)
from balint_trainer.core.model import NO_INTERVENTION
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.validation import load_scenario_bytes, load_scenario_file
from tests.conftest import DATA_DIR
from tests.followup_fixtures import FOLLOW_UP_YAML

FIRST = DATA_DIR / "valid" / "branching.yaml"


@pytest.fixture(scope="module")
def first():
    loaded = load_scenario_file(FIRST)
    assert loaded.ok, loaded.problems
    return loaded.scenario


@pytest.fixture(scope="module")
def follow_up():
    loaded = load_scenario_bytes(FOLLOW_UP_YAML, "branching-next.yaml")
    assert loaded.ok, [str(p) for p in loaded.problems]
    return loaded.scenario


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"protect": "block", "close": "end"}, {"presenter_guarded": False, "trust": 1}),
        ({"protect": "let", "guarded": "name-it", "close": "end"}, {"presenter_guarded": True, "trust": -1}),
        # Timed out without the key's option: nothing set; unanswered: nothing set either.
        ({"protect": NO_INTERVENTION, "close": "end"}, {}),
        ({}, {}),
    ],
)
def test_final_state_replays_the_answers(first, answers, expected) -> None:
    assert final_state(first, answers) == expected


@pytest.mark.parametrize("first_choice", ["block", "let"])
def test_final_state_matches_a_played_session(first, first_choice) -> None:
    session = PracticeSession(first, "practice")
    session.run_to_end(lambda event: first_choice if event.decision_id == "protect" else event.options[0].id)
    assert final_state(first, session.results) == session.state.values


def test_final_state_ignores_answers_a_changed_file_no_longer_has(first) -> None:
    assert final_state(first, {"protect": "gone", "nope": "x"}) == {}


def test_inherit_takes_carried_names_of_the_same_kind_only(follow_up) -> None:
    assert carried_defaults(follow_up) == {"presenter_guarded": False, "trust": 0, "unrelated": True}
    assert inherit(follow_up, None) == {"presenter_guarded": False, "trust": 0, "unrelated": True}
    earlier = {"presenter_guarded": True, "trust": -1, "unrelated": 3, "not_carried": True}
    # 'unrelated' is a counter there but carried as a flag: the default stays; undeclared names stay behind.
    assert inherit(follow_up, earlier) == {"presenter_guarded": True, "trust": -1, "unrelated": True}


def test_inheritance_round_trips_and_refuses_junk(follow_up) -> None:
    start = Inheritance({"presenter_guarded": True, "trust": -1}, "uid-1")
    assert Inheritance.from_json(start.to_json()) == start
    for junk in (None, [], {"values": 3}, "x"):
        assert Inheritance.from_json(junk) is None
    assert Inheritance.from_json({"values": {"a": "str", "b": 2.5, "c": 1}, "from": 7}) == Inheritance(
        {"c": 1}
    )
    # A stored start wins; without one (unsaved, or older attempts) the defaults apply.
    assert starting_state(follow_up, start.to_json()) == start
    assert starting_state(follow_up, None) == Inheritance(inherit(follow_up, None), None)


def test_session_starts_from_the_inherited_state(follow_up) -> None:
    default = PracticeSession(follow_up, "practice")
    lines = [e.markdown for e in default.run_to_end() if hasattr(e, "markdown") and hasattr(e, "speaker_id")]
    assert any("loneliness" in t for t in lines) and not any("facts" in t for t in lines)
    assert default.decisions_shown == 1
    guarded = PracticeSession(follow_up, "practice", initial_state={"presenter_guarded": True, "trust": -1})
    lines = [e.markdown for e in guarded.run_to_end() if hasattr(e, "markdown") and hasattr(e, "speaker_id")]
    assert any("facts" in t for t in lines) and not any("loneliness" in t for t in lines)
    assert guarded.decisions_shown == 2  # the repair decision is shown only after the guarded path


def test_path_checks_start_from_every_carried_combination(follow_up) -> None:
    states = start_states(follow_up)
    # flags: both values each; trust: its default 0 and -1, 0, 1 around the file's "trust < 0".
    assert len(states) == 2 * 3 * 2
    assert {s["trust"] for s in states} == {-1, 0, 1}
    assert {(s["presenter_guarded"], s["unrelated"]) for s in states} == {
        (False, False),
        (False, True),
        (True, False),
        (True, True),
    }
    assert {(True, -1), (False, 0)} <= {(s["presenter_guarded"], s["trust"]) for s in states}


def test_decision_only_an_earlier_meeting_can_show_is_not_reported_skipped() -> None:
    # 'repair' needs trust < 0, which only the earlier meeting can leave: valid as a follow-up.
    assert load_scenario_bytes(FOLLOW_UP_YAML, "f.yaml").ok
    # A condition no carried value can satisfy is still reported.
    text = FOLLOW_UP_YAML.replace("when: presenter_guarded and trust < 0", "when: trust < 0 and trust > 0")
    loaded = load_scenario_bytes(text, "f.yaml")
    assert any("'repair' is skipped on every path" in p.message for p in loaded.problems)


def test_plain_file_without_carries_is_unchanged() -> None:
    text = FOLLOW_UP_YAML.replace("carries: {presenter_guarded: false, trust: 0, unrelated: true}\n", "")
    loaded = load_scenario_bytes(text, "f.yaml")
    messages = [f"{p.line}:{p.column}: {p.message}" for p in loaded.problems]
    assert any(
        "undefined flag 'presenter_guarded'" in m and "nor does 'carries' declare it" in m for m in messages
    )


# -- stored with the attempt (both databases) ---------------------------------------------------


def _answer_all(service, attempt, scenario, choices):  # type: ignore[no-untyped-def]
    from balint_trainer.core.scoring import credit

    for decision_id, option_id in choices.items():
        decision = scenario.decision(decision_id)
        service.practice.record_answer(attempt.id, decision_id, option_id, credit=credit(decision, option_id))
    return service.practice.finish_attempt(attempt.id)


def test_follow_up_attempt_inherits_the_latest_finished_earlier_attempt(service, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.services import open_service

    first_loaded = load_scenario_file(FIRST)
    next_loaded = load_scenario_bytes(FOLLOW_UP_YAML, "branching-next.yaml")
    profile = service.accounts.create_profile("Trainee T.", "trainee")
    first_version = service.scenarios.register_scenario(first_loaded)
    next_version = service.scenarios.register_scenario(next_loaded)
    defaults = {"presenter_guarded": False, "trust": 0, "unrelated": True}

    # Nothing finished yet (an unfinished attempt does not count): the defaults, from nobody.
    service.practice.start_attempt(profile.id, first_version.id, "practice")
    before = service.practice.start_attempt(profile.id, next_version.id, "practice")
    assert before.initial_state == {"values": defaults, "from": None}

    guarded = _answer_all(
        service,
        service.practice.start_attempt(profile.id, first_version.id, "practice"),
        first_loaded.scenario,
        {"protect": "let", "guarded": "name-it", "close": "end"},
    )
    after_let = service.practice.start_attempt(profile.id, next_version.id, "practice")
    assert after_let.initial_state == {
        "values": {"presenter_guarded": True, "trust": -1, "unrelated": True},
        "from": guarded.uid,
    }
    # Another profile's attempts are not this trainee's earlier meeting.
    other = service.accounts.create_profile("Someone else", "trainee")
    assert service.practice.start_attempt(other.id, next_version.id, "practice").initial_state["from"] is None

    protected = _answer_all(
        service,
        service.practice.start_attempt(profile.id, first_version.id, "practice"),
        first_loaded.scenario,
        {"protect": "block", "close": "end"},
    )
    after_block = service.practice.start_attempt(profile.id, next_version.id, "practice")
    assert after_block.initial_state == {
        "values": {"presenter_guarded": False, "trust": 1, "unrelated": True},
        "from": protected.uid,
    }
    # What an attempt started with stays: resume and review follow the same path.
    assert service.practice.attempt(after_let.id).initial_state["values"]["presenter_guarded"] is True
    assert service.practice.resumable_attempt(profile.id, "branching-next").initial_state is not None
    # A plain scenario stores nothing.
    assert service.practice.attempt(guarded.id).initial_state is None

    # Bundles carry it.
    path = tmp_path / "attempts.json"
    service.exchange.export_attempts(profile.id, path)
    elsewhere = open_service(f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}")
    try:
        report = elsewhere.exchange.import_attempts(path)
        imported = {a.uid: a.initial_state for a in elsewhere.practice.attempts(profile_id=report.profile.id)}
    finally:
        elsewhere.close()
    assert imported[after_let.uid] == after_let.initial_state
    assert imported[guarded.uid] is None
