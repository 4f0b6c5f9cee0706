"""The scenario catalogue cache: same results as a fresh parse, never stale, never fatal."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from balint_trainer.core import catalogue_cache as cc
from balint_trainer.core.catalogue_cache import CachedScenario, CatalogueCache, ScenarioSummary
from balint_trainer.core.validation import load_scenario_file, validate_paths

DATA = Path(__file__).resolve().parent / "data"
OLD_NS = 1_600_000_000 * 10**9  # an mtime long before any cache was recorded


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(DATA / "valid" / "minimal.yaml", folder / "minimal.yaml")
    shutil.copy(DATA / "broken" / "no-presenter.yaml", folder / "broken.yaml")
    for path in folder.iterdir():
        os.utime(path, ns=(OLD_NS, OLD_NS))
    return folder


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return (a.filename, a.sha256, a.text, a.scenario, a.problems, a.ok) == (
        b.filename,
        b.sha256,
        b.text,
        b.scenario,
        b.problems,
        b.ok,
    )


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def test_second_start_is_served_from_the_cache_with_identical_results(library: Path, tmp_path: Path) -> None:
    first = CatalogueCache(tmp_path / "cache")
    cold = first.load_many(_paths(library))
    assert (first.hits, first.misses) == (0, 2)
    assert first.save()

    second = CatalogueCache(tmp_path / "cache")
    warm = second.load_many(_paths(library))
    assert (second.hits, second.misses) == (2, 0)
    assert all(isinstance(x, CachedScenario) for x in warm)
    fresh = [load_scenario_file(p) for p in _paths(library)]
    for a, b in zip(warm, fresh, strict=True):
        assert _same(a, b)
    assert [x.ok for x in cold] == [False, True]  # broken.yaml sorts first


def test_summary_is_available_without_materialising_the_scenario(library: Path, tmp_path: Path) -> None:
    CatalogueCache(tmp_path / "cache").load_many(_paths(library))  # not saved yet
    cache = CatalogueCache(tmp_path / "cache")
    cache.load_many(_paths(library))
    cache.save()
    warm = CatalogueCache(tmp_path / "cache").load(library / "minimal.yaml")
    assert isinstance(warm, CachedScenario)
    assert warm.summary == ScenarioSummary.of(load_scenario_file(library / "minimal.yaml").scenario)  # type: ignore[arg-type]
    assert warm.summary.decision_count == 2
    assert warm._materialised is False  # the library list needs no full parse
    assert cc.scenario_summary(warm) is warm.summary
    assert warm.scenario is not None and warm.scenario.id == "minimal-test"


def test_an_edited_file_is_revalidated(library: Path, tmp_path: Path) -> None:
    cache = CatalogueCache(tmp_path / "cache")
    cache.load_many(_paths(library))
    cache.save()
    target = library / "minimal.yaml"
    target.write_text(target.read_text().replace("Minimal test scenario", "Edited title"))
    again = CatalogueCache(tmp_path / "cache")
    loaded = again.load(target)
    assert again.misses == 1
    assert loaded.scenario is not None and loaded.scenario.title == "Edited title"


def test_same_size_and_mtime_but_new_content_is_caught_by_the_hash(library: Path, tmp_path: Path) -> None:
    target = library / "minimal.yaml"
    cache = CatalogueCache(tmp_path / "cache")
    cache.load(target)
    cache.save()
    original = target.read_text()
    target.write_text(original.replace("Minimal test scenario", "Minimal test scenariO"))
    os.utime(target, ns=(OLD_NS, OLD_NS))
    # Recorded right after the mtime: a coarse clock could hide the edit, so the hash decides.
    header, entries = cc.read_index(tmp_path / "cache" / cc.INDEX_FILENAME)
    entries[str(target)]["recorded_ns"] = OLD_NS + 1
    cc.write_index(tmp_path / "cache" / cc.INDEX_FILENAME, header, entries)
    again = CatalogueCache(tmp_path / "cache")
    loaded = again.load(target)
    assert again.misses == 1
    assert loaded.scenario is not None and loaded.scenario.title == "Minimal test scenariO"


def test_a_file_changed_after_the_index_was_read_is_revalidated_on_first_use(
    library: Path, tmp_path: Path
) -> None:
    target = library / "minimal.yaml"
    cache = CatalogueCache(tmp_path / "cache")
    cache.load(target)
    cache.save()
    lazy = CatalogueCache(tmp_path / "cache").load(target)
    assert isinstance(lazy, CachedScenario)
    target.write_text(target.read_text().replace("Minimal test scenario", "Changed meanwhile"))
    assert lazy.scenario is not None and lazy.scenario.title == "Changed meanwhile"
    assert lazy.summary is not None and lazy.summary.title == "Changed meanwhile"
    assert lazy.sha256 == load_scenario_file(target).sha256


@pytest.mark.parametrize(
    "content",
    [b"", b"not json at all {", b"[]", b'{"fingerprint": "x", "entries": {}}', b'{"entries": 5}'],
)
def test_a_corrupt_or_outdated_index_is_ignored_and_rebuilt(
    library: Path, tmp_path: Path, content: bytes
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / cc.INDEX_FILENAME).write_bytes(content)
    cache = CatalogueCache(folder)
    loaded = cache.load_many(_paths(library))
    assert cache.misses == 2 and [x.ok for x in loaded] == [False, True]
    assert cache.save()
    assert cc.read_index(folder / cc.INDEX_FILENAME)[0]["fingerprint"] == cache.fingerprint


def test_bad_entries_and_blobs_are_ignored(library: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache = CatalogueCache(folder)
    cache.load_many(_paths(library))
    cache.save()
    header, entries = cc.read_index(folder / cc.INDEX_FILENAME)
    entries[str(library / "broken.yaml")]["problems"] = "garbage"
    cc.write_index(folder / cc.INDEX_FILENAME, header, entries)
    for blob in (folder / cc.BLOB_FOLDER).glob("*.json"):
        blob.write_text('{"format": "tampered"}')
    again = CatalogueCache(folder)
    loaded = {Path(x.filename).name: x for x in again.load_many(_paths(library))}
    assert again.misses == 1  # the garbage entry; minimal.yaml is a hit ...
    minimal = loaded["minimal.yaml"]
    assert minimal.scenario is not None  # ... whose tampered blob is replaced by a fresh parse
    assert _same(minimal, load_scenario_file(library / "minimal.yaml"))


def test_a_new_validator_invalidates_the_cache(library: Path, tmp_path: Path) -> None:
    cache = CatalogueCache(tmp_path / "cache", fingerprint="old")
    cache.load_many(_paths(library))
    cache.save()
    newer = CatalogueCache(tmp_path / "cache", fingerprint="new")
    newer.load_many(_paths(library))
    assert (newer.hits, newer.misses) == (0, 2)


def test_an_unwritable_cache_folder_only_costs_speed(library: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    cache = CatalogueCache(blocker / "cache")
    assert [x.ok for x in cache.load_many(_paths(library))] == [False, True]
    assert cache.save() is False


def test_missing_files_and_deleted_entries(library: Path, tmp_path: Path) -> None:
    cache = CatalogueCache(tmp_path / "cache")
    missing = cache.load(library / "gone.yaml")
    assert not missing.ok and "cannot read file" in missing.problems[0].message
    cache.load_many(_paths(library))
    cache.save()
    (library / "minimal.yaml").unlink()
    cache.save()  # nothing changed: no rewrite needed
    cache.clear()
    cache.load_many(_paths(library))
    cache.save()
    assert list(cc.read_index(tmp_path / "cache" / cc.INDEX_FILENAME)[1]) == [str(library / "broken.yaml")]
    assert not list((tmp_path / "cache" / cc.BLOB_FOLDER).glob("*.json"))  # unused blob pruned


def test_cached_results_work_with_validate_paths_duplicate_marking(library: Path, tmp_path: Path) -> None:
    shutil.copy(library / "minimal.yaml", library / "minimal-copy.yaml")
    results = validate_paths([library])
    assert sum(1 for r in results if "duplicate scenario id" in " ".join(map(str, r.problems))) == 1
    cache = CatalogueCache(tmp_path / "cache")
    cache.load_many(_paths(library))
    cache.save()
    lazy = CatalogueCache(tmp_path / "cache").load(library / "minimal-copy.yaml")
    lazy.scenario = None  # what validate_paths does to a duplicate
    assert not lazy.ok and lazy.scenario is None


def test_default_folder_is_the_user_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cc.default_cache_dir().is_relative_to(tmp_path / "xdg")


def test_cache_module_is_qt_free() -> None:
    import subprocess
    import sys

    code = "import sys, balint_trainer.core.catalogue_cache; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_cached_library_is_listed_without_importing_pydantic(library: Path, tmp_path: Path) -> None:
    """Start-up budget: listing an unchanged library must not pay for pydantic's import."""
    import subprocess
    import sys

    cache_dir = tmp_path / "cache"
    first = CatalogueCache(cache_dir)
    first.load_many(_paths(library))
    first.save()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from balint_trainer.core.catalogue_cache import CatalogueCache, scenario_summary\n"
        f"cache = CatalogueCache(Path({str(cache_dir)!r}))\n"
        f"loaded = cache.load_many(sorted(Path({str(library)!r}).glob('*.yaml')))\n"
        "titles = [s.title for s in map(scenario_summary, loaded) if s]\n"
        "print(cache.hits, titles, 'pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2 ['Minimal test scenario'] False"
