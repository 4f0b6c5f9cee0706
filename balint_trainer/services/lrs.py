"""Sending queued xAPI statements to the course's LRS (Qt-free; the GUI runs it on a worker thread).

The queue (``lrs_queue``, migration 0009) is filled by database triggers when an answer is stored
or an attempt finished. :meth:`LrsSender.send_due` takes the rows that are due, builds their
statements (``reports.xapi``; ids are stable UUID5s), and sends them in one ``POST statements``:

* 200/204: every statement is stored, or was already (an LRS answers a statement it holds with
  the same id and the same content as success) → ``sent``;
* 409 Conflict for the batch: each statement is sent again alone (``PUT statements?statementId=``)
  to find the one the LRS holds with *different* content; that one is ``failed`` for good, the
  rest are ``sent``;
* 400 for the batch: the same, so one malformed statement does not hold up the rest;
* no answer, 5xx, 429, 401/403 (wrong password, the LRS may be fixed): the whole batch stays
  ``waiting`` with ``tries`` + 1 and an exponential back-off (capped, with jitter).

Sending twice (a lost response, two supervisors at once) never duplicates: the ids are stable.
"""

from __future__ import annotations

import base64
import json
import random
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urlsplit

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from balint_trainer.reports.xapi import (
    ANSWERED,
    DEFAULT_MASTERY,
    XAPI_VERSION,
    attempt_statement,
    decision_statement,
    statement_id,
)
from balint_trainer.storage import models as m

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

WAITING, SENT, FAILED = "waiting", "sent", "failed"
BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 15 * 60.0
TIMEOUT_S = 20.0
BATCH = 50


def normalise_endpoint(text: str) -> str:
    """The LRS endpoint as the sender uses it (ends with '/'), or ValueError with a reason."""
    value = text.strip()
    if not value or any(ch.isspace() for ch in value):
        raise ValueError("enter the LRS address (the xAPI endpoint), without spaces")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ValueError("this is not a valid web address") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("enter a full web address starting with https:// or http://")
    if "@" in parts.netloc:
        raise ValueError("put the user name and password in their own fields, not in the address")
    if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1"):
        # Basic authentication: over plain http the password would cross the network readable.
        raise ValueError("use https:// (plain http:// only for an LRS on this computer)")
    if parts.query or parts.fragment:
        raise ValueError("the LRS address cannot contain '?' or '#'")
    if value.rstrip("/").endswith("/statements"):
        value = value.rstrip("/")[: -len("statements")]
    return value if value.endswith("/") else value + "/"


@dataclass(frozen=True)
class LrsSettings:
    endpoint: str
    username: str
    password: str
    home_page: str
    mastery: float = DEFAULT_MASTERY

    def __repr__(self) -> str:  # never the password in a log or a traceback
        return f"LrsSettings(endpoint={self.endpoint!r}, username={self.username!r}, home_page={self.home_page!r})"


@dataclass(frozen=True)
class Response:
    status: int  # 0: no answer at all (refused, timeout, DNS)
    body: str


class Transport:
    """HTTP to the LRS with ``urllib`` (no dependency); tests may replace it."""

    def __init__(self, settings: LrsSettings, *, timeout: float = TIMEOUT_S) -> None:
        self._settings = settings
        self._timeout = timeout
        token = base64.b64encode(f"{settings.username}:{settings.password}".encode()).decode("ascii")
        self._headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": XAPI_VERSION,
            "Content-Type": "application/json",
        }

    def request(self, method: str, payload: Any, query: dict[str, str] | None = None) -> Response:
        url = self._settings.endpoint + "statements" + (f"?{urlencode(query)}" if query else "")
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        req = urllib.request.Request(url, data=data, method=method, headers=self._headers)
        try:
            with urllib.request.urlopen(req, timeout=self._timeout) as answer:
                return Response(answer.status, answer.read(4096).decode("utf-8", "replace"))
        except urllib.error.HTTPError as exc:
            return Response(exc.code, exc.read(4096).decode("utf-8", "replace") if exc.fp else "")
        except (OSError, ValueError) as exc:  # URLError, refused, timeout, TLS
            reason = getattr(exc, "reason", exc)
            return Response(0, str(reason))

    def post(self, statements: list[dict[str, Any]]) -> Response:
        return self.request("POST", statements)

    def put(self, statement: dict[str, Any]) -> Response:
        return self.request("PUT", statement, {"statementId": statement["id"]})


def backoff_seconds(tries: int, *, rng: random.Random | None = None) -> float:
    """Delay before try ``tries + 1``: 5 s, 10 s, 20 s… capped at 15 min, then 50–100 % of it (jitter)."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** max(tries - 1, 0))
    return ceiling * (0.5 + 0.5 * (rng or random).random())


def _reason(response: Response) -> str:
    detail = response.body.strip()
    try:
        parsed = json.loads(detail)
        if isinstance(parsed, dict) and "detail" in parsed:
            detail = str(parsed["detail"])
    except ValueError:
        pass
    detail = " ".join(detail.split())[:200]
    if response.status == 0:
        return f"no answer from the LRS: {detail}"
    if response.status in (401, 403):
        return f"the LRS refused the user name or password (HTTP {response.status})"
    if response.status == 409:
        return f"the LRS holds a different statement with this id (HTTP 409): {detail}"
    return f"HTTP {response.status}: {detail}" if detail else f"HTTP {response.status}"


@dataclass(frozen=True)
class QueueCounts:
    waiting: int = 0
    sent: int = 0
    failed: int = 0


@dataclass(frozen=True)
class QueueItem:
    id: int
    statement_id: str
    attempt_id: int
    attempt_uid: str
    profile_id: int
    scenario_id: str
    decision_id: str
    kind: str
    status: str
    tries: int
    next_try_at: datetime | None
    last_error: str | None
    sent_at: datetime | None


@dataclass(frozen=True)
class SendReport:
    sent: int = 0
    failed: int = 0
    retry: int = 0
    error: str | None = None  # why the batch stays waiting


def _item(row: m.LrsQueueItem, attempt: m.Attempt) -> QueueItem:
    return QueueItem(
        id=row.id,
        statement_id=statement_id(attempt.uid, row.decision_id or None, row.kind),
        attempt_id=attempt.id,
        attempt_uid=attempt.uid,
        profile_id=attempt.profile_id,
        scenario_id=attempt.version.scenario_id,
        decision_id=row.decision_id,
        kind=row.kind,
        status=row.status,
        tries=row.tries,
        next_try_at=row.next_try_at,
        last_error=row.last_error,
        sent_at=row.sent_at,
    )


class LrsQueue:
    """The queue's rows through the service's unit of work (its transactions and error mapping)."""

    def __init__(self, service: ServicesApi) -> None:
        self._db = service.db  # the unit of work the role services share

    def _read(self, work: Callable[[Session], Any]) -> Any:
        return self._db._read(work)

    def _write(self, work: Callable[[Session], Any]) -> Any:
        return self._db._write(work)

    def counts(self) -> QueueCounts:
        def work(session: Session) -> QueueCounts:
            rows = session.execute(
                select(m.LrsQueueItem.status, func.count()).group_by(m.LrsQueueItem.status)
            ).all()
            return QueueCounts(**{status: count for status, count in rows})

        result: QueueCounts = self._read(work)
        return result

    def items(
        self, *, status: str | None = None, limit: int = 500, due_at: datetime | None = None
    ) -> list[QueueItem]:
        """Newest first; with ``due_at``: waiting rows whose back-off is over, oldest first."""

        def work(session: Session) -> list[QueueItem]:
            query = select(m.LrsQueueItem, m.Attempt).join(
                m.Attempt, m.Attempt.id == m.LrsQueueItem.attempt_id
            )
            if due_at is not None:
                query = query.where(
                    m.LrsQueueItem.status == WAITING,
                    (m.LrsQueueItem.next_try_at.is_(None)) | (m.LrsQueueItem.next_try_at <= due_at),
                ).order_by(m.LrsQueueItem.id)
            else:
                if status is not None:
                    query = query.where(m.LrsQueueItem.status == status)
                query = query.order_by(m.LrsQueueItem.id.desc())
            return [_item(row, attempt) for row, attempt in session.execute(query.limit(limit)).all()]

        result: list[QueueItem] = self._read(work)
        return result

    def _set(self, ids: Sequence[int], **values: Any) -> None:
        if not ids:
            return

        def work(session: Session) -> None:
            session.execute(update(m.LrsQueueItem).where(m.LrsQueueItem.id.in_(list(ids))).values(**values))

        self._write(work)

    def mark_sent(self, ids: Sequence[int], now: datetime) -> None:
        self._set(ids, status=SENT, sent_at=now, last_error=None, next_try_at=None)

    def mark_failed(self, ids: Sequence[int], reason: str) -> None:
        self._set(ids, status=FAILED, last_error=reason, next_try_at=None)

    def mark_retry(self, items: Sequence[QueueItem], reason: str, now: datetime, rng: random.Random) -> None:
        def work(session: Session) -> None:
            for item in items:
                tries = item.tries + 1
                delay = timedelta(seconds=backoff_seconds(tries, rng=rng))
                session.execute(
                    update(m.LrsQueueItem)
                    .where(m.LrsQueueItem.id == item.id)
                    .values(tries=tries, next_try_at=now + delay, last_error=reason)
                )

        self._write(work)

    def retry_failed(self) -> int:
        """Put every failed statement back in the queue (after the cause was fixed)."""

        def work(session: Session) -> int:
            result = session.execute(
                update(m.LrsQueueItem)
                .where(m.LrsQueueItem.status == FAILED)
                .values(status=WAITING, tries=0, next_try_at=None)
            )
            return int(getattr(result, "rowcount", 0) or 0)

        count: int = self._write(work)
        return count

    def resend_all(self) -> None:
        """Queue every statement again (an LRS that lost its data); the LRS keeps one of each."""

        def work(session: Session) -> None:
            session.execute(update(m.LrsQueueItem).values(status=WAITING, tries=0, next_try_at=None))

        self._write(work)

    def retry_now(self) -> None:
        """End every back-off: the next pass sends all waiting statements."""

        def work(session: Session) -> None:
            session.execute(
                update(m.LrsQueueItem).where(m.LrsQueueItem.status == WAITING).values(next_try_at=None)
            )

        self._write(work)


class LrsSender:
    """One sending pass at a time (call :meth:`send_due` from one worker thread)."""

    def __init__(
        self,
        service: ServicesApi,
        settings: LrsSettings,
        *,
        transport: Any = None,
        batch: int = BATCH,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.service = service
        self.settings = settings
        self.queue = LrsQueue(service)
        self.transport = transport or Transport(settings)
        self.batch = batch
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()

    def _statements(
        self, items: Sequence[QueueItem]
    ) -> tuple[list[tuple[QueueItem, dict[str, Any]]], list[tuple[QueueItem, str]]]:
        from balint_trainer.reports.data import ScenarioCache, review_attempt

        cache = ScenarioCache(self.service)
        built: list[tuple[QueueItem, dict[str, Any]]] = []
        broken: list[tuple[QueueItem, str]] = []
        reviews: dict[int, Any] = {}
        profiles: dict[int, Any] = {}
        home, mastery = self.settings.home_page, self.settings.mastery
        for item in items:
            try:
                if item.attempt_id not in reviews:
                    reviews[item.attempt_id] = review_attempt(self.service, item.attempt_id, cache)
                review = reviews[item.attempt_id]
                if item.profile_id not in profiles:
                    profiles[item.profile_id] = self.service.accounts.profile(item.profile_id)
                profile = profiles[item.profile_id]
                if review.load_problem:
                    raise ValueError(review.load_problem)
                if item.kind == ANSWERED:
                    decision = next(d for d in review.answered if d.decision_id == item.decision_id)
                    statement = decision_statement(profile, review, decision, home_page=home)
                else:
                    statement = attempt_statement(profile, review, item.kind, home_page=home, mastery=mastery)
            except StopIteration:
                broken.append((item, f"the attempt has no answer to '{item.decision_id}'"))
                continue
            except (ValueError, LookupError) as exc:
                broken.append((item, f"cannot build the statement: {exc}"))
                continue
            built.append((item, statement))
        return built, broken

    def send_due(self) -> SendReport:
        """Send one batch of the statements that are due; returns what happened to it."""
        now = self.clock()
        items = self.queue.items(due_at=now, limit=self.batch)
        if not items:
            return SendReport()
        built, broken = self._statements(items)
        for item, reason in broken:
            self.queue.mark_failed([item.id], reason)
        if not built:
            return SendReport(failed=len(broken))
        response = self.transport.post([statement for _, statement in built])
        if response.status in (200, 204):
            self.queue.mark_sent([item.id for item, _ in built], now)
            return SendReport(sent=len(built), failed=len(broken))
        if response.status in (400, 409):
            return self._one_by_one(built, now, len(broken))
        reason = _reason(response)
        self.queue.mark_retry([item for item, _ in built], reason, now, self.rng)
        return SendReport(retry=len(built), failed=len(broken), error=reason)

    def _one_by_one(
        self, built: list[tuple[QueueItem, dict[str, Any]]], now: datetime, failed: int
    ) -> SendReport:
        sent = retry = 0
        error = None
        for item, statement in built:
            response = self.transport.put(statement)
            if response.status in (200, 204):
                self.queue.mark_sent([item.id], now)
                sent += 1
            elif response.status in (400, 409):
                self.queue.mark_failed([item.id], _reason(response))
                failed += 1
            else:
                error = _reason(response)
                self.queue.mark_retry([item], error, now, self.rng)
                retry += 1
        return SendReport(sent=sent, failed=failed, retry=retry, error=error)

    def send_all(self, *, max_batches: int = 1000) -> SendReport:
        """Batches until nothing is due or a batch must wait (for scripts and tests)."""
        total = SendReport()
        for _ in range(max_batches):
            report = self.send_due()
            total = SendReport(
                total.sent + report.sent,
                total.failed + report.failed,
                total.retry + report.retry,
                report.error,
            )
            if report.error or not (report.sent or report.failed):
                break
        return total
