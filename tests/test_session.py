from pathlib import Path

import pytest

from balint_trainer.core.session import (
    GivenAnswer,
    PracticeSession,
    SessionError,
    format_clock,
    phase_minutes,
)
from balint_trainer.core.session_events import DecisionEvent, LineEvent, NarrationEvent, PhaseEvent
from balint_trainer.core.validation import load_scenario_file

MINIMAL = Path(__file__).parent / "data" / "valid" / "minimal.yaml"


@pytest.fixture(scope="module")
def scenario():
    loaded = load_scenario_file(MINIMAL)
    assert loaded.ok, loaded.problems
    return loaded.scenario


def drain(session):
    """Events up to the next decision (inclusive) or the end."""
    events = []
    while True:
        event = session.next_event()
        if event is None:
            return events
        events.append(event)
        if isinstance(event, DecisionEvent):
            return events


def test_events_come_in_script_order(scenario):
    session = PracticeSession(scenario)
    events = drain(session)
    kinds = [type(e).__name__ for e in events]
    assert kinds == ["PhaseEvent", "LineEvent", "PhaseEvent", "LineEvent", "DecisionEvent"]
    assert events[0].phase == "frame" and events[0].index == 0 and events[0].label == "Frame"
    leader = events[1]
    assert (leader.speaker_id, leader.name, leader.kind) == ("leader", "You", "leader")
    presenter = events[3]
    assert (presenter.speaker_id, presenter.name, presenter.role, presenter.kind) == (
        "dr-a", "Dr Ana Reyes", "General practitioner", "presenter",
    )  # fmt: skip
    decision = events[4]
    assert decision.decision_id == "first"
    assert [o.id for o in decision.options] == ["a", "b", "c"]
    assert [o.number for o in decision.options] == [1, 2, 3]
    assert (decision.number, decision.total) == (1, 2)
    assert decision.competency_label.startswith("Holding the frame")
    assert session.pending_decision is decision
    assert session.phase.phase == "presentation"


def test_cannot_continue_past_unanswered_decision(scenario):
    session = PracticeSession(scenario)
    drain(session)
    with pytest.raises(SessionError, match="answer decision 'first'"):
        session.next_event()


def test_wrong_decision_or_option_is_rejected(scenario):
    session = PracticeSession(scenario)
    with pytest.raises(SessionError, match="not waiting"):
        session.answer("first", "a")
    drain(session)
    with pytest.raises(SessionError, match="'first' is waiting"):
        session.answer("second", "x")
    with pytest.raises(SessionError, match="no option 'zz'"):
        session.answer("first", "zz")
    assert session.pending_decision is not None  # still waiting


def test_practice_answer_gives_feedback_and_consequences(scenario):
    session = PracticeSession(scenario, "practice")
    drain(session)
    result = session.answer("first", "b", own_words="  I would wait a little  ", seconds=12.5)
    assert result.credit == pytest.approx(1 / 3)
    assert result.own_words == "I would wait a little"
    assert result.seconds == 12.5
    feedback = result.feedback
    assert feedback is not None
    assert feedback.votes == {"a": 3, "b": 1, "c": 0}
    assert feedback.modal_options == ("a",)
    assert feedback.rationale == "Silence is fine."
    assert feedback.option_feedback is None
    assert not feedback.is_modal
    assert feedback.agreement == pytest.approx(0.5)
    # Option b has no "then" lines: the script continues with the next phase.
    assert isinstance(session.next_event(), PhaseEvent)


def test_consequence_lines_come_next(scenario):
    session = PracticeSession(scenario)
    drain(session)
    result = session.answer("first", "a")
    assert result.credit == 1.0
    assert result.feedback.option_feedback == "Good."
    narration = session.next_event()
    line = session.next_event()
    assert (
        isinstance(narration, NarrationEvent) and narration.markdown == "A silence." and narration.consequence
    )
    assert isinstance(line, LineEvent) and line.speaker_id == "dr-b" and line.consequence
    after = session.next_event()
    assert isinstance(after, PhaseEvent) and after.phase == "questions"
    assert narration.minute <= line.minute <= after.minute


def test_exam_mode_withholds_feedback_until_the_end(scenario):
    session = PracticeSession(scenario, "exam")
    drain(session)
    result = session.answer("first", "c")
    assert result.feedback is None
    assert result.credit == 0.0  # still known, for storage
    with pytest.raises(SessionError, match="end of the session"):
        session.summary()
    drain(session)
    session.answer("second", "y")
    assert drain(session)[-1].phase == "closing"
    assert session.next_event() is None
    assert session.finished
    summary = session.summary()
    assert summary.total == pytest.approx(50.0)
    assert [d.decision_id for d in summary.decisions] == ["first", "second"]
    assert summary.decisions[0].rationale == "Silence is fine."


def test_summary_uses_scoring(scenario):
    session = PracticeSession(scenario)
    session.run_to_end(lambda event: {"first": "a", "second": "x"}[event.decision_id])
    summary = session.summary()
    assert summary.total == pytest.approx(100.0)
    assert summary.score.competencies == {"frame-and-structure": 1.0, "invite-feelings": 1.0}
    assert summary.unanswered == ()
    assert summary.competency_labels["invite-feelings"].startswith("Inviting")


def test_practice_summary_midway_lists_unanswered(scenario):
    session = PracticeSession(scenario)
    drain(session)
    session.answer("first", "b")
    summary = session.summary()
    assert summary.total == pytest.approx(100 / 3)
    assert summary.unanswered == ("second",)


def test_resume_fast_forwards_past_given_answers(scenario):
    session = PracticeSession(scenario, "practice", answers=[GivenAnswer("first", "a", "mine", 3.0)])
    assert session.answered == {"first": "a"}
    assert any(isinstance(e, DecisionEvent) for e in session.history)
    # Continues with the consequences of the last answer, then the next decision.
    events = drain(session)
    assert isinstance(events[0], NarrationEvent) and events[0].consequence
    assert events[-1].decision_id == "second"
    assert session.results[0].own_words == "mine"


def test_resume_accepts_mapping_and_dto_like_objects(scenario):
    class Stored:
        decision_id = "first"
        option_id = "b"
        own_words = None
        seconds = 4.0

    by_map = PracticeSession(scenario, answers={"first": "b"})
    by_obj = PracticeSession(scenario, answers=[Stored()])
    assert by_map.answered == by_obj.answered == {"first": "b"}
    both = PracticeSession(scenario, "exam", answers={"first": "a", "second": "y"})
    assert both.pending_decision is None
    both.run_to_end()
    assert both.finished and both.summary().total == pytest.approx(100.0)  # split panel: x and y both modal


def test_resume_with_unknown_answers_is_an_error(scenario):
    with pytest.raises(SessionError, match="no decision 'nope'"):
        PracticeSession(scenario, answers={"nope": "a"})
    with pytest.raises(SessionError, match="no option 'q'"):
        PracticeSession(scenario, answers={"first": "q"})


def test_unknown_mode_is_an_error(scenario):
    with pytest.raises(SessionError, match="unknown mode"):
        PracticeSession(scenario, "quiz")  # type: ignore[arg-type]


def test_clock_spreads_duration_over_phases(scenario):
    minutes = phase_minutes(scenario)
    assert minutes[0] == 0.0
    assert minutes == sorted(minutes)
    assert max(minutes) < 60
    session = PracticeSession(scenario)
    seen = []
    for event in session.run_to_end():
        seen.append(event.minute)
        assert session.minute >= event.minute - 1e-9
    assert seen == sorted(seen)
    phase_starts = {e.phase: e.minute for e in session.history if isinstance(e, PhaseEvent)}
    assert phase_starts["frame"] == 0.0
    assert phase_starts["presentation"] < phase_starts["questions"] < phase_starts["closing"]
    assert format_clock(12.5) == "12:30"
    assert session.clock == format_clock(session.minute)


def test_duration_defaults_to_sixty_minutes(scenario):
    short = scenario.model_copy(update={"duration_minutes": None})
    assert PracticeSession(short).duration_minutes == 60
    longer = scenario.model_copy(update={"duration_minutes": 90})
    assert phase_minutes(longer)[-1] == pytest.approx(phase_minutes(scenario)[-1] * 1.5)


def test_bundled_scenarios_play_through():
    from balint_trainer.core.catalogue import load_catalogue

    for entry in load_catalogue():
        if not entry.ok:
            continue
        session = PracticeSession(entry.scenario, "exam")
        session.run_to_end(lambda event: event.options[-1].id)
        summary = session.summary()
        assert len(summary.decisions) == len(entry.scenario.decisions)
        assert 0.0 <= summary.total <= 100.0
