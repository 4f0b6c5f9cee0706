"""Fuzz the guarded path for untrusted input at a large budget and print counts.

    python benchmarks/fuzz_untrusted.py [--cases N] [--seed S]

Runs N cases (default 12,000: 60 % scenarios, 20 % packs, 20 % attempt bundles) of the
mutations in ``tests/fuzzing.py`` with seeded ``random.Random`` instances, so a run is
reproducible. Prints, per kind, how many inputs were accepted and refused, how many
broke the guarded path's promise (an exception escaped, or a problem without a position),
and the time taken; the first failures are printed with their case number. Exit code 1
when any case failed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import fuzzing  # noqa: E402 - after the path is set


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    counts: dict[str, Counter[str]] = {kind: Counter() for kind in ("scenario", "pack", "bundle")}
    seconds: Counter[str] = Counter()
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="fuzz-untrusted-") as folder:
        pack_path, bundle_path = Path(folder) / "p.zip", Path(folder) / "b.json"
        for case in range(args.cases):
            rng = Random(f"{args.seed}:{case}")
            share = case % 5
            kind = "scenario" if share < 3 else "pack" if share == 3 else "bundle"
            started = time.perf_counter()
            try:
                if kind == "scenario":
                    outcome = fuzzing.check_scenario(fuzzing.mutate(fuzzing.seed_scenario(rng), rng))
                elif kind == "pack":
                    outcome = fuzzing.check_pack(fuzzing.mutated_pack(rng), pack_path)
                else:
                    outcome = fuzzing.check_bundle(fuzzing.mutated_bundle(rng), bundle_path)
            except BaseException as exc:  # the point: count what escaped
                if isinstance(exc, KeyboardInterrupt):
                    raise
                outcome = "FAILED"
                if len(failures) < 10:
                    failures.append(f"case {case} ({kind}): {traceback.format_exc(limit=-3)}")
            seconds[kind] += time.perf_counter() - started
            counts[kind][outcome] += 1
    total = sum(sum(c.values()) for c in counts.values())
    print(f"{total:,} cases, seed {args.seed}")
    for kind, counter in counts.items():
        parts = ", ".join(f"{name} {value:,}" for name, value in sorted(counter.items()))
        print(f"  {kind:<8} {sum(counter.values()):>6,} cases  {seconds[kind]:6.1f} s  {parts}")
    failed = sum(c["FAILED"] for c in counts.values())
    print(f"failed: {failed:,}")
    for failure in failures:
        print("-" * 60)
        print(failure)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
