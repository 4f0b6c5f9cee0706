"""The supervisor reopens, edits and deletes a coding; the comparison chart (keyboard, RTL, dark)."""

from __future__ import annotations

import hashlib
import math
import struct
import wave
from pathlib import Path

import pytest

from balint_trainer.core import recorded_session as rs
from tests.test_recorded_sessions import _window


def _tone(path: Path, seconds: float = 12.0, hz: int = 440) -> Path:
    """A short real WAV (no espeak needed: editing does not depend on speech)."""
    rate = 8000
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        frames = (int(8000 * math.sin(2 * math.pi * hz * i / rate)) for i in range(int(seconds * rate)))
        out.writeframes(b"".join(struct.pack("<h", f) for f in frames))
    return path


@pytest.fixture
def sqlite_service(tmp_path: Path):  # type: ignore[no-untyped-def]
    from balint_trainer.services import open_service

    svc = open_service(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield svc
    svc.close()


def _stored(svc, trainee, supervisor, wav: Path):  # type: ignore[no-untyped-def]
    return svc.review.save_recorded_session(
        trainee.id,
        supervisor.id,
        rs.RecordedSession(
            wav.name,
            hashlib.sha256(wav.read_bytes()).hexdigest(),
            12.0,
            (rs.Moment(2, "safe-space", 3, "set the frame"),),
            {"safe-space": 3},
            "first look",
        ),
    )


def _open_tab(qtbot, window):  # type: ignore[no-untyped-def]
    window.tabs.setCurrentWidget(window.recordings.view)
    view = window.recordings.view
    qtbot.waitUntil(lambda: view.sessions_table.rowCount() >= 1, timeout=10_000)
    return view


def test_supervisor_reopens_edits_and_deletes_a_coding(qtbot, tmp_path, sqlite_service) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    sam = svc.accounts.create_profile("Sam", "supervisor")
    wav = _tone(tmp_path / "group.wav")
    stored = _stored(svc, trainee, sam, wav)
    window = _window(qtbot, svc, trainee, sam)
    view = _open_tab(qtbot, window)
    assert not view.edit_button.isHidden() and view.edit_button.isEnabled() and view.delete_button.isEnabled()

    # Enter on the selected coding reopens it for editing, filled in.
    view.sessions_table.setFocus()
    qtbot.keyClick(view.sessions_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.recordings.coder is not None, timeout=5_000)
    coder = window.recordings.coder
    coder.show_error = lambda title, detail: pytest.fail(f"{title}: {detail}")
    qtbot.waitExposed(coder)
    assert coder.windowTitle().startswith("Edit the coding")
    assert coder.moments() == list(stored.moments)
    assert coder.global_combos["safe-space"].currentData() == 3
    assert coder.note_edit.toPlainText() == "first look" and coder.save_button.isEnabled()
    assert not coder.play_button.isEnabled()  # known by name and checksum only, until reopened

    # Another file is refused: it is not the recording that was coded.
    other = _tone(tmp_path / "other.wav", hz=220)
    coder.open_file(other)
    qtbot.waitUntil(lambda: "not the recording" in coder.status_label.text(), timeout=20_000)
    assert coder.moments() == list(stored.moments)
    # The same file may be reopened (to play it); the coding stays.
    with qtbot.waitSignal(coder.loaded, timeout=20_000):
        coder.open_file(wav)
    assert coder.moments() == list(stored.moments) and coder.play_button.isEnabled() == (coder.player is not None)
    if coder.player is not None:
        qtbot.waitUntil(lambda: coder.player.duration() > 0, timeout=20_000)

    # Mark one more moment by typed time and key, change a rating and the note, save with Ctrl+S.
    coder.time_edit.setFocus()
    coder.time_edit.selectAll()
    qtbot.keyClicks(coder.time_edit, "00:08")
    qtbot.keyClick(coder.time_edit, Qt.Key.Key_Return)
    if coder.player is not None:  # playing now: the keys mark the player's position
        qtbot.waitUntil(lambda: abs(coder.player.position() / 1000 - 8) < 0.3, timeout=10_000)
    qtbot.keyClick(coder.moments_table, Qt.Key.Key_7)
    coder.set_global_rating("safe-space", 5)
    coder.note_edit.setPlainText("second look")
    with qtbot.waitSignal(coder.saved, timeout=10_000):
        qtbot.keyClick(coder.moments_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    [current] = svc.review.recorded_sessions(trainee.id)  # edited in place, not a second coding
    assert current.id == stored.id and current.updated_at is not None
    assert [m.competency for m in current.moments] == ["safe-space", "invite-feelings"]
    assert current.moments[1].seconds == pytest.approx(8, abs=0.3)
    assert current.global_ratings == {"safe-space": 5} and current.note == "second look"
    coder.close()
    qtbot.waitUntil(lambda: "Last edited" in view.detail_text(), timeout=10_000)

    # Delete asks first; "No" keeps it, "Yes" deletes it.
    asked: list[str] = []

    def answer(result: bool):  # type: ignore[no-untyped-def]
        return lambda session: asked.append(session.file_name) or result

    window.recordings.confirm_delete = answer(False)
    view.delete_button.click()
    assert asked == ["group.wav"] and len(svc.review.recorded_sessions(trainee.id)) == 1
    window.recordings.confirm_delete = answer(True)
    view.delete_button.click()
    qtbot.waitUntil(lambda: view.sessions_table.rowCount() == 0, timeout=10_000)
    assert svc.review.recorded_sessions(trainee.id) == [] and not view.delete_button.isEnabled()


def test_another_supervisors_coding_cannot_be_saved_over(qtbot, tmp_path, sqlite_service) -> None:  # type: ignore[no-untyped-def]
    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    sam, olu = svc.accounts.create_profile("Sam", "supervisor"), svc.accounts.create_profile("Olu", "supervisor")
    _stored(svc, trainee, sam, _tone(tmp_path / "group.wav"))
    window = _window(qtbot, svc, trainee, olu)
    view = _open_tab(qtbot, window)
    view.edit_button.click()
    coder = window.recordings.coder
    errors: list[tuple[str, str]] = []
    coder.show_error = lambda title, detail: errors.append((title, detail))
    coder.note_edit.setPlainText("overwritten")
    coder.save()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert errors[0][0] == "Could not save the coding" and "did not code" in errors[0][1]
    assert svc.review.recorded_sessions(trainee.id)[0].note == "first look"
    coder.close()


def _sessions() -> list[rs.RecordedSession]:
    return [
        rs.RecordedSession("a.wav", "0" * 64, 60.0, (), {"leader-restraint": 2, "safe-space": 5}, supervisor_name="Sam")
    ]


def test_comparison_is_a_chart_with_both_series_a_legend_and_the_table_on_a_toggle(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from balint_trainer.gui.supervision.recorded_list import RecordedSessionsView

    view = RecordedSessionsView()
    qtbot.addWidget(view)
    view.show_sessions(_sessions(), {"leader-restraint": 0.75, "invite-feelings": 0.4})
    view.show()
    qtbot.waitExposed(view)
    chart = view.chart
    assert view.compare_stack.currentWidget() is chart and chart.plot is not None
    rows = {row.label: (row.simulator, row.rating) for row in chart.rows}
    assert rows[rs.coding_label("leader-restraint")] == (0.75, 2)
    assert rows[rs.coding_label("safe-space")] == (None, 5)
    assert rows[rs.coding_label("invite-feelings")] == (0.4, None)
    # Both series drawn, each bar's value written beside it: 75 and 40 (simulator), 25 and 100 (ratings).
    assert sorted(label.textItem.toPlainText() for label in chart.plot.value_labels) == ["100", "25", "40", "75"]
    assert "1 = 0" in chart.legend.text() and "5 = 100" in chart.legend.text()
    # A text alternative: focusable by Tab, described in words.
    assert chart.focusPolicy() & Qt.FocusPolicy.TabFocus
    description = chart.accessibleDescription()
    assert f"{rs.coding_label('leader-restraint')}: simulator 75, recorded sessions 25 (2 Emerging)" in description
    # The same figures as a table, on a toggle.
    view.table_toggle.click()
    assert view.compare_stack.currentWidget() is view.compare_table
    assert view.table_toggle.text() == "Show as c&hart"
    view.table_toggle.click()
    assert view.compare_stack.currentWidget() is chart


def test_comparison_chart_mirrors_right_to_left_and_follows_a_dark_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    from balint_trainer.gui.supervision.recorded_list import RecordedSessionsView

    view = RecordedSessionsView()
    qtbot.addWidget(view)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    view.setPalette(dark)
    view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    view.show_sessions(_sessions(), {"leader-restraint": 0.75})
    plot = view.chart.plot
    item = plot.getPlotItem()
    assert item.getViewBox().state["xInverted"]
    assert item.getAxis("right").isVisible() and not item.getAxis("left").isVisible()
    assert plot.backgroundBrush().color() == QColor("#1e1e1e")
    assert all(label.color == QColor("#f0f0f0") for label in plot.value_labels)


def test_delete_asks_and_says_it_cannot_be_undone(qtbot, tmp_path, sqlite_service, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    sam = svc.accounts.create_profile("Sam", "supervisor")
    stored = _stored(svc, trainee, sam, _tone(tmp_path / "group.wav"))
    window = _window(qtbot, svc, trainee, sam)
    asked: list[str] = []

    def question(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    assert window.recordings.delete(stored) is None  # answered No: nothing happens
    assert asked == ["Delete the coding of group.wav by Sam? This cannot be undone."]
    assert len(svc.review.recorded_sessions(trainee.id)) == 1
