"""One decision out of its session, for spaced review: just enough context to answer it.

The context is the scenario's summary and the transcript lines just before the
decision (the file's own lines, not the consequences of earlier choices, which
depend on answers the trainee is not giving now). Pure: no Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from balint_trainer.core import scoring
from balint_trainer.core.competencies import competency_label
from balint_trainer.core.model import DecisionStep, NarrateStep, SayStep, Scenario
from balint_trainer.core.option_order import new_seed, shown_order
from balint_trainer.core.session_events import DecisionFeedback, ExpertNote

CONTEXT_LINES = 6


@dataclass(frozen=True)
class ContextLine:
    speaker: str | None  # None: narration
    markdown: str


@dataclass(frozen=True)
class ReviewItem:
    scenario: Scenario
    decision: DecisionStep
    context: tuple[ContextLine, ...]
    order: tuple[str, ...]  # option ids as shown (shuffled per review unless shuffle: false)

    @property
    def competency_label(self) -> str:
        return competency_label(self.decision.competency, self.scenario.competencies)

    def option_text(self, option_id: str) -> str:
        return next(o.text for o in self.decision.options if o.id == option_id)

    def feedback(self, option_id: str) -> DecisionFeedback:
        """The panel's feedback on ``option_id``, as the player shows it."""
        decision, order = self.decision, self.order
        option = next(o for o in decision.options if o.id == option_id)
        counts = scoring.votes(decision)
        panel = set(scoring.modal_options(decision))
        return DecisionFeedback(
            decision_id=decision.decision,
            prompt=decision.prompt,
            competency=decision.competency,
            competency_label=self.competency_label,
            chosen=option_id,
            chosen_text=option.text,
            own_words=None,
            credit=scoring.credit(decision, option_id),
            votes={oid: counts[oid] for oid in order},
            option_texts={oid: self.option_text(oid) for oid in order},
            modal_options=tuple(m for m in order if m in panel),
            rationale=decision.rationale,
            option_feedback=option.feedback,
            expert_notes=tuple(ExpertNote(a.expert, a.best, a.note) for a in decision.experts if a.note),
            agreement=scoring.panel_agreement(decision),
            shown_order=order,
        )


def review_item(
    scenario: Scenario, decision_id: str, *, seed: str | None = None, lines: int = CONTEXT_LINES
) -> ReviewItem:
    """The decision with the last ``lines`` transcript lines before it (KeyError: no such decision)."""
    context: list[ContextLine] = []
    names = {pid: person.name for pid, person in scenario.people.items()}
    for step in scenario.script:
        if isinstance(step, DecisionStep):
            if step.decision == decision_id:
                tail = tuple(context[-lines:]) if lines else ()
                return ReviewItem(scenario, step, tail, shown_order(step, seed or new_seed()))
        elif isinstance(step, SayStep):
            context.append(ContextLine(names.get(step.say, step.say), step.text))
        elif isinstance(step, NarrateStep):
            context.append(ContextLine(None, step.narrate))
    raise KeyError(decision_id)
