"""Reading an untrusted pack: every name, size, checksum and scenario checked (no Qt).

See :mod:`balint_trainer.core.packs` for the format and the rules.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

from balint_trainer.core.packs.model import (
    _ALLOWED_METHODS,
    _CHUNK,
    _DRIVE,
    _SHA256,
    _SLUG,
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    PACK_FORMAT,
    SCENARIO_FOLDER,
    Manifest,
    ManifestEntry,
    Pack,
    PackError,
    PackLimits,
    PackScenario,
)
from balint_trainer.core.untrusted import (
    UntrustedInputError,
    exception_problem,
    loads_json,
    regular_file_problem,
    zip_directory_size,
)
from balint_trainer.core.validation import load_scenario_bytes

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
