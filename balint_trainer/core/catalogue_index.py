"""The catalogue cache's index file: what a library list shows per file, read fast and held small.

A warm start reads this on the library's worker thread before anything is listed, so it
was the bulk of a warm 10,000-file start (one ``json.loads`` and one dictionary walk per file,
each summary carrying its rendered Markdown). The layout (format 7):

1. ``{"format", "fingerprint", "token"}``: small, re-read whenever a detail is fetched;
2. ``{"vocab", "tuples", "entries_bytes"}``: the strings and string tuples that repeat across
   files (levels, languages, competency ids and labels, tags), stored once;
3. one JSON array per file: its identity (path, size, mtime, hash), problems and, for a valid
   file, its summary with vocabulary indices in place of the repeated strings;
4. one ``[markdown, html]`` line per valid file: the detail pane's text, read only when a row is
   shown (by offset, see :class:`DetailSource`), so it is never decoded nor held at start-up.

Entry lines are decoded a chunk of lines per ``json.loads`` call: far fewer calls than one
per line, each still short (about a millisecond), so the UI thread waiting for the GIL gets
its turns. Every value is checked: a corrupt or hostile index is dropped (or its bad entry
skipped) and the details of a replaced or garbled file are re-read from the scenario itself.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balint_trainer.core.competencies import competency_label

if TYPE_CHECKING:
    from balint_trainer.core.model import Scenario

INDEX_FORMAT = 7
# Entry lines decoded per json.loads: ~250 lines, well under a millisecond of holding the GIL.
CHUNK_BYTES = 64 * 1024


class ScenarioSummary:
    """What a library list needs about a valid scenario, without the scenario.

    Slots, shared vocabulary (see :func:`_shared`), and the detail text (``summary_markdown``
    and its rendered ``summary_html``) held only until the index is saved, then fetched from the
    index file when asked for: at 10,000 files those two were most of a warm start's memory."""

    __slots__ = (
        "_offset",
        "_path",
        "_source",
        "_text",
        "competency_ids",
        "competency_labels",
        "decision_count",
        "duration_minutes",
        "id",
        "key_status",
        "language",
        "level",
        "setting",
        "tags",
        "title",
    )

    def __init__(
        self,
        id: str,
        title: str,
        setting: str,
        level: str,
        duration_minutes: int | None,
        language: str,
        competency_ids: tuple[str, ...],
        competency_labels: tuple[str, ...],
        decision_count: int,
        tags: tuple[str, ...],
        summary_markdown: str,
        key_status: str,
        summary_html: str | None = None,
    ) -> None:
        self.id, self.title, self.setting, self.level = id, title, setting, level
        self.duration_minutes, self.language = duration_minutes, language
        self.competency_ids, self.competency_labels = competency_ids, competency_labels
        self.decision_count, self.tags, self.key_status = decision_count, tags, key_status
        # (markdown, html) while in memory; else read from ``_source`` at ``_offset``.
        self._text: tuple[str, str | None] | None = (summary_markdown, summary_html)
        self._source: DetailSource | None = None
        self._offset = 0
        self._path = ""  # the scenario file: its text is the fallback when the index changed

    @classmethod
    def _indexed(
        cls, fields: list[Any], source: DetailSource, offset: int, path: str
    ) -> ScenarioSummary:
        summary = cls.__new__(cls)
        (summary.id, summary.title, summary.setting, summary.level, summary.duration_minutes,
         summary.language, summary.competency_ids, summary.competency_labels, summary.decision_count,
         summary.tags, summary.key_status) = fields
        summary._text, summary._source, summary._offset, summary._path = None, source, offset, path
        return summary

    @classmethod
    def of(cls, scenario: Scenario) -> ScenarioSummary:
        ids = tuple(scenario.competency_ids())
        return cls(
            id=scenario.id,
            title=scenario.title,
            setting=scenario.setting or "",
            level=scenario.level or "",
            duration_minutes=scenario.duration_minutes,
            language=scenario.language,
            competency_ids=ids,
            competency_labels=tuple(competency_label(cid, scenario.competencies) for cid in ids),
            decision_count=len(scenario.decisions),
            tags=tuple(scenario.tags),
            summary_markdown=scenario.summary,
            key_status=scenario.key_status,
        )

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ScenarioSummary:
        """From the dictionary :meth:`as_json` gives (a child process's record). Raises
        KeyError, TypeError or ValueError for a malformed one."""
        duration = raw["duration_minutes"]
        html = raw.get("summary_html")
        return cls(
            id=str(raw["id"]),
            title=str(raw["title"]),
            setting=str(raw["setting"]),
            level=_shared(str(raw["level"])),
            duration_minutes=None if duration is None else int(duration),
            language=_shared(str(raw["language"])),
            competency_ids=_shared(tuple(_shared(str(c)) for c in raw["competency_ids"])),
            competency_labels=_shared(tuple(_shared(str(c)) for c in raw["competency_labels"])),
            decision_count=int(raw["decision_count"]),
            tags=_shared(tuple(_shared(str(t)) for t in raw["tags"])),
            summary_markdown=str(raw["summary_markdown"]),
            key_status=_shared(str(raw["key_status"])),
            summary_html=html if isinstance(html, str) else None,
        )

    def as_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SUMMARY_FIELDS}

    def _details(self) -> tuple[str, str | None]:
        text = self._text
        if text is not None:
            return text
        fetched = self._source.fetch(self._offset) if self._source is not None else None
        return fetched if fetched is not None else _details_from_file(self._path)

    @property
    def summary_markdown(self) -> str:
        """The scenario's own ``summary``: the library's detail pane shows it."""
        return self._details()[0]

    @property
    def summary_html(self) -> str | None:
        """``summary_markdown`` already rendered (sanitised HTML), so a warm start shows the detail
        pane without importing Markdown; None for right-to-left scenarios (rendered when shown)."""
        return self._details()[1]

    def with_html(self, html: str | None) -> ScenarioSummary:
        fields = {name: getattr(self, name) for name in SUMMARY_FIELDS[:-1]}
        return ScenarioSummary(**fields, summary_html=html)

    def _key(self) -> tuple[Any, ...]:
        # Everything but the derived html, as the dataclass this was compared.
        return tuple(getattr(self, name) for name in SUMMARY_FIELDS[:-1])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScenarioSummary) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.id, self.title))

    def __repr__(self) -> str:
        return f"ScenarioSummary(id={self.id!r}, title={self.title!r})"


SUMMARY_FIELDS = (
    "id", "title", "setting", "level", "duration_minutes", "language", "competency_ids",
    "competency_labels", "decision_count", "tags", "summary_markdown", "key_status", "summary_html",
)
_SHARED: dict[Any, Any] = {}
_SHARED_MAX = 50_000  # distinct values kept: a library's vocabulary, not its text


def _shared(value: Any) -> Any:
    """One object for equal levels, languages, competency ids and labels, tags and their tuples.

    They repeat across a library's files; JSON decoding makes a new object for each occurrence.
    Titles and summaries are not shared: they are each file's own."""
    found = _SHARED.get(value)
    if found is not None:
        return found
    if len(_SHARED) < _SHARED_MAX:
        _SHARED[value] = value
    return value


def _details_from_file(path: str) -> tuple[str, str | None]:
    """The detail text from the scenario file itself: the index was replaced (another instance
    saved it) or garbled since it was read. Rare; the view renders the Markdown (html None)."""
    from balint_trainer.core.validation import load_scenario_file

    try:
        loaded = load_scenario_file(path)
    except Exception:  # a detail pane never raises
        return "", None
    return (loaded.scenario.summary, None) if loaded.scenario is not None else ("", None)


class DetailSource:
    """The detail lines of one written index file: ``fetch(offset)`` reads one, if the file at
    the path is still the one written with ``token`` (else None: the caller falls back)."""

    def __init__(self, path: Path, token: str, base: int) -> None:
        self.path, self.token, self.base = path, token, base

    def fetch(self, offset: int) -> tuple[str, str | None] | None:
        try:
            with open(self.path, "rb") as index:
                header = json.loads(index.readline())
                if not isinstance(header, dict) or header.get("token") != self.token:
                    return None
                index.seek(self.base + offset)
                value = json.loads(index.readline())
        except (OSError, ValueError, RecursionError):
            return None
        if (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], str)
            and (value[1] is None or isinstance(value[1], str))
        ):
            return value[0], value[1]
        return None

    def raw_lines(self, offsets: list[int]) -> list[bytes | None]:
        """The detail lines at ``offsets`` as bytes (copied into a new index), None for each
        when the file is no longer this one."""
        try:
            with open(self.path, "rb") as index:
                header = json.loads(index.readline())
                if not isinstance(header, dict) or header.get("token") != self.token:
                    return [None] * len(offsets)
                index.seek(self.base)
                section = index.read()
        except (OSError, ValueError, RecursionError):
            return [None] * len(offsets)
        out: list[bytes | None] = []
        for offset in offsets:
            end = section.find(b"\n", offset)
            out.append(section[offset:end + 1] if 0 <= offset < len(section) and end >= 0 else None)
        return out


@dataclass(slots=True)
class Entry:
    """One file's index entry: its identity, whether it is valid, its summary and problems."""

    size: int
    mtime_ns: int
    recorded_ns: int
    sha256: str
    valid: bool
    summary: ScenarioSummary | None
    problems: list[tuple[int, int, str, str]]

    def as_json(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "recorded_ns": self.recorded_ns,
            "sha256": self.sha256,
            "valid": self.valid,
            "summary": self.summary.as_json() if self.summary else None,
            "problems": [list(p) for p in self.problems],
        }

    @classmethod
    def from_json(cls, raw: Any) -> Entry | None:
        """From :meth:`as_json`'s dictionary (a child's record); None if it is malformed."""
        try:
            problems = _problems(raw["problems"])
            if problems is None:
                return None
            valid = raw["valid"] is True
            summary = ScenarioSummary.from_json(raw["summary"]) if valid else None
            sha = str(raw["sha256"])
            if len(sha) != 64:
                return None
            return cls(
                int(raw["size"]), int(raw["mtime_ns"]), int(raw["recorded_ns"]), sha, valid, summary, problems
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def _problems(raw: Any) -> list[tuple[int, int, str, str]] | None:
    problems = [(int(line), int(column), str(message), str(severity)) for line, column, message, severity in raw]
    if any(severity not in ("error", "warning") for *_, severity in problems):
        return None
    return problems


# -- reading -------------------------------------------------------------------


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: a warm library creates objects by the ten thousand
    (entries, summaries, paths), none of them garbage, and the collector, walking every object
    of the app each time its counters overflow, took about a fifth of a warm read. Only for
    blocks without a ``yield`` (so always left); process-wide, but for a fraction of a second.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()



def read_entries(path: Path, fingerprint: str) -> Iterator[tuple[str, Entry]]:
    """Every well-formed entry of the index at ``path`` (written with ``fingerprint``).

    Raises OSError or ValueError for a missing, outdated or corrupt index: the caller starts
    empty. A malformed entry alone is skipped."""
    with open(path, "rb") as index:
        first = index.readline()
        header = json.loads(first)
        if not isinstance(header, dict) or header.get("fingerprint") != fingerprint:
            raise ValueError("outdated index")
        token = header.get("token")
        if header.get("format") != INDEX_FORMAT or not isinstance(token, str):
            raise ValueError("outdated index")
        second = index.readline()
        tables = json.loads(second)
        size = tables.get("entries_bytes") if isinstance(tables, dict) else None
        if not isinstance(size, int) or size < 0:
            raise ValueError("corrupt index")
        section = index.read(size)
    vocab, tuples = _tables(tables)
    source = DetailSource(path, token, len(first) + len(second) + size)
    start, end = 0, len(section)
    while start < end:
        # About CHUNK_BYTES of whole lines as one JSON array: no object per line in between.
        stop = section.find(b"\n", min(start + CHUNK_BYTES, end - 1))
        stop = end if stop < 0 else stop + 1
        chunk = section[start:stop].rstrip(b"\n").replace(b"\n", b",")
        start = stop
        if not chunk:
            continue
        for row in json.loads(b"[" + chunk + b"]"):
            decoded = _decode(row, vocab, tuples, source)
            if decoded is not None:
                yield decoded


def _tables(tables: dict[str, Any]) -> tuple[list[str], list[tuple[str, ...]]]:
    vocab = tables.get("vocab")
    raw_tuples = tables.get("tuples")
    if not (isinstance(vocab, list) and all(type(v) is str for v in vocab)):
        raise ValueError("corrupt index")
    if not isinstance(raw_tuples, list):
        raise ValueError("corrupt index")
    shared = [_shared(v) for v in vocab]
    word = shared.__getitem__
    try:
        # A bad index raises (not an int, out of range); a negative one picks some other word
        # of the same vocabulary, which is harmless: no cleverer than a hostile title.
        tuples = [tuple(map(word, t)) for t in raw_tuples]
    except (TypeError, IndexError) as exc:
        raise ValueError("corrupt index") from exc
    return shared, tuples


def _decode(
    row: Any, vocab: list[str], tuples: list[tuple[str, ...]], source: DetailSource
) -> tuple[str, Entry] | None:
    """One entry line: ``[path, size, mtime_ns, recorded_ns, sha256, problems]`` for an invalid
    file, followed by the summary (see :func:`_row`) for a valid one."""
    try:
        path, size, mtime, recorded, sha, raw_problems, *rest = row
        if not (type(path) is str and type(sha) is str and len(sha) == 64):
            return None
        if not (type(size) is int and type(mtime) is int and type(recorded) is int):
            return None
        problems = _problems(raw_problems) if raw_problems else []
        if problems is None:
            return None
        if not rest:
            return path, Entry(size, mtime, recorded, sha, False, None, problems)
        (sid, title, setting, level, duration, language, cids, labels, decisions, tags, key,
         offset) = rest
        if not (type(sid) is str and type(title) is str and type(setting) is str):
            return None
        if not (type(decisions) is int and type(offset) is int and offset >= 0):
            return None
        if duration is not None and type(duration) is not int:
            return None
        # Negative indices count from the end in Python: refused like any other bad index.
        if min(level, language, cids, labels, tags, key) < 0:
            return None
        fields = [
            sid, title, setting, vocab[level], duration, vocab[language], tuples[cids], tuples[labels],
            decisions, tuples[tags], vocab[key],
        ]
    except (TypeError, ValueError, IndexError):
        return None
    return path, Entry(size, mtime, recorded, sha, True, ScenarioSummary._indexed(fields, source, offset, path), problems)


# -- writing -------------------------------------------------------------------


class _Tables:
    def __init__(self) -> None:
        self.vocab: dict[Any, int] = {}
        self.tuples: dict[tuple[Any, ...], int] = {}

    def word(self, value: Any) -> int:
        return self.vocab.setdefault(value, len(self.vocab))

    def group(self, values: Any) -> int:
        key = tuple(self.word(v) for v in values)
        return self.tuples.setdefault(key, len(self.tuples))


def _dumps(value: object) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a YAML escape): kept as a JSON escape
        return json.dumps(value, separators=(",", ":")).encode("ascii")


def encode_index(
    fingerprint: str, entries: dict[str, Entry]
) -> tuple[bytes, DetailSource, list[tuple[ScenarioSummary, int, str]]]:
    """The bytes of an index holding ``entries``; the new file's source (for its path, set by
    the caller) and each summary's offset in it, to point the summaries there once written."""
    token = os.urandom(8).hex()
    tables = _Tables()
    rows: list[bytes] = []
    details: list[bytes] = []
    placed: list[tuple[ScenarioSummary, int, str]] = []
    detail_size = 0
    old = _old_details(entries)
    for path, entry in entries.items():
        row: list[Any] = [path, entry.size, entry.mtime_ns, entry.recorded_ns, entry.sha256, entry.problems]
        summary = entry.summary
        if entry.valid and summary is not None:
            line = old.get(id(summary)) or _dumps(list(summary._details())) + b"\n"
            row.extend(_row(summary, tables, detail_size))
            placed.append((summary, detail_size, path))
            details.append(line)
            detail_size += len(line)
        rows.append(_dumps(row))
    section = b"\n".join(rows) + b"\n" if rows else b""
    first = _dumps({"format": INDEX_FORMAT, "fingerprint": fingerprint, "token": token}) + b"\n"
    second = _dumps({
        "vocab": list(tables.vocab), "tuples": [list(t) for t in tables.tuples], "entries_bytes": len(section)
    }) + b"\n"
    source = DetailSource(Path(), token, len(first) + len(second) + len(section))
    return b"".join([first, second, section, *details]), source, placed


def _row(summary: ScenarioSummary, tables: _Tables, offset: int) -> list[Any]:
    return [
        summary.id, summary.title, summary.setting, tables.word(summary.level), summary.duration_minutes,
        tables.word(summary.language), tables.group(summary.competency_ids),
        tables.group(summary.competency_labels), summary.decision_count, tables.group(summary.tags),
        tables.word(summary.key_status), offset,
    ]


def _old_details(entries: dict[str, Entry]) -> dict[int, bytes]:
    """Detail lines of summaries still in the previous index file, copied as they are (one read
    per file, not one decode per line); a summary whose file changed is re-read (fallback)."""
    by_source: dict[DetailSource, list[ScenarioSummary]] = {}
    for entry in entries.values():
        s = entry.summary
        if s is not None and s._text is None and s._source is not None:
            by_source.setdefault(s._source, []).append(s)
    found: dict[int, bytes] = {}
    for source, summaries in by_source.items():
        for summary, line in zip(summaries, source.raw_lines([s._offset for s in summaries]), strict=True):
            if line is not None:
                found[id(summary)] = line
    return found


def point_to(path: Path, source: DetailSource, placed: list[tuple[ScenarioSummary, int, str]]) -> None:
    """Once the index is written at ``path``: the summaries fetch their details from it, and let
    go of any text they held."""
    source.path = path
    for summary, offset, name in placed:
        # Pointer first, then the text dropped: a reader on another thread sees the text or a
        # complete pointer, never half of one.
        summary._source, summary._offset, summary._path = source, offset, name
        summary._text = None


def read_index_json(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and the entries of an index file as :meth:`Entry.as_json` dictionaries (tests,
    debugging)."""
    with open(path, "rb") as index:
        header = json.loads(index.readline())
    entries = {name: entry.as_json() for name, entry in read_entries(path, header["fingerprint"])}
    return header, entries


def write_index_json(path: Path, header: dict[str, Any], entries: dict[str, Any]) -> None:
    """Write entries given as :meth:`Entry.as_json` dictionaries, unchecked (tests: a malformed
    value is written as it is, to see the reader refuse it)."""
    tables = _Tables()
    rows, details, size = [], [], 0
    for name, raw in entries.items():
        row = [name, raw["size"], raw["mtime_ns"], raw["recorded_ns"], raw["sha256"], raw["problems"]]
        summary = raw.get("summary")
        if raw.get("valid") is True and isinstance(summary, dict):
            line = _dumps([summary["summary_markdown"], summary.get("summary_html")]) + b"\n"
            row += [
                summary["id"], summary["title"], summary["setting"], tables.word(summary["level"]),
                summary["duration_minutes"], tables.word(summary["language"]),
                tables.group(summary["competency_ids"]), tables.group(summary["competency_labels"]),
                summary["decision_count"], tables.group(summary["tags"]), tables.word(summary["key_status"]),
                size,
            ]
            details.append(line)
            size += len(line)
        rows.append(_dumps(row))
    section = b"".join(r + b"\n" for r in rows)
    second = _dumps({"vocab": list(tables.vocab), "tuples": [list(t) for t in tables.tuples], "entries_bytes": len(section)})
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    path.write_bytes(_dumps(header) + b"\n" + second + b"\n" + section + b"".join(details))
