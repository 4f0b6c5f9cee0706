"""Drive whole scenarios through the real window with keys and clicks; check screen and database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from balint_trainer.core.session_events import DecisionEvent
from tests.gui.options import choose, key_for
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


def press(qtbot, widget, key, text=""):
    qtbot.keyClick(widget, key)
    settle(qtbot)


def step_to_decision(qtbot, player, max_steps=50):
    """Press Space until the player stops at a decision."""
    for _ in range(max_steps):
        if player.state == "deciding":
            return
        qtbot.keyClick(player, Qt.Key.Key_Space)
    raise AssertionError(f"no decision reached; state {player.state}")


def practise_and_answer_first_decision(qtbot, window):
    """Start practice from the library, answer the first decision with the panel's "a"; the player."""
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    step_to_decision(qtbot, player)
    choose(qtbot, player, "a")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    return player


def test_library_lists_and_filters(window, qtbot):
    library = window.library
    assert library.visible_titles() == ["Minimal test scenario"]
    assert library.current_entry().id == "minimal-test"
    assert "1 scenario" in library.status.text()
    qtbot.keyClicks(library.search, "nothing like this")
    assert library.visible_titles() == []
    library.search.clear()
    qtbot.keyClicks(library.search, "minimal")
    assert library.visible_titles() == ["Minimal test scenario"]
    library.search.clear()
    library.level.setCurrentIndex(library.level.findData("advanced"))
    assert library.visible_titles() == []
    library.level.setCurrentIndex(library.level.findData("introductory"))
    assert library.visible_titles() == ["Minimal test scenario"]
    index = library.competency.findData("invite-feelings")
    assert index > 0
    library.competency.setCurrentIndex(index)
    assert library.visible_titles() == ["Minimal test scenario"]
    assert library.model.index(0, 5).data() == "—"  # no best score yet
    assert not library.resume_button.isEnabled()


def test_invalid_files_are_listed(qtbot, service, scenario_dir, no_dialogs):
    from balint_trainer.gui.main_window import MainWindow

    (scenario_dir / "broken.yaml").write_text("format: balint-scenario/1\nid: x\n", encoding="utf-8")
    win = MainWindow(extra_scenario_dirs=[scenario_dir], service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.load_now()
    settle(qtbot)
    titles = win.library.visible_titles()
    assert titles == ["Minimal test scenario", "broken.yaml"]
    win.library.select_row(1)
    assert not win.library.practice_button.isEnabled()
    assert "missing required key" in win.library.details.toPlainText()
    assert "(invalid)" in win.library.model.index(1, 0).data()


def test_practice_mode_with_keys(window, qtbot, service):
    library = window.library
    qtbot.mouseClick(library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    assert window.stack.currentWidget() is player
    assert player.state == "case"
    assert "Mrs K" in player.case_intro.toPlainText()
    assert player.mode_label.text() == "Practice"

    qtbot.keyClick(player, Qt.Key.Key_Return)  # begin: first line shows
    settle(qtbot)
    assert player.state == "stepping"
    assert player.phase_indicator.current == "frame"
    assert "Frame" in player.transcript.toPlainText()
    step_to_decision(qtbot, player)
    transcript = player.transcript.toPlainText()
    assert "Who has a case?" in transcript and "Dr Ana Reyes" in transcript and "I have one." in transcript
    assert player.phase_indicator.current == "presentation"
    assert player.phase_indicator.accessibleName() == "Phase: Presentation"
    assert player.clock_label.text().startswith("Session clock ")
    assert player.clock_label.text().endswith("/ 60:00")
    assert "Decision 1 of 2" in player.decision_title.text()
    assert not player.confirm_button.isEnabled()

    choose(qtbot, player, "b")  # by the key of its place on screen
    qtbot.keyClicks(player.own_words, "I'd keep quiet 1 more minute")
    assert player.selected_option() == "b"  # digits typed in the text stay text
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.state == "feedback"
    assert player.credit_label.text().startswith("Your credit: 0.33")
    assert "panel most often chose “Wait.”" in player.credit_label.text()
    import pyqtgraph as pg

    assert isinstance(player.feedback_chart, pg.PlotWidget)
    assert "Silence is fine." in player.feedback_text.toPlainText()
    assert "In your own words: I'd keep quiet 1 more minute" in player.transcript.toPlainText()

    attempt = service.practice.attempt(window.attempt.id)
    assert attempt.mode == "practice"
    assert [(a.decision_id, a.option_id, a.own_words) for a in attempt.answers] == [
        ("first", "b", "I'd keep quiet 1 more minute")
    ]
    assert attempt.answers[0].credit == pytest.approx(1 / 3)
    assert attempt.answers[0].seconds is not None

    qtbot.keyClick(player, Qt.Key.Key_Space)  # continue
    assert player.state == "stepping"
    assert player.phase_indicator.current == "questions"
    step_to_decision(qtbot, player)
    position = player.option_number("x")
    qtbot.mouseClick(player.option_group.button(position), Qt.MouseButton.LeftButton)  # by mouse
    settle(qtbot)
    qtbot.mouseClick(player.confirm_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert player.credit_label.text().startswith("Your credit: 1.00")
    qtbot.mouseClick(player.continue_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    for _ in range(10):
        if player.state == "end":
            break
        qtbot.keyClick(player, Qt.Key.Key_Space)
    assert player.state == "end"
    assert player.phase_indicator.current == "closing"
    assert "answered 2 of 2" in player.end_label.text()
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)

    summary = window.summary_view
    assert window.stack.currentWidget() is summary
    assert summary.score_label.text() == "Score 67 / 100"
    assert summary.chart is not None
    assert summary.model.rowCount() == 2
    assert summary.model.index(0, 4).data() == "0.33"
    # Options are named by their text, never by a number the trainee may not have seen.
    assert (summary.model.index(0, 2).data(), summary.model.index(0, 3).data()) == ("Talk.", "Wait.")
    finished = service.practice.attempt(window.attempt.id)
    assert finished.finished_at is not None and finished.total == pytest.approx(200 / 3)

    qtbot.mouseClick(summary.progress_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    progress = window.progress_view
    assert window.stack.currentWidget() is progress
    assert progress.table.rowCount() == 1
    assert progress.chart is not None
    qtbot.mouseClick(progress.back_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.library.model.index(0, 5).data() == "67"


def test_exam_mode_withholds_feedback(window, qtbot, service):
    qtbot.mouseClick(window.library.exam_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    assert player.mode_label.text() == "Exam"
    qtbot.keyClick(player.begin_button, Qt.Key.Key_Space)  # Space on the focused button begins
    step_to_decision(qtbot, player)
    qtbot.keyClick(player, key_for(player, "c"))
    qtbot.keyClick(player, Qt.Key.Key_Enter)
    settle(qtbot)
    assert player.state == "stepping"  # no feedback panel in an exam
    assert player.feedback_chart is None
    assert "Feedback comes at the end" in player.step_hint.text()
    stored = service.practice.attempt(window.attempt.id)
    assert stored.mode == "exam" and [a.option_id for a in stored.answers] == ["c"]
    step_to_decision(qtbot, player)
    choose(qtbot, player, "y")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.feedback_chart is None
    while player.state != "end":
        qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.mouseClick(player.summary_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    summary = window.summary_view
    assert summary.score_label.text() == "Score 50 / 100"
    assert "exam" in summary.title.text()
    assert "Silence is fine." in summary.detail.toPlainText()  # the panel's reasoning, at the end
    assert service.practice.attempt(window.attempt.id).finished_at is not None


def test_resume_after_interrupted_attempt(window, qtbot, service, no_dialogs):
    player = practise_and_answer_first_decision(qtbot, window)
    settle(qtbot)
    qtbot.keyClick(player, Qt.Key.Key_Space)  # continue after feedback
    first_attempt = window.attempt.id
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # leave (confirmed by the fixture)
    settle(qtbot)
    assert any("resume" in text for kind, text in no_dialogs if kind == "question")
    assert window.stack.currentWidget() is window.library
    assert window.library.resume_button.isEnabled()
    assert "(unfinished)" in window.library.model.index(0, 0).data()

    qtbot.mouseClick(window.library.resume_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.attempt.id == first_attempt
    assert player.state == "stepping"
    text = player.transcript.toPlainText()
    assert "I have one." in text and "resumed" in text
    assert player.decision_counter.text() == "Decisions 1/2"
    step_to_decision(qtbot, player)
    assert "Decision 2 of 2" in player.decision_title.text()
    choose(qtbot, player, "y")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    stored = service.practice.attempt(first_attempt)
    assert [a.decision_id for a in stored.answers] == ["first", "second"]
    qtbot.keyClick(player, Qt.Key.Key_Space)
    while player.state != "end":
        qtbot.keyClick(player, Qt.Key.Key_Space)
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert window.summary_view.score_label.text() == "Score 100 / 100"
    assert service.practice.resumable_attempt(window.profile.id, "minimal-test") is None


def test_auto_play_reveals_lines_and_pauses_at_decision(window, qtbot):
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    player = window.player
    player.begin()
    player.speed.setValue(player.speed.maximum())
    player.auto_button.click()
    settle(qtbot)
    assert player.auto_button.isChecked()
    qtbot.waitUntil(lambda: player.state == "deciding", timeout=10000)
    assert isinstance(player.session.pending_decision, DecisionEvent)
    assert player.auto_button.isChecked()  # paused, not switched off


def test_tools_menu_without_workbench_shows_message(window, monkeypatch, no_dialogs):
    import balint_trainer.gui.main_window as main_window

    monkeypatch.setattr(main_window, "WORKBENCH_MODULE", "balint_trainer.gui.no_such_workbench")
    assert window.open_workbench("open_supervisor") is None
    assert no_dialogs and no_dialogs[-1][0] == "warning"
    assert "not available" in no_dialogs[-1][1]


def test_links_need_confirmation_and_remote_resources_are_not_loaded(qtbot, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from balint_trainer.gui.markdown_view import SafeTextBrowser

    opened: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(SafeTextBrowser, "confirm_link", staticmethod(lambda parent, url: next(answers)))
    monkeypatch.setattr(SafeTextBrowser, "open_url", staticmethod(lambda url: opened.append(url.toString())))
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    browser.set_markdown(
        "[site](https://example.org) ![x](https://example.org/p.png) [bad](javascript:alert(1))"
    )
    assert "javascript" not in browser.toHtml()
    browser.anchorClicked.emit(QUrl("https://example.org"))
    assert opened == []  # declined
    browser.anchorClicked.emit(QUrl("https://example.org"))
    assert opened == ["https://example.org"]
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == ["https://example.org"]
    image = QTextDocument.ResourceType.ImageResource.value
    assert browser.loadResource(image, QUrl("https://example.org/p.png")) is None
    assert browser.loadResource(image, QUrl("file:///etc/hostname")) is None
    assert browser.loadResource(image, QUrl("data:image/png;base64,iVBORw0KGgo=")) == b"\x89PNG\r\n\x1a\n"


def test_about_names_illustrative_annotations_and_sources(qtbot):
    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.about import AboutDialog, bundled_sources

    entries = load_catalogue()
    dialog = AboutDialog(entries)
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert "illustrative" in text and "written by the Balint Trainer project" in text
    for source in bundled_sources(entries)[:3]:
        assert source.split()[0] in text


def test_user_scenario_folder_is_part_of_the_library(qtbot, service, no_dialogs, minimal_path):
    """Scenarios imported from packs land in the user's folder and must show up in the library."""
    from balint_trainer.gui.main_window import MainWindow
    from balint_trainer.paths import user_scenarios_dir

    (user_scenarios_dir() / "imported.yaml").write_bytes(minimal_path.read_bytes())
    win = MainWindow(service=service, include_bundled=False)
    qtbot.addWidget(win)
    win.load_now()
    settle(qtbot)
    assert win.library.visible_titles() == ["Minimal test scenario"]


@pytest.mark.parametrize("choice", ["resume", "new", "cancel"])
def test_starting_again_offers_the_unfinished_attempt(window, qtbot, service, no_dialogs, monkeypatch, choice):
    from balint_trainer.gui.main_window import MainWindow

    player = practise_and_answer_first_decision(qtbot, window)
    settle(qtbot)
    first_attempt = window.attempt.id
    qtbot.keyClick(player, Qt.Key.Key_Escape)  # leave mid-session
    settle(qtbot)
    assert window.stack.currentWidget() is window.library

    asked: list[str] = []

    def prompt(parent, title, text):
        asked.append(text)
        return choice

    monkeypatch.setattr(MainWindow, "resume_prompt", staticmethod(prompt))
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(asked) == 1
    assert "1 of 2 decisions answered" in asked[0] and "practice" in asked[0]
    if choice == "cancel":
        assert window.stack.currentWidget() is window.library
        assert len(service.practice.attempts(finished=False)) == 1
    elif choice == "resume":
        assert window.stack.currentWidget() is window.player
        assert window.attempt.id == first_attempt
        assert "resumed" in window.player.transcript.toPlainText()
    else:
        assert window.stack.currentWidget() is window.player
        assert window.attempt.id != first_attempt
        # the earlier attempt is kept, still unfinished, with its answer
        kept = service.practice.attempt(first_attempt)
        assert kept.finished_at is None and len(kept.answers) == 1


def test_no_prompt_without_an_unfinished_attempt(window, qtbot, no_dialogs):
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.stack.currentWidget() is window.player
    assert not [text for kind, text in no_dialogs if kind == "resume-or-new"]


@pytest.mark.parametrize(("button_text", "expected"), [("&Resume", "resume"), ("Start &new", "new"), (None, "cancel")])
def test_resume_prompt_buttons(qtbot, button_text, expected):
    # The box is shown, not exec()'d: a nested event loop waiting for a timer to find the
    # modal box could hang a test run.
    from PySide6.QtWidgets import QWidget

    from balint_trainer.gui.practice.resume_prompt import resume_or_new_box, resume_or_new_choice

    parent = QWidget()
    qtbot.addWidget(parent)
    box = resume_or_new_box(parent, "Unfinished attempt", "Resume?")
    assert box.defaultButton().text() == "&Resume"
    box.show()
    qtbot.waitExposed(box)
    with qtbot.waitSignal(box.finished, timeout=5000):
        if button_text is None:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
            settle(qtbot)
        else:
            [button] = [b for b in box.buttons() if b.text() == button_text]
            button.click()
    assert resume_or_new_choice(box) == expected


def test_no_prompt_when_the_unfinished_attempt_has_no_answers(window, qtbot, no_dialogs):
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.keyClick(window.player, Qt.Key.Key_Escape)  # leave before answering anything
    settle(qtbot)
    assert window.stack.currentWidget() is window.library
    qtbot.mouseClick(window.library.practice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.stack.currentWidget() is window.player
    assert not [text for kind, text in no_dialogs if kind == "resume-or-new"]
