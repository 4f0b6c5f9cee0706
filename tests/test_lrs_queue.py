"""The LRS queue: filled by the database when answers are stored and attempts finished, sent in
batches with back-off, each statement once (a fake LRS here; tests/test_lrs_ralph.py uses Ralph)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.services import TrainerService
from balint_trainer.services.lrs import (
    BACKOFF_CAP_S,
    LrsQueue,
    LrsSender,
    LrsSettings,
    Response,
    backoff_seconds,
    normalise_endpoint,
)

HOME = "https://course.example.org/"


class FakeLrs:
    """Stores statements by id like an LRS; ``down`` makes it unreachable."""

    def __init__(self) -> None:
        self.stored: dict[str, dict[str, Any]] = {}
        self.down = False
        self.posts = 0

    def _store(self, statement: dict[str, Any]) -> int:
        held = self.stored.get(statement["id"])
        if held is not None and held != statement:
            return 409
        self.stored[statement["id"]] = statement
        return 204 if held is not None else 200

    def post(self, statements: list[dict[str, Any]]) -> Response:
        self.posts += 1
        if self.down:
            return Response(0, "[Errno 111] Connection refused")
        if any(s["id"] in self.stored and self.stored[s["id"]] != s for s in statements):
            return Response(409, '{"detail": "Differing statements already exist"}')
        for statement in statements:
            self._store(statement)
        return Response(200, "[]")

    def put(self, statement: dict[str, Any]) -> Response:
        if self.down:
            return Response(0, "refused")
        status = self._store(statement)
        return Response(204 if status != 409 else 409, "" if status != 409 else '{"detail": "different"}')


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def _settings(**kw: Any) -> LrsSettings:
    return LrsSettings(endpoint="http://127.0.0.1:1/xAPI/", username="u", password="p", home_page=HOME, **kw)


def _attempt(service: TrainerService, version: Any, name: str, *, finish: bool = True) -> Any:
    profile = service.accounts.create_profile(name, "trainee")
    attempt = service.practice.start_attempt(profile.id, version.id, "practice")
    key = version.load()
    for decision, option in (("first", "a"), ("second", "y")):
        service.practice.record_answer(attempt.id, decision, option, credit=credit(key.decision(decision), option))
    if finish:
        service.practice.finish_attempt(attempt.id)
    return service.practice.attempt(attempt.id)


def test_answers_and_finished_attempts_are_queued_by_the_database(
    service: TrainerService, minimal_version
) -> None:  # type: ignore[no-untyped-def]
    queue = LrsQueue(service)
    attempt = _attempt(service, minimal_version, "Ann", finish=False)
    assert queue.counts().waiting == 2
    service.practice.finish_attempt(attempt.id)
    service.practice.finish_attempt(attempt.id)  # finishing twice queues nothing more
    items = queue.items()
    assert sorted((i.kind, i.decision_id) for i in items) == [
        ("answered", "first"),
        ("answered", "second"),
        ("completed", ""),
        ("outcome", ""),
    ]
    assert {i.status for i in items} == {"waiting"} and len({i.statement_id for i in items}) == 4


def test_sending_marks_sent_and_never_duplicates(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    lrs, clock = FakeLrs(), Clock()
    _attempt(service, minimal_version, "Ann")
    sender = LrsSender(service, _settings(), transport=lrs, batch=3, clock=clock)
    report = sender.send_all()
    assert (report.sent, report.failed, report.error) == (4, 0, None)
    assert sender.queue.counts().sent == 4 and lrs.posts == 2
    verbs = sorted(s["verb"]["id"].rsplit("/", 1)[1] for s in lrs.stored.values())
    assert verbs == ["answered", "answered", "completed", "passed"]  # 1.0 and 0.5: 75 >= 70
    # Everything sent again (a lost answer, a second supervisor): the LRS keeps one of each.
    sender.queue.resend_all()
    assert sender.send_all().sent == 4 and len(lrs.stored) == 4


def test_an_outage_keeps_the_batch_waiting_with_back_off(service: TrainerService, minimal_version) -> None:  # type: ignore[no-untyped-def]
    lrs, clock = FakeLrs(), Clock()
    _attempt(service, minimal_version, "Ann")
    sender = LrsSender(service, _settings(), transport=lrs, clock=clock, rng=random.Random(1))
    lrs.down = True
    report = sender.send_due()
    assert report.retry == 4 and report.error is not None and "no answer from the LRS" in report.error
    waiting = sender.queue.items(status="waiting")
    assert len(waiting) == 4 and all(i.tries == 1 and i.next_try_at is not None for i in waiting)
    assert waiting[0].last_error == report.error
    assert sender.send_due().sent == 0  # backing off: nothing is due yet
    lrs.down = False
    clock.now += timedelta(seconds=BACKOFF_CAP_S)
    assert sender.send_all().sent == 4 and len(lrs.stored) == 4


def test_a_conflict_fails_only_the_statement_the_lrs_holds_differently(
    service: TrainerService, minimal_version
) -> None:  # type: ignore[no-untyped-def]
    lrs = FakeLrs()
    attempt = _attempt(service, minimal_version, "Ann")
    sender = LrsSender(service, _settings(), transport=lrs, clock=Clock())
    clash = next(i for i in sender.queue.items() if i.kind == "completed")
    lrs.stored[clash.statement_id] = {"id": clash.statement_id, "something": "else"}
    report = sender.send_all()
    assert (report.sent, report.failed) == (3, 1)
    failed = sender.queue.items(status="failed")
    assert [i.id for i in failed] == [clash.id] and "different statement" in (failed[0].last_error or "")
    assert attempt.uid == failed[0].attempt_uid


def test_back_off_is_exponential_capped_and_jittered() -> None:
    rng = random.Random(7)
    delays = [backoff_seconds(t, rng=rng) for t in range(1, 12)]
    assert 2.5 <= delays[0] <= 5.0 and 5.0 <= delays[1] <= 10.0 and 10.0 <= delays[2] <= 20.0
    assert all(BACKOFF_CAP_S / 2 <= d <= BACKOFF_CAP_S for d in delays[-3:])
    assert len({round(backoff_seconds(5, rng=rng), 6) for _ in range(20)}) > 1  # jitter: no thundering herd


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://lrs.example.org/xAPI", "https://lrs.example.org/xAPI/"),
        ("https://lrs.example.org/xAPI/statements", "https://lrs.example.org/xAPI/"),
        (" http://127.0.0.1:8100/xAPI/ ", "http://127.0.0.1:8100/xAPI/"),
    ],
)
def test_endpoint_is_normalised(text: str, expected: str) -> None:
    assert normalise_endpoint(text) == expected


@pytest.mark.parametrize(
    "text", ["", "lrs.example.org", "https://u:p@lrs.example.org/", "https://x.org/?a=1"]
)
def test_bad_endpoints_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        normalise_endpoint(text)


def test_the_password_never_shows_in_a_repr() -> None:
    assert "p@ss" not in repr(LrsSettings("https://x.org/", "u", "p@ss", HOME))
