"""``validate`` of a large library in worker processes, reported in file order.

Validation is Python (parse building, pydantic, cross checks): one process uses one
core. Workers each take a chunk of files; the parent keeps the order, checks that
ids are unique across the whole run (as :func:`validation.iter_validated` does) and
holds only a few chunks at a time, so memory stays flat however large the library.
Small inputs stay in-process: starting a worker costs a fresh interpreter and the
pydantic import (a few tenths of a second).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from balint_trainer.core.problems import Problem

if TYPE_CHECKING:
    from balint_trainer.core.validation import LoadedScenario

# Below this many files a worker's start-up costs more than it saves.
MIN_FILES = 200
CHUNK_FILES = 16
# Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
CHUNKS_AHEAD = 3


@dataclass
class Checked:
    """What ``validate`` reports of one file (the scenario itself stays in the worker)."""

    filename: str
    problems: list[Problem] = field(default_factory=list)
    scenario_id: str | None = None  # of a valid scenario
    text: str | None = None  # of a valid scenario: where a duplicate id is, if it is one

    @property
    def ok(self) -> bool:
        return self.scenario_id is not None and not any(p.is_error for p in self.problems)


def check_files(paths: Sequence[str]) -> list[Checked]:
    """Validate files one by one (a worker's chunk); never raises for bad input."""
    from balint_trainer.core.validation import load_scenario_file

    out = []
    for path in paths:
        result = load_scenario_file(path)
        valid = result.scenario is not None
        out.append(
            Checked(
                result.filename,
                result.problems,
                result.scenario.id if result.scenario is not None else None,
                result.text if valid else None,
            )
        )
    return out


def iter_checked(paths: Sequence[str | Path], jobs: int) -> Iterator[Checked | LoadedScenario]:
    """Every scenario file under ``paths``, checked in ``jobs`` processes, in file order.

    Fewer than :data:`MIN_FILES` files, or one job: :func:`validation.iter_validated`.
    """
    from balint_trainer.core import validation

    files = [str(path) for path in validation.iter_scenario_paths(paths)]
    if jobs <= 1 or len(files) < MIN_FILES:
        yield from validation.iter_validated(files)
        return
    first_by_id: dict[str, str] = {}
    for checked in _checked_in_order(files, jobs):
        if checked.scenario_id is not None:
            problem = validation.unique_id_problem(
                checked.filename, checked.text, checked.scenario_id, first_by_id
            )
            if problem is not None:
                checked.problems.append(problem)
                checked.scenario_id = None
        checked.text = None
        yield checked


def _checked_in_order(files: list[str], jobs: int) -> Iterator[Checked]:
    import multiprocessing

    chunks = [files[start : start + CHUNK_FILES] for start in range(0, len(files), CHUNK_FILES)]

    try:  # spawn: a fresh interpreter, safe whatever threads the caller runs
        executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))
    except (OSError, ImportError):  # no process support here (a sandbox without semaphores)
        for chunk in chunks:
            yield from check_files(chunk)
        return
    pending: deque[Future[list[Checked]]] = deque()
    done = 0  # chunks yielded
    try:
        try:
            for chunk in chunks:
                if len(pending) >= jobs * CHUNKS_AHEAD:
                    yield from pending.popleft().result()
                    done += 1
                pending.append(executor.submit(check_files, chunk))
            while pending:
                yield from pending.popleft().result()
                done += 1
        except (OSError, BrokenProcessPool):  # no processes here (a sandbox), or a worker died
            for chunk in chunks[done:]:  # finish in this process, from the first chunk not reported
                yield from check_files(chunk)
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)
