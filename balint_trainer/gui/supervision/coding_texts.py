"""core.recorded_session's texts written out literally, for lupdate (which scans gui/ only).

Never called for its result; moved out of recording.py to keep that module small.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def coding_texts() -> list[str]:
    """Never called for its result: lists core.recorded_session's texts literally for lupdate."""
    translate = QCoreApplication.translate
    return [
        translate("Competency", "Working with the group as a whole"),
        translate("Competency", "Not yet seen"),
        translate("Competency", "Emerging"),
        translate("Competency", "Competent"),
        translate("Competency", "Proficient"),
        translate("Competency", "Exemplary"),
        translate(
            "Competency",
            "Brings the group back to the doctor–patient relationship rather than the diagnosis.",
        ),
        translate(
            "Competency", "Stops questions that probe the presenter's private life or judge their competence."
        ),
        translate("Competency", "Gives the absent patient a voice when the group loses sight of them."),
        translate(
            "Competency", "Notices the group escaping into generalities or medicine and gently returns it."
        ),
        translate(
            "Competency", "States and keeps confidentiality; members feel safe to say uncomfortable things."
        ),
        translate("Competency", "Holds time and phases: presentation, questions, push-back, return, close."),
        translate("Competency", "Invites feelings, images and fantasies about the case, not solutions."),
        translate("Competency", "Speaks little, lets silence work and leaves the group's work to the group."),
        translate(
            "Competency",
            "Notices distress and points to support outside the group without turning it into therapy.",
        ),
        translate(
            "Competency", "Reads the group as a whole (alliances, parallel process) and uses it for the case."
        ),
    ]
