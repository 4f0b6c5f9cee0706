"""20 processes write answers to one database at once: nothing is lost or duplicated."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from balint_trainer.services import open_service
from tests.db_fixtures import REPO, many_decisions_yaml

pytestmark = pytest.mark.slow
WRITERS = 20
ANSWERS_EACH = 10


def test_twenty_concurrent_writer_processes_lose_nothing(db_url: str, tmp_path: Path) -> None:
    scenario_file = tmp_path / "many.yaml"
    scenario_file.write_text(many_decisions_yaml(ANSWERS_EACH), encoding="utf-8")
    open_service(db_url).close()  # migrate once; the children race on everything else
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.crash_child",
                "race",
                db_url,
                str(scenario_file),
                f"w{i:02d}",
                str(ANSWERS_EACH),
            ],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(WRITERS)
    ]
    try:
        # Everybody set up (profile, same scenario version, attempt) before anybody writes answers.
        for child in children:
            assert child.stdout is not None
            ready = child.stdout.readline().strip()
            assert ready == "READY", child.stderr.read() if child.stderr else ready
        for child in children:
            assert child.stdin is not None
            child.stdin.write("GO\n")
            child.stdin.flush()
        outputs = [child.communicate(timeout=240) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert out.startswith("DONE ")

    svc = open_service(db_url)
    try:
        attempts = svc.practice.attempts()
        assert len(attempts) == WRITERS
        assert all(a.finished for a in attempts)
        assert sum(len(a.answers) for a in attempts) == WRITERS * ANSWERS_EACH
        assert all(a.total == pytest.approx(100.0) for a in attempts)
        assert len(svc.scenarios.scenario_versions()) == 1  # all 20 registered the same version
        assert sorted(p.name for p in svc.accounts.profiles()) == [f"w{i:02d}" for i in range(WRITERS)]
        assert {a.profile_id for a in attempts} == {p.id for p in svc.accounts.profiles()}
    finally:
        svc.close()
