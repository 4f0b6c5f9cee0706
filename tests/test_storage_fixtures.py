"""The PostgreSQL test fixture fails loudly without a server, unless skipping is asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.db_fixtures import REPO

PROBE = """
import tests.db_fixtures as fixtures

fixtures._find_bin = lambda: None  # as on a machine without the Debian 'postgresql' package


def test_needs_postgres(postgres_server):
    assert postgres_server
"""


def _run_probe(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_probe.py").write_text(PROBE)
    clean = {
        k: v for k, v in os.environ.items() if k not in ("BALINT_TEST_POSTGRES_URL", "BALINT_SKIP_POSTGRES")
    }
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "tests.db_fixtures",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "test_probe.py",
        ],
        cwd=tmp_path,
        env={**clean, "PYTHONPATH": str(REPO), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "code", "message"),
    [
        ({}, 1, "PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian package 'postgresql'"),
        ({"BALINT_SKIP_POSTGRES": "1"}, 0, "PostgreSQL not installed and BALINT_SKIP_POSTGRES=1"),
    ],
)
def test_missing_postgres_fails_unless_skipping_is_requested(
    tmp_path: Path, env: dict[str, str], code: int, message: str
) -> None:
    result = _run_probe(tmp_path, **env)
    assert result.returncode == code, result.stdout + result.stderr
    assert message in result.stdout
