"""SIGKILL a real process at random moments: no given answer is ever lost, and it resumes.

The child prints ``ANSWERED`` only after ``record_answer`` returned, so every
reported answer must be in the database after the kill; at most one more
(committed, not yet reported) may be there. Each restart must resume the
unfinished attempt with exactly the stored answers.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from balint_trainer.services import open_service
from tests.db_fixtures import REPO, many_decisions_yaml

pytestmark = pytest.mark.slow
DECISIONS = 12


def _spawn(*args: str) -> tuple[subprocess.Popen[str], queue.Queue[str | None]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", *args],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.put(line.strip())
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return child, lines


def _run_and_kill(url: str, scenario_file: Path, rng: random.Random) -> list[str]:
    """Start the child, SIGKILL it at a random moment, return every line it printed."""
    child, lines = _spawn("answer", url, str(scenario_file), "crash-trainee")
    seen: list[str] = []
    target = rng.randint(-1, 2 * DECISIONS)  # -1: during start-up (even mid-migration)
    try:
        if target < 0:
            time.sleep(rng.uniform(0.0, 0.6))
        else:
            answered = 0
            while answered < target:
                line = lines.get(timeout=60)
                if line is None:
                    _, err = child.communicate()
                    pytest.fail(f"child exited early: {err}")
                seen.append(line)
                answered += line.startswith("ANSWERED")
            time.sleep(rng.uniform(0.0, 0.01))  # land anywhere inside the next record_answer
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    while (line := lines.get(timeout=30)) is not None:
        seen.append(line)
    assert child.returncode == -signal.SIGKILL
    return seen


def _check_sqlite_file(url: str) -> None:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("kills", [15])
def test_sigkill_loses_no_given_answer_and_attempt_resumes(db_url: str, tmp_path: Path, kills: int) -> None:
    scenario_file = tmp_path / "many.yaml"
    scenario_file.write_text(many_decisions_yaml(DECISIONS), encoding="utf-8")
    rng = random.Random(int(os.environ.get("BALINT_CRASH_SEED", "20261123")))
    if "postgresql" in db_url:
        kills = 8  # each kill costs a process start; the server side is exercised as well
    reported: set[tuple[int, str, str]] = set()
    total_answered = 0
    resumed_with_answers = 0
    for _ in range(kills):
        lines = _run_and_kill(db_url, scenario_file, rng)
        for line in lines:
            kind, *rest = line.split()
            if kind == "ANSWERED":
                reported.add((int(rest[0]), rest[1], rest[2]))
            elif kind == "ATTEMPT" and int(rest[1]) > 0:
                resumed_with_answers += 1
        if "sqlite" in db_url:
            _check_sqlite_file(db_url)

        svc = open_service(db_url)
        try:
            if not svc.accounts.profiles():
                continue  # killed before the first profile was committed
            profile = svc.accounts.profile_by_name("crash-trainee")
            attempts = svc.practice.attempts(profile_id=profile.id)
            stored = {(a.id, ans.decision_id, ans.option_id) for a in attempts for ans in a.answers}
            assert reported <= stored, f"lost answers: {sorted(reported - stored)}"
            # Nothing beyond what the child reported, except the one committed just before the kill.
            assert len(stored - reported) <= 1
            for attempt in attempts:
                assert len({a.decision_id for a in attempt.answers}) == len(attempt.answers)
                if attempt.finished:
                    assert len(attempt.answers) == DECISIONS
            unfinished = [a for a in attempts if not a.finished]
            assert len(unfinished) <= 1  # the child always resumed instead of starting afresh
            resumable = svc.practice.resumable_attempt(profile.id, "many-decisions")
            if unfinished:
                assert resumable == unfinished[0]
            else:
                assert resumable is None
            total_answered = len(stored)
        finally:
            svc.close()
        reported |= {(a.id, ans.decision_id, ans.option_id) for a in attempts for ans in a.answers}
    print(f"kills={kills} answers stored={total_answered} resumed runs={resumed_with_answers}")
    assert total_answered >= kills // 2, "the kills came too early to test anything"
    assert resumed_with_answers >= 1, "no run resumed a partly answered attempt"
