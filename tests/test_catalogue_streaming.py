"""The library at scale: loading in batches, a cache that survives upgrades, no kept models,
and the fast (position-free) parse giving exactly the positioned parse's results."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import balint_trainer
from balint_trainer.core import catalogue_cache as cc
from balint_trainer.core.catalogue import CatalogueLoad, load_catalogue
from balint_trainer.core.catalogue_cache import CachedScenario, CatalogueCache, validator_fingerprint
from balint_trainer.core.fastload import fast_load
from balint_trainer.core.validation import _load_scenario_bytes
from tests.minimal_library import minimal_copies

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def _library(folder: Path, copies: int) -> Path:
    minimal_copies(folder, copies)
    shutil.copy(DATA / "broken" / "no-presenter.yaml", folder / "zz-broken.yaml")
    return folder


def test_the_load_comes_in_batches_and_ends_with_the_sorted_library(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib", 25)
    load = CatalogueLoad([folder], include_bundled=False, use_cache=False)
    batches = list(load.batches(size=10))
    assert [len(b.entries) for b in batches] == [10, 10, 6]
    assert [b.done for b in batches] == [10, 20, 26] and {b.total for b in batches} == {26}
    assert load.finished
    assert [e.path for e in load.entries] == [
        e.path for e in load_catalogue([folder], include_bundled=False, use_cache=False)
    ]
    assert not load.entries[-1].ok  # invalid files last
    assert sorted(e.path for b in batches for e in b.entries) == sorted(e.path for e in load.entries)


def test_a_cancelled_load_stops_early_and_is_not_finished(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib", 25)
    load = CatalogueLoad([folder], include_bundled=False, use_cache=False)
    seen: list[int] = []
    for batch in load.batches(size=5, cancelled=lambda: sum(seen) >= 10):
        seen.append(len(batch.entries))
    assert seen == [5, 5] and not load.finished and load.entries == []


def test_a_missing_folder_is_listed_as_a_problem(tmp_path: Path) -> None:
    load = CatalogueLoad([tmp_path / "nowhere"], include_bundled=False, use_cache=False)
    (batch,) = list(load.batches())
    assert batch.total == 1 and "folder not found" in load.entries[0].problem_text()


def test_the_cache_survives_an_app_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _library(tmp_path / "lib", 3)
    paths = sorted(folder.glob("*.yaml"))
    first = CatalogueCache(tmp_path / "cache")
    first.load_many(paths)
    assert first.save()
    before = validator_fingerprint()
    monkeypatch.setattr(balint_trainer, "__version__", "99.0.0")
    monkeypatch.setattr(cc, "__version__", "99.0.0", raising=False)
    assert validator_fingerprint() == before
    upgraded = CatalogueCache(tmp_path / "cache")
    upgraded.load_many(paths)
    assert (upgraded.hits, upgraded.misses) == (4, 0)


def test_the_cache_format_or_the_validator_code_still_invalidate_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = validator_fingerprint()
    monkeypatch.setattr(cc, "CACHE_FORMAT", cc.CACHE_FORMAT + 1)
    assert validator_fingerprint() != before
    monkeypatch.undo()
    monkeypatch.setattr(cc, "_code_of", lambda name, path: b"edited" if name.endswith(".model") else b"")
    assert validator_fingerprint() != before


def test_a_cache_miss_keeps_the_summary_not_the_model(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib", 2)
    cache = CatalogueCache(tmp_path / "cache")
    loaded = cache.load(folder / "s000.yaml")
    assert cache.misses == 1
    assert isinstance(loaded, CachedScenario) and loaded._materialised is False
    assert loaded.summary is not None and loaded.summary.id == "minimal-000"
    # Opened: built from the file again, and its blob written for the next time.
    assert loaded.scenario is not None and loaded.scenario.id == "minimal-000"
    assert (tmp_path / "cache" / cc.BLOB_FOLDER / f"{loaded.sha256}.json").is_file()


def test_the_fast_parse_agrees_with_the_positioned_parse_on_every_file_of_the_repo() -> None:
    files = [p for p in [*ROOT.glob("scenarios/**/*.y*ml"), *DATA.rglob("*.y*ml")] if p.is_file()]
    assert len(files) > 20
    fast_count = 0
    for path in files:
        raw = path.read_bytes()
        slow = _load_scenario_bytes(raw, str(path), 2 * 1024 * 1024)
        fast = fast_load(raw, str(path), 2 * 1024 * 1024)
        if fast is None:
            assert not (slow.ok and not slow.problems), f"{path}: valid, but not taken by the fast path"
            continue
        fast_count += 1
        assert (fast.scenario, fast.text, fast.sha256, fast.problems) == (
            slow.scenario,
            slow.text,
            slow.sha256,
            [],
        ), path
    assert fast_count >= 10


@pytest.mark.parametrize(
    "snippet",
    [
        "title: a\ntitle: b\n",  # duplicate key: collapsed by a plain parse
        "title: &t a\nsetting: *t\n",  # alias
        "title: !!binary aGVsbG8=\n",  # tag outside plain data
        "title: !!python/name:os.system a\n",
        'title: "\\x3e"\n',  # escapes may make up Markdown leads
        "title: a\x07\n",  # a control character
    ],
)
def test_the_fast_path_leaves_what_it_cannot_place_to_the_positioned_parse(snippet: str) -> None:
    text = (DATA / "valid" / "minimal.yaml").read_text()
    raw = (snippet + "\n".join(line for line in text.splitlines() if not line.startswith("title:"))).encode()
    fast = fast_load(raw, "x.yaml", 2 * 1024 * 1024)
    slow = _load_scenario_bytes(raw, "x.yaml", 2 * 1024 * 1024)
    assert fast is None or (slow.ok and not slow.problems and fast.scenario == slow.scenario)
    if snippet.startswith(("title: a\ntitle", "title: &", "title: !!", "title: a\x07")):
        assert fast is None


def test_validate_streams_one_file_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from balint_trainer.core import validation

    folder = _library(tmp_path / "lib", 3)
    shutil.copy(folder / "s000.yaml", folder / "s000-copy.yaml")
    read: list[str] = []
    real = validation.load_scenario_file
    monkeypatch.setattr(
        validation, "load_scenario_file", lambda path: read.append(Path(path).name) or real(path)
    )
    results = validation.iter_validated([folder])
    first = next(results)
    assert read == ["s000-copy.yaml"] and first.ok  # nothing read ahead, nothing kept
    rest = list(results)
    assert "duplicate scenario id 'minimal-000'" in str(rest[0].problems[-1]) and not rest[0].ok
    assert [r.ok for r in [first, *rest]] == [True, False, True, True, False]


def test_a_scenario_opened_on_two_threads_at_once_is_never_none(tmp_path: Path) -> None:
    """The library loads on a worker while the UI (or the review queue) opens scenarios."""
    import threading

    folder = _library(tmp_path / "lib", 1)
    cache = CatalogueCache(tmp_path / "cache")
    lazy = cache.load(folder / "s000.yaml")
    real, entered, release = cache.reload, threading.Event(), threading.Event()

    def slow(name: str, sha256: str):  # type: ignore[no-untyped-def]
        entered.set()
        release.wait(10)
        return real(name, sha256)

    cache.reload = slow  # type: ignore[method-assign]
    results: list[object] = []
    first = threading.Thread(target=lambda: results.append(lazy.scenario))
    first.start()
    assert entered.wait(10)
    second = threading.Thread(target=lambda: results.append(lazy.scenario))
    second.start()
    second.join(0.2)
    assert second.is_alive() and results == []  # waits for the first, no half-built answer
    release.set()
    first.join(10)
    second.join(10)
    assert len(results) == 2 and all(r is not None for r in results)
