"""xAPI 1.0.3 statements: "answered" per decision, "completed" and "passed"/"failed" per attempt.

- actor: an Agent identified by an ``account`` only (``homePage`` = the course's home
  page, ``name`` = the profile's ``uid``, a UUID that stays when the profile is renamed and
  is never given to anyone else). No ``name``: a statement must stay byte-for-byte the same
  when it is sent again after a rename, or an LRS answers 409 Conflict.
- "answered": the decision as a ``cmi.interaction`` Activity (``choice``, its ``choices``,
  ``correctResponsesPattern`` = the panel's modal option(s)); result ``response``,
  ``score.scaled`` = SCT credit (0..1), ``success`` = full credit, ``duration``.
- "completed" (every finished attempt) and "passed"/"failed" (scaled attempt score against the
  course's mastery score, ``DEFAULT_MASTERY`` % unless configured): the scenario as the object,
  ``score.scaled`` = attempt total / 100, ``success``, ``completion``, ``duration`` = finished -
  started. Both are stamped with the finish time.
- context: ``registration`` = the attempt uid, the scenario as the parent activity, the
  competency as a category, the scenario version's SHA-256 and the mode as extensions.
- texts: plain text (Markdown rendered and stripped, whitespace folded); scenario texts are
  tagged with the scenario's ``language``, texts of the app (verb names, built-in competency
  names) are English, tagged with the scenario's own tag when that is English (never both
  "en" and "en-US" in one statement). App texts do not follow the interface language: two
  supervisors with different interface languages must send identical statements.
- ``id``: UUID5 of attempt uid + decision id (+ kind for attempt-level statements): sending
  twice, after a rename or from two machines, never duplicates anything. The home page is
  *not* part of the id: after a home-page change the LRS refuses (409) statements it already
  holds under the old address instead of storing every record a second time under a new
  identity; statements not yet sent go out under the new address.

``home_page`` must be the course's own URL, without query, fragment or user name (it prefixes
every activity id); the default is a reserved ``.invalid`` address that says so rather than
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
from balint_trainer.core.langtag import primary_subtag
from balint_trainer.core.plaintext import fold_whitespace, markdown_to_plain
from balint_trainer.reports.data import AttemptReview, DecisionReview, TraineeReport

XAPI_VERSION = "1.0.3"
VERB_ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VERB_COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
VERB_PASSED = "http://adlnet.gov/expapi/verbs/passed"
VERB_FAILED = "http://adlnet.gov/expapi/verbs/failed"
INTERACTION_TYPE = "http://adlnet.gov/expapi/activities/cmi.interaction"
SIMULATION_TYPE = "http://adlnet.gov/expapi/activities/simulation"
DEFAULT_HOME_PAGE = "https://balint-trainer.invalid/"
DEFAULT_MASTERY = 70  # percent of the attempt score that counts as "passed"
# Statement kinds; the queue (services.lrs) stores these.
ANSWERED, COMPLETED, OUTCOME = "answered", "completed", "outcome"
_NAMESPACE = uuid.UUID("7c4c5e3e-2f0a-4f43-9a7e-6a9f7e0b4e51")


def statement_id(attempt_uid: str, decision_id: str | None, kind: str) -> str:
    """Stable id of one statement. "answered" keeps the form of earlier exports (uid/decision)."""
    if kind == ANSWERED:
        return str(uuid.uuid5(_NAMESPACE, f"{attempt_uid}/{decision_id}"))
    return str(uuid.uuid5(_NAMESPACE, f"{attempt_uid}//{kind}"))  # decision ids are never empty


def _app_tag(scenario_tag: str) -> str:
    """The tag of the app's (English) texts: the scenario's own tag when it is English too."""
    return scenario_tag if primary_subtag(scenario_tag) == "en" else "en"


def _competency_name(decision: DecisionReview, scenario_tag: str) -> dict[str, str]:
    builtin = BUILTIN_COMPETENCIES.get(decision.competency)
    label = decision.competency_label
    if builtin is not None and label in (builtin, localise_label(builtin)):
        return {_app_tag(scenario_tag): builtin}  # the report data carries it translated for the screen
    return {scenario_tag: markdown_to_plain(label) or decision.competency}


def normalise_home_page(text: str) -> str:
    """The course home page as statements use it, or ValueError with a reason.

    An absolute http(s) URL with a host and nothing else: it names the account system of every
    actor and prefixes every activity id, so it must stay the same for a course (an LRS tells
    trainees apart by home page + name), and a query, fragment or password would be copied into
    every statement.
    """
    from urllib.parse import urlsplit

    value = text.strip()
    if any(ch.isspace() for ch in value):
        raise ValueError("a web address cannot contain spaces")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ValueError("this is not a valid web address") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("enter a full web address starting with https:// or http://")
    if "@" in parts.netloc:
        raise ValueError("a course home page cannot contain a user name or password (user:password@)")
    if parts.query or value.rstrip("/").endswith("?"):
        raise ValueError("a course home page cannot contain a query ('?…'): it would be copied into every id")
    if parts.fragment or "#" in value:
        raise ValueError(
            "a course home page cannot contain a fragment ('#…'): it would be copied into every id"
        )
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


def _actor(profile: Any, home_page: str) -> dict[str, Any]:
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": profile.uid}}


def _verb(verb_id: str, word: str, lang: str) -> dict[str, Any]:
    return {"id": verb_id, "display": {_app_tag(lang): word}}


def _scenario_activity(review: AttemptReview, home_page: str) -> dict[str, Any]:
    return {
        "objectType": "Activity",
        "id": _iri(home_page, "scenarios", review.attempt.scenario_id),
        "definition": {"type": SIMULATION_TYPE, "name": {_lang(review): markdown_to_plain(review.title)}},
    }


def _context(review: AttemptReview, home_page: str, **activities: Any) -> dict[str, Any]:
    attempt = review.attempt
    context: dict[str, Any] = {
        "registration": _registration(attempt.uid),
        "platform": "Balint Trainer",
        "language": _lang(review),
        "extensions": {
            _iri(home_page, "xapi", "scenario-sha256"): attempt.sha256,
            _iri(home_page, "xapi", "mode"): attempt.mode,
        },
    }
    if activities:
        context["contextActivities"] = activities
    return context


def decision_statement(
    profile: Any, review: AttemptReview, decision: DecisionReview, *, home_page: str = DEFAULT_HOME_PAGE
) -> dict[str, Any]:
    attempt = review.attempt
    lang = _lang(review)
    definition: dict[str, Any] = {
        "type": INTERACTION_TYPE,
        "name": {lang: f"{markdown_to_plain(review.title)}: {decision.decision_id}"},
        "interactionType": "choice",
        "choices": [{"id": o.id, "description": {lang: markdown_to_plain(o.text)}} for o in decision.options],
        "correctResponsesPattern": list(decision.modal),
    }
    if decision.prompt:
        definition["description"] = {lang: markdown_to_plain(decision.prompt)}
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
        result["extensions"] = {_iri(home_page, "xapi", "own-words"): fold_whitespace(decision.own_words)}
    activities: dict[str, Any] = {"parent": [_scenario_activity(review, home_page)]}
    if decision.competency:
        activities["category"] = [
            {
                "objectType": "Activity",
                "id": _iri(home_page, "competencies", decision.competency),
                "definition": {"name": _competency_name(decision, lang)},
            }
        ]
    return {
        "id": statement_id(attempt.uid, decision.decision_id, ANSWERED),
        "version": XAPI_VERSION,
        "actor": _actor(profile, home_page),
        "verb": _verb(VERB_ANSWERED, "answered", lang),
        "object": {
            "objectType": "Activity",
            "id": _iri(home_page, "scenarios", attempt.scenario_id, "decisions", decision.decision_id),
            "definition": definition,
        },
        "result": result,
        "context": _context(review, home_page, **activities),
        "timestamp": _timestamp(decision.answered_at),
    }


def attempt_statement(
    profile: Any,
    review: AttemptReview,
    kind: str,
    *,
    home_page: str = DEFAULT_HOME_PAGE,
    mastery: float = DEFAULT_MASTERY,
) -> dict[str, Any]:
    """The "completed" (kind COMPLETED) or "passed"/"failed" (kind OUTCOME) statement of a finished attempt."""
    attempt = review.attempt
    if attempt.finished_at is None:
        raise ValueError(f"attempt {attempt.uid} is not finished")
    lang = _lang(review)
    scaled = round(float(attempt.total or 0.0) / 100.0, 4)
    result: dict[str, Any] = {
        "score": {"scaled": scaled, "raw": round(float(attempt.total or 0.0), 2), "min": 0, "max": 100},
        "completion": True,
    }
    passed = scaled * 100.0 >= float(mastery) - 1e-9
    if kind == COMPLETED:
        verb = _verb(VERB_COMPLETED, "completed", lang)
    elif kind == OUTCOME:
        verb = _verb(VERB_PASSED, "passed", lang) if passed else _verb(VERB_FAILED, "failed", lang)
        result["success"] = passed
    else:
        raise ValueError(f"unknown statement kind '{kind}'")
    if attempt.started_at is not None:
        result["duration"] = _duration((attempt.finished_at - attempt.started_at).total_seconds())
    context = _context(review, home_page)
    context["extensions"][_iri(home_page, "xapi", "mastery-score")] = float(mastery) / 100.0
    return {
        "id": statement_id(attempt.uid, None, kind),
        "version": XAPI_VERSION,
        "actor": _actor(profile, home_page),
        "verb": verb,
        "object": _scenario_activity(review, home_page),
        "result": result,
        "context": context,
        "timestamp": _timestamp(attempt.finished_at),
    }


def review_statements(
    profile: Any,
    review: AttemptReview,
    *,
    home_page: str = DEFAULT_HOME_PAGE,
    mastery: float = DEFAULT_MASTERY,
) -> list[dict[str, Any]]:
    out = [decision_statement(profile, review, d, home_page=home_page) for d in review.answered]
    if review.attempt.finished_at is not None:
        out += [
            attempt_statement(profile, review, kind, home_page=home_page, mastery=mastery)
            for kind in (COMPLETED, OUTCOME)
        ]
    return out


def xapi_statements(
    reports: Iterable[TraineeReport], *, home_page: str = DEFAULT_HOME_PAGE, mastery: float = DEFAULT_MASTERY
) -> list[dict[str, Any]]:
    return [
        statement
        for report in reports
        for review in report.attempts
        for statement in review_statements(report.profile, review, home_page=home_page, mastery=mastery)
    ]


def write_xapi_json(
    reports: Iterable[TraineeReport],
    path: Path,
    *,
    home_page: str = DEFAULT_HOME_PAGE,
    mastery: float = DEFAULT_MASTERY,
) -> int:
    """Write a JSON array of statements (what an LRS accepts in one POST); returns the count."""
    statements = xapi_statements(reports, home_page=home_page, mastery=mastery)
    Path(path).write_text(json.dumps(statements, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return len(statements)
