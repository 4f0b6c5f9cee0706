"""atomic_write_bytes: new content or old content, never half a file, no temp left behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from balint_trainer.core import fileio
from balint_trainer.core.fileio import atomic_write_bytes


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_content_and_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "out.bin"
    atomic_write_bytes(target, b"\x00hello\r\n")
    assert target.read_bytes() == b"\x00hello\r\n"
    atomic_write_bytes(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(target.parent) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_keeps_the_mode_of_the_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "script.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX permission bits")
def test_without_keep_mode_the_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "bundle.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    atomic_write_bytes(target, b"new", keep_mode=False)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # mkstemp's mode, as before the refactor


def test_failed_replace_removes_temp_and_leaves_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "keep.txt"
    target.write_bytes(b"precious")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write_bytes(target, b"replacement")
    assert target.read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


def test_failed_write_of_new_file_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(fileio.os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="Input/output"):
        atomic_write_bytes(tmp_path / "new.txt", b"data")
    assert list(tmp_path.iterdir()) == []
