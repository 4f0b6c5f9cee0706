"""Start-up stays light, RTL scenarios render right to left, links ask first."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt, QUrl

from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui

STARTUP_SCRIPT = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    defer = sys.argv[2] == "defer"
    import balint_trainer.cli  # the app's entry point: its sub-commands' modules load only for them
    from balint_trainer.gui.app import create_application
    app = create_application(["test"])
    assert app.applicationName() == "balint-trainer" and app.organizationName() == "balint-trainer"
    from balint_trainer.gui.main_window import MainWindow
    window = MainWindow(database_url="sqlite:///" + sys.argv[1], defer_library=defer)
    window.show()
    # Nothing of this is needed for the first paint (the library, models and database come after).
    later = ["pyqtgraph", "numpy", "sqlalchemy", "markdown", "pydantic", "yaml", "getpass",
             "balint_trainer.cli_annotation", "balint_trainer.cli_backup", "balint_trainer.core.catalogue",
             "balint_trainer.gui.practice.player", "balint_trainer.gui.style"]
    if defer:  # the app's own start: the library's views are built after the first paint
        later += ["balint_trainer.gui.practice.library", "balint_trainer.gui.markdown_view"]
    heavy = [m for m in later if m in sys.modules]
    assert not heavy, heavy
    assert not window.practice_action.isEnabled() and not window.exam_action.isEnabled()
    if defer:
        assert window._library is None
    else:
        assert not window.is_loaded and window.library.status.text() == "Loading…"
    seen = {}

    def on_loaded():
        seen.update(service=window.service is not None, profile=window.profile, rows=window.library.model.rowCount())
        seen.update(start=window.practice_action.isEnabled(), review=window.library.review_button is not None)
        app.quit()  # Qt 6 closes the windows too, which closes the service

    window.loaded.connect(on_loaded)
    window.start_loading()
    app.exec()
    assert window.is_loaded and seen["service"] and seen["profile"] is not None, seen
    assert seen["rows"] > 0 and seen["start"], seen
    assert window.stack.currentWidget() is window.library and window.weak_spots.action in window.practice_menu.actions()
    assert window.service is None  # closed with the window
    assert "pyqtgraph" not in sys.modules, "charts must load only when first shown"
    print("started")
    """
)


@pytest.mark.parametrize("mode", ["defer", "build"])
def test_window_shows_before_loading_and_charts_stay_unloaded(tmp_path, mode):
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_SCRIPT, str(tmp_path / "start.db"), mode],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_rtl_scenario_plays_right_to_left(qtbot, tmp_path, service, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    text = (tmp_path / "x").parent
    source = (
        __import__("pathlib").Path(__file__).parent.parent / "data" / "valid" / "minimal.yaml"
    ).read_text(encoding="utf-8")
    folder = text / "rtl"
    folder.mkdir()
    (folder / "fa.yaml").write_text(
        source.replace("id: minimal-test", "id: minimal-fa\nlanguage: fa").replace(
            "I have one.", "من یک مورد دارم."
        ),
        encoding="utf-8",
    )
    window = MainWindow(extra_scenario_dirs=[folder], service=service, include_bundled=False)
    qtbot.addWidget(window)
    window.load_now()
    settle(qtbot)
    window.start_scenario(window.library.current_entry(), "practice")
    settle(qtbot)
    player = window.player
    assert player.transcript.layoutDirection() == Qt.LayoutDirection.RightToLeft
    player.begin()
    player.step_until_decision()
    assert "من یک مورد دارم." in player.transcript.toPlainText()
    assert (
        'dir="rtl"' in player.prompt.toHtml()
        or player.prompt.layoutDirection() == Qt.LayoutDirection.RightToLeft
    )


def test_link_confirmation_dialog_is_asked(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.gui import markdown_view

    asked: list[str] = []

    def fake_question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    assert markdown_view.confirm_open_link(None, QUrl("https://example.org/x")) is False
    assert asked and "https://example.org/x" in asked[0]
