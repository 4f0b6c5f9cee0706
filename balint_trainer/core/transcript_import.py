"""Turn a plain-text Balint group transcript into a scenario file (no Qt).

Input: ``Name: words`` lines (a turn may continue on the following lines), stage
directions as a whole line in ``[brackets]`` or ``*italics*``, blank lines
between turns. :func:`parse_transcript` proposes the people (the organiser then
assigns presenter / member / co-leader / leader and may rename them to protect
identities) and :func:`propose_phases` a heuristic split into the six phases.
:func:`build_scenario` writes a scenario that validates as it stands: every
decision point gets a placeholder decision (option stubs, a one-expert key
marked TODO), so the file opens in the editor ready to be filled in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from balint_trainer.core.competencies import PHASES
from balint_trainer.core.decision_edit import _yaml_scalar, new_decision_draft, render_decision, render_text

Kind = Literal["presenter", "member", "co-leader", "leader"]
KINDS: tuple[Kind, ...] = ("presenter", "member", "co-leader", "leader")
MAX_TRANSCRIPT_CHARS = 1_000_000

# "Dr Ana Reyes: words" — a short name (at most five words) before the first colon.
_TURN = re.compile(r"^\s*(?P<name>[^\W\d_][\w.'’\- ]{0,60}?)\s*:\s+(?P<text>\S.*)$")
_DIRECTION = re.compile(r"^\s*(?:\[(?P<b>[^\]]+)\]|\*(?P<i>[^*]+)\*|_(?P<u>[^_]+)_)\s*$")
_LEADER_NAMES = re.compile(r"^(leader|group leader|facilitator|convenor|convener|chair)$", re.IGNORECASE)
_CO_LEADER_NAMES = re.compile(r"^(co-?leader|co-?facilitator)$", re.IGNORECASE)

# Phrases that often open a phase (English; the organiser corrects the split anyway).
_PHASE_CUES: dict[str, tuple[str, ...]] = {
    "questions": ("questions of fact", "any questions", "factual questions", "questions for"),
    "push-back": ("push back", "push your chair", "sit back", "step out", "listen", "move your chair"),
    "return": ("come back", "rejoin", "back into the group", "anything you'd like to say", "return"),
    "closing": ("time to stop", "we need to stop", "close", "thank you all", "end there", "last word"),
}


@dataclass
class Turn:
    kind: Literal["say", "narrate"]
    text: str
    line: int  # 1-based line in the transcript where the turn starts
    speaker: str = ""  # the name as written in the transcript (say turns)


@dataclass
class PersonProposal:
    name: str  # as written in the transcript
    id: str
    display_name: str
    kind: Kind
    role: str = ""
    turns: int = 0
    words: int = 0


@dataclass
class Transcript:
    turns: list[Turn] = field(default_factory=list)
    people: list[PersonProposal] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # lines that were neither turns nor directions

    def person(self, name: str) -> PersonProposal | None:
        return next((p for p in self.people if p.name == name), None)


def slug(text: str, fallback: str = "person") -> str:
    """A lowercase id from a name (letters of any script are kept; YAML ids need ASCII-safe chars)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return value or fallback


def text_is_rtl(text: str) -> bool:
    """Whether the first strongly directional letter is right to left (Persian, Arabic, Hebrew)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def parse_transcript(text: str) -> Transcript:
    """Turns, stage directions and a proposal of the people, in order of first appearance."""
    transcript = Transcript()
    current: Turn | None = None
    for number, raw in enumerate(text[:MAX_TRANSCRIPT_CHARS].splitlines(), start=1):
        line = raw.strip()
        if not line:
            current = None
            continue
        direction = _DIRECTION.match(line)
        if direction:
            words = direction.group("b") or direction.group("i") or direction.group("u") or ""
            transcript.turns.append(Turn("narrate", words.strip(), number))
            current = None
            continue
        turn = _TURN.match(line)
        if turn and len(turn.group("name").split()) <= 5:
            current = Turn("say", turn.group("text").strip(), number, turn.group("name").strip())
            transcript.turns.append(current)
            continue
        if current is not None:  # a turn wrapped onto the next line (Markdown: one paragraph)
            current.text += " " + line
        else:
            transcript.skipped.append(number)
    _propose_people(transcript)
    return transcript


def _propose_people(transcript: Transcript) -> None:
    people: dict[str, PersonProposal] = {}
    used: set[str] = {"leader"}
    for turn in transcript.turns:
        if turn.kind != "say":
            continue
        person = people.get(turn.speaker)
        if person is None:
            kind: Kind = "member"
            if _LEADER_NAMES.match(turn.speaker):
                kind = "leader"
            elif _CO_LEADER_NAMES.match(turn.speaker):
                kind = "co-leader"
            base = slug(turn.speaker)
            person_id, n = base, 2
            while person_id in used:
                person_id, n = f"{base}-{n}", n + 1
            if kind == "leader":
                person_id = "leader"  # the trainee's own id in the script
            used.add(person_id)
            person = PersonProposal(turn.speaker, person_id, turn.speaker, kind)
            people[turn.speaker] = person
        person.turns += 1
        person.words += len(turn.text.split())
    # The presenter is usually the member who speaks at most length early on.
    members = [p for p in people.values() if p.kind == "member"]
    if members:
        early: dict[str, int] = {}
        say_turns = [t for t in transcript.turns if t.kind == "say"]
        for turn in say_turns[: max(6, len(say_turns) // 3)]:
            early[turn.speaker] = early.get(turn.speaker, 0) + len(turn.text.split())
        presenter = max(members, key=lambda p: (early.get(p.name, 0), p.words))
        presenter.kind = "presenter"
    transcript.people = list(people.values())


def propose_phases(transcript: Transcript, kinds: Mapping[str, Kind] | None = None) -> dict[int, str]:
    """Turn index -> phase that starts there: a heuristic the organiser edits.

    Frame at the start; presentation at the presenter's first long turn; then the
    first phrase cue of each later phase (in canonical order), falling back to
    "questions" at the first question after the presentation.
    """
    kinds = dict(kinds or {p.name: p.kind for p in transcript.people})
    turns = transcript.turns
    if not turns:
        return {}
    starts: dict[int, str] = {0: "frame"}
    presenter_turns = [
        i for i, t in enumerate(turns) if t.kind == "say" and kinds.get(t.speaker) == "presenter"
    ]
    long_ones = [i for i in presenter_turns if len(turns[i].text.split()) >= 25]
    candidates = long_ones or presenter_turns
    presentation = candidates[0] if candidates else 0
    if presentation == 0:
        return starts
    starts[presentation] = "presentation"
    position = presentation + 1
    for phase in PHASES[2:]:
        cues = _PHASE_CUES.get(phase, ())
        found = None
        for index in range(position, len(turns)):
            turn = turns[index]
            is_lead = turn.kind == "narrate" or kinds.get(turn.speaker) in ("leader", "co-leader")
            lowered = turn.text.lower()
            if is_lead and any(cue in lowered for cue in cues):
                found = index
                break
            asks = turn.kind == "say" and "?" in turn.text and kinds.get(turn.speaker) != "presenter"
            if phase == "questions" and asks:
                found = index
                break
        if found is not None:
            starts[found] = phase
            position = found + 1
    return starts


@dataclass
class PersonChoice:
    """What the organiser decided for one speaker of the transcript."""

    id: str
    name: str  # the name shown in the scenario (renamed to protect identities, if wished)
    kind: Kind
    role: str = ""


_TITLES = frozenset({"dr", "dr.", "mr", "mrs", "ms", "miss", "prof", "prof.", "sister", "nurse"})


def _name_parts(old: str, new: str) -> list[tuple[str, str]]:
    """First name to first name, surname to surname ("Maria" -> "Ana", "Lopez" -> "Reyes")."""
    old_parts = [p for p in old.split() if p.lower() not in _TITLES]
    new_parts = [p for p in new.split() if p.lower() not in _TITLES]
    if not old_parts or not new_parts:
        return []
    pairs = [(old_parts[0], new_parts[0])]
    if len(old_parts) > 1:
        pairs.append((old_parts[-1], new_parts[-1]))
    return [(o, n) for o, n in pairs if len(o) >= 3]


def _rename(text: str, renames: Iterable[tuple[str, str]]) -> str:
    for old, new in renames:
        if old and old != new:
            text = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, text)
    return text


def build_scenario(
    transcript: Transcript,
    choices: Mapping[str, PersonChoice],
    *,
    phase_starts: Mapping[int, str],
    decisions_after: Iterable[int],
    scenario_id: str = "from-transcript",
    title: str = "A session from a transcript",
    language: str = "en",
    replace_names_in_text: bool = True,
) -> str:
    """The scenario YAML. ``choices`` maps each transcript name to its person (or to the leader)."""
    pad = "  "
    lines = [
        "format: balint-scenario/1",
        f"id: {_yaml_scalar(slug(scenario_id, 'from-transcript'))}",
        render_text("title", title.strip() or "A session from a transcript", 0),
        "summary: |",
        "  TODO: one or two sentences on the case and what the leader has to handle.",
        f"language: {_yaml_scalar(language or 'en')}",
        "key_status: illustrative",
        "people:",
    ]
    renames: list[tuple[str, str]] = []
    if replace_names_in_text:
        for raw, choice in choices.items():
            renames.append((raw, choice.name))
            renames.extend(_name_parts(raw, choice.name))
    kinds_default = {"presenter": "Presenter", "member": "Group member", "co-leader": "Co-leader"}
    for choice in choices.values():
        if choice.kind == "leader":
            continue
        lines.append(f"{pad}{_yaml_scalar(choice.id)}:")
        lines.append(pad * 2 + render_text("name", choice.name.strip() or choice.id, 4))
        lines.append(pad * 2 + render_text("role", choice.role.strip() or kinds_default[choice.kind], 4))
        lines.append(pad * 2 + f"kind: {choice.kind}")
    presenter = {raw for raw, c in choices.items() if c.kind == "presenter"}
    presentation = [
        i for i, phase in sorted(phase_starts.items()) if phase == "presentation"
    ]  # the presenter's account there is a first draft of the case
    case_parts: list[str] = []
    if presentation:
        later = sorted(i for i in phase_starts if i > presentation[0])
        end = later[0] if later else len(transcript.turns)
        for turn in transcript.turns[presentation[0] : end]:
            if turn.kind == "say" and turn.speaker in presenter:
                case_parts.append(_rename(turn.text, renames))
    case = "\n\n".join(case_parts) or "TODO: the presenter's factual account of the case."
    lines.append(render_text("case", case + "\n", 0))
    lines.append("script:")
    decisions = set(decisions_after)
    existing: list[str] = []
    last_phase = -1
    for index, turn in enumerate(transcript.turns):
        phase = phase_starts.get(index)
        if phase in PHASES and PHASES.index(phase) > last_phase:
            lines.append(f"{pad}- phase: {phase}")
            last_phase = PHASES.index(phase)
        text = _rename(turn.text, renames)
        if turn.kind == "narrate":
            lines.append(f"{pad}- " + render_text("narrate", text, 4))
        else:
            chosen = choices.get(turn.speaker)
            speaker = "leader" if chosen is None or chosen.kind == "leader" else chosen.id
            lines.append(f"{pad}- say: {_yaml_scalar(speaker)}")
            lines.append(pad * 2 + render_text("text", text, 4))
        if index in decisions:
            draft = new_decision_draft(existing)
            existing.append(draft.decision)
            draft.prompt = f"TODO: after line {turn.line} of the transcript, what does the leader do now?"
            lines.append(pad + render_decision(draft, dash_column=2, key_column=4))
    if not decisions:
        draft = new_decision_draft(existing)
        lines.append(pad + render_decision(draft, dash_column=2, key_column=4))
    return "\n".join(lines) + "\n"
