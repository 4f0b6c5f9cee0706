"""GUI test fixtures: a real service on a temporary SQLite file, a window on the minimal scenario."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from balint_trainer.gui.markdown_view import SafeTextBrowser

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"


@pytest.fixture
def service(tmp_path):
    from balint_trainer.services import open_service

    svc = open_service(f"sqlite:///{tmp_path / 'trainer.db'}")
    yield svc
    svc.close()


@pytest.fixture
def scenario_dir(tmp_path):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(DATA / "minimal.yaml", folder / "minimal.yaml")
    return folder


@pytest.fixture
def no_dialogs(monkeypatch):
    """Answer every question box with Yes and record the messages shown."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(kind, answer):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return box

    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(SafeTextBrowser, "confirm_link", staticmethod(lambda parent, url: False))
    from balint_trainer.gui.main_window import MainWindow

    def resume_or_new(parent, title, text):
        shown.append(("resume-or-new", text))
        return "new"

    monkeypatch.setattr(MainWindow, "resume_prompt", staticmethod(resume_or_new))
    return shown


@pytest.fixture
def window(qtbot, service, scenario_dir, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win
