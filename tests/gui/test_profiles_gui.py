"""The profiles dialog: rename (F2) and change cohort; the main window follows a rename of its profile."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from balint_trainer.gui.workbench.profiles import ProfileEditDialog, ProfilesDialog, ProfileTableModel
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
    assert dialog.select_profile(bob.id)
    edit = dialog.rename_dialog()
    assert edit is not None
    qtbot.addWidget(edit)
    edit.edit.setText("Bobby")
    edit.accept()
    assert edit.result() != edit.DialogCode.Accepted
    assert "may rename only their own profile" in edit.error_label.text()
    assert service.accounts.profile(bob.id).name == "Bob"
    cohort = dialog.cohort_dialog()
    assert cohort is not None
    qtbot.addWidget(cohort)
    cohort.edit.setText("C9")
    cohort.accept()
    assert "only supervisors and organisers change cohorts" in cohort.error_label.text()
    assert service.accounts.profile(bob.id).cohort == "C1"


def test_profiles_dialog_speaks_persian(qtbot, qapp, service) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer import i18n

    service.accounts.create_profile("Ann", "trainee", cohort="C1")
    installed = i18n.install(qapp, "fa")
    try:
        dialog = ProfilesDialog(service)
        qtbot.addWidget(dialog)
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
    assert dialog.select_profile(ann.id)
    edit = dialog.cohort_dialog()
    qtbot.addWidget(edit)
    edit.edit.setText("C2")
    edit.accept()
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.trainee_names() == ["Ann (C2)"]
    edit = dialog.rename_dialog()
    qtbot.addWidget(edit)
    edit.edit.setText("Ann Lee")
    edit.accept()
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.trainee_names() == ["Ann Lee (C2)"]
    assert window.current_trainee().id == ann.id  # the selection stays on her
    dialog.close()
