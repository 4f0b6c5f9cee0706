"""The practice flow off the UI thread: ready only when it can be, saves that fail and retry,
no database call on the UI thread, service errors in the user's language."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from balint_trainer.gui.worker import error_text
from balint_trainer.services.api import ROLE_PROTOCOLS
from tests.gui.options import choose
from tests.gui.practice_wait import settle
from tests.gui.test_player_flow import step_to_decision

pytestmark = pytest.mark.gui


class FakeServiceError(Exception):
    """Shaped like the services' errors: an English template, its params, the English text."""

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class Persian(QTranslator):
    """Translates one ServiceError template, as the .qm file will."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        if context == "ServiceError" and source == "The database is busy ({what}); try again.":
            return "پایگاه داده مشغول است ({what})؛ دوباره امتحان کنید."
        return source  # every other text as it is (an empty one would blank the window)


@pytest.fixture
def persian(qapp):  # type: ignore[no-untyped-def]
    translator = Persian()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


class Recording:
    """The service, with the thread and name of every method call recorded (and one failure
    planted when asked)."""

    def __init__(self, service: Any, parent: Recording | None = None) -> None:
        self._service = service
        self.calls: list[tuple[str, bool]] = parent.calls if parent else []  # name, on the UI thread
        self.fail: dict[str, BaseException] = parent.fail if parent else {}  # fails once
        self.down: dict[str, BaseException] = parent.down if parent else {}  # fails until removed

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._service, name)
        if name in ROLE_PROTOCOLS:  # service.practice etc.: record the calls made on the role too
            return Recording(value, self)
        if not callable(value):
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((name, threading.current_thread() is threading.main_thread()))
            if name in self.fail:
                raise self.fail.pop(name)
            if name in self.down:
                raise self.down[name]
            return value(*args, **kwargs)

        return call


def test_error_text_translates_a_template_then_fills_it_in(persian) -> None:  # type: ignore[no-untyped-def]
    exc = FakeServiceError("The database is busy ({what}); try again.", what="trainer.db")
    assert error_text(exc) == "پایگاه داده مشغول است (trainer.db)؛ دوباره امتحان کنید."
    untranslated = FakeServiceError("No scenario '{id}'.", id="x{y}")
    assert error_text(untranslated) == "No scenario 'x{y}'."  # params are values, never templates
    braces = FakeServiceError("A message from a library: {not a field}")
    assert error_text(braces) == "A message from a library: {not a field}"  # no params: as it is
    broken = FakeServiceError("Missing a name.")
    broken.template, broken.params = "Missing {name}.", {"other": 1}  # params that do not fit
    assert error_text(broken) == "Missing a name."  # the English message, not a traceback
    assert error_text(ValueError("boom")) == "ValueError: boom"


def test_start_is_disabled_until_the_database_is_ready(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.startup as startup
    from balint_trainer.gui.main_window import MainWindow

    opening = threading.Event()
    real_open = startup.open_database

    def slow_open(*args: Any, **kwargs: Any) -> Any:
        opening.wait(10)  # the database "takes long" until the test lets it open
        return real_open(*args, **kwargs)

    monkeypatch.setattr(startup, "open_database", slow_open)
    win = MainWindow(f"sqlite:///{tmp_path / 'slow.db'}", [scenario_dir], include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    win.start_loading()
    qtbot.waitUntil(lambda: win.library.visible_titles() == ["Minimal test scenario"], timeout=5000)
    assert win.library.current_entry() is not None  # a row is selected: only readiness is missing
    assert not win.is_ready
    assert not win.library.practice_button.isEnabled() and not win.library.exam_button.isEnabled()
    assert not win.practice_action.isEnabled() and not win.exam_action.isEnabled()
    win.start_scenario(win.library.current_entry(), "practice")  # the slot refuses too
    assert win.player is None
    with qtbot.waitSignal(win.ready, timeout=10000):
        opening.set()
    assert win.is_ready and win.profile is not None
    assert win.library.practice_button.isEnabled() and win.practice_action.isEnabled()
    win.close()


def _answer_first_decision(qtbot, window) -> Any:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(window.library.practice_button.isEnabled, timeout=5000)
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.player, timeout=5000)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    step_to_decision(qtbot, player)
    choose(qtbot, player, "a")
    return player


def test_a_failed_save_is_said_once_in_the_users_language_and_can_be_retried(
    qtbot, service, scenario_dir, no_dialogs, persian, monkeypatch
):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.gui.main_window import MainWindow

    recording = Recording(service)
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=recording, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=5000):
        win.start_loading()
    player = _answer_first_decision(qtbot, win)
    recording.fail["record_answer"] = FakeServiceError(
        "The database is busy ({what}); try again.", what="trainer.db"
    )
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(player, Qt.Key.Key_Return)  # confirm: the save starts on a worker
    assert win.practice.saving and not player.confirm_button.isEnabled()  # held until it lands
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert "پایگاه داده مشغول است (trainer.db)" in asked[0]  # translated, filled in
    assert "The answer is kept" in asked[0]
    assert win.practice.unsaved == 1 and service.practice.attempt(win.attempt.id).answers == ()
    # "No" now: the answer waits; the next save (or Retry) stores it, exactly once.
    win.practice.retry()
    settle(qtbot)
    assert len(asked) == 1 and win.practice.unsaved == 0
    stored = service.practice.attempt(win.attempt.id).answers
    assert [(a.decision_id, a.option_id) for a in stored] == [("first", "a")]
    assert "Answer saved." in win.statusBar().currentMessage()
    win.practice.retry()  # nothing left: no second copy
    settle(qtbot)
    assert len(service.practice.attempt(win.attempt.id).answers) == 1


def test_answers_confirmed_while_a_save_is_in_flight_are_saved_in_order_once(
    qtbot, window, service
):  # type: ignore[no-untyped-def]
    gate = threading.Event()
    real = service.practice.record_answer

    def slow_record(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return real(*args, **kwargs)

    window.service = Recording(service)
    window.service.practice.record_answer = slow_record
    player = _answer_first_decision(qtbot, window)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    assert window.practice.saving
    qtbot.keyClick(player, Qt.Key.Key_Space)  # continue after feedback
    step_to_decision(qtbot, player)
    choose(qtbot, player, "y")
    assert not player.confirm_button.isEnabled()  # the first answer has not landed yet
    player.confirm_choice()  # Enter bypasses the button: the answer queues behind the first
    assert window.practice.unsaved == 2
    gate.set()
    settle(qtbot)
    stored = service.practice.attempt(window.attempt.id).answers
    assert [(a.decision_id, a.option_id) for a in stored] == [("first", "a"), ("second", "y")]


def test_no_service_call_runs_on_the_ui_thread_during_a_session(qtbot, service, scenario_dir, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.main_window import MainWindow

    recording = Recording(service)
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=recording, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=5000):
        win.start_loading()
    player = _answer_first_decision(qtbot, win)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # leave, then resume from the library
    settle(qtbot)
    qtbot.waitUntil(win.library.resume_button.isEnabled, timeout=5000)
    qtbot.mouseClick(win.library.resume_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    step_to_decision(qtbot, player)
    choose(qtbot, player, "x")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    while player.state != "end":
        qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.keyClick(player, Qt.Key.Key_Return)  # the summary
    settle(qtbot)
    assert win.stack.currentWidget() is win.summary_view
    win.show_progress()
    settle(qtbot)
    assert win.stack.currentWidget() is win.progress_view
    win.show_library()
    settle(qtbot)
    names = {name for name, _ in recording.calls}
    assert {"resumable_attempt", "register_scenario", "start_attempt", "record_answer"} <= names
    assert {"finish_attempt", "best_scores", "attempts", "progress", "scenario_version"} <= names
    assert [name for name, on_ui in recording.calls if on_ui] == []
    win.close()


def test_finishing_with_an_unsaved_answer_finishes_the_attempt_once_it_is_saved(
    qtbot, service, scenario_dir, no_dialogs, monkeypatch
):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.gui.main_window import MainWindow

    recording = Recording(service)
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=recording, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=5000):
        win.start_loading()
    player = _answer_first_decision(qtbot, win)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Space)
    step_to_decision(qtbot, player)
    choose(qtbot, player, "x")
    recording.down["record_answer"] = OSError("disk full")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    while player.state != "end":
        qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.keyClick(player, Qt.Key.Key_Return)  # the summary, with the last answer still unsaved
    qtbot.keyClick(player, Qt.Key.Key_Return)  # pressed twice: finishing is asked once
    settle(qtbot)
    assert win.stack.currentWidget() is win.summary_view
    attempt = service.practice.attempt(win.attempt.id)
    assert len(attempt.answers) == 1 and attempt.finished_at is None  # still resumable
    del recording.down["record_answer"]  # the disk has room again
    win.practice.retry()
    settle(qtbot)
    attempt = service.practice.attempt(win.attempt.id)
    assert [a.decision_id for a in attempt.answers] == ["first", "second"]
    assert attempt.finished_at is not None
    assert [name for name, _ in recording.calls].count("finish_attempt") == 1


def _cached_window(qtbot, tmp_path, scenario_dir, service, monkeypatch):  # type: ignore[no-untyped-def]
    """A window whose library comes from a catalogue cache (as the app's warm start): its entries
    build their full scenario only when asked."""
    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CachedScenario, CatalogueCache
    from balint_trainer.gui.main_window import MainWindow

    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    catalogue.load_catalogue([scenario_dir], include_bundled=False)  # fills the cache
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=5000):
        win.start_loading()
    entry = win.library.current_entry()
    assert isinstance(entry.loaded, CachedScenario) and not entry.loaded._materialised
    return win, entry


def test_a_start_builds_the_scenario_off_the_ui_thread(qtbot, tmp_path, scenario_dir, service, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    """From the cache that is a file read, a hash, the model's JSON and pydantic (~280 ms on a
    first start), or a parse where the file changed: it ran on the UI thread."""
    from balint_trainer.core.catalogue_cache import CatalogueCache

    win, entry = _cached_window(qtbot, tmp_path, scenario_dir, service, monkeypatch)
    built_on: list[str] = []
    real = CatalogueCache.reload
    gate = threading.Event()  # the worker builds only once the click is checked (it raced the check)

    def reload(self, *args):  # type: ignore[no-untyped-def]
        built_on.append(threading.current_thread().name)
        gate.wait(10)
        return real(self, *args)

    monkeypatch.setattr(CatalogueCache, "reload", reload)
    qtbot.mouseClick(win.library.practice_button, Qt.MouseButton.LeftButton)
    assert not entry.loaded._materialised  # the click returned without building it
    gate.set()
    settle(qtbot)
    assert win.stack.currentWidget() is win.player and win.session.scenario.id == entry.id
    assert built_on and threading.main_thread().name not in built_on
    win.close()


def test_a_file_that_broke_after_the_library_loaded_says_so_at_start(qtbot, tmp_path, scenario_dir, service, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    win, entry = _cached_window(qtbot, tmp_path, scenario_dir, service, monkeypatch)
    shown: list[tuple[str, str]] = []
    win.practice.failed.connect(lambda title, detail: shown.append((title, detail)))
    (scenario_dir / "minimal.yaml").write_text("id: [broken\n", encoding="utf-8")
    qtbot.mouseClick(win.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert win.stack.currentWidget() is win.library
    assert shown == [("Cannot start", f"\u2068{entry.filename}\u2069 has changed and is no longer valid; reload the library (F5).")]
    win.close()
