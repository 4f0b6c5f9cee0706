"""Blind annotation: merging votes into the YAML key, and panel agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from balint_trainer.core import scoring
from balint_trainer.core.annotation import (
    AnnotationError,
    ExpertVote,
    agreement_report,
    expert_slug,
    merge_into_yaml,
    render_expert,
    votes_from_annotations,
)
from balint_trainer.core.model import ExpertAnnotation
from balint_trainer.core.validation import load_scenario_bytes

MINIMAL = Path(__file__).parent / "data" / "valid" / "minimal.yaml"


@pytest.fixture
def text() -> str:
    # A comment and odd spacing elsewhere in the file must survive the merge untouched.
    return MINIMAL.read_text(encoding="utf-8").replace(
        "    rationale: Split panel.", "    rationale: Split panel.   # keep this comment"
    )


def _outside(text: str, result_text: str, splices: list) -> tuple[str, str]:
    """The parts of the old and new text that are not inside a replaced span."""
    old_parts, new_parts = [], []
    old_at = new_at = 0
    delta = 0
    for splice in sorted(splices, key=lambda s: s.start):
        new_start = splice.start + delta
        old_parts.append(text[old_at : splice.start])
        new_parts.append(result_text[new_at:new_start])
        # Only an experts list is ever replaced.
        assert text[splice.start : splice.end].startswith(("- {expert", "[")), text[splice.start : splice.end]
        old_at = splice.end
        new_at = new_start + len(splice.replacement)
        delta += len(splice.replacement) - (splice.end - splice.start)
    old_parts.append(text[old_at:])
    new_parts.append(result_text[new_at:])
    return "".join(old_parts), "".join(new_parts)


def test_replace_rewrites_only_the_experts_lists(text: str) -> None:
    votes = [
        ExpertVote("ana", "first", "b", {"a": 3, "b": 5, "c": 1}, 'Silence first, then: "invite".'),
        ExpertVote("ben", "first", "b", {"a": 2, "b": 5, "c": 1}),
        ExpertVote("cleo", "first", "a", {"a": 4, "b": 4, "c": 2}),
        ExpertVote("ana", "second", "x"),
    ]
    result = merge_into_yaml(text, votes)
    assert result.decisions == ["first", "second"]
    first = result.scenario.decision("first")
    assert [a.expert for a in first.experts] == ["ana", "ben", "cleo"]
    assert first.experts[0].note == 'Silence first, then: "invite".'
    assert first.experts[0].ratings == {"a": 3, "b": 5, "c": 1}
    assert [a.expert for a in result.scenario.decision("second").experts] == ["ana"]
    # The merged file re-validates and scores with the new key.
    assert load_scenario_bytes(result.text, "x.yaml").ok
    assert scoring.credit(result.scenario.decision("first"), "b") == 1.0
    # Byte-identical outside the spliced ranges; the old votes are gone.
    old_outside, new_outside = _outside(text, result.text, result.splices)
    assert old_outside == new_outside
    assert "# keep this comment" in result.text
    assert "{expert: e4" not in result.text
    assert "    experts:\n      - {expert: ana, best: b, ratings: {a: 3, b: 5, c: 1}, note: " in result.text


def test_combine_keeps_other_experts_and_updates_same_id(text: str) -> None:
    result = merge_into_yaml(
        text, [ExpertVote("e2", "second", "x"), ExpertVote("new", "second", "y")], mode="combine"
    )
    second = result.scenario.decision("second")
    assert [(a.expert, a.best) for a in second.experts] == [("e1", "x"), ("e2", "x"), ("new", "y")]
    assert result.decisions == ["second"]
    # The untouched decision keeps its exact text.
    assert "      - {expert: e4, best: a, ratings: {a: 5, b: 3, c: 1}}\n" in result.text


def test_inline_and_indentless_experts_lists(text: str) -> None:
    inline = text.replace(
        "    experts:\n      - {expert: e1, best: x}\n      - {expert: e2, best: y}\n",
        "    experts: [{expert: e1, best: x}, {expert: e2, best: y}]\n",
    )
    assert inline != text
    result = merge_into_yaml(inline, [ExpertVote("z", "second", "y")])
    assert [a.expert for a in result.scenario.decision("second").experts] == ["z"]
    assert "    experts:\n      - {expert: z, best: y}\n    rationale: Split panel." in result.text

    # Indentless block sequence under the key is kept at its own indentation.
    indentless = text.replace("      - {expert: e1, best: x}\n      - {expert: e2, best: y}\n",
                              "    - {expert: e1, best: x}\n    - {expert: e2, best: y}\n")  # fmt: skip
    result = merge_into_yaml(indentless, [ExpertVote("z", "second", "y"), ExpertVote("w", "second", "x")])
    assert "    experts:\n    - {expert: w, best: x}\n    - {expert: z, best: y}\n" in result.text


def test_quoting_keeps_tricky_values_as_strings() -> None:
    annotation = ExpertAnnotation(
        expert="1", best="yes", ratings={"no": 2, "on": 5}, note="line one\nline two: {x} # not a comment\x7f"
    )
    line = render_expert(annotation)
    data = yaml.safe_load(line)
    assert data == {
        "expert": "1",
        "best": "yes",
        "ratings": {"no": 2, "on": 5},
        "note": "line one\nline two: {x} # not a comment\x7f",
    }


def test_votes_that_do_not_fit_are_refused(text: str) -> None:
    with pytest.raises(AnnotationError) as info:
        merge_into_yaml(
            text,
            [
                ExpertVote("a", "first", "zz"),
                ExpertVote("a", "nope", "a"),
                ExpertVote("b", "first", "a", {"a": 9}),
            ],
        )
    joined = str(info.value)
    assert "best option 'zz'" in joined
    assert "decision 'nope'" in joined
    assert "rating 9" in joined


def test_invalid_scenario_and_aliases_refused(text: str) -> None:
    with pytest.raises(AnnotationError, match="Fix the scenario"):
        merge_into_yaml(text.replace("title:", "titel:"), [ExpertVote("a", "first", "a")])
    aliased = text.replace(
        "    experts:\n      - {expert: e1, best: x}", "    experts: &panel\n      - {expert: e1, best: x}"
    )
    with pytest.raises(AnnotationError, match="anchor, alias or tag"):
        merge_into_yaml(aliased, [ExpertVote("a", "second", "x")])


def test_agreement_report_uses_panel_statistics(text: str) -> None:
    votes = [
        ExpertVote("a", "first", "a", {"a": 5, "b": 3, "c": 1}),
        ExpertVote("b", "first", "a", {"a": 5, "b": 2, "c": 1}),
        ExpertVote("c", "first", "b", {"a": 4, "b": 4, "c": 2}),
        ExpertVote("a", "second", "x"),
        ExpertVote("b", "second", "y"),
    ]
    scenario = load_scenario_bytes(text, "x").scenario
    assert scenario is not None
    report = agreement_report(scenario, votes)
    first, second = report.decisions
    assert first.experts == 3 and first.votes == {"a": 2, "b": 1, "c": 0}
    assert first.agreement == pytest.approx(2 / 6)  # one agreeing pair of three
    assert first.low_agreement and first.modal == ["a"]
    assert first.kappa is not None
    assert second.agreement == 0.0 and second.kappa is None
    assert report.flagged == ["first", "second"]
    merged = merge_into_yaml(text, votes).scenario
    assert first.kappa == pytest.approx(scoring.decision_kappa(merged.decision("first")))
    assert report.pooled_kappa == pytest.approx(scoring.pooled_kappa(merged.decisions))

    # Without votes the file's own key is reported; one expert gives no P.
    own = agreement_report(scenario)
    assert own.decisions[0].agreement == pytest.approx(scoring.panel_agreement(scenario.decision("first")))
    partial = agreement_report(scenario, [ExpertVote("a", "first", "a")])
    assert partial.decisions[0].agreement is None and partial.decisions[1].experts == 0
    assert not partial.flagged


@dataclass(frozen=True)
class _Stored:
    decision_id: str
    expert_profile_id: int
    expert_name: str
    best: str
    ratings: dict[str, int] | None = None
    note: str | None = None
    version_id: int = 1
    updated_at: datetime = datetime(2026, 1, 1, tzinfo=UTC)


def test_votes_from_service_annotations_get_distinct_ids() -> None:
    stored = [
        _Stored("first", 7, "Dr Ana Reyes", "a"),
        _Stored("first", 9, "Dr Ana Reyes", "b", {"a": 2}),
        _Stored("second", 7, "Dr Ana Reyes", "x", note="n"),
        _Stored("first", 3, "ÅÄÖ", "a"),
    ]
    votes = votes_from_annotations(stored)
    assert [v.expert for v in votes] == ["dr-ana-reyes", "dr-ana-reyes-9", "dr-ana-reyes", "expert-3"]
    assert votes[1].ratings == {"a": 2} and votes[2].note == "n"
    assert expert_slug("!!!", 4) == "expert-4"
    assert expert_slug("Dr. B. Moss") == "dr-b-moss"


@settings(max_examples=200, deadline=None)
@given(note=st.text(min_size=1, max_size=80).filter(lambda s: s.strip() == s and s.strip()))
def test_any_note_round_trips_through_yaml(note: str) -> None:
    line = render_expert(ExpertAnnotation(expert="e", best="a", note=note))
    assert yaml.safe_load(line)["note"] == note


def test_decision_context_hides_the_key(text: str) -> None:
    from balint_trainer.core.annotation import decision_contexts

    scenario = load_scenario_bytes(text, "x").scenario
    assert scenario is not None
    first, second = decision_contexts(scenario)
    assert (first.number, first.total, first.decision_id) == (1, 2, "first")
    assert [o[0] for o in first.options] == ["a", "b", "c"]
    assert [line.speaker for line in first.transcript if line.kind == "say"] == ["Leader", "Dr Ana Reyes"]
    shown = repr(second)
    # Nothing from the key, feedback, consequences or rationale reaches the expert.
    for secret in ("Silence is fine.", "Good.", "A silence.", "e1", "Split panel."):
        assert secret not in shown
    assert second.transcript[-2].kind == "decision" and second.transcript[-2].markdown == "What now?"
