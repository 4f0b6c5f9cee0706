"""Scenario packs: a zip of scenario files with a checksummed manifest (no Qt).

Layout of a pack (format ``balint-pack/1``)::

    manifest.json          {"format", "title", "created", "app_version", "entries": [...]}
    scenarios/<id>.yaml    the scenario file, byte for byte as it was exported

Packs come from other people, so :func:`read_pack` trusts nothing: names are
checked for traversal, absolute paths, drive letters, backslashes, symlinks and
duplicates; sizes are checked as declared *and* counted while decompressing
(zip bombs); every entry must be listed in the manifest with a matching
SHA-256; every scenario must validate. All problems found are reported at once
as :class:`PackError`.

:func:`install_pack` installs atomically: files are written to a temporary
folder on the target's filesystem and moved into place with ``os.replace``;
if anything fails, files already moved are put back, so the target folder
is left as it was. A pack scenario with a built-in scenario's id is installed
into the target as the user's own copy of it, which the library shows in the
built-in's place (see :mod:`balint_trainer.core.user_copies`); the built-in
file itself is never written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from balint_trainer import __version__
from balint_trainer.core.untrusted import (
    UntrustedInputError,
    exception_problem,
    loads_json,
    regular_file_problem,
    zip_directory_size,
)
from balint_trainer.core.validation import LoadedScenario, load_scenario_bytes, load_scenario_file
from balint_trainer.core.yamlsource import MAX_FILE_BYTES

PACK_FORMAT = "balint-pack/1"
MANIFEST_NAME = "manifest.json"
SCENARIO_FOLDER = "scenarios"
_SLUG = re.compile(r"^[a-z0-9-]{1,100}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_DRIVE = re.compile(r"^[A-Za-z]:")
_ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_CHUNK = 64 * 1024

ConflictPolicy = Literal["skip", "replace", "cancel"]
ConflictResolver = Callable[[Sequence["Conflict"]], ConflictPolicy]


@dataclass(frozen=True)
class PackLimits:
    """Bounds for untrusted packs; generous for real scenario collections."""

    max_pack_bytes: int = 64 * 1024 * 1024
    max_entries: int = 1000
    max_entry_bytes: int = MAX_FILE_BYTES
    max_total_bytes: int = 128 * 1024 * 1024
    max_manifest_bytes: int = 1024 * 1024
    # Text compresses well, but not 100:1; only checked above a small size.
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 64 * 1024
    # The zip's central directory (names and headers), checked before zipfile reads it.
    max_directory_bytes: int = 4 * 1024 * 1024
    # Checking stops after this many broken scenarios: each may cost a bounded parse.
    max_broken_scenarios: int = 10


DEFAULT_LIMITS = PackLimits()


class PackError(Exception):
    """A pack that cannot be exported or imported; ``problems`` lists every reason."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = list(problems)

    def __str__(self) -> str:
        if not self.problems:
            return self.message
        return self.message + "\n" + "\n".join(f"  {p}" for p in self.problems)


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    scenario_id: str
    title: str
    sha256: str
    size: int

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "scenario_id": self.scenario_id,
            "title": self.title,
            "sha256": self.sha256,
            "size": self.size,
        }


@dataclass(frozen=True)
class Manifest:
    title: str
    created: str
    app_version: str
    entries: tuple[ManifestEntry, ...]
    format: str = PACK_FORMAT

    def as_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "title": self.title,
            "created": self.created,
            "app_version": self.app_version,
            "entries": [entry.as_json() for entry in self.entries],
        }


@dataclass(frozen=True)
class PackScenario:
    entry: ManifestEntry
    raw: bytes
    loaded: LoadedScenario

    @property
    def scenario_id(self) -> str:
        return self.entry.scenario_id


@dataclass(frozen=True)
class Pack:
    """A fully checked pack, held in memory (sizes are bounded by :class:`PackLimits`)."""

    source: str
    manifest: Manifest
    scenarios: tuple[PackScenario, ...]


@dataclass(frozen=True)
class Conflict:
    scenario_id: str
    title: str
    existing: Path
    identical: bool  # same bytes already installed: nothing to do
    # ``existing`` is a built-in scenario (outside the target): "replace" installs the pack's
    # version as the user's own copy, which takes the built-in's place in the library.
    builtin: bool = False
    existing_title: str = ""  # the title of the file already there


@dataclass
class ImportResult:
    installed: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    cancelled: bool = False
    paths: list[Path] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.installed or self.replaced)


# --------------------------------------------------------------------------- export


def export_pack(
    sources: Iterable[str | Path | LoadedScenario],
    destination: str | Path,
    *,
    title: str,
    created: datetime | None = None,
) -> Manifest:
    """Write a pack of valid scenarios to ``destination`` (atomically).

    Each scenario is stored with the exact bytes of its file, so importing the
    pack reproduces the files byte for byte. Invalid scenarios and duplicate
    ids are refused with every problem listed.
    """
    problems: list[str] = []
    chosen: list[tuple[LoadedScenario, bytes]] = []
    for source in sources:
        if isinstance(source, LoadedScenario):
            loaded = source
            if loaded.text is None:
                problems.append(f"{loaded.filename}: no text to export")
                continue
            raw = _raw_bytes_of(loaded)
        else:
            path = Path(source)
            loaded = load_scenario_file(path)
            try:
                raw = path.read_bytes()
            except OSError as exc:
                problems.append(f"{path}: cannot read: {exc.strerror or exc}")
                continue
        if not loaded.ok or loaded.scenario is None:
            problems.extend(str(p) for p in loaded.errors or loaded.problems)
            continue
        chosen.append((loaded, raw))
    seen: dict[str, str] = {}
    for loaded, _raw in chosen:
        assert loaded.scenario is not None
        scenario_id = loaded.scenario.id
        if scenario_id in seen:
            problems.append(
                f"{loaded.filename}: duplicate scenario id '{scenario_id}' (also {seen[scenario_id]})"
            )
        seen.setdefault(scenario_id, loaded.filename)
    if not chosen and not problems:
        problems.append("no scenarios chosen")
    if problems:
        raise PackError("The pack was not written:", problems)

    entries = []
    for loaded, raw in chosen:
        assert loaded.scenario is not None
        entries.append(
            ManifestEntry(
                path=f"{SCENARIO_FOLDER}/{loaded.scenario.id}.yaml",
                scenario_id=loaded.scenario.id,
                title=loaded.scenario.title,
                sha256=hashlib.sha256(raw).hexdigest(),
                size=len(raw),
            )
        )
    stamp = (created or datetime.now(UTC)).isoformat(timespec="seconds")
    manifest = Manifest(title=title.strip() or "Scenario pack", created=stamp, app_version=__version__,
                        entries=tuple(entries))  # fmt: skip
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            manifest_bytes = json.dumps(manifest.as_json(), indent=2, ensure_ascii=False).encode("utf-8")
            archive.writestr(_file_info(MANIFEST_NAME), manifest_bytes)
            for entry, (_loaded, raw) in zip(entries, chosen, strict=True):
                archive.writestr(_file_info(entry.path), raw)
        os.replace(tmp, destination)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return manifest


def _raw_bytes_of(loaded: LoadedScenario) -> bytes:
    """The original bytes where the file still matches, else the text as UTF-8."""
    path = Path(loaded.filename)
    try:
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() == loaded.sha256:
            return raw
    except OSError:
        pass
    return (loaded.text or "").encode("utf-8")


def _file_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


# --------------------------------------------------------------------------- import


def _name_problem(name: str) -> str | None:
    """Why an archive member name is unsafe, or None."""
    if not name:
        return "empty entry name"
    if "\x00" in name:
        return "entry name contains a NUL character"
    if "\\" in name:
        return "entry name contains a backslash"
    if name.startswith("/"):
        return "absolute path"
    if _DRIVE.match(name):
        return "drive letter in path"
    parts = name.rstrip("/").split("/")
    if any(part == ".." for part in parts):
        return "path traversal ('..')"
    if any(part in ("", ".") for part in parts):
        return "empty or '.' path component"
    return None


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int
) -> tuple[bytes | None, str | None]:
    """Decompress one member, counting real bytes so a lying header cannot help a bomb."""
    out = bytearray()
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                out += chunk
                if len(out) > limit:
                    return None, f"decompresses to more than {limit:,} bytes; refused"
                if len(out) > info.file_size:
                    return None, "decompresses to more bytes than declared; refused"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:  # fmt: skip
        return None, f"cannot be read: {exc}"
    except Exception as exc:  # zlib.error and similar: never a traceback for bad input
        return None, f"cannot be decompressed: {exc}"
    if len(out) != info.file_size:
        return None, f"has {len(out):,} bytes but declares {info.file_size:,}"
    return bytes(out), None


def _parse_manifest(raw: bytes) -> tuple[Manifest | None, list[str]]:
    problems: list[str] = []
    try:
        data = loads_json(raw, MANIFEST_NAME)  # bounded depth and number size
    except UntrustedInputError as exc:
        return None, [str(p) for p in exc.problems]
    if not isinstance(data, dict):
        return None, [f"{MANIFEST_NAME}: must be a JSON object"]
    if data.get("format") != PACK_FORMAT:
        return None, [
            f"{MANIFEST_NAME}: format is {data.get('format')!r}; this app reads '{PACK_FORMAT}' packs"
        ]
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{MANIFEST_NAME}: 'title' must be a non-empty string")
    created = data.get("created", "")
    app_version = data.get("app_version", "")
    if not isinstance(created, str) or not isinstance(app_version, str):
        problems.append(f"{MANIFEST_NAME}: 'created' and 'app_version' must be strings")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        problems.append(f"{MANIFEST_NAME}: 'entries' must be a non-empty list")
        return None, problems
    entries: list[ManifestEntry] = []
    paths: set[str] = set()
    ids: set[str] = set()
    for index, item in enumerate(raw_entries):
        where = f"{MANIFEST_NAME}: entries[{index}]"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object")
            continue
        path, scenario_id, entry_title = item.get("path"), item.get("scenario_id"), item.get("title")
        digest, size = item.get("sha256"), item.get("size")
        if not isinstance(scenario_id, str) or not _SLUG.match(scenario_id):
            problems.append(f"{where}: 'scenario_id' must be a scenario id ([a-z0-9-])")
            continue
        if path != f"{SCENARIO_FOLDER}/{scenario_id}.yaml":
            problems.append(f"{where}: 'path' must be '{SCENARIO_FOLDER}/{scenario_id}.yaml', not {path!r}")
            continue
        if not isinstance(entry_title, str):
            problems.append(f"{where}: 'title' must be a string")
            continue
        if not isinstance(digest, str) or not _SHA256.match(digest):
            problems.append(f"{where}: 'sha256' must be 64 lower-case hex digits")
            continue
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            problems.append(f"{where}: 'size' must be a non-negative integer")
            continue
        if path in paths or scenario_id in ids:
            problems.append(f"{where}: scenario '{scenario_id}' is listed twice")
            continue
        paths.add(path)
        ids.add(scenario_id)
        entries.append(ManifestEntry(path, scenario_id, entry_title, digest, size))
    if problems:
        return None, problems
    return Manifest(str(title), str(created), str(app_version), tuple(entries)), []


def read_pack(
    path: str | Path,
    *,
    limits: PackLimits = DEFAULT_LIMITS,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Pack:
    """Open and fully check a pack. Raises :class:`PackError` listing every problem.

    For a caller on another thread: ``on_progress(done, total)`` is called per scenario,
    and ``should_stop()`` returning true between scenarios ends the check with a PackError.
    """
    path = Path(path)
    refused = f"The pack {path.name} cannot be imported:"
    special = regular_file_problem(path)  # a FIFO or device would hang or never end
    if special is not None:
        raise PackError(refused, [special])
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackError(refused, [f"cannot read the file: {exc.strerror or exc}"]) from None
    if size > limits.max_pack_bytes:
        raise PackError(refused, [f"the file is {size:,} bytes; the limit is {limits.max_pack_bytes:,}"])
    # zipfile builds an object per directory entry on open: check the declared count first.
    try:
        directory = zip_directory_size(path)
    except OSError as exc:
        raise PackError(refused, [f"cannot read the file: {exc.strerror or exc}"]) from None
    if directory is not None:
        entries, directory_bytes = directory
        if entries > limits.max_entries + 2:  # the manifest is one entry more, a folder maybe another
            raise PackError(refused, [f"{entries:,} entries; the limit is {limits.max_entries:,}"])
        if directory_bytes > limits.max_directory_bytes:
            raise PackError(
                refused,
                [
                    f"the zip directory is {directory_bytes:,} bytes; the limit is {limits.max_directory_bytes:,}"
                ],
            )
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise PackError(refused, [f"not a valid zip file ({exc})"]) from None
    except Exception as exc:  # a damaged directory may raise anything: never a traceback
        raise PackError(refused, [f"not a valid zip file ({exc})"]) from None
    with archive:
        try:
            return _check_archive(archive, path, refused, limits, should_stop, on_progress)
        except PackError:
            raise
        except Exception as exc:  # the last line of defence for hostile packs
            raise PackError(refused, [str(exception_problem(path.name, exc))]) from None


def _check_archive(
    archive: zipfile.ZipFile,
    path: Path,
    refused: str,
    limits: PackLimits,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Pack:
    infos = archive.infolist()
    if len(infos) > limits.max_entries + 2:
        raise PackError(refused, [f"{len(infos):,} entries; the limit is {limits.max_entries:,}"])

    # 1. Names and headers: anything unsafe stops the import before decompressing.
    problems: list[str] = []
    members: dict[str, zipfile.ZipInfo] = {}
    folded: dict[str, str] = {}
    total = 0
    for info in infos:
        name = info.filename
        shown = repr(name) if not name.isprintable() else name
        reason = _name_problem(name)
        if reason is not None:
            problems.append(f"{shown}: {reason}")
            continue
        if _is_symlink(info):
            problems.append(f"{shown}: symbolic link")
            continue
        if name in members or name.casefold() in folded:
            problems.append(f"{shown}: duplicate entry (also {folded.get(name.casefold(), name)})")
            continue
        folded[name.casefold()] = name
        members[name] = info
        if info.is_dir():
            continue
        if info.flag_bits & 0x1:
            problems.append(f"{shown}: encrypted entries are not supported")
        if info.compress_type not in _ALLOWED_METHODS:
            problems.append(f"{shown}: unsupported compression method {info.compress_type}")
        limit = limits.max_manifest_bytes if name == MANIFEST_NAME else limits.max_entry_bytes
        if info.file_size > limit:
            problems.append(f"{shown}: {info.file_size:,} bytes; the limit is {limit:,}")
        total += info.file_size
        if info.file_size > limits.ratio_floor_bytes and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        ):
            problems.append(
                f"{shown}: compression ratio {info.file_size / max(info.compress_size, 1):,.0f}:1 "
                f"exceeds {limits.max_ratio:,.0f}:1 (zip bomb?)"
            )
    if total > limits.max_total_bytes:
        problems.append(f"entries total {total:,} bytes; the limit is {limits.max_total_bytes:,}")
    if problems:
        raise PackError(refused, problems)

    # 2. Manifest.
    manifest_info = members.get(MANIFEST_NAME)
    if manifest_info is None:
        raise PackError(refused, [f"no {MANIFEST_NAME} (not a Balint Trainer pack?)"])
    manifest_raw, reason = _read_member(archive, manifest_info, limits.max_manifest_bytes)
    if manifest_raw is None:
        raise PackError(refused, [f"{MANIFEST_NAME}: {reason}"])
    manifest, manifest_problems = _parse_manifest(manifest_raw)
    if manifest is None:
        raise PackError(refused, manifest_problems)
    if len(manifest.entries) > limits.max_entries:
        raise PackError(
            refused, [f"{len(manifest.entries):,} scenarios; the limit is {limits.max_entries:,}"]
        )

    # 3. Every member listed, every listed entry present.
    listed = {entry.path for entry in manifest.entries}
    for name, info in members.items():
        if name == MANIFEST_NAME or (info.is_dir() and name.rstrip("/") == SCENARIO_FOLDER):
            continue
        if name not in listed:
            problems.append(f"{name}: not listed in {MANIFEST_NAME}")
    for entry in manifest.entries:
        if entry.path not in members:
            problems.append(f"{entry.path}: listed in {MANIFEST_NAME} but missing from the pack")
        elif members[entry.path].is_dir():
            problems.append(f"{entry.path}: is a folder, not a file")
    if problems:
        raise PackError(refused, problems)

    # 4. Contents: sizes, checksums, validity.
    scenarios: list[PackScenario] = []
    total_read = 0
    broken = 0
    for done, entry in enumerate(manifest.entries):
        if should_stop is not None and should_stop():
            raise PackError(refused, ["cancelled"])
        if on_progress is not None:
            on_progress(done, len(manifest.entries))
        if broken >= limits.max_broken_scenarios:
            problems.append(f"checking stopped after {broken} broken scenarios")
            break
        broken += 1  # until this entry passes every check
        info = members[entry.path]
        if info.file_size != entry.size:
            problems.append(
                f"{entry.path}: size {info.file_size:,} differs from the manifest ({entry.size:,})"
            )
            continue
        raw, reason = _read_member(archive, info, limits.max_entry_bytes)
        if raw is None:
            problems.append(f"{entry.path}: {reason}")
            continue
        total_read += len(raw)
        if total_read > limits.max_total_bytes:
            raise PackError(refused, [f"entries total more than {limits.max_total_bytes:,} bytes"])
        if hashlib.sha256(raw).hexdigest() != entry.sha256:
            problems.append(f"{entry.path}: checksum mismatch (the file was changed or damaged)")
            continue
        loaded = load_scenario_bytes(raw, entry.path, max_bytes=limits.max_entry_bytes)
        if not loaded.ok or loaded.scenario is None:
            problems.extend(str(p) for p in (loaded.errors or loaded.problems))
            continue
        if loaded.scenario.id != entry.scenario_id:
            problems.append(
                f"{entry.path}: scenario id is '{loaded.scenario.id}' but the manifest says '{entry.scenario_id}'"
            )
            continue
        scenarios.append(PackScenario(entry, raw, loaded))
        broken -= 1
    if problems:
        raise PackError(refused, problems)
    return Pack(str(path), manifest, tuple(scenarios))


# --------------------------------------------------------------------------- install


def library_ids(folders: Iterable[str | Path]) -> dict[str, Path]:
    """Scenario id -> file for the valid scenarios in ``folders`` (first one wins)."""
    found: dict[str, Path] = {}
    for folder in folders:
        folder = Path(folder)
        if not folder.is_dir():
            continue
        for file in sorted(folder.glob("*.y*ml")):
            loaded = load_scenario_file(file)
            if loaded.scenario is not None:
                found.setdefault(loaded.scenario.id, file)
    return found


def find_conflicts(
    pack: Pack, target: str | Path, library: Mapping[str, Path] | None = None
) -> list[Conflict]:
    """Pack scenarios whose id is already in the target folder or among the built-ins.

    ``library`` maps the built-in scenarios' ids to their files. The target's own
    files take precedence: once the user has a copy of a built-in in the target,
    a pack scenario with that id is an ordinary conflict with the user's file.
    """
    own = library_ids([target])
    builtins = {sid: Path(where) for sid, where in (library or {}).items() if sid not in own}
    conflicts = []
    for item in pack.scenarios:
        where = own.get(item.scenario_id) or builtins.get(item.scenario_id)
        if where is None:
            continue
        try:
            raw: bytes | None = where.read_bytes()
        except OSError:
            raw = None
        existing = load_scenario_bytes(raw, str(where)) if raw is not None else None
        conflicts.append(
            Conflict(
                item.scenario_id,
                item.loaded.scenario.title if item.loaded.scenario else "",
                where,
                identical=raw == item.raw,
                builtin=item.scenario_id not in own,
                existing_title=existing.scenario.title if existing and existing.scenario else "",
            )
        )
    return conflicts


def install_pack(
    pack: Pack,
    target: str | Path,
    *,
    library: Mapping[str, Path] | None = None,
    on_conflict: ConflictPolicy | ConflictResolver = "cancel",
) -> ImportResult:
    """Install a checked pack into ``target`` as ``<id>.yaml`` files, all or nothing.

    ``on_conflict`` decides what happens to scenarios whose id already exists
    (``skip``, ``replace`` or ``cancel``), or is a callable that is shown the
    conflicts and returns one of those. Scenarios already installed with
    identical bytes are left alone and reported as unchanged. ``library`` maps
    the built-in scenarios' ids to their files: replacing one writes the pack's
    file into ``target`` as the user's own copy, which the library shows in the
    built-in's place; the built-in file is never touched, and deleting the copy
    brings it back.
    """
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    result = ImportResult()
    conflicts = find_conflicts(pack, target, library)
    unchanged = {c.scenario_id for c in conflicts if c.identical}
    real = [c for c in conflicts if not c.identical]
    policy: ConflictPolicy = "replace"
    if real:
        policy = on_conflict(real) if callable(on_conflict) else on_conflict
        if policy not in ("skip", "replace", "cancel"):
            raise ValueError(f"unknown conflict policy {policy!r}")
        if policy == "cancel":
            result.cancelled = True
            return result
    conflicting = {c.scenario_id: c for c in real}

    plan: list[tuple[PackScenario, Path, Path | None]] = []  # item, destination, old file to remove
    planned: set[Path] = set()
    for item in pack.scenarios:
        scenario_id = item.scenario_id
        if scenario_id in unchanged:
            result.unchanged.append(scenario_id)
            continue
        if scenario_id in conflicting and policy == "skip":
            result.skipped.append(scenario_id)
            continue
        destination = target / f"{scenario_id}.yaml"
        old: Path | None = None
        conflict = conflicting.get(scenario_id)
        if conflict is not None:
            result.replaced.append(scenario_id)
            # A same-id file under another name in the target would shadow the new one.
            # (A built-in is outside the target and stays: the new copy takes its place.)
            if not conflict.builtin and conflict.existing.name != destination.name:
                old = conflict.existing
        else:
            result.installed.append(scenario_id)
        if old is not None or conflict is None or conflict.builtin:
            # Only the conflicting file itself is overwritten; another file of the user's that
            # happens to have this name (a broken draft, another scenario) is kept.
            destination = _unused_path(destination, planned)
        planned.add(destination)
        plan.append((item, destination, old))
    _apply_atomically(target, plan)
    result.paths = [destination for _item, destination, _old in plan]
    return result


def _unused_path(path: Path, taken: set[Path]) -> Path:
    """``path``, or ``<stem>-2.yaml``… when a file is there or another pack file goes there."""
    candidate, number = path, 2
    while candidate in taken or candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def _apply_atomically(target: Path, plan: Sequence[tuple[PackScenario, Path, Path | None]]) -> None:
    if not plan:
        return
    staging = Path(tempfile.mkdtemp(prefix=".pack-import-", dir=target))
    moved: list[tuple[Path, Path | None]] = []  # (installed path, backup of what it replaced)
    try:
        staged = []
        for index, (item, _destination, _old) in enumerate(plan):
            file = staging / f"new-{index}.tmp"  # not *.yaml: scanners must never see it
            with open(file, "wb") as handle:
                handle.write(item.raw)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append(file)
        for index, ((_item, destination, old), file) in enumerate(zip(plan, staged, strict=True)):
            for victim in (destination, old):
                if victim is not None and victim.exists():
                    backup = staging / f"old-{index}-{len(moved)}"
                    os.replace(victim, backup)
                    moved.append((victim, backup))
            os.replace(file, destination)
            moved.append((destination, None))
    except BaseException:
        for path, saved in reversed(moved):
            try:
                if saved is None:
                    path.unlink(missing_ok=True)
                else:
                    os.replace(saved, path)
            except OSError:  # pragma: no cover - best effort on a failing disk
                pass
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def import_pack(
    path: str | Path,
    target: str | Path,
    *,
    library: Mapping[str, Path] | None = None,
    on_conflict: ConflictPolicy | ConflictResolver = "cancel",
    limits: PackLimits = DEFAULT_LIMITS,
) -> ImportResult:
    """:func:`read_pack` then :func:`install_pack`; raises :class:`PackError` for bad packs."""
    return install_pack(read_pack(path, limits=limits), target, library=library, on_conflict=on_conflict)
