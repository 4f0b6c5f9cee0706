"""A newcomer's path (introduction, glossary, shortcuts, a practice run) and the reading-comfort fixes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from balint_trainer.core import guidance
from balint_trainer.core.competencies import BUILTIN_COMPETENCIES, PHASES
from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _new_window(qtbot, service, scenario_dir, settings):
    from balint_trainer.gui.main_window import MainWindow

    win = MainWindow(
        extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False, settings=settings
    )
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=5000):
        win.start_loading()
    return win


def _to_decision(qtbot, player, max_steps=50):
    for _ in range(max_steps):
        if player.state == "deciding":
            return
        qtbot.keyClick(QApplication.focusWidget() or player, Qt.Key.Key_Space)
    raise AssertionError(f"no decision reached; state {player.state}")


# -- content -----------------------------------------------------------------------------
def test_glossary_covers_phases_competencies_and_every_statistic():
    anchors = {e.anchor for e in guidance.glossary_entries()}
    assert {f"phase-{p}" for p in PHASES} <= anchors
    assert {f"competency-{c}" for c in BUILTIN_COMPETENCIES} <= anchors
    for stat in ("credit", "agreement", "fleiss-kappa", "krippendorff-alpha", "facility",
                 "discrimination", "cronbach-alpha", "item-rest"):  # fmt: skip
        assert guidance.statistic_help(stat).count(":") >= 1
    assert all(e.title and e.text and e.good for e in guidance.glossary_entries())


def test_quoted_speech_or_action():
    assert guidance.is_quoted_speech("“Let's all remember this is a safe space.”")
    assert guidance.is_quoted_speech('*"Can we stay with the patient?"*')
    assert not guidance.is_quoted_speech("Stay quiet and let Megan's last word stand.")


# -- the newcomer's path -------------------------------------------------------------------
def test_newcomer_introduction_glossary_practice_summary(
    qtbot, service, scenario_dir, settings, no_dialogs, tmp_path
):
    win = _new_window(qtbot, service, scenario_dir, settings)
    # First start: the introduction, right after the window is ready.
    qtbot.waitUntil(lambda: win.guidance.intro is not None and win.guidance.intro.isVisible(), timeout=5000)
    intro = win.guidance.intro
    text = intro.text.toPlainText()
    assert "What the leader does" in text and "intrusive questions" in text and "illustrative" in text
    qtbot.mouseClick(intro.glossary_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    glossary = win.guidance.glossary
    assert glossary is not None and glossary.isVisible()
    for label in ("Protecting the presenter", "Push-back", "Fleiss' kappa", "Cronbach's alpha"):
        assert label in glossary.text.toPlainText()
    intro.dont_show.setChecked(True)
    intro.close()
    glossary.close()
    assert settings.value(guidance_setting()) in (True, "true")
    # Offscreen there is no window manager to hand activation back to the main window.
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)

    # A practice run with keys only, a glossary link from the feedback, then the summary.
    win.library.table.setFocus()
    qtbot.keyClick(win.library.table, Qt.Key.Key_Return)
    settle(qtbot)
    player = win.player
    assert player is not None and player.state == "case"
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    _to_decision(qtbot, player)
    choose(qtbot, player, "a")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.state == "feedback"
    links = player.glossary_links.text()
    assert "glossary:stat-credit" in links
    anchor = next(a for a in ("competency-" + c for c in BUILTIN_COMPETENCIES) if f"glossary:{a}" in links)
    player.glossary_links.linkActivated.emit(f"glossary:{anchor}")
    assert win.guidance.glossary.isVisible() and win.guidance.glossary.current_anchor == anchor
    win.guidance.glossary.close()
    for _ in range(60):
        if player.state == "end":
            break
        if player.state == "deciding":
            choose(qtbot, player, player.shown_option_ids()[0])
            qtbot.keyClick(player, Qt.Key.Key_Return)
            settle(qtbot)
        else:
            qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.state == "end"
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert win.stack.currentWidget() is win.summary_view
    assert "glossary:stat-credit" in win.summary_view.glossary_links.text()
    win.summary_view.glossary_links.linkActivated.emit("glossary:stat-credit")
    assert win.guidance.glossary.current_anchor == "stat-credit"
    win.guidance.glossary.close()

    # The report of that run, exported from the supervisor view (Tools menu), still no YAML.
    supervisor = win.open_workbench("open_supervisor")  # deletes itself on close
    qtbot.waitUntil(lambda: not supervisor.busy, timeout=10000)  # it reads off the UI thread
    assert supervisor.select_trainee(win.profile.id)
    report = supervisor.export_report("html", tmp_path / "report.html")
    assert report is not None and win.session.scenario.title in report.read_text(encoding="utf-8")
    supervisor.close()

    # Next start: the introduction stays away, but Help still has it.
    again = _new_window(qtbot, service, scenario_dir, settings)
    QApplication.processEvents()  # where the introduction would come
    assert again.guidance.intro is None
    assert again.guidance.show_intro().isVisible()
    again.guidance.intro.close()


def guidance_setting() -> str:
    from balint_trainer.gui.guidance_menu import INTRO_SETTING

    return INTRO_SETTING


def test_shortcut_sheet_lists_the_menus_actual_shortcuts(window, qtbot):
    sheet = window.guidance.show_shortcuts()
    rows = {(what, keys) for _where, what, keys in sheet.rows}
    assert ("Start practice", "Ctrl+P") in rows
    assert ("Keyboard shortcuts", "F1") in rows
    # Changing a shortcut changes the sheet: it is read from the actions, not written out.
    window.practice_action.setShortcut("Ctrl+Shift+9")
    rows = {(what, keys) for _where, what, keys in window.guidance.show_shortcuts().rows}
    assert ("Start practice", "Ctrl+Shift+9") in rows
    window.guidance.shortcuts.close()


# -- defects -------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["practice", "exam"])
def test_space_at_a_decision_chooses_nothing_and_enter_asks_first(window, qtbot, mode):
    entry = window.library.current_entry()
    window.start_scenario(entry, mode)
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    _to_decision(qtbot, player)
    assert player.selected_option() is None
    focused = QApplication.focusWidget()
    assert focused not in player.option_group.buttons()  # no option focus-selected
    qtbot.keyClick(focused, Qt.Key.Key_Space)  # a trainee still stepping through
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert player.selected_option() is None and player.state == "deciding"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle(qtbot)
    assert player.state == "deciding" and not player.session.results
    assert "Choose an option first" in player.decision_hint.text()


def test_quit_asks_the_editor_first_and_cancel_keeps_everything(window, qtbot):
    editor = window.open_workbench("open_editor")
    assert editor is not None and editor.isVisible()
    editor.editor.appendPlainText("# unsaved")
    asked: list[str] = []

    def cancel():
        asked.append("editor")
        return QMessageBox.StandardButton.Cancel

    editor.ask_unsaved = cancel
    quit_action = next(a for a in window.findChildren(QAction) if a.text() == "&Quit")
    quit_action.trigger()
    settle(qtbot)
    assert asked == ["editor"]
    assert window.isVisible() and editor.isVisible()  # Cancel cancels the whole quit
    editor.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    quit_action.trigger()
    settle(qtbot)
    assert not window.isVisible() and not editor.isVisible()


def test_role_with_its_own_brackets_is_not_bracketed_again():
    from balint_trainer.gui.practice.transcript import role_suffix

    assert role_suffix("GP specialty registrar (final year)") == "— GP specialty registrar (final year)"
    assert role_suffix("Salaried GP") == "(Salaried GP)"


def test_plural_forms():
    from balint_trainer.gui.reading import plural

    translate = QCoreApplication.translate
    text = translate("PlayerView", "The session is over. You answered %1 of %n decision(s).", "", 1)
    assert plural(text, 1).endswith("of 1 decision.")
    assert plural(translate("ScenarioEditor", "%n decision(s)", "", 2), 2) == "2 decisions"


def test_library_details_say_1_decision(window):
    details = window.library.details.toPlainText() if hasattr(window.library, "details") else ""
    assert "decision(s)" not in details and "minute(s)" not in details
    assert "(s)" not in window.library.status.text()


def test_persian_digits_in_the_player_header(window, qtbot):
    from PySide6.QtCore import QLocale

    window.start_scenario(window.library.current_entry(), "practice")
    settle(qtbot)
    QLocale.setDefault(QLocale("fa"))
    try:
        window.player._update_header()
        text = window.player.decision_counter.text() + window.player.clock_label.text()
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert "۰" in text and not any(c in "0123456789" for c in text)


def test_progress_colours_are_okabe_ito_and_distinct(qapp):
    from balint_trainer.gui.charts import OKABE_ITO, series_colours

    keys = ["total", *BUILTIN_COMPETENCIES][:8]
    colours = series_colours(keys)
    names = [colours[k].name().upper() for k in keys[1:]]
    assert names == list(OKABE_ITO)
    assert len(set(names)) == len(names)


def test_validate_summary_line_ends_with_a_newline(capsys):
    from pathlib import Path

    from balint_trainer.cli import main

    broken = Path(__file__).resolve().parent.parent / "data" / "broken" / "unknown-person.yaml"
    assert main(["validate", str(broken)]) == 1
    assert capsys.readouterr().err.endswith(" error(s)\n")


# -- reading comfort ---------------------------------------------------------------------------
def test_text_size_keys_are_remembered(qtbot, service, scenario_dir, settings, no_dialogs):
    settings.setValue(guidance_setting(), True)
    win = _new_window(qtbot, service, scenario_dir, settings)
    win.start_scenario(win.library.current_entry(), "practice")
    settle(qtbot)
    player = win.player
    before = player.transcript.font().pointSizeF()
    win.view_menu.larger_action.trigger()
    settle(qtbot)
    win.view_menu.larger_action.trigger()
    settle(qtbot)
    assert player.transcript.font().pointSizeF() == pytest.approx(before + 2)
    assert int(settings.value("view/text_size")) == 2
    win.view_menu.normal_action.trigger()
    settle(qtbot)
    assert player.transcript.font().pointSizeF() == pytest.approx(before)
    win.view_menu.smaller_action.trigger()
    settle(qtbot)
    assert int(settings.value("view/text_size")) == -1
    shortcuts = {s.toString() for s in win.view_menu.larger_action.shortcuts()}
    assert "Ctrl+=" in shortcuts


def test_transcript_lines_stay_readable_and_take_the_room(window, qtbot):
    window.resize(1600, 900)
    window.start_scenario(window.library.current_entry(), "practice")
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.waitUntil(lambda: player.transcript.viewport().width() > 900)
    column = player._columns[0]
    frame = player.transcript.document().rootFrame().frameFormat()
    text_width = player.transcript.viewport().width() - frame.leftMargin() - frame.rightMargin()
    assert text_width <= column.max_width() + 2
    assert frame.leftMargin() == pytest.approx(frame.rightMargin(), abs=1)
    # While stepping, the transcript gets most of the height (the step controls are one row).
    qtbot.waitUntil(lambda: player.session_split.sizes()[0] > 3 * player.session_split.sizes()[1])


def test_appearance_choice_switches_and_is_remembered(qtbot, service, scenario_dir, settings, no_dialogs):
    from balint_trainer.gui.style import is_dark

    settings.setValue(guidance_setting(), True)
    win = _new_window(qtbot, service, scenario_dir, settings)
    try:
        win.view_menu.theme_actions["dark"].trigger()
        settle(qtbot)
        assert is_dark() and settings.value("view/theme") == "dark"
        win.view_menu.theme_actions["light"].trigger()
        settle(qtbot)
        assert not is_dark() and settings.value("view/theme") == "light"
    finally:
        win.view_menu.set_theme("system")
    assert settings.value("view/theme") == "system"


def test_supervisor_review_keeps_credit_time_and_comments_in_view(qtbot, service):
    from balint_trainer.gui.workbench import open_supervisor

    win = open_supervisor(None, service)
    qtbot.addWidget(win)
    header = win.attempts_tab.decision_view.horizontalHeader()
    names = [win.attempts_tab.decision_model.headerData(i, Qt.Orientation.Horizontal) for i in range(header.count())]
    visual = {name: header.visualIndex(i) for i, name in enumerate(names)}
    assert visual["Credit"] < visual["Chosen"] and visual["Comments"] < visual["Chosen"]
    for name in ("Credit", "Time", "Comments"):
        logical = names.index(name)
        assert header.sectionSize(logical) >= header.sectionSizeFromContents(logical).width() - 1
    win.close()


def test_switching_to_dark_rewrites_the_transcript_colours(window, qtbot):
    from balint_trainer.gui.reading import apply_theme
    from balint_trainer.gui.style import speaker_colour

    window.start_scenario(window.library.current_entry(), "practice")
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    _to_decision(qtbot, player)
    lines_before = player.transcript.toPlainText()
    light = speaker_colour("leader", player)
    try:
        apply_theme("dark")
        qtbot.waitUntil(lambda: speaker_colour("leader", player) != light)
        html = player.transcript.toHtml().lower()
        assert speaker_colour("leader", player).lower() in html and light.lower() not in html
        assert player.transcript.toPlainText() == lines_before
    finally:
        apply_theme("system")


def test_introduction_waits_for_who_is_practising(qtbot, service, scenario_dir, settings, no_dialogs):
    service.accounts.create_profile("Aisha", "trainee", cohort="C1")
    service.accounts.create_profile("Ben", "trainee", cohort="C1")
    win = _new_window(qtbot, service, scenario_dir, settings)
    qtbot.waitUntil(lambda: win._chooser is not None and win._chooser.isVisible(), timeout=5000)
    assert win.guidance.intro is None  # one question at a time
    chooser = win._chooser
    assert chooser.select("Aisha")
    qtbot.keyClick(chooser.list, Qt.Key.Key_Return)
    settle(qtbot)
    qtbot.waitUntil(lambda: win.guidance.intro is not None and win.guidance.intro.isVisible(), timeout=5000)
    win.guidance.intro.close()
