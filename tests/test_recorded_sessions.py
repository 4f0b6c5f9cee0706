"""Coding a recorded session: core model, storage, and the keyboard-first window end to end."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from balint_trainer.core import recorded_session as rs
from balint_trainer.services import ServiceError, open_service

SPEECH = (
    "Thank you for presenting your patient. Before questions, what did you feel in the room? "
    "Let us stay with the relationship, not the diagnosis. We have ten minutes left."
)


@pytest.fixture
def spoken_wav(tmp_path: Path) -> Path:
    """A short spoken recording made by espeak-ng (a real RIFF/WAVE file)."""
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (scripts/system-deps.sh test installs it)")
    path = tmp_path / "group session.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(path), SPEECH], check=True, timeout=60)
    return path


@pytest.fixture
def sqlite_service(tmp_path: Path):  # type: ignore[no-untyped-def]
    svc = open_service(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield svc
    svc.close()


# ------------------------------------------------------------------------------------ core


def test_times_parse_and_format() -> None:
    assert rs.parse_time("01:05") == 65
    assert rs.parse_time("1:02:03") == 3723
    assert rs.parse_time(" 12:34.5 ") == pytest.approx(754.5)
    for bad in ("", "1:5", "12:60", "abc", "1:60:00"):
        with pytest.raises(ValueError):
            rs.parse_time(bad)
    assert rs.format_time(65.9) == "01:05"
    assert rs.format_time(3723) == "1:02:03"


def test_checksum_streams_and_matches_hashlib(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # > one chunk
    path = tmp_path / "x.bin"
    path.write_bytes(data)
    assert rs.sha256_file(path) == hashlib.sha256(data).hexdigest()
    with pytest.raises(InterruptedError):
        rs.sha256_file(path, should_stop=lambda: True)
    assert rs.wav_duration(path) is None  # not a WAV: unknown, no exception


def test_check_refuses_meaningless_codings() -> None:
    good = rs.RecordedSession(
        "a.wav", "0" * 64, 60.0, (rs.Moment(5, "leader-restraint", 3),), {"safe-space": 5}
    )
    rs.check(good)
    bad = [
        rs.RecordedSession("a.wav", "nothex", 60.0),
        rs.RecordedSession("a.wav", "0" * 64, 60.0, (rs.Moment(5, "no-such"),)),
        rs.RecordedSession("a.wav", "0" * 64, 60.0, (rs.Moment(500, "safe-space"),)),
        rs.RecordedSession("a.wav", "0" * 64, 60.0, (rs.Moment(5, "safe-space", 9),)),
        rs.RecordedSession("a.wav", "0" * 64, 60.0, global_ratings={"safe-space": 0}),
    ]
    for coded in bad:
        with pytest.raises(rs.CodingError):
            rs.check(coded)
    with pytest.raises(rs.CodingError):
        rs.moments_from_json([{"t": "x", "c": "safe-space"}])
    assert len(rs.CODING_KEYS) == 10 and set(rs.GOOD_LOOKS_LIKE) == set(rs.CODING_COMPETENCIES)


# ------------------------------------------------------------------------------------ service


def test_service_stores_codings_of_trainees_by_supervisors(service) -> None:  # type: ignore[no-untyped-def]
    trainee = service.accounts.create_profile("Tara", "trainee", cohort="c1")
    supervisor = service.accounts.create_profile("Sam", "supervisor", cohort="c1")
    coded = rs.RecordedSession(
        "group.mp4",
        "a" * 64,
        3600.0,
        (rs.Moment(120, "protect-presenter", 4, "stopped a probing question"), rs.Moment(30, "safe-space")),
        {"protect-presenter": 4, "group-process": 2},
        "good first session",
    )
    stored = service.review.save_recorded_session(trainee.id, supervisor.id, coded)
    assert stored.id is not None and stored.supervisor_name == "Sam"
    [again] = service.review.recorded_sessions(trainee.id)
    assert [m.seconds for m in again.moments] == [30, 120]  # in time order
    assert again.global_ratings == {"protect-presenter": 4, "group-process": 2}
    assert again.moments[1].note == "stopped a probing question" and again.note == "good first session"
    with pytest.raises(ServiceError):  # only supervisors code
        service.review.save_recorded_session(trainee.id, trainee.id, coded)
    with pytest.raises(ServiceError):  # of trainees
        service.review.save_recorded_session(supervisor.id, supervisor.id, coded)


def test_merging_profiles_keeps_codings(sqlite_service) -> None:  # type: ignore[no-untyped-def]
    svc = sqlite_service
    a, b = svc.accounts.create_profile("ben", "trainee"), svc.accounts.create_profile("Ben Okafor", "trainee")
    sup = svc.accounts.create_profile("Sam", "supervisor")
    svc.review.save_recorded_session(a.id, sup.id, rs.RecordedSession("g.wav", "b" * 64, 10.0))
    svc.accounts.merge_profiles(a.id, b.id)
    assert len(svc.review.recorded_sessions(b.id)) == 1


# ------------------------------------------------------------------------------------ window


def _window(qtbot, svc, trainee, supervisor):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    window = SupervisorWindow(svc, author_id=supervisor.id)
    qtbot.addWidget(window)
    window._show_error = lambda title, exc: pytest.fail(f"{title}: {exc}")  # type: ignore[method-assign]
    window.show_error = lambda title, detail: pytest.fail(f"{title}: {detail}")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)  # the trainee list is read off the UI thread
    assert window.select_trainee(trainee.id)
    window.recordings.audio = False  # offscreen: no sound device needed
    opened = window.recordings.open_coder

    def open_coder(**kwargs):  # type: ignore[no-untyped-def]
        coder = opened(**kwargs)
        coder.show_error = lambda title, detail: pytest.fail(f"{title}: {detail}")
        return coder

    window.recordings.open_coder = open_coder
    window.recordings.code_action.triggered.disconnect()
    window.recordings.code_action.triggered.connect(lambda: open_coder())
    return window


def _assert_file_not_stored(tmp_path: Path, wav: Path) -> None:
    audio = wav.read_bytes()
    # Slices of speech, not silence: 64 bytes of zeros would match any empty page.
    slices = (audio[i : i + 64] for i in range(1000, len(audio) - 64, 997))
    samples = [s for s in slices if len(set(s)) > 24][:50]
    assert len(samples) == 50
    for db_file in tmp_path.glob("db.sqlite3*"):
        content = db_file.read_bytes()
        assert not any(sample in content for sample in samples), db_file


def test_code_a_spoken_recording_with_the_keyboard(qtbot, tmp_path, sqlite_service, spoken_wav) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    supervisor = svc.accounts.create_profile("Sam", "supervisor")
    window = _window(qtbot, svc, trainee, supervisor)
    assert window.recordings.code_action.isEnabled()
    window.recordings.code_action.trigger()
    coder = window.recordings.coder
    qtbot.waitExposed(coder)
    header_s = rs.wav_duration(spoken_wav)
    assert header_s is not None and 5 < header_s < 30
    with qtbot.waitSignal(coder.loaded, timeout=20_000):
        coder.open_file(spoken_wav)
    if coder.player is not None:
        # The player decodes the file: its duration is the one shown and stored.
        qtbot.waitUntil(lambda: coder.player.duration() > 0, timeout=20_000)
        assert coder.duration_s() == pytest.approx(header_s, abs=0.3)
    else:  # no QtMultimedia here: the WAV header tells
        assert coder.duration_s() == pytest.approx(header_s)

    coder.moments_table.setFocus()
    for when, key, competency in (
        (1.0, Qt.Key.Key_1, "relationship-focus"),
        (3.5, Qt.Key.Key_3, "represent-patient"),
        (6.0, Qt.Key.Key_0, "group-process"),
    ):
        coder.seek_to(when)
        if coder.player is not None:
            qtbot.waitUntil(lambda w=when: abs(coder.player.position() / 1000 - w) < 0.3, timeout=10_000)
        qtbot.keyClick(coder.moments_table, key)
        assert coder.moments()[-1].competency == competency
        assert coder.moments()[-1].seconds == pytest.approx(when, abs=0.3)
    assert len(coder.moments()) == 3

    # Rate and annotate the first moment: Ctrl+Return keeps the note.
    coder.moments_table.setCurrentCell(0, 0)
    coder.set_moment_rating(4)
    coder.moment_note.setFocus()
    qtbot.keyClicks(coder.moment_note, "named the feeling in the room")
    qtbot.keyClick(coder.moment_note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert coder.moments()[0] == rs.Moment(
        coder.moments()[0].seconds, "relationship-focus", 4, "named the feeling in the room"
    )
    # Seeking with Left/Right moves the cursor 5 s.
    coder.moments_table.setFocus()
    coder.seek_to(2.0)
    qtbot.keyClick(coder.moments_table, Qt.Key.Key_Right)
    assert rs.parse_time(coder.time_edit.text()) == 7

    coder.set_global_rating("relationship-focus", 4)
    coder.set_global_rating("leader-restraint", 3)
    with qtbot.waitSignal(coder.saved, timeout=10_000) as saved:
        qtbot.keyClick(coder.moments_table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = saved.args[0]

    [record] = svc.review.recorded_sessions(trainee.id)
    assert record.id == stored.id
    assert record.sha256 == hashlib.sha256(spoken_wav.read_bytes()).hexdigest()
    assert record.file_name == spoken_wav.name
    assert record.duration_s == pytest.approx(header_s, abs=0.3)
    assert [m.competency for m in record.moments] == [
        "relationship-focus",
        "represent-patient",
        "group-process",
    ]
    assert record.global_ratings == {"relationship-focus": 4, "leader-restraint": 3}
    _assert_file_not_stored(tmp_path, spoken_wav)

    # The trainee's record shows it next to the simulator's scores.
    window.tabs.setCurrentWidget(window.recordings.view)
    view = window.recordings.view
    qtbot.waitUntil(lambda: view.sessions_table.rowCount() == 1, timeout=10_000)
    assert view.sessions_table.item(0, 1).text() == spoken_wav.name
    assert "named the feeling in the room" in view.detail_text()
    ratings = {
        view.compare_table.item(r, 0).text(): view.compare_table.item(r, 2).text()
        for r in range(view.compare_table.rowCount())
    }
    assert ratings[rs.coding_label("relationship-focus")] == "4 Proficient"
    coder.close()


def test_without_multimedia_typed_times_are_coded(
    qtbot, tmp_path, sqlite_service, spoken_wav, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from balint_trainer.gui.supervision import recording

    def no_multimedia() -> None:
        return None  # as when PySide6-Addons is missing: the import fails

    monkeypatch.setattr(recording, "import_multimedia", no_multimedia)
    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    supervisor = svc.accounts.create_profile("Sam", "supervisor")
    window = _window(qtbot, svc, trainee, supervisor)
    coder = window.recordings.open_coder()
    assert coder.player is None and not coder.play_button.isEnabled()
    assert "not available" in coder.media_note.text()
    with qtbot.waitSignal(coder.loaded, timeout=20_000):
        coder.open_file(spoken_wav)
    assert coder.duration_s() == pytest.approx(rs.wav_duration(spoken_wav))
    for typed, key in (("00:02", Qt.Key.Key_5), ("00:04", Qt.Key.Key_8), ("00:07", Qt.Key.Key_9)):
        coder.time_edit.setFocus()
        coder.time_edit.selectAll()
        qtbot.keyClicks(coder.time_edit, typed)
        qtbot.keyClick(coder.time_edit, Qt.Key.Key_Return)  # focus leaves the field: keys mark
        qtbot.keyClick(coder.moments_table, key)
    assert [(m.seconds, m.competency) for m in coder.moments()] == [
        (2, "safe-space"),
        (4, "leader-restraint"),
        (7, "signpost-support"),
    ]
    qtbot.keyClick(coder.moments_table, Qt.Key.Key_Delete)  # the selected (last) one goes
    assert len(coder.moments()) == 2
    coder.set_global_rating("safe-space", 5)
    with qtbot.waitSignal(coder.saved, timeout=10_000):
        coder.save()
    [record] = svc.review.recorded_sessions(trainee.id)
    assert [m.seconds for m in record.moments] == [2, 4]
    assert record.global_ratings == {"safe-space": 5}
    _assert_file_not_stored(tmp_path, spoken_wav)
    coder.close()


def test_trainee_report_lists_coded_sessions(sqlite_service) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.reports.data import trainee_report
    from balint_trainer.reports.html_report import trainee_report_html

    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    supervisor = svc.accounts.create_profile("Sam", "supervisor")
    assert "Recorded session" not in trainee_report_html(trainee_report(svc, trainee.id))  # none: no section
    svc.review.save_recorded_session(
        trainee.id,
        supervisor.id,
        rs.RecordedSession(
            "tuesday group.mp4",
            "c" * 64,
            5400.0,
            (rs.Moment(754, "return-from-escape", 5, "brought them back <gently>"),),
            {"return-from-escape": 5, "safe-space": 3},
        ),
    )
    html = trainee_report_html(trainee_report(svc, trainee.id))
    assert "Recorded sessions coded by a supervisor" in html and "tuesday group.mp4 (1:30:00)" in html
    assert "12:34" in html and "5 Exemplary" in html and "3 Competent" in html
    assert "brought them back &lt;gently&gt;" in html  # user text escaped


def test_trainee_progress_shows_codings_beside_simulator_scores(qtbot, sqlite_service) -> None:  # type: ignore[no-untyped-def]
    from types import SimpleNamespace

    from balint_trainer.gui.practice.progress import ProgressView

    svc = sqlite_service
    trainee = svc.accounts.create_profile("Tara", "trainee")
    supervisor = svc.accounts.create_profile("Sam", "supervisor")
    svc.review.save_recorded_session(
        trainee.id, supervisor.id, rs.RecordedSession("g.wav", "d" * 64, 60.0, (), {"leader-restraint": 2})
    )
    view = ProgressView()
    qtbot.addWidget(view)
    view.show_recorded([], [])
    assert view.recorded.isHidden()  # nothing coded: no empty panel
    points = [
        SimpleNamespace(competencies={"leader-restraint": 0.5}),
        SimpleNamespace(competencies={"leader-restraint": 1.0}),
    ]
    view.show_recorded(svc.review.recorded_sessions(trainee.id), points)
    assert not view.recorded.isHidden()
    table = view.recorded.compare_table
    row = [table.item(0, c).text() for c in range(3)]
    assert row == [rs.coding_label("leader-restraint"), "75 %", "2 Emerging"]
