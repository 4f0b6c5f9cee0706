"""A pack's manifest, limits, errors and results: the types shared by reading and writing (no Qt)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from balint_trainer.core.validation import LoadedScenario
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
