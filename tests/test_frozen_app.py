"""The PyInstaller one-folder build works: built from the spec and smoke-tested offscreen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_DIR

pytestmark = pytest.mark.slow


def test_pyinstaller_build_passes_smoke_test(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="install the 'package' extra to build the frozen app")
    build = subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
            "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "build"),
            str(REPO_DIR / "packaging" / "balint-trainer.spec"),
        ],
        capture_output=True, text=True, timeout=900, cwd=REPO_DIR,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    binary = tmp_path / "dist" / "balint-trainer" / "balint-trainer"
    assert binary.is_file()
    smoke = subprocess.run(
        [sys.executable, str(REPO_DIR / "packaging" / "smoke_test.py"), str(binary)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert "0 failed" in smoke.stdout
    assert "main window opens in Persian" in smoke.stdout
