"""Built-in competency vocabulary of the scenario format (contract v1)."""

from __future__ import annotations

from collections.abc import Callable

BUILTIN_COMPETENCIES: dict[str, str] = {
    "relationship-focus": "Keeping the focus on the doctor–patient relationship",
    "protect-presenter": "Protecting the presenter",
    "represent-patient": "Representing the absent patient",
    "return-from-escape": "Returning the group from an escape",
    "safe-space": "Keeping the group safe and confidential",
    "frame-and-structure": "Holding the frame and structure",
    "invite-feelings": "Inviting feelings and fantasies",
    "leader-restraint": "Leader restraint",
    "signpost-support": "Signposting support",
}

PHASES: tuple[str, ...] = ("frame", "presentation", "questions", "push-back", "return", "closing")

PHASE_LABELS: dict[str, str] = {
    "frame": "Frame",
    "presentation": "Presentation",
    "questions": "Questions",
    "push-back": "Push-back",
    "return": "Return",
    "closing": "Closing",
}


_BUILTIN_LABELS = frozenset(BUILTIN_COMPETENCIES.values())
# The GUI installs Qt's translator here; the core itself stays Qt-free (and English).
_label_translator: Callable[[str], str] | None = None


def set_label_translator(translate: Callable[[str], str] | None) -> None:
    """Translate built-in competency labels with ``translate`` (None: English)."""
    global _label_translator
    _label_translator = translate


def localise_label(label: str) -> str:
    """A built-in label in the interface language; labels a scenario declares stay as written."""
    if _label_translator is not None and label in _BUILTIN_LABELS:
        return _label_translator(label)
    return label


def competency_label(competency_id: str, extra: dict[str, str] | None = None) -> str:
    if extra and competency_id in extra:
        return extra[competency_id]
    return localise_label(BUILTIN_COMPETENCIES.get(competency_id, competency_id))
