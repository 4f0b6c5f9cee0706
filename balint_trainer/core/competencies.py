"""Built-in competency vocabulary of the scenario format (contract v1)."""

from __future__ import annotations

from balint_trainer.core.localise import translate

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


def localise_label(label: str) -> str:
    """A built-in label in the interface language; labels a scenario declares stay as written."""
    # gui/__init__.py lists the built-in labels under "Competency" for lupdate.
    return translate("Competency", label) if label in _BUILTIN_LABELS else label


def localise_phase(label: str) -> str:
    """A phase's label (PHASE_LABELS) in the interface language; gui/practice/phase.py lists them for lupdate."""
    return translate("Phases", label)


def competency_label(competency_id: str, extra: dict[str, str] | None = None) -> str:
    if extra and competency_id in extra:
        return extra[competency_id]
    return localise_label(BUILTIN_COMPETENCIES.get(competency_id, competency_id))
