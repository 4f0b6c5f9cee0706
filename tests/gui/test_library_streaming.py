"""The library loads on a worker thread: rows arrive in batches while the UI keeps running."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from tests.minimal_library import minimal_copies


def _library(folder: Path, copies: int) -> Path:
    return minimal_copies(folder, copies, numbered_titles=True)


def test_the_library_fills_in_batches_from_a_worker_while_the_event_loop_runs(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    folder = _library(tmp_path / "lib", 60)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    monkeypatch.setattr(library_loader, "STREAM_INTERVAL_S", 0.0)  # every batch, as a slow load does
    view = LibraryView()
    qtbot.addWidget(view)
    view.show()
    row_counts: list[int] = []
    view.model.rowsInserted.connect(lambda *_: row_counts.append(view.model.rowCount()))
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(view.model.rowCount()))
    timer.start(1)
    finished: list[list[object]] = []

    library_loader.load_into(
        view, [folder], include_bundled=False, on_finished=finished.append, on_failed=print, batch_size=10
    )
    assert view.is_loading() and view.model.rowCount() == 0  # start_loading returned at once
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass
    timer.stop()
    assert len(row_counts) >= 3 and row_counts[-1] == 60  # appended in batches, not at once
    assert any(0 < count < 60 for count in ticks)  # the event loop ran while rows were arriving
    assert not view.is_loading() and not view.load_progress.isVisible()
    assert len(finished) == 1 and len(finished[0]) == 60
    # The final list is sorted by title and starts at its first row.
    assert view.visible_titles()[:2] == ["Scenario 001", "Scenario 002"]
    assert view.current_entry() is view.model.entry(0)


def test_a_newer_load_cancels_the_running_one(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    first = _library(tmp_path / "first", 30)
    second = _library(tmp_path / "second", 3)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    view = LibraryView()
    qtbot.addWidget(view)
    interval = sys.getswitchinterval()
    done: list[int] = []
    library_loader.load_into(
        view, [first], include_bundled=False, on_finished=lambda e: done.append(len(e)), on_failed=print
    )
    library_loader.load_into(
        view, [second], include_bundled=False, on_finished=lambda e: done.append(len(e)), on_failed=print
    )
    qtbot.waitUntil(lambda: done == [3], timeout=30_000)
    qtbot.wait(50)  # the cancelled load delivers nothing late either
    assert done == [3] and view.model.rowCount() == 3
    # Both loads shortened the GIL switch interval; the overlap must not leave it short.
    qtbot.waitUntil(lambda: sys.getswitchinterval() == interval, timeout=30_000)


def test_practice_is_disabled_until_the_database_is_ready(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.practice.library import LibraryView

    view = LibraryView()
    qtbot.addWidget(view)
    view.set_entries(load_catalogue([_library(tmp_path / "lib", 2)], include_bundled=False, use_cache=False))
    started: list[object] = []
    view.start_requested.connect(lambda entry, mode: started.append(mode))
    view.model.set_progress({}, {"minimal-000", "minimal-001"})
    view.select_row(0)
    assert view.practice_button.isEnabled() and view.exam_button.isEnabled()

    view.set_practice_enabled(False)
    assert not view.practice_button.isEnabled() and not view.exam_button.isEnabled()
    assert not view.resume_button.isEnabled()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # Enter on a row starts nothing either
    assert started == []

    view.set_practice_enabled(True)
    assert view.practice_button.isEnabled() and view.resume_button.isEnabled()
    qtbot.mouseClick(view.practice_button, Qt.MouseButton.LeftButton)
    assert started == ["practice"]


def test_a_fast_load_fills_the_table_once(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A warm start reads the cache in well under the streaming interval: no row-by-batch
    insertions (each makes the table call into Python while the loader still runs)."""
    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    folder = _library(tmp_path / "lib", 60)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    monkeypatch.setattr(library_loader, "STREAM_INTERVAL_S", 60.0)  # longer than any load here
    catalogue.load_catalogue([folder], include_bundled=False)  # fills the cache: the next load is warm
    view = LibraryView()
    qtbot.addWidget(view)
    view.show()
    inserted: list[int] = []
    resets: list[int] = []
    view.model.rowsInserted.connect(lambda *_: inserted.append(view.model.rowCount()))
    view.model.modelReset.connect(lambda: resets.append(view.model.rowCount()))
    library_loader.load_into(view, [folder], include_bundled=False, on_finished=lambda _e: None, on_failed=print)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass
    assert inserted == [] and resets == [60]
    assert view.visible_titles()[0] == "Scenario 001"


def test_progress_is_reported_as_often_as_the_eye_follows_and_always_at_the_end(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A warm start reads a batch in a few milliseconds; a report per batch made the UI thread run
    # Python and repaint the bar a hundred times while the reading thread wanted the GIL.
    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    folder = _library(tmp_path / "lib", 60)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    monkeypatch.setattr(library_loader, "PROGRESS_INTERVAL_S", 3600.0)  # nothing between first and last
    view = LibraryView()
    qtbot.addWidget(view)
    reports: list[tuple[int, int]] = []
    real = view.set_load_progress
    monkeypatch.setattr(view, "set_load_progress", lambda done, total: (reports.append((done, total)), real(done, total)))
    library_loader.load_into(view, [folder], include_bundled=False, on_finished=lambda _e: None, on_failed=print, batch_size=10)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass
    # Six batches, two reports: the first batch's at once, the end's always (a report still waiting
    # to be shown gives way to a newer one, so the first may be folded into the last).
    assert reports[-1] == (60, 60) and set(reports) <= {(10, 60), (60, 60)}


def _observed_collector(monkeypatch):  # type: ignore[no-untyped-def]
    """gc's switches as the loader's worker flips them (recorded, not applied: the test process
    keeps collecting, and nothing here is frozen for good)."""
    import gc

    from balint_trainer.gui.practice import library_loader

    calls: list[str] = []
    state = {"enabled": True}

    class Recorder:
        def isenabled(self) -> bool:
            return state["enabled"]

        def disable(self) -> None:
            calls.append("disable")
            state["enabled"] = False

        def enable(self) -> None:
            calls.append("enable")
            state["enabled"] = True

        def freeze(self) -> None:
            calls.append("freeze")

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return getattr(gc, name)

    monkeypatch.setattr(library_loader, "gc", Recorder())
    return calls


def _load(qtbot, view, folder):  # type: ignore[no-untyped-def]
    from balint_trainer.gui.practice import library_loader

    with qtbot.waitSignal(view.loaded, timeout=30_000):
        library_loader.load_into(view, [folder], include_bundled=False, on_finished=lambda _e: None, on_failed=print)


def test_the_app_reads_a_quick_library_with_the_collector_waiting_then_freezes_what_it_read(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    folder = _library(tmp_path / "lib", 20)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    calls = _observed_collector(monkeypatch)
    view = LibraryView()
    qtbot.addWidget(view)
    _load(qtbot, view, folder)
    assert calls == []  # tests (and scripts) collect as usual: only the app opts in
    monkeypatch.setattr(library_loader.LibraryLoader, "freeze_what_is_read", True)
    _load(qtbot, view, folder)
    assert calls == ["disable", "freeze", "enable"] and view.model.rowCount() == 20
    # Start-up's read only: a later reload (an editor open meanwhile, say) freezes nothing, or each
    # cycle alive then that later became garbage would stay for good.
    calls.clear()
    _load(qtbot, view, folder)
    assert calls == [] and not library_loader.LibraryLoader.freeze_what_is_read
    # A slow read (a first load) collects again once the pause has lasted its limit, freezes nothing.
    monkeypatch.setattr(library_loader.LibraryLoader, "freeze_what_is_read", True)
    monkeypatch.setattr(library_loader, "GC_PAUSE_LIMIT_S", 0.0)
    _load(qtbot, view, folder)
    assert calls == ["disable", "enable"]


def test_a_new_list_shows_its_first_entry_once(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Selecting the row rendered the details, then set_entries rendered them again (~3 ms of a
    warm start's UI thread, the detail pane's HTML laid out twice)."""
    from balint_trainer.core.catalogue import load_catalogue
    from balint_trainer.gui.practice.library import LibraryView

    entries = load_catalogue([_library(tmp_path / "lib", 3)], include_bundled=False, use_cache=False)
    view = LibraryView()
    qtbot.addWidget(view)
    shown: list[str] = []
    real = view.details.set_safe_html
    monkeypatch.setattr(view.details, "set_safe_html", lambda html, **kw: (shown.append(html), real(html, **kw))[1])
    view.set_entries(entries)
    assert len(shown) == 1 and "Scenario 001" in view.details.toPlainText()
    view.set_entries(entries)  # the same row stays selected: no signal, the details still follow
    assert len(shown) == 2


def test_a_slow_first_read_collects_again_before_its_first_rows(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The pause ends once its limit has passed even before any batch (a first load waits for its
    children's first files): it was checked between batches only."""
    import time as real_time

    from balint_trainer.core import catalogue
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    folder = _library(tmp_path / "lib", 5)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    calls = _observed_collector(monkeypatch)
    slow_walk = catalogue.CatalogueLoad._files
    monkeypatch.setattr(catalogue.CatalogueLoad, "_files", lambda self: (real_time.sleep(0.3), slow_walk(self))[1])
    real_entry = catalogue.CatalogueLoad._entry
    monkeypatch.setattr(catalogue.CatalogueLoad, "_entry", staticmethod(lambda *a, **k: (calls.append("entry"), real_entry(*a, **k))[1]))
    monkeypatch.setattr(library_loader, "GC_PAUSE_LIMIT_S", 0.1)
    monkeypatch.setattr(library_loader.LibraryLoader, "freeze_what_is_read", True)
    view = LibraryView()
    qtbot.addWidget(view)
    _load(qtbot, view, folder)
    assert calls == ["disable", "enable", *["entry"] * 5] and view.model.rowCount() == 5
