"""Child process of test_crash_resume / test_concurrency (run with ``python -m tests.crash_child``).

``answer URL SCENARIO_FILE PROFILE``: resume (or start) an attempt and answer
every decision, printing ``ANSWERED <attempt> <decision>`` only after
record_answer has returned; then finish and start the next attempt.

``race URL SCENARIO_FILE PROFILE N``: wait for ``GO`` on stdin, then answer N
decisions in a fresh attempt as fast as possible and print ``DONE <attempt>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services import DuplicateName, open_service

OPTIONS = ("a", "b", "c")


def _profile_id(svc, name: str) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(svc.accounts.create_profile(name, "trainee").id)
    except DuplicateName:
        return int(svc.accounts.profile_by_name(name).id)


def answer_forever(url: str, scenario_file: str, name: str, max_attempts: int = 50) -> None:
    svc = open_service(url)
    profile_id = _profile_id(svc, name)
    version = svc.scenarios.register_scenario(load_scenario_file(scenario_file))
    scenario = version.load()
    print("READY", flush=True)
    for _ in range(max_attempts):
        attempt = svc.practice.resumable_attempt(profile_id, scenario.id) or svc.practice.start_attempt(
            profile_id, version.id, "practice"
        )
        print(f"ATTEMPT {attempt.id} {len(attempt.answers)}", flush=True)
        done = attempt.answered()
        for index, decision in enumerate(scenario.decisions):
            if decision.decision in done:
                continue
            option = OPTIONS[(attempt.id + index) % len(OPTIONS)]
            svc.practice.record_answer(
                attempt.id, decision.decision, option, credit=credit(decision, option), seconds=float(index)
            )
            print(f"ANSWERED {attempt.id} {decision.decision} {option}", flush=True)
        svc.practice.finish_attempt(attempt.id)
        print(f"FINISHED {attempt.id}", flush=True)
    svc.close()


def race(url: str, scenario_file: str, name: str, count: int) -> None:
    svc = open_service(url)
    profile_id = _profile_id(svc, name)
    version = svc.scenarios.register_scenario(load_scenario_file(scenario_file))
    scenario = version.load()
    attempt = svc.practice.start_attempt(profile_id, version.id, "exam")
    print("READY", flush=True)
    if sys.stdin.readline().strip() != "GO":
        return
    for decision in scenario.decisions[:count]:
        svc.practice.record_answer(attempt.id, decision.decision, "a", credit=credit(decision, "a"))
    svc.practice.finish_attempt(attempt.id)
    print(f"DONE {attempt.id}", flush=True)
    svc.close()


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "answer":
        answer_forever(args[0], args[1], args[2])
    elif command == "race":
        race(args[0], args[1], args[2], int(args[3]))
    else:  # pragma: no cover
        raise SystemExit(f"unknown command {command!r} ({Path(__file__).name})")
