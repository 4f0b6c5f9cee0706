"""Loading and validating scenario text: positions, limits, every problem at once."""

from __future__ import annotations

from pathlib import Path

from balint_trainer.core.validation import load_scenario_bytes, load_scenario_file, validate_paths
from balint_trainer.core.yamlsource import parse_yaml


def test_minimal_scenario_is_valid(minimal_path: Path) -> None:
    result = load_scenario_file(minimal_path)
    assert result.ok, result.problems
    assert result.scenario is not None
    assert result.scenario.id == "minimal-test"
    assert [d.decision for d in result.scenario.decisions] == ["first", "second"]
    assert result.scenario.presenter_id == "dr-a"
    assert len(result.sha256) == 64


def test_all_problems_are_reported_in_one_pass(minimal_path: Path) -> None:
    text = minimal_path.read_text()
    text = (
        text.replace("kind: member", "kind: membr")
        .replace("best: b,", "best: z,")
        .replace("competency: invite-feelings", "competency: invite-feeling")
        .replace("say: dr-b", "say: dr-c")
        .replace("    rationale: Split panel.", "    rational: Split panel.")
    )
    result = load_scenario_bytes(text.encode(), "case.yaml")
    messages = [str(p) for p in result.problems]
    assert len(messages) == 6, messages
    assert any(m.startswith("case.yaml:15:11: people.dr-b.kind") for m in messages)
    assert any(m.startswith("case.yaml:34:18: unknown person 'dr-c'") for m in messages)
    assert any(m.startswith("case.yaml:43:28: vote for unknown option 'z'") for m in messages)
    assert any(m.startswith("case.yaml:49:17: unknown competency") for m in messages)
    assert any(m.startswith("case.yaml:58:5: unknown key 'rational'") for m in messages)
    assert any("missing required key 'rationale'" in m for m in messages)
    # Problems come sorted by position, as an editor lists them.
    assert [p.line for p in result.problems] == sorted(p.line for p in result.problems)


def test_size_limit_is_checked_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * 3_000_000)
    result = load_scenario_file(big)
    assert not result.ok
    assert "limit" in result.problems[0].message
    assert (result.problems[0].line, result.problems[0].column) == (1, 1)


def test_invalid_utf8_reports_position() -> None:
    result = load_scenario_bytes(b"format: x\ntitle: caf\xe9\n", "bad.yaml")
    assert [str(p) for p in result.problems] == ["bad.yaml:2:11: file is not valid UTF-8 text"]


def test_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    result = load_scenario_file(tmp_path / "nope.yaml")
    assert not result.ok
    assert "cannot read file" in result.problems[0].message


def test_recursive_alias_is_refused() -> None:
    doc = parse_yaml("a: &x [1, *x]\n", "r.yaml")
    assert doc.data is None
    assert "recursive alias" in doc.problems[0].message


def test_user_extra_competency_is_accepted(minimal_path: Path) -> None:
    text = minimal_path.read_text().replace(
        "competency: invite-feelings", "competency: own-countertransference"
    )
    text = text.replace(
        "case: |", "competencies:\n  own-countertransference: Noticing one's own reactions\ncase: |"
    )
    result = load_scenario_bytes(text, "extra.yaml")
    assert result.ok, result.problems


def test_duplicate_scenario_ids_across_files(tmp_path: Path, minimal_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(minimal_path.read_text())
    (tmp_path / "b.yaml").write_text(minimal_path.read_text())
    results = validate_paths([tmp_path])
    assert [r.ok for r in results] == [True, False]
    assert any("duplicate scenario id 'minimal-test'" in p.message for p in results[1].problems)
    assert results[1].problems[0].line == 2


def test_folder_is_expanded_recursively(tmp_path: Path, minimal_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.yml").write_text(minimal_path.read_text())
    (tmp_path / "notes.txt").write_text("not a scenario")
    results = validate_paths([tmp_path])
    assert [Path(r.filename).name for r in results] == ["x.yml"]
