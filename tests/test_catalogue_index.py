"""The catalogue index (format 7): lean lines, details read from disk only when shown, never fatal."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from balint_trainer.core import catalogue_cache as cc
from balint_trainer.core import catalogue_index as ci
from balint_trainer.core.catalogue_cache import CachedScenario, CatalogueCache, ScenarioSummary
from balint_trainer.core.markdown_render import render_markdown
from balint_trainer.core.validation import load_scenario_file

DATA = Path(__file__).resolve().parent / "data"
OLD_NS = 1_600_000_000 * 10**9


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    text = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    for index in range(3):
        (folder / f"s{index}.yaml").write_text(
            text.replace("id: minimal-test", f"id: minimal-{index}"), encoding="utf-8"
        )
    shutil.copy(DATA / "broken" / "no-presenter.yaml", folder / "broken.yaml")
    for path in folder.iterdir():
        os.utime(path, ns=(OLD_NS, OLD_NS))
    return folder


def _paths(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def _summaries(cache: CatalogueCache, folder: Path) -> list[ScenarioSummary]:
    return [x.summary for x in cache.load_many(_paths(folder)) if isinstance(x, CachedScenario) and x.summary]


def _saved(library: Path, tmp_path: Path) -> Path:
    cache = CatalogueCache(tmp_path / "cache")
    cache.load_many(_paths(library))
    assert cache.save()
    return tmp_path / "cache"


def test_warm_summaries_leave_their_text_on_disk_and_read_it_when_asked(library: Path, tmp_path: Path) -> None:
    folder = _saved(library, tmp_path)
    warm = _summaries(CatalogueCache(folder), library)
    assert len(warm) == 3
    expected = load_scenario_file(library / "s0.yaml").scenario
    assert expected is not None
    for summary in warm:
        assert summary._text is None  # not decoded, not held
        assert summary.summary_markdown == expected.summary
        assert summary.summary_html == render_markdown(expected.summary)
        assert summary == ScenarioSummary.of(load_scenario_file(library / f"s{summary.id[-1]}.yaml").scenario)  # type: ignore[arg-type]


def test_a_save_lets_go_of_parsed_text_and_points_at_the_new_file(library: Path, tmp_path: Path) -> None:
    cache = CatalogueCache(tmp_path / "cache")
    cold = [x.summary for x in cache.load_many(_paths(library)) if x.summary]
    assert all(s._text is not None for s in cold)
    assert cache.save()
    assert all(s._text is None and s._source is not None for s in cold)
    assert {s.summary_markdown for s in cold} == {load_scenario_file(library / "s0.yaml").scenario.summary}  # type: ignore[union-attr]


def test_a_second_save_copies_the_details_it_did_not_decode(library: Path, tmp_path: Path) -> None:
    folder = _saved(library, tmp_path)
    cache = CatalogueCache(folder)
    cache.load_many(_paths(library))
    changed = library / "s1.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Minimal", "Changed minimal"), encoding="utf-8")
    cache.load(changed)  # a miss: the index is rewritten, the others' details copied from the old file
    assert cache.save()
    again = {s.id: s for s in _summaries(CatalogueCache(folder), library)}
    assert again["minimal-0"].summary_markdown == load_scenario_file(library / "s0.yaml").scenario.summary  # type: ignore[union-attr]
    assert again["minimal-1"].summary_markdown == load_scenario_file(changed).scenario.summary  # type: ignore[union-attr]


def test_details_of_an_index_replaced_meanwhile_come_from_the_scenario_file(library: Path, tmp_path: Path) -> None:
    folder = _saved(library, tmp_path)
    warm = _summaries(CatalogueCache(folder), library)
    other = CatalogueCache(folder)  # another instance rewrites the index (new token, new offsets)
    other.clear()
    other.load(library / "s2.yaml")
    assert other.save()
    for summary in warm:
        assert summary.summary_markdown == load_scenario_file(library / "s0.yaml").scenario.summary  # type: ignore[union-attr]
        assert summary.summary_html is None  # rendered by the view when shown


def test_a_garbled_detail_line_falls_back_to_the_file(library: Path, tmp_path: Path) -> None:
    folder = _saved(library, tmp_path)
    index = folder / cc.INDEX_FILENAME
    data = index.read_bytes()
    head = data.index(b"\n", data.index(b"\n") + 1) + 1
    size = json.loads(data[data.index(b"\n") + 1 : head])["entries_bytes"]
    details = head + size
    index.write_bytes(data[:details] + b"x" * (len(data) - details - 1) + b"\n")  # same offsets, garbage
    warm = _summaries(CatalogueCache(folder), library)
    assert warm and all(s.summary_markdown and s.summary_html is None for s in warm)


def test_a_format_6_index_is_a_miss_and_is_rewritten(library: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    cache = CatalogueCache(folder)
    old = {
        "size": 1, "mtime_ns": OLD_NS, "recorded_ns": OLD_NS, "sha256": "0" * 64, "valid": False, "summary": None,
        "problems": [],
    }
    lines = [{"format": 6, "fingerprint": cache.fingerprint}, [str(library / "s0.yaml"), old]]
    (folder / cc.INDEX_FILENAME).write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    again = CatalogueCache(folder)
    assert len(again) == 0
    again.load_many(_paths(library))
    assert again.misses == 4 and again.save()
    assert cc.read_index(folder / cc.INDEX_FILENAME)[0]["format"] == ci.INDEX_FORMAT


def _rewrite_tables(folder: Path, change: dict[str, object]) -> None:
    index = folder / cc.INDEX_FILENAME
    first, second, rest = index.read_bytes().split(b"\n", 2)
    tables = json.loads(second)
    tables.update(change)
    index.write_bytes(first + b"\n" + json.dumps(tables).encode() + b"\n" + rest)


@pytest.mark.parametrize(
    "change",
    [
        {"vocab": [1, 2]},
        {"vocab": "abc"},
        {"tuples": [[10**6]]},
        {"tuples": [["x"]]},
        {"tuples": 5},
        {"entries_bytes": -1},
        {"entries_bytes": "many"},
        {"entries_bytes": 7},  # cuts an entry line in half
    ],
)
def test_corrupt_tables_start_an_empty_cache(library: Path, tmp_path: Path, change: dict[str, object]) -> None:
    folder = _saved(library, tmp_path)
    _rewrite_tables(folder, change)
    cache = CatalogueCache(folder)
    assert len(cache) == 0
    assert [x.ok for x in cache.load_many(_paths(library))] == [False, True, True, True]
    assert cache.misses == 4


@pytest.mark.parametrize(
    "position, value",
    [(0, 5), (4, "short"), (1, "1"), (6, 7), (9, -1), (9, 10**6), (12, "x"), (17, -3), (10, 1.5), (5, "garbage")],
)
def test_a_malformed_entry_line_is_skipped_alone(
    library: Path, tmp_path: Path, position: int, value: object
) -> None:
    folder = _saved(library, tmp_path)
    index = folder / cc.INDEX_FILENAME
    first, second, rest = index.read_bytes().split(b"\n", 2)
    size = json.loads(second)["entries_bytes"]
    rows = [json.loads(line) for line in rest[:size].splitlines()]
    target = next(i for i, row in enumerate(rows) if row[0].endswith("s1.yaml"))
    rows[target][position] = value
    section = b"".join(json.dumps(row, separators=(",", ":")).encode() + b"\n" for row in rows)
    second = json.dumps({**json.loads(second), "entries_bytes": len(section)}).encode()
    index.write_bytes(first + b"\n" + second + b"\n" + section + rest[size:])
    cache = CatalogueCache(folder)
    assert len(cache) == 3
    loaded = {Path(x.filename).name: x for x in cache.load_many(_paths(library))}
    assert cache.misses == 1 and loaded["s1.yaml"].ok
    assert loaded["s0.yaml"].summary is not None
    assert loaded["s0.yaml"].summary.summary_markdown  # the details offsets still hold


def test_a_lone_surrogate_survives_the_index(library: Path, tmp_path: Path) -> None:
    """A YAML escape can put a lone surrogate in a title; UTF-8 cannot encode it, JSON can."""
    folder = _saved(library, tmp_path)
    cache = CatalogueCache(folder)
    cache.load_many(_paths(library))
    name = str(library / "s0.yaml")
    entry = cache._entries[name]
    assert entry.summary is not None
    entry.summary.title = "odd \udc80 title"
    cache._dirty = True
    assert cache.save()
    again = CatalogueCache(folder)
    assert len(again) == 4
    assert again._entries[name].summary.title == "odd \udc80 title"  # type: ignore[union-attr]
    assert again._entries[name].summary.summary_markdown  # type: ignore[union-attr]
