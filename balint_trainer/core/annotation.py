"""Blind expert annotation: votes, panel agreement, and merging votes into a scenario's key (no Qt).

Experts annotate each decision on their own (best option, optional 1–5 ratings
per option, a note). The organiser then merges the collected votes into the
scenario file: each annotated decision's ``experts:`` list is rewritten and
*nothing else in the file changes* (comments, quoting, order and spacing are
kept), because the new lists are spliced into the original text at the node
positions the YAML parser reports. The result is re-validated before it is
offered for saving.

Agreement figures come from :mod:`balint_trainer.core.scoring` (panel
agreement P, Fleiss' kappa); decisions with P < 0.5 are flagged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

import yaml

from balint_trainer.core import scoring
from balint_trainer.core.model import DecisionStep, ExpertAnnotation, Scenario
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.core.yamlsource import parse_yaml

MergeMode = Literal["replace", "combine"]
RATING_MIN, RATING_MAX = 1, 5
_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# Characters PyYAML refuses in a stream, and the Unicode line breaks it would fold
# inside a quoted scalar: both are written as \u escapes.
_NEEDS_ESCAPE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


class AnnotationError(ValueError):
    """Votes that cannot be merged, or a merge whose result would not validate."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        return "\n".join([self.message, *(f"  {p}" for p in self.problems)])


@dataclass(frozen=True)
class ExpertVote:
    """One expert's blind annotation of one decision."""

    expert: str  # the annotator id written to the YAML key (a slug)
    decision_id: str
    best: str
    ratings: Mapping[str, int] | None = None
    note: str | None = None

    def as_annotation(self) -> ExpertAnnotation:
        note = self.note.strip() if self.note else None
        return ExpertAnnotation(
            expert=self.expert,
            best=self.best,
            ratings=dict(self.ratings) if self.ratings else None,
            note=note or None,
        )


class StoredAnnotation(Protocol):
    """What the service returns (``services.dto.Annotation``); kept structural to stay decoupled."""

    @property
    def decision_id(self) -> str: ...
    @property
    def expert_profile_id(self) -> int: ...
    @property
    def expert_name(self) -> str: ...
    @property
    def best(self) -> str: ...
    @property
    def ratings(self) -> Mapping[str, int] | None: ...
    @property
    def note(self) -> str | None: ...


def expert_slug(name: str, profile_id: int | None = None) -> str:
    """A readable annotator id from a profile name: ``"Dr Ana Reyes"`` -> ``dr-ana-reyes``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:60]
    if not slug:
        slug = f"expert-{profile_id}" if profile_id is not None else "expert"
    return slug


def votes_from_annotations(annotations: Iterable[StoredAnnotation]) -> list[ExpertVote]:
    """Turn stored annotations into votes with stable, distinct expert ids."""
    items = list(annotations)
    ids: dict[int, str] = {}
    taken: dict[str, int] = {}
    for item in sorted(items, key=lambda a: a.expert_profile_id):
        if item.expert_profile_id in ids:
            continue
        slug = expert_slug(item.expert_name, item.expert_profile_id)
        if slug in taken and taken[slug] != item.expert_profile_id:
            slug = f"{slug}-{item.expert_profile_id}"  # two profiles with the same name
        ids[item.expert_profile_id] = slug
        taken[slug] = item.expert_profile_id
    return [
        ExpertVote(
            expert=ids[a.expert_profile_id],
            decision_id=a.decision_id,
            best=a.best,
            ratings=dict(a.ratings) if a.ratings else None,
            note=a.note,
        )
        for a in items
    ]


def check_vote(scenario: Scenario, vote: ExpertVote) -> list[str]:
    """Why a vote does not fit the scenario (empty when it does)."""
    try:
        decision = scenario.decision(vote.decision_id)
    except KeyError:
        return [f"{vote.expert}: decision '{vote.decision_id}' is not in scenario '{scenario.id}'"]
    problems = []
    options = [option.id for option in decision.options]
    if not _IDENTIFIER.match(vote.expert):
        problems.append(f"'{vote.expert}' is not a valid expert id")
    if vote.best not in options:
        problems.append(
            f"{vote.expert} on '{vote.decision_id}': best option '{vote.best}' is not one of {', '.join(options)}"
        )
    for option_id, value in (vote.ratings or {}).items():
        if option_id not in options:
            problems.append(f"{vote.expert} on '{vote.decision_id}': rating for unknown option '{option_id}'")
        if isinstance(value, bool) or not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
            problems.append(
                f"{vote.expert} on '{vote.decision_id}': rating {value!r} for '{option_id}' is not 1..5"
            )
    return problems


def merged_experts(
    scenario: Scenario, votes: Iterable[ExpertVote], *, mode: MergeMode = "replace"
) -> dict[str, list[ExpertAnnotation]]:
    """New ``experts`` list per annotated decision (decisions without votes are absent).

    ``replace``: the collected votes become the key. ``combine``: the votes are
    added to the file's existing list; an expert already in it is updated.
    """
    by_decision: dict[str, dict[str, ExpertAnnotation]] = {}
    problems: list[str] = []
    for vote in votes:
        vote_problems = check_vote(scenario, vote)
        if vote_problems:
            problems.extend(vote_problems)
            continue
        by_decision.setdefault(vote.decision_id, {})[vote.expert] = vote.as_annotation()
    if problems:
        raise AnnotationError("Some annotations do not fit the scenario:", problems)
    result: dict[str, list[ExpertAnnotation]] = {}
    for decision in scenario.decisions:
        collected = by_decision.get(decision.decision)
        if not collected:
            continue
        if mode == "combine":
            merged = {a.expert: a for a in decision.experts}
            merged.update(collected)
            result[decision.decision] = list(merged.values())
        else:
            result[decision.decision] = sorted(collected.values(), key=lambda a: a.expert)
    return result


# --------------------------------------------------------------------------- agreement


@dataclass(frozen=True)
class DecisionAgreement:
    decision_id: str
    competency: str
    experts: int
    votes: dict[str, int]
    modal: list[str]
    agreement: float | None  # panel agreement P; None for fewer than two experts
    kappa: float | None  # Fleiss' kappa over the ratings, where every expert rated every option
    alpha: float | None = None  # Krippendorff's alpha (ordinal) over the ratings; missing ones allowed

    @property
    def low_agreement(self) -> bool:
        return self.agreement is not None and self.agreement < scoring.LOW_AGREEMENT


@dataclass(frozen=True)
class AgreementReport:
    decisions: list[DecisionAgreement] = field(default_factory=list)
    pooled_kappa: float | None = None
    pooled_alpha: float | None = None

    @property
    def flagged(self) -> list[str]:
        return [d.decision_id for d in self.decisions if d.low_agreement]


def agreement_report(scenario: Scenario, votes: Iterable[ExpertVote] | None = None) -> AgreementReport:
    """Agreement per decision for the collected votes (or for the file's own key if ``votes`` is None).

    Decisions nobody has annotated yet are listed with zero experts.
    """
    if votes is None:
        panels = {d.decision: list(d.experts) for d in scenario.decisions}
    else:
        collected = merged_experts(scenario, votes, mode="replace")
        panels = {d.decision: collected.get(d.decision, []) for d in scenario.decisions}
    steps: list[DecisionStep] = []
    rows: list[DecisionAgreement] = []
    for decision in scenario.decisions:
        # model_copy skips validation, so an empty panel is allowed here.
        step = decision.model_copy(update={"experts": panels[decision.decision]})
        steps.append(step)
        rows.append(
            DecisionAgreement(
                decision_id=decision.decision,
                competency=decision.competency,
                experts=len(step.experts),
                votes=scoring.votes(step),
                modal=scoring.modal_options(step),
                agreement=scoring.panel_agreement(step),
                kappa=scoring.decision_kappa(step) if step.experts else None,
                alpha=scoring.decision_alpha(step) if step.experts else None,
            )
        )
    annotated = [s for s in steps if s.experts]
    return AgreementReport(rows, scoring.pooled_kappa(annotated), scoring.pooled_alpha(annotated))


# --------------------------------------------------------------------------- YAML splicing


def _yaml_scalar(value: str) -> str:
    """A plain scalar where YAML would read it back as the same string, else a quoted one."""
    if _IDENTIFIER.match(value):
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return _quoted(value)


def _quoted(value: str) -> str:
    # JSON strings are valid YAML double-quoted scalars; escape what YAML refuses raw.
    text = json.dumps(value, ensure_ascii=False)
    return _NEEDS_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render_expert(annotation: ExpertAnnotation) -> str:
    """One expert as a one-line flow mapping, like the hand-written files use."""
    parts = [f"expert: {_yaml_scalar(annotation.expert)}", f"best: {_yaml_scalar(annotation.best)}"]
    if annotation.ratings:
        ratings = ", ".join(f"{_yaml_scalar(k)}: {v}" for k, v in annotation.ratings.items())
        parts.append(f"ratings: {{{ratings}}}")
    if annotation.note:
        parts.append(f"note: {_quoted(annotation.note)}")
    return "{" + ", ".join(parts) + "}"


def _content_end(node: yaml.Node) -> int:
    """Index just after a node's own text (block collections' end marks run into the next line)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return int(node.end_mark.index)
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _content_end(node.value[-1])
    if isinstance(node, yaml.MappingNode) and node.value:
        return _content_end(node.value[-1][1])
    return int(node.end_mark.index)


def _mapping_get(node: yaml.Node, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


@dataclass(frozen=True)
class Splice:
    start: int
    end: int
    replacement: str
    decision_id: str


def _experts_splices(text: str, experts: Mapping[str, Sequence[ExpertAnnotation]]) -> list[Splice]:
    doc = parse_yaml(text, "scenario")
    if doc.root is None or doc.data is None:
        raise AnnotationError("The scenario text cannot be parsed:", [str(p) for p in doc.problems])
    script = _mapping_get(doc.root, "script")
    if script is None or not isinstance(script[1], yaml.SequenceNode):
        raise AnnotationError("The scenario has no script list.")
    splices: list[Splice] = []
    problems: list[str] = []
    for step in script[1].value:
        found = _mapping_get(step, "decision")
        if found is None or not isinstance(found[1], yaml.ScalarNode):
            continue
        decision_id = found[1].value
        if decision_id not in experts:
            continue
        where = f"line {step.start_mark.line + 1}"
        lines = [render_expert(a) for a in experts[decision_id]]
        pair = _mapping_get(step, "experts")
        if step.flow_style:
            problems.append(f"decision '{decision_id}' ({where}) is written in flow style; edit it by hand")
            continue
        if pair is None:  # cannot happen for a valid scenario; be explicit anyway
            problems.append(f"decision '{decision_id}' ({where}) has no experts key")
            continue
        key_node, value_node = pair
        start = int(value_node.start_mark.index)
        if start < key_node.end_mark.index or text[start : start + 1] in ("&", "*", "!"):
            problems.append(
                f"decision '{decision_id}' ({where}): its experts list uses a YAML anchor, alias or tag; "
                "edit it by hand"
            )
            continue
        end = start + len(text[start : _content_end(value_node)].rstrip())
        if value_node.start_mark.line == key_node.start_mark.line:
            # Inline value (``experts: []`` or a flow list): start a block on the next line.
            indent = " " * (key_node.start_mark.column + 2)
            while start > key_node.end_mark.index and text[start - 1] in " \t":
                start -= 1  # no trailing blank after "experts:"
            replacement = "".join(f"\n{indent}- {line}" for line in lines)
        else:
            indent = " " * value_node.start_mark.column
            replacement = f"\n{indent}".join(f"- {line}" for line in lines)
        splices.append(Splice(start, end, replacement, decision_id))
    if problems:
        raise AnnotationError("The key cannot be merged automatically:", problems)
    return splices


@dataclass(frozen=True)
class MergeResult:
    text: str
    scenario: Scenario
    decisions: list[str]  # decisions whose experts list was rewritten
    splices: list[Splice]


def merge_into_yaml(
    text: str,
    votes: Iterable[ExpertVote],
    *,
    mode: MergeMode = "replace",
    filename: str = "scenario.yaml",
) -> MergeResult:
    """Rewrite the ``experts:`` lists of the annotated decisions in ``text``.

    Everything outside those lists stays byte-identical. Raises
    :class:`AnnotationError` when the text is invalid, a vote does not fit the
    scenario, or the merged file would not validate.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    loaded = load_scenario_bytes(body, filename)
    if loaded.scenario is None:
        raise AnnotationError(
            "Fix the scenario before merging annotations:", [str(p) for p in loaded.errors or loaded.problems]
        )
    experts = merged_experts(loaded.scenario, votes, mode=mode)
    if not experts:
        raise AnnotationError("There are no annotations to merge.")
    splices = _experts_splices(body, experts)
    new_body = body
    for splice in sorted(splices, key=lambda s: s.start, reverse=True):
        new_body = new_body[: splice.start] + splice.replacement + new_body[splice.end :]
    result = load_scenario_bytes(new_body, filename)
    if result.scenario is None:
        raise AnnotationError(
            "The merged key does not validate (nothing was changed):",
            [str(p) for p in result.errors or result.problems],
        )
    for decision_id, expected in experts.items():
        if list(result.scenario.decision(decision_id).experts) != list(expected):
            raise AnnotationError(
                f"Merging decision '{decision_id}' did not round-trip; nothing was changed."
            )
    return MergeResult(bom + new_body, result.scenario, [s.decision_id for s in splices], splices)


# --------------------------------------------------------------------------- blind context


@dataclass(frozen=True)
class ContextLine:
    kind: Literal["phase", "say", "narrate", "decision"]
    speaker: str  # display name for ``say`` lines, phase name for ``phase``, else ""
    markdown: str


@dataclass(frozen=True)
class DecisionContext:
    """What an expert sees when annotating one decision: no votes, key, feedback or rationale."""

    number: int
    total: int
    decision_id: str
    prompt: str
    competency: str
    options: tuple[tuple[str, str], ...]  # (option id, Markdown text)
    transcript: tuple[ContextLine, ...]  # the script before this decision (main line only)


def decision_contexts(scenario: Scenario) -> list[DecisionContext]:
    """Per decision, the transcript up to it. Consequence lines (``then``) are left out:
    they depend on an earlier choice, and showing one would hint at the key."""
    from balint_trainer.core.competencies import PHASE_LABELS
    from balint_trainer.core.model import NarrateStep, PhaseStep, SayStep

    def name_of(speaker: str) -> str:
        if speaker == "leader":
            return "Leader"
        person = scenario.people.get(speaker)
        return person.name if person else speaker

    total = len(scenario.decisions)
    lines: list[ContextLine] = []
    contexts: list[DecisionContext] = []
    for step in scenario.script:
        if isinstance(step, PhaseStep):
            lines.append(ContextLine("phase", PHASE_LABELS.get(step.phase, step.phase), ""))
        elif isinstance(step, SayStep):
            lines.append(ContextLine("say", name_of(step.say), step.text))
        elif isinstance(step, NarrateStep):
            lines.append(ContextLine("narrate", "", step.narrate))
        elif isinstance(step, DecisionStep):
            contexts.append(
                DecisionContext(
                    number=len(contexts) + 1,
                    total=total,
                    decision_id=step.decision,
                    prompt=step.prompt,
                    competency=step.competency,
                    options=tuple((o.id, o.text) for o in step.options),
                    transcript=tuple(lines),
                )
            )
            lines.append(ContextLine("decision", "", step.prompt))
    return contexts
