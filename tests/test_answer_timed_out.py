"""A real-time time-out is stored as such (answers.timed_out), also when the key's
no-intervention option is the stored answer, and shown in review, reports, bundles and item analysis."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from balint_trainer.core.model import NO_INTERVENTION
from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.reports import own_review
from balint_trainer.reports.against_panel import against_panel_html, from_review
from balint_trainer.reports.data import review_attempt, trainee_report
from balint_trainer.reports.tabular import write_answers_csv
from balint_trainer.services import TrainerService, open_service
from tests.conftest import DATA_DIR

BRANCHING = DATA_DIR / "valid" / "branching.yaml"


def _practise(service: TrainerService, profile_id: int, *, timed_out: bool) -> int:
    """protect: 'let' (the key's no-intervention option), timed out or chosen; close: nothing in time."""
    version = service.scenarios.register_scenario(load_scenario_file(BRANCHING))
    scenario = version.load()
    attempt = service.practice.start_attempt(profile_id, version.id, "practice")
    protect = scenario.decision("protect")
    service.practice.record_answer(
        attempt.id, "protect", "let", seconds=10.2, credit=credit(protect, "let"), timed_out=timed_out
    )
    service.practice.record_answer(attempt.id, "guarded", "name-it", seconds=4.0, credit=credit(scenario.decision("guarded"), "name-it"))
    # NO_INTERVENTION always is a time-out, even when the caller does not say so.
    service.practice.record_answer(attempt.id, "close", NO_INTERVENTION, seconds=30.0, credit=0.0)
    service.practice.finish_attempt(attempt.id)
    return attempt.id


def test_time_outs_are_stored_and_shown_in_review_and_the_csv(service: TrainerService) -> None:
    profile = service.accounts.create_profile("Aisha", "trainee")
    attempt_id = _practise(service, profile.id, timed_out=True)
    answers = {a.decision_id: a for a in service.practice.attempt(attempt_id).answers}
    assert answers["protect"].option_id == "let" and answers["protect"].timed_out is True
    assert answers["guarded"].timed_out is False
    assert answers["close"].timed_out is True

    review = review_attempt(service, service.practice.attempt(attempt_id))
    protect = next(d for d in review.decisions if d.decision_id == "protect")
    assert protect.timed_out and protect.chosen == "let"
    # The supervisor's review (the shared renderer, about the trainee) and the trainee's own.
    supervisor = against_panel_html(from_review(protect), trainee=False)
    assert "No answer in time" in supervisor and "Let the question stand" in supervisor
    assert "No answer in time: recorded as no intervention" in own_review.attempt_html(review)
    guarded = next(d for d in review.decisions if d.decision_id == "guarded")
    assert "No answer in time" not in against_panel_html(from_review(guarded))

    out = io.StringIO()
    write_answers_csv([trainee_report(service, profile.id)], out)
    rows = {r["decision"]: r for r in csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))}
    assert (rows["protect"]["timed_out"], rows["guarded"]["timed_out"], rows["close"]["timed_out"]) == ("1", "0", "1")

    stats = {s.decision_id: s for s in service.review.item_analysis("branching-test")}
    assert (stats["protect"].timeouts, stats["guarded"].timeouts, stats["close"].timeouts) == (1, 0, 1)


def test_a_chosen_no_intervention_option_is_not_a_time_out(service: TrainerService) -> None:
    profile = service.accounts.create_profile("Ben", "trainee")
    attempt_id = _practise(service, profile.id, timed_out=False)
    protect = next(a for a in service.practice.attempt(attempt_id).answers if a.decision_id == "protect")
    assert protect.option_id == "let" and protect.timed_out is False
    review = review_attempt(service, service.practice.attempt(attempt_id))
    assert "No answer in time" not in against_panel_html(from_review(review.decisions[0]))


def test_bundles_carry_time_outs_and_old_bundles_import_as_in_time(tmp_path: Path) -> None:
    offline = open_service(f"sqlite:///{tmp_path / 'offline.sqlite3'}")
    supervisor = open_service(f"sqlite:///{tmp_path / 'supervisor.sqlite3'}")
    try:
        me = offline.accounts.local_profile()
        _practise(offline, me.id, timed_out=True)
        path = tmp_path / "bundle.json"
        offline.exchange.export_attempts(me.id, path)
        data = json.loads(path.read_text(encoding="utf-8"))
        assert [a["timed_out"] for a in data["attempts"][0]["answers"]] == [True, False, True]
        supervisor.exchange.import_attempts(path)
        (attempt,) = supervisor.practice.attempts()
        assert [a.timed_out for a in supervisor.practice.attempt(attempt.id).answers] == [True, False, True]

        for answer in data["attempts"][0]["answers"]:  # a bundle written before the field existed
            del answer["timed_out"]
        data["attempts"][0]["uid"] = "00000000-0000-4000-8000-000000000001"
        old = tmp_path / "old.json"
        old.write_text(json.dumps(data), encoding="utf-8")
        fresh = open_service(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
        try:
            fresh.exchange.import_attempts(old)
            (imported,) = fresh.practice.attempts()
            timed = [(a.decision_id, a.timed_out) for a in fresh.practice.attempt(imported.id).answers]
            assert timed == [("protect", False), ("guarded", False), ("close", False)]
        finally:
            fresh.close()
    finally:
        offline.close()
        supervisor.close()
