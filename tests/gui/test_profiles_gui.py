"""The profiles dialog: rename (F2) and change cohort; the main window follows a rename of its profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from balint_trainer.gui.accounts.profile_dialogs import ProfileEditDialog
from balint_trainer.gui.accounts.profiles import ProfilesDialog, ProfileTableModel
from balint_trainer.services.api import role_of
from tests.gui.modal import in_modal_dialog


def _row(dialog: ProfilesDialog, name: str) -> list[str]:
    proxy = dialog.proxy
    for row in range(proxy.rowCount()):
        # Right to left, names and cohorts come wrapped in Unicode isolates (U+2068 … U+2069).
        cells = [str(proxy.index(row, c).data()).strip("\u2068\u2069") for c in range(proxy.columnCount())]
        if cells[ProfileTableModel.NAME] == name:
            return cells
    raise AssertionError(f"{name} not listed: {[proxy.index(r, 0).data() for r in range(proxy.rowCount())]}")


def test_rename_with_f2_updates_table_service_and_main_window(qtbot, window, service) -> None:  # type: ignore[no-untyped-def]
    me = window.profile
    service.accounts.create_profile("Sue", "supervisor", cohort="C1")
    assert me.name in window.storage_label.text()
    assert window.profiles_action.shortcut().toString() == "Ctrl+Shift+P"
    dialog = window.open_profiles()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # the list loads off the UI thread
    assert isinstance(dialog, ProfilesDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # shortcuts go to the active window
    assert dialog.selected_profile().id == me.id  # starts on the profile practising here
    name_index = dialog.table.currentIndex().siblingAtColumn(ProfileTableModel.NAME)
    assert (
        isinstance(name_index.data(Qt.ItemDataRole.FontRole), QFont)
        and name_index.data(Qt.ItemDataRole.FontRole).bold()
    )
    assert dialog.rename_action.shortcut().toString() == "F2"
    assert dialog.table.accessibleName() == "Profiles"

    def first_try_a_taken_name(edit: ProfileEditDialog) -> None:
        assert edit.text() == me.name and edit.edit.accessibleName() == "New name"
        edit.edit.clear()
        assert not edit.ok_button.isEnabled()  # an empty name cannot be confirmed
        qtbot.keyClicks(edit.edit, "Sue")
        edit.ok_button.click()
        qtbot.waitUntil(lambda: not edit.busy, timeout=5000)  # stored off the UI thread
        assert edit.isVisible() and "“Sue” already exists" in edit.error_label.text()
        assert edit.text() == "Sue"  # what was typed stays
        edit.edit.setText("  Renamed Me ")
        qtbot.keyClick(edit.edit, Qt.Key.Key_Return)

    seen = in_modal_dialog(ProfileEditDialog, first_try_a_taken_name)
    with qtbot.waitSignal(dialog.profile_changed, timeout=5000) as changed:
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_F2)
    assert seen == [None]
    assert changed.args[0].name == "Renamed Me" and changed.args[0].id == me.id
    assert service.accounts.profile(me.id).name == "Renamed Me"
    assert _row(dialog, "Renamed Me")[ProfileTableModel.ROLE] == "Trainee"
    assert "Renamed Me" in dialog.status_label.text()
    # The main window shows the new name and keeps practising as the same profile.
    assert window.profile.id == me.id and window.profile.name == "Renamed Me"
    assert "Renamed Me" in window.storage_label.text()


def test_change_cohort_offers_existing_cohorts_and_can_clear(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    service.accounts.create_profile("Tim", "supervisor", cohort="C2")
    dialog = ProfilesDialog(service)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    dialog.show()
    assert dialog.select_profile(ann.id)
    edit = dialog.cohort_dialog()
    assert edit is not None and edit.combo is not None
    qtbot.addWidget(edit)
    assert [edit.combo.itemText(i) for i in range(edit.combo.count())] == ["C1", "C2"]
    assert edit.text() == "C1" and edit.combo.accessibleName() == "Cohort"
    assert "old cohort no longer" in edit.note_label.text()
    with qtbot.waitSignal(dialog.profile_changed, timeout=5000):
        edit.combo.setCurrentIndex(1)
        edit.accept()
        qtbot.waitUntil(lambda: not edit.busy, timeout=5000)
    assert service.accounts.profile(ann.id).cohort == "C2"
    assert _row(dialog, "Ann")[ProfileTableModel.COHORT] == "C2"
    assert "moved to cohort C2" in dialog.status_label.text()

    # Blank means no cohort; the keyboard path is the action's shortcut.
    assert dialog.cohort_action.shortcut().toString() == "Ctrl+Shift+O"

    def clear(edit: ProfileEditDialog) -> None:
        assert edit.ok_button.isEnabled()
        edit.edit.clear()
        assert edit.ok_button.isEnabled()  # blank is allowed: no cohort
        edit.accept()
        qtbot.waitUntil(lambda: not edit.busy, timeout=5000)

    in_modal_dialog(ProfileEditDialog, clear)
    with qtbot.waitSignal(dialog.profile_changed, timeout=5000) as changed:
        dialog.cohort_action.trigger()
    assert changed.args[0].cohort is None and service.accounts.profile(ann.id).cohort is None
    assert _row(dialog, "Ann")[ProfileTableModel.COHORT] == ""


def test_refused_changes_are_shown_in_the_dialog(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    bob = service.accounts.create_profile("Bob", "trainee", cohort="C1")
    dialog = ProfilesDialog(service, actor_id=ann.id)  # a trainee at the keyboard
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert dialog.select_profile(bob.id)
    edit = dialog.rename_dialog()
    assert edit is not None
    qtbot.addWidget(edit)
    edit.edit.setText("Bobby")
    edit.accept()
    qtbot.waitUntil(lambda: not edit.busy, timeout=5000)
    assert edit.result() != edit.DialogCode.Accepted
    assert "may rename only their own profile" in edit.error_label.text()
    assert service.accounts.profile(bob.id).name == "Bob"
    cohort = dialog.cohort_dialog()
    assert cohort is not None
    qtbot.addWidget(cohort)
    cohort.edit.setText("C9")
    cohort.accept()
    qtbot.waitUntil(lambda: not cohort.busy, timeout=5000)
    assert "only supervisors and organisers change cohorts" in cohort.error_label.text()
    assert service.accounts.profile(bob.id).cohort == "C1"


def test_profiles_dialog_speaks_persian(qtbot, qapp, service) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer import i18n

    service.accounts.create_profile("Ann", "trainee", cohort="C1")
    installed = i18n.install(qapp, "fa")
    try:
        dialog = ProfilesDialog(service)
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
        assert dialog.windowTitle() == "نمایه‌ها"
        assert dialog.rename_action.text() == "تغییر نام… (&R)"
        assert _row(dialog, "Ann")[ProfileTableModel.ROLE] == "کارآموز"
    finally:
        i18n.uninstall(qapp, installed)


def test_supervisor_window_lists_moved_and_renamed_trainees(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    window = SupervisorWindow(service)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)  # the trainee list is read off the UI thread
    assert window.trainee_names() == ["Ann (C1)"]
    assert window.manage_profiles_action.shortcut().toString() == "Ctrl+Shift+M"
    dialog = window.manage_profiles()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)
    assert dialog.select_profile(ann.id)
    edit = dialog.cohort_dialog()  # a child of the profiles dialog, itself the window's
    edit.edit.setText("C2")
    edit.accept()
    qtbot.waitUntil(lambda: not edit.busy, timeout=5000)
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.trainee_names() == ["Ann (C2)"]
    edit = dialog.rename_dialog()
    edit.edit.setText("Ann Lee")
    edit.accept()
    qtbot.waitUntil(lambda: not edit.busy, timeout=5000)
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.trainee_names() == ["Ann Lee (C2)"]
    assert window.current_trainee().id == ann.id  # the selection stays on her
    dialog.close()


def test_profile_service_calls_run_off_the_ui_thread(qtbot, service, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Issue #11: the list, a rename, a cohort change and a new profile go through the worker;
    while the list loads, the dialog says so and its actions wait."""
    import threading

    from balint_trainer.gui.accounts.profile_dialogs import create_profile_dialog

    calls: list[tuple[str, bool]] = []

    def spy(name: str):  # type: ignore[no-untyped-def]
        real = getattr(getattr(service, role_of(name)), name)  # the role that has the method

        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append((name, threading.current_thread() is threading.main_thread()))
            return real(*args, **kwargs)

        return call

    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    for name in ("profiles", "rename_profile", "set_profile_cohort", "create_profile"):
        monkeypatch.setattr(getattr(service, role_of(name)), name, spy(name))
    dialog = ProfilesDialog(service)
    qtbot.addWidget(dialog)
    assert dialog.busy and dialog.status_label.text() == "Loading the profiles…"
    assert not dialog.new_action.isEnabled() and not dialog.rename_action.isEnabled()
    with qtbot.waitSignal(dialog.loaded, timeout=5000):
        pass
    assert dialog.select_profile(ann.id) and dialog.rename_action.isEnabled()
    rename = dialog.rename_dialog()
    assert rename is not None
    rename.edit.setText("Ann Lee")
    with qtbot.waitSignal(dialog.profile_changed, timeout=5000):
        rename.accept()
        assert rename.busy and not rename.ok_button.isEnabled()  # OK waits for the service
    cohort = dialog.cohort_dialog()
    assert cohort is not None
    cohort.edit.setText("C2")
    with qtbot.waitSignal(dialog.profile_changed, timeout=5000):
        cohort.accept()
    new = create_profile_dialog(dialog, service, role="trainee")
    new.name_edit.setText("Bo")
    with qtbot.waitSignal(new.accepted, timeout=5000):
        new.accept()
    assert new.profile.name == "Bo" and service.accounts.profile(ann.id).name == "Ann Lee"
    assert {name for name, _ in calls} == {
        "profiles",
        "rename_profile",
        "set_profile_cohort",
        "create_profile",
    }
    assert [name for name, on_ui_thread in calls if on_ui_thread] == []
