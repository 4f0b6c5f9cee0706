"""The menus open a workbench tool after importing what it needs besides Qt on a worker: the
first opening imported pydantic, the parser, Markdown or the reports on the UI thread (160–360 ms
with the window frozen)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtWidgets import QApplication

from balint_trainer.gui.workbench import PREPARE

pytestmark = pytest.mark.gui

LEFT_FOR_THE_UI_THREAD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.gui.workbench import prepare
    win = MainWindow(f"sqlite:///{sys.argv[2]}", [], include_bundled=True)
    win.load_now()
    win.show()
    prepare(sys.argv[1])
    before = set(sys.modules)
    assert win.open_workbench(sys.argv[1]) is not None
    gui = ("balint_trainer.gui", "PySide6", "shiboken6")
    print(json.dumps(sorted(m for m in set(sys.modules) - before if not m.startswith(gui))))
    """
)


@pytest.mark.parametrize("tool", sorted(PREPARE))
def test_once_prepared_a_tool_leaves_only_qt_modules_to_import(tool, tmp_path):  # type: ignore[no-untyped-def]
    import json
    import os

    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LEFT_FOR_THE_UI_THREAD, tool, str(tmp_path / "t.db")],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    left = json.loads(result.stdout.strip().splitlines()[-1])
    assert left == [], f"add these to workbench.PREPARE[{tool!r}] (or their importers): {left}"


def _tool_windows(kind: str) -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if type(w).__name__ == kind and w.isVisible()]


def test_the_menu_prepares_on_a_worker_then_opens_the_tool_once(window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.workbench as workbench

    prepared_on: list[str] = []
    real = workbench.prepare
    monkeypatch.setattr(workbench, "prepare", lambda name: (prepared_on.append(threading.current_thread().name), real(name))[1])
    action = next(a for a in window.tool_actions if "Supervisor" in a.text())
    action.trigger()
    action.trigger()  # a second click while it prepares: still one window
    assert _tool_windows("SupervisorWindow") == []  # not built on the spot
    qtbot.waitUntil(lambda: len(_tool_windows("SupervisorWindow")) == 1, timeout=20000)
    assert prepared_on and prepared_on[0] != threading.main_thread().name and len(prepared_on) == 1
    supervisor = _tool_windows("SupervisorWindow")[0]
    qtbot.waitUntil(lambda: not supervisor.busy, timeout=10000)
    supervisor.close()
    action.trigger()  # prepared already: opens at once
    assert len(_tool_windows("SupervisorWindow")) == 1 and len(prepared_on) == 1
    _tool_windows("SupervisorWindow")[0].close()


def test_a_tool_whose_preparation_fails_still_says_why_when_it_opens(window, qtbot, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.workbench as workbench

    def broken(name: str) -> None:
        raise ImportError("No module named 'pydantic'")

    monkeypatch.setattr(workbench, "prepare", broken)
    opened: list[str] = []
    monkeypatch.setattr(window, "open_workbench", lambda name, **kw: opened.append(name))
    window.open_tool("open_annotation")
    qtbot.waitUntil(lambda: opened == ["open_annotation"], timeout=10000)


def test_a_window_closed_while_a_tool_prepares_opens_no_tool(window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """The tool came up (or said the database was closed) after its main window had closed."""
    import balint_trainer.gui.workbench as workbench

    prepared: list[str] = []
    real = workbench.prepare
    monkeypatch.setattr(workbench, "prepare", lambda name: (real(name), prepared.append(name))[0])
    opened: list[str] = []
    monkeypatch.setattr(window, "open_workbench", lambda name, **kw: opened.append(name))
    window.open_tool("open_supervisor")
    window.close()
    qtbot.waitUntil(lambda: not window._tool_launcher.preparing, timeout=20000)  # delivered
    assert prepared == ["open_supervisor"] and opened == []


def test_another_request_while_a_tool_prepares_is_opened_too(window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """Edit on a second file while the editor prepared was dropped: only the first one opened."""
    opened: list[object] = []
    monkeypatch.setattr(window, "open_workbench", lambda name, **kw: opened.append(kw.get("path")))
    window.open_tool("open_editor", path="a.yaml")
    window.open_tool("open_editor", path="b.yaml")
    window.open_tool("open_editor", path="a.yaml")  # the same request twice: opened once
    qtbot.waitUntil(lambda: not window._tool_launcher.preparing, timeout=20000)
    assert opened == ["a.yaml", "b.yaml"]
