"""No label shows scenario or user text as rich text: a hostile title stays text (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QWidget

from tests.gui.practice_wait import settle
from tests.gui.test_player_flow import practise_and_answer_first_decision

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"
TITLE = '<img src="/some/local.png"><b>Hostile</b>'
COMPETENCY = "<i>Reads files</i>"
PROFILE = "<u>Eve</u>"
MARKERS = ("<img", "<i>Reads", "<u>Eve")


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    text = text.replace("title: Minimal test scenario", f"title: '{TITLE}'")
    text = text.replace("competency: invite-feelings", "competency: reads-files")
    text = text.replace("\nscript:", f"\ncompetencies:\n  reads-files: '{COMPETENCY}'\nscript:", 1)
    (folder / "hostile.yaml").write_text(text, encoding="utf-8")
    return folder


def rich_labels(root: QWidget) -> list[str]:
    """Labels that would render their text as HTML with untrusted markup in it."""
    found = []
    for label in [*root.findChildren(QLabel), *([root] if isinstance(root, QLabel) else [])]:
        text, form = label.text(), label.textFormat()
        if form == Qt.TextFormat.PlainText:
            continue
        auto_rich = form == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
        if auto_rich or (form == Qt.TextFormat.RichText and any(m in text for m in MARKERS)):
            found.append(f"{type(root).__name__}/{label.objectName() or type(label).__name__}: {text[:80]!r}")
    return found


def shown_as_text(root: QWidget) -> int:
    """How many labels show a hostile string (as plain text): the walk saw the data."""
    return sum(
        1
        for label in root.findChildren(QLabel)
        if label.textFormat() == Qt.TextFormat.PlainText and any(m in label.text() for m in MARKERS)
    )


def test_every_window_shows_hostile_text_as_plain_text(qtbot, service, no_dialogs, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.accounts.profiles import ProfilesDialog
    from balint_trainer.gui.authoring.annotation import AnnotationWindow
    from balint_trainer.gui.authoring.editor import ScenarioEditor
    from balint_trainer.gui.authoring.packs import ExportPackDialog
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.gui.supervision.window import SupervisorWindow

    folder = _hostile_folder(tmp_path)
    service.accounts.create_profile(PROFILE, "trainee")
    window = MainWindow(extra_scenario_dirs=[folder], service=service, include_bundled=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        window.start_loading()
    assert window.library.current_entry().title == TITLE
    assert rich_labels(window) == []

    player = practise_and_answer_first_decision(qtbot, window)
    settle(qtbot)
    assert player.title.text().startswith(TITLE) or TITLE in player.title.text()
    assert rich_labels(window) == []
    for _ in range(100):  # play to the end, answering with option 1, then on to the summary
        if player.state == "end":
            qtbot.keyClick(player, Qt.Key.Key_Return)
            settle(qtbot)
            break
        if player.state == "deciding":
            qtbot.keyClick(player, Qt.Key.Key_1)
            qtbot.keyClick(player, Qt.Key.Key_Return)
            settle(qtbot)
        else:
            qtbot.keyClick(player, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.summary_view
    assert rich_labels(window) == [] and shown_as_text(window.summary_view) >= 1
    window.show_progress()
    settle(qtbot)
    assert rich_labels(window) == []

    others: list[QWidget] = [
        SupervisorWindow(service),
        AnnotationWindow(None, service, window.entries),
        ScenarioEditor(None, service, folder / "hostile.yaml"),
        ExportPackDialog(window.entries),
        ProfilesDialog(service),
    ]
    for other in others:
        qtbot.addWidget(other)
        other.show()
        # Windows that load through the service off the UI thread: look once their rows are in.
        qtbot.waitUntil(lambda other=other: not getattr(other, "busy", False), timeout=5000)
        assert rich_labels(other) == [], type(other).__name__
    assert shown_as_text(window) >= 2


def test_plain_labels_keeps_the_named_rich_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.plain_text import plain_labels

    root = QWidget()
    qtbot.addWidget(root)
    untrusted, legend = QLabel(TITLE, root), QLabel("<table></table>", root)
    plain_labels(root, rich=[legend])
    assert untrusted.textFormat() == Qt.TextFormat.PlainText
    assert legend.textFormat() == Qt.TextFormat.AutoText


def test_message_boxes_show_text_that_looks_like_html_as_text(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.gui import plain_text

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *args: shown.append(text))
    plain_text.warning(None, "t", "Your answer could not be saved:\n\nno database")
    plain_text.warning(None, "t", f"{TITLE}.yaml: cannot be read\nsecond line")
    assert shown[0] == "Your answer could not be saved:\n\nno database"  # ordinary text is unchanged
    assert shown[1] == (
        "<p>&lt;img src=&quot;/some/local.png&quot;&gt;&lt;b&gt;Hostile&lt;/b&gt;.yaml: cannot be read"
        "<br>second line</p>"
    )
