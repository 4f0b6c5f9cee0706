"""Sending to a real LRS (Ralph on the loopback): every statement arrives exactly once, through
an outage and a lost response, and sending again after a profile rename is accepted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import TrainerService, open_service
from balint_trainer.services.lrs import BACKOFF_CAP_S, LrsSender, LrsSettings, Response, Transport
from tests.db_fixtures import MINIMAL
from tests.lrs_server import PASSWORD, USER, RalphServer, ralph_server_fixture  # noqa: F401 - the fixture
from tests.test_lrs_queue import Clock

pytestmark = pytest.mark.slow
HOME = "https://course.example.org/"


@pytest.fixture
def course(tmp_path: Path) -> Iterator[tuple[TrainerService, Any]]:
    service = open_service(f"sqlite:///{tmp_path / 'course.sqlite3'}")
    try:
        yield service, service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    finally:
        service.close()


def _settings(server: RalphServer, home_page: str = HOME) -> LrsSettings:
    return LrsSettings(server.endpoint, USER, PASSWORD, home_page)


def _attempt(service: TrainerService, version: Any, name: str) -> Any:
    profile = service.accounts.create_profile(name, "trainee")
    attempt = service.practice.start_attempt(profile.id, version.id, "exam")
    key = version.load()
    for decision, option in (("first", "b"), ("second", "x")):
        service.practice.record_answer(attempt.id, decision, option, credit=credit(key.decision(decision), option))
    service.practice.finish_attempt(attempt.id)
    return profile


def _counts(server: RalphServer, ids: set[str]) -> Counter[str]:
    return Counter(s["id"] for s in server.statements() if s["id"] in ids)


class Flaky(Transport):
    """A real transport with a hook after each POST (stop the server, lose the answer)."""

    def __init__(self, settings: LrsSettings, after_post: Any) -> None:
        super().__init__(settings, timeout=5)
        self.after_post = after_post
        self.posts = 0

    def post(self, statements: list[dict[str, Any]]) -> Response:
        response = super().post(statements)
        self.posts += 1
        return self.after_post(self.posts, response)


def test_every_statement_arrives_once_through_an_outage(ralph_server: RalphServer, course) -> None:  # type: ignore[no-untyped-def]
    service, version = course
    for name in ("Ann", "Bea", "Cy"):
        _attempt(service, version, name)
    settings, clock = _settings(ralph_server), Clock()

    def outage_after_second_batch(posts: int, response: Response) -> Response:
        if posts == 2:
            ralph_server.stop()  # the LRS goes down in the middle of the queue
        return response

    sender = LrsSender(
        service, settings, transport=Flaky(settings, outage_after_second_batch), batch=4, clock=clock
    )
    first = sender.send_all()
    assert first.sent == 8 and first.retry == 4 and "no answer from the LRS" in (first.error or "")
    _attempt(service, version, "Dee")  # trainees keep answering while it is down
    clock.now += timedelta(seconds=BACKOFF_CAP_S)
    assert sender.send_due().retry == 4  # still down: the batch waits again, nothing is lost
    assert sender.queue.counts().waiting == 8
    ralph_server.start()
    clock.now += timedelta(seconds=BACKOFF_CAP_S)
    final = sender.send_all()
    assert (final.sent, final.failed, final.error) == (8, 0, None)
    counts = sender.queue.counts()
    assert (counts.sent, counts.waiting, counts.failed) == (16, 0, 0)
    ids = {item.statement_id for item in sender.queue.items()}
    assert len(ids) == 16
    assert _counts(ralph_server, ids) == Counter(dict.fromkeys(ids, 1))  # each exactly once


def test_a_lost_answer_is_sent_again_without_a_duplicate(ralph_server: RalphServer, course) -> None:  # type: ignore[no-untyped-def]
    service, version = course
    _attempt(service, version, "Eve")
    settings, clock = _settings(ralph_server), Clock()

    def lose_the_first_answer(posts: int, response: Response) -> Response:
        assert response.status in (200, 204), response
        return Response(0, "timed out") if posts == 1 else response  # stored, but we never heard so

    sender = LrsSender(service, settings, transport=Flaky(settings, lose_the_first_answer), clock=clock)
    assert sender.send_all().retry == 4
    clock.now += timedelta(seconds=BACKOFF_CAP_S)
    assert sender.send_all().sent == 4
    ids = {item.statement_id for item in sender.queue.items()}
    assert _counts(ralph_server, ids) == Counter(dict.fromkeys(ids, 1))


def test_sending_again_after_a_rename_is_accepted(ralph_server: RalphServer, course) -> None:  # type: ignore[no-untyped-def]
    service, version = course
    profile = _attempt(service, version, "Fay")
    sender = LrsSender(service, _settings(ralph_server), clock=Clock())
    assert sender.send_all().sent == 4
    service.accounts.rename_profile(profile.id, "Fay Gordon-Smith")
    sender.queue.resend_all()
    again = sender.send_all()
    assert (again.sent, again.failed) == (4, 0)  # the LRS answered "same statement": no 409
    ids = {item.statement_id for item in sender.queue.items()}
    assert _counts(ralph_server, ids) == Counter(dict.fromkeys(ids, 1))


def test_after_a_home_page_change_the_lrs_keeps_the_first_record(ralph_server: RalphServer, course) -> None:  # type: ignore[no-untyped-def]
    """Statement ids do not include the home page (README): a statement already sent under the old
    address is refused (409, shown as failed with the reason), never stored a second time."""
    service, version = course
    _attempt(service, version, "Gus")
    assert LrsSender(service, _settings(ralph_server), clock=Clock()).send_all().sent == 4
    moved = LrsSender(service, _settings(ralph_server, "https://new.example.org/balint/"), clock=Clock())
    moved.queue.resend_all()
    report = moved.send_all()
    assert (report.sent, report.failed) == (0, 4)
    failed = moved.queue.items(status="failed")
    assert all("different statement" in (i.last_error or "") for i in failed)
    ids = {item.statement_id for item in moved.queue.items()}
    held = [s for s in ralph_server.statements() if s["id"] in ids]
    assert len(held) == 4 and {s["actor"]["account"]["homePage"] for s in held} == {HOME}


def test_wrong_password_keeps_everything_waiting(ralph_server: RalphServer, course) -> None:  # type: ignore[no-untyped-def]
    service, version = course
    _attempt(service, version, "Hal")
    wrong = LrsSettings(ralph_server.endpoint, USER, "not the password", HOME)
    report = LrsSender(service, wrong, clock=Clock()).send_all()
    assert report.retry == 4 and "user name or password" in (report.error or "")


def test_ralph_accepts_the_statements_of_every_bundled_scenario(
    ralph_server: RalphServer, tmp_path: Path
) -> None:
    from tests.test_xapi_findings import _answer_every_bundled_scenario

    with open_service(f"sqlite:///{tmp_path / 'all.sqlite3'}") as service:
        _answer_every_bundled_scenario(service)
        sender = LrsSender(service, _settings(ralph_server), clock=Clock())
        report = sender.send_all()
        counts = sender.queue.counts()
        assert (report.failed, report.error, counts.waiting, counts.failed) == (0, None, 0, 0)
        ids = {item.statement_id for item in sender.queue.items(limit=10_000)}
    assert counts.sent == len(ids) > 100
    assert _counts(ralph_server, ids) == Counter(dict.fromkeys(ids, 1))
