"""A realistic trainee report for layout tests: a bundled scenario, several attempts, long comments."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from balint_trainer.core import scoring
from balint_trainer.core.validation import load_scenario_file
from balint_trainer.services.dto import Answer, Attempt, Comment, Profile, ScenarioVersion

SCENARIO = Path(__file__).resolve().parent.parent / "scenarios" / "gp-heartsink-frequent-attender.yaml"
T0 = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
LONG_COMMENT = (
    "You moved in quickly here. Next time try leaving the silence a little longer and see whether "
    "the group finds its own way back to the doctor's feelings; the presenter may need that space "
    "more than a question from the leader."
)


class RichService:
    """The read methods the reports use, over a bundled scenario and three attempts."""

    def __init__(self) -> None:
        loaded = load_scenario_file(SCENARIO)
        assert loaded.ok and loaded.text is not None and loaded.scenario is not None
        scenario = loaded.scenario
        self.version = ScenarioVersion(1, scenario.id, loaded.sha256, scenario.title, loaded.text, T0)
        self.profiles = {1: Profile(1, "Dr Ada Trainee", "trainee", "Spring 2026", uid=str(uuid.UUID(int=1)))}
        self.attempt_list = []
        self.comment_list = []
        for n in range(3):
            answers = []
            credits = []
            for k, step in enumerate(scenario.decisions):
                ids = [o.id for o in step.options]
                modal = scoring.modal_options(step)
                option = modal[0] if (k + n) % 2 == 0 else ids[(ids.index(modal[0]) + 1) % len(ids)]
                credit = scoring.credit(step, option)
                credits.append(credit)
                answers.append(
                    Answer(
                        step.decision,
                        option,
                        "Can we stay with what it was like for you in the room?" if k == 1 else None,
                        20.0 + 7 * k,
                        credit,
                        T0 + timedelta(days=7 * n, minutes=k + 1),
                        step.competency,
                    )
                )
                if k in (0, 3):
                    self.comment_list.append(
                        Comment(
                            len(self.comment_list) + 1,
                            10 + n,
                            step.decision,
                            2,
                            "Supervisor Sue",
                            LONG_COMMENT,
                            T0 + timedelta(days=7 * n, hours=2),
                        )
                    )
            self.attempt_list.append(
                Attempt(
                    10 + n,
                    str(uuid.UUID(int=10 + n)),
                    1,
                    scenario.id,
                    1,
                    loaded.sha256,
                    "practice",
                    T0 + timedelta(days=7 * n),
                    T0 + timedelta(days=7 * n, minutes=30),
                    100 * sum(credits) / len(credits),
                    tuple(answers),
                )
            )

    @property
    def accounts(self):  # type: ignore[no-untyped-def]
        return self  # one object plays every role the reports read from

    practice = review = scenarios = accounts

    def profile(self, profile_id: int) -> Profile:
        return self.profiles[profile_id]

    def attempts(self, *, profile_id=None, scenario_id=None, finished=None):  # type: ignore[no-untyped-def]
        return [a for a in self.attempt_list if finished is None or a.finished == finished]

    def attempt(self, attempt_id: int) -> Attempt:
        return next(a for a in self.attempt_list if a.id == attempt_id)

    def comments(self, attempt_id: int):  # type: ignore[no-untyped-def]
        return [c for c in self.comment_list if c.attempt_id == attempt_id]

    def scenario_version(self, version_id: int) -> ScenarioVersion:
        return self.version
