"""Screen readers get the results, not just the controls: the accessibility tree, walked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.gui.a11y_tree import hidden_values, spoken, walk
from tests.gui.options import choose
from tests.gui.practice_wait import settle

pytestmark = pytest.mark.gui


def to_state(qtbot, player, state, max_steps=50):  # type: ignore[no-untyped-def]
    for _ in range(max_steps):
        if player.state == state:
            return
        qtbot.keyClick(player, Qt.Key.Key_Space)
    raise AssertionError(f"never reached {state}; state {player.state}")


def test_main_window_labels_read_their_text(window) -> None:  # type: ignore[no-untyped-def]
    assert hidden_values(window) == []


def test_player_at_a_decision_and_after_feedback(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    assert hidden_values(window) == []
    text = spoken(window)
    assert "→" not in text  # the phase arrows are decoration
    choose(qtbot, player, "b")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    assert player.state == "feedback"
    assert hidden_values(window) == []
    assert "Your credit: 0.33 of 1" in spoken(window)


def test_summary_reads_the_score(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    for _ in range(2):
        to_state(qtbot, player, "deciding")
        qtbot.keyClick(player, Qt.Key.Key_1)
        qtbot.keyClick(player, Qt.Key.Key_Return)
        settle(qtbot)
        qtbot.keyClick(player, Qt.Key.Key_Space)
    to_state(qtbot, player, "end")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    summary = window.summary_view
    assert summary.isVisible()
    assert hidden_values(window) == []
    assert "/ 100" in spoken(summary)


def test_options_are_grouped_under_the_prompt_and_the_result_is_heard(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QRadioButton

    window.library.practice_button.click()
    settle(qtbot)
    player = window.player
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    to_state(qtbot, player, "deciding")
    buttons = player.option_group.buttons()
    assert player.options_box.accessibleName() == "What now?"
    assert all(b.parentWidget().parentWidget() is player.options_box for b in buttons)
    assert [b.accessibleDescription() for b in buttons] == [f"option {n} of 3" for n in (1, 2, 3)]
    # The prompt comes before the options in Tab order, the own-words box after them.
    chain, widget = [], player.prompt
    for _ in range(60):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    first_option = next(i for i, w in enumerate(chain) if isinstance(w, QRadioButton))
    assert first_option < chain.index(player.own_words)
    choose(qtbot, player, "b")
    qtbot.keyClick(player, Qt.Key.Key_Return)
    settle(qtbot)
    # Focus lands on Continue, which now carries the result a screen reader reads on arrival.
    assert player.continue_button.hasFocus() or player.focusWidget() is player.continue_button
    assert "Your credit: 0.33 of 1" in player.continue_button.accessibleDescription()


def test_phase_arrows_are_not_widgets(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from balint_trainer.gui.practice.phase import PhaseIndicator

    indicator = PhaseIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    assert "→" not in spoken(indicator)
    assert all("→" not in label.text() for label in indicator.findChildren(QLabel))
    assert len(indicator.findChildren(QLabel)) == 6


def test_announce_without_a_screen_reader_is_harmless(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from balint_trainer.gui.a11y import announce

    label = QLabel("Your credit: 1.00 of 1")
    qtbot.addWidget(label)
    announce(label, label.text())
    assert label.accessibleName() == ""  # the text itself is the name


def test_supervisor_window_labels_read_their_text(qtbot, service, scenario_dir) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core.scoring import credit
    from balint_trainer.core.validation import load_scenario_file
    from balint_trainer.gui.workbench import open_supervisor

    version = service.scenarios.register_scenario(load_scenario_file(scenario_dir / "minimal.yaml"))
    ann = service.accounts.create_profile("Ann", "trainee", cohort="north")
    attempt = service.practice.start_attempt(ann.id, version.id, "practice")
    service.practice.record_answer(attempt.id, "first", "b", credit=credit(version.load().decision("first"), "b"))
    service.practice.finish_attempt(attempt.id)
    win = open_supervisor(None, service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)  # the trainees and their attempts, read off the UI thread
    assert win.select_attempt(attempt.id)
    qtbot.waitUntil(lambda: not win.busy, timeout=10000)
    assert win.select_decision("first")
    problems = hidden_values(win)
    assert problems == [], "\n".join(problems)


def test_profiles_editor_and_annotation_windows(qtbot, service, scenario_dir) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.accounts.profiles import ProfilesDialog
    from balint_trainer.gui.authoring.annotation import AnnotationWindow
    from balint_trainer.gui.authoring.editor import ScenarioEditor

    service.accounts.create_profile("Dr Ana Expert", "supervisor")
    ann = service.accounts.create_profile("Ann", "trainee", cohort="C1")
    profiles = ProfilesDialog(service)
    qtbot.addWidget(profiles)
    profiles.show()
    qtbot.waitUntil(lambda: not profiles.busy, timeout=5000)  # the list loads off the UI thread
    assert profiles.select_profile(ann.id)
    problems = hidden_values(profiles)
    assert problems == [], "\n".join(problems)

    editor = ScenarioEditor(None, None, scenario_dir / "minimal.yaml")
    editor.ask_unsaved = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: bool(editor.status_label.text()), timeout=5000)
    problems = hidden_values(editor)
    assert problems == [], "\n".join(problems)
    assert editor.status_label.text() in spoken(editor)

    annotation = AnnotationWindow(None, service, load_catalogue([scenario_dir], include_bundled=False))
    qtbot.addWidget(annotation)
    annotation.show()
    qtbot.waitUntil(lambda: not annotation.busy, timeout=5000)  # experts and options load off the UI thread
    problems = hidden_values(annotation)
    assert problems == [], "\n".join(problems)
    assert len(walk(annotation)) > 10
