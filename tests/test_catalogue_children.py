"""The GUI's first load parses cache misses in child processes: the same entries and cache
records as an in-process load, every file listed whatever the children do, no child for a
warm start."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core import catalogue, catalogue_children
from balint_trainer.core.catalogue import CatalogueEntry, CatalogueLoad
from balint_trainer.core.catalogue_cache import INDEX_FILENAME, CatalogueCache, read_index
from balint_trainer.core.yamlsource import MAX_FILE_BYTES
from tests.minimal_library import minimal_copies

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"




def _view(entries: list[CatalogueEntry]) -> list[tuple[Any, ...]]:
    """Everything an entry shows or decides with (summary_html is not part of equality)."""
    return [
        (
            e.path, e.bundled, e.ok, e.sha256, e.summary, e.summary.summary_html if e.summary else None,
            e.problems, e.loaded.problems, e.replaces, e.id, e.title,
        )
        for e in entries
    ]


def _load(
    monkeypatch: pytest.MonkeyPatch, cache_dir: Path, folders: list[Path], *, children: bool
) -> CatalogueLoad:
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(cache_dir))
    load = CatalogueLoad(folders, include_bundled=False, parse_in_children=children)
    for _batch in load.batches(size=7):
        pass
    assert load.finished
    return load


def _records(cache_dir: Path) -> dict[str, Any]:
    _header, entries = read_index(cache_dir / INDEX_FILENAME)
    for entry in entries.values():
        entry.pop("recorded_ns")
    return entries


@pytest.fixture
def always_children(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue_children, "CHILD_THRESHOLD", 1)


@pytest.mark.usefixtures("always_children")
def test_children_give_the_in_process_entries_and_cache_records_for_every_yaml_file_of_the_repo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = [ROOT / "scenarios", DATA]  # valid, broken, duplicate ids across folders
    started = catalogue_children.children_started[0]
    in_process = _load(monkeypatch, tmp_path / "a", folders, children=False)
    assert catalogue_children.children_started[0] == started
    in_children = _load(monkeypatch, tmp_path / "b", folders, children=True)
    assert catalogue_children.children_started[0] > started
    assert len(in_process.entries) > 40 and any(not e.ok for e in in_process.entries)
    assert _view(in_children.entries) == _view(in_process.entries)
    assert _records(tmp_path / "b") == _records(tmp_path / "a")
    assert catalogue_children.live_children() == []


@pytest.mark.usefixtures("always_children")
def test_broken_oversized_and_hostile_files_are_listed_with_their_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = minimal_copies(tmp_path / "lib", 3)
    (folder / "big.yaml").write_bytes(b"title: x\n" + b"#" * MAX_FILE_BYTES)
    (folder / "binary.yaml").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.yaml").write_bytes("title: caf\xe9\n".encode("latin-1"))
    (folder / "deep.yaml").write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    (folder / "laughs.yaml").write_bytes((DATA / "broken" / "alias-bomb.yaml").read_bytes())
    (folder / "python.yaml").write_bytes((DATA / "broken" / "python-tag.yaml").read_bytes())
    (folder / "surrogate.yaml").write_text('id: x\ntitle: "\\ud800"\n')
    (folder / "empty.yaml").write_bytes(b"")
    in_process = _load(monkeypatch, tmp_path / "a", [folder], children=False)
    in_children = _load(monkeypatch, tmp_path / "b", [folder], children=True)
    assert _view(in_children.entries) == _view(in_process.entries)
    broken = {e.path.name: e for e in in_children.entries if not e.ok}
    assert set(broken) == {
        "big.yaml", "binary.yaml", "latin1.yaml", "deep.yaml", "laughs.yaml", "python.yaml",
        "surrogate.yaml", "empty.yaml",
    }
    for entry in broken.values():
        assert entry.problems
        for line in entry.problem_text().splitlines():
            name, row, column, _message = line.split(":", 3)
            assert name == str(entry.path) and row.isdigit() and column.isdigit(), line


@pytest.mark.usefixtures("always_children")
def test_children_killed_mid_way_still_end_with_every_file_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = minimal_copies(tmp_path / "lib", 150)
    expected = _view(_load(monkeypatch, tmp_path / "a", [folder], children=False).entries)
    in_thread: list[str] = []
    real_load = CatalogueCache.load

    def counting_load(self: CatalogueCache, path: Any, **kwargs: Any) -> Any:
        in_thread.append(str(path))
        return real_load(self, path, **kwargs)

    monkeypatch.setattr(CatalogueCache, "load", counting_load)
    monkeypatch.setattr(catalogue, "_open_cache", lambda: CatalogueCache(tmp_path / "b"))
    load = CatalogueLoad([folder], include_bundled=False, parse_in_children=True)
    batches = load.batches(size=5)
    next(batches)
    assert load.child_parse is not None and in_thread == []  # the first five came from children
    for proc in load.child_parse.processes:
        proc.kill()
    rest = list(batches)
    assert load.finished and sum(len(b.entries) for b in rest) == 145
    assert _view(load.entries) == expected
    assert in_thread  # what the dead children did not answer was loaded here
    assert catalogue_children.live_children() == []


@pytest.mark.usefixtures("always_children")
def test_children_that_cannot_start_leave_the_load_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = minimal_copies(tmp_path / "lib", 12)
    expected = _view(_load(monkeypatch, tmp_path / "a", [folder], children=False).entries)

    def no_process(*_args: object, **_kwargs: object) -> subprocess.Popen[bytes]:
        raise OSError("no such executable")

    monkeypatch.setattr(catalogue_children.subprocess, "Popen", no_process)
    assert _view(_load(monkeypatch, tmp_path / "b", [folder], children=True).entries) == expected


@pytest.mark.usefixtures("always_children")
def test_a_child_speaking_nonsense_is_dropped_and_its_files_loaded_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = minimal_copies(tmp_path / "lib", 12)
    expected = _view(_load(monkeypatch, tmp_path / "a", [folder], children=False).entries)
    monkeypatch.setattr(catalogue_children, "_MODULE", "this")  # prints a poem and exits
    assert _view(_load(monkeypatch, tmp_path / "b", [folder], children=True).entries) == expected
    assert catalogue_children.live_children() == []


def test_a_warm_start_or_a_few_changed_files_start_no_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = minimal_copies(tmp_path / "lib", catalogue_children.CHILD_THRESHOLD + 2)
    started = catalogue_children.children_started[0]
    first = _load(monkeypatch, tmp_path / "cache", [folder], children=True)
    assert catalogue_children.children_started[0] == started + catalogue_children.child_count()
    warm = _load(monkeypatch, tmp_path / "cache", [folder], children=True)
    assert _view(warm.entries) == _view(first.entries)
    edited = folder / "s001.yaml"
    edited.write_text(edited.read_text().replace("id: minimal-001", "id: minimal-edited"))
    os.utime(edited, ns=(1, 1))  # a different mtime, whatever the file system's clock
    again = _load(monkeypatch, tmp_path / "cache", [folder], children=True)
    assert catalogue_children.children_started[0] == started + catalogue_children.child_count()
    assert "minimal-edited" in {e.id for e in again.entries}


def test_a_frozen_app_parses_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalogue_children, "CHILD_THRESHOLD", 1)
    monkeypatch.setattr(catalogue_children.sys, "frozen", True, raising=False)
    folder = minimal_copies(tmp_path / "lib", 4)
    started = catalogue_children.children_started[0]
    assert len(_load(monkeypatch, tmp_path / "cache", [folder], children=True).entries) == 4
    assert catalogue_children.children_started[0] == started
