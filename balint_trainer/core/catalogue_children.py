"""A library load whose cache misses are parsed in child processes (the GUI's first load).

A worker thread parsing YAML and validating with pydantic holds the GIL, and the UI thread
waits for it on every call into Python (each ``data()`` of the table while it paints): the
window stalls for hundreds of milliseconds. Children have their own GIL. This process only
stats files, looks them up in the catalogue cache, and adopts the children's records (the
cache's own index entries, so the index is saved as after an in-process load).

Files are handed out a few at a time to whichever child is free and their results are taken
in file order, so the entries, duplicates and user copies come out exactly as in process.
Anything a child cannot do (a file the cache does not keep, a failure, a child that dies or
never starts) is loaded in this process, as before: no file is ever lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balint_trainer.core.catalogue_index import gc_paused

if TYPE_CHECKING:
    from balint_trainer.core.catalogue_cache import CatalogueCache
    from balint_trainer.core.validation import LoadedScenario

# Below this many misses the files are parsed in this process: a child costs ~0.4 s to start
# (Python, pydantic, the model; more on a busy machine, as it runs at low priority) and a file
# ~7 ms to parse. Measured on 2 busy cores (medians of 3 paired loads, in process vs children):
# 16 files 0.26 vs 1.13 s, 64 files 0.46 vs 0.99 s, 128 files 1.05 vs 1.84 s. So a few changed
# files are parsed here (a short stall beats a wait), a first load in children, and a warm
# start (no misses) starts no child at all.
CHILD_THRESHOLD = 100
# Paths sent to a child ahead of its answers: enough to keep it busy between our reads, few
# enough that a write to its stdin never blocks on a full pipe.
IN_FLIGHT = 8
_MODULE = "balint_trainer.core.catalogue_child"
_BOOT = (
    "import runpy, sys; sys.path[0] = sys.argv.pop(1); "
    "runpy.run_module(sys.argv.pop(1), run_name='__main__', alter_sys=True)"
)
# Windows: no console window, and below the app's priority (POSIX children lower their own: see
# catalogue_child.NICENESS for why).
_CREATION_FLAGS = getattr(subprocess, "CREATE_NO_WINDOW", 0) | getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0)

children_started = [0]  # how many child processes have been started (tests)
_live_lock = threading.Lock()
_live: set[subprocess.Popen[bytes]] = set()


def child_count() -> int:
    """One child per core, up to four. On 2 cores, two children made a first load of 1,000
    files ready in 9.3 s against 11.9 s with one (medians of 5 paired launches on a busy machine;
    longest stall 154 vs 152 ms, before children ran below the window's priority). Four is a cap for bigger machines (each child costs ~0.4 s to start and ~40 MiB),
    not a measured optimum."""
    return max(1, min(4, os.cpu_count() or 1))


def live_children() -> list[subprocess.Popen[bytes]]:
    """Child processes started and not yet reaped (tests: nothing is left running)."""
    with _live_lock:
        return [p for p in _live if p.poll() is None]


def can_use_children() -> bool:
    # A frozen app has no ``python -m`` to run (its executable is the app itself): in process.
    return not getattr(sys, "frozen", False) and bool(sys.executable)


class _Child:
    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self.proc = proc
        self.sent: set[int] = set()  # indices sent and not answered yet
        self.stdin_closed = False
        self.thread: threading.Thread | None = None


class ChildParse:
    """The loaded scenario of each file of one load, in order (see :meth:`loaded`)."""

    def __init__(
        self,
        cache: CatalogueCache,
        cancelled: Callable[[], bool] | None = None,
        *,
        children: int | None = None,
        threshold: int | None = None,
    ) -> None:
        self.cache = cache
        self._cancelled = cancelled
        self._children_wanted = children if children is not None else child_count()
        self._threshold = CHILD_THRESHOLD if threshold is None else threshold
        self._cond = threading.Condition()
        self._queue: deque[int] = deque()
        self._names: dict[int, str] = {}
        self._results: dict[int, Any] = {}
        self._children: list[_Child] = []
        self._alive = 0  # children still answering
        self._stopped = False

    @property
    def processes(self) -> list[subprocess.Popen[bytes]]:
        return [c.proc for c in self._children]

    def loaded(
        self,
        files: Sequence[tuple[Path | str, bool, bool]],
        stats: Sequence[os.stat_result | None] | None = None,
    ) -> Iterator[LoadedScenario | None]:
        """One item per ``(path, bundled, exists)``, in order: the file's loaded scenario, or
        None where the caller loads it itself (a missing folder, a child's failure, or every
        miss when there are too few to be worth a child). Ends early only if cancelled. ``stats``:
        each file's ``os.stat`` where the caller has it (one system call less per file)."""
        hits: list[LoadedScenario | None] = []
        misses: list[int] = []
        lookup = self._lookup
        with gc_paused():  # no yield inside
            for index, (path, _bundled, exists) in enumerate(files):
                if index % 256 == 0 and self._is_cancelled():
                    return
                hit = lookup(path, stats[index] if stats is not None else None) if exists else None
                hits.append(hit)
                if exists and hit is None:
                    misses.append(index)
                    self._names[index] = str(path)
        stats = None  # not held while the children parse
        if len(misses) >= max(1, self._threshold) and can_use_children():
            self._start(misses)
        try:
            for index, hit in enumerate(hits):
                if index not in self._names or not self._children:
                    yield hit
                    continue
                answered, result = self._answer(index)
                if not answered:
                    return  # cancelled
                yield self._adopt(index, result)
        finally:
            self.stop()

    def _adopt(self, index: int, result: Any) -> LoadedScenario | None:
        if result is None:
            return None
        try:
            return self.cache.adopt(self._names[index], result)
        except Exception:  # whatever a record does, the file is then loaded here
            return None

    def _lookup(self, path: Path | str, stat: os.stat_result | None) -> LoadedScenario | None:
        try:
            return self.cache.lookup(path, stat)
        except Exception:  # the caller's own load phrases whatever this was
            return None

    def _is_cancelled(self) -> bool:
        return self._cancelled is not None and self._cancelled()

    # -- the children ------------------------------------------------------

    def _start(self, misses: list[int]) -> None:
        self._queue.extend(misses)
        # ``python -m``, with the folder holding this very package first on the path (the same
        # validator, so the same cache fingerprint, even where another copy is installed) in
        # place of the working directory (a stray json.py there must not run).
        root = str(Path(__file__).resolve().parents[2])
        command = [sys.executable, "-c", _BOOT, root, _MODULE]
        for _ in range(min(self._children_wanted, len(misses))):
            try:
                proc = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    creationflags=_CREATION_FLAGS,
                )
            except (OSError, ValueError, subprocess.SubprocessError):
                break  # what no child takes is loaded in this process
            children_started[0] += 1
            self._alive += 1
            with _live_lock:
                _live.add(proc)
            child = _Child(proc)
            self._children.append(child)
            child.thread = threading.Thread(
                target=self._serve, args=(child,), name="catalogue-child", daemon=True
            )
            child.thread.start()

    def _serve(self, child: _Child) -> None:
        """One thread per child: feeds it paths, files its answers under their index."""
        try:
            self._feed(child, IN_FLIGHT)
            assert child.proc.stdout is not None
            for line in child.proc.stdout:
                number, _, text = line.partition(b"\t")
                index, record = int(number), json.loads(text)
                with self._cond:
                    if index not in child.sent:
                        break  # not an answer to us: treat the child as broken
                    child.sent.discard(index)
                    self._results[index] = record if record else None
                    self._cond.notify_all()
                self._feed(child, 1)
        except (OSError, ValueError, TypeError, AssertionError, UnicodeDecodeError):
            pass  # a dead or garbled child: its files are loaded in this process
        finally:
            with self._cond:
                self._alive -= 1
                for index in child.sent:
                    self._results.setdefault(index, None)
                child.sent.clear()
                self._cond.notify_all()
            with contextlib.suppress(OSError):
                child.proc.kill()

    def _feed(self, child: _Child, count: int) -> None:
        with self._cond:
            batch = [self._queue.popleft() for _ in range(min(count, len(self._queue)))]
            child.sent.update(batch)
            close = not self._queue and not child.stdin_closed
            child.stdin_closed = child.stdin_closed or close
        stdin = child.proc.stdin
        assert stdin is not None
        if batch:
            stdin.write(b"".join(json.dumps([i, self._names[i]]).encode("ascii") + b"\n" for i in batch))
            stdin.flush()
        if close:
            stdin.close()  # the child exits after its last answer

    def _answer(self, index: int) -> tuple[bool, Any]:
        """(True, the child's (record, its text) or None) for file ``index``; (False, None) if
        cancelled."""
        while True:
            with self._cond:
                if index in self._results:
                    return True, self._results.pop(index)
                if not self._alive:
                    return True, None  # nobody left to parse it: this process does
                self._cond.wait(0.05)
            if self._is_cancelled():  # polled: Cancel and quitting stop the children soon
                return False, None

    def stop(self) -> None:
        """End the children (killed if still running: they hold nothing worth keeping) and
        their threads; called by :meth:`loaded` when it ends, however it ends."""
        with self._cond:
            self._stopped = True
            self._queue.clear()
            self._cond.notify_all()
        for child in self._children:
            with contextlib.suppress(OSError):
                if child.proc.poll() is None:
                    child.proc.kill()
        for child in self._children:
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                child.proc.wait(5)
            if child.thread is not None:
                child.thread.join(5)
            for pipe in (child.proc.stdin, child.proc.stdout):
                with contextlib.suppress(OSError, ValueError):
                    if pipe is not None:
                        pipe.close()
            with _live_lock:
                _live.discard(child.proc)

