"""File → Restore from backup… brings back a damaged local database, off the UI thread."""

from __future__ import annotations

from pathlib import Path

from balint_trainer.gui.main_window import MainWindow
from balint_trainer.services import open_service
from tests.test_storage_faults import _answer_all, _corrupt_middle_page


def test_restore_after_corruption_from_the_file_menu(
    qtbot, tmp_path: Path, scenario_dir, no_dialogs, monkeypatch
) -> None:
    db = tmp_path / "trainer.sqlite3"
    url = f"sqlite:///{db}"
    with open_service(url) as service:
        before = _answer_all(service, 3)
        backup = service.backup_now()
    assert backup is not None
    _corrupt_middle_page(db)

    offered: list[list[Path]] = []

    def choose_newest(parent, backups):  # type: ignore[no-untyped-def]
        offered.append([b.path for b in backups])
        return backups[0]

    monkeypatch.setattr(MainWindow, "backup_prompt", staticmethod(choose_newest))
    win = MainWindow(database_url=url, extra_scenario_dirs=[scenario_dir], include_bundled=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.loaded, timeout=20000):
        win.start_loading()
    assert win.restore_backup_action.isEnabled()
    with qtbot.waitSignal(win.loaded, timeout=20000):
        win.restore_backup_action.trigger()
    assert offered and offered[0][0] == backup
    assert win.service is not None
    restored = {a.uid for a in win.service.practice.attempts()}
    assert set(before) <= restored
    assert "saved to the local database" in win.storage_label.text()
    assert list(tmp_path.glob("trainer.sqlite3.replaced-*")), "the damaged file is kept beside it"
    win.close()
