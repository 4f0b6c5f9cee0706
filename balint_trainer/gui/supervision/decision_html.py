"""The supervisor's review of one decision as HTML: prompt, every option against the panel (the
shared renderer of reports/against_panel.py), the trainee's choice and words, and comments.

Built from Qt-free parts; only the texts are translated (context "SupervisorWindow").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.gui.local_time import when_text
from balint_trainer.gui.supervision.models import number
from balint_trainer.reports import AttemptReview, DecisionReview, format_seconds
from balint_trainer.reports.against_panel import against_panel_html, from_review

translate = QCoreApplication.translate


def decision_html(review: AttemptReview | None, decision: DecisionReview | None) -> str:
    """The review of one decision: prompt, options with panel votes, the trainee's choice, comments."""
    if decision is None or review is None:
        return ""
    lang = review.language
    esc = render_plain

    # Texts are translated before they go into the f-strings: lupdate does not look inside them.
    def heading(text: str) -> str:
        return f"<h4>{esc(text)}</h4>"

    def aside(text: str) -> str:
        return f"<p><i>{esc(text)}</i></p>"

    def comment(c: Any) -> str:
        text = esc(c.text).replace(chr(10), "<br/>")
        return f"<p>{text}<br/><small>— {esc(c.author_name)}, {esc(when_text(c.created_at))}</small></p>"

    out = [f"<h3>{esc(decision.decision_id)}"]
    if decision.competency_label:
        out.append(f" — {esc(decision.competency_label)}")
    out.append("</h3>")
    out.append(render_markdown(decision.prompt, language=lang))
    # Every option against the panel: the renderer the trainee's feedback and the report use.
    out.append(against_panel_html(from_review(decision), language=lang, trainee=False))
    if decision.answered:
        out.append(
            "<p>"
            + esc(
                translate(
                    "SupervisorWindow",
                    "Chosen: {chosen} · credit {credit} · time taken {time} · answered {when}",
                )
            ).format(
                chosen=f"<b>{esc(decision.label(decision.chosen))}</b>",
                credit=number(decision.credit),
                time=esc(format_seconds(decision.seconds) or translate("SupervisorWindow", "not recorded")),
                when=esc(when_text(decision.answered_at)),
            )
            + "</p>"
        )
        out.append(heading(translate("SupervisorWindow", "In their own words")))
        if decision.own_words:
            out.append("<blockquote>" + esc(decision.own_words).replace("\n", "<br/>") + "</blockquote>")
        else:
            out.append(aside(translate("SupervisorWindow", "Nothing written.")))
    else:
        out.append(aside(translate("SupervisorWindow", "Not answered in this attempt.")))
    out.append(heading(translate("SupervisorWindow", "Comments")))
    if decision.comments:
        out.extend(comment(c) for c in decision.comments)
    else:
        out.append(aside(translate("SupervisorWindow", "No comments yet.")))
    if review.general_comments:
        out.append(heading(translate("SupervisorWindow", "On the whole attempt")))
        out.extend(comment(c) for c in review.general_comments)
    return "".join(out)
