"""Shared by the screenshot scripts in tools/: a throw-away app's event loop, grabbing, seeding."""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

REPO = Path(__file__).resolve().parent.parent
# This checkout's package, not whichever one the environment has installed.
sys.path.insert(0, str(REPO))
SCENARIO = "gp-heartsink-frequent-attender"
SEED = "screenshots"
NOTES = (
    "Holds the frame without reprimand.",
    "Keeps the group with the doctor and the patient.",
    "A first meeting: the leader says it once, for everyone.",
)
TRAINEES = ("Amira Haddad", "Ben Okafor", "Chloe Martin", "Dev Patel")


def settle(app: QApplication, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def wait_until(app: QApplication, condition: Callable[[], Any], timeout: float = 10.0) -> None:
    """Process events until ``condition()`` holds (worker threads deliver through the loop)."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)
    settle(app)


class Shooter:
    def __init__(self, app: QApplication, out: Path, only: set[str] | None) -> None:
        self.app, self.out, self.only = app, out, only
        self.failed: list[str] = []

    def wanted(self, name: str) -> bool:
        return self.only is None or name in self.only

    def grab(self, widget: QWidget, name: str) -> None:
        if not self.wanted(name):
            return
        settle(self.app)
        path = self.out / f"{name}.png"
        widget.grab().save(str(path))
        print(f"wrote {path}")

    def run(self, name: str, shot: Callable[[], None], also: tuple[str, ...] = ()) -> None:
        """``also``: further screenshots this flow makes on its way."""
        if not any(self.wanted(n) for n in (name, *also)):
            return
        try:
            shot()
        except Exception:  # one broken flow must not lose the other screenshots
            traceback.print_exc()
            self.failed.append(name)


def answer(
    service: Any, attempt: Any, scenario: Any, pick: Callable[[Any, list[str]], str], words: str | None = None
) -> None:
    from balint_trainer.core.option_order import shown_order
    from balint_trainer.core.scoring import credit

    for step in scenario.decisions:
        order = list(shown_order(step, attempt.option_seed))
        option = pick(step, order)
        service.practice.record_answer(
            attempt.id,
            step.decision,
            option,
            credit=credit(step, option),
            shown_order=order,
            own_words=words if step is scenario.decisions[0] else None,
            seconds=20.0,
        )
    service.practice.finish_attempt(attempt.id)


def modal(step: Any) -> str:
    from balint_trainer.core.scoring import credit

    return max((o.id for o in step.options), key=lambda o: credit(step, o))
