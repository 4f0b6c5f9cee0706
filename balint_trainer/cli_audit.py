"""``balint-trainer audit PATH... [--json] [--threshold N]``: the item-writing audit.

Prints every warning as ``FILE:LINE:COL: warning AUDxxx: message``, per scenario a table of
what surface strategies would score next to chance, and a library-wide summary line.
Exit 1 when a surface strategy beats chance by more than the limits (or a file is invalid),
0 otherwise (warnings alone do not fail), 2 for usage errors (argparse).
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from balint_trainer.core.audit import STRATEGIES, STRATEGY_LABELS, ScenarioAudit
from balint_trainer.core.audit_library import FILE_MARGIN, LIBRARY_MARGIN, LibraryAudit, audit_paths

EXIT_OK, EXIT_FAILED = 0, 1


def _first_note(audit: ScenarioAudit) -> str:
    shuffled = sum(d.shuffle for d in audit.decisions)
    if shuffled == len(audit.decisions):
        return "  (options shuffled: the first shown is a random one)"
    if shuffled:
        return f"  ({shuffled} of {len(audit.decisions)} decisions shuffled: random there)"
    return ""


def _print_table(audit: ScenarioAudit, out: TextIO) -> None:
    scores = audit.scores()
    chance = scores["random"]
    print(f"{audit.filename} ({audit.scenario_id}), {len(audit.decisions)} decision(s)", file=out)
    print(f"  {'strategy':<24} {'expected':>8} {'chance':>7}", file=out)
    for name in STRATEGIES:
        note = _first_note(audit) if name == "first" else ""
        print(f"  {STRATEGY_LABELS[name]:<24} {scores[name]:>8.1f} {chance:>7.1f}{note}", file=out)


def summary_line(library: LibraryAudit) -> str:
    scores = library.scores()
    return (
        f"library: {len(library.decisions)} decision(s) in {len(library.files)} file(s); "
        f"panel's choice strictly the longest in {100 * library.longest_key_share():.1f} %; "
        f"always the longest {scores['longest']:.1f}, most words {scores['most-words']:.1f}, "
        f"always the first {scores['first']:.1f}, random {scores['random']:.1f} (chance)"
    )


def _as_json(library: LibraryAudit, failures: list[str]) -> dict[str, Any]:
    return {
        "files": [audit.as_json() for audit in library.files],
        "invalid": [
            {"file": result.filename, "problems": [str(p) for p in result.problems]}
            for result in library.invalid
        ],
        "library": {
            "files": len(library.files),
            "decisions": len(library.decisions),
            "key_strictly_longest_share": library.longest_key_share(),
            "scores": library.scores(),
        },
        "failures": failures,
        "passed": not failures and not library.invalid and bool(library.files),
    }


def cmd_audit(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = audit_paths(args.paths)
    margin = LIBRARY_MARGIN if args.threshold is None else args.threshold
    failures = library.failures(margin, FILE_MARGIN)
    if args.json:
        json.dump(_as_json(library, failures), out, indent=2)
        out.write("\n")
    else:
        for result in library.invalid:
            for problem in result.problems:
                print(problem, file=out)
        for warning in library.warnings:
            print(warning, file=out)
        for audit in library.files:
            print(file=out)
            _print_table(audit, out)
        if library.files:
            print(file=out)
            print(summary_line(library), file=out)
    if not library.files and not library.invalid:
        print("no scenario files found", file=err)
        return EXIT_FAILED
    for reason in failures:
        print(f"audit failed: {reason}", file=err)
    if library.invalid:
        print(
            f"{len(library.invalid)} invalid file(s) not audited; run 'balint-trainer validate' on them",
            file=err,
        )
    return EXIT_FAILED if failures or library.invalid else EXIT_OK
