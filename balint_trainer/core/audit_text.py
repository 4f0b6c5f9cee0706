"""Text measures for the item-writing audit (:mod:`balint_trainer.core.audit`).

Option texts are Markdown; every measure works on the plain text (markup stripped,
whitespace folded), so ``**gently**`` and ``gently`` count the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from math import ceil

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_`~#>|]+")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:['’]\w+)*")

# Softening, hedging and two-step words that test-wise readers learn to spot in the key
# (the "cue words" below are matched as whole words, case-insensitively).
CUE_WORDS: tuple[str, ...] = (
    "gently", "gentle", "warmly", "warm", "kindly", "softly", "lightly", "calmly", "quietly",
    "thank", "thanks", "acknowledge", "acknowledges", "acknowledging", "validate", "validating",
    "then", "first", "before", "afterwards",
    "perhaps", "maybe", "might", "wonder", "i wonder", "curious", "i'm curious",
    "invite", "invites", "inviting", "notice", "noticing", "together", "briefly",
)  # fmt: skip
# One alternation, longest phrases first, scanned once per text.
_CUES = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(CUE_WORDS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)

# Words too common to say anything about what a move is (for the repeated-move check).
STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "again",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "don't",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "i'm",
        "if",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "its",
        "just",
        "let",
        "let's",
        "me",
        "more",
        "my",
        "no",
        "not",
        "now",
        "of",
        "on",
        "one",
        "or",
        "our",
        "out",
        "over",
        "own",
        "say",
        "she",
        "so",
        "some",
        "than",
        "that",
        "that's",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "up",
        "us",
        "very",
        "was",
        "we",
        "we're",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "you're",
        "yours",
    ]
)

OPENING_QUOTES = "\"“”„«»‘’'‹›「『"
_DOUBLE_QUOTES = '"“”„«»'
_FIRST_PERSON = frozenset(
    {"i", "i'm", "i’m", "i've", "i'd", "i'll", "we", "we're", "let's", "let’s", "my", "our"}
)

SPEECH, ACTION, ACTION_AND_SPEECH = "speech", "action", "action and speech"
FORM_LABELS = {
    SPEECH: "spoken words",
    ACTION: "described actions",
    ACTION_AND_SPEECH: "actions that quote speech",
}


def plain_text(markdown: str) -> str:
    """Markdown to plain text for measuring: links reduced to their text, markup dropped."""
    text = _LINK.sub(r"\1", markdown)
    text = _MARKUP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def cue_words(text: str) -> set[str]:
    """The cue words and phrases that occur in ``text`` (plain text)."""
    return {_SPACE.sub(" ", match.casefold()) for match in _CUES.findall(text)}


def grammatical_form(text: str) -> str:
    """Quoted or first-person speech, a described action, or an action that quotes speech."""
    stripped = text.strip()
    if not stripped:
        return ACTION
    double_quotes = sum(stripped.count(q) for q in _DOUBLE_QUOTES)
    if stripped[0] in OPENING_QUOTES:
        # '"No." Then move on: "Who has a case?"' quotes speech inside a described action.
        return SPEECH if double_quotes <= 2 and stripped[-1] in OPENING_QUOTES + ".?!…" else ACTION_AND_SPEECH
    tokens = words(stripped[:40])
    if tokens and tokens[0] in _FIRST_PERSON:
        return SPEECH
    if double_quotes:
        return ACTION_AND_SPEECH
    return ACTION


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if w not in STOP_WORDS and len(w) > 2 and not w.isdigit())


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def similar_sets(sets: Sequence[frozenset[str]], threshold: float) -> dict[int, list[tuple[int, float]]]:
    """For each of the (distinct) ``sets``, the others with Jaccard ≥ threshold, and that similarity.

    Prefix filtering keeps this near-linear: with tokens ordered rarest first, two sets
    with Jaccard ≥ t must share a token among the first |A| − ⌈t·|A|⌉ + 1 of each.
    """
    frequency = Counter(token for s in sets for token in s)
    index: dict[str, list[int]] = {}
    found: dict[int, list[tuple[int, float]]] = {}
    for i, tokens in enumerate(sets):
        if not tokens:
            continue
        ordered = sorted(tokens, key=lambda token: (frequency[token], token))
        prefix = ordered[: len(ordered) - ceil(threshold * len(ordered)) + 1]
        candidates: set[int] = set()
        for token in prefix:
            candidates.update(index.get(token, ()))
            index.setdefault(token, []).append(i)
        for j in sorted(candidates):
            similarity = jaccard(sets[j], tokens)
            if similarity >= threshold:
                found.setdefault(i, []).append((j, similarity))
                found.setdefault(j, []).append((i, similarity))
    return found
