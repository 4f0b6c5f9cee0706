"""Practice-session state machine (no Qt): what the player shows, in order.

A :class:`PracticeSession` walks a scenario's script and hands out events one
at a time (phase changes, transcript lines, narration, decision points). At a
decision it stops until :meth:`PracticeSession.answer` is called; the chosen
option's ``then`` lines are shown next. Practice mode returns the expert
feedback with every answer; exam mode withholds it until the session ends.

Resuming: pass the answers already given and the session fast-forwards past
them (replaying their consequence lines), so the player continues at the first
unanswered decision. The skipped events are kept in :attr:`history` so a view
can show the transcript so far.

The simulated clock spreads ``duration_minutes`` over the phases with the
typical weights of a Balint session (most time in the group's push-back).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from balint_trainer.core import scoring
from balint_trainer.core.competencies import PHASE_LABELS, PHASES, competency_label
from balint_trainer.core.model import (
    NO_INTERVENTION,
    DecisionStep,
    GotoStep,
    NarrateStep,
    PhaseStep,
    SayStep,
    Scenario,
)
from balint_trainer.core.option_order import is_permutation, shown_order
from balint_trainer.core.script_state import END, ScriptState, applied, decisions_ahead, labels
from balint_trainer.core.session_events import (
    AnswerResult,
    DecisionEvent,
    DecisionFeedback,
    Event,
    ExpertNote,
    LineEvent,
    Mode,
    NarrationEvent,
    OptionView,
    PhaseEvent,
    SessionSummary,
)

MODES: tuple[Mode, ...] = ("practice", "exam")
DEFAULT_DURATION_MINUTES = 60
LEADER_ID = "leader"

# Share of the session each phase typically takes (sums to 1).
PHASE_WEIGHTS: dict[str, float] = {
    "frame": 0.05,
    "presentation": 0.15,
    "questions": 0.20,
    "push-back": 0.35,
    "return": 0.15,
    "closing": 0.10,
}


# What an unanswered real-time decision shows when the key lists no "doing nothing" option.
NO_INTERVENTION_TEXT = "No intervention (not in the key)"


class SessionError(ValueError):
    """The session was driven out of order (answering the wrong decision, an unknown option…)."""


@dataclass(frozen=True)
class GivenAnswer:
    decision_id: str
    option_id: str
    own_words: str | None = None
    seconds: float | None = None
    shown_order: tuple[str, ...] | None = None


def _as_given(item: Any) -> GivenAnswer:
    if isinstance(item, GivenAnswer):
        return item
    if isinstance(item, tuple) and len(item) == 2:
        return GivenAnswer(str(item[0]), str(item[1]))
    # Anything with the attributes of a stored answer (services.dto.Answer).
    return GivenAnswer(
        item.decision_id,
        item.option_id,
        getattr(item, "own_words", None),
        getattr(item, "seconds", None),
        getattr(item, "shown_order", None),
    )


def _normalise_answers(answers: Iterable[Any] | Mapping[str, str] | None) -> dict[str, GivenAnswer]:
    if not answers:
        return {}
    items: Iterable[Any] = answers.items() if isinstance(answers, Mapping) else answers
    out: dict[str, GivenAnswer] = {}
    for item in items:
        given = _as_given(item)
        out[given.decision_id] = given
    return out


def phase_minutes(scenario: Scenario) -> list[float]:
    """Simulated minute at which each top-level script step happens."""
    duration = float(scenario.duration_minutes or DEFAULT_DURATION_MINUTES)
    # Split the script into segments that start at each phase step.
    segments: list[tuple[str | None, list[int]]] = [(None, [])]
    for index, step in enumerate(scenario.script):
        if isinstance(step, PhaseStep):
            segments.append((step.phase, [index]))
        else:
            segments[-1][1].append(index)
    occurrences: dict[str | None, int] = {}
    for name, _ in segments:
        occurrences[name] = occurrences.get(name, 0) + 1
    # Steps before the first phase marker get a small share of their own.
    weights = [
        (PHASE_WEIGHTS.get(name, 0.05) if name else 0.05) / occurrences[name] if indexes else 0.0
        for name, indexes in segments
    ]
    total_weight = sum(weights) or 1.0
    minutes = [0.0] * len(scenario.script)
    start = 0.0
    for (_, indexes), weight in zip(segments, weights, strict=True):
        length = duration * weight / total_weight
        for position, step_index in enumerate(indexes):
            minutes[step_index] = start + length * position / len(indexes)
        start += length
    return minutes


def format_clock(minute: float) -> str:
    """``mm:ss`` for a simulated minute."""
    seconds = max(0, round(minute * 60))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class PracticeSession:
    def __init__(
        self,
        scenario: Scenario,
        mode: Mode = "practice",
        answers: Iterable[Any] | Mapping[str, str] | None = None,
        *,
        seed: str | None = None,
        initial_state: Mapping[str, bool | int] | None = None,
    ) -> None:
        """``seed``: the attempt's option-order seed (``None``: options in file order).
        ``initial_state``: what a follow-up inherits (core.followup); the file's ``carries``
        defaults fill in the rest."""
        if mode not in MODES:
            raise SessionError(f"unknown mode '{mode}' (modes: {', '.join(MODES)})")
        self.scenario = scenario
        self.mode: Mode = mode
        self.seed = seed
        self.duration_minutes = scenario.duration_minutes or DEFAULT_DURATION_MINUTES
        # Orders stored with earlier answers win over recomputing them (see _fast_forward).
        self._orders: dict[str, tuple[str, ...]] = {}
        self._minutes = phase_minutes(scenario)
        self._decision_numbers = {d.decision: n for n, d in enumerate(scenario.decisions, start=1)}
        # Queue of (step, minute, consequence flag); consequence lines are pushed to the front.
        self._queue: deque[tuple[Any, float, bool]] = deque(
            (step, minute, False) for step, minute in zip(scenario.script, self._minutes, strict=True)
        )
        self._next_minutes = [*self._minutes[1:], float(self.duration_minutes)]
        self._step_index = -1
        self._pending: DecisionEvent | None = None
        self._results: dict[str, AnswerResult] = {}
        self._feedback: dict[str, DecisionFeedback] = {}
        self.phase: PhaseEvent | None = None
        self.minute = 0.0
        self.history: list[Event] = []
        # Branching (docs/scenario-format.md): what the group remembers, and where labels are.
        self.state = ScriptState({**(scenario.carries or {}), **(initial_state or {})})
        self._labels = labels(scenario)
        self._skipped: set[str] = set()  # decisions whose 'when' did not hold
        given = _normalise_answers(answers)
        self._check_given(given)
        self._fast_forward(given)

    # -- reading state -------------------------------------------------
    @property
    def pending_decision(self) -> DecisionEvent | None:
        return self._pending

    @property
    def finished(self) -> bool:
        return self._pending is None and not self._queue

    @property
    def results(self) -> list[AnswerResult]:
        return list(self._results.values())

    def result(self, decision_id: str) -> AnswerResult | None:
        return self._results.get(decision_id)

    @property
    def answered(self) -> dict[str, str]:
        return {d: r.option_id for d, r in self._results.items()}

    @property
    def decision_count(self) -> int:
        """Decisions in the scenario, on every path (see :meth:`decisions_on_path`)."""
        return len(self._decision_numbers)

    @property
    def decisions_shown(self) -> int:
        return sum(1 for event in self.history if isinstance(event, DecisionEvent))

    def decisions_on_path(self) -> tuple[int, int | None]:
        """(fewest, most) decisions this session shows in all, given the choices made so far.

        Counted as the decisions already shown plus those still ahead on each path the
        remaining choices can take: a branching scenario's skipped decisions never count.
        ``most`` is None when the paths are too many to count. Equal for a plain script.
        """
        shown = self.decisions_shown
        pending = self._pending
        if pending is None:
            ahead = decisions_ahead(self.scenario, self._next_index(), self.state.values, self._labels)
            return (shown + ahead[0], shown + ahead[1]) if ahead else (shown, None)
        ranges = self._ahead_of(self.scenario.decision(pending.decision_id))
        if ranges is None:
            return shown, None
        return shown + ranges[0], shown + ranges[1]

    def _next_index(self) -> int:
        """Index of the next script step the queue plays (END when none is left)."""
        index = self._step_index + 1
        return index if index < len(self.scenario.script) else END

    def _ahead_of(self, step: DecisionStep) -> tuple[int, int] | None:
        """Fewest and most decisions after ``step`` (being asked now), over its options."""
        ranges = []
        for option in step.options:
            target = self._labels.get(option.goto, END) if option.goto else self._next_index()
            ahead = decisions_ahead(self.scenario, target, applied(self.state.values, option), self._labels)
            if ahead is None:
                return None
            ranges.append(ahead)
        return min(r[0] for r in ranges), max(r[1] for r in ranges)

    @property
    def clock(self) -> str:
        return format_clock(self.minute)

    # -- driving -------------------------------------------------------
    def next_event(self) -> Event | None:
        """The next thing to show, or None at the end. Stops at an unanswered decision."""
        if self._pending is not None:
            raise SessionError(f"answer decision '{self._pending.decision_id}' before continuing")
        while self._queue:
            step, minute, consequence = self._queue.popleft()
            if not consequence:
                self._step_index += 1
            if not self.state.holds(step.when):
                if isinstance(step, DecisionStep):
                    self._skipped.add(step.decision)
                continue
            if isinstance(step, GotoStep):
                self._jump(step.goto)
                continue
            if isinstance(step, DecisionStep) and step.decision in self._results:
                continue  # never asked twice (validation refuses loops; stay safe anyway)
            event = self._event_for(step, minute, consequence)
            if event is None:
                continue
            self.minute = max(self.minute, minute)
            if isinstance(event, PhaseEvent):
                self.phase = event
            if isinstance(event, DecisionEvent):
                self._pending = event
            self.history.append(event)
            return event
        # The last line is said: the clock shows the session's full length, not the last line's time.
        self.minute = float(self.duration_minutes)
        return None

    def answer(
        self,
        decision_id: str,
        option_id: str,
        own_words: str | None = None,
        seconds: float | None = None,
    ) -> AnswerResult:
        pending = self._pending
        if pending is None:
            raise SessionError(f"decision '{decision_id}' is not waiting for an answer")
        if pending.decision_id != decision_id:
            raise SessionError(
                f"decision '{pending.decision_id}' is waiting for an answer, not '{decision_id}'"
            )
        decision = self.scenario.decision(decision_id)
        option = next((o for o in decision.options if o.id == option_id), None)
        if option is None:
            ids = ", ".join(o.id for o in decision.options)
            raise SessionError(f"decision '{decision_id}' has no option '{option_id}' (options: {ids})")
        own_words = (own_words or "").strip() or None
        feedback = self._make_feedback(decision, option_id, own_words, pending.shown_order, seconds)
        self._feedback[decision_id] = feedback
        result = AnswerResult(
            decision_id,
            option_id,
            own_words,
            seconds,
            feedback.credit,
            feedback if self.mode == "practice" else None,
            pending.shown_order,
        )
        self._results[decision_id] = result
        self._pending = None
        self.state.apply(option)
        self._insert_consequences(option.then)
        if option.goto:
            self._jump(option.goto)
        return result

    def next_during_decision(self) -> LineEvent | NarrationEvent | None:
        """A line the group says while the pending decision waits (real-time mode), or None.

        Only what cannot depend on the answer: the group's script lines that follow the decision,
        up to the next decision, phase change, jump or line of the leader's own (the trainee is
        the leader, still deciding). When the decision's options ``set`` state, a
        ``when``-guarded step stops it too (its condition may turn on the answer); otherwise such
        a step is decided now, as it would be after the answer. Nothing when an option jumps
        (``goto``): what follows is then the answer's. A line said here is not said again: after
        the answer the chosen option's ``then`` lines play, then the script goes on after it.
        """
        pending = self._pending
        if pending is None:
            return None
        decision = self.scenario.decision(pending.decision_id)
        if any(option.goto for option in decision.options):
            return None
        sets_state = any(option.set for option in decision.options)
        while self._queue:
            step, minute, consequence = self._queue[0]
            if consequence or not isinstance(step, SayStep | NarrateStep):
                return None
            if isinstance(step, SayStep) and step.say == LEADER_ID:
                return None
            if step.when is not None:
                if sets_state:
                    return None
                if not self.state.holds(step.when):
                    self._queue.popleft()  # skipped now exactly as it would be after the answer
                    self._step_index += 1
                    continue
            self._queue.popleft()
            self._step_index += 1
            event = self._event_for(step, minute, False)
            if event is None:  # pragma: no cover - say and narrate steps always make an event
                return None
            assert isinstance(event, LineEvent | NarrationEvent)
            event = replace(event, during_decision=True)
            self.minute = max(self.minute, minute)
            self.history.append(event)
            return event
        return None

    def time_limit(self, decision_id: str) -> int | None:
        """Seconds the scenario gives for a decision in real-time mode (None: no limit set)."""
        return self.scenario.decision(decision_id).time_limit_seconds or self.scenario.time_limit_seconds

    def time_out(self, decision_id: str, seconds: float | None = None) -> AnswerResult:
        """Record the pending decision as left unanswered: no intervention.

        Scored as the decision's ``no-intervention`` option when the key names one (and its
        consequences play); otherwise stored as :data:`NO_INTERVENTION` with credit 0.
        """
        decision = self.scenario.decision(decision_id)
        if decision.no_intervention is not None:
            result = self.answer(decision_id, decision.no_intervention, None, seconds)
            result = replace(result, timed_out=True)
            feedback = replace(self._feedback[decision_id], timed_out=True)
            self._feedback[decision_id] = feedback
            result = replace(result, feedback=feedback if self.mode == "practice" else None)
            self._results[decision_id] = result
            return result
        pending = self._pending
        if pending is None or pending.decision_id != decision_id:
            raise SessionError(f"decision '{decision_id}' is not waiting for an answer")
        feedback = self._make_feedback(decision, NO_INTERVENTION, None, pending.shown_order, seconds)
        feedback = replace(feedback, timed_out=True)
        self._feedback[decision_id] = feedback
        result = AnswerResult(
            decision_id,
            NO_INTERVENTION,
            None,
            seconds,
            0.0,
            feedback if self.mode == "practice" else None,
            pending.shown_order,
            True,
        )
        self._results[decision_id] = result
        self._pending = None
        return result

    def summary(self) -> SessionSummary:
        """Score and per-decision feedback. In exam mode only once the session is finished."""
        if self.mode == "exam" and not self.finished:
            raise SessionError("exam feedback is shown at the end of the session")
        answers = self.answered
        score = scoring.score_answers(self.scenario, answers)
        decisions = tuple(
            self._feedback[d.decision] for d in self.scenario.decisions if d.decision in answers
        )
        # Decisions a branching path did not show are not unanswered: they are not in the score.
        shown = {e.decision_id for e in self.history if isinstance(e, DecisionEvent)}
        unanswered = tuple(
            d.decision
            for d in self.scenario.decisions
            if d.decision not in answers
            and d.decision not in self._skipped
            and (d.decision in shown or not self.finished)
        )
        labels = {
            cid: competency_label(cid, self.scenario.competencies) for cid in self.scenario.competency_ids()
        }
        return SessionSummary(
            self.scenario.id, self.mode, score, decisions, unanswered, labels, self.scenario.key_status
        )

    def run_to_end(self, choose: Any = None) -> list[Event]:
        """Drive to the end (tests, previews): ``choose(decision_event) -> option id`` or the first option."""
        events: list[Event] = []
        while True:
            event = self.next_event()
            if event is None:
                return events
            events.append(event)
            if isinstance(event, DecisionEvent):
                option_id = choose(event) if choose else event.options[0].id
                self.answer(event.decision_id, option_id)

    # -- internals -----------------------------------------------------
    def _check_given(self, given: Mapping[str, GivenAnswer]) -> None:
        for decision_id, answer in given.items():
            if decision_id not in self._decision_numbers:
                raise SessionError(f"scenario '{self.scenario.id}' has no decision '{decision_id}'")
            options = [o.id for o in self.scenario.decision(decision_id).options]
            if answer.option_id not in options and answer.option_id != NO_INTERVENTION:
                raise SessionError(
                    f"decision '{decision_id}' has no option '{answer.option_id}' (options: {', '.join(options)})"
                )

    def _fast_forward(self, given: Mapping[str, GivenAnswer]) -> None:
        remaining = dict(given)
        for earlier in given.values():
            decision = self.scenario.decision(earlier.decision_id)
            if earlier.shown_order and is_permutation(earlier.shown_order, decision):
                self._orders[earlier.decision_id] = tuple(earlier.shown_order)
        while remaining:
            event = self.next_event()
            if event is None:
                break
            if isinstance(event, DecisionEvent):
                answer = remaining.pop(event.decision_id, None)
                if answer is None:
                    # A later decision was answered but this one was not: stop here anyway.
                    return
                if answer.option_id == NO_INTERVENTION:
                    self.time_out(event.decision_id, answer.seconds)
                else:
                    self.answer(event.decision_id, answer.option_id, answer.own_words, answer.seconds)
        # Play the consequences of the last given answer and any lines up to the next decision
        # are left for the player: it continues exactly where the trainee stopped.

    def _jump(self, label: str) -> None:
        """Continue at a labelled step; consequence lines already queued still play first."""
        target = self._labels.get(label)
        if target is None:  # validation refuses unknown labels; an unvalidated file just goes on
            return
        pending = [item for item in self._queue if item[2]]
        self._queue = deque(pending)
        self._queue.extend(
            (step, minute, False)
            for step, minute in zip(self.scenario.script[target:], self._minutes[target:], strict=True)
        )
        self._step_index = target - 1

    def _insert_consequences(self, steps: Iterable[SayStep | NarrateStep]) -> None:
        steps = [step for step in steps if self.state.holds(step.when)]
        if not steps:
            return
        start = self.minute
        end = (
            self._next_minutes[self._step_index] if 0 <= self._step_index < len(self._next_minutes) else start
        )
        span = max(0.0, end - start)
        for position, step in reversed(list(enumerate(steps, start=1))):
            minute = start + span * position / (len(steps) + 1)
            self._queue.appendleft((step, minute, True))

    def _event_for(self, step: Any, minute: float, consequence: bool) -> Event | None:
        if isinstance(step, PhaseStep):
            return PhaseEvent(
                step.phase, PHASE_LABELS.get(step.phase, step.phase), PHASES.index(step.phase), minute
            )
        if isinstance(step, SayStep):
            return self._line(step, minute, consequence)
        if isinstance(step, NarrateStep):
            return NarrationEvent(step.narrate, minute, consequence)
        if isinstance(step, DecisionStep):
            texts = {o.id: o.text for o in step.options}
            order = self._orders.get(step.decision) or shown_order(step, self.seed)
            # Counted on the path taken: decisions a branch skips are not "of M" (see decisions_on_path).
            number = self.decisions_shown + 1
            ahead = self._ahead_of(step)
            return DecisionEvent(
                step.decision,
                step.prompt,
                step.competency,
                competency_label(step.competency, self.scenario.competencies),
                tuple(OptionView(oid, n, texts[oid]) for n, oid in enumerate(order, start=1)),
                number,
                number + ahead[0] if ahead else number,
                minute,
                number + ahead[1] if ahead else None,
            )
        return None

    def _line(self, step: SayStep, minute: float, consequence: bool) -> LineEvent:
        if step.say == LEADER_ID:
            return LineEvent(LEADER_ID, "You", "Group leader", "leader", step.text, minute, consequence)
        person = self.scenario.people.get(step.say)
        if person is None:  # validation forbids this; stay robust for unvalidated input
            return LineEvent(step.say, step.say, "", "member", step.text, minute, consequence)
        return LineEvent(step.say, person.name, person.role, person.kind, step.text, minute, consequence)

    def _make_feedback(
        self,
        decision: DecisionStep,
        option_id: str,
        own_words: str | None,
        order: tuple[str, ...],
        seconds: float | None = None,
    ) -> DecisionFeedback:
        option = next((o for o in decision.options if o.id == option_id), None)
        counts = scoring.votes(decision)
        panel = set(scoring.modal_options(decision))
        return DecisionFeedback(
            decision_id=decision.decision,
            prompt=decision.prompt,
            competency=decision.competency,
            competency_label=competency_label(decision.competency, self.scenario.competencies),
            chosen=option_id,
            chosen_text=option.text if option is not None else NO_INTERVENTION_TEXT,
            own_words=own_words,
            credit=scoring.credit(decision, option_id),
            votes={oid: counts[oid] for oid in order},
            option_texts={oid: next(o.text for o in decision.options if o.id == oid) for oid in order},
            modal_options=tuple(m for m in order if m in panel),
            rationale=decision.rationale,
            option_feedback=option.feedback if option is not None else None,
            expert_notes=tuple(ExpertNote(a.expert, a.best, a.note) for a in decision.experts if a.note),
            agreement=scoring.panel_agreement(decision),
            shown_order=order,
            seconds=seconds,
            option_feedbacks={o.id: o.feedback for o in decision.options},
        )
