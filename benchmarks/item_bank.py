"""Surface-strategy figures of the bundled item bank (issue 10): not a timing, a measurement.

    python benchmarks/item_bank.py [FOLDER]     (default: scenarios/)

Prints what a trainee who never reads the case would score by always picking the longest
option, the one with most words, or the first, next to chance (a random pick), and how
often the panel's choice is strictly the longest option. ``balint-trainer audit`` applies
the limits; this prints the figures to follow while the item bank is rewritten.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from balint_trainer.core.audit_library import audit_paths  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "scenarios"
    library = audit_paths([folder])
    for result in library.invalid:
        print(f"{result.filename}: invalid, not counted", file=sys.stderr)
    decisions = library.decisions
    if not decisions:
        print(f"{folder}: no valid scenario", file=sys.stderr)
        return 1
    scores = library.scores()
    in_file_order = 100 * sum(d.credits[0] for d in decisions) / len(decisions)
    rows = [
        ("files", f"{len(library.files)}"),
        ("decisions", f"{len(decisions)}"),
        ("panel's choice strictly the longest", f"{100 * library.longest_key_share():.1f} %"),
        ("always the longest option", f"{scores['longest']:.1f}"),
        ("always the option with most words", f"{scores['most-words']:.1f}"),
        ("always the shortest option", f"{scores['shortest']:.1f}"),
        ("always the option with fewest words", f"{scores['fewest-words']:.1f}"),
        ("never the longest option", f"{scores['not-longest']:.1f}"),
        ("always the first option, as shown", f"{scores['first']:.1f}"),
        ("always the first option in file order", f"{in_file_order:.1f}"),
        ("random pick (chance)", f"{scores['random']:.1f}"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"Item bank: {folder}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>8}")
    print("  (scores: expected scenario score 0-100, every decision counted once)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
