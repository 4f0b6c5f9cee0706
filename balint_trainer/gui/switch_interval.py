"""A short GIL switch interval while a worker thread runs Python next to a live window.

A thread running Python (imports while the database opens, parsing) keeps the GIL until the
interpreter asks it to switch, every ``sys.getswitchinterval()`` (5 ms by default). Each call Qt
makes from C++ into Python on the UI thread (every ``data()`` of a table while it paints, every
event handler written in Python) waits that long for it. A short interval keeps those waits
short; it costs nothing while nobody else wants the GIL.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

SHORT_INTERVAL_S = 0.0005
_lock = threading.Lock()
_users = [0, 0.005]  # workers inside, the interval to restore when none is


@contextlib.contextmanager
def short_switch_interval() -> Iterator[None]:
    """The short interval while any caller is inside (workers may overlap; the last restores)."""
    with _lock:
        if _users[0] == 0:
            _users[1] = sys.getswitchinterval()
            sys.setswitchinterval(min(_users[1], SHORT_INTERVAL_S))
        _users[0] += 1
    try:
        yield
    finally:
        with _lock:
            _users[0] -= 1
            if _users[0] == 0:
                sys.setswitchinterval(_users[1])
