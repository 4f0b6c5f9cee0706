"""Pydantic models of the scenario format, version 1 (see docs/scenario-format.md).

The models check shape and types only; cross-references (people, option ids,
competencies, phase order) are checked in :mod:`balint_trainer.core.validation`
so that every problem can be reported at once with its position.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

from balint_trainer.core.langtag import language_tag_problem
from balint_trainer.core.vocabulary import NO_INTERVENTION as NO_INTERVENTION  # re-exported

FORMAT_ID = "balint-scenario/1"

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$", min_length=1, max_length=100)]
Identifier = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", min_length=1, max_length=100)
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
Markdown = Annotated[str, StringConstraints(min_length=1, max_length=50_000)]
PhaseName = Literal["frame", "presentation", "questions", "push-back", "return", "closing"]
Level = Literal["introductory", "intermediate", "advanced"]
Rating = Annotated[int, Field(ge=1, le=5, strict=True)]
# Flags and counters of branching scenarios (docs/scenario-format.md, "State and branching").
FlagName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$", max_length=60)]
FlagValue = Annotated[bool, Field(strict=True)] | Annotated[int, Field(strict=True, ge=-100, le=100)]
Condition = Annotated[str, StringConstraints(min_length=1, max_length=200)]
TimeLimit = Annotated[int, Field(ge=5, le=600, strict=True)]


def _language_tag(value: str) -> str:
    problem = language_tag_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


# BCP 47 / RFC 5646: the tag reaches xAPI statements and HTML ``lang`` as written.
LanguageTag = Annotated[str, StringConstraints(max_length=100), AfterValidator(_language_tag)]


class _Strict(BaseModel):
    # Unknown keys are errors: in hand-written YAML they are almost always typos.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    name: Text
    role: Text
    kind: Literal["presenter", "member", "co-leader"]


class _Branching(_Strict):
    # Optional on every top-level step: a target for goto, and a condition to show it at all.
    label: Identifier | None = None
    when: Condition | None = None


class PhaseStep(_Branching):
    phase: PhaseName


class SayStep(_Branching):
    say: Identifier
    text: Markdown


class NarrateStep(_Branching):
    narrate: Markdown


class GotoStep(_Branching):
    goto: Identifier


ConsequenceStep = Annotated[
    Union[Annotated[SayStep, Tag("say step")], Annotated[NarrateStep, Tag("narrate step")]],
    Discriminator(lambda v: _step_tag(v, allowed=("say", "narrate"))),
]


class Option(_Strict):
    id: Identifier
    text: Markdown
    feedback: Markdown | None = None
    then: list[ConsequenceStep] = Field(default_factory=list)
    # Lasting consequences: flags (true/false) are set, counters (integers) are added to.
    set: dict[FlagName, FlagValue] | None = None
    goto: Identifier | None = None


class ExpertAnnotation(_Strict):
    expert: Identifier
    best: Identifier
    ratings: dict[Identifier, Rating] | None = None
    note: Markdown | None = None


class DecisionStep(_Branching):
    decision: Identifier
    prompt: Markdown
    competency: Identifier
    options: Annotated[list[Option], Field(min_length=2, max_length=8)]
    experts: Annotated[list[ExpertAnnotation], Field(min_length=1)]
    rationale: Markdown
    # False keeps the file order on screen (an ordered scale); otherwise each attempt shuffles.
    shuffle: Annotated[bool, Field(strict=True)] = True
    # Real-time mode: seconds to decide (overrides the scenario's default).
    time_limit_seconds: TimeLimit | None = None
    # The option that means doing nothing: what a decision left unanswered in time scores as.
    no_intervention: Identifier | None = Field(default=None, alias="no-intervention")


Step = Annotated[
    Union[
        Annotated[PhaseStep, Tag("phase step")],
        Annotated[SayStep, Tag("say step")],
        Annotated[NarrateStep, Tag("narrate step")],
        Annotated[DecisionStep, Tag("decision step")],
        Annotated[GotoStep, Tag("goto step")],
    ],
    Discriminator(lambda v: _step_tag(v, allowed=("phase", "say", "narrate", "decision", "goto"))),
]


def _step_tag(value: Any, allowed: tuple[str, ...]) -> str | None:
    """Pick the step type from the one key that names it (``say:``, ``decision:`` …)."""
    if isinstance(value, BaseModel):
        for name in allowed:
            if name in type(value).model_fields:
                return f"{name} step"
        return None
    if not isinstance(value, dict):
        return None
    found = [name for name in allowed if name in value]
    if len(found) != 1:
        return None
    return f"{found[0]} step"


class Scenario(_Strict):
    format: Literal["balint-scenario/1"]
    id: Slug
    title: Text
    summary: Markdown
    language: LanguageTag = "en"
    setting: Text | None = None
    level: Level | None = None
    duration_minutes: Annotated[int, Field(ge=5, le=480, strict=True)] | None = None
    leadership_model: Text | None = None
    sources: list[Text] = Field(default_factory=list)
    people: Annotated[dict[Identifier, Person], Field(min_length=1)]
    case: Markdown
    competencies: dict[Identifier, Text] = Field(default_factory=dict)
    script: Annotated[list[Step], Field(min_length=1)]
    # Optional keys of this implementation (the contract allows additions).
    key_status: Literal["illustrative", "panel"] = "panel"
    tags: list[Annotated[str, StringConstraints(min_length=1, max_length=60)]] = Field(default_factory=list)
    # Real-time mode: default seconds per decision; the trainee's setting may override it.
    time_limit_seconds: TimeLimit | None = None
    # A follow-up session: the id of the scenario whose group meets again here.
    follows: Slug | None = None
    # What the follow-up inherits from the trainee's finished attempt of ``follows``, with the
    # value each name has when there is none (docs/scenario-format.md, "Two sessions of one group").
    carries: dict[FlagName, FlagValue] | None = None

    @property
    def branching(self) -> bool:
        """Whether the script uses state or jumps (played and scored over the path taken)."""
        return any(isinstance(step, GotoStep) or step.when is not None for step in self.script) or any(
            o.set or o.goto for d in self.decisions for o in d.options
        )

    @property
    def decisions(self) -> list[DecisionStep]:
        return [step for step in self.script if isinstance(step, DecisionStep)]

    @property
    def presenter_id(self) -> str | None:
        for person_id, person in self.people.items():
            if person.kind == "presenter":
                return person_id
        return None

    def decision(self, decision_id: str) -> DecisionStep:
        for step in self.decisions:
            if step.decision == decision_id:
                return step
        raise KeyError(decision_id)

    def competency_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for step in self.decisions:
            seen.setdefault(step.competency, None)
        return list(seen)


def option_ids(decision: DecisionStep) -> list[str]:
    return [option.id for option in decision.options]
