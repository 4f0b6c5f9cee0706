"""Offline hand-over in the GUI: a trainee exports attempts from the main window, a supervisor
imports the file into another database through the supervisor window (menu or drag and drop)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import open_service
from tests.gui.practice_wait import export_attempts

pytestmark = pytest.mark.gui

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"


def _practise(service: Any, profile_id: int) -> None:
    """Two attempts at the minimal scenario: one finished, one with a single answer."""
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    scenario = version.load()
    for answers, finish in (({"first": "b", "second": "x"}, True), ({"first": "a"}, False)):
        attempt = service.practice.start_attempt(profile_id, version.id, "practice")
        for decision, option in answers.items():
            service.practice.record_answer(
                attempt.id, decision, option, credit=credit(scenario.decision(decision), option)
            )
        if finish:
            service.practice.finish_attempt(attempt.id)


@pytest.fixture
def supervisor(qtbot, tmp_path: Path, no_dialogs):  # type: ignore[no-untyped-def]
    """A supervisor window on its own, separate SQLite database."""
    from balint_trainer.gui.workbench import open_supervisor

    svc = open_service(f"sqlite:///{tmp_path / 'supervisor.sqlite3'}")
    win = open_supervisor(None, svc)
    qtbot.addWidget(win)
    win.qtbot = qtbot
    _settle(win)
    yield win, svc
    win.close()
    svc.close()


def _settle(win) -> None:  # type: ignore[no-untyped-def]
    """Wait for what the supervisor window reads off the UI thread (the trainee list, attempts)."""
    win.qtbot.waitUntil(lambda: not win.busy, timeout=10000)


def _exported(qtbot, window, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    _practise(window.service, window.profile.id)
    target = export_attempts(qtbot, window, tmp_path / "out" / "bundle.json.gz")
    assert target is not None and target.is_file()
    return target


def test_export_is_disabled_until_the_database_and_profile_are_loaded(
    qtbot, service, scenario_dir, no_dialogs
):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.main_window import MainWindow

    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    qtbot.addWidget(win)
    assert not win.export_attempts_action.isEnabled()
    assert win.export_attempts() is None  # the slot itself refuses too
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    assert win.export_attempts_action.isEnabled()
    assert win.export_attempts_action.shortcut().toString() == "Ctrl+Shift+X"


def test_export_then_import_into_another_database(qtbot, window, supervisor, tmp_path, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.gui.supervision.window import SupervisorWindow

    _practise(window.service, window.profile.id)
    asked: list[tuple[str, str]] = []
    (tmp_path / "out").mkdir()

    def choose(parent, caption, default, file_filter):  # type: ignore[no-untyped-def]
        asked.append((default, file_filter))
        return str(tmp_path / "out" / "for-sue")  # typed without an extension

    monkeypatch.setattr(MainWindow, "export_path_prompt", staticmethod(choose))
    bundle = tmp_path / "out" / "for-sue.json.gz"
    window.export_attempts_action.trigger()  # counts the attempts, asks, then writes: off the UI thread
    qtbot.waitUntil(lambda: "exported to" in window.statusBar().currentMessage(), timeout=5000)
    default, file_filter = asked[0]
    assert Path(default).parent == Path.home()
    assert Path(default).name.startswith(f"{window.profile.name}-attempts-") and default.endswith(".json.gz")
    assert "*.json.gz" in file_filter
    assert json.loads(gzip.decompress(bundle.read_bytes()))["profile"]["name"] == window.profile.name
    assert "2 attempts exported to" in window.statusBar().currentMessage()
    assert no_dialogs[-1][0] == "information" and str(bundle) in no_dialogs[-1][1]

    win, svc = supervisor
    assert win.trainee_names() == []
    monkeypatch.setattr(SupervisorWindow, "ask_bundle_paths", staticmethod(lambda parent: [str(bundle)]))
    win.import_attempts_action.trigger()
    _settle(win)
    assert win.trainee_names() == [window.profile.name]
    assert win.current_trainee().name == window.profile.name
    assert win.attempts_tab.attempt_model.rowCount() == 2
    kind, text = no_dialogs[-1]
    assert kind == "information"
    assert (
        f"for-sue.json.gz: {window.profile.name} — 2 attempts added, 0 updated, 0 already present." in text
    )
    assert "A new profile was created." in text

    (again,) = win.import_attempt_bundles([bundle])  # idempotent: nothing added
    _settle(win)
    assert again.report is not None and not again.report.changed
    assert again.report.attempts_already_present == 2
    assert "0 attempts added, 0 updated, 2 already present" in no_dialogs[-1][1]
    assert len(svc.practice.attempts()) == 2 and win.attempts_tab.attempt_model.rowCount() == 2


def test_refused_files_change_nothing_and_the_others_still_import(qtbot, window, supervisor, tmp_path, no_dialogs):  # type: ignore[no-untyped-def]
    bundle = _exported(qtbot, window, tmp_path)
    data = json.loads(gzip.decompress(bundle.read_bytes()))
    data["attempts"][0]["answers"][0]["credit"] = 1.0  # a better score than the key gives
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    garbage = tmp_path / "notes.json"
    garbage.write_text("not json", encoding="utf-8")

    win, svc = supervisor
    results = win.import_attempt_bundles([tampered, garbage])
    assert [r.report for r in results] == [None, None]
    assert "does not match the expert key" in results[0].error
    assert "not an attempt bundle" in results[1].error
    kind, text = no_dialogs[-1]
    assert kind == "warning" and "Imported 0 of 2 files." in text
    assert "tampered.json: not imported. attempts[0]" in text  # the path is not repeated
    assert svc.accounts.profiles() == [] and svc.practice.attempts() == [] and win.trainee_names() == []

    results = win.import_attempt_bundles([tampered, bundle])
    _settle(win)
    assert results[0].report is None and results[1].report is not None
    assert no_dialogs[-1][0] == "warning" and "Imported 1 of 2 files." in no_dialogs[-1][1]
    assert win.trainee_names() == [window.profile.name] and len(svc.practice.attempts()) == 2


def test_renamed_trainee_gets_a_note(qtbot, window, supervisor, tmp_path, no_dialogs):  # type: ignore[no-untyped-def]
    bundle = _exported(qtbot, window, tmp_path)
    win, svc = supervisor
    (first,) = win.import_attempt_bundles([bundle])
    svc.accounts.rename_profile(first.report.profile.id, "Renamed here")
    (second,) = win.import_attempt_bundles([bundle])
    _settle(win)
    assert second.report.profile.name == "Renamed here"
    assert (
        f"Imported into Renamed here, which already holds these attempts (the file calls the trainee "
        f"{window.profile.name})." in no_dialogs[-1][1]
    )
    assert win.current_trainee().name == "Renamed here"


def test_export_failure_writes_nothing(qtbot, window, tmp_path, no_dialogs):  # type: ignore[no-untyped-def]
    assert export_attempts(qtbot, window, tmp_path / "bundle.json.gz") is None  # no attempts yet
    assert no_dialogs[-1][0] == "information" and "no attempts to export" in no_dialogs[-1][1]
    _practise(window.service, window.profile.id)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = blocker / "bundle.json.gz"  # its folder is a file: cannot be written
    assert export_attempts(qtbot, window, target) is None
    assert no_dialogs[-1][0] == "warning" and "no file was written" in no_dialogs[-1][1]
    assert list(tmp_path.glob("**/*.json.gz")) == []


def test_dropping_bundle_files_imports_them(qtbot, window, supervisor, tmp_path, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.bundle_import import dropped_bundles

    bundle = _exported(qtbot, window, tmp_path)
    win, _svc = supervisor
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    assert dropped_bundles(mime) == [bundle]  # only bundle-like files are taken
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    win.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: win.trainee_names() == [window.profile.name], timeout=5000)
    _settle(win)
    assert win.attempts_tab.attempt_model.rowCount() == 2


def test_bundles_are_imported_off_the_ui_thread(supervisor, tmp_path, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    import threading

    from balint_trainer.services.errors import BundleError

    win, svc = supervisor
    threads: list[bool] = []

    def import_attempts(path: Path) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        raise BundleError(f"{path}: refused for the test")

    monkeypatch.setattr(svc.exchange, "import_attempts", import_attempts)
    results = win.import_attempt_bundles([tmp_path / "a.json", tmp_path / "b.json"])
    assert threads == [False, False]  # the window kept painting meanwhile
    assert [r.error for r in results] == ["refused for the test", "refused for the test"]
