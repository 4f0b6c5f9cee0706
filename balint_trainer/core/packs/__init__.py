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

The code is split by direction: :mod:`.model` (manifest, limits, errors, results),
:mod:`.reading` (checking an untrusted pack) and :mod:`.writing` (export, install).
"""

from __future__ import annotations

from balint_trainer.core.packs.model import (
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    PACK_FORMAT,
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
from balint_trainer.core.packs.writing import (
    export_pack,
    find_conflicts,
    import_pack,
    install_pack,
    library_ids,
)

__all__ = [
    "DEFAULT_LIMITS",
    "MANIFEST_NAME",
    "PACK_FORMAT",
    "SCENARIO_FOLDER",
    "Conflict",
    "ConflictPolicy",
    "ConflictResolver",
    "ImportResult",
    "Manifest",
    "ManifestEntry",
    "Pack",
    "PackError",
    "PackLimits",
    "PackScenario",
    "export_pack",
    "find_conflicts",
    "import_pack",
    "install_pack",
    "library_ids",
    "read_pack",
]
