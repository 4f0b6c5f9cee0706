"""A file that cannot be loaded is listed as broken and opens in the editor; the rest loads."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui

MINIMAL = (Path(__file__).resolve().parent.parent / "data" / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def test_broken_files_are_listed_with_a_way_to_fix_them(qtbot, service, no_dialogs, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.main_window import MainWindow

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "good.yaml").write_text(MINIMAL, encoding="utf-8")
    deep = MINIMAL.replace("summary: A tiny scenario used by the tests.", "summary: '" + "- " * 600 + "x'")
    (folder / "deep.yaml").write_text(deep.replace("minimal-test", "deep-test"), encoding="utf-8")
    (folder / "bad.yaml").write_text("a: !!bool maybe\n", encoding="utf-8")
    window = MainWindow(extra_scenario_dirs=[folder], service=service, include_bundled=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):  # used to stay on "Loading scenarios…"
        window.start_loading()
    library = window.library
    assert library.visible_titles() == ["Minimal test scenario", "bad.yaml", "deep.yaml"]
    assert window.service is service and not library.edit_button.isVisibleTo(window)

    opened: list[tuple[str, dict[str, object]]] = []
    monkeypatch.setattr(window, "open_workbench", lambda name, **kwargs: opened.append((name, kwargs)))
    library.select_row(1)
    assert f"{folder / 'bad.yaml'}:1:4: 'maybe' is not a valid !!bool" in library.details.toPlainText()
    library.select_row(2)
    assert "nested 600 levels deep" in library.details.toPlainText()
    assert library.edit_button.isVisibleTo(window) and not library.practice_button.isEnabled()
    qtbot.mouseClick(library.edit_button, Qt.MouseButton.LeftButton)
    # The editor opens once what it needs besides Qt is imported, on a worker (gui/tool_launcher.py).
    qtbot.waitUntil(lambda: opened == [("open_editor", {"path": folder / "deep.yaml"})], timeout=20_000)
    library.select_row(0)
    assert not library.edit_button.isVisibleTo(window)


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs FIFOs")
def test_the_editor_refuses_a_pipe_instead_of_hanging(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    from balint_trainer.gui.authoring.editor import ScenarioEditor

    window = ScenarioEditor()
    qtbot.addWidget(window)
    errors: list[tuple[str, str]] = []
    window.show_error = lambda title, detail: errors.append((title, detail))  # type: ignore[method-assign]
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert window.open_path(fifo) is False  # read_bytes() blocked here for ever
    assert errors == [(f"Cannot open {fifo}", f"{fifo}:1:1: not a regular file (a pipe); refused")]
