"""The library's file walk (core/loaded.py) finds what Path.rglob filtered by is_file() found."""

from __future__ import annotations

import os
from pathlib import Path

from balint_trainer.core.loaded import SCENARIO_SUFFIXES, iter_scenario_paths


def _rglob(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SCENARIO_SUFFIXES and p.is_file())


def test_the_walk_matches_rglob_with_links_hidden_files_and_nested_folders(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a-b").mkdir()
    (root / "a").mkdir()  # "a/w" sorts before "a-b/z" as Paths, after it as strings
    for name in (
        "one.yaml", "Two.YML", ".hidden.yaml", "notes.txt", "b/x.yaml", "b/deeper/y.yml", "a-b/z.yaml", "a/w.yaml",
        "a.yaml",
    ):
        (root / name).write_text("format: balint-scenario/1\n", encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "linked.yaml").write_text("x: 1\n", encoding="utf-8")
    os.symlink(outside / "linked.yaml", root / "file-link.yaml")  # a link to a file counts
    os.symlink(outside, root / "dir-link")  # a link to a folder is not followed
    os.symlink(tmp_path / "missing.yaml", root / "broken.yaml")  # a broken link is no file
    (root / "folder.yaml").mkdir()  # a folder named like a scenario is not one

    found = list(iter_scenario_paths([root]))
    assert found == _rglob(root)
    names = {p.relative_to(root).as_posix() for p in found}
    assert names == {
        "one.yaml", "Two.YML", ".hidden.yaml", "b/x.yaml", "b/deeper/y.yml", "a-b/z.yaml", "a/w.yaml", "a.yaml",
        "file-link.yaml",
    }


def test_a_file_given_directly_is_kept_and_an_unreadable_folder_is_skipped(tmp_path: Path) -> None:
    single = tmp_path / "single.yaml"
    single.write_text("x: 1\n", encoding="utf-8")
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "inner" / "s.yaml").write_text("x: 1\n", encoding="utf-8")
    os.chmod(locked / "inner", 0)
    try:
        found = list(iter_scenario_paths([single, locked]))
    finally:
        os.chmod(locked / "inner", 0o755)
    assert found[0] == single
    if os.geteuid() != 0:  # root reads every folder anyway
        assert found == [single]
