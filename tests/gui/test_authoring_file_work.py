"""Issue #11: the scenario editor and the key merge read and write their files off the UI thread
(a network drive may hang); meanwhile the text is read-only and nothing else starts, and a save
cancelled on a drive that does not answer keeps the text, unsaved, and says so."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from balint_trainer.gui.authoring import annotation_merge
from balint_trainer.gui.authoring import editor as editor_module
from balint_trainer.gui.authoring.editor import ScenarioEditor
from tests.gui import test_annotation_gui

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"
people = test_annotation_gui.people  # the annotation tests' experts


def _spy(monkeypatch: Any, module: Any, name: str, hold: threading.Event | None = None) -> list[bool]:
    """Per call of ``module.name``: was it on the UI (main) thread? ``hold``: wait for it first."""
    on_ui: list[bool] = []
    real = getattr(module, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        on_ui.append(threading.current_thread() is threading.main_thread())
        if hold is not None:
            assert hold.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, call)
    return on_ui


def _editor(qtbot: Any, path: Path | None = None) -> ScenarioEditor:
    window = ScenarioEditor(None, None, path)
    errors: list[tuple[str, str]] = []
    window.show_error = lambda title, detail: errors.append((title, detail))  # type: ignore[method-assign]
    window.errors = errors  # type: ignore[attr-defined]
    window.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(window)
    return window


def _meanwhile(check: Callable[[], None]) -> None:
    """Run ``check`` from the event loop the next call waits in (its file work is held)."""
    QTimer.singleShot(20, check)


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "minimal.yaml"
    shutil.copy(DATA / "minimal.yaml", path)
    return path


def test_opening_and_saving_run_off_the_ui_thread(qtbot, scenario_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reads = _spy(monkeypatch, editor_module, "read_limited")
    writes = _spy(monkeypatch, editor_module, "atomic_write_text")
    window = _editor(qtbot, scenario_file)
    assert window.text.startswith("format: balint-scenario/1") and window.loaded and window.loaded.ok
    window.editor.jump_to(3, 8)
    window.editor.insertPlainText("Edited ")
    assert window.save()
    assert "title: Edited Minimal" in scenario_file.read_text("utf-8") and not window.isWindowModified()
    assert reads == [False] and writes == [False]
    assert window.errors == []  # type: ignore[attr-defined]


def test_while_saving_the_text_is_read_only_and_nothing_else_starts(  # type: ignore[no-untyped-def]
    qtbot, scenario_file: Path, tmp_path: Path, monkeypatch
) -> None:
    window = _editor(qtbot, scenario_file)
    window.show()
    qtbot.waitExposed(window)
    release = threading.Event()
    writes = _spy(monkeypatch, editor_module, "atomic_write_text", hold=release)
    window.editor.jump_to(3, 8)
    window.editor.insertPlainText("Mine ")
    other = tmp_path / "other.yaml"
    shutil.copy(scenario_file, other)
    seen: list[tuple[bool, bool, bool, bool]] = []

    def check() -> None:
        # A second save, opening another file and closing all wait for this save.
        seen.append((window.editor.isReadOnly(), window.save(), window.open_path(other), window.close()))
        release.set()

    _meanwhile(check)
    assert window.save()
    assert seen == [(True, False, False, False)]
    assert writes == [False] and window.isVisible() and window.path == scenario_file
    assert not window.editor.isReadOnly() and not window.isWindowModified()
    assert "title: Mine Minimal" in scenario_file.read_text("utf-8")


def test_a_save_cancelled_on_a_drive_that_does_not_answer_keeps_the_text(  # type: ignore[no-untyped-def]
    qtbot, scenario_file: Path, monkeypatch
) -> None:
    window = _editor(qtbot, scenario_file)
    before = scenario_file.read_bytes()
    release = threading.Event()
    _spy(monkeypatch, editor_module, "atomic_write_text", hold=release)
    window.editor.jump_to(3, 8)
    window.editor.insertPlainText("Unsaved ")

    def cancel() -> None:
        [dialog] = window.findChildren(QProgressDialog)  # shown after a moment; Cancel is there at once
        dialog.findChild(QPushButton).click()

    _meanwhile(cancel)
    assert not window.save()
    assert "Unsaved Minimal" in window.text and window.isWindowModified() and not window.editor.isReadOnly()
    [(title, detail)] = window.errors  # type: ignore[attr-defined]
    assert title == f"Cannot save {scenario_file}" and "Your text is kept" in detail
    assert scenario_file.read_bytes() == before
    release.set()  # the drive answers after all: the atomic write completes or leaves the old file


def test_merging_the_key_reads_and_writes_off_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, service, people, built_in_folders, monkeypatch
) -> None:
    bundled, user = built_in_folders
    window = test_annotation_gui._built_in_window(qtbot, service, people, bundled)
    reads = _spy(monkeypatch, annotation_merge, "read_limited")
    release = threading.Event()
    writes = _spy(monkeypatch, annotation_merge, "atomic_write_text", hold=release)
    window.confirm_merge = lambda p, diff, decisions, source: True  # type: ignore[method-assign]
    again: list[Any] = []

    def check() -> None:
        again.append(window.merge_into_key())  # a second merge while this one writes: none
        release.set()

    _meanwhile(check)
    assert window.merge_into_key() == user / "minimal.yaml"
    assert again == [None] and reads == [False] and writes == [False]
    assert (user / "minimal.yaml").is_file()


def test_pack_export_and_import_read_and_write_off_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QDialog

    from balint_trainer.gui.authoring import packs as gui_packs

    folder = tmp_path / "authoring"
    folder.mkdir()
    shutil.copy(DATA / "minimal.yaml", folder / "minimal.yaml")
    monkeypatch.setattr("balint_trainer.paths.user_scenarios_dir", lambda **_kw: folder)
    info: list[str] = []
    monkeypatch.setattr(gui_packs, "show_info", lambda parent, title, message: info.append(message))
    monkeypatch.setattr(gui_packs, "show_problems", lambda *a: pytest.fail(f"problems: {a}"))
    destination = tmp_path / "course.zip"
    monkeypatch.setattr(gui_packs, "choose_export_path", lambda parent, suggested: destination)

    def accept_all(self: gui_packs.ExportPackDialog) -> QDialog.DialogCode:
        qtbot.addWidget(self)
        self.set_checked_ids(["minimal-test"])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gui_packs.ExportPackDialog, "exec", accept_all)
    calls = {
        name: _spy(monkeypatch, module, name)
        for module, name in (
            (gui_packs, "library_entries"),
            (gui_packs.core_packs, "export_pack"),
            (gui_packs, "load_catalogue"),
            (gui_packs.core_packs, "find_conflicts"),
            (gui_packs.core_packs, "install_pack"),
        )
    }
    assert gui_packs.export_pack(None, None) == destination  # the user's folder is read, the pack written
    target = tmp_path / "imported"
    result = gui_packs.import_pack(None, None, destination, target=target)
    assert result is not None and result.installed == ["minimal-test"] and (target / "minimal-test.yaml").is_file()
    assert "1 scenario written" in info[0] and "Installed: minimal-test" in info[-1]
    assert all(calls.values()), calls  # each was called…
    assert {name: any(on_ui) for name, on_ui in calls.items()} == dict.fromkeys(calls, False)  # …off the UI thread


def test_annotation_window_without_a_library_reads_the_users_folder_off_the_ui_thread(  # type: ignore[no-untyped-def]
    qtbot, service, tmp_path: Path, monkeypatch
) -> None:
    from balint_trainer.gui.authoring import packs as gui_packs
    from balint_trainer.gui.authoring.annotation import open_annotation

    folder = tmp_path / "mine"
    folder.mkdir()
    shutil.copy(DATA / "minimal.yaml", folder / "minimal.yaml")
    monkeypatch.setattr("balint_trainer.paths.user_scenarios_dir", lambda **_kw: folder)
    reads = _spy(monkeypatch, gui_packs, "library_entries")
    window = open_annotation(None, service)  # no main window (and so no library) to take it from
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)
    assert reads == [False] and "minimal-test" in [e.id for e in window.entries]
