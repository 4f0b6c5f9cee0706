"""``language:`` must be a well-formed BCP 47 (RFC 5646) tag, reported with its position."""

from __future__ import annotations

from pathlib import Path

import pytest

from balint_trainer.core.langtag import language_tag_problem
from balint_trainer.core.validation import load_scenario_bytes


@pytest.mark.parametrize(
    "tag",
    [
        "en",
        "fa",
        "fa-IR",
        "en-GB",
        "sr-Latn-RS",
        "zh-yue-HK",
        "de-CH-1901",
        "es-419",
        "en-a-bbb-x-priv",
        "x-local",
        "i-klingon",
        "EN-gb",
    ],
)
def test_well_formed_tags_are_accepted(tag: str) -> None:
    assert language_tag_problem(tag) is None


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("persian", "not an ISO 639 code"),
        ("en-US-US", "not a well-formed BCP 47"),
        ("fa_IR", "separated by '-', not '_' (e.g. 'fa-IR')"),
        ("de-1901-1901", "variant subtag appears twice"),
        ("en-a-bb-a-cc", "singleton appears twice"),
        ("e", "not a well-formed"),
        ("en-", "not a well-formed"),
        ("", "cannot be empty"),
        ("en US", "contains a space"),
    ],
)
def test_malformed_tags_are_refused_with_the_reason(tag: str, words: str) -> None:
    problem = language_tag_problem(tag)
    assert problem is not None and words in problem


def _with_language(minimal_path: Path, tag: str) -> bytes:
    text = minimal_path.read_text(encoding="utf-8")
    return text.replace("summary:", f"language: {tag}\nsummary:", 1).encode()


@pytest.mark.parametrize("tag", ["persian", "en-US-US", "fa_IR"])
def test_scenario_language_is_checked_at_its_position(minimal_path: Path, tag: str) -> None:
    result = load_scenario_bytes(_with_language(minimal_path, tag), "case.yaml")
    messages = [str(p) for p in result.problems]
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"case.yaml:4:11: language: '{tag}' is not a")
    assert "'_' and '.'" not in messages[0]  # the old message said '_' was allowed


def test_scenario_with_a_good_tag_loads(minimal_path: Path) -> None:
    result = load_scenario_bytes(_with_language(minimal_path, "fa-IR"), "case.yaml")
    assert result.ok, result.problems
    assert result.scenario is not None and result.scenario.language == "fa-IR"
