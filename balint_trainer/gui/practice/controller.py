"""The practice flow without widgets: start, resume, save answers, finish, scores.

Every service call runs off the UI thread through :func:`~balint_trainer.gui.worker.run_in_background`;
the window listens to the signals and shows pages and messages. Answers are saved one at a
time in the order given (a queue), so nothing is lost or saved twice while a save is in
flight; a save that fails stays at the head of the queue until :meth:`retry` (or the next
answer) saves it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, Protocol

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from balint_trainer.gui.worker import error_text, run_in_background

if TYPE_CHECKING:
    from balint_trainer.core.catalogue import CatalogueEntry
    from balint_trainer.services.api import ServicesApi

Mode = Literal["practice", "exam"]
# When a session's player is up, pyqtgraph starts importing (its first feedback draws a chart).
CHARTS_AFTER_MS = 500
# What else the first feedback imports (its verdict and marks; the glossary's links): ~30 ms.
FEEDBACK_MODULES = ("balint_trainer.reports.against_panel", "balint_trainer.core.guidance")


class Prompts(Protocol):
    """What the flow asks of the window: the trainee's answers to two questions (dialogs;
    tests answer directly) and the seed of a new attempt's option order."""

    def resume_or_new(self, title: str, text: str) -> str: ...  # "resume", "new" or "cancel"

    def continue_unsaved(self, message: str) -> bool: ...

    def new_option_seed(self) -> str | None: ...  # None: a fresh random one


class PendingAnswer:
    """An answer waiting to be saved (a plain class: ``dataclasses`` is not imported before the
    first frame, ~1.3 ms)."""

    __slots__ = ("attempt_id", "confidence", "result")

    def __init__(self, attempt_id: int, result: Any, confidence: int | None) -> None:
        self.attempt_id = attempt_id
        self.result = result  # core.session.AnswerResult
        self.confidence = confidence


class PracticeController(QObject):
    """One trainee's practice: the session being played and its stored attempt."""

    sessionStarted = Signal(object, object, str)  # session, attempt (None: not saved), title
    answerSaving = Signal()  # a save is in flight: Confirm waits for it
    answerSaved = Signal(object)  # the AnswerResult now stored
    answerFailed = Signal(str)  # why; the answer is kept for retry()
    sessionFinished = Signal(object, str, object)  # summary, title, language
    progressRead = Signal(object, object)  # best scores by scenario id, resumable scenario ids
    progressFailed = Signal(str)
    notice = Signal(str)  # a passing status-bar message
    failed = Signal(str, str)  # title, translated message: the one error path
    busyChanged = Signal(bool)

    def __init__(self, prompts: Prompts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.prompts = prompts
        self.service: ServicesApi | None = None
        self.profile: Any = None
        self.session: Any = None
        self.attempt: Any = None
        self.title = ""
        self._busy = 0  # chains of work in flight (start, resume, finish…)
        self._queue: deque[PendingAnswer] = deque()
        self._saving = False
        self._finishing = False
        self._finish_after_retry: Any = None  # the attempt to finish once its answers are stored
        self._progress_generation = 0
        self._reading = 0  # progress reads in flight (they do not make the flow busy)
        self._after_saves: list[Callable[[], None]] = []  # started once the answers are stored

    # -- state ----------------------------------------------------------------------
    @property
    def idle(self) -> bool:
        """Nothing in flight (tests wait for this)."""
        return self._busy == 0 and not self._saving and self._reading == 0

    @property
    def busy(self) -> bool:
        """Starting, resuming or finishing (not counting answer saves)."""
        return self._busy > 0

    @property
    def saving(self) -> bool:
        return self._saving

    @property
    def unsaved(self) -> int:
        """Answers given but not stored yet (in flight or failed)."""
        return len(self._queue)

    def wait(self, timeout_ms: int = 10000) -> bool:
        """Run the event loop until nothing is in flight: for scripts (screenshots) and for
        closing (a save in flight is let finish). Tests use ``qtbot.waitUntil`` on :attr:`idle`."""
        import time

        from PySide6.QtCore import QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(timeout_ms)
        while not self.idle and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.002)  # the worker thread gets the GIL
        return self.idle

    def _begin(self) -> None:
        self._busy += 1
        if self._busy == 1:
            self.busyChanged.emit(True)

    def _end(self) -> None:
        self._busy = max(0, self._busy - 1)
        if self._busy == 0:
            self.busyChanged.emit(False)

    def show_error(self, title: str, detail: str) -> None:
        """The worker's error path (see :func:`~balint_trainer.gui.worker.show_error`)."""
        self.failed.emit(title, detail)

    def run(
        self,
        work: Callable[[], Any],
        on_result: Callable[[Any], None],
        *,
        error_title: str | None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``work`` on a worker thread, counted as busy until ``on_result``/``on_error`` ran
        (so Start waits, and tests can wait for :attr:`idle`)."""
        self._begin()

        def done(value: Any) -> None:
            try:
                on_result(value)
            finally:
                self._end()

        def failed(error: BaseException) -> None:
            try:
                if on_error is not None:
                    on_error(error)
            finally:
                self._end()

        run_in_background(self, work, done, error_title=error_title, on_error=failed, busy=False)

    # -- starting ---------------------------------------------------------------------
    def start(self, entry: CatalogueEntry, mode: Mode) -> None:
        """Start ``entry`` in ``mode``: offer to resume an unfinished attempt first.

        The full scenario is built on the worker too: from the catalogue cache that is a file
        read, a hash and the model's JSON, plus pydantic's import on a first start (~280 ms),
        or a whole parse where the file changed (seconds); it was on the UI thread."""
        if not entry.ok or (self.service is not None and self.profile is None):
            return  # nobody practising yet: an attempt without an owner would be lost
        if self._defer_while_saving(lambda: self.start(entry, mode)):
            return
        service, profile = self.service, self.profile

        def prepare() -> tuple[Any, Any]:
            scenario = entry.scenario
            if scenario is None or service is None:
                return scenario, None
            try:
                return scenario, service.practice.resumable_attempt(profile.id, entry.id)
            except Exception:
                return scenario, None  # starting will report a storage problem itself

        def prepared(found: tuple[Any, Any]) -> None:
            from balint_trainer.core.option_order import new_seed

            scenario, unfinished = found
            if scenario is None:  # the file changed behind the library and no longer validates
                self.failed.emit(
                    QCoreApplication.translate("MainWindow", "Cannot start"),
                    QCoreApplication.translate(
                        "MainWindow", "%1 has changed and is no longer valid; reload the library (F5)."
                    ).replace("%1", f"\u2068{entry.filename}\u2069"),  # a path keeps its order in Persian
                )
            elif service is None:  # no database: practise without saving
                self._play(new_session(scenario, mode, new_seed()), None, entry.title)
            else:
                self._offer_resume(entry, mode, profile, unfinished)

        self.run(prepare, prepared, error_title=QCoreApplication.translate("MainWindow", "Cannot start"))

    def _offer_resume(self, entry: CatalogueEntry, mode: Mode, profile: Any, unfinished: Any) -> None:
        if profile is not self.profile or self.service is None:
            return  # the profile changed, or the window closed its database, while we asked
        if unfinished is not None and unfinished.answers:
            # Starting over silently would leave the earlier answers behind unnoticed.
            choice = self.prompts.resume_or_new(
                QCoreApplication.translate("MainWindow", "Unfinished attempt"),
                self._resume_text(entry, unfinished),
            )
            if choice == "cancel":
                return
            if choice == "resume":
                self.resume(entry)
                return
        self._start_new(entry, mode, profile)

    @staticmethod
    def _resume_text(entry: CatalogueEntry, unfinished: Any) -> str:
        from balint_trainer.gui.local_time import when_text

        decisions = len(entry.scenario.decisions) if entry.scenario is not None else 0
        number = QLocale().toString  # the same digits as the date's (Persian ones in Persian)
        mode = (
            QCoreApplication.translate("MainWindow", "practice")
            if unfinished.mode == "practice"
            else QCoreApplication.translate("MainWindow", "exam")
        )
        return (
            QCoreApplication.translate(
                "MainWindow",
                "You have an unfinished %1 attempt at this scenario, started %2, "
                "with %3 of %4 decisions answered.\n\nResume it, or start a new attempt? "
                "The unfinished one is kept either way.",
            )
            .replace("%1", mode)
            .replace("%2", when_text(unfinished.started_at))
            .replace("%3", number(len(unfinished.answers)))
            .replace("%4", number(decisions))
        )

    def _start_new(self, entry: CatalogueEntry, mode: Mode, profile: Any) -> None:
        from balint_trainer.core.option_order import new_seed

        service, seed = self.service, self.prompts.new_option_seed()
        scenario = entry.scenario
        assert scenario is not None and service is not None  # start() checked; practice waits for the database

        def work() -> Any:
            version = service.scenarios.register_scenario(entry.loaded)
            return service.practice.start_attempt(profile.id, version.id, mode, option_seed=seed)

        def started(attempt: Any) -> None:
            self._play(new_session(scenario, mode, attempt.option_seed, attempt), attempt, entry.title)

        def not_stored(error: BaseException) -> None:
            if self.prompts.continue_unsaved(error_text(error)):
                # An unsaved attempt shuffles too.
                self._play(new_session(scenario, mode, new_seed()), None, entry.title)

        self.run(work, started, error_title=None, on_error=not_stored)

    def resume(self, entry: CatalogueEntry) -> None:
        """Resume the unfinished attempt at ``entry``, scored on the version it started with."""
        if self.service is None or self.profile is None:
            return
        if self._defer_while_saving(lambda: self.resume(entry)):
            return
        service, profile = self.service, self.profile

        def work() -> Any:
            attempt = service.practice.resumable_attempt(profile.id, entry.id)
            if attempt is None:
                return None
            # The stored version, not today's file: the attempt is scored on what it started with.
            return attempt, service.scenarios.scenario_version(attempt.version_id).load()

        def loaded(found: Any) -> None:
            from balint_trainer.core.followup import starting_state
            from balint_trainer.core.session import PracticeSession, SessionError

            if profile is not self.profile:
                return
            if found is None:
                self.notice.emit(
                    QCoreApplication.translate("MainWindow", "Nothing to resume for this scenario.")
                )
                self.refresh_progress()
                return
            attempt, scenario = found
            try:
                # A follow-up resumes from the start it was given, whatever happened since.
                start = starting_state(scenario, attempt.initial_state)
                session = PracticeSession(
                    scenario,
                    attempt.mode,
                    answers=attempt.answers,
                    seed=attempt.option_seed,
                    initial_state=start.values if start is not None else None,
                )
            except (SessionError, ValueError) as exc:
                self.failed.emit(QCoreApplication.translate("MainWindow", "Cannot resume"), error_text(exc))
                return
            self._play(session, attempt, scenario.title)

        self.run(work, loaded, error_title=QCoreApplication.translate("MainWindow", "Cannot resume"))

    def _defer_while_saving(self, action: Callable[[], None]) -> bool:
        """Whether ``action`` waits for the answers in flight (it asks what is stored)."""
        if not self._saving:
            return False
        self._after_saves.append(action)
        return True

    def _run_deferred(self) -> None:
        actions, self._after_saves = self._after_saves, []
        for action in actions:
            action()

    def _play(self, session: Any, attempt: Any, title: str) -> None:
        from balint_trainer.gui.charts import import_in_background

        # The first feedback shows a chart: pyqtgraph on its way, once the player's first frame
        # is on screen (importing meanwhile made that frame wait for the GIL).
        QTimer.singleShot(CHARTS_AFTER_MS, self, lambda: import_in_background(self, also=FEEDBACK_MODULES))
        self.session, self.attempt, self.title = session, attempt, title
        self._finishing = False
        self._finish_after_retry = None
        self.sessionStarted.emit(session, attempt, title)

    # -- answers -------------------------------------------------------------------------
    def record(self, result: Any, confidence: int | None = None) -> None:
        """Store an answer of the session being played (queued behind any save in flight)."""
        if self.service is None or self.attempt is None:
            return
        self._queue.append(PendingAnswer(self.attempt.id, result, confidence))
        self._save_next()

    def drop_unsaved(self) -> None:
        """Forget answers not stored yet (their database is being replaced by a backup)."""
        if self._saving:
            while len(self._queue) > 1:  # the one in flight finishes or fails on its own
                self._queue.pop()
        else:
            self._queue.clear()

    def retry(self) -> None:
        """Try again to store the answers whose save failed."""
        self._save_next()

    def _save_next(self) -> None:
        if self._saving:
            return
        if not self._queue:
            if self._finishing:
                self._finishing = False
                self._finish_stored()
            elif self._finish_after_retry is not None and self._finish_after_retry is self.attempt:
                # The summary is on screen already; the retried answers are in: finish it now.
                self._finish_after_retry = None
                self._finish_stored(summarise=False)
            self._run_deferred()
            return
        pending, service = self._queue[0], self.service
        if service is None:
            return
        self._saving = True
        self.answerSaving.emit()
        result = pending.result

        def work() -> None:
            service.practice.record_answer(
                pending.attempt_id,
                result.decision_id,
                result.option_id,
                own_words=result.own_words,
                seconds=result.seconds,
                credit=result.credit,
                shown_order=result.shown_order or None,
                confidence=pending.confidence,
                timed_out=result.timed_out,
            )

        def saved(_value: object) -> None:
            self._queue.popleft()
            self._saving = False
            self.answerSaved.emit(result)
            self._save_next()

        def not_saved(error: BaseException) -> None:
            self._saving = False
            if self._finishing:  # show the summary; the attempt stays open until a retry works
                self._finishing = False
                self._finish_after_retry = self.attempt
                self._end()
                self._summarise()
            self.answerFailed.emit(error_text(error))
            self._run_deferred()  # what waited goes on: the failed answer stays queued

        # answerFailed says it (with a Retry), not the generic box.
        run_in_background(self, work, saved, error_title=None, on_error=not_saved, busy=False)

    # -- finishing -------------------------------------------------------------------------
    def finish(self) -> None:
        """The session is over: store the last answers, mark the attempt finished, summarise."""
        session = self.session
        if session is None or not session.finished:
            return
        if self.service is None or self.attempt is None:
            self._summarise()
            return
        if self._finishing or self._finish_after_retry is self.attempt:
            return  # already on its way (Enter pressed twice), or waiting for a retry
        self._finishing = True
        self._begin()  # ended once the attempt is finished (or a save failed)
        self._save_next()

    def _finish_stored(self, *, summarise: bool = True) -> None:
        service, attempt = self.service, self.attempt
        assert service is not None  # an attempt was stored through it

        def finished(updated: Any) -> None:
            if self.attempt is attempt:
                self.attempt = updated
            if summarise:
                self._summarise()

        self.run(
            lambda: service.practice.finish_attempt(attempt.id),
            finished,
            error_title=QCoreApplication.translate("MainWindow", "Attempt not finished"),
            on_error=lambda _error: self._summarise() if summarise else None,
        )
        if summarise:
            self._end()  # finish()'s; run() counts the call itself

    def _summarise(self) -> None:
        session = self.session
        if session is None:
            return
        self.sessionFinished.emit(
            session.summary(), self.title or session.scenario.title, session.scenario.language
        )
        self.refresh_progress()

    # -- scores ---------------------------------------------------------------------------
    def refresh_progress(self) -> None:
        """Read best scores and resumable scenarios off the UI thread (progressRead)."""
        self._progress_generation += 1
        generation, service, profile = self._progress_generation, self.service, self.profile
        if service is None or profile is None:
            self.progressRead.emit({}, set())
            return

        def work() -> tuple[Any, set[str]]:
            best = service.practice.best_scores(profile.id)
            unfinished = {a.scenario_id for a in service.practice.attempts(profile_id=profile.id, finished=False)}
            return best, unfinished

        def read(value: tuple[Any, set[str]]) -> None:
            self._reading -= 1
            if generation == self._progress_generation:  # a newer read (or profile) supersedes it
                self.progressRead.emit(*value)

        def failed(error: BaseException) -> None:
            self._reading -= 1
            if generation == self._progress_generation:
                self.progressFailed.emit(error_text(error))

        self._reading += 1
        run_in_background(self, work, read, error_title=None, on_error=failed, busy=False)  # a status message


def new_session(scenario: Any, mode: Mode, seed: str | None, attempt: Any = None) -> Any:
    """A fresh session; a follow-up starts from what its attempt inherited (core.followup),
    an unsaved one from the file's defaults."""
    from balint_trainer.core.followup import starting_state
    from balint_trainer.core.session import PracticeSession

    start = starting_state(scenario, attempt.initial_state if attempt is not None else None)
    return PracticeSession(scenario, mode, seed=seed, initial_state=start.values if start is not None else None)
