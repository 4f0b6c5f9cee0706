"""A library folder of numbered copies of ``tests/data/valid/minimal.yaml`` (library and cache tests)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import DATA_DIR


def minimal_copies(folder: Path, copies: int, *, numbered_titles: bool = False) -> Path:
    """``folder`` (made here) with ``s000.yaml`` … holding ids ``minimal-000`` …; with
    ``numbered_titles`` their titles count down ("Scenario 060" first), so sorting by title
    reverses the file order."""
    folder.mkdir()
    text = (DATA_DIR / "valid" / "minimal.yaml").read_text()
    for index in range(copies):
        copy = text.replace("id: minimal-test", f"id: minimal-{index:03d}")
        if numbered_titles:
            copy = copy.replace("Minimal test scenario", f"Scenario {copies - index:03d}")
        (folder / f"s{index:03d}.yaml").write_text(copy, encoding="utf-8")
    return folder
