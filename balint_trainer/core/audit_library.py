"""The item-writing audit of a whole library: limits, the cross-file check (AUD007), loading.

Per-scenario figures and warnings: :mod:`balint_trainer.core.audit`; codes and thresholds
are documented in docs/scenario-format.md ("Item-writing audit").
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from balint_trainer.core.audit import (
    STRATEGY_LABELS,
    SURFACE_STRATEGIES,
    AuditWarning,
    DecisionAudit,
    ScenarioAudit,
    audit_scenario,
    scores_of,
)
from balint_trainer.core.audit_text import similar_sets
from balint_trainer.core.problems import Problem
from balint_trainer.core.scoring import ScoringError
from balint_trainer.core.validation import LoadedScenario, validate_paths

SIMILARITY_THRESHOLD = 0.6  # AUD007: Jaccard similarity of the keys' content words
LIBRARY_MARGIN = 12.0  # exit 1: a surface strategy beats chance by more points, library-wide
FILE_MARGIN = 25.0  # exit 1: … or by more points in a single file
LONGEST_KEY_SHARE_LIMIT = 0.40  # exit 1: the key is strictly the longest in more decisions …
LONGEST_KEY_SHARE_MIN_DECISIONS = 10  # … of a library of at least this many (fewer: too noisy)


@dataclass
class LibraryAudit:
    files: list[ScenarioAudit]
    invalid: list[LoadedScenario] = field(default_factory=list)

    @property
    def decisions(self) -> list[DecisionAudit]:
        return [d for f in self.files for d in f.decisions]

    def scores(self) -> dict[str, float]:
        """Library-wide expected scores: every decision of every file counts once."""
        return scores_of(self.decisions)

    def longest_key_share(self) -> float:
        decisions = self.decisions
        return sum(d.key_strictly_longest for d in decisions) / len(decisions) if decisions else 0.0

    def failures(self, margin: float = LIBRARY_MARGIN, file_margin: float = FILE_MARGIN) -> list[str]:
        """Why the item bank fails the audit (empty: it passes)."""
        reasons = []
        if self.decisions:
            scores = self.scores()
            for name in SURFACE_STRATEGIES:
                gain = scores[name] - scores["random"]
                if gain > margin:
                    reasons.append(
                        f"library: '{STRATEGY_LABELS[name]}' scores {scores[name]:.1f}, {gain:.1f} points "
                        f"above chance ({scores['random']:.1f}); the limit is {margin:g}"
                    )
            share = self.longest_key_share()
            if share > LONGEST_KEY_SHARE_LIMIT and len(self.decisions) >= LONGEST_KEY_SHARE_MIN_DECISIONS:
                reasons.append(
                    f"library: the panel's choice is strictly the longest option in {100 * share:.0f} % "
                    f"of decisions; the limit is {100 * LONGEST_KEY_SHARE_LIMIT:.0f} %"
                )
        for audit in self.files:
            scores = audit.scores()
            for name in SURFACE_STRATEGIES:
                gain = scores[name] - scores["random"]
                if gain > file_margin:
                    reasons.append(
                        f"{audit.filename}: '{STRATEGY_LABELS[name]}' scores {scores[name]:.1f}, "
                        f"{gain:.1f} points above chance; the limit per file is {file_margin:g}"
                    )
        return reasons

    @property
    def warnings(self) -> list[AuditWarning]:
        return sorted(w for f in self.files for w in f.warnings)


def cross_file_warnings(files: Sequence[ScenarioAudit], threshold: float = SIMILARITY_THRESHOLD) -> None:
    """AUD007: warn where a file's panel choice is nearly the same move as another file's.

    Identical token sets are grouped first, so a library of copies costs one comparison per
    distinct text, and each key gets one warning naming one other place and how many more.
    """
    keys = [(f, k) for f in files for k in f.keys if k.tokens]
    groups: dict[frozenset[str], list[int]] = {}
    for n, (_, key) in enumerate(keys):
        groups.setdefault(key.tokens, []).append(n)
    distinct = list(groups)
    per_file = [Counter(keys[n][0].filename for n in groups[tokens]) for tokens in distinct]
    neighbours = similar_sets(distinct, threshold)
    for g, tokens in enumerate(distinct):
        near = sorted(neighbours.get(g, ()), key=lambda pair: -pair[1])
        candidates = [(g, 1.0), *near]
        for n in groups[tokens]:
            mine, key = keys[n]
            others = sum(len(groups[distinct[o]]) - per_file[o][mine.filename] for o, _ in candidates)
            if not others:
                continue
            o, similarity = next(
                (o, sim) for o, sim in candidates if per_file[o][mine.filename] < len(groups[distinct[o]])
            )
            other, theirs = next(keys[m] for m in groups[distinct[o]] if keys[m][0].filename != mine.filename)
            line, column = mine.locator.at(key.path) if mine.locator else (1, 1)
            more = f", and {others - 1} more elsewhere" if others > 1 else ""
            mine.warnings.append(
                AuditWarning(
                    mine.filename,
                    line,
                    column,
                    "AUD007",
                    f"the panel's choice here is nearly the same move as the panel's choice in "
                    f"{other.filename} (decision '{theirs.decision}'; {100 * similarity:.0f} % of the "
                    f"content words shared{more}); a trainee who has met one knows the other. Vary the "
                    "move or its wording.",
                )
            )


def audit_loaded(results: Iterable[LoadedScenario]) -> LibraryAudit:
    library = LibraryAudit([])
    for result in results:
        if result.scenario is None or not result.ok:
            library.invalid.append(result)
            continue
        try:
            library.files.append(audit_scenario(result.scenario, result.filename, result.text))
        except ScoringError as exc:  # not expected of a valid file; reported, never a traceback
            result.problems.append(Problem(result.filename, 1, 1, str(exc)))
            library.invalid.append(result)
    cross_file_warnings(library.files)
    return library


def audit_paths(paths: Iterable[str | Path]) -> LibraryAudit:
    """Validate and audit files and folders (folders are walked as ``validate`` does)."""
    # As in `validate`: the cyclic GC would rescan every scenario kept so far after each file.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return audit_loaded(validate_paths(paths))
    finally:
        if gc_was_enabled:
            gc.enable()
