"""The decision form's splice: only the decision's own span changes; inserted steps validate."""

from __future__ import annotations

from pathlib import Path

import pytest

from balint_trainer.core.decision_edit import (
    DecisionEditError,
    ExpertDraft,
    OptionDraft,
    insert_step,
    next_phase,
    read_decision,
    step_at,
    write_decision,
)
from balint_trainer.core.validation import load_scenario_bytes
from tests.conftest import DATA_DIR

MINIMAL = (DATA_DIR / "valid" / "minimal.yaml").read_text(encoding="utf-8")
SCENARIOS = sorted((Path(__file__).resolve().parent.parent / "scenarios").glob("*.yaml"))
FIRST_DECISION_LINE = 25  # "  - decision: first"


def _outside_equal(before: str, after: str, start: int, old_end: int) -> None:
    """Every byte before the span and after it is unchanged."""
    new_end = old_end + len(after) - len(before)
    assert after[:start] == before[:start]
    assert after[new_end:] == before[old_end:]


def test_no_op_edit_leaves_the_file_identical() -> None:
    draft, _span = read_decision(MINIMAL, FIRST_DECISION_LINE + 3) or (None, None)
    assert draft is not None and draft.decision == "first"
    assert [o.id for o in draft.options] == ["a", "b", "c"]
    assert draft.options[0].extra and draft.options[0].extra[0].startswith("then:")
    assert draft.experts[2] == ExpertDraft("e3", "b", {"a": 4, "b": 4, "c": 2}, "")
    assert write_decision(MINIMAL, FIRST_DECISION_LINE, draft) == MINIMAL


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_bundled_decision_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if line.lstrip().startswith("- decision:")]
    assert lines
    for line in lines:
        found = read_decision(text, line)
        assert found is not None
        assert write_decision(text, line, found[0]) == text


def test_an_edit_changes_only_the_decisions_span_and_validates() -> None:
    draft, span = read_decision(MINIMAL, FIRST_DECISION_LINE) or (None, None)
    assert draft is not None and span is not None
    draft.prompt = "The presenter stops: what now?\nTake your time."
    draft.options[1].text = 'She says "no": then what?'
    draft.options[1].feedback = "Risky."
    draft.options.append(OptionDraft("d", "Ask the group."))
    draft.experts.append(ExpertDraft("e5", "d", {"a": 3, "b": 2, "c": 1, "d": 5}, "A note: with a colon."))
    draft.rationale = "Silence: fine."
    new = write_decision(MINIMAL, FIRST_DECISION_LINE, draft)
    _outside_equal(MINIMAL, new, span.start, span.end)
    loaded = load_scenario_bytes(new, "s.yaml")
    assert loaded.ok, loaded.problems
    decision = loaded.scenario.decision("first")  # type: ignore[union-attr]
    assert decision.prompt == draft.prompt
    assert decision.options[1].text == 'She says "no": then what?'
    assert [s.model_dump(exclude_none=True) for s in decision.options[0].then] == [
        {"narrate": "A silence."},
        {"say": "dr-b", "text": "Hm."},
    ]
    assert decision.experts[-1].note == "A note: with a colon."
    again = read_decision(new, FIRST_DECISION_LINE)
    assert again is not None and again[0] == draft


def test_unknown_optional_keys_are_kept_verbatim() -> None:
    text = MINIMAL.replace(
        "    rationale: Silence is fine.\n", "    rationale: Silence is fine.\n    shuffle: false\n"
    )
    draft, _ = read_decision(text, FIRST_DECISION_LINE) or (None, None)
    assert draft is not None and draft.extra == ["shuffle: false"]
    draft.rationale = "Changed."
    new = write_decision(text, FIRST_DECISION_LINE, draft)
    assert "    rationale: Changed.\n    shuffle: false\n" in new


def test_flow_style_decision_is_refused() -> None:
    text = MINIMAL + "  - {decision: z, prompt: p, competency: c, options: [], experts: [], rationale: r}\n"
    line = text.count("\n")
    with pytest.raises(DecisionEditError):
        read_decision(text, line)


@pytest.mark.parametrize("kind", ["decision", "say", "narrate", "phase"])
@pytest.mark.parametrize("line", [2, 21, FIRST_DECISION_LINE + 5, 200])
def test_insert_produces_valid_yaml_at_a_step_boundary(kind: str, line: int) -> None:
    values = {"phase": "closing"} if kind == "phase" else {}
    new, at = insert_step(MINIMAL, line, kind, **values)
    loaded = load_scenario_bytes(new, "s.yaml")
    problems = [p for p in loaded.errors if "phase" not in p.message]  # a phase may land out of order
    assert not problems, (new, problems)
    span = step_at(new, at)
    assert span is not None and span.kind == kind and span.first_line == at
    # The text around the new step is the old text.
    lines_before, lines_after = MINIMAL.split("\n"), new.split("\n")
    added = span.last_line - span.first_line + 1
    assert lines_after[: at - 1] + lines_after[at - 1 + added :] == lines_before


def test_new_decision_template_validates_and_does_not_key_the_first_option() -> None:
    new, _at = insert_step(MINIMAL, FIRST_DECISION_LINE + 5, "decision")
    loaded = load_scenario_bytes(new, "s.yaml")
    assert loaded.ok, loaded.problems
    decision = loaded.scenario.decision("decision-1")  # type: ignore[union-attr]
    assert decision.experts[0].best != decision.options[0].id
    lengths = [len(o.text) for o in decision.options]
    assert max(lengths) == min(lengths)
    assert "TODO" in (decision.experts[0].note or "")


def test_next_phase_follows_the_last_one_above() -> None:
    assert next_phase(MINIMAL, 21) == "presentation"
    assert next_phase(MINIMAL, 200) == "closing"


# A sample of the library (every third file, English and Persian): the whole of it takes long.
@pytest.mark.parametrize("path", SCENARIOS[::3], ids=lambda p: p.stem)
def test_rewriting_every_bundled_decision_keeps_its_content(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    original = load_scenario_bytes(text, path.name).scenario
    assert original is not None
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if line.lstrip().startswith("- decision:")]
    edited = []
    for line in reversed(lines):  # bottom up: the lines above an edit keep their numbers
        draft, span = read_decision(text, line) or (None, None)
        assert draft is not None and span is not None
        draft.rationale += " (edited)"
        new = write_decision(text, line, draft)
        _outside_equal(text, new, span.start, span.end)
        text = new
        edited.append(draft.decision)
    loaded = load_scenario_bytes(text, path.name)
    assert loaded.ok, loaded.problems
    for decision_id in edited:
        before = original.decision(decision_id).model_dump()
        after = loaded.scenario.decision(decision_id).model_dump()  # type: ignore[union-attr]
        before["rationale"] += " (edited)"
        assert after == before


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    prompt: What now?", "    prompt: [What, now]"),
        ("        text: Talk.", "        text: {a: 1}"),
        ("{expert: e2, best: a, ratings: {a: 5, b: 2, c: 1}}", "{expert: e2, best: a, ratings: [5, 2, 1]}"),
        ("{expert: e2, best: a,", "{expert: e2, best: [a],"),
    ],
)
def test_content_the_form_would_lose_is_refused(old: str, new: str) -> None:
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    with pytest.raises(DecisionEditError):
        read_decision(text, FIRST_DECISION_LINE)
