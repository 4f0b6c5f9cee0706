"""Blind expert annotation in the GUI: votes go to the service, the organiser merges a valid key."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.gui.authoring.annotation import AnnotationWindow
from balint_trainer.services.api import role_of

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"


@pytest.fixture
def people(service):
    return {
        "ana": service.accounts.create_profile("Dr Ana Expert", "supervisor"),
        "ben": service.accounts.create_profile("Dr Ben Expert", "supervisor"),
        "olga": service.accounts.create_profile("Olga Organiser", "organiser"),
    }


def _idle(qtbot, window: AnnotationWindow) -> None:
    """Wait until the window's service calls (run off the UI thread) are done."""
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)


def _shown_window(qtbot, service, entries) -> AnnotationWindow:  # type: ignore[no-untyped-def]
    """The annotation window on screen, its error/info boxes recorded in ``window.messages``."""
    window = AnnotationWindow(None, service, entries)
    messages: list[tuple[str, str]] = []
    window.show_error = lambda title, detail: messages.append(("error", detail))  # type: ignore[method-assign]
    window.show_info = lambda title, detail: messages.append(("info", detail))  # type: ignore[method-assign]
    window.messages = messages  # type: ignore[attr-defined]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _idle(qtbot, window)
    return window


@pytest.fixture
def win(qtbot, service, scenario_dir: Path, people) -> AnnotationWindow:
    return _shown_window(qtbot, service, load_catalogue([scenario_dir], include_bundled=False))


def _annotate_page(win: AnnotationWindow):
    return win.tabs.widget(0)


def _answer(
    qtbot, win: AnnotationWindow, key: Qt.Key, ratings: dict[int, int] | None = None, note: str = ""
) -> None:
    page = _annotate_page(win)
    page.setFocus()
    qtbot.keyClick(page, key)
    for number, value in (ratings or {}).items():
        win.set_rating(number, value)
    if note:
        win.note.setPlainText(note)
    with qtbot.waitSignal(win.saved, timeout=3000):
        qtbot.mouseClick(win.next_button, Qt.MouseButton.LeftButton)
    _idle(qtbot, win)


def test_expert_sees_no_key_and_votes_are_saved(qtbot, win: AnnotationWindow, service, people) -> None:
    assert win.select_expert(people["ana"].id)
    assert win.counter.text().startswith("Decision 1 of 2")
    shown = (
        win.context.toPlainText()
        + win.prompt.toPlainText()
        + " ".join(label.text() for label in win.option_labels)
    )
    # Case, transcript and options are shown; key, feedback, consequences and rationale are not.
    assert "I saw Mrs K again on Monday." in shown and "What now?" in shown and "Lecture." in shown
    for secret in ("Silence is fine.", "Good.", "A silence.", "e1", "e4"):
        assert secret not in shown
    assert not win.tabs.isTabEnabled(1), "the organiser view is closed to blind experts"
    assert not win.next_button.isEnabled()  # no best option chosen yet

    _answer(qtbot, win, Qt.Key.Key_2, {1: 3, 2: 5, 3: 1}, "Talking invites the group in.")
    assert win.counter.text().startswith("Decision 2 of 2")
    _answer(qtbot, win, Qt.Key.Key_1)
    stored = {a.decision_id: a for a in service.annotations.annotations(win.version.id)}
    assert stored["first"].best == "b" and stored["first"].ratings == {"a": 3, "b": 5, "c": 1}
    assert stored["first"].note == "Talking invites the group in."
    assert stored["second"].best == "x" and stored["second"].ratings is None
    assert {a.expert_profile_id for a in stored.values()} == {people["ana"].id}

    # A second expert starts blank: nothing of the first expert's answers shows.
    win.select_expert(people["ben"].id)
    win.show_decision(0)
    assert win.option_group.checkedId() == -1
    assert win.note.toPlainText() == ""
    assert all(c.currentData() == 0 for c in win.rating_combos)
    # The first expert sees their own earlier answer again, to revise it.
    win.select_expert(people["ana"].id)
    win.show_decision(0)
    assert win.option_group.checkedId() == 1
    assert win.note.toPlainText() == "Talking invites the group in."


def test_key_out_of_range_is_ignored(qtbot, win: AnnotationWindow, people) -> None:
    win.select_expert(people["ana"].id)
    page = _annotate_page(win)
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_8)  # decision 1 has three options
    assert win.option_group.checkedId() == -1
    qtbot.keyClick(page, Qt.Key.Key_3)
    assert win.option_group.checkedId() == 2


def test_organiser_sees_agreement_and_merges_a_valid_key(
    qtbot, win: AnnotationWindow, service, people, scenario_dir: Path
) -> None:
    for name, first_key, second_key in (
        ("ana", Qt.Key.Key_1, Qt.Key.Key_1),
        ("ben", Qt.Key.Key_2, Qt.Key.Key_1),
    ):
        win.select_expert(people[name].id)
        win.show_decision(0)
        _answer(qtbot, win, first_key, {1: 5, 2: 3, 3: 1})
        _answer(qtbot, win, second_key)
    win.select_expert(people["olga"].id)
    win.show_decision(0)
    _answer(qtbot, win, Qt.Key.Key_1, {1: 4, 2: 3, 3: 1})

    assert win.tabs.isTabEnabled(1)
    win.tabs.setCurrentIndex(1)  # loads the votes off the UI thread
    assert not win.merge_button.isEnabled()  # not before the votes it would merge are there
    _idle(qtbot, win)
    report = win.agreement_model.report
    first, second = report.decisions
    assert first.experts == 3 and first.votes == {"a": 2, "b": 1, "c": 0}
    assert first.agreement == pytest.approx(1 / 3) and first.low_agreement
    assert second.experts == 2 and second.agreement == 1.0 and not second.low_agreement
    assert first.kappa is not None
    model = win.agreement_model
    assert model.index(0, 6).data() == "Low agreement" and model.index(1, 6).data() == ""  # after Alpha
    assert model.index(0, 3).data() == "0.33"
    assert "1 decision with low agreement" in win.pooled_label.text()
    assert win.rows_model.rowCount() == 3  # annotations of the selected (first) decision

    path = scenario_dir / "minimal.yaml"
    original = path.read_bytes()
    diffs: list[str] = []
    win.confirm_merge = lambda p, diff, decisions, built_in: diffs.append(diff) or False  # type: ignore[method-assign]
    assert win.merge_into_key() is None
    assert path.read_bytes() == original and len(list(scenario_dir.iterdir())) == 1
    assert "-      - {expert: e4, best: a, ratings: {a: 5, b: 3, c: 1}}" in diffs[0]
    assert "+      - {expert: dr-ben-expert, best: b, ratings: {a: 5, b: 3, c: 1}}" in diffs[0]

    win.confirm_merge = lambda p, diff, decisions, built_in: built_in is None  # type: ignore[method-assign]
    with qtbot.waitSignal(win.merged, timeout=3000):
        win.merge_into_key()
    merged = load_scenario_file(path)
    assert merged.ok and merged.scenario is not None
    experts = {a.expert: a.best for a in merged.scenario.decision("first").experts}
    assert experts == {"dr-ana-expert": "a", "dr-ben-expert": "b", "olga-organiser": "a"}
    assert [a.expert for a in merged.scenario.decision("second").experts] == [
        "dr-ana-expert",
        "dr-ben-expert",
    ]
    backups = [p for p in scenario_dir.iterdir() if p.name.endswith(".bak")]
    assert len(backups) == 1 and backups[0].read_bytes() == original
    # Outside the experts lists the file is unchanged.
    assert merged.text is not None
    assert merged.text.split("    experts:")[0] == original.decode().split("    experts:")[0]
    assert ("info", f"{path} updated; the previous file was saved as {backups[0].name}.") in win.messages  # type: ignore[attr-defined]
    # The user's own file is changed in place: no copy is made anywhere else.
    from balint_trainer.paths import user_scenarios_dir

    assert list(user_scenarios_dir().iterdir()) == []


def test_new_expert_profile(qtbot, win: AnnotationWindow, service) -> None:
    win.ask_new_profile = lambda: service.accounts.create_profile("Dr New Expert", "supervisor")  # type: ignore[method-assign]
    win.on_new_expert()
    _idle(qtbot, win)
    assert win.expert_combo.currentText() == "Dr New Expert (supervisor)"


def test_expert_list_has_no_trainees(qtbot, service, scenario_dir: Path, people) -> None:
    # Bug: trainees were offered as experts next to supervisors and organisers.
    service.accounts.create_profile("Tina Trainee", "trainee", cohort="north")
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    qtbot.addWidget(window)
    _idle(qtbot, window)
    names = [window.expert_combo.itemText(i) for i in range(window.expert_combo.count())]
    assert names == ["Dr Ana Expert (supervisor)", "Dr Ben Expert (supervisor)", "Olga Organiser (organiser)"]


def test_logged_in_account_is_the_only_expert(
    qtbot, service, scenario_dir: Path, people, monkeypatch
) -> None:
    # Connected as an account, choosing a colleague's profile would reveal their answers.
    monkeypatch.setattr(service.accounts, "current_account", lambda: people["ben"])
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    qtbot.addWidget(window)
    _idle(qtbot, window)
    assert window.expert_combo.count() == 1 and window.expert_id == people["ben"].id
    assert not window.expert_combo.isEnabled() and not window.new_expert_button.isEnabled()


def test_new_profile_dialog_creates_an_organiser_and_keeps_input_on_error(qtbot, service, people) -> None:
    # Bug: no way in the GUI to create an organiser, so the organiser view could never open.
    from balint_trainer.gui.accounts.profile_dialogs import create_profile_dialog

    dialog = create_profile_dialog(None, service, roles=("supervisor", "organiser"))
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name_edit, "Dr Ana Expert")  # taken
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("organiser"))
    assert dialog.cohort_edit.isHidden()  # cohorts are for trainees
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # created off the UI thread
    assert dialog.profile is None and dialog.result() != dialog.DialogCode.Accepted
    assert "already exists" in dialog.error_label.text() and dialog.error_label.isVisibleTo(dialog)
    assert dialog.name_edit.text() == "Dr Ana Expert"  # nothing typed is lost
    dialog.name_edit.setText("Dr Olu Organiser")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert service.accounts.profile_by_name("Dr Olu Organiser").role == "organiser"


def test_organiser_created_in_the_window_opens_the_organiser_view(
    qtbot, win: AnnotationWindow, service
) -> None:
    win.select_expert(win.expert_combo.itemData(0))
    win.ask_new_profile = lambda: service.accounts.create_profile("Dr Olu Organiser", "organiser")  # type: ignore[method-assign]
    win.on_new_expert()
    _idle(qtbot, win)
    assert win.expert_combo.currentText() == "Dr Olu Organiser (organiser)"
    assert win.tabs.isTabEnabled(1)


def test_long_options_wrap_and_old_option_rows_vanish(qtbot, service, scenario_dir: Path, people) -> None:
    # Bug: radio buttons never wrap, so one long option made the window wider than the screen;
    # and the previous decision's option rows stayed visible until the event loop deleted them.
    path = scenario_dir / "minimal.yaml"
    long_text = "Lecture the group at length about " + "the history of the method, " * 30 + "then stop."
    path.write_text(path.read_text(encoding="utf-8").replace("text: Lecture.", f"text: {long_text}"), "utf-8")
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    qtbot.addWidget(window)
    _idle(qtbot, window)
    window.show()
    window.select_expert(people["ana"].id)
    assert any("history of the method" in label.text() for label in window.option_labels)
    assert window.minimumSizeHint().width() < 1000
    old_rows = list(window.option_buttons) + list(window.option_labels)
    window.show_decision(1)
    assert all(widget.isHidden() for widget in old_rows)
    assert all(label.wordWrap() for label in window.option_labels)
    qtbot.mouseClick(window.option_labels[1], Qt.MouseButton.LeftButton)  # the text selects the option
    assert window.option_group.checkedId() == 1


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _built_in_window(qtbot, service, people, bundled: Path) -> AnnotationWindow:
    entries = load_catalogue([], bundled_dir=bundled, use_cache=False)
    assert [e.bundled for e in entries] == [True]
    window = _shown_window(qtbot, service, entries)
    for name, key in (("ana", Qt.Key.Key_1), ("ben", Qt.Key.Key_2)):
        window.select_expert(people[name].id)
        window.show_decision(0)
        _answer(qtbot, window, key)
        _answer(qtbot, window, Qt.Key.Key_1)
    window.tabs.setCurrentIndex(1)
    _idle(qtbot, window)
    return window


def test_merging_into_a_built_in_scenario_writes_the_users_own_copy(
    qtbot, service, people, built_in_folders
) -> None:
    # Bug: "Merge into key" rewrote the scenario file shipped with the app.
    bundled, user = built_in_folders
    shipped = bundled / "minimal.yaml"
    before = _sha256(shipped)
    win = _built_in_window(qtbot, service, people, bundled)
    asked: list[tuple[Path, Path | None]] = []
    win.confirm_merge = lambda p, diff, decisions, source: asked.append((p, source)) or True  # type: ignore[method-assign]
    with qtbot.waitSignal(win.merged, timeout=3000) as signal:
        win.merge_into_key()
    copy = user / "minimal.yaml"
    assert signal.args == [str(copy)] and asked == [(copy, shipped)]
    assert _sha256(shipped) == before and sorted(p.name for p in bundled.iterdir()) == ["minimal.yaml"]
    merged = load_scenario_file(copy)
    assert merged.ok and merged.scenario is not None and merged.scenario.id == "minimal-test"
    assert {a.expert: a.best for a in merged.scenario.decision("first").experts} == {
        "dr-ana-expert": "a",
        "dr-ben-expert": "b",
    }
    # Outside the experts lists the copy is the built-in's text.
    assert merged.text is not None
    assert merged.text.split("    experts:")[0] == shipped.read_text("utf-8").split("    experts:")[0]
    kind, message = win.messages[-1]  # type: ignore[attr-defined]
    assert kind == "info" and str(copy) in message and "built-in" in message
    assert str(copy) in win.statusBar().currentMessage()
    # The library (built-ins plus the user's folder) shows the copy in the built-in's place.
    library = load_catalogue([user], bundled_dir=bundled, use_cache=False)
    assert [(e.path, e.ok, e.bundled) for e in library] == [(copy, True, False)]

    # Merging again updates that copy in place (with a backup); the built-in is still untouched.
    win.confirm_merge = lambda p, diff, decisions, source: asked.append((p, source)) or True  # type: ignore[method-assign]
    first_copy = copy.read_bytes()
    win.merge_into_key()
    assert asked[-1] == (copy, shipped) and _sha256(shipped) == before
    backups = [p for p in user.iterdir() if p.suffix == ".bak"]
    assert len(backups) == 1 and backups[0].read_bytes() == first_copy
    assert sorted(p.name for p in user.iterdir() if p.suffix == ".yaml") == ["minimal.yaml"]
    assert load_scenario_file(copy).ok


def test_merge_copy_of_a_built_in_never_overwrites_another_user_file(
    qtbot, service, people, built_in_folders
) -> None:
    bundled, user = built_in_folders
    other = user / "minimal.yaml"  # the same file name, but a different scenario of the user's
    other.write_text(
        (DATA / "minimal.yaml").read_text("utf-8").replace("id: minimal-test", "id: my-own", 1), "utf-8"
    )
    theirs, before = other.read_bytes(), _sha256(bundled / "minimal.yaml")
    win = _built_in_window(qtbot, service, people, bundled)
    win.confirm_merge = lambda p, diff, decisions, source: source is not None  # type: ignore[method-assign]
    assert win.merge_into_key() == user / "minimal-2.yaml"
    assert other.read_bytes() == theirs and _sha256(bundled / "minimal.yaml") == before
    copy = load_scenario_file(user / "minimal-2.yaml")
    assert copy.ok and copy.scenario is not None and copy.scenario.id == "minimal-test"
    assert len(copy.scenario.decision("first").experts) == 2


def test_cancelled_merge_into_a_built_in_writes_nothing(qtbot, service, people, built_in_folders) -> None:
    bundled, user = built_in_folders
    before = _sha256(bundled / "minimal.yaml")
    win = _built_in_window(qtbot, service, people, bundled)
    win.confirm_merge = lambda p, diff, decisions, source: False  # type: ignore[method-assign]
    assert win.merge_into_key() is None
    assert _sha256(bundled / "minimal.yaml") == before and list(user.iterdir()) == []


def test_service_calls_run_off_the_ui_thread_with_a_loading_state(
    qtbot, service, scenario_dir: Path, people, monkeypatch
) -> None:
    """Issue #11: experts, the scenario's registration, the votes and every save go through the
    worker; meanwhile the window says so and Save waits."""
    import threading

    calls: list[tuple[str, bool]] = []

    def spy(name: str):  # type: ignore[no-untyped-def]
        real = getattr(getattr(service, role_of(name)), name)  # the role that has the method

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append((name, threading.current_thread() is threading.main_thread()))
            return real(*args, **kwargs)

        return call

    for name in ("current_account", "profiles", "register_scenario", "annotations", "save_annotation"):
        monkeypatch.setattr(getattr(service, role_of(name)), name, spy(name))
    window = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    qtbot.addWidget(window)
    assert window.busy and window.status.text() == "Loading…" and not window.next_button.isEnabled()
    assert not window.tabs.isTabEnabled(1)  # nobody sees the votes before their role is known
    with qtbot.waitSignal(window.idle, timeout=5000):
        pass
    assert window.counter.text().startswith("Decision 1 of 2")
    window.select_expert(people["olga"].id)
    window.choose_number(2)
    with qtbot.waitSignal(window.saved, timeout=5000):
        window.save_and_next()
        assert window.status.text() == "Saving…" and not window.next_button.isEnabled()
        window.save_and_next()  # a second press while saving saves nothing twice
    qtbot.waitUntil(lambda: not window.busy)
    window.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(window.idle, timeout=5000):
        pass
    assert window.agreement_model.report.decisions[0].votes == {"a": 0, "b": 1, "c": 0}
    assert {name for name, _ in calls} == {
        "current_account", "profiles", "register_scenario", "annotations", "save_annotation"
    }  # fmt: skip
    assert [name for name, on_ui_thread in calls if on_ui_thread] == []
    assert [name for name, _ in calls].count("save_annotation") == 1
