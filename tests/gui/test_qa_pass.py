"""Regressions found by a hands-on pass over profiles, built-in copies, the resume prompt and
supervisor exports, in English and in Persian (right to left)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QLabel, QMenu

from balint_trainer import i18n
from balint_trainer.core.catalogue import load_catalogue
from balint_trainer.gui.accounts.profile_dialogs import ProfileEditDialog, create_profile_dialog
from balint_trainer.gui.accounts.profiles import ProfilesDialog, ProfileTableModel
from tests.gui.practice_wait import settle

DATA = Path(__file__).resolve().parent.parent / "data" / "valid"
ISOLATE, POP = "\u2068", "\u2069"


@pytest.fixture
def right_to_left(qapp) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def persian(qapp) -> Iterator[None]:
    installed = i18n.install(qapp, "fa")
    yield
    i18n.uninstall(qapp, installed)
    QLocale.setDefault(QLocale.c())


def _dialog(qtbot, service) -> ProfilesDialog:  # type: ignore[no-untyped-def]
    dialog = ProfilesDialog(service)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # the list loads off the UI thread
    return dialog


def test_a_taken_profile_name_is_reported_in_the_dialogs_own_words(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    service.accounts.create_profile("Sue", "supervisor")
    new = create_profile_dialog(None, service, role="trainee")
    qtbot.addWidget(new)
    new.name_edit.setText("Sue")
    new.accept()
    qtbot.waitUntil(lambda: not new.busy, timeout=5000)
    settle(qtbot)
    expected = "A profile named “Sue” already exists; choose another name."
    assert new.error_label.text() == expected  # was the service's English "a profile named 'Sue'…"
    assert not new.result() and new.name_edit.text() == "Sue"

    other = service.accounts.create_profile("Ann", "trainee")
    dialog = _dialog(qtbot, service)
    assert dialog.select_profile(other.id)
    rename = dialog.rename_dialog()
    assert isinstance(rename, ProfileEditDialog)
    qtbot.addWidget(rename)
    rename.edit.setText("Sue")
    rename.accept()
    qtbot.waitUntil(lambda: not rename.busy, timeout=5000)
    settle(qtbot)
    assert rename.error_label.text() == expected


def test_the_taken_name_message_is_translated(qtbot, service, persian) -> None:  # type: ignore[no-untyped-def]
    service.accounts.create_profile("Sue", "supervisor")
    new = create_profile_dialog(None, service, role="trainee")
    qtbot.addWidget(new)
    new.name_edit.setText("Sue")
    new.accept()
    qtbot.waitUntil(lambda: not new.busy, timeout=5000)
    settle(qtbot)
    text = new.error_label.text()
    assert "Sue" in text and "already exists" not in text


def test_profile_cells_keep_their_own_direction_right_to_left(qtbot, service, right_to_left) -> None:  # type: ignore[no-untyped-def]
    service.accounts.create_profile("Ali", "trainee", cohort="2026-spring")
    dialog = _dialog(qtbot, service)
    row = next(r for r in range(dialog.proxy.rowCount()) if "Ali" in dialog.proxy.index(r, 0).data())
    # Without the isolate a Persian layout shows "2026-spring" as "spring-2026".
    assert dialog.proxy.index(row, ProfileTableModel.COHORT).data() == f"{ISOLATE}2026-spring{POP}"
    assert dialog.proxy.index(row, ProfileTableModel.NAME).data() == f"{ISOLATE}Ali{POP}"
    dialog.filter_edit.setText("2026-spr")  # filtering still finds it
    assert dialog.proxy.rowCount() == 1


def test_profile_cells_are_plain_left_to_right(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    service.accounts.create_profile("Ali", "trainee", cohort="2026-spring")
    dialog = _dialog(qtbot, service)
    cohorts = {dialog.proxy.index(r, ProfileTableModel.COHORT).data() for r in range(dialog.proxy.rowCount())}
    assert "2026-spring" in cohorts


def test_a_longer_name_widens_the_name_column(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    profile = service.accounts.create_profile("Al", "trainee")
    dialog = _dialog(qtbot, service)
    dialog.show()
    assert dialog.select_profile(profile.id)
    rename = dialog.rename_dialog()
    assert rename is not None
    qtbot.addWidget(rename)
    rename.edit.setText("Alexandra Konstantinopoulou-Smythe")
    rename.accept()
    qtbot.waitUntil(lambda: not rename.busy, timeout=5000)
    settle(qtbot)
    column = ProfileTableModel.NAME
    # Was left at the old width: the bold new name wrapped onto two lines.
    assert dialog.table.columnWidth(column) >= dialog.table.sizeHintForColumn(column)


def test_xapi_home_page_question_wraps_instead_of_growing_wider_than_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.exports import home_page_dialog

    label = QCoreApplication.translate(
        "SupervisorWindow",
        "xAPI statements name each trainee as an account of your course, identified by the "
        "course's web address (e.g. https://example.org/balint-course). Use the same address "
        "for every export of this course.",
    )
    dialog = home_page_dialog(None, label, "https://example.org/c")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.textValue() == "https://example.org/c"
    assert any(lbl.wordWrap() and "xAPI" in lbl.text() for lbl in dialog.findChildren(QLabel))
    assert dialog.width() < 800  # QInputDialog.getText made it 1140 px wide


def test_resume_prompt_writes_numbers_like_the_date(qtbot, window, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    entry = window.library.current_entry()
    window.start_scenario(entry, "practice")
    settle(qtbot)
    player = window.player
    player.begin()
    player.step_until_decision()
    player.select_option(1)
    player.confirm_choice()
    settle(qtbot)
    window.show_library()
    settle(qtbot)
    QLocale.setDefault(QLocale("fa"))
    try:
        window.start_scenario(entry, "practice")  # asks: resume or new (the fixture says new)
        settle(qtbot)
    finally:
        QLocale.setDefault(QLocale.c())
    text = next(text for kind, text in no_dialogs if kind == "resume-or-new")
    one, total = QLocale("fa").toString(1), QLocale("fa").toString(len(entry.scenario.decisions))
    assert f"{one} of {total}" in text  # Persian digits, as in the date, not "1 of 2"


@pytest.fixture
def copy_folders(tmp_path: Path) -> tuple[Path, Path]:
    bundled, user = tmp_path / "bundled", tmp_path / "mine"
    bundled.mkdir()
    user.mkdir()
    shutil.copy(DATA / "minimal.yaml", bundled / "minimal.yaml")
    return bundled, user


def test_the_catalogue_says_which_built_in_a_copy_replaces(copy_folders) -> None:
    bundled, user = copy_folders
    assert load_catalogue([user], bundled_dir=bundled, use_cache=False)[0].replaces is None
    shutil.copy(DATA / "minimal.yaml", user / "mine.yaml")
    (entry,) = load_catalogue([user], bundled_dir=bundled, use_cache=False)
    assert entry.path == user / "mine.yaml" and entry.replaces == bundled / "minimal.yaml"


def test_library_names_the_users_copy_and_keeps_the_scenario_selected(qtbot, copy_folders) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.practice.library import LibraryView

    bundled, user = copy_folders
    view = LibraryView()
    qtbot.addWidget(view)
    view.set_entries(load_catalogue([user], bundled_dir=bundled, use_cache=False))
    assert view.select_scenario("minimal-test")
    assert "own copy" not in view.details.toPlainText()
    shutil.copy(DATA / "minimal.yaml", user / "mine.yaml")  # "save as your own copy"
    view.set_entries(load_catalogue([user], bundled_dir=bundled, use_cache=False))
    entry = view.current_entry()
    assert entry is not None and entry.path == user / "mine.yaml"  # the selection stays on it
    details = view.details.toPlainText()
    assert "Your own copy of a built-in scenario" in details and "mine.yaml" in details
    (user / "mine.yaml").unlink()  # delete the copy: the built-in is back, still selected
    view.set_entries(load_catalogue([user], bundled_dir=bundled, use_cache=False))
    entry = view.current_entry()
    assert entry is not None and entry.path == bundled / "minimal.yaml"
    assert "own copy" not in view.details.toPlainText()


def test_library_titles_keep_their_own_direction_right_to_left(qtbot, copy_folders, right_to_left) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.practice.library import LibraryView

    bundled, user = copy_folders
    view = LibraryView()
    qtbot.addWidget(view)
    entries = load_catalogue([user], bundled_dir=bundled, use_cache=False)
    view.set_entries(entries)
    # An English title starting with a quote showed it at the wrong end in a Persian table.
    assert view.model.index(0, 0).data() == f"{ISOLATE}{entries[0].title}{POP}"
    assert view.visible_titles() == [entries[0].title]


def test_an_error_shown_after_opening_has_room_for_its_lines(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    service.accounts.create_profile("Sue", "supervisor")
    me = service.accounts.create_profile("Ann", "trainee")
    dialog = _dialog(qtbot, service)
    assert dialog.select_profile(me.id)
    rename = dialog.rename_dialog()
    assert rename is not None
    qtbot.addWidget(rename)
    rename.show()
    qtbot.waitExposed(rename)
    rename.edit.setText("Sue")
    rename.accept()
    qtbot.waitUntil(lambda: not rename.busy, timeout=5000)
    settle(qtbot)
    QCoreApplication.processEvents()
    label = rename.error_label
    assert label.isVisible() and "already exists" in label.text()
    # The dialog was as narrow as its field: the message needed two lines and got the height of one.
    assert label.height() >= label.heightForWidth(label.width())
    assert label.geometry().bottom() < rename.buttons.geometry().top()


def test_the_yaml_editor_runs_left_to_right_in_a_right_to_left_interface(qtbot, right_to_left) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.authoring.code_editor import CodeEditor

    editor = CodeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("format: balint-scenario/1\nid: x\n" + "summary: " + "long " * 80)
    editor.resize(400, 200)
    editor.show()
    qtbot.waitExposed(editor)
    # Was inherited from the Persian interface: lines aligned right, their starts scrolled away.
    assert editor.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert editor.horizontalScrollBar().value() == editor.horizontalScrollBar().minimum()
    assert editor.line_numbers.geometry().left() <= editor.contentsRect().left()


def test_enter_on_a_profile_edits_it_instead_of_closing_the_dialog(qtbot, service) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.modal import in_modal_dialog

    ann = service.accounts.create_profile("Ann", "trainee")
    dialog = _dialog(qtbot, service)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.select_profile(ann.id)
    dialog.table.setFocus()

    def answer(edit: ProfileEditDialog) -> str:
        edit.reject()
        return edit.windowTitle()

    opened = in_modal_dialog(ProfileEditDialog, answer)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    settle(qtbot)
    assert opened == ["Rename Ann"] and dialog.isVisible()  # Enter closed the dialog before
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    settle(qtbot)
    assert not dialog.isVisible()  # Escape still closes it


def _mnemonics(texts: list[str]) -> list[str]:
    import re

    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t.replace("&&", "")))]


@pytest.mark.parametrize("language", ["en", "fa"])
def test_the_supervisor_reports_menu_has_one_action_per_mnemonic(qtbot, service, qapp, language) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    installed = i18n.install(qapp, language)
    try:
        window = SupervisorWindow(service)
        qtbot.addWidget(window)
        reports = window.menuBar().actions()[0].menu()
        assert isinstance(reports, QMenu)
        texts = [a.text() for a in reports.actions() if not a.isSeparator()]
        keys = _mnemonics(texts)
        # "xAPI course &home page…" shared H with "Trainee report as &HTML…".
        assert len(keys) == len(texts) and len(set(keys)) == len(keys), texts
    finally:
        i18n.uninstall(qapp, installed)
        QLocale.setDefault(QLocale.c())


def test_export_pack_dialog_shows_whole_titles_right_to_left(qtbot, copy_folders, right_to_left) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.authoring.packs import ExportPackDialog

    bundled, user = copy_folders
    entries = load_catalogue([user], bundled_dir=bundled, use_cache=False)
    dialog = ExportPackDialog(entries)
    qtbot.addWidget(dialog)
    # It opened 280 px wide with one-line items: a Persian layout showed only each title's end.
    assert dialog.width() >= 600 and dialog.list.wordWrap()
    text = dialog.model.index(0).data()
    assert text == f"{ISOLATE}{entries[0].title}  [{entries[0].id}]{POP}"


def test_profiles_opens_once_per_window(qtbot, window, service) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    first = window.open_profiles()  # the window's child: closed (and deleted) below, not by qtbot
    # Ctrl+Shift+P again brought up a second, independent list that went stale.
    assert window.open_profiles() is first and first.isVisible()
    first.close()
    second = window.open_profiles()
    qtbot.addWidget(second)
    assert second is not first and second.isVisible()

    supervisor = SupervisorWindow(service)
    qtbot.addWidget(supervisor)
    mine = supervisor.manage_profiles()
    qtbot.addWidget(mine)
    assert mine is not second and supervisor.manage_profiles() is mine  # its own, one only


def test_reopening_profiles_updates_the_main_window_once(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    original = window.accounts.show_storage  # gui/accounts/session.py shows who practises
    monkeypatch.setattr(window.accounts, "show_storage", lambda: shown.append("storage") or original())
    dialog = window.open_profiles()
    qtbot.addWidget(dialog)
    assert window.open_profiles() is dialog  # brought to the front, connected again
    dialog.profile_changed.emit(window.profile)
    assert shown == ["storage"]
