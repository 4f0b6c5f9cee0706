"""A warm start is ready to practise before SQLAlchemy opens the database (gui/startup.py's quick
path); what the trainee does meanwhile waits for it and is saved, and a failure says why."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


def _existing_database(tmp_path):  # type: ignore[no-untyped-def]
    from balint_trainer.services import open_service

    url = f"sqlite:///{tmp_path / 'warm.db'}"
    with open_service(url) as service:
        trainee = service.accounts.create_profile("Roya", "trainee")
    return url, trainee


def _hold_the_full_open(monkeypatch):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.startup as startup

    release, calls = threading.Event(), []
    real_open = startup.open_database

    def held(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread().name)
        release.wait(20)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(startup, "open_database", held)
    return release, calls


def _ready_window(qtbot, url, scenario_dir):  # type: ignore[no-untyped-def]
    """The app's own start (start_loading) on ``url``, once it says it is ready."""
    from balint_trainer.gui.main_window import MainWindow

    win = MainWindow(url, [scenario_dir], include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=10000):
        win.start_loading()
    return win


def test_ready_before_the_full_open_and_the_first_answer_is_saved(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    from balint_trainer.services import open_service
    from balint_trainer.services.deferred import DeferredServices

    url, trainee = _existing_database(tmp_path)
    release, calls = _hold_the_full_open(monkeypatch)
    win = _ready_window(qtbot, url, scenario_dir)
    service = win.service
    assert isinstance(service, DeferredServices) and not service.arrived
    assert win.profile == trainee and win.library.practice_button.isEnabled()
    assert "Roya" in win.windowTitle() and "local database" in win.storage_label.text()
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)  # the full open started once the library was in
    # The trainee starts at once; the start waits on its worker, not on the window.
    qtbot.mouseClick(win.library.practice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.practice.busy, timeout=2000)
    release.set()
    settle(qtbot, timeout=20000)
    player = win.player
    assert win.stack.currentWidget() is player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    for _ in range(50):
        if player.state == "deciding":
            break
        qtbot.keyClick(player, Qt.Key.Key_Space)
    choose(qtbot, player, "a")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert service.arrived and service.main_thread_waits == 0  # the window never waited
    with open_service(url) as check:
        attempts = check.practice.attempts(profile_id=trainee.id)
        assert len(attempts) == 1 and [a.option_id for a in check.practice.attempt(attempts[0].id).answers] == ["a"]
    win.close()


def test_a_full_open_that_fails_after_the_quick_read_says_why(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.startup as startup
    from balint_trainer.gui.main_window import MainWindow

    url, _trainee = _existing_database(tmp_path)
    monkeypatch.setattr(startup, "open_database", lambda *a, **k: (None, "the disk is full"))
    win = MainWindow(url, [scenario_dir], include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.startup.deferredOpened, timeout=10000):
        win.start_loading()
    assert win.service is None and "Not saving" in win.storage_label.text()
    assert any("the disk is full" in text for _kind, text in no_dialogs)
    assert win.is_ready  # practise on without saving, as with no database at all
    win.close()


READY_SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    url = sys.argv[1]
    from balint_trainer.gui.app import create_application
    app = create_application(["test"])
    from balint_trainer.gui.main_window import MainWindow
    window = MainWindow(database_url=url, extra_scenario_dirs=[sys.argv[2]], include_bundled=False)
    window.show()
    seen = {}

    def ready():
        seen["sqlalchemy at ready"] = "sqlalchemy" in sys.modules
        window.startup.deferredOpened.connect(app.quit)

    window.ready.connect(ready)
    window.start_loading()
    app.exec()
    assert seen == {"sqlalchemy at ready": False}, seen
    assert window.service is None or "sqlalchemy" in sys.modules
    print("ready light")
    """
)


def test_a_warm_start_is_ready_without_sqlalchemy(tmp_path, scenario_dir):  # type: ignore[no-untyped-def]
    url, _trainee = _existing_database(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", READY_SCRIPT, url, str(scenario_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "ready light" in result.stdout


def test_closing_while_a_start_waits_for_the_database_leaves_nothing_open_and_says_nothing(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    # Only a start can wait for the database: an answer needs the attempt that the start made.

    url, _trainee = _existing_database(tmp_path)
    release, calls = _hold_the_full_open(monkeypatch)
    win = _ready_window(qtbot, url, scenario_dir)
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    deferred = win.service
    qtbot.mouseClick(win.library.practice_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.practice.busy, timeout=2000)
    win.close()
    assert deferred.arrived  # closed: the waiting start gives up at once
    closed: list[bool] = []
    real_deliver = deferred.deliver

    def deliver(service: Any) -> None:
        real_close = service.close

        def close() -> None:
            closed.append(True)
            real_close()

        service.close = close
        real_deliver(service)

    deferred.deliver = deliver
    release.set()
    qtbot.waitUntil(lambda: bool(closed), timeout=20000)  # the service that arrives late is closed
    assert deferred._service is None
    settle(qtbot)
    assert no_dialogs == []  # nothing to tell a user who has closed the window


def test_a_call_on_the_ui_thread_before_the_open_behind_starts_opens_it_instead_of_hanging(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    # E.g. isinstance(service, ServicesApi) on Python 3.11 reads every role; the annotation window
    # did that on the UI thread. The opener used to wait for a UI timer that could never fire.
    import time

    import balint_trainer.gui.startup as startup

    monkeypatch.setattr(startup, "OPEN_BEHIND_AFTER_MS", 60_000)
    monkeypatch.setattr(startup, "OPEN_BEHIND_AT_LATEST_MS", 60_000)
    url, trainee = _existing_database(tmp_path)
    win = _ready_window(qtbot, url, scenario_dir)
    assert not win.service.arrived
    started = time.monotonic()
    profiles = win.service.accounts.profiles(role="trainee")  # on the UI thread: waits, then works
    assert [p.id for p in profiles] == [trainee.id]
    assert time.monotonic() - started < 20 and win.service.main_thread_waits == 1
    win.close()


def test_the_review_queue_is_read_once_the_database_has_opened_behind(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    """Reading it earlier imported SQLAlchemy on a worker while the ready window painted its
    library (the GIL: a frame ~50 ms longer at 10,000 scenarios)."""
    import balint_trainer.gui.practice.weak_spots as weak_spots

    url, trainee = _existing_database(tmp_path)
    release, _calls = _hold_the_full_open(monkeypatch)
    read_for: list[int] = []
    monkeypatch.setattr(weak_spots, "due_items", lambda _service, profile_id, _entries: read_for.append(profile_id) or [])
    win = _ready_window(qtbot, url, scenario_dir)
    qtbot.wait(200)  # past the moment the library came in, when the queue used to be read
    assert read_for == [] and win.weak_spots.task is None and not win.service.arrived
    with qtbot.waitSignal(win.startup.deferredOpened, timeout=20000):
        release.set()
    qtbot.waitUntil(lambda: read_for == [trainee.id], timeout=5000)
    assert win.library.review_button.text().replace("&", "") == "Review 0 due"
