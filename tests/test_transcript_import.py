"""A plain-text group transcript becomes a valid scenario (people, phases, lines, decision stubs)."""

from __future__ import annotations

from balint_trainer.core.transcript_import import (
    PersonChoice,
    build_scenario,
    parse_transcript,
    propose_phases,
)
from balint_trainer.core.validation import load_scenario_bytes
from tests.conftest import DATA_DIR

SAMPLE = (DATA_DIR / "transcripts" / "gp-session.txt").read_text(encoding="utf-8")


def test_people_turns_and_stage_directions_are_found() -> None:
    transcript = parse_transcript(SAMPLE)
    kinds = {p.name: p.kind for p in transcript.people}
    assert kinds == {
        "Leader": "leader",
        "Dr Maria Lopez": "presenter",
        "Dr Tom Hughes": "member",
        "Dr Aisha Khan": "member",
    }
    assert transcript.turns[0].kind == "narrate" and transcript.turns[0].text.startswith("A seminar room")
    assert transcript.turns[2].text == "A pause of about half a minute."  # *italics*
    presentation = transcript.turns[3]
    assert presentation.speaker == "Dr Maria Lopez" and presentation.line == 7
    assert "\n" not in presentation.text and presentation.text.endswith("forty minutes late.")
    assert not transcript.skipped


def test_phases_are_proposed_in_order() -> None:
    transcript = parse_transcript(SAMPLE)
    starts = propose_phases(transcript)
    assert list(starts.values()) == ["frame", "presentation", "questions", "push-back", "return", "closing"]
    assert list(starts) == sorted(starts)
    assert transcript.turns[max(starts)].text.startswith("We need to stop there")


def test_sample_transcript_becomes_a_valid_scenario_with_renamed_people() -> None:
    transcript = parse_transcript(SAMPLE)
    choices = {p.name: PersonChoice(p.id, p.display_name, p.kind) for p in transcript.people}
    choices["Dr Maria Lopez"] = PersonChoice("presenter", "Dr Ana Reyes", "presenter", "GP partner")
    decision_at = next(i for i, t in enumerate(transcript.turns) if "changing practice" in t.text)
    text = build_scenario(
        transcript,
        choices,
        phase_starts=propose_phases(transcript),
        decisions_after=[decision_at],
        scenario_id="Monday Patient",
        title="The patient who cries: a GP's case",
    )
    loaded = load_scenario_bytes(text, "from-transcript.yaml")
    assert loaded.ok, [str(p) for p in loaded.problems]
    scenario = loaded.scenario
    assert scenario is not None and scenario.id == "monday-patient"
    assert scenario.title == "The patient who cries: a GP's case"
    assert scenario.people["presenter"].name == "Dr Ana Reyes"
    assert "Maria" not in text and "Lopez" not in text  # renamed everywhere, also inside lines
    assert [d.decision for d in scenario.decisions] == ["decision-1"]
    steps = scenario.script
    index = next(i for i, s in enumerate(steps) if getattr(s, "decision", None) == "decision-1")
    assert "changing practice" in steps[index - 1].text  # type: ignore[union-attr]
    assert "forty minutes late" in scenario.case
    phases = [s.phase for s in steps if hasattr(s, "phase")]
    assert phases == ["frame", "presentation", "questions", "push-back", "return", "closing"]


def test_no_decision_marked_still_gives_a_valid_file_and_odd_input_no_crash() -> None:
    transcript = parse_transcript("just some words\n\nA: b\n[x]\n" + "Ω: ünïcode: yes\n")
    choices = {p.name: PersonChoice(p.id, p.display_name, "presenter") for p in transcript.people[:1]}
    text = build_scenario(transcript, choices, phase_starts={}, decisions_after=[])
    assert load_scenario_bytes(text, "x.yaml").ok
    assert transcript.skipped == [1]


def test_a_persian_transcript_keeps_its_names_and_reads_right_to_left() -> None:
    from balint_trainer.core.transcript_import import text_is_rtl

    sample = "رهبر: چه کسی مورد دارد؟\n\nدکتر سارا رضایی: من یک مورد دارم.\n\n[سکوت]\n\nدکتر علی کریمی: چرا؟\n"
    transcript = parse_transcript(sample)
    assert [p.name for p in transcript.people] == ["رهبر", "دکتر سارا رضایی", "دکتر علی کریمی"]
    assert transcript.turns[2].kind == "narrate" and transcript.turns[2].text == "سکوت"
    assert len({p.id for p in transcript.people}) == 3  # ids stay unique without Latin letters
    assert text_is_rtl(transcript.turns[0].text) and not text_is_rtl("Dr Ana: سلام")
    choices = {p.name: PersonChoice(p.id, p.display_name, p.kind) for p in transcript.people}
    choices["دکتر سارا رضایی"] = PersonChoice("presenter", "دکتر سارا رضایی", "presenter")
    choices["رهبر"] = PersonChoice("leader", "رهبر", "leader")
    text = build_scenario(transcript, choices, phase_starts={0: "frame"}, decisions_after=[1], language="fa")
    loaded = load_scenario_bytes(text, "fa.yaml")
    assert loaded.ok, [str(p) for p in loaded.problems]
    assert loaded.scenario is not None and loaded.scenario.language == "fa"
