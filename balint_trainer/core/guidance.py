"""Plain-language guidance on the Balint method and on the app's numbers (no Qt).

The introduction, the glossary (six phases, nine built-in competencies, every statistic the
app shows) and the sources they draw on. The GUI shows them (``gui/guidance.py``); reports may
reuse them. Every text is a literal ``translate("Guidance", …)`` so that lupdate collects it.
"""

from __future__ import annotations

from typing import NamedTuple

from balint_trainer.core.competencies import (
    BUILTIN_COMPETENCIES,
    PHASE_LABELS,
    localise_label,
    localise_phase,
)
from balint_trainer.core.localise import translate

# Where the guidance comes from (also cited in the README and in each bundled scenario).
SOURCES: tuple[str, ...] = (
    "Balint M. The Doctor, His Patient and the Illness. London: Pitman; 1957.",
    "Balint E, Norell JS (eds). Six Minutes for the Patient. London: Tavistock; 1973.",
    "Johnson AH, Nease DE, Milberg LC, Addison RB. Essential characteristics of effective Balint "
    "group leadership. Fam Med 2004;36:253–259.",
    "Van Roy K, Vanheule S, Inslegers R. Research on Balint groups: a literature review. "
    "Patient Educ Couns 2015;98:685–694.",
    "Kjeldmand D, Holmström I. Balint groups as a means to increase job satisfaction and prevent "
    "burnout among general practitioners. Ann Fam Med 2008;6:138–145.",
    "Schindler N, Pountney L. Any other word than resilience: Balint groups for paediatric trainees "
    "(RCPCH).",
    "The Balint Society (UK); the American Balint Society's leader certification criteria; the "
    "International Balint Federation's leadership-training guidelines.",
    "Moradi A, Sanagoo A, Jouybari L. Application of Balint intervention groups in professional "
    "communication in medical science education (2024).",
)


class Entry(NamedTuple):
    """One glossary entry: ``anchor`` is stable (links point at it), the texts are translated."""

    anchor: str
    kind: str  # "phase", "competency" or "statistic"
    title: str
    text: str
    good: str  # what good looks like (phases, competencies) or how to read the number


def introduction() -> list[tuple[str, str]]:
    """(heading, paragraph) pairs of the first-run introduction."""
    return [
        (
            translate("Guidance", "What a Balint group is"),
            translate(
                "Guidance",
                "A small group of clinicians (often 8 to 12) meets regularly with one or two leaders to "
                "think about the relationship between a doctor and a patient — not to solve the clinical "
                "problem. One member presents a patient who has stayed on their mind; the others listen.",
            ),
        ),
        (
            translate("Guidance", "How a session runs"),
            translate(
                "Guidance",
                "The leader sets the frame and asks who has a case. The presenter tells the story. The "
                "group asks questions of fact only. Then the presenter pushes back their chair and listens "
                "while the group wonders about the patient, the doctor and their feelings. The presenter "
                "returns to have the last word, and the leader closes on time.",
            ),
        ),
        (
            translate("Guidance", "What the leader does"),
            translate(
                "Guidance",
                "Keeps the group safe and what is said confidential. Keeps the focus on the doctor–patient "
                "relationship. Blocks intrusive questions about the presenter's private life, kindly and "
                "at once. When the group escapes into generalities (“these patients are always "
                "untreatable”) or into referral and advice, brings it back, often by speaking for the "
                "absent patient. Says little otherwise: the group does the work.",
            ),
        ),
        (
            translate("Guidance", "What this app does"),
            translate(
                "Guidance",
                "It plays a scripted session line by line and stops where a leader has to act. You choose "
                "what you would do. Your credit is the number of experts who chose your option divided by "
                "the number who chose the most popular one: 1 means you chose what most of the panel "
                "chose. The bundled panels are illustrative, written by this project from published "
                "guidance; a course can replace them with its own experts' votes.",
            ),
        ),
        (
            translate("Guidance", "Getting about"),
            translate(
                "Guidance",
                "Choose a scenario in the library and press Enter. Space reveals the next line; at a "
                "decision press a number key, then Enter. Help → Glossary explains every phase, "
                "competency and number; F1 lists all keyboard shortcuts.",
            ),
        ),
    ]


def phase_entries() -> list[Entry]:
    texts = {
        "frame": (
            translate("Guidance", "The leader opens: the time, the rules (confidentiality, one case), who has a case?"),
            translate("Guidance", "Brief and warm; the frame is stated once and then held, not lectured."),
        ),
        "presentation": (
            translate("Guidance", "The presenter tells the story of a patient, uninterrupted, as it comes to mind."),
            translate("Guidance", "The group listens; the leader does not let anyone interrupt or start advising."),
        ),
        "questions": (
            translate("Guidance", "Members ask questions of fact to picture the patient and the consultation."),
            translate(
                "Guidance",
                "Short factual questions; questions about the presenter's private life are stopped kindly.",
            ),
        ),
        "push-back": (
            translate(
                "Guidance",
                "The presenter sits back and listens while the group wonders aloud about the patient, the "
                "doctor and the feelings the case stirs.",
            ),
            translate(
                "Guidance",
                "Feelings and fantasies, not diagnoses or advice; the presenter is not drawn back in early.",
            ),
        ),
        "return": (
            translate("Guidance", "The presenter rejoins the group and says what struck them, if anything."),
            translate("Guidance", "The presenter has the last word; nobody argues with it or sums it up for them."),
        ),
        "closing": (
            translate("Guidance", "The leader ends on time, thanks the presenter and may ask for a follow-up."),
            translate("Guidance", "On time, without a lesson or a verdict; support is signposted where needed."),
        ),
    }
    return [
        Entry(f"phase-{phase}", "phase", localise_phase(PHASE_LABELS[phase]), text, good)
        for phase, (text, good) in texts.items()
    ]


def competency_entries() -> list[Entry]:
    texts = {
        "relationship-focus": (
            translate("Guidance", "Keeping the talk on the relationship between this doctor and this patient."),
            translate(
                "Guidance",
                "Asks how the patient makes people feel, or what kind of doctor the patient wants; steers "
                "away from diagnosis, drugs and management.",
            ),
        ),
        "protect-presenter": (
            translate("Guidance", "Shielding the presenter from personal probing, blame or pressure to justify."),
            translate(
                "Guidance",
                "Steps in at once and kindly when a question turns to the presenter's private life or "
                "competence, without shaming the member who asked.",
            ),
        ),
        "represent-patient": (
            translate("Guidance", "Speaking for the patient, who is not in the room."),
            translate(
                "Guidance",
                "When the group writes the patient off, wonders aloud how things look from the patient's "
                "side.",
            ),
        ),
        "return-from-escape": (
            translate(
                "Guidance",
                "Noticing when the group escapes into generalities, theory, referral or advice, and "
                "bringing it back.",
            ),
            translate("Guidance", "Names the drift lightly and returns to this patient and this doctor."),
        ),
        "safe-space": (
            translate("Guidance", "Making the group a place where people can speak about feelings and mistakes."),
            translate(
                "Guidance",
                "Confidentiality is clear; nobody is pushed to disclose; personal stories volunteered "
                "freely are allowed to stand.",
            ),
        ),
        "frame-and-structure": (
            translate("Guidance", "Holding the agreed shape of the session: time, phases, who speaks when."),
            translate("Guidance", "Starts and ends on time and keeps the phases, firmly but without fuss."),
        ),
        "invite-feelings": (
            translate("Guidance", "Opening room for feelings, images and fantasies about the patient and doctor."),
            translate("Guidance", "Invites (“what did you feel as you listened?”) rather than interprets."),
        ),
        "leader-restraint": (
            translate("Guidance", "Holding back, so the group does the work."),
            translate(
                "Guidance",
                "Allows silences, does not answer for the group, give a lecture or a summary verdict.",
            ),
        ),
        "signpost-support": (
            translate("Guidance", "Pointing people to help beyond the group when they need it."),
            translate(
                "Guidance",
                "Notices distress or risk, offers a word afterwards or names a support service, without "
                "turning the group into therapy.",
            ),
        ),
    }
    return [
        Entry(f"competency-{cid}", "competency", localise_label(BUILTIN_COMPETENCIES[cid]), text, good)
        for cid, (text, good) in texts.items()
    ]


def statistic_entries() -> list[Entry]:
    return [
        Entry(
            "stat-credit",
            "statistic",
            translate("Guidance", "Credit"),
            translate(
                "Guidance",
                "Experts who chose your option ÷ experts who chose the most popular option, from 0 to 1.",
            ),
            translate("Guidance", "1: the panel's choice. 0.5: half as popular. 0: no expert chose it."),
        ),
        Entry(
            "stat-score",
            "statistic",
            translate("Guidance", "Score"),
            translate("Guidance", "100 × your average credit over the decisions you answered."),
            translate("Guidance", "A competency's score is the average credit of its decisions."),
        ),
        Entry(
            "stat-agreement",
            "statistic",
            translate("Guidance", "Panel agreement (P)"),
            translate(
                "Guidance",
                "The chance that two experts picked at random chose the same option, from 0 to 1.",
            ),
            translate(
                "Guidance",
                "Below 0.5 the panel was split: the “right” answer is contested, so read the credit with care.",
            ),
        ),
        Entry(
            "stat-fleiss-kappa",
            "statistic",
            translate("Guidance", "Fleiss' kappa"),
            translate(
                "Guidance",
                "How much more the experts agree in their 1–5 ratings than they would by chance.",
            ),
            translate(
                "Guidance",
                "1 is perfect agreement, 0 no better than chance; above about 0.6 is usually called good.",
            ),
        ),
        Entry(
            "stat-krippendorff-alpha",
            "statistic",
            translate("Guidance", "Krippendorff's alpha"),
            translate(
                "Guidance",
                "Agreement between the experts' ratings, corrected for chance, that also copes with "
                "missing ratings and treats 1–5 as ordered.",
            ),
            translate("Guidance", "Read like kappa: 1 perfect, 0 chance; 0.667 is a common lowest acceptable value."),
        ),
        Entry(
            "stat-facility",
            "statistic",
            translate("Guidance", "Facility"),
            translate("Guidance", "The share of answers to a decision that earned full credit."),
            translate("Guidance", "Near 1: easy for this cohort; near 0: hard or perhaps misleading."),
        ),
        Entry(
            "stat-discrimination",
            "statistic",
            translate("Guidance", "Discrimination"),
            translate(
                "Guidance",
                "Average credit on a decision among the best 27 % of attempts (by score) minus the average "
                "among the lowest 27 %.",
            ),
            translate(
                "Guidance",
                "Positive (0.3 or more is good): stronger trainees get it right more often. Near zero or "
                "negative: the decision may be ambiguous; look at its wording and key.",
            ),
        ),
        Entry(
            "stat-cronbach-alpha",
            "statistic",
            translate("Guidance", "Cronbach's alpha"),
            translate(
                "Guidance",
                "How consistently the decisions of a scenario rank trainees: do people who do well on one "
                "tend to do well on the others?",
            ),
            translate(
                "Guidance",
                "0.7 or more is usually enough to compare trainees; lower means the total score is noisy.",
            ),
        ),
        Entry(
            "stat-item-rest",
            "statistic",
            translate("Guidance", "Item–rest correlation"),
            translate(
                "Guidance",
                "How well the credit on one decision goes with the score on all the other decisions.",
            ),
            translate(
                "Guidance",
                "Positive is good; near zero or negative means this decision measures something else or "
                "its key is doubtful.",
            ),
        ),
    ]


def glossary_entries() -> list[Entry]:
    return [*phase_entries(), *competency_entries(), *statistic_entries()]


def entry(anchor: str) -> Entry | None:
    return next((e for e in glossary_entries() if e.anchor == anchor), None)


def competency_anchor(competency_id: str) -> str | None:
    """The glossary anchor of a built-in competency (None for one a scenario declares itself)."""
    return f"competency-{competency_id}" if competency_id in BUILTIN_COMPETENCIES else None


def statistic_help(name: str) -> str:
    """One tooltip text for a statistic: ``name`` is the anchor without "stat-" (e.g. "credit")."""
    found = entry(f"stat-{name}")
    if found is None:
        raise KeyError(name)
    return f"{found.title}: {found.text} {found.good}"


_QUOTES = "\"“”„«»‹›'‘’"


def is_quoted_speech(text: str) -> bool:
    """An option written as what the leader says (in quotes) rather than as what they do.

    Markdown emphasis around the quote (``*"…"*``) does not count against it.
    """
    stripped = text.strip().lstrip("*_ ")
    return stripped[:1] in _QUOTES
