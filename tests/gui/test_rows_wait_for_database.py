"""At start the library's rows wait for the database to open (gui/main_window.py, LibraryView.hold_rows):
filling the table while a worker imports SQLAlchemy makes its every call into Python wait for the GIL."""

from __future__ import annotations

import threading
from typing import Any


def _window_with_a_slow_database(tmp_path, scenario_dir, monkeypatch, events=None):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.startup as startup
    from balint_trainer.gui.main_window import MainWindow

    opening = threading.Event()
    real_open = startup.open_database

    def slow_open(*args: Any, **kwargs: Any) -> Any:
        opening.wait(10)
        opened = real_open(*args, **kwargs)
        if events is not None:
            events.append("database open")  # on the worker, as it returns
        return opened

    monkeypatch.setattr(startup, "open_database", slow_open)
    win = MainWindow(f"sqlite:///{tmp_path / 'slow.db'}", [scenario_dir], include_bundled=False)
    return win, opening


def test_rows_arrive_in_one_go_once_the_database_is_open(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.main_window as main_window

    monkeypatch.setattr(main_window, "HOLD_ROWS_MS", 20000)  # a new database migrates: slow on a busy machine
    events: list[str] = []
    win, opening = _window_with_a_slow_database(tmp_path, scenario_dir, monkeypatch, events)
    qtbot.addWidget(win)
    win.show()
    win.start_loading()
    library = win.library
    library.model.modelReset.connect(lambda: events.append("rows"))
    library.model.rowsInserted.connect(lambda *_: events.append("rows"))
    qtbot.waitUntil(lambda: bool(library._held), timeout=5000)  # the whole library is read ...
    assert library.model.rowCount() == 0 and library.is_loading()  # ... and waits
    with qtbot.waitSignal(win.ready, timeout=10000):
        opening.set()
    assert events[0] == "database open" and "rows" in events
    assert library.visible_titles() == ["Minimal test scenario"]
    assert library.current_entry() is not None and library.practice_button.isEnabled()
    win.close()


def test_a_slow_database_does_not_keep_the_library_from_showing(qtbot, tmp_path, scenario_dir, no_dialogs, monkeypatch):  # type: ignore[no-untyped-def]
    import balint_trainer.gui.main_window as main_window

    monkeypatch.setattr(main_window, "HOLD_ROWS_MS", 50)
    win, opening = _window_with_a_slow_database(tmp_path, scenario_dir, monkeypatch)
    qtbot.addWidget(win)
    win.show()
    win.start_loading()
    qtbot.waitUntil(lambda: win.library.visible_titles() == ["Minimal test scenario"], timeout=5000)
    assert not win.is_ready  # shown, but practice waits for the database
    with qtbot.waitSignal(win.ready, timeout=10000):
        opening.set()
    win.close()


def test_a_quick_start_shows_the_complete_list_at_once_and_no_streamed_batch(qtbot, scenario_dir):  # type: ignore[no-untyped-def]
    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.practice.library import LibraryView

    entries = load_catalogue([scenario_dir], include_bundled=False, use_cache=False)
    view = LibraryView()
    qtbot.addWidget(view)
    view.begin_loading()
    view.hold_rows()
    view.release_rows_when_complete()  # who practises is known before the library is in
    view.append_entries(entries)  # a streamed batch stays aside ...
    assert view.model.rowCount() == 0
    with qtbot.waitSignal(view.loaded, timeout=1000):
        view.set_entries(entries)  # ... and the complete list shows at once
    assert view.visible_titles() == ["Minimal test scenario"] and view._held is None
    # The complete list came first: shown as soon as the release is asked for.
    later = LibraryView()
    qtbot.addWidget(later)
    later.begin_loading()
    later.hold_rows()
    later.set_entries(entries)
    assert later.model.rowCount() == 0
    later.release_rows_when_complete()
    assert later.visible_titles() == ["Minimal test scenario"]
