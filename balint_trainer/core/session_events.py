"""What a practice session hands out and returns (no Qt): events, feedback, answers, summary.

:class:`~balint_trainer.core.session.PracticeSession` makes them; the player, the summary, the
review session and the reports read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeAlias

from balint_trainer.core import scoring
from balint_trainer.core.option_order import option_label

Mode = Literal["practice", "exam"]


@dataclass(frozen=True)
class PhaseEvent:
    phase: str
    label: str
    index: int  # position in PHASES (0..5), for a phase indicator
    minute: float


@dataclass(frozen=True)
class LineEvent:
    speaker_id: str
    name: str
    role: str
    kind: str  # "leader", "presenter", "member" or "co-leader"
    markdown: str
    minute: float
    consequence: bool = False  # shown because of the trainee's choice
    during_decision: bool = False  # said while the trainee decided (real time: the group goes on)


@dataclass(frozen=True)
class NarrationEvent:
    markdown: str
    minute: float
    consequence: bool = False
    during_decision: bool = False


@dataclass(frozen=True)
class OptionView:
    id: str
    number: int  # 1-based position on screen (keys 1..8), after shuffling
    markdown: str


@dataclass(frozen=True)
class DecisionEvent:
    decision_id: str
    prompt: str
    competency: str
    competency_label: str
    options: tuple[OptionView, ...]  # in the order shown
    number: int  # 1-based among the decisions shown on this session's path
    total: int  # decisions this path shows at the fewest (counting those already shown)
    minute: float
    # ... and at the most: more than ``total`` when later choices decide; None when the paths
    # were too many to count (then only ``number`` is known).
    total_max: int | None = None

    @property
    def total_known(self) -> bool:
        return self.total_max == self.total

    @property
    def shown_order(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.options)


Event: TypeAlias = PhaseEvent | LineEvent | NarrationEvent | DecisionEvent


@dataclass(frozen=True)
class ExpertNote:
    expert: str
    best: str
    markdown: str


@dataclass(frozen=True)
class DecisionFeedback:
    """What the expert panel says about one answered decision."""

    decision_id: str
    prompt: str
    competency: str
    competency_label: str
    chosen: str
    chosen_text: str
    own_words: str | None
    credit: float
    votes: dict[str, int]  # option id -> votes, in the order the options were shown
    option_texts: dict[str, str]
    modal_options: tuple[str, ...]
    rationale: str
    option_feedback: str | None
    expert_notes: tuple[ExpertNote, ...]
    agreement: float | None
    shown_order: tuple[str, ...] = ()  # option ids as shown to the trainee
    timed_out: bool = False  # real time ran out: recorded as no intervention
    seconds: float | None = None  # time taken to decide
    option_feedbacks: dict[str, str | None] = field(default_factory=dict)  # every option's feedback

    @property
    def is_modal(self) -> bool:
        return self.chosen in self.modal_options

    def label(self, option_id: str) -> str:
        """The option named by its shortened text (see :func:`core.option_order.option_label`)."""
        return option_label(self.option_texts.get(option_id, option_id))


@dataclass(frozen=True)
class AnswerResult:
    decision_id: str
    option_id: str
    own_words: str | None
    seconds: float | None
    credit: float  # always present: it is stored with the answer
    feedback: DecisionFeedback | None  # None in exam mode until the end
    shown_order: tuple[str, ...] = ()  # option ids in the order shown: stored with the answer
    timed_out: bool = False


@dataclass(frozen=True)
class SessionSummary:
    scenario_id: str
    mode: Mode
    score: scoring.ScenarioScore
    decisions: tuple[DecisionFeedback, ...]
    unanswered: tuple[str, ...]
    competency_labels: dict[str, str] = field(default_factory=dict)
    key_status: str = "panel"  # "illustrative": the expert key is a demonstration, not a real panel's

    @property
    def total(self) -> float | None:
        return self.score.total
