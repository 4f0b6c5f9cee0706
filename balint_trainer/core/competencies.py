"""Built-in competency vocabulary of the scenario format (contract v1)."""

from __future__ import annotations

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


def competency_label(competency_id: str, extra: dict[str, str] | None = None) -> str:
    if extra and competency_id in extra:
        return extra[competency_id]
    return BUILTIN_COMPETENCIES.get(competency_id, competency_id)
