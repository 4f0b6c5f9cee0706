"""xAPI 1.0.3 statements: one "answered" statement per decision answered.

- actor: an Agent identified by an ``account`` (``homePage`` = the course's
  home page, ``name`` = the profile's ``uid``, a UUID that stays when the
  profile is renamed and is never given to anyone else); the Agent's ``name``
  is the profile name, for display only. (Before profiles had a uid the
  account name was the profile name: a rename made a re-export conflict with
  the statements already sent, and a newcomer given a freed name merged with
  its former owner in the LRS.)
- verb ``http://adlnet.gov/expapi/verbs/answered``;
- object: the decision as a ``cmi.interaction`` Activity with
  ``interactionType`` "choice", its ``choices`` and ``correctResponsesPattern``
  = the panel's modal option(s), one pattern each (any one is correct);
- result: ``response`` = chosen option id, ``score.scaled`` = SCT credit
  (0..1), ``success`` = full credit, ``duration`` when the time was recorded;
- context: ``registration`` = the attempt uid (a UUID), the scenario as the
  parent activity, the competency as a category, the scenario version's
  SHA-256 and the mode as extensions;
- statement ``id``: a UUID5 of attempt uid + decision, so exporting twice
  and sending both to an LRS does not duplicate anything.

``home_page`` should be the course's own URL (the supervisor window asks for it once and
keeps it); the default is a reserved ``.invalid`` address that says so rather than
pretending to be real.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES, localise_label
from balint_trainer.reports.data import AttemptReview, DecisionReview, TraineeReport

XAPI_VERSION = "1.0.3"
VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
INTERACTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION_TYPE = "http://adlnet.gov/expapi/activities/simulation"
DEFAULT_HOME_PAGE = "https://balint-trainer.invalid/"
_NAMESPACE = uuid.UUID("7c4c5e3e-2f0a-4f43-9a7e-6a9f7e0b4e51")


def _english_label(decision: DecisionReview) -> str:
    """The competency's name as the statement declares it ("en"), whatever the UI language."""
    builtin = BUILTIN_COMPETENCIES.get(decision.competency)
    if builtin is not None and decision.competency_label == localise_label(builtin):
        return builtin  # the report data carries the label translated for the screen
    return decision.competency_label or decision.competency


def normalise_home_page(text: str) -> str:
    """The course home page as statements use it, or ValueError with a reason.

    An absolute http(s) URL with a host; it names the account system of every actor, so
    it must stay the same for a course (an LRS tells trainees apart by home page + name).
    """
    from urllib.parse import urlsplit

    value = text.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("enter a full web address starting with https:// or http://")
    if any(ch.isspace() for ch in value):
        raise ValueError("a web address cannot contain spaces")
    return value


def _iri(home_page: str, *parts: str) -> str:
    return home_page.rstrip("/") + "/" + "/".join(quote(p, safe="") for p in parts)


def _timestamp(moment: datetime | None) -> str:
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:  # the service stores UTC; a naive value is UTC too
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _duration(seconds: float) -> str:
    return f"PT{max(seconds, 0.0):.2f}S"


def _registration(uid: str) -> str:
    try:
        return str(uuid.UUID(str(uid)))
    except ValueError:  # never expected from the service; keep the statement valid anyway
        return str(uuid.uuid5(_NAMESPACE, str(uid)))


def _lang(review: AttemptReview) -> str:
    return review.language or "en"


def decision_statement(
    profile: Any, review: AttemptReview, decision: DecisionReview, *, home_page: str = DEFAULT_HOME_PAGE
) -> dict[str, Any]:
    attempt = review.attempt
    lang = _lang(review)
    scenario_iri = _iri(home_page, "scenarios", attempt.scenario_id)
    definition: dict[str, Any] = {
        "type": INTERACTION_TYPE,
        "name": {lang: f"{review.title}: {decision.decision_id}"},
        "interactionType": "choice",
        "choices": [{"id": o.id, "description": {lang: o.text}} for o in decision.options],
        "correctResponsesPattern": list(decision.modal),
    }
    if decision.prompt:
        definition["description"] = {lang: decision.prompt}
    credit = float(decision.credit or 0.0)
    result: dict[str, Any] = {
        "response": decision.chosen,
        "score": {"scaled": credit, "raw": credit, "min": 0, "max": 1},
        "success": credit >= 1.0 - 1e-9,
        "completion": True,
    }
    if decision.seconds is not None:
        result["duration"] = _duration(decision.seconds)
    if decision.own_words:
        result["extensions"] = {_iri(home_page, "xapi", "own-words"): decision.own_words}
    context_activities: dict[str, Any] = {
        "parent": [
            {
                "objectType": "Activity",
                "id": scenario_iri,
                "definition": {"type": SIMULATION_TYPE, "name": {lang: review.title}},
            }
        ]
    }
    if decision.competency:
        context_activities["category"] = [
            {
                "objectType": "Activity",
                "id": _iri(home_page, "competencies", decision.competency),
                "definition": {"name": {"en": _english_label(decision)}},
            }
        ]
    return {
        "id": str(uuid.uuid5(_NAMESPACE, f"{attempt.uid}/{decision.decision_id}")),
        "version": XAPI_VERSION,
        "actor": {
            "objectType": "Agent",
            "name": profile.name,
            "account": {"homePage": home_page, "name": profile.uid},
        },
        "verb": {"id": VERB_ANSWERED, "display": {"en-US": "answered"}},
        "object": {
            "objectType": "Activity",
            "id": _iri(home_page, "scenarios", attempt.scenario_id, "decisions", decision.decision_id),
            "definition": definition,
        },
        "result": result,
        "context": {
            "registration": _registration(attempt.uid),
            "platform": "Balint Trainer",
            "language": lang,
            "contextActivities": context_activities,
            "extensions": {
                _iri(home_page, "xapi", "scenario-sha256"): attempt.sha256,
                _iri(home_page, "xapi", "mode"): attempt.mode,
            },
        },
        "timestamp": _timestamp(decision.answered_at),
    }


def xapi_statements(
    reports: Iterable[TraineeReport], *, home_page: str = DEFAULT_HOME_PAGE
) -> list[dict[str, Any]]:
    return [
        decision_statement(report.profile, review, decision, home_page=home_page)
        for report in reports
        for review in report.attempts
        for decision in review.answered
    ]


def write_xapi_json(
    reports: Iterable[TraineeReport], path: Path, *, home_page: str = DEFAULT_HOME_PAGE
) -> int:
    """Write a JSON array of statements (what an LRS accepts in one POST); returns the count."""
    statements = xapi_statements(reports, home_page=home_page)
    Path(path).write_text(json.dumps(statements, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(statements)
