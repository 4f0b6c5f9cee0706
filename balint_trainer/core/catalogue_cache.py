"""A start-up cache of validated scenario files, so unchanged files are not re-parsed.

Parsing a scenario (positioned YAML walk, pydantic validation, cross checks) costs
several milliseconds per file, and even re-validating a stored model costs about
one; a library of a thousand files would make every start slow. So the cache keeps,
per file path, the file's size, ``mtime_ns`` and SHA-256 with

- a small :class:`ScenarioSummary` (what the library list shows) and the problems,
  in one index file that is read at start-up, and
- the validated scenario as JSON in a separate blob, read only when the scenario is
  actually opened (:class:`CachedScenario` materialises it lazily).

A file whose size and mtime are unchanged is taken from the cache without being
read. Where the mtime is too close to the moment it was recorded to be trusted
(coarse file-system clocks), the content hash is checked as well, and a lazily read
file whose hash no longer matches is re-validated, so an edited file is never served
stale.

Everything is plain JSON (no pickle: the folder is user-writable and a cache must
never run code). A missing, corrupt or outdated cache is ignored and rebuilt, a
cache that cannot be written only costs speed; nothing here raises for a bad cache.
A fingerprint of the validator's code is stored too, so a release (or an edited
checkout) whose validator differs never serves results the current code would not give;
an upgrade that leaves the validator alone keeps the cache (the fingerprint hashes the
validating modules' code, not the app version or file times).

A file parsed on a cache miss is remembered by its summary only; the full model is
dropped (10,000 kept models would take gigabytes) and built again, from the file, when
the scenario is opened, which also writes its blob.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from stat import S_ISREG
from typing import TYPE_CHECKING, Any

from balint_trainer.core.catalogue_index import (
    INDEX_FORMAT,
    ScenarioSummary,
    encode_index,
    gc_paused,
    point_to,
    read_entries,
    read_index_json,
    write_index_json,
)
from balint_trainer.core.catalogue_index import Entry as _Entry
from balint_trainer.core.loaded import MAX_FILE_BYTES, LoadedScenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted import UntrustedInputError, read_limited

if TYPE_CHECKING:  # pydantic is imported only when a full scenario is needed
    from balint_trainer.core.model import Scenario

def load_scenario_file(path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> LoadedScenario:
    """The parser (core.validation, with YAML and the checks) is imported when a file needs it:
    a warm start, which parses nothing, never loads it."""
    from balint_trainer.core import validation

    return validation.load_scenario_file(path, max_bytes=max_bytes)


def load_scenario_bytes(raw: bytes | str, filename: str, *, max_bytes: int = MAX_FILE_BYTES) -> LoadedScenario:
    from balint_trainer.core import validation

    return validation.load_scenario_bytes(raw, filename, max_bytes=max_bytes)


CACHE_FORMAT = INDEX_FORMAT  # 7: lean lines, details read when shown (see catalogue_index)
INDEX_FILENAME = "catalogue-index.json"
BLOB_FOLDER = "scenarios"
# An mtime this close to the moment it was recorded may hide a later edit of the same size.
RACY_NS = 3_000_000_000
# Modules whose behaviour decides what a file validates to.
_VALIDATOR_MODULES = (
    "model",
    "validation",
    "fastload",
    "yamlsource",
    "untrusted",
    "competencies",
    "problems",
    "script_state",
    "conditions",
    "catalogue_cache",
    "catalogue_index",
    "loaded",
    "markdown_render",
)


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("balint-trainer", appauthor=False)) / "catalogue"


def validator_fingerprint() -> str:
    """Changes whenever the code that validates scenarios may have changed.

    A hash of that code (the modules' sources, or their compiled code in a frozen app), of
    pydantic's version and of the cache format; not the app's version: an upgrade that
    leaves validation alone keeps the cache. Import-free (start-up path): files are read,
    nothing is imported.
    """
    from importlib.util import find_spec

    digest = hashlib.sha256(f"{CACHE_FORMAT}|{sys.version_info[:2]}".encode())
    core = Path(__file__).resolve().parent
    sources: list[tuple[str, Path | None]] = [
        (f"balint_trainer.core.{name}", core / f"{name}.py") for name in _VALIDATOR_MODULES
    ]
    spec = find_spec("pydantic")  # a top-level package: found, not imported
    pydantic_dir = Path(spec.origin).parent if spec is not None and spec.origin else None
    sources.append(("pydantic.version", pydantic_dir / "version.py" if pydantic_dir else None))
    for name, path in sources:
        digest.update(name.encode() + b"\0" + hashlib.sha256(_code_of(name, path)).digest())
    return digest.hexdigest()[:16]


def _code_of(name: str, path: Path | None) -> bytes:
    """A module's source, or in a frozen app (no sources on disk) its compiled code."""
    try:
        if path is not None and path.is_file():
            return path.read_bytes()
        loader = globals().get("__loader__")
        if getattr(sys, "frozen", False) and hasattr(loader, "get_code"):
            import marshal

            return marshal.dumps(loader.get_code(name))  # type: ignore[union-attr]
    except (OSError, ImportError, ValueError):
        pass
    return b"missing"


def scenario_summary(loaded: LoadedScenario) -> ScenarioSummary | None:
    """The summary of a valid loaded scenario (free for a :class:`CachedScenario`)."""
    if isinstance(loaded, CachedScenario):
        return loaded.summary
    return ScenarioSummary.of(loaded.scenario) if loaded.ok and loaded.scenario is not None else None


def _with_html(summary: ScenarioSummary | None) -> ScenarioSummary | None:
    """The summary with its Markdown pre-rendered, for the cache (left-to-right text only)."""
    from balint_trainer.core.markdown_render import is_rtl, render_markdown

    if summary is None or is_rtl(summary.language):
        return summary
    return summary.with_html(render_markdown(summary.summary_markdown))


class CachedScenario(LoadedScenario):
    """A :class:`LoadedScenario` served from the cache.

    ``ok``, ``problems``, ``sha256`` and :attr:`summary` are at hand; ``scenario`` and
    ``text`` are read on first use. If the file changed behind the cache's back in
    the meantime, that first use re-validates it and the object reflects the file.
    """

    def __init__(
        self,
        cache: CatalogueCache,
        filename: str,
        sha256: str,
        problems: list[Problem],
        summary: ScenarioSummary | None,
        valid: bool,
    ) -> None:
        # LoadedScenario.__init__ is not called: scenario and text are lazy properties here.
        self.filename = filename
        self.sha256 = sha256
        self.problems = problems
        self.summary = summary
        self._cache = cache
        self._valid = valid
        self._materialised = False
        self._scenario: Scenario | None = None
        self._text: str | None = None

    def _materialise(self) -> None:
        if self._materialised:
            return
        # Under the cache's lock, and marked done last: the library is loaded on a worker
        # thread, and another thread must never see "materialised" with no scenario yet.
        with self._cache.lock:
            if self._materialised:
                return
            fresh = self._cache.reload(self.filename, self.sha256)
            self._scenario, self._text = fresh.scenario, fresh.text
            if fresh.sha256 != self.sha256:  # edited since the index was written
                self.sha256, self.problems, self._valid = fresh.sha256, fresh.problems, fresh.ok
                self.summary = scenario_summary(fresh)
            self._materialised = True

    @property  # type: ignore[override]
    def scenario(self) -> Scenario | None:
        if not self._valid and not self._materialised:
            return None
        self._materialise()
        return self._scenario

    @scenario.setter
    def scenario(self, value: Scenario | None) -> None:  # e.g. validate_paths marking a duplicate
        self._materialised, self._scenario, self._valid = True, value, value is not None

    @property  # type: ignore[override]
    def text(self) -> str | None:
        self._materialise()
        return self._text

    @text.setter
    def text(self, value: str | None) -> None:
        self._materialise()
        self._text = value

    @property
    def ok(self) -> bool:
        # Most files have no problems: no list is built for them (10,000 per warm start).
        return self._valid and (not self.problems or not self.errors)

    def __repr__(self) -> str:
        return f"CachedScenario({self.filename!r}, ok={self.ok}, problems={len(self.problems)})"


class CatalogueCache:
    """Validated scenario files by path. Use :meth:`load` in place of ``load_scenario_file``.

    Call :meth:`save` after a batch of loads to keep what was learnt.
    """

    def __init__(self, folder: Path | None = None, *, fingerprint: str | None = None) -> None:
        self.folder = folder if folder is not None else default_cache_dir()
        self.fingerprint = fingerprint or validator_fingerprint()
        self.hits = 0
        self.misses = 0
        self._entries: dict[str, _Entry] = {}
        self._new_blobs: dict[str, str] = {}  # sha256 -> scenario JSON not written yet
        self._dirty = False
        # Entries are loaded on a worker thread while the UI may open a scenario (reload).
        self.lock = threading.RLock()
        self._read_index()

    @property
    def index_path(self) -> Path:
        return self.folder / INDEX_FILENAME

    def _blob_path(self, sha256: str) -> Path:
        return self.folder / BLOB_FOLDER / f"{sha256}.json"

    # -- persistence -------------------------------------------------------

    def _read_index(self) -> None:
        """The index (see catalogue_index: decoded in chunks of lines, each a short C call, as
        the library reads this on a worker while the UI runs; details are left on disk)."""
        try:
            with gc_paused():
                self._entries.update(read_entries(self.index_path, self.fingerprint))
        except (OSError, ValueError, RecursionError):  # missing, outdated, corrupt (or hostile): start empty
            self._entries.clear()
            self._dirty = True

    def save(self) -> bool:
        """Write what changed; returns whether the cache is on disk now.

        Entries of files that no longer exist are dropped, with blobs nobody uses.
        Files are replaced atomically, so another app instance reading at the same
        time sees the old or the new index, never half of one.
        """
        with self.lock:
            return self._save()

    def _save(self) -> bool:
        if not self._dirty:
            return self.index_path.is_file()
        self._entries = {k: e for k, e in self._entries.items() if os.path.exists(k)}
        try:
            for sha256, blob in self._new_blobs.items():
                _atomic_write(self._blob_path(sha256), blob)
            data, source, placed = encode_index(self.fingerprint, self._entries)
            _atomic_write(self.index_path, data)
            point_to(self.index_path, source, placed)  # the text held in memory is let go
            self._prune_blobs()
        except OSError:
            return False
        self._new_blobs.clear()
        self._dirty = False
        return True

    def _prune_blobs(self) -> None:
        used = {e.sha256 for e in self._entries.values() if e.valid}
        with contextlib.suppress(OSError):
            for blob in (self.folder / BLOB_FOLDER).glob("*.json"):
                if blob.stem not in used:
                    with contextlib.suppress(OSError):
                        blob.unlink()

    def clear(self) -> None:
        self._entries.clear()
        self._new_blobs.clear()
        self._dirty = True

    def __len__(self) -> int:
        return len(self._entries)

    # -- lookups -----------------------------------------------------------

    def load(self, path: str | Path, *, max_bytes: int = MAX_FILE_BYTES) -> LoadedScenario:
        """Like ``load_scenario_file``; an unchanged file comes from the cache unread."""
        name = str(path)
        try:
            stat = os.stat(name)
        except OSError:
            return load_scenario_file(name, max_bytes=max_bytes)
        hit = self._hit(name, stat)
        if hit is not None:
            return hit
        self.misses += 1
        loaded = self._parse(name, stat, max_bytes)
        entry = self._entries.get(name)
        if entry is None or entry.sha256 != loaded.sha256:  # not cached (too large, unreadable)
            return loaded
        # Only the summary is kept; the model is built again when the scenario is opened.
        return self._served(name, entry, list(loaded.problems))

    def lookup(self, path: str | Path, stat: os.stat_result | None = None) -> LoadedScenario | None:
        """The cached result for an unchanged file, or None (a miss: nothing is parsed).
        ``stat``: the file's ``os.stat`` if the caller has just taken it."""
        name = str(path)
        if stat is None:
            try:
                stat = os.stat(name)
            except OSError:
                return None
        return self._hit(name, stat)

    def _hit(self, name: str, stat: os.stat_result) -> LoadedScenario | None:
        entry = self._entries.get(name)
        if entry is not None and entry.size == stat.st_size and entry.mtime_ns == stat.st_mtime_ns:
            trusted = entry.recorded_ns - entry.mtime_ns > RACY_NS
            if trusted or _file_sha256(name) == entry.sha256:
                self.hits += 1
                return self._served(name, entry)
        return None

    def _served(self, name: str, entry: _Entry, problems: list[Problem] | None = None) -> CachedScenario:
        """``entry`` as the lazily restored scenario a lookup returns (its problems from the index
        unless the caller has them at hand)."""
        if problems is None:
            problems = [Problem(name, *p) for p in entry.problems]  # type: ignore[arg-type]
        return CachedScenario(self, name, entry.sha256, problems, entry.summary, entry.valid)

    def adopt(self, path: str | Path, record: object) -> LoadedScenario | None:
        """A miss parsed elsewhere (:func:`parse_record`, in a child process): indexed, and
        returned as :meth:`load` returns a miss; None if ``record`` is not a valid entry."""
        entry = _Entry.from_json(record)
        if entry is None:
            return None
        name = str(path)
        with self.lock:
            self._entries[name] = entry
            self._dirty = True
            self.misses += 1
        return self._served(name, entry)

    def load_many(self, paths: Iterable[str | Path]) -> list[LoadedScenario]:
        return [self.load(p) for p in paths]

    def _parse(self, name: str, stat: os.stat_result, max_bytes: int) -> LoadedScenario:
        if stat.st_size > max_bytes or not S_ISREG(stat.st_mode):
            return load_scenario_file(name, max_bytes=max_bytes)  # phrases the problem; not cached
        try:
            raw = read_limited(name, max_bytes)
        except UntrustedInputError:
            return load_scenario_file(name, max_bytes=max_bytes)
        loaded = load_scenario_bytes(raw, name, max_bytes=max_bytes)
        self._remember(name, stat, loaded)
        return loaded

    def _remember(
        self, name: str, stat: os.stat_result, loaded: LoadedScenario, *, blob: bool = False
    ) -> None:
        """Index ``loaded``; with ``blob``, also store its model (when the scenario is opened:
        for a whole library that would double the first load, and most are never opened)."""
        valid = loaded.ok and loaded.scenario is not None
        if blob and valid and loaded.scenario is not None:
            self._store_blob(loaded.sha256, loaded.scenario.model_dump_json())
        summary = _with_html(scenario_summary(loaded)) if valid else None
        with self.lock:
            self._entries[name] = _new_entry(stat, loaded, valid, summary)
            self._dirty = True

    def reload(self, name: str, expected_sha256: str) -> LoadedScenario:
        """The full scenario for a cache hit: from its blob if the file is unchanged."""
        try:
            raw = read_limited(name, MAX_FILE_BYTES)
        except UntrustedInputError:
            return load_scenario_file(name)
        digest = hashlib.sha256(raw).hexdigest()
        entry = self._entries.get(name)
        if digest == expected_sha256 and entry is not None:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = None
            scenario = self._read_blob(digest) if entry.valid else None
            if text is not None and (scenario is not None or not entry.valid):
                problems = [Problem(name, *p) for p in entry.problems]  # type: ignore[arg-type]
                return LoadedScenario(name, digest, text, scenario, problems)
        loaded = load_scenario_bytes(raw, name)  # changed, or no blob yet: validate afresh
        with contextlib.suppress(OSError):
            self._remember(name, os.stat(name), loaded, blob=True)
        return loaded

    def _store_blob(self, sha256: str, blob: str) -> None:
        """Written at once: nothing else may save this cache before the app quits."""
        try:
            _atomic_write(self._blob_path(sha256), blob)
        except OSError:
            self._new_blobs[sha256] = blob  # kept for this run; save() tries again

    def _read_blob(self, sha256: str) -> Scenario | None:
        from pydantic import ValidationError

        from balint_trainer.core.model import Scenario

        blob = self._new_blobs.get(sha256)
        try:
            if blob is None:
                blob = self._blob_path(sha256).read_text(encoding="utf-8")
            return Scenario.model_validate_json(blob)
        except (OSError, ValueError, ValidationError):  # missing, corrupt or tampered: re-parse
            return None


def _new_entry(
    stat: os.stat_result, loaded: LoadedScenario, valid: bool, summary: ScenarioSummary | None
) -> _Entry:
    return _Entry(
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        recorded_ns=time.time_ns(),
        sha256=loaded.sha256,
        valid=valid,
        summary=summary,
        problems=[(p.line, p.column, p.message, p.severity) for p in loaded.problems],
    )


def parse_record(path: str | Path, max_bytes: int = MAX_FILE_BYTES) -> dict[str, Any] | None:
    """What a cache miss of ``path`` indexes, as an index line holds it (for :meth:`CatalogueCache.adopt`
    in another process); None for a file the cache does not keep (too large, not a regular file,
    unreadable): its loader phrases that problem itself. May raise, as parsing may."""
    name = str(path)
    try:
        stat = os.stat(name)
    except OSError:
        return None
    if stat.st_size > max_bytes or not S_ISREG(stat.st_mode):
        return None
    try:
        raw = read_limited(name, max_bytes)
    except UntrustedInputError:
        return None
    loaded = load_scenario_bytes(raw, name, max_bytes=max_bytes)
    valid = loaded.ok and loaded.scenario is not None
    summary = _with_html(scenario_summary(loaded)) if valid else None
    return _new_entry(stat, loaded, valid, summary).as_json()


read_index = read_index_json  # tests and debugging: the index as dictionaries
write_index = write_index_json


def _file_sha256(name: str) -> str | None:
    try:
        return hashlib.sha256(read_limited(name, MAX_FILE_BYTES)).hexdigest()
    except UntrustedInputError:
        return None


def _atomic_write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
