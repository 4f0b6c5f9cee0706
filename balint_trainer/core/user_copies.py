"""The user's own copy of a built-in scenario (no Qt).

Built-in scenarios ship with the app: changing them in place would change them
for everyone on the machine, be lost on the next update, and fail in a
read-only install. So the scenario editor's "save" and the annotation
workbench's "merge into key" write the user's version into their own scenario
folder instead. The copy keeps the scenario id, so the library shows it in
place of the built-in (see :func:`balint_trainer.core.catalogue.load_catalogue`);
deleting the copy brings the built-in back.
"""

from __future__ import annotations

from pathlib import Path


def existing_user_copy(scenario_id: str, folder: Path) -> Path | None:
    """The valid scenario file with this id in ``folder`` (any file name), if there is one."""
    from balint_trainer.core.catalogue import find_entry, load_catalogue

    if not folder.is_dir():
        return None
    entry = find_entry(load_catalogue([folder], include_bundled=False), scenario_id)
    return entry.path if entry is not None else None


def free_path(path: Path) -> Path:
    """``path`` when nothing is there yet, else ``name-2.yaml``, ``name-3.yaml``… beside it."""
    candidate, number = path, 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate


def user_copy_path(original: Path, scenario_id: str | None = None, *, folder: Path | None = None) -> Path:
    """Where the user's own version of the built-in scenario ``original`` belongs.

    An earlier copy of the same scenario in the user's folder is that place (it is
    updated, not duplicated: two files with one id would clash in the library).
    Otherwise the built-in's file name in that folder, or a free variant of it when
    a different file already has the name: nothing of the user's is overwritten.
    ``folder`` defaults to :func:`balint_trainer.paths.user_scenarios_dir` (created
    on demand, so this may raise ``OSError``).
    """
    if folder is None:
        from balint_trainer import paths

        folder = paths.user_scenarios_dir()
    if scenario_id:
        existing = existing_user_copy(scenario_id, folder)
        if existing is not None:
            return existing
    return free_path(folder / original.name)
