"""Real time without Qt: the group talks on during a decision; decisions counted on the path taken."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from balint_trainer.core.script_state import decisions_ahead
from balint_trainer.core.session import PracticeSession
from balint_trainer.core.session_events import DecisionEvent, LineEvent
from balint_trainer.core.validation import load_scenario_file
from tests.conftest import DATA_DIR

TALKING_ON = """\
format: balint-scenario/1
id: talking-on
title: The group talks on
summary: Lines after a decision that do not depend on the answer.
level: introductory
people:
  dr-a: {name: Dr Ana, role: GP, kind: presenter}
  dr-b: {name: Dr Ben, role: GP, kind: member}
case: A case.
script:
  - phase: questions
  - say: dr-a
    text: Before.
  - decision: first
    prompt: What now?
    competency: protect-presenter
    options:
      - id: wait
        text: Wait.
        then:
          - say: dr-b
            text: Because you waited.
      - id: speak
        text: Speak.
        {set_line}
    experts:
      - {expert: e1, best: wait}
      - {expert: e2, best: speak}
    rationale: Either.
  - say: dr-b
    text: Talking on one.
  - narrate: Someone shifts in their chair.
  - say: dr-a
    when: {when}
    text: Guarded line.
  - say: dr-b
    text: Talking on two.
  - decision: second
    prompt: And now?
    competency: protect-presenter
    options:
      - {id: x, text: X.}
      - {id: y, text: Y.}
    experts:
      - {expert: e1, best: x}
    rationale: X.
  - say: dr-a
    text: After the second.
  - say: leader
    text: The leader's own line.
  - say: dr-b
    text: After the leader.
"""


def _scenario(tmp_path: Path, *, sets_state: bool):
    text = TALKING_ON.replace("{set_line}", "set: {moved: true}" if sets_state else "").replace(
        "{when}", "moved" if sets_state else "not moved"
    )
    if not sets_state:  # 'moved' must be defined for validation: the second decision sets it
        text = text.replace("{id: x, text: X.}", "{id: x, text: X., set: {moved: true}}")
    path = tmp_path / "talking-on.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    loaded = load_scenario_file(path)
    assert loaded.ok, [str(p) for p in loaded.problems]
    return loaded.scenario


def _texts(events) -> list[str]:
    return [e.markdown.strip() for e in events if isinstance(e, LineEvent) or hasattr(e, "markdown")]


def _to_decision(session: PracticeSession) -> DecisionEvent:
    while True:
        event = session.next_event()
        assert event is not None
        if isinstance(event, DecisionEvent):
            return event


def test_lines_keep_coming_during_a_decision_and_are_not_said_twice(tmp_path):
    session = PracticeSession(_scenario(tmp_path, sets_state=False))
    _to_decision(session)
    during = []
    while (event := session.next_during_decision()) is not None:
        during.append(event)
    # The guarded line's condition cannot change with this answer: decided now (it holds).
    assert _texts(during) == ["Talking on one.", "Someone shifts in their chair.", "Guarded line.", "Talking on two."]
    assert all(e.during_decision for e in during)
    session.answer("first", "wait")
    after = []
    while not isinstance(event := session.next_event(), DecisionEvent):
        after.append(event)
    assert _texts(after) == ["Because you waited."]  # the answer's then: line, nothing repeated
    assert event.decision_id == "second"
    assert _texts([session.next_during_decision()]) == ["After the second."]
    assert session.next_during_decision() is None  # the leader (the trainee) has not decided yet
    session.answer("second", "x")
    assert _texts([session.next_event(), session.next_event()]) == ["The leader's own line.", "After the leader."]
    assert session.next_event() is None and session.finished
    summary = session.summary()
    assert summary.total == pytest.approx(100.0)  # scoring unchanged: both choices are the (tied) key
    said = [e.markdown.strip() for e in session.history if isinstance(e, LineEvent)]
    assert len(said) == len(set(said))


def test_a_decision_that_sets_state_stops_at_a_guarded_step(tmp_path):
    session = PracticeSession(_scenario(tmp_path, sets_state=True))
    _to_decision(session)
    during = []
    while (event := session.next_during_decision()) is not None:
        during.append(event)
    assert _texts(during) == ["Talking on one.", "Someone shifts in their chair."]
    session.answer("first", "speak")
    after = []
    while not isinstance(event := session.next_event(), DecisionEvent):
        after.append(event)
    assert _texts(after) == ["Guarded line.", "Talking on two."]  # 'moved' now holds


def test_nothing_runs_on_without_a_pending_decision_or_when_an_option_jumps():
    loaded = load_scenario_file(DATA_DIR / "valid" / "branching.yaml")
    session = PracticeSession(loaded.scenario)
    assert session.next_during_decision() is None
    event = _to_decision(session)
    assert event.decision_id == "protect"
    assert session.next_during_decision() is None  # next is a phase change: the group waits


@pytest.mark.parametrize(
    ("first", "path"),
    [("block", [("protect", 1, 2, 3), ("close", 2, 2, 2)]), ("let", [("protect", 1, 2, 3), ("guarded", 2, 3, 3), ("close", 3, 3, 3)])],
)
def test_decisions_are_counted_on_the_path_taken(first, path):
    scenario = load_scenario_file(DATA_DIR / "valid" / "branching.yaml").scenario
    assert decisions_ahead(scenario, 0, {}) == (2, 3)
    session = PracticeSession(scenario)
    seen = []
    while (event := session.next_event()) is not None:
        if isinstance(event, DecisionEvent):
            seen.append((event.decision_id, event.number, event.total, event.total_max))
            assert session.decisions_on_path() == (event.total, event.total_max)
            option = first if event.decision_id == "protect" else event.options[0].id
            session.answer(event.decision_id, option)
    assert seen == path
    assert session.decisions_on_path() == (len(path), len(path))
    assert session.decision_count == 3  # the scenario's, on every path
