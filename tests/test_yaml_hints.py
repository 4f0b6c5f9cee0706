"""YAML syntax errors come with a plain-words hint, and the file's other problems are still listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from balint_trainer.cli import main
from balint_trainer.core.validation import load_scenario_bytes
from balint_trainer.core.yaml_hints import first_syntax_error, recover, syntax_hint
from tests.conftest import DATA_DIR

MINIMAL = (DATA_DIR / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def _broken(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


def test_colon_in_prose_gets_a_hint_and_the_other_problems_are_still_listed() -> None:
    text = _broken("    prompt: What now?", "    prompt: What now? Invite questions: of fact, briefly.")
    text = text.replace("competency: invite-feelings", "competency: invite-feeling")  # a second problem
    text = text.replace("  - say: dr-a\n", "  - say: dr-z\n")  # and a third
    problems = load_scenario_bytes(text, "s.yaml").problems
    first = problems[0]
    assert (first.line, first.column) == (26, 39)
    assert first.message.startswith("YAML syntax: mapping values are not allowed")
    assert "hint: a colon followed by a space inside text: put the whole text in quotes" in first.message
    assert "\n" not in str(first)  # one line: FILE:LINE:COL: message; hint
    rest = [str(p) for p in problems[1:]]
    assert any(p.startswith("s.yaml:23:") and "unknown person 'dr-z'" in p for p in rest), rest
    assert any(":49:" in p and "unknown competency 'invite-feeling'" in p for p in rest), rest


@pytest.mark.parametrize(
    ("old", "new", "hint"),
    [
        ("  dr-b:\n    name", "  dr-b:\n\tname", "a tab is used for indentation"),
        ("summary: A tiny", 'summary: "A tiny', "the quote opened on line 4, column 10 is never closed"),
        ("        feedback: Good.", "       feedback: Good.", "wrong indentation under a list"),
        ("    kind: member", "   kind: member", "the indentation of this line does not match"),
        ("    text: I have one.", '    text: "I" have one.', "text that starts with a quote mark must end"),
    ],
)
def test_common_mistakes_get_a_plain_words_hint_and_recover(old: str, new: str, hint: str) -> None:
    text = _broken(old, new)
    error = first_syntax_error(text)
    assert error is not None
    assert hint in (syntax_hint(text, error) or "")
    recovery = recover(text)
    assert recovery is not None and first_syntax_error(recovery.text) is None
    assert recovery.text.count("\n") == text.count("\n")  # every other line keeps its number
    problems = load_scenario_bytes(text, "s.yaml").problems
    assert hint in problems[0].message


def test_recovery_is_in_memory_only_and_other_lines_are_untouched() -> None:
    text = _broken("    prompt: What now?", "    prompt: Now: what?")
    recovery = recover(text)
    assert recovery is not None and recovery.lines == frozenset({26})
    before, after = text.split("\n"), recovery.text.split("\n")
    assert [b for i, b in enumerate(before) if i != 25] == [a for i, a in enumerate(after) if i != 25]


def test_validate_command_prints_the_hint_on_the_same_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "colon.yaml"
    path.write_text(_broken("    prompt: What now?", "    prompt: Ask: what now?"), encoding="utf-8")
    assert main(["validate", "-q", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{path}:26:")
    assert "YAML syntax: mapping values are not allowed" in lines[0] and "; hint: a colon" in lines[0]


def test_hopeless_text_gives_the_syntax_error_alone_and_no_traceback() -> None:
    problems = load_scenario_bytes("[[[[ {{{ : : :\n\t- ]\n" * 3, "x.yaml").problems
    assert problems and problems[0].message.startswith("YAML syntax")


def test_an_empty_tagged_scalar_is_a_problem_not_a_crash() -> None:
    from balint_trainer.core.yamlsource import parse_yaml

    # PyYAML's int constructor raised IndexError here (found by the fuzz test via the re-parse).
    problems = parse_yaml("!!int : x\n", "x.yaml").problems
    assert problems and "!!int" in problems[0].message


@pytest.mark.parametrize("text", ["a: [b,\n", "a: {b: c\n", "a: 'x\n"])
def test_errors_at_the_very_end_of_the_text_do_not_break_the_recovery(text: str) -> None:
    recover(text)  # an error reported past the last line used to raise IndexError
    assert load_scenario_bytes(text, "x.yaml").problems[0].message.startswith("YAML syntax")


def test_every_colon_in_prose_is_listed_not_only_the_first() -> None:
    text = _broken("    prompt: What now?", "    prompt: Now: what?")
    text = text.replace("    rationale: Split panel.", "    rationale: Split: panel.")
    problems = load_scenario_bytes(text, "s.yaml").problems
    syntax = [p for p in problems if p.message.startswith("YAML syntax")]
    assert [p.line for p in syntax] == [26, 58]
    assert all("hint: a colon" in p.message for p in syntax)


def test_a_hopeless_file_is_given_up_quickly() -> None:
    import time

    text = "\n".join("  ]]] : : {{ '" if i % 3 else f"k{i}: v" for i in range(3000))
    start = time.perf_counter()
    problems = load_scenario_bytes(text, "x.yaml").problems
    assert problems[0].message.startswith("YAML syntax")
    assert time.perf_counter() - start < 5  # bounded number of re-parses, whatever the file
