"""The short GIL switch interval is on while any worker is inside, and restored after the last."""

from __future__ import annotations

import sys

from balint_trainer.gui.switch_interval import SHORT_INTERVAL_S, short_switch_interval


def test_overlapping_users_keep_the_short_interval_until_the_last_leaves() -> None:
    before = sys.getswitchinterval()
    first, second = short_switch_interval(), short_switch_interval()
    first.__enter__()
    assert sys.getswitchinterval() == min(before, SHORT_INTERVAL_S)
    second.__enter__()
    first.__exit__(None, None, None)  # the first one out (a cancelled load) must not restore yet
    assert sys.getswitchinterval() == min(before, SHORT_INTERVAL_S)
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


def test_the_interval_is_restored_when_the_work_raises() -> None:
    before = sys.getswitchinterval()
    try:
        with short_switch_interval():
            raise ValueError("the database could not be opened")
    except ValueError:
        pass
    assert sys.getswitchinterval() == before
