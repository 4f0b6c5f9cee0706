"""Profiles → Merge into…: counts are confirmed, refusals explained, the main window follows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file

pytestmark = pytest.mark.gui

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"


def _attempt(service: Any, profile_id: int) -> None:
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    attempt = service.practice.start_attempt(profile_id, version.id, "practice")
    service.practice.record_answer(attempt.id, "first", "a", credit=credit(version.load().decision("first"), "a"))


def _choose_target(monkeypatch: pytest.MonkeyPatch, name: str) -> list[list[str]]:
    offered: list[list[str]] = []

    def choose(parent: Any, source: Any, targets: Any) -> Any:
        offered.append([t.name for t in targets])
        return next(t for t in targets if t.name == name)

    monkeypatch.setattr("balint_trainer.gui.accounts.profile_merge.ask_merge_target", choose)
    return offered


def _dialog(qtbot, service):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.accounts.profiles import ProfilesDialog

    dialog = ProfilesDialog(service)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # the list loads off the UI thread
    return dialog


def test_merge_confirms_the_counts_and_removes_the_duplicate(qtbot, service, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    ben = service.accounts.create_profile("Ben Okafor", "trainee", cohort="C1")
    dup = service.accounts.create_profile("ben", "trainee")
    service.accounts.create_profile("Sue", "supervisor")
    for _ in range(2):
        _attempt(service, dup.id)
    offered = _choose_target(monkeypatch, "Ben Okafor")
    dialog = _dialog(qtbot, service)
    assert dialog.select_profile(dup.id) and dialog.merge_action.isEnabled()
    with qtbot.waitSignal(dialog.profiles_merged, timeout=5000) as merged:
        dialog.merge_selected()
    assert offered == [["Ben Okafor"]]  # only profiles of the same role
    kind, text = no_dialogs[0]
    assert kind == "question" and "Merge ben into Ben Okafor?" in text and "Attempts: 2" in text
    assert merged.args[0].target.id == ben.id
    assert "ben was merged into Ben Okafor." in dialog.status_label.text()
    assert [p.name for p in dialog.model.profiles()] == ["Ben Okafor", "Sue"]
    assert len(service.practice.attempts(profile_id=ben.id)) == 2


def test_a_refused_merge_is_explained_and_changes_nothing(qtbot, service, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    sue = service.accounts.create_profile("Sue", "supervisor")
    sam = service.accounts.create_profile("Sam", "supervisor")
    version = service.scenarios.register_scenario(load_scenario_file(MINIMAL))
    for expert in (sue, sam):
        service.annotations.save_annotation(version.id, "first", expert.id, "a", None, None)
    _choose_target(monkeypatch, "Sue")
    dialog = _dialog(qtbot, service)
    assert dialog.select_profile(sam.id)
    dialog.merge_selected()
    qtbot.waitUntil(lambda: "Not merged" in dialog.status_label.text(), timeout=5000)
    assert [k for k, _ in no_dialogs] == ["warning"] and "annotated the same decisions" in no_dialogs[0][1]
    assert len(service.accounts.profiles()) == 2


def test_the_practising_profile_merged_away_is_followed_by_the_window(window, qtbot, service, monkeypatch):  # type: ignore[no-untyped-def]
    ann = service.accounts.create_profile("Ann", "trainee")
    _choose_target(monkeypatch, "Ann")
    dialog = window.open_profiles()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=5000)  # the list loads off the UI thread
    assert dialog.select_profile(window.profile.id)
    with qtbot.waitSignal(window.profile_changed, timeout=5000):
        dialog.merge_selected()
    assert window.profile.id == ann.id and window.windowTitle().startswith("Ann")
    dialog.close()
