"""The order a trainee sees a decision's options in, and how options are named (no Qt).

Each attempt has a random seed; every decision's options are shuffled from
(seed, decision id), so an attempt shows the same order whenever it is replayed
or reviewed, while another attempt shows another. ``random.Random`` seeded with
a ``str`` hashes it with SHA-512 (seeding version 2, Python 3.2+) and
``Random.shuffle`` has not changed since, so the order is the same on every
Python version and platform. Answers also store the order shown, so evidence
never depends on recomputing it.

Options are named to people by their text, shortened (:func:`option_label`),
never by a letter or number the trainee never saw.
"""

from __future__ import annotations

import random
import re
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # typing only: the service layer imports this module at start-up
    from balint_trainer.core.model import DecisionStep

LABEL_LENGTH = 60
# Block boundaries become spaces; inline tags (<em>, <a> …) vanish without splitting words.
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|div|h[1-6]|blockquote|pre|tr|td|th|table|hr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def new_seed() -> str:
    """A fresh per-attempt seed (16 hex digits)."""
    return secrets.token_hex(8)


def shown_order(decision: DecisionStep, seed: str | None) -> tuple[str, ...]:
    """Option ids in the order shown: file order without a seed or with ``shuffle: false``."""
    ids = [option.id for option in decision.options]
    if seed is None or not decision.shuffle:
        return tuple(ids)
    random.Random(f"{seed}:{decision.decision}").shuffle(ids)
    return tuple(ids)


def is_permutation(order: Sequence[str], decision: DecisionStep) -> bool:
    ids = [option.id for option in decision.options]
    return len(order) == len(ids) and sorted(order) == sorted(ids)


def order_for(
    decision: DecisionStep, seed: str | None, stored: Sequence[str] | None = None
) -> tuple[str, ...]:
    """The order the trainee saw: the stored one when valid, else derived from the seed."""
    if stored and is_permutation(stored, decision):
        return tuple(stored)
    return shown_order(decision, seed)


def plain_text(markdown: str | None) -> str:
    """Markdown as one line of plain text (tags dropped, entities decoded, spaces collapsed)."""
    if not markdown:
        return ""
    import html

    from balint_trainer.core.markdown_render import render_markdown

    text = html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", render_markdown(markdown))))
    return _SPACE.sub(" ", text).strip()


def option_label(markdown: str | None, limit: int = LABEL_LENGTH) -> str:
    """How an option is named outside the player: its text, plain, cut at a word with "…"."""
    text = plain_text(markdown)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"
