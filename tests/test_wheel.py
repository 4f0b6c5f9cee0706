"""`pip install .` (not only editable) must carry the scenarios and resources."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_DIR


@pytest.mark.slow
def test_wheel_bundles_scenarios_and_resources(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO_DIR)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # setuptools warns about data folders it would drop; none may be left unlisted.
    assert "is absent from the `packages` configuration" not in result.stderr
    (wheel,) = tmp_path.glob("balint_trainer-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    bundled = {Path(n).name for n in names if n.startswith("balint_trainer/_bundled_scenarios/")}
    expected = {p.name for p in (REPO_DIR / "scenarios").glob("*.yaml")}
    assert expected and expected <= bundled
    resources = {n for n in names if n.startswith("balint_trainer/_bundled_resources/")}
    assert "balint_trainer/_bundled_resources/icons/balint-trainer.svg" in resources
    assert any(n.endswith(".qm") for n in resources), "compiled translations must ship"
    assert any(n.endswith("/apps/io.github.balint_trainer.BalintTrainer.png") for n in resources)
    assert "balint_trainer/storage/migrations/versions/0001_initial.py" in names
    assert not any(n.endswith(".pyc") for n in names)
    assert "balint_trainer/cli.py" in names
    assert not any(n.startswith("tests/") for n in names)
