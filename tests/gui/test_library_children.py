"""The GUI's first load parses in child processes; Cancel, a newer load and quitting end them."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from tests.minimal_library import minimal_copies


@pytest.fixture
def children(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    from balint_trainer.core import catalogue, catalogue_children
    from balint_trainer.core.catalogue_cache import CatalogueCache

    monkeypatch.setattr(catalogue_children, "CHILD_THRESHOLD", 1)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "cache"))
    return catalogue_children


def test_the_first_load_fills_the_table_from_children(qtbot, tmp_path: Path, children) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui.practice import library_loader
    from balint_trainer.gui.practice.library import LibraryView

    folder = minimal_copies(tmp_path / "lib", 40)
    view = LibraryView()
    qtbot.addWidget(view)
    started = children.children_started[0]
    library_loader.load_into(
        view, [folder], include_bundled=False, on_finished=lambda e: None, on_failed=print, batch_size=10
    )
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        pass
    assert view.model.rowCount() == 40
    assert children.children_started[0] > started
    qtbot.waitUntil(lambda: children.live_children() == [], timeout=10_000)


@pytest.mark.parametrize("how", ["cancel", "quit"])
def test_cancel_or_quitting_ends_the_children(qtbot, tmp_path: Path, children, how: str) -> None:  # type: ignore[no-untyped-def]
    from balint_trainer.gui import worker
    from balint_trainer.gui.practice.library_loader import LibraryLoader

    folder = minimal_copies(tmp_path / "lib", 400)
    loader = LibraryLoader([folder], include_bundled=False, batch_size=5)
    batches: list[object] = []
    finished: list[object] = []
    loader.batch.connect(batches.append)
    loader.finished.connect(finished.append)
    with qtbot.waitSignal(loader.batch, timeout=30_000):
        loader.start()
    running = children.live_children()
    assert running  # parsing the other files
    if how == "cancel":
        loader.cancel()
    else:
        worker.stop_workers()  # what aboutToQuit does
    qtbot.waitUntil(lambda: not loader.is_running(), timeout=10_000)
    assert all(proc.poll() is not None for proc in running)
    if sys.platform != "win32":  # killed mid-way, not ended by running out of files
        assert all(proc.returncode == -signal.SIGKILL for proc in running)
    assert children.live_children() == [] and finished == []
