"""The scenario library (no Qt): bundled scenarios plus extra folders.

Invalid files are listed with their problems instead of being hidden, so an
author sees why a scenario is missing. All parsing goes through
:func:`load_entry`, the one place a later cache (keyed by file hash or mtime)
can hook in.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from balint_trainer.core.catalogue_cache import (
    CatalogueCache,
    ScenarioSummary,
    load_scenario_file,
    scenario_summary,
)
from balint_trainer.core.catalogue_index import gc_paused
from balint_trainer.core.competencies import localise_label
from balint_trainer.core.loaded import LoadedScenario, scenario_files_with_stat
from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted import exception_problem

if TYPE_CHECKING:
    from balint_trainer.core.catalogue_children import ChildParse
    from balint_trainer.core.model import Scenario


class CatalogueEntry:
    """One file of the library: its loaded scenario (or problems) and what the list shows.

    A plain class with slots, not a frozen dataclass: a warm start makes one per file, and the
    path is turned into a ``Path`` only when asked for (the walk gives strings; at 10,000 files
    the dataclass's field setting, ``Path`` parsing and per-instance dictionaries were ~40 ms).
    Treated as immutable: :meth:`with_replaces` gives a changed copy."""

    __slots__ = ("_name", "_path", "bundled", "loaded", "ok", "problems", "replaces", "summary")

    def __init__(
        self,
        path: Path | str,
        loaded: LoadedScenario,
        bundled: bool,
        problems: tuple[Problem, ...] = (),
        replaces: Path | None = None,
    ) -> None:
        self._name = str(path)
        self._path: Path | None = path if isinstance(path, Path) else None
        self.loaded = loaded
        self.bundled = bundled
        self.problems = problems
        # The built-in scenario file this user's own copy stands in for (None for other files).
        self.replaces = replaces
        self.ok: bool = loaded.ok and (not problems or not any(p.is_error for p in problems))
        # List data without the full scenario: a cache hit parses nothing (catalogue_cache). An
        # attribute, not a property: the list reads it ~7 times per file while a library loads.
        self.summary: ScenarioSummary | None = scenario_summary(loaded)

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self._name)
        return self._path

    @property
    def filename(self) -> str:
        """The path as a string (no ``Path`` made)."""
        return self._name

    def with_replaces(self, replaces: Path | None) -> CatalogueEntry:
        copy = CatalogueEntry.__new__(CatalogueEntry)  # what this one knows, not made again
        for name in CatalogueEntry.__slots__:
            setattr(copy, name, getattr(self, name))
        copy.replaces = replaces
        return copy

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CatalogueEntry):
            return NotImplemented
        return (self._name, self.loaded, self.bundled, self.problems, self.replaces) == (
            other._name,
            other.loaded,
            other.bundled,
            other.problems,
            other.replaces,
        )

    __hash__ = None  # type: ignore[assignment]  # as before: its loaded scenario is mutable

    def __repr__(self) -> str:
        return f"CatalogueEntry({self._name!r}, ok={self.ok}, bundled={self.bundled})"

    @property
    def scenario(self) -> Scenario | None:
        return self.loaded.scenario if self.ok else None

    @property
    def sha256(self) -> str:
        return self.loaded.sha256

    @property
    def id(self) -> str:
        summary = self.summary
        return summary.id if summary is not None else self.path.stem

    @property
    def title(self) -> str:
        summary = self.summary
        return summary.title if summary is not None else self.path.name

    @property
    def setting(self) -> str:
        summary = self.summary
        return summary.setting if summary is not None else ""

    @property
    def level(self) -> str:
        summary = self.summary
        return summary.level if summary is not None else ""

    @property
    def duration(self) -> int | None:
        summary = self.summary
        return summary.duration_minutes if summary is not None else None

    @property
    def language(self) -> str:
        summary = self.summary
        return summary.language if summary is not None else "en"

    @property
    def competencies(self) -> tuple[str, ...]:
        summary = self.summary
        return summary.competency_ids if summary is not None else ()

    def competency_labels(self) -> tuple[str, ...]:
        # Cached summaries hold the English labels; translate them at display time.
        return (
            tuple(localise_label(label) for label in self.summary.competency_labels) if self.summary else ()
        )

    @property
    def decision_count(self) -> int:
        summary = self.summary
        return summary.decision_count if summary is not None else 0

    def problem_text(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def load_entry(
    path: Path | str,
    *,
    bundled: bool = False,
    cache: CatalogueCache | None = None,
    loaded: LoadedScenario | None = None,
) -> CatalogueEntry:
    """Parse and validate one file; with ``cache``, an unchanged file is not re-parsed;
    ``loaded``: the file was loaded already (a cache hit, or a child process parsed it).

    Never raises: a file that fails in any way at all (even in code that should not fail)
    is listed as broken with its problem, and the rest of the library still loads.
    """
    try:
        if loaded is None:
            loaded = cache.load(path) if cache is not None else load_scenario_file(path)
        # Its summary is made here too, so a failure is this file's problem, not the list's.
        return CatalogueEntry(path, loaded, bundled, tuple(loaded.problems))
    except Exception as exc:  # the last line of defence
        problem = exception_problem(str(path), exc)
        broken = LoadedScenario(str(path), "", None, None, [problem])
        return CatalogueEntry(path, broken, bundled, (problem,))


def _open_cache() -> CatalogueCache | None:
    try:
        return CatalogueCache()
    except Exception:  # a cache is only ever an optimisation
        return None


def load_catalogue(
    extra_dirs: Iterable[str | Path] = (),
    *,
    bundled_dir: Path | None = None,
    include_bundled: bool = True,
    use_cache: bool = True,
) -> list[CatalogueEntry]:
    """Every scenario file in the bundled folder and the extra folders, valid or not.

    A scenario id seen twice keeps the first file; later ones get a problem. The
    exception: a file in one of the extra folders replaces a built-in scenario with
    the same id (the user's own copy of it, see :mod:`balint_trainer.core.user_copies`).
    Entries are sorted by title (invalid ones last). :class:`CatalogueLoad` does the
    same in batches, for a list that fills while it loads.
    """
    load = CatalogueLoad(
        extra_dirs, bundled_dir=bundled_dir, include_bundled=include_bundled, use_cache=use_cache
    )
    for _batch in load.batches():
        pass
    return load.entries


@dataclass
class CatalogueBatch:
    """Entries loaded since the previous batch, and how far the load has got."""

    entries: list[CatalogueEntry]
    done: int  # files (and missing folders) looked at so far
    total: int


class CatalogueLoad:
    """One load of the library, file by file (no Qt; the GUI runs it on a worker thread).

    Iterate :meth:`batches`; when it is exhausted, :attr:`entries` is the whole library,
    sorted and with user copies in place of the built-ins they replace (a batch may hold
    a built-in that a later file replaces: the final list is the one to keep). Only
    summaries are kept per file (see catalogue_cache), so memory stays small however large
    the library.
    """

    def __init__(
        self,
        extra_dirs: Iterable[str | Path] = (),
        *,
        bundled_dir: Path | None = None,
        include_bundled: bool = True,
        use_cache: bool = True,
        parse_in_children: bool = False,
    ) -> None:
        """``parse_in_children``: cache misses are parsed in child processes (the GUI's load,
        so that parsing does not hold this process's GIL; see catalogue_children)."""
        if include_bundled and bundled_dir is None:
            from balint_trainer.paths import bundled_scenarios_dir

            bundled_dir = bundled_scenarios_dir()
        self.sources: list[tuple[Path, bool]] = []
        if include_bundled and bundled_dir is not None and bundled_dir.is_dir():
            self.sources.append((bundled_dir, True))
        self.sources.extend((Path(folder), False) for folder in extra_dirs)
        self.use_cache = use_cache
        self.parse_in_children = parse_in_children
        self.child_parse: ChildParse | None = None  # while a load with children runs (tests)
        self.entries: list[CatalogueEntry] = []
        self.finished = False

    def _files(self) -> list[tuple[Path | str, bool, bool]]:
        """(path, bundled, exists) for every file to load, and each missing folder; each file's
        stat (None where it failed) in :attr:`_stats`, in the same order."""
        files: list[tuple[Path | str, bool, bool]] = []
        self._stats: list[os.stat_result | None] = []
        seen_files: set[object] = set()
        for folder, bundled in self.sources:
            if not folder.exists():
                files.append((folder, bundled, False))
                self._stats.append(None)
                continue
            for path, stat in scenario_files_with_stat(folder):
                # The same file reached twice (overlapping folders, links) is listed once.
                identity = (stat.st_dev, stat.st_ino) if stat is not None else Path(path).resolve()
                if identity not in seen_files:
                    seen_files.add(identity)
                    files.append((path, bundled, True))
                    self._stats.append(stat)
        return files

    def batches(
        self, size: int = 100, cancelled: Callable[[], bool] | None = None
    ) -> Iterator[CatalogueBatch]:
        """Load every file, yielding what is new every ``size`` files. ``cancelled()`` stops
        early (then :attr:`finished` stays False and the cache is not saved)."""
        cache = _open_cache() if self.use_cache else None
        with gc_paused():
            files = self._files()
        entries: list[CatalogueEntry] = []
        first_by_id: dict[str, CatalogueEntry] = {}
        batch: list[CatalogueEntry] = []
        preloaded: Iterator[LoadedScenario | None] = itertools.repeat(None)
        if self.parse_in_children and cache is not None:
            from balint_trainer.core.catalogue_children import ChildParse

            self.child_parse = ChildParse(cache, cancelled)
            preloaded = self.child_parse.loaded(files, self._stats)
        self._stats = []  # ~0.5 KB a file: the children's lookups hold them only while they run
        done = 0
        try:
            for (path, bundled, exists), loaded in zip(files, preloaded, strict=False):
                if cancelled is not None and cancelled():
                    return
                entry = self._entry(path, bundled, exists, cache, first_by_id, entries, loaded)
                entries.append(entry)
                batch.append(entry)
                done += 1
                if len(batch) >= size or done == len(files):
                    yield CatalogueBatch(batch, done, len(files))
                    batch = []
        finally:
            if self.child_parse is not None:  # the children end, however this load ends
                self.child_parse.stop()
        if done < len(files):  # the children's parse was cancelled
            return
        if cache is not None:
            cache.save()
        entries.sort(key=lambda e: (not e.ok, e.title.casefold()))
        self.entries = entries
        self.finished = True
        if not files:
            yield CatalogueBatch([], 0, 0)

    @staticmethod
    def _entry(
        path: Path | str,
        bundled: bool,
        exists: bool,
        cache: CatalogueCache | None,
        first_by_id: dict[str, CatalogueEntry],
        entries: list[CatalogueEntry],
        loaded: LoadedScenario | None = None,
    ) -> CatalogueEntry:
        if not exists:
            problem = Problem(str(path), 1, 1, "folder not found")
            missing = LoadedScenario(str(path), "", None, None, [problem])
            return CatalogueEntry(path, missing, bundled, (problem,))
        entry = load_entry(path, bundled=bundled, cache=cache, loaded=loaded)
        if not entry.ok:
            return entry
        first = first_by_id.get(entry.id)
        if first is not None and first.bundled and not bundled:
            # The user's own copy of a built-in scenario (saved from the editor, or with
            # a merged key) replaces it; deleting the copy brings the built-in back.
            entries[:] = [e for e in entries if e is not first]
            entry = entry.with_replaces(first.path)
            first_by_id[entry.id] = entry
        elif first is not None:
            duplicate = Problem(
                str(path),
                1,
                1,
                f"duplicate scenario id '{entry.id}' (also in {first.path})",
            )
            entry = CatalogueEntry(path, entry.loaded, bundled, (*entry.problems, duplicate))
        else:
            first_by_id[entry.id] = entry
        return entry


def find_entry(entries: Sequence[CatalogueEntry], scenario_id: str) -> CatalogueEntry | None:
    return next((e for e in entries if e.ok and e.id == scenario_id), None)
