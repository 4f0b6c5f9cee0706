"""Two trainees on one laptop: "Who is practising?" at start, switching, passwords, own scores."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from tests.gui.practice_wait import settle
from tests.gui.test_player_flow import step_to_decision

pytestmark = pytest.mark.gui

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"


def _finished(service: Any, profile_id: int, first: str, second: str) -> None:
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    key = version.load()
    attempt = service.practice.start_attempt(profile_id, version.id, "practice")
    for decision, option in (("first", first), ("second", second)):
        service.practice.record_answer(attempt.id, decision, option, credit=credit(key.decision(decision), option))
    service.practice.finish_attempt(attempt.id)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _open(qtbot, service, scenario_dir, settings):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.main_window import MainWindow

    win = MainWindow(
        extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False, settings=settings
    )
    qtbot.addWidget(win)
    win.show()
    assert win._chooser is None  # never before the window is painted and the database open
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win


def _choose(qtbot, win, name: str, password: str = "") -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win._chooser is not None and win._chooser.isVisible(), timeout=5000)
    chooser = win._chooser
    assert chooser.select(name)
    if password:
        chooser.password_edit.setText(password)
    with qtbot.waitSignal(win.profile_changed, timeout=5000):
        qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
        settle(qtbot)


def test_two_trainees_choose_at_start_switch_and_see_only_their_own_scores(
    qtbot, service, scenario_dir, settings, no_dialogs
):  # type: ignore[no-untyped-def]
    aisha = service.accounts.create_profile("Aisha", "trainee", cohort="C1")
    ben = service.accounts.create_profile("Ben", "trainee", cohort="C1")  # made by the supervisor
    service.accounts.set_password(ben.id, "ben-secret-1")
    _finished(service, aisha.id, "b", "x")
    win = _open(qtbot, service, scenario_dir, settings)

    # Nobody practises until someone is chosen.
    assert win.profile is None and not win.practice_action.isEnabled()
    win.library.select_row(0)
    assert not win.library.practice_button.isEnabled() and not win.library.exam_button.isEnabled()
    win.start_scenario(win.library.current_entry(), "practice")  # refused: nobody to own it
    settle(qtbot)
    assert service.practice.attempts(finished=False) == [] and win.player is None
    assert "Nobody is practising" in win.storage_label.text()
    chooser = win._chooser
    assert [chooser.list.item(i).text() for i in range(chooser.list.count())] == [
        "Aisha · C1",
        "Ben · C1 · password",
    ]
    assert chooser.select("Aisha") and not chooser.password_edit.isEnabled()
    _choose(qtbot, win, "Aisha")
    assert win.profile.id == aisha.id and "Aisha" in win.windowTitle()
    assert win.storage_label.text().startswith("Aisha ·")
    win.library.select_row(0)
    assert win.practice_action.isEnabled()
    assert win.library.model._best == {"minimal-test": service.practice.best_scores(aisha.id)["minimal-test"]}

    # Switch to Ben: the wrong password is refused, the right one lets him in.
    win.switch_profile()
    qtbot.waitUntil(lambda: win._chooser is not None and win._chooser.isVisible(), timeout=5000)
    chooser = win._chooser
    assert chooser.selected().id == aisha.id  # the current profile comes preselected
    assert chooser.select("Ben") and chooser.password_edit.isEnabled()
    chooser.password_edit.setText("not-his-password")
    chooser.accept()
    settle(qtbot)
    qtbot.waitUntil(lambda: chooser.error_label.isVisible(), timeout=5000)
    assert "Wrong password" in chooser.error_label.text() and win.profile.id == aisha.id
    chooser.password_edit.setText("ben-secret-1")
    with qtbot.waitSignal(win.profile_changed, timeout=5000):
        chooser.accept()
        settle(qtbot)
    assert win.profile.id == ben.id and "Ben" in win.windowTitle() and "Ben" in win.storage_label.text()
    assert win.library.model._best == {}  # Aisha's score is hers alone
    # Ben practises through the window: his attempt is his.
    qtbot.mouseClick(win.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [a.profile_id for a in service.practice.attempts(finished=False)] == [ben.id]
    assert len(service.practice.attempts(profile_id=aisha.id)) == 1

    # The last choice is remembered and preselected next time.
    win.close()
    again = _open(qtbot, service, scenario_dir, settings)
    qtbot.waitUntil(lambda: again._chooser is not None, timeout=5000)
    assert again._chooser.selected().id == ben.id


def test_one_trainee_without_password_practises_at_once(qtbot, service, scenario_dir, settings, no_dialogs):  # type: ignore[no-untyped-def]
    sue = service.accounts.create_profile("Sue", "supervisor")
    ann = service.accounts.create_profile("Ann", "trainee")  # created by a supervisor: she can practise
    win = _open(qtbot, service, scenario_dir, settings)
    assert win._chooser is None and win.profile.id == ann.id != sue.id
    assert win.windowTitle().startswith("Ann")
    # With a password, even the only trainee is asked for it.
    service.accounts.set_password(ann.id, "ann-secret-1")
    win.close()
    locked = _open(qtbot, service, scenario_dir, settings)
    assert locked.profile is None
    _choose(qtbot, locked, "Ann", "ann-secret-1")
    assert locked.profile.id == ann.id


def test_a_new_profile_from_the_chooser_can_practise(
    qtbot, service, scenario_dir, settings, no_dialogs, monkeypatch
):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.accounts.profile_dialogs import NewProfileDialog

    service.accounts.create_profile("Aisha", "trainee")
    service.accounts.create_profile("Ben", "trainee")
    win = _open(qtbot, service, scenario_dir, settings)
    qtbot.waitUntil(lambda: win._chooser is not None, timeout=5000)

    def fill(dialog: NewProfileDialog) -> int:
        dialog.name_edit.setText("Cara")
        dialog.accept()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # created off the UI thread
        settle(qtbot)
        return int(dialog.result())

    monkeypatch.setattr(NewProfileDialog, "exec", fill)
    created = win._chooser.new_profile()
    assert created.name == "Cara" and win._chooser.selected().id == created.id
    with qtbot.waitSignal(win.profile_changed, timeout=5000):
        win._chooser.accept()
        settle(qtbot)
    assert win.profile.id == created.id and created.role == "trainee"


def test_switching_in_a_session_asks_first(window, qtbot, service, no_dialogs):  # type: ignore[no-untyped-def]
    service.accounts.create_profile("Other", "trainee")
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.keyClick(window.player, Qt.Key.Key_Return)
    settle(qtbot)
    step_to_decision(qtbot, window.player)
    window.switch_profile()
    assert [kind for kind, _ in no_dialogs] == ["question"]
    assert "Leave this session?" in no_dialogs[0][1]
    qtbot.waitUntil(lambda: window._chooser is not None, timeout=5000)
    assert window.stack.currentWidget() is window.library


def test_set_password_then_wrong_current_password_is_refused(window, qtbot, service):  # type: ignore[no-untyped-def]
    dialog = window.set_password()
    dialog.current_edit.setText("")
    dialog.new_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.accept()
    settle(qtbot)
    assert "at least 8 characters" in dialog.error_label.text()
    dialog.new_edit.setText("first-secret")
    dialog.repeat_edit.setText("first-secret")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.accept()
        settle(qtbot)
    assert service.accounts.authenticate(window.profile.name, "first-secret").id == window.profile.id
    again = window.set_password()
    again.current_edit.setText("guess")
    again.new_edit.setText("second-secret")
    again.repeat_edit.setText("second-secret")
    again.accept()
    settle(qtbot)
    qtbot.waitUntil(lambda: again.error_label.isVisible() and again.ok_button.isEnabled(), timeout=10000)
    assert "current password is wrong" in again.error_label.text()
    assert service.accounts.authenticate(window.profile.name, "first-secret").id == window.profile.id


def test_no_chooser_on_a_course_database(qtbot) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.accounts.profile_chooser import profile_choices

    class Accounts:
        def local_profile(self) -> str:
            return "the login's profile"

    class Course:
        dialect = "postgresql"
        accounts = Accounts()

    assert profile_choices(Course()).chosen == "the login's profile"
