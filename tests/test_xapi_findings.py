"""What a real LRS and xAPI validators found in the export: plain-text descriptions, one language
tag per text, a clean home page, statements that stay the same when sent again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from balint_trainer.core.scoring import credit
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.reports.data import trainee_report
from balint_trainer.reports.xapi import normalise_home_page, xapi_statements
from balint_trainer.services import TrainerService

HOME = "https://course.example.org/"
MINIMAL = Path(__file__).resolve().parent / "data" / "valid" / "minimal.yaml"


def _register(service: TrainerService, text: str) -> Any:
    loaded = load_scenario_bytes(text.encode(), "case.yaml")
    assert loaded.ok, loaded.problems
    return service.scenarios.register_scenario(loaded)


def _answer_all(service: TrainerService, version: Any) -> Any:
    profile = service.accounts.create_profile("Ann", "trainee")
    attempt = service.practice.start_attempt(profile.id, version.id, "practice")
    key = version.load()
    for decision, option in (("first", "a"), ("second", "x")):
        service.practice.record_answer(attempt.id, decision, option, credit=credit(key.decision(decision), option))
    service.practice.finish_attempt(attempt.id)
    return profile


def _texts(statements: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Every (language tag, text) of every language map in the statements."""
    found: list[tuple[str, str]] = []

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            if key in ("name", "description", "display"):
                found.extend(value.items())
                return
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)

    walk(statements)
    return found


def test_descriptions_are_plain_text_with_folded_whitespace(service: TrainerService) -> None:
    text = (
        MINIMAL.read_text(encoding="utf-8")
        .replace("prompt: What now?", "prompt: |\n      Say it in your *own* words,\n      **now**.\n")
        .replace("text: Wait.", 'text: "Wait  \\nfor `the group`.\\n"')
    )
    profile = _answer_all(service, _register(service, text))
    statements = xapi_statements([trainee_report(service, profile.id)], home_page=HOME)
    first = statements[0]["object"]["definition"]
    assert first["description"] == {"en": "Say it in your own words, now."}
    choices = {c["id"]: c["description"] for c in first["choices"]}
    assert choices["a"] == {"en": "Wait for the group."}
    for _tag, value in _texts(statements):
        assert not re.search(r"[*`\n\r\t]|  |^ | $", value), value


def test_one_tag_per_text_in_a_persian_scenario(service: TrainerService) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "summary:", "language: fa\ncompetencies:\n  frame-and-structure: نگه‌داشتن چارچوب\nsummary:", 1
    )
    profile = _answer_all(service, _register(service, text))
    statements = xapi_statements([trainee_report(service, profile.id)], home_page=HOME)
    answered = statements[0]
    assert answered["verb"]["display"] == {"en": "answered"}  # an app text: English, tagged "en"
    category = answered["context"]["contextActivities"]["category"][0]["definition"]["name"]
    assert category == {"fa": "نگه‌داشتن چارچوب"}  # the scenario's own label: its language
    builtin = statements[1]["context"]["contextActivities"]["category"][0]["definition"]["name"]
    assert builtin == {"en": "Inviting feelings and fantasies"}
    assert answered["object"]["definition"]["name"] == {"fa": "Minimal test scenario: first"}
    assert {tag for tag, _ in _texts(statements)} == {"fa", "en"}


def test_an_english_variant_scenario_never_mixes_both_forms(service: TrainerService) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace("summary:", "language: en-GB\nsummary:", 1)
    profile = _answer_all(service, _register(service, text))
    statements = xapi_statements([trainee_report(service, profile.id)], home_page=HOME)
    assert {tag for tag, _ in _texts(statements)} == {"en-GB"}
    assert all(s["context"]["language"] == "en-GB" for s in statements)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://course.example.org/?term=2", "query"),
        ("https://course.example.org/#top", "fragment"),
        ("https://user:secret@course.example.org/", "user name or password"),
        ("https://user@course.example.org/", "user name or password"),
        ("https://course.example.org:port/", "not a valid web address"),
        ("course.example.org", "https://"),
        ("https:///path", "https://"),
    ],
)
def test_home_page_refuses_what_would_leak_into_every_id(url: str, words: str) -> None:
    with pytest.raises(ValueError, match=re.escape(words)):
        normalise_home_page(url)


def test_a_plain_home_page_is_kept() -> None:
    assert (
        normalise_home_page("  https://course.example.org/balint/ ") == "https://course.example.org/balint/"
    )


def test_statements_do_not_change_after_a_rename(service: TrainerService) -> None:
    profile = _answer_all(service, _register(service, MINIMAL.read_text(encoding="utf-8")))
    before = json.dumps(
        xapi_statements([trainee_report(service, profile.id)], home_page=HOME), sort_keys=True
    )
    service.accounts.rename_profile(profile.id, "Ann Smith-Jones")
    after = json.dumps(xapi_statements([trainee_report(service, profile.id)], home_page=HOME), sort_keys=True)
    assert after == before


def _answer_every_bundled_scenario(service: TrainerService) -> Any:
    from balint_trainer.core.validation import load_scenario_file

    profile = service.accounts.create_profile("Ivy", "trainee")
    scenarios = sorted((Path(__file__).resolve().parents[1] / "scenarios").rglob("*.yaml"))
    assert len(scenarios) >= 10
    for path in scenarios:
        version = service.scenarios.register_scenario(load_scenario_file(path))
        key = version.load()
        attempt = service.practice.start_attempt(profile.id, version.id, "practice")
        for step in key.decisions:
            option = step.options[-1].id
            service.practice.record_answer(attempt.id, step.decision, option, credit=credit(step, option), seconds=3.0)
        service.practice.finish_attempt(attempt.id)
    return profile


def test_every_bundled_text_is_plain_and_tagged_consistently(tmp_path: Path) -> None:
    from balint_trainer.services import open_service

    with open_service(f"sqlite:///{tmp_path / 'all.sqlite3'}") as service:
        profile = _answer_every_bundled_scenario(service)
        report = trainee_report(service, profile.id)
        statements = xapi_statements([report], home_page=HOME)
    assert len(statements) > 100
    languages = {review.attempt.uid: review.language for review in report.attempts}
    for statement in statements:
        scenario_tag = languages[statement["context"]["registration"]]
        assert statement["context"]["language"] == scenario_tag
        for tag, value in _texts([statement]):
            assert tag in {scenario_tag, "en"}, (tag, value)
            assert not re.search(r"[\n\r\t*`]|  ", value) and value == value.strip(), value
        tags = {tag for tag, _ in _texts([statement])}
        assert not ({"en", "en-US"} <= tags)
