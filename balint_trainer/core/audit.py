"""Item-writing audit: can a trainee score well without reading the case?

For valid scenarios this computes what surface strategies (always the longest option,
the one with most words, always the first) would score against chance (a random pick),
with credit as the contract defines it (votes / modal votes), and warns about the
item-writing flaws that make such strategies work. Codes and thresholds are documented
in docs/scenario-format.md ("Item-writing audit"). Qt-free; used by ``balint-trainer
audit`` and the scenario editor. A whole library (limits, the cross-file check AUD007):
:mod:`balint_trainer.core.audit_library`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from balint_trainer.core.audit_text import (
    FORM_LABELS,
    content_words,
    cue_words,
    grammatical_form,
    plain_text,
    words,
)
from balint_trainer.core.model import DecisionStep, Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.scoring import credits
from balint_trainer.core.yamlsource import locate

KEY_LENGTH_MARGIN = 1.1  # AUD001: the longest key at least 10 % longer than the next (less is not seen)
LENGTH_RATIO_LIMIT = 2.0  # AUD002: longest option more than twice the shortest (in characters)
KEY_POSITION_MIN_DECISIONS = 3  # AUD003: needs this many unshuffled decisions in the file …
KEY_POSITION_SHARE = 0.75  # … and the key in the same position in at least this share of them

# The reverse cues count too: a library whose keys are never the longest teaches "the long one
# is a trap" as surely as one whose keys always are.
STRATEGIES = ("longest", "most-words", "shortest", "fewest-words", "not-longest", "first", "random")
SURFACE_STRATEGIES = STRATEGIES[:-1]
STRATEGY_LABELS = {
    "longest": "always the longest",
    "most-words": "always the most words",
    "shortest": "always the shortest",
    "fewest-words": "always the fewest words",
    "not-longest": "never the longest",
    "first": "always the first",
    "random": "random pick (chance)",
}


def decision_shuffles(decision: DecisionStep) -> bool:
    """Whether the app shuffles this decision's options (``shuffle: false`` opts out)."""
    return bool(getattr(decision, "shuffle", True))


@dataclass(frozen=True, order=True)
class AuditWarning:
    file: str
    line: int
    column: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: warning {self.code}: {self.message}"

    def as_problem(self) -> Problem:
        return Problem(self.file, self.line, self.column, f"{self.code}: {self.message}", "warning")

    def as_json(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column, "code": self.code,
                "message": self.message}  # fmt: skip


@dataclass
class DecisionAudit:
    id: str
    option_ids: list[str]
    credits: list[float]
    lengths: list[int]  # characters of the plain text
    word_counts: list[int]
    shuffle: bool
    key_strictly_longest: bool
    strategies: dict[str, float]  # expected credit 0..1 per strategy

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "options": [
                {"id": o, "credit": c, "characters": n, "words": w}
                for o, c, n, w in zip(
                    self.option_ids, self.credits, self.lengths, self.word_counts, strict=True
                )
            ],
            "shuffle": self.shuffle,
            "key_strictly_longest": self.key_strictly_longest,
            "strategies": self.strategies,
        }


@dataclass
class _Key:
    """One option of the panel's choice, remembered for the cross-file comparison."""

    decision: str
    path: tuple[Any, ...]
    tokens: frozenset[str]


@dataclass
class ScenarioAudit:
    filename: str
    scenario_id: str
    decisions: list[DecisionAudit]
    warnings: list[AuditWarning] = field(default_factory=list)
    keys: list[_Key] = field(default_factory=list)
    locator: _Locator | None = None

    def scores(self) -> dict[str, float]:
        return scores_of(self.decisions)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.filename,
            "id": self.scenario_id,
            "scores": self.scores(),
            "decisions": [d.as_json() for d in self.decisions],
            "warnings": [w.as_json() for w in sorted(self.warnings)],
        }


def scores_of(decisions: Sequence[DecisionAudit]) -> dict[str, float]:
    """Expected scenario score (0..100) per strategy: 100 × mean expected credit."""
    if not decisions:
        return {name: 0.0 for name in STRATEGIES}
    return {name: 100 * sum(d.strategies[name] for d in decisions) / len(decisions) for name in STRATEGIES}


class _PositionLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Composes nodes without resolving their tags: only positions are needed (a third faster)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return ""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class _Locator:
    """Positions of paths in the file, from a YAML node tree composed on first use only."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def at(self, path: Sequence[Any]) -> tuple[int, int]:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self.text or "", Loader=_PositionLoader)
            except (yaml.YAMLError, RecursionError, ValueError):
                self._root = None  # the file validated, so this is not expected; positions fall back to 1:1
        return locate(self._root, path)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def _best_of(values: Sequence[int], credit: Sequence[float]) -> float:
    top = max(values)
    return _mean([c for v, c in zip(values, credit, strict=True) if v == top])


def _avoiding_longest(lengths: Sequence[int], credit: Sequence[float]) -> float:
    """A random pick among the options that are not the longest (all, when all tie)."""
    top = max(lengths)
    rest = [c for n, c in zip(lengths, credit, strict=True) if n != top]
    return _mean(rest) if rest else _mean(credit)


def _decision_audit(decision: DecisionStep, texts: Sequence[str]) -> DecisionAudit:
    table = credits(decision)
    credit = [table[o.id] for o in decision.options]
    lengths = [len(t) for t in texts]
    counts = [len(words(t)) for t in texts]
    shuffle = decision_shuffles(decision)
    longest = max(lengths)
    strictly = lengths.count(longest) == 1 and credit[lengths.index(longest)] == 1.0
    chance = _mean(credit)
    return DecisionAudit(
        id=decision.decision,
        option_ids=[o.id for o in decision.options],
        credits=credit,
        lengths=lengths,
        word_counts=counts,
        shuffle=shuffle,
        key_strictly_longest=strictly,
        strategies={
            "longest": _best_of(lengths, credit),
            "most-words": _best_of(counts, credit),
            "shortest": _best_of([-n for n in lengths], credit),
            "fewest-words": _best_of([-n for n in counts], credit),
            "not-longest": _avoiding_longest(lengths, credit),
            "first": chance if shuffle else credit[0],  # shuffled: the first shown is a random one
            "random": chance,
        },
    )


def _quoted(ids: Iterable[str]) -> str:
    return ", ".join(f"'{i}'" for i in ids)


def audit_scenario(scenario: Scenario, filename: str, text: str | None) -> ScenarioAudit:
    """Audit one valid scenario (``text`` is its source, for the warnings' positions)."""
    where = _Locator(text)
    audit = ScenarioAudit(filename, scenario.id, [], locator=where)

    def warn(path: tuple[Any, ...], code: str, message: str) -> None:
        line, column = where.at(path)
        audit.warnings.append(AuditWarning(filename, line, column, code, message))

    unshuffled: list[tuple[tuple[Any, ...], int]] = []
    rated: list[bool] = []
    splits: list[tuple[int, ...]] = []
    first_decision: tuple[Any, ...] | None = None
    for index, step in enumerate(scenario.script):
        if not isinstance(step, DecisionStep):
            continue
        path: tuple[Any, ...] = ("script", index)
        first_decision = first_decision or path
        texts = [plain_text(o.text) for o in step.options]
        d = _decision_audit(step, texts)
        audit.decisions.append(d)
        keys = [i for i, c in enumerate(d.credits) if c == 1.0]
        others = [i for i, c in enumerate(d.credits) if c < 1.0]
        option_path = (*path, "options")
        for i in keys:
            audit.keys.append(_Key(d.id, (*option_path, i, "text"), content_words(texts[i])))

        shortest = max(min(d.lengths), 1)
        longest = max(d.lengths)
        k = d.lengths.index(longest)
        runner_up = max(n for i, n in enumerate(d.lengths) if i != k)
        if d.key_strictly_longest and others and longest >= KEY_LENGTH_MARGIN * runner_up:
            warn(
                (*option_path, k, "text"),
                "AUD001",
                f"the panel's choice (option '{d.option_ids[k]}') is the longest option, "
                f"{longest / shortest:.1f}× the shortest and {longest / max(runner_up, 1):.1f}× the next; "
                "someone who always picks the longest answer gets this right without reading the case. "
                "Shorten it or make the other options as full.",
            )
        elif others and longest / shortest > LENGTH_RATIO_LIMIT:
            long_id = d.option_ids[d.lengths.index(longest)]
            short_id = d.option_ids[d.lengths.index(min(d.lengths))]
            warn(
                option_path,
                "AUD002",
                f"the options differ a lot in length (option '{long_id}' is {longest / shortest:.1f}× "
                f"as long as option '{short_id}'); keep them about equally long so that length gives "
                "nothing away.",
            )

        if not d.shuffle and keys:
            unshuffled.append((path, keys[0]))

        key_cues = set().union(*(cue_words(texts[i]) for i in keys))
        other_cues = set().union(*(cue_words(texts[i]) for i in others))
        only_key = sorted(key_cues - other_cues)
        if only_key and others:
            k = next(i for i in keys if cue_words(texts[i]) & set(only_key))
            warn(
                (*option_path, k, "text"),
                "AUD004",
                f"only the panel's choice uses the word(s) {_quoted(only_key)}; softening, hedging or "
                "two-step words give the right answer away to someone guessing from the wording. Use them in other "
                "options too, or leave them out.",
            )

        forms = [grammatical_form(t) for t in texts]
        if len(set(forms)) > 1:
            groups: dict[str, list[str]] = {}
            for option_id, form in zip(d.option_ids, forms, strict=True):
                groups.setdefault(form, []).append(option_id)
            kinds = "; ".join(f"{FORM_LABELS[form]}: {_quoted(ids)}" for form, ids in groups.items())
            key_forms = {forms[i] for i in keys}
            alone = len(key_forms) == 1 and all(forms[i] not in key_forms for i in others)
            warn(
                option_path,
                "AUD005",
                f"the options are written in different forms ({kinds})"
                + (", and the panel's choice is the only one in its form" if alone else "")
                + ". Write every option the same way: all as what you would say, or all as what you would do.",
            )

        if d.shuffle:
            for field_path, field_text in _trainee_visible_texts(step, path):
                named = _letters_named(field_text, d.option_ids)
                if named:
                    warn(
                        field_path,
                        "AUD008",
                        f"this text names option(s) {_quoted(named)} by id, but options are shown in a "
                        "different order in each attempt, so the trainee never sees those letters. Name "
                        "the option by what it says (e.g. “asking about his father”) instead.",
                    )

        rated.append(_formulaic_ratings(step))
        splits.append(tuple(sorted((v for v in _votes(step) if v), reverse=True)))

    if len(unshuffled) >= KEY_POSITION_MIN_DECISIONS:
        position, count = Counter(p for _, p in unshuffled).most_common(1)[0]
        if count / len(unshuffled) >= KEY_POSITION_SHARE:
            first = next(path for path, p in unshuffled if p == position)
            warn(
                first,
                "AUD003",
                f"in {count} of the {len(unshuffled)} decisions that keep their option order "
                f"(shuffle: false) the panel's choice is option number {position + 1}; trainees learn "
                "the position. Vary where the best option stands, or let the app shuffle.",
            )
    if first_decision is not None:
        _panel_warnings(first_decision, rated, splits, warn)
    return audit


def _trainee_visible_texts(step: DecisionStep, path: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    """The decision's texts a trainee reads in feedback: prompt, rationale, option feedback, notes."""
    yield (*path, "prompt"), step.prompt
    yield (*path, "rationale"), step.rationale
    for i, option in enumerate(step.options):
        if option.feedback:
            yield (*path, "options", i, "feedback"), option.feedback
    for i, expert in enumerate(step.experts):
        if expert.note:
            yield (*path, "experts", i, "note"), expert.note


def _letters_named(text: str, option_ids: Sequence[str]) -> list[str]:
    """Short option ids the text refers to as "(c)" or "option c"."""
    short = [i for i in option_ids if len(i) <= 2]
    if not short:
        return []
    alternatives = "|".join(re.escape(i) for i in short)
    pattern = re.compile(rf"\((?:options?\s+)?({alternatives})\)|\boptions?\s+({alternatives})\b", re.IGNORECASE)
    found = {(m.group(1) or m.group(2)).lower() for m in pattern.finditer(text)}
    return [i for i in short if i.lower() in found]


def _votes(decision: DecisionStep) -> list[int]:
    counts = Counter(a.best for a in decision.experts)
    return [counts.get(o.id, 0) for o in decision.options]


def _formulaic_ratings(decision: DecisionStep) -> bool:
    """Every expert rates their own choice top and every other option 2 or lower."""
    for annotation in decision.experts:
        ratings = annotation.ratings
        if not ratings or annotation.best not in ratings:
            return False
        best = ratings[annotation.best]
        if best <= 2 or any(r > 2 for o, r in ratings.items() if o != annotation.best):
            return False
    return True


def _panel_warnings(
    path: tuple[Any, ...], rated: list[bool], splits: list[tuple[int, ...]], warn: Any
) -> None:
    advice = (
        "A real panel rarely looks like this: check that the experts annotated blind and "
        "independently (Tools → Expert annotation)."
    )
    n = len(splits)
    if n >= 2 and all(len(s) == 1 for s in splits):
        warn((*path, "experts"), "AUD006", f"the panel is unanimous in every decision ({n} of {n}). {advice}")
    elif n >= 3 and len(set(splits)) == 1:
        split = "-".join(map(str, splits[0]))
        warn((*path, "experts"), "AUD006", f"every decision has the same vote split ({split}). {advice}")
    if n >= 2 and all(rated):
        warn(
            (*path, "experts"),
            "AUD006",
            "in every decision each expert rates their own choice highest and every other option 2 or "
            f"lower, so the ratings add nothing to the votes. {advice}",
        )
