"""Writing packs (export) and installing a checked pack into a folder, atomically (no Qt).

See :mod:`balint_trainer.core.packs` for the format and the rules.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

from balint_trainer import __version__
from balint_trainer.core.packs.model import (
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    SCENARIO_FOLDER,
    Conflict,
    ConflictPolicy,
    ConflictResolver,
    ImportResult,
    Manifest,
    ManifestEntry,
    Pack,
    PackError,
    PackLimits,
    PackScenario,
)
from balint_trainer.core.packs.reading import read_pack
from balint_trainer.core.validation import LoadedScenario, load_scenario_bytes, load_scenario_file


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
