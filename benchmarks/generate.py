"""Synthetic data for the benchmarks: scenario libraries and answer databases.

The scenarios are valid ``balint-scenario/1`` files shaped like the bundled ones
(a dozen people, every phase, transcript lines, six decisions with four options
and a six-expert panel each), so parsing and validation work is representative.
"""

from __future__ import annotations

import random
from pathlib import Path

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES, PHASES

_PEOPLE = [
    ("presenter", "Dr Nadia Rahman", "GP partner"),
    ("co-leader", "Dr Ruth Levine", "Co-leader"),
    ("member", "Dr Tom Whitfield", "GP partner"),
    ("member", "Dr Grace Okonkwo", "Salaried GP"),
    ("member", "Dr Piotr Nowak", "GP registrar"),
    ("member", "Dr Helen Ashby", "Retired GP"),
    ("member", "Dr Sunil Mehta", "GP partner"),
    ("member", "Dr Fiona MacLeod", "GP trainer"),
]
_LINES = [
    "I keep thinking about the moment she looked away from me.",
    "What strikes me is how *tired* the doctor sounds when she talks about him.",
    "I wonder whether the patient feels anyone has ever stayed with him this long.",
    "Could we stay with the relationship rather than the prescribing rules?",
    "A long silence. Someone shifts in their chair.",
    "I'd have referred him months ago, to be honest.",
    "There is something about being the *only one who listens* that weighs on you.",
    "I notice I'm angry on her behalf, and I'm not sure it is mine.",
]


def scenario_yaml(index: int, rng: random.Random) -> str:
    """One valid scenario file; ``index`` makes the id unique."""
    ids = [f"p{k}" for k in range(len(_PEOPLE))]
    out = [
        "format: balint-scenario/1",
        f"id: bench-{index:05d}",
        f'title: "Benchmark case {index}: the patient who always comes back"',
        "summary: |",
        "  A generated case for performance measurements. The presenter describes a patient",
        "  who returns week after week; the group drifts towards rules and the leader steers back.",
        "language: en",
        "setting: Generated general practice group",
        f"level: {rng.choice(['introductory', 'intermediate', 'advanced'])}",
        f"duration_minutes: {rng.choice([45, 60, 75, 90])}",
        "leadership_model: balint-society",
        f"tags: [generated, bench-{index % 17}]",
        "people:",
    ]
    for pid, (kind, name, role) in zip(ids, _PEOPLE, strict=True):
        out += [f"  {pid}:", f"    name: {name}", f"    role: {role}", f"    kind: {kind}"]
    out += ["case: |"] + [f"  {rng.choice(_LINES)}" for _ in range(12)] + ["script:"]
    competencies = list(BUILTIN_COMPETENCIES)
    decision = 0
    for phase in PHASES:
        out.append(f"  - phase: {phase}")
        for _ in range(rng.randint(5, 8)):
            out += [f"  - say: {rng.choice(ids)}", f"    text: {rng.choice(_LINES)!r}"]
        out.append(f"  - narrate: {rng.choice(_LINES)!r}")
        if phase in ("frame", "closing"):
            continue
        for _ in range(1 if phase == "return" else 2 if phase != "push-back" else 1):
            decision += 1
            options = ["a", "b", "c", "d"]
            out += [
                f"  - decision: d{decision}",
                f"    prompt: {rng.choice(_LINES)!r}",
                f"    competency: {rng.choice(competencies)}",
                "    options:",
            ]
            for option in options:
                out += [
                    f"      - id: {option}",
                    f"        text: {rng.choice(_LINES)!r}",
                    f"        feedback: {rng.choice(_LINES)!r}",
                    "        then:",
                    f"          - say: {rng.choice(ids)}",
                    f"            text: {rng.choice(_LINES)!r}",
                ]
            out.append("    experts:")
            for expert in range(6):
                best = rng.choice(options[:2])
                ratings = ", ".join(f"{o}: {rng.randint(1, 5)}" for o in options)
                out.append(f"      - {{expert: e{expert}, best: {best}, ratings: {{{ratings}}}}}")
            out.append(f"    rationale: {rng.choice(_LINES)!r}")
    return "\n".join(out) + "\n"


def write_scenarios(folder: Path, count: int, *, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"bench-{index:05d}.yaml"
        path.write_text(scenario_yaml(index, rng), encoding="utf-8")
        paths.append(path)
    return paths


def write_answers(
    url: str, scenario_folder: Path, answers: int, *, scenarios: int = 20, seed: int = 2
) -> dict[str, int]:
    """A database with ``answers`` answers of a cohort of trainees to generated scenarios.

    Profiles and scenario versions go through the service; attempts and answers are
    bulk-inserted (recording 100k answers one commit at a time would take minutes and
    is not what is being measured). Credits are the real expert-panel credits.
    """
    from datetime import UTC, datetime, timedelta
    from uuid import UUID

    from sqlalchemy import insert

    from balint_trainer.core.scoring import credit
    from balint_trainer.core.validation import load_scenario_file
    from balint_trainer.services import open_service
    from balint_trainer.storage import models as m

    rng = random.Random(seed)
    service = open_service(url)
    try:
        profiles = [
            service.accounts.create_profile(f"trainee-{k:03d}", "trainee", cohort=f"cohort-{k % 5}").id
            for k in range(200)
        ]
        versions = []
        for path in sorted(scenario_folder.glob("*.yaml"))[:scenarios]:
            loaded = load_scenario_file(path)
            assert loaded.scenario is not None, loaded.problems
            versions.append((service.scenarios.register_scenario(loaded).id, loaded.scenario))
        start = datetime(2026, 1, 1, tzinfo=UTC)
        attempt_rows: list[dict[str, object]] = []
        answer_rows: list[dict[str, object]] = []
        attempt_id = 0
        while len(answer_rows) < answers:
            attempt_id += 1
            version_id, scenario = rng.choice(versions)
            when = start + timedelta(minutes=attempt_id)
            credits = []
            for decision in scenario.decisions:
                if len(answer_rows) >= answers:
                    break
                # Stronger trainees pick the panel's choice more often: gives discrimination a spread.
                skill = (attempt_id % 7) / 7
                options = [o.id for o in decision.options]
                option = options[0] if rng.random() < skill else rng.choice(options)
                value = credit(decision, option)
                credits.append(value)
                answer_rows.append(
                    {
                        "attempt_id": attempt_id,
                        "decision_id": decision.decision,
                        "option_id": option,
                        "competency": decision.competency,
                        "seconds": rng.uniform(5, 90),
                        "credit": value,
                        "answered_at": when,
                    }
                )
            attempt_rows.append(
                {
                    "id": attempt_id,
                    "uid": str(UUID(int=rng.getrandbits(128), version=4)),
                    "profile_id": rng.choice(profiles),
                    "version_id": version_id,
                    "mode": "practice",
                    "started_at": when,
                    "finished_at": when + timedelta(minutes=50),
                    "total": 100.0 * sum(credits) / len(credits),
                }
            )
        with service.db.engine.begin() as connection:  # benchmark data only
            connection.execute(insert(m.Attempt), attempt_rows)
            connection.execute(insert(m.AnswerRow), answer_rows)
    finally:
        service.close()
    return {
        "profiles": len(profiles),
        "scenarios": len(versions),
        "attempts": len(attempt_rows),
        "answers": len(answer_rows),
    }
