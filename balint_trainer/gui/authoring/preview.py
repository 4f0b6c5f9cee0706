"""The whole script in the editor's preview: phases, lines, stage directions, decisions with options.

Everything from the file goes through the same sanitising renderers as the
player (``render_markdown`` / ``render_plain``), so a scenario cannot inject
markup or links the trainee would not see.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication

from balint_trainer.core.competencies import competency_label
from balint_trainer.core.model import DecisionStep, NarrateStep, PhaseStep, SayStep, Scenario


@functools.lru_cache(maxsize=8192)
def _markdown(text: str, language: str | None) -> str:
    """Rendered Markdown, remembered: between two validations nearly every line is unchanged."""
    from balint_trainer.core.markdown_render import render_markdown

    return render_markdown(text, language=language)


def _inline(html: str) -> str:
    """One rendered paragraph without its <p>, so it can follow a speaker's name on the same line."""
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


def script_html(scenario: Scenario) -> str:
    from balint_trainer.core.markdown_render import render_plain
    from balint_trainer.gui.practice.phase import phase_labels

    phases = phase_labels()
    language = scenario.language
    leader = QCoreApplication.translate("ScenarioEditor", "Leader (you)")
    heading = QCoreApplication.translate("ScenarioEditor", "Script")
    parts = [f"<h3>{render_plain(heading)}</h3>"]

    def line(speaker: str, text: str) -> str:
        person = scenario.people.get(speaker)
        name = leader if speaker == "leader" else person.name if person else speaker
        body = _markdown(text, language)
        inline = _inline(body)
        if inline != body:  # one paragraph: on the name's line, as in the player
            return f"<p><b>{render_plain(name)}:</b> {inline}</p>"
        return f"<p><b>{render_plain(name)}:</b></p>{body}"

    def direction(text: str) -> str:
        return f"<blockquote><i>{_markdown(text, language)}</i></blockquote>"

    for step in scenario.script:
        if isinstance(step, PhaseStep):
            label = phases.get(step.phase, step.phase)
            parts.append(f"<h4>— {render_plain(label)} —</h4>")
        elif isinstance(step, SayStep):
            parts.append(line(step.say, step.text))
        elif isinstance(step, NarrateStep):
            parts.append(direction(step.narrate))
        elif isinstance(step, DecisionStep):
            parts.append(_decision_html(scenario, step))
    return "".join(parts)


def _decision_html(scenario: Scenario, step: DecisionStep) -> str:
    from balint_trainer.core.markdown_render import render_plain
    from balint_trainer.core.scoring import credits

    language = scenario.language
    leader = QCoreApplication.translate("ScenarioEditor", "Leader (you)")
    title = QCoreApplication.translate("ScenarioEditor", "Decision %1").replace("%1", step.decision)
    competency = competency_label(step.competency, scenario.competencies)
    try:
        credit = credits(step)
    except Exception:  # a preview must never fail on an odd key
        credit = {}
    items = []
    for option in step.options:
        score = credit.get(option.id)
        badge = f" <small>[{round(100 * score)} %]</small>" if score is not None else ""
        then = []
        for consequence in option.then:
            who = ""
            if isinstance(consequence, SayStep):
                person = scenario.people.get(consequence.say)
                who = leader if consequence.say == "leader" else person.name if person else consequence.say
            words = consequence.text if isinstance(consequence, SayStep) else consequence.narrate
            words_html = _inline(_markdown(words, language))
            then.append(f"<br><small><i>→ <b>{render_plain(who)}</b> {words_html}</i></small>")
        text = _markdown(option.text, language)
        items.append(f"<li><b>{render_plain(option.id)}</b>{badge} {_inline(text)}{''.join(then)}</li>")
    return (
        f"<hr><h4>{render_plain(title)} <small>({render_plain(competency)})</small></h4>"
        f"{_markdown(step.prompt, language)}<ol>{''.join(items)}</ol><hr>"
    )
