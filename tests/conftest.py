"""Shared test set-up: Qt runs offscreen, data folders are easy to reach."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the user's real data and cache folders out of the tests.
os.environ.setdefault("BALINT_TRAINER_TESTING", "1")

import pytest

pytest_plugins = ["tests.db_fixtures"]

TESTS_DIR = Path(__file__).resolve().parent
REPO_DIR = TESTS_DIR.parent
DATA_DIR = TESTS_DIR / "data"


@pytest.fixture
def minimal_path() -> Path:
    return DATA_DIR / "valid" / "minimal.yaml"


@pytest.fixture
def built_in_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A temporary built-in folder holding minimal.yaml, and an empty user scenario folder;
    ``balint_trainer.paths`` points at both, so nothing touches the real ``scenarios/``."""
    import shutil

    bundled, user = tmp_path / "bundled", tmp_path / "mine"
    bundled.mkdir()
    user.mkdir()
    shutil.copy(DATA_DIR / "valid" / "minimal.yaml", bundled / "minimal.yaml")
    monkeypatch.setattr("balint_trainer.paths.bundled_scenarios_dir", lambda: bundled)
    monkeypatch.setattr("balint_trainer.paths.user_scenarios_dir", lambda **_kw: user)
    return bundled, user


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point platform data/cache dirs at a temp folder so no test touches real user data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture(autouse=True)
def _no_worker_outlives_its_test() -> Iterator[None]:
    """Wait for the worker threads a test started, then drop what they would still deliver:
    a thread left running into the next test (or into interpreter shut-down) crashed the
    process at exit. A test whose worker is still running after 10 s fails."""
    yield
    worker = sys.modules.get("balint_trainer.gui.worker")  # GUI tests only: no Qt import here
    if worker is None or worker.started_count[0] == 0:
        return
    stuck = worker.wait_for_workers(10.0)
    worker.discard_pending()
    worker.started_count[0] = 0
    gc.collect()  # cycles holding widgets are collected here, on the UI thread, not on a worker
    assert not stuck, f"worker threads still running after the test: {stuck}"
