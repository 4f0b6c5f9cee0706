"""The one renderer of "a decision against the panel" (player, summary, supervisor, report)."""

from __future__ import annotations

from balint_trainer.reports.against_panel import against_panel_html, build, marks, verdict

TEXTS = {"a": "Wait.", "b": "Talk.", "c": "Lecture."}
FEEDBACK = {"a": "Silence lets them think.", "b": "Talking fills the space.", "c": None}


def test_a_tie_marks_every_tied_option_and_says_so() -> None:
    view = build(("b", "a", "c"), TEXTS, {"a": 2, "b": 2, "c": 0}, "b", FEEDBACK)
    assert view.tie and view.matched
    assert [o.panel for o in view.options] == [True, True, False]
    assert marks(view.option("a"), view) == ["tied for the panel's choice"]
    assert marks(view.option("b"), view) == ["your choice", "tied for the panel's choice"]
    assert verdict(view) == "You chose one of the 2 options tied for the panel's choice."
    missed = build(("b", "a", "c"), TEXTS, {"a": 2, "b": 2, "c": 0}, "c")
    assert verdict(missed) == "The panel's votes were tied between “Talk.” and “Wait.”."


def test_single_panel_choice_and_third_person() -> None:
    view = build(("a", "b", "c"), TEXTS, {"a": 3, "b": 1, "c": 0}, "b")
    assert not view.tie and not view.matched
    assert verdict(view) == "The panel most often chose “Wait.”."
    assert marks(view.option("b"), view, trainee=False) == ["trainee's choice"]
    assert (
        verdict(build(("a",), TEXTS, {"a": 1}, "a"), trainee=False)
        == "The trainee chose what most of the panel chose."
    )
    assert verdict(build(("a",), TEXTS, {"a": 1}, None)) == "Not answered."


def test_html_gives_feedback_on_every_option_in_the_order_shown() -> None:
    view = build(("b", "a", "c"), TEXTS, {"a": 3, "b": 1, "c": 0}, "b", FEEDBACK)
    html = against_panel_html(view)
    assert html.index("Talk.") < html.index("Wait.") < html.index("Lecture.")
    # Not just the chosen option's feedback: the panel's option's too.
    assert "Talking fills the space." in html and "Silence lets them think." in html
    assert "3/4" in html and "0.33" in html


def test_short_form_prints_each_text_once_when_the_choice_matched() -> None:
    long = {k: v + " " + "word " * 30 for k, v in TEXTS.items()}
    view = build(("a", "b"), long, {"a": 3, "b": 1}, "a")
    html = against_panel_html(view, full_text=False)
    assert html.count(long["a"].strip()) == 1  # chosen = panel: its full text once
    assert long["b"].strip() not in html  # the others by their short label
