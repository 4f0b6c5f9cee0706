"""Report data: a trainee's attempts joined with the exact scenario version they were scored on.

Everything here reads through the service roles (``services.api.ServicesApi``: a
``TrainerService`` or a test's object with the same roles) and returns frozen dataclasses, so the GUI,
the HTML/CSV/xAPI writers and the tests share one view of an attempt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from balint_trainer.core.competencies import competency_label
from balint_trainer.core.localise import local_digits, translate
from balint_trainer.core.model import NO_INTERVENTION, DecisionStep, Scenario
from balint_trainer.core.option_order import option_label, order_for
from balint_trainer.core.scoring import ScoringError, modal_options, panel_agreement, votes

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi


@dataclass(frozen=True)
class OptionView:
    id: str
    text: str
    votes: int
    credit: float
    feedback: str | None = None  # what the scenario says about this option


@dataclass(frozen=True)
class DecisionReview:
    """One decision of an attempt: what the trainee chose next to what the panel chose."""

    decision_id: str
    prompt: str
    competency: str
    competency_label: str
    options: tuple[OptionView, ...]  # in the order the trainee saw them
    modal: tuple[str, ...]
    experts: int
    chosen: str | None  # None: not answered (unfinished attempt)
    credit: float | None
    own_words: str | None
    seconds: float | None
    answered_at: datetime | None
    comments: tuple[Any, ...] = ()  # service Comment DTOs about this decision
    rationale: str = ""  # the panel's reasoning (Markdown)
    agreement: float | None = None  # panel agreement P (None: fewer than two experts)
    expert_notes: tuple[tuple[str, str, str], ...] = ()  # (expert, option id chosen, note Markdown)
    timed_out: bool = False  # real time ran out: recorded as no intervention

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    def option(self, option_id: str | None) -> OptionView | None:
        return next((o for o in self.options if o.id == option_id), None)

    def label(self, option_id: str | None) -> str:
        """The option named by its shortened text (its id only if the version is unreadable)."""
        option = self.option(option_id)
        return option_label(option.text) if option else (option_id or "")

    def position(self, option_id: str | None) -> int | None:
        """1-based place on the trainee's screen."""
        return next((n for n, o in enumerate(self.options, start=1) if o.id == option_id), None)

    @property
    def chosen_text(self) -> str:
        option = self.option(self.chosen)
        if option is None and self.chosen == NO_INTERVENTION:  # real time ran out, not in the key
            return translate("Report", "No intervention (time ran out; not in the key)")
        return option.text if option else ""

    @property
    def chosen_votes(self) -> int | None:
        option = self.option(self.chosen)
        return option.votes if option else None

    @property
    def matches_panel(self) -> bool:
        return self.chosen is not None and self.chosen in self.modal


@dataclass(frozen=True)
class AttemptReview:
    attempt: Any  # service Attempt DTO
    title: str
    language: str
    decisions: tuple[DecisionReview, ...]
    general_comments: tuple[Any, ...] = ()  # comments on the whole attempt
    competencies: dict[str, float] = field(default_factory=dict)  # 0..1 over answered decisions
    competency_labels: dict[str, str] = field(default_factory=dict)
    load_problem: str | None = None  # the stored scenario text could not be read

    @property
    def answered(self) -> tuple[DecisionReview, ...]:
        return tuple(d for d in self.decisions if d.answered)

    @property
    def total_seconds(self) -> float | None:
        times = [d.seconds for d in self.decisions if d.seconds is not None]
        return sum(times) if times else None


@dataclass(frozen=True)
class CompetencyRow:
    id: str
    label: str
    answers: int
    mean: float  # mean credit over every answered decision of this competency (0..1)
    latest: float | None  # score in the newest finished attempt that exercised it


@dataclass(frozen=True)
class TraineeReport:
    profile: Any  # service Profile DTO
    generated_at: datetime
    attempts: tuple[AttemptReview, ...]
    competencies: tuple[CompetencyRow, ...]
    recorded_sessions: tuple[Any, ...] = ()  # core.recorded_session.RecordedSession, oldest first

    @property
    def finished(self) -> tuple[AttemptReview, ...]:
        return tuple(a for a in self.attempts if a.attempt.finished_at is not None)

    @property
    def mean_total(self) -> float | None:
        totals = [a.attempt.total for a in self.finished if a.attempt.total is not None]
        return sum(totals) / len(totals) if totals else None

    @property
    def best_totals(self) -> dict[str, float]:
        best: dict[str, float] = {}
        for review in self.finished:
            total = review.attempt.total
            if total is not None and total > best.get(review.attempt.scenario_id, -1.0):
                best[review.attempt.scenario_id] = total
        return best


class ScenarioCache:
    """Loads each stored scenario version once; a version that no longer parses is reported, not raised."""

    def __init__(self, service: ServicesApi) -> None:
        self._service = service
        self._loaded: dict[int, tuple[Any, Scenario | None, str | None]] = {}

    def get(self, version_id: int) -> tuple[Any, Scenario | None, str | None]:
        """(ScenarioVersion DTO, Scenario or None, problem text or None)."""
        if version_id not in self._loaded:
            version = self._service.scenarios.scenario_version(version_id)
            try:
                scenario, problem = version.load(), None
            except Exception as exc:  # stored text from an older app or a broken import
                problem = translate("Report", "stored scenario version cannot be read: {error}")
                scenario, problem = None, problem.format(error=exc)
            self._loaded[version_id] = (version, scenario, problem)
        return self._loaded[version_id]


def _options(step: DecisionStep, order: Sequence[str]) -> tuple[tuple[OptionView, ...], tuple[str, ...]]:
    counts = votes(step)
    top = max(counts.values(), default=0)
    by_id = {o.id: o for o in step.options}
    options = tuple(
        OptionView(oid, by_id[oid].text, counts[oid], counts[oid] / top if top else 0.0, by_id[oid].feedback)
        for oid in order
    )
    try:
        panel = set(modal_options(step))
    except ScoringError:
        panel = set()
    return options, tuple(oid for oid in order if oid in panel)


def review_attempt(service: ServicesApi, attempt: Any, cache: ScenarioCache | None = None) -> AttemptReview:
    """Join an attempt (DTO or id) with its scenario version and comments."""
    if isinstance(attempt, int):
        attempt = service.practice.attempt(attempt)
    cache = cache or ScenarioCache(service)
    version, scenario, problem = cache.get(attempt.version_id)
    comments = list(service.review.comments(attempt.id))
    by_decision: dict[str | None, list[Any]] = {}
    for comment in comments:
        by_decision.setdefault(comment.decision_id, []).append(comment)
    answers = {a.decision_id: a for a in attempt.answers}
    extra = dict(scenario.competencies) if scenario else {}

    reviews: list[DecisionReview] = []
    steps: Sequence[DecisionStep] = scenario.decisions if scenario else ()
    known = {step.decision for step in steps}
    for step in steps:
        answer = answers.get(step.decision)
        # What the trainee saw: the order stored with the answer, else the attempt's seed.
        seed = getattr(attempt, "option_seed", None)
        order = order_for(step, seed, getattr(answer, "shown_order", None) if answer else None)
        options, modal = _options(step, order)
        reviews.append(
            DecisionReview(
                decision_id=step.decision,
                prompt=step.prompt,
                competency=step.competency,
                competency_label=competency_label(step.competency, extra),
                options=options,
                modal=modal,
                experts=len(step.experts),
                chosen=answer.option_id if answer else None,
                credit=answer.credit if answer else None,
                own_words=answer.own_words if answer else None,
                seconds=answer.seconds if answer else None,
                answered_at=answer.answered_at if answer else None,
                comments=tuple(by_decision.get(step.decision, ())),
                rationale=step.rationale,
                agreement=panel_agreement(step),
                expert_notes=tuple((a.expert, a.best, a.note) for a in step.experts if a.note),
                timed_out=bool(getattr(answer, "timed_out", False)) if answer else False,
            )
        )
    # Answers the stored version does not explain (unreadable version): keep them, never drop data.
    for answer in attempt.answers:
        if answer.decision_id not in known:
            reviews.append(
                DecisionReview(
                    decision_id=answer.decision_id,
                    prompt="",
                    competency=getattr(answer, "competency", "") or "",
                    competency_label=competency_label(getattr(answer, "competency", "") or "", extra),
                    options=(),
                    modal=(),
                    experts=0,
                    chosen=answer.option_id,
                    credit=answer.credit,
                    own_words=answer.own_words,
                    seconds=answer.seconds,
                    answered_at=answer.answered_at,
                    comments=tuple(by_decision.get(answer.decision_id, ())),
                    timed_out=bool(getattr(answer, "timed_out", False)),
                )
            )

    per_competency: dict[str, list[float]] = {}
    for review in reviews:
        if review.credit is not None and review.competency:
            per_competency.setdefault(review.competency, []).append(review.credit)
    return AttemptReview(
        attempt=attempt,
        title=(scenario.title if scenario else version.title) or attempt.scenario_id,
        language=scenario.language if scenario else "en",
        decisions=tuple(reviews),
        general_comments=tuple(by_decision.get(None, ())),
        competencies={cid: sum(v) / len(v) for cid, v in per_competency.items()},
        competency_labels={cid: competency_label(cid, extra) for cid in per_competency},
        load_problem=problem,
    )


def competency_rows(reviews: Iterable[AttemptReview]) -> tuple[CompetencyRow, ...]:
    credits: dict[str, list[float]] = {}
    labels: dict[str, str] = {}
    latest: dict[str, tuple[datetime, float]] = {}
    for review in reviews:
        for decision in review.answered:
            if decision.competency and decision.credit is not None:
                credits.setdefault(decision.competency, []).append(decision.credit)
                labels.setdefault(decision.competency, decision.competency_label)
        finished = review.attempt.finished_at
        if finished is not None:
            for cid, score in review.competencies.items():
                if cid not in latest or finished >= latest[cid][0]:
                    latest[cid] = (finished, score)
    return tuple(
        CompetencyRow(
            cid,
            labels[cid],
            len(values),
            sum(values) / len(values),
            latest[cid][1] if cid in latest else None,
        )
        for cid, values in sorted(credits.items(), key=lambda kv: labels[kv[0]].lower())
    )


def trainee_report(
    service: ServicesApi, profile_id: int, *, finished_only: bool = False, cache: ScenarioCache | None = None
) -> TraineeReport:
    """Everything a per-trainee report shows, oldest attempt first."""
    profile = service.accounts.profile(profile_id)
    cache = cache or ScenarioCache(service)
    attempts = service.practice.attempts(profile_id=profile_id, finished=True if finished_only else None)
    attempts = sorted(attempts, key=lambda a: (a.started_at, a.id))
    reviews = tuple(review_attempt(service, a, cache) for a in attempts)  # listed attempts carry their answers
    return TraineeReport(
        profile=profile,
        generated_at=datetime.now(UTC),
        attempts=reviews,
        competencies=competency_rows(reviews),
        recorded_sessions=tuple(service.review.recorded_sessions(profile_id))
        if hasattr(service.review, "recorded_sessions")
        else (),
    )


def format_seconds(seconds: float | None) -> str:
    """``75.4`` -> ``1:15`` (in the interface's digits); empty for unknown. For display, not CSV."""
    if seconds is None:
        return ""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    return local_digits(f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}")
