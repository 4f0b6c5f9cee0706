"""The supervisor matches a trainee's first bundle to the profile they made; later bundles follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import open_service

pytestmark = pytest.mark.gui

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "valid" / "minimal.yaml"


def _bundle(laptop: Any, profile: Any, path: Path, option: str) -> Path:
    version = laptop.scenarios.register_scenario(load_scenario_file(MINIMAL))
    attempt = laptop.practice.start_attempt(profile.id, version.id, "practice")
    laptop.practice.record_answer(attempt.id, "first", option, credit=credit(version.load().decision("first"), option))
    laptop.exchange.export_attempts(profile.id, path)
    return path


@pytest.fixture
def course(qtbot, tmp_path: Path, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.workbench import open_supervisor

    laptop = open_service(f"sqlite:///{tmp_path / 'laptop.sqlite3'}")
    svc = open_service(f"sqlite:///{tmp_path / 'supervisor.sqlite3'}")
    win = open_supervisor(None, svc)
    qtbot.addWidget(win)
    yield win, svc, laptop
    win.close()
    svc.close()
    laptop.close()


def test_first_bundle_is_matched_once_and_remembered(course, tmp_path, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    win, svc, laptop = course
    aisha = svc.accounts.create_profile("Aisha", "trainee", cohort="C1")
    svc.accounts.create_profile("Zoe", "trainee", cohort="C1")
    me = laptop.accounts.create_profile("aisha", "trainee", cohort="C1")
    asked: list[Any] = []

    def choose(parent: Any, match: Any) -> int:
        asked.append(match)
        return int(match.suggestions[0].id)

    monkeypatch.setattr(SupervisorWindow, "ask_bundle_match", staticmethod(choose))
    [result] = win.import_attempt_bundles([_bundle(laptop, me, tmp_path / "w1.json", "a")])
    assert [p.name for p in asked[0].suggestions] == ["Aisha", "Zoe"]
    assert result.report.profile == aisha and result.report.matched_by == "chosen"
    assert "Later files from this trainee will go to Aisha too." in no_dialogs[-1][1]
    [result] = win.import_attempt_bundles([_bundle(laptop, me, tmp_path / "w2.json", "b")])
    assert len(asked) == 1 and result.report.profile == aisha and result.report.attempts_new == 1
    assert [p.name for p in svc.accounts.profiles()] == ["Aisha", "Zoe"]


def test_skipping_the_match_imports_nothing(course, tmp_path, monkeypatch, no_dialogs):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.window import SupervisorWindow

    win, svc, laptop = course
    svc.accounts.create_profile("Ben Okafor", "trainee")
    me = laptop.accounts.create_profile("ben", "trainee")
    monkeypatch.setattr(SupervisorWindow, "ask_bundle_match", staticmethod(lambda parent, match: None))
    [result] = win.import_attempt_bundles([_bundle(laptop, me, tmp_path / "b.json", "a")])
    assert result.report is None and "Skipped" in result.error and svc.practice.attempts() == []
    monkeypatch.setattr(SupervisorWindow, "ask_bundle_match", staticmethod(lambda parent, match: "new"))
    [result] = win.import_attempt_bundles([tmp_path / "b.json"])
    assert result.report.matched_by == "created" and result.report.profile.name == "ben"


def test_the_match_dialog_lists_suggestions_first_and_a_new_profile_last(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.supervision.bundle_match import NEW, BundleMatchDialog

    with (
        open_service(f"sqlite:///{tmp_path / 'l.sqlite3'}") as laptop,
        open_service(f"sqlite:///{tmp_path / 's.sqlite3'}") as svc,
    ):
        me = laptop.accounts.create_profile("aisha", "trainee", cohort="C1")
        aisha = svc.accounts.create_profile("AISHA", "trainee")
        svc.accounts.create_profile("Adam", "trainee", cohort="C9")
        match = svc.exchange.bundle_match(_bundle(laptop, me, tmp_path / "a.json", "a"))
    dialog = BundleMatchDialog(match)
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert texts == ["AISHA — suggested", "Adam · C9", "A new profile “aisha”"]
    assert dialog.choice() == aisha.id
    dialog.list.setCurrentRow(2)
    assert dialog.choice() == NEW
