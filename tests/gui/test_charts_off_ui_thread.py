"""pyqtgraph (~300 ms to import, with numpy) is imported on a worker before a chart is drawn:
the first feedback of a session and the progress page imported it on the UI thread."""

from __future__ import annotations

import threading

import pytest

from tests.gui.options import choose
from tests.gui.practice_wait import settle
from tests.gui.test_own_review_gui import _practise
from tests.gui.test_player_flow import step_to_decision

pytestmark = pytest.mark.gui


@pytest.fixture
def imports(monkeypatch):  # type: ignore[no-untyped-def]
    """The thread of every call that imports pyqtgraph (or finds it imported), as if this process
    had not imported it yet."""
    from balint_trainer.gui import charts

    threads: list[str] = []
    real = charts._pg
    monkeypatch.setattr(charts, "_pg", lambda: (threads.append(threading.current_thread().name), real())[1])
    monkeypatch.setattr(charts, "_imported", lambda: False)
    monkeypatch.setattr(charts, "_import_started", [])
    return threads


def test_a_session_imports_pyqtgraph_on_a_worker_before_its_first_feedback(window, qtbot, imports):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    main = threading.main_thread().name
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: bool(imports), timeout=5000)  # soon after, while the case is read
    assert imports[0] != main
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    step_to_decision(qtbot, player)
    choose(qtbot, player, "a")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.feedback_chart is not None  # the vote split, drawn on the UI thread


def test_the_progress_page_reads_its_points_and_imports_pyqtgraph_on_one_worker(window, qtbot, imports):  # type: ignore[no-untyped-def]
    _practise(window.service, window.profile.id)
    window.show_progress()
    settle(qtbot)
    qtbot.waitUntil(lambda: window.progress_view.chart is not None, timeout=5000)
    assert imports and imports[0] != threading.main_thread().name


def test_a_window_closed_before_the_import_starts_leaves_nothing_to_fail(qtbot, service, scenario_dir, no_dialogs, imports):  # type: ignore[no-untyped-def]
    """The delayed start of the import outlived its controller: "Internal C++ object already
    deleted" from a timer (caught by pytest-qt as an exception in the event loop)."""
    from PySide6.QtCore import Qt

    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.gui.practice import controller

    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    qtbot.mouseClick(win.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert win.player is not None
    win.practice.deleteLater()  # as the window's teardown does, before the timer fires
    qtbot.wait(controller.CHARTS_AFTER_MS + 300)
    assert imports == []  # nothing started for a controller that is gone
    win.close()


def test_an_owner_gone_before_the_import_ends_is_not_kept(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """The started import was remembered as its task, which kept its owner (a practice controller,
    its service and session) for good when the owner went first."""
    import gc
    import weakref

    import shiboken6
    from PySide6.QtCore import QObject

    from balint_trainer.gui import charts

    gate, finished = threading.Event(), threading.Event()
    monkeypatch.setattr(charts, "_imported", lambda: False)
    monkeypatch.setattr(charts, "_import_started", [])
    monkeypatch.setattr(charts, "_pg", lambda: (gate.wait(10), finished.set()))

    class Owner(QObject):
        pass

    owner = Owner()
    owner.payload = Owner()  # type: ignore[attr-defined]
    alive = weakref.ref(owner.payload)  # type: ignore[attr-defined]
    charts.import_in_background(owner)
    shiboken6.delete(owner)  # its tasks go with it, the import goes on
    del owner
    gate.set()
    assert finished.wait(10)
    qtbot.wait(50)
    gc.collect()
    assert alive() is None
