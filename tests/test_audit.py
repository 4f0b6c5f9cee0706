"""The item-writing audit: strategy figures, every warning code with its position, the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from balint_trainer.cli import main
from balint_trainer.core import audit
from balint_trainer.core.audit import AuditWarning
from balint_trainer.core.audit_library import audit_paths
from balint_trainer.core.audit_text import cue_words, grammatical_form, plain_text, similar_sets
from balint_trainer.core.model import DecisionStep
from tests.conftest import DATA_DIR

AUDIT = DATA_DIR / "audit"


def warnings_of(*names: str) -> list[AuditWarning]:
    library = audit_paths([AUDIT / f"{name}.yaml" for name in names])
    assert not library.invalid
    return library.warnings


def test_hand_computed_strategy_figures() -> None:
    """clean.yaml by hand (lengths of the plain text, quotes stripped):
    d1 credits a 1, b 2/3, c 0; characters 40/46/40, words 8/7/11.
    d2 credits a 1/4, b 1, c 0; characters 45/40/37, words 9/9/8.
    d3 credits a 1, b 1/2, c 1; characters 32/33/33, words 8/7/6."""
    (scenario,) = audit_paths([AUDIT / "clean.yaml"]).files
    d1, d2, d3 = scenario.decisions
    # d1: a and c tie for the shortest, so "shortest" earns their mean credit.
    assert d1.strategies == pytest.approx(
        {
            "longest": 2 / 3,
            "most-words": 0,
            "shortest": 1 / 2,
            "fewest-words": 2 / 3,
            "not-longest": 1 / 2,
            "first": 5 / 9,
            "random": 5 / 9,
        }
    )
    assert d2.strategies == pytest.approx(
        {
            "longest": 1 / 4,
            "most-words": 5 / 8,
            "shortest": 0,
            "fewest-words": 0,
            "not-longest": 1 / 2,
            "first": 5 / 12,
            "random": 5 / 12,
        }
    )
    # d3: b and c tie for the longest, so the strategy earns their mean credit; avoiding the
    # longest leaves a alone.
    assert d3.strategies == pytest.approx(
        {
            "longest": 3 / 4,
            "most-words": 1,
            "shortest": 1,
            "fewest-words": 1,
            "not-longest": 1,
            "first": 5 / 6,
            "random": 5 / 6,
        }
    )
    chance = 100 * (5 / 9 + 5 / 12 + 5 / 6) / 3
    assert scenario.scores() == pytest.approx(
        {
            "longest": 100 * (2 / 3 + 1 / 4 + 3 / 4) / 3,
            "most-words": 100 * (0 + 5 / 8 + 1) / 3,
            "shortest": 50.0,
            "fewest-words": 100 * (2 / 3 + 0 + 1) / 3,
            "not-longest": 100 * (1 / 2 + 1 / 2 + 1) / 3,
            "first": chance,
            "random": chance,
        }
    )


def test_first_option_counts_in_file_order_when_options_are_not_shuffled(monkeypatch) -> None:
    monkeypatch.setattr(audit, "decision_shuffles", lambda decision: False)
    (scenario,) = audit_paths([AUDIT / "clean.yaml"]).files
    assert scenario.scores()["first"] == pytest.approx(100 * (1 + 1 / 4 + 1) / 3)


def test_clean_scenario_has_no_warning() -> None:
    assert warnings_of("clean") == []


@pytest.mark.parametrize(
    ("name", "code", "line", "column", "words"),
    [
        ("longest-key", "AUD001", 17, 15, "3.5× the shortest"),
        ("unequal-length", "AUD002", 16, 7, "'b' is 3.4× as long as option 'a'"),
        ("cue-words", "AUD004", 17, 15, "'i wonder'"),
        ("mixed-forms", "AUD005", 16, 7, "the only one in its form"),
        ("identical-splits", "AUD006", 23, 7, "the same vote split (3-1)"),
    ],
)
def test_each_flaw_gives_its_warning_at_its_position(
    name: str, code: str, line: int, column: int, words: str
) -> None:
    (warning,) = warnings_of(name)
    assert (warning.code, warning.line, warning.column) == (code, line, column)
    assert words in warning.message
    assert str(warning).startswith(f"{AUDIT / name}.yaml:{line}:{column}: warning {code}: ")
    assert "\n" not in str(warning)


def test_formulaic_panel_unanimous_and_formulaic_ratings() -> None:
    messages = [w.message for w in warnings_of("formulaic-panel")]
    assert [w.code for w in warnings_of("formulaic-panel")] == ["AUD006", "AUD006"]
    assert any("unanimous in every decision (2 of 2)" in m for m in messages)
    assert any("rates their own choice highest" in m for m in messages)


def test_key_in_the_same_position_when_not_shuffled(monkeypatch) -> None:
    assert warnings_of("key-first") == []  # shuffled (the default): the position tells nothing
    monkeypatch.setattr(audit, "decision_shuffles", lambda decision: False)
    (warning,) = warnings_of("key-first")
    assert (warning.code, warning.line, warning.column) == ("AUD003", 12, 5)
    assert "in 3 of the 3 decisions" in warning.message and "option number 1" in warning.message


def test_shuffle_false_in_the_file_gives_the_key_position_warning(tmp_path: Path) -> None:
    if "shuffle" not in DecisionStep.model_fields:
        pytest.skip("the scenario format has no 'shuffle' key yet")
    text = (
        (AUDIT / "key-first.yaml")
        .read_text()
        .replace(
            "    competency: frame-and-structure\n",
            "    competency: frame-and-structure\n    shuffle: false\n",
        )
    )
    path = tmp_path / "key-first.yaml"
    path.write_text(text)
    assert [w.code for w in audit_paths([path]).warnings] == ["AUD003"]


def test_repeated_move_across_files_is_reported_in_both() -> None:
    found = warnings_of("repeated-a", "repeated-b")
    assert [(Path(w.file).name, w.code, w.line, w.column) for w in found] == [
        ("repeated-a.yaml", "AUD007", 17, 15),
        ("repeated-b.yaml", "AUD007", 17, 15),
    ]
    assert "repeated-b.yaml (decision 'd1'; 75 % of the content words shared)" in found[0].message
    assert warnings_of("repeated-a") == []  # one file alone repeats nothing


def test_text_measures() -> None:
    assert plain_text("**Gently**, see [the note](http://x)  \n now") == "Gently, see the note now"
    assert cue_words("I  wonder, GENTLY; then thanks") == {"i wonder", "gently", "then", "thanks"}
    assert cue_words("the wonderful thenar") == set()
    assert grammatical_form('"What now?"') == "speech"
    assert grammatical_form("I wonder what she wants.") == "speech"
    assert grammatical_form("Wait in silence.") == "action"
    assert grammatical_form('Answer briefly, then: "What else?"') == "action and speech"
    assert grammatical_form('"No." Then move on: "Who has a case?"') == "action and speech"


def test_similar_sets_finds_near_copies_only() -> None:
    sets = [frozenset("abcde"), frozenset("abcdf"), frozenset("vwxyz"), frozenset("abxyz")]
    found = similar_sets(sets, 0.6)
    assert found == {0: [(1, pytest.approx(4 / 6))], 1: [(0, pytest.approx(4 / 6))]}


def test_a_library_of_copies_gets_one_warning_per_key(tmp_path: Path) -> None:
    for n in range(30):
        text = (AUDIT / "repeated-a.yaml").read_text().replace("audit-repeated-a", f"copy-{n}")
        (tmp_path / f"copy-{n:02}.yaml").write_text(text)
    library = audit_paths([tmp_path])
    assert len(library.warnings) == 30
    assert "and 28 more elsewhere" in library.warnings[0].message


def test_bundled_library_is_audited_whole() -> None:
    # The figures change as the item bank is rewritten; benchmarks/item_bank.py prints them.
    library = audit_paths([Path(__file__).resolve().parent.parent / "scenarios"])
    assert library.files and not library.invalid
    assert all(0 <= value <= 100 for value in library.scores().values())
    assert len(library.decisions) == sum(len(f.decisions) for f in library.files) >= 10


# --------------------------------------------------------------------------- command line


def test_cli_clean_file_exits_zero_with_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(AUDIT / "clean.yaml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert f"{AUDIT / 'clean.yaml'} (audit-clean), 3 decision(s)" in out
    assert "  always the longest           55.6    60.2" in out
    assert "  always the most words        54.2    60.2" in out
    assert out[-1] == (
        "library: 3 decision(s) in 1 file(s); panel's choice strictly the longest in 0.0 %; "
        "always the longest 55.6, most words 54.2, always the first 60.2, random 60.2 (chance)"
    )


def test_cli_warnings_alone_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(AUDIT / "mixed-forms.yaml")]) == 0
    assert f"{AUDIT / 'mixed-forms.yaml'}:16:7: warning AUD005: " in capsys.readouterr().out


def test_cli_surface_strategy_beating_chance_exits_one(capsys: pytest.CaptureFixture[str]) -> None:
    path = AUDIT / "longest-key.yaml"
    assert main(["audit", str(path)]) == 1
    captured = capsys.readouterr()
    assert (
        f"{path}:17:15: warning AUD001: the panel's choice (option 'a') is the longest option" in captured.out
    )
    # credits a 1, b 1/3, c 0: chance 44.4, always the longest 100
    assert (
        "audit failed: library: 'always the longest' scores 100.0, 55.6 points above chance" in captured.err
    )
    # A looser library threshold still fails on the per-file limit (25 points).
    assert main(["audit", "--threshold", "60", str(path)]) == 1
    err = capsys.readouterr().err
    assert "the limit is 60" not in err
    assert f"audit failed: {path}: 'always the longest' scores 100.0, 55.6 points above chance; " in err


def test_cli_threshold_decides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # clean.yaml with d1's options reworded so that "most words" finds the key there only as
    # a tie: 72.7 against chance 60.2, 12.5 points above it.
    text = (AUDIT / "clean.yaml").read_text()
    for old, new in (
        ("'\"Is it OK if we go on to the group now?\"'", "'\"Shall we go on to the group?\"'"),
        ("'\"Could you say a little more about her?\"'", "'\"Can you say a bit more, Ana?\"'"),
    ):
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "most-words.yaml"
    path.write_text(text)
    assert main(["audit", str(path)]) == 1
    assert "'always the most words' scores 72.7, 12.5 points above chance (60.2); the limit is 12" in (
        capsys.readouterr().err
    )
    assert main(["audit", "--threshold", "15", str(path)]) == 0
    assert capsys.readouterr().err == ""


def test_cli_invalid_file_is_reported_like_validate_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    broken = DATA_DIR / "broken" / "unknown-person.yaml"
    assert main(["audit", str(AUDIT / "clean.yaml"), str(broken)]) == 1
    captured = capsys.readouterr()
    assert f"{broken}:25:10: unknown person 'dr-z'" in captured.out
    assert "1 invalid file(s) not audited" in captured.err


@pytest.mark.parametrize(
    "argv", [["audit"], ["audit", "--threshold", "x", "f.yaml"], ["audit", "--threshold", "-1", "f"]]
)
def test_cli_usage_errors_exit_two(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage: balint-trainer audit" in capsys.readouterr().err


def test_cli_empty_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path)]) == 1
    assert "no scenario files found" in capsys.readouterr().err


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("clean", "repeated-a", "repeated-b"):
        shutil.copy(AUDIT / f"{name}.yaml", tmp_path)
    assert main(["audit", "--json", str(tmp_path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["library"]["files"] == 3 and report["library"]["decisions"] == 5
    assert report["passed"] is False and report["failures"]
    clean = next(f for f in report["files"] if f["id"] == "audit-clean")
    assert clean["scores"]["most-words"] == pytest.approx(100 * (0 + 5 / 8 + 1) / 3)
    assert clean["decisions"][0]["options"][0] == {"id": "a", "credit": 1.0, "characters": 40, "words": 8}
    codes = {w["code"] for f in report["files"] for w in f["warnings"]}
    assert codes == {"AUD007"}


def test_validate_contract_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(AUDIT / "longest-key.yaml")]) == 0
    assert capsys.readouterr().out == ""


def test_no_length_warning_when_every_option_earns_full_credit(tmp_path: Path) -> None:
    # Bug: a decision where the panel splits evenly over every option warned that the key was
    # the longest, although no strategy can beat chance there.
    text = (AUDIT / "longest-key.yaml").read_text()
    text = text.replace("      - {expert: e4, best: b}\n", "")
    text = text.replace("{expert: e2, best: a}", "{expert: e2, best: b}").replace(
        "{expert: e3, best: a}", "{expert: e3, best: c}"
    )
    path = tmp_path / "even.yaml"
    path.write_text(text)
    library = audit_paths([path])
    assert library.decisions[0].credits == [1.0, 1.0, 1.0]
    assert library.warnings == []


def test_a_letter_for_a_shuffled_option_is_flagged_where_the_trainee_reads_it(tmp_path: Path) -> None:
    """Options are shown in a new order in each attempt: "(c)" in a rationale names nothing."""
    text = (AUDIT / "clean.yaml").read_text()
    text = text.replace(
        "    rationale: Stay with the doctor's account.\n",
        "    rationale: Stay with the doctor's account; going on (c) was rated lowest, and option b is close.\n",
    )
    path = tmp_path / "letters.yaml"
    path.write_text(text)
    found = [w for w in audit_paths([path]).warnings if w.code == "AUD008"]
    assert len(found) == 1
    assert "'b', 'c'" in found[0].message
    line = text.splitlines().index(
        "    rationale: Stay with the doctor's account; going on (c) was rated lowest, and option b is close."
    )
    assert (found[0].line, found[0].column) == (line + 1, 16)
    # An ordered scale that opts out of shuffling may name its options by letter.
    path.write_text(
        text.replace(
            "    competency: frame-and-structure\n",
            "    competency: frame-and-structure\n    shuffle: false\n",
            1,
        )
    )
    assert [w.code for w in audit_paths([path]).warnings if w.code == "AUD008"] == []
