"""A supervisor's coding of a recorded Balint session (Qt-free).

The recording itself never enters the database: only its SHA-256 (streamed), its
duration and its file name identify it. Moments are marked with the same competency
codes the simulator scores, plus a few that only a real group shows.
"""

from __future__ import annotations

import hashlib
import re
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES, competency_label
from balint_trainer.core.localise import translate

# Scenario-independent competencies: seen in a real group, never in a scripted decision.
EXTRA_COMPETENCIES: dict[str, str] = {
    "group-process": "Working with the group as a whole",
}

CODING_COMPETENCIES: dict[str, str] = {**BUILTIN_COMPETENCIES, **EXTRA_COMPETENCIES}

# Keys 1–9 and 0 mark the current time with a competency, in this order.
CODING_KEYS: tuple[str, ...] = tuple(CODING_COMPETENCIES)

RATING_ANCHORS: dict[int, str] = {
    1: "Not yet seen",
    2: "Emerging",
    3: "Competent",
    4: "Proficient",
    5: "Exemplary",
}

# What good looks like, one sentence per competency (shown next to the global rating).
GOOD_LOOKS_LIKE: dict[str, str] = {
    "relationship-focus": "Brings the group back to the doctor–patient relationship rather than the diagnosis.",
    "protect-presenter": "Stops questions that probe the presenter's private life or judge their competence.",
    "represent-patient": "Gives the absent patient a voice when the group loses sight of them.",
    "return-from-escape": "Notices the group escaping into generalities or medicine and gently returns it.",
    "safe-space": "States and keeps confidentiality; members feel safe to say uncomfortable things.",
    "frame-and-structure": "Holds time and phases: presentation, questions, push-back, return, close.",
    "invite-feelings": "Invites feelings, images and fantasies about the case, not solutions.",
    "leader-restraint": "Speaks little, lets silence work and leaves the group's work to the group.",
    "signpost-support": "Notices distress and points to support outside the group without turning it into therapy.",
    "group-process": "Reads the group as a whole (alliances, parallel process) and uses it for the case.",
}

MAX_MOMENTS = 2_000
MAX_NOTE = 20_000
MAX_DURATION_S = 24 * 3600.0
_CHUNK = 1 << 20


def coding_label(competency_id: str) -> str:
    if competency_id in EXTRA_COMPETENCIES:
        return translate("Competency", EXTRA_COMPETENCIES[competency_id])
    return competency_label(competency_id)


def good_looks_like(competency_id: str) -> str:
    return translate("Competency", GOOD_LOOKS_LIKE[competency_id])


def anchor_label(rating: int) -> str:
    return translate("Competency", RATING_ANCHORS[rating])


def rating_percent(rating: int) -> float:
    """A 1–5 global rating on the simulator's 0–100 scale: 1 → 0, 3 → 50, 5 → 100 (linear)."""
    return (rating - 1) * 25.0


@dataclass(frozen=True)
class Moment:
    seconds: float
    competency: str
    rating: int | None = None
    note: str = ""


@dataclass(frozen=True)
class RecordedSession:
    """One coded recording; ``id``/``uid``/names/times are filled once stored."""

    file_name: str
    sha256: str
    duration_s: float
    moments: tuple[Moment, ...] = ()
    global_ratings: Mapping[str, int] = field(default_factory=dict)
    note: str = ""
    id: int | None = None
    uid: str | None = None
    trainee_id: int | None = None
    supervisor_id: int | None = None
    supervisor_name: str = ""
    created_at: Any = None
    updated_at: Any = None  # last edit; None if never edited (edits replace the coding in place)


class CodingError(ValueError):
    """A coded session that cannot be stored as it is (message for the user)."""


def check(session: RecordedSession) -> None:
    """Raise CodingError for anything that would make the stored coding meaningless."""
    if not re.fullmatch(r"[0-9a-f]{64}", session.sha256 or ""):
        raise CodingError("the recording's checksum is missing or not a SHA-256")
    if not session.file_name.strip() or len(session.file_name) > 300:
        raise CodingError("the recording's file name is missing or too long")
    if not 0 <= session.duration_s <= MAX_DURATION_S:
        raise CodingError("the recording's duration is out of range")
    if len(session.moments) > MAX_MOMENTS:
        raise CodingError(f"too many moments (at most {MAX_MOMENTS})")
    if len(session.note) > MAX_NOTE:
        raise CodingError(f"the note is too long (at most {MAX_NOTE:,} characters)")
    for moment in session.moments:
        if moment.competency not in CODING_COMPETENCIES:
            raise CodingError(f"unknown competency '{moment.competency}'")
        if moment.rating is not None and moment.rating not in RATING_ANCHORS:
            raise CodingError("a moment's rating must be 1 to 5")
        if not 0 <= moment.seconds <= max(session.duration_s, 0) + 1:
            raise CodingError(f"a moment at {format_time(moment.seconds)} is outside the recording")
        if len(moment.note) > MAX_NOTE:
            raise CodingError("a moment's note is too long")
    for competency, rating in session.global_ratings.items():
        if competency not in CODING_COMPETENCIES:
            raise CodingError(f"unknown competency '{competency}'")
        if rating not in RATING_ANCHORS:
            raise CodingError("a global rating must be 1 to 5")


def moments_to_json(moments: tuple[Moment, ...]) -> list[dict[str, Any]]:
    return [{"t": round(m.seconds, 3), "c": m.competency, "r": m.rating, "n": m.note} for m in moments]


def moments_from_json(value: Any) -> tuple[Moment, ...]:
    """Moments from stored or imported JSON; CodingError if it is not the expected shape."""
    if not isinstance(value, list):
        raise CodingError("moments must be a list")
    moments = []
    for item in value:
        if not isinstance(item, dict):
            raise CodingError("a moment must be an object")
        t, c, r, n = item.get("t"), item.get("c"), item.get("r"), item.get("n", "")
        if isinstance(t, bool) or not isinstance(t, int | float) or not isinstance(c, str):
            raise CodingError("a moment needs a time and a competency")
        if r is not None and (isinstance(r, bool) or not isinstance(r, int)):
            raise CodingError("a moment's rating must be 1 to 5")
        if not isinstance(n, str):
            raise CodingError("a moment's note must be text")
        moments.append(Moment(float(t), c, r, n))
    return tuple(sorted(moments, key=lambda m: m.seconds))


def ratings_from_json(value: Any) -> dict[str, int]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in value.items()
    ):
        raise CodingError("global ratings must map competencies to 1–5")
    return dict(value)


# ------------------------------------------------------------------------------- time and files

_TIME = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)(?:[.,](\d{1,3}))?\s*$")


def parse_time(text: str) -> float:
    """``mm:ss``, ``h:mm:ss`` or ``mm:ss.f`` to seconds; ValueError with a plain message."""
    match = _TIME.match(text or "")
    if not match:
        raise ValueError(f"'{text}' is not a time like 12:34")
    hours, minutes, seconds, fraction = match.groups()
    if hours is not None and int(minutes) > 59:
        raise ValueError(f"'{text}' is not a time like 1:02:34")
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (float(f"0.{fraction}") if fraction else 0.0)


def format_time(seconds: float) -> str:
    total = max(int(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def sha256_file(path: Path, should_stop: Callable[[], bool] | None = None) -> str:
    """Stream the file through SHA-256 (never reads it whole); InterruptedError if stopped."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if should_stop is not None and should_stop():
                raise InterruptedError("cancelled")
            digest.update(chunk)
    return digest.hexdigest()


def wav_duration(path: Path) -> float | None:
    """Duration from a WAV header, or None when the file is not a readable WAV."""
    try:
        with wave.open(str(path), "rb") as wav:
            rate = wav.getframerate()
            return wav.getnframes() / rate if rate else None
    except (wave.Error, EOFError, OSError):
        return None


@dataclass(frozen=True)
class RecordingInfo:
    path: Path
    sha256: str
    duration_s: float | None  # None: not known from the header; the player may tell


def inspect_recording(path: Path, should_stop: Callable[[], bool] | None = None) -> RecordingInfo:
    """Checksum and (for WAV) duration of a recording; slow for big files, run off the UI thread."""
    return RecordingInfo(path, sha256_file(path, should_stop), wav_duration(path))
