"""One decision against the expert panel, rendered the same way everywhere (no Qt).

The trainee's practice feedback, the end-of-session summary, the supervisor's review and the
printed report all show a decision through :func:`against_panel_html`, so they agree on what
is marked as the panel's choice (every option with the top vote count: a tie is called a
tie), how options are named (their text, in the order the trainee saw them) and what the
panel says about each option (not only the chosen one).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from balint_trainer.core.localise import number, translate
from balint_trainer.core.markdown_render import render_markdown
from balint_trainer.core.option_order import option_label


@dataclass(frozen=True)
class OptionLine:
    option_id: str
    position: int  # 1-based place on the trainee's screen
    text: str
    votes: int
    credit: float
    chosen: bool
    panel: bool  # one of the options with the most votes
    feedback: str | None = None  # what the scenario says about this option

    @property
    def label(self) -> str:
        return option_label(self.text)


@dataclass(frozen=True)
class AgainstPanel:
    """A decision's options in the order shown, with votes, credit and who chose what."""

    options: tuple[OptionLine, ...]
    experts: int
    chosen: str | None  # None: not answered
    timed_out: bool = False  # real time ran out: the choice was recorded as no intervention

    @property
    def panel(self) -> tuple[OptionLine, ...]:
        return tuple(o for o in self.options if o.panel)

    @property
    def tie(self) -> bool:
        return len(self.panel) > 1

    @property
    def matched(self) -> bool:
        return any(o.chosen and o.panel for o in self.options)

    def option(self, option_id: str | None) -> OptionLine | None:
        return next((o for o in self.options if o.option_id == option_id), None)


def build(
    order: Sequence[str],
    texts: Mapping[str, str],
    votes: Mapping[str, int],
    chosen: str | None,
    feedbacks: Mapping[str, str | None] | None = None,
    experts: int | None = None,
    *,
    timed_out: bool = False,
) -> AgainstPanel:
    """From plain data; the panel's choice is every option with the top vote count."""
    top = max((votes.get(o, 0) for o in order), default=0)
    feedbacks = feedbacks or {}
    lines = tuple(
        OptionLine(
            option_id=oid,
            position=n,
            text=texts.get(oid, oid),
            votes=votes.get(oid, 0),
            credit=votes.get(oid, 0) / top if top else 0.0,
            chosen=oid == chosen,
            panel=top > 0 and votes.get(oid, 0) == top,
            feedback=feedbacks.get(oid),
        )
        for n, oid in enumerate(order, start=1)
    )
    total = sum(line.votes for line in lines) if experts is None else experts
    return AgainstPanel(lines, total, chosen, timed_out)


def from_feedback(feedback: Any) -> AgainstPanel:
    """From a :class:`core.session_events.DecisionFeedback` (the player and the summary)."""
    order = tuple(feedback.votes)
    feedbacks = dict(getattr(feedback, "option_feedbacks", None) or {})
    if not feedbacks and feedback.option_feedback:
        feedbacks[feedback.chosen] = feedback.option_feedback
    return build(order, feedback.option_texts, feedback.votes, feedback.chosen, feedbacks)


def from_review(decision: Any) -> AgainstPanel:
    """From a :class:`reports.data.DecisionReview` (the supervisor and the report)."""
    options = decision.options
    return build(
        [o.id for o in options],
        {o.id: o.text for o in options},
        {o.id: o.votes for o in options},
        decision.chosen,
        {o.id: getattr(o, "feedback", None) for o in options},
        decision.experts,
        timed_out=bool(getattr(decision, "timed_out", False)),
    )


def _quoted(label: str) -> str:
    if label[:1] in "\"“”„«»‹›'‘’":  # already quoted speech: no second pair of quotes
        return label
    return translate("AgainstPanel", "“{text}”").format(text=label)


def _listed(labels: Sequence[str]) -> str:
    if len(labels) <= 1:
        return "".join(labels)
    return translate("AgainstPanel", "{first} and {last}").format(
        first=", ".join(labels[:-1]), last=labels[-1]
    )


def verdict(view: AgainstPanel, *, trainee: bool = True) -> str:
    """One sentence: did the choice match the panel's, and was the panel tied?

    ``trainee``: addressed to the trainee ("you"); otherwise about them (review, report).
    """
    panel = [_quoted(o.label) for o in view.panel]
    if view.chosen is None:
        return translate("AgainstPanel", "Not answered.")
    if view.matched and view.tie:
        text = (
            translate("AgainstPanel", "You chose one of the {count} options tied for the panel's choice.")
            if trainee
            else translate(
                "AgainstPanel", "The trainee chose one of the {count} options tied for the panel's choice."
            )
        )
        return text.format(count=number(len(panel)))
    if view.matched:
        return (
            translate("AgainstPanel", "You chose what most of the panel chose.")
            if trainee
            else translate("AgainstPanel", "The trainee chose what most of the panel chose.")
        )
    if not panel:
        return translate("AgainstPanel", "No expert votes for this decision.")
    if view.tie:
        return translate("AgainstPanel", "The panel's votes were tied between {options}.").format(
            options=_listed(panel)
        )
    return translate("AgainstPanel", "The panel most often chose {option}.").format(option=panel[0])


def timed_out_note(view: AgainstPanel, *, trainee: bool = True) -> str:
    """Said of a decision left unanswered in real time (review and reports)."""
    option = view.option(view.chosen)
    if option is None:
        return (
            translate("AgainstPanel", "No answer in time: no intervention (not in the key).")
            if trainee
            else translate("AgainstPanel", "No answer in time: the trainee let the time run out (not in the key).")
        )
    text = (
        translate("AgainstPanel", "No answer in time: recorded as no intervention, which the key lists as {option}.")
        if trainee
        else translate(
            "AgainstPanel",
            "No answer in time: the trainee let the time run out, recorded as {option} (the key's no intervention).",
        )
    )
    return text.format(option=_quoted(option.label))


def marks(line: OptionLine, view: AgainstPanel, *, trainee: bool = True) -> list[str]:
    """Short tags for an option: whose choice it is; a tied panel choice says so."""
    out = []
    if line.chosen:
        out.append(
            translate("AgainstPanel", "your choice")
            if trainee
            else translate("AgainstPanel", "trainee's choice")
        )
    if line.panel:
        out.append(
            translate("AgainstPanel", "tied for the panel's choice")
            if view.tie
            else translate("AgainstPanel", "panel's choice")
        )
    return out


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def against_panel_html(
    view: AgainstPanel,
    *,
    language: str | None = None,
    trainee: bool = True,
    feedback: bool = True,
    full_text: bool = True,
    rtl: bool = False,
    mirror_tables: bool = False,
) -> str:
    """The verdict, a table of every option (votes, credit, marks) and the feedback on each.

    ``rtl`` gives the table a right-to-left direction; ``mirror_tables`` writes its columns in
    visual order for Qt's QTextDocument, which ignores a table's direction (the PDF report).
    ``full_text`` prints each option's whole text in the table; without it the table names
    options by their shortened label (the printed report, where space is short) and the
    chosen option and the panel's are printed in full once, below the table.
    """
    rows = []
    for line in view.options:
        tags = " · ".join(marks(line, view, trainee=trainee))
        if full_text:
            text = render_markdown(line.text, language=language)
            last = f"<td><b>{_e(tags)}</b></td>"
        else:  # the printed report: short names, the tags beside them (one column fewer)
            text = f"<b>{_e(line.label)}</b>" if tags else _e(line.label)
            text += f" <b>({_e(tags)})</b>" if tags else ""
            last = ""
        cells = [
            f'<td align="center">{number(line.position)}</td>',
            f"<td>{text}</td>",
            f'<td align="center">{number(line.votes)}/{number(view.experts)}</td>',
            f'<td align="center">{number(line.credit, 2)}</td>',
        ] + ([last] if last else [])
        rows.append("<tr>" + "".join(cells[::-1] if mirror_tables else cells) + "</tr>")
    headers = [
        translate("AgainstPanel", "Shown") if full_text else "#",
        translate("AgainstPanel", "Option"),
        translate("AgainstPanel", "Votes"),
        translate("AgainstPanel", "Credit"),
    ]
    # Widths keep a nested table readable inside a report cell (Qt squeezes the text column else).
    widths = [10, 52, 12, 12, 14] if full_text else [6, 62, 16, 16]
    if full_text:
        headers.append(translate("AgainstPanel", "Choice"))
    # nowrap: in a narrow pane (the summary's details) Qt broke "Shown" over two lines.
    heads = [f'<th width="{w}%" style="white-space:nowrap">{_e(h)}</th>' for h, w in zip(headers, widths, strict=True)]
    head = "".join(heads[::-1] if mirror_tables else heads)
    parts = [
        f'<table dir="{"rtl" if rtl else "ltr"}" border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>",
        f"<p><b>{_e(verdict(view, trainee=trainee))}</b></p>",
    ]
    if view.timed_out:  # the option alone cannot tell "chose to wait" from "ran out of time"
        parts.insert(0, f"<p><b>{_e(timed_out_note(view, trainee=trainee))}</b></p>")
    if not full_text:
        # The chosen option in full, and the panel's when it differs: each text printed once.
        for line in view.options:
            if line.chosen or line.panel:
                tags = " · ".join(marks(line, view, trainee=trainee))
                where = translate("AgainstPanel", "shown {position} of {count}").format(
                    position=number(line.position), count=number(len(view.options))
                )
                parts.append(
                    f"<p><b>{_e(tags)}</b> ({_e(where)})</p>" + render_markdown(line.text, language=language)
                )
    if feedback and any(line.feedback for line in view.options):
        heading = translate("AgainstPanel", "About each option")
        parts.append(f"<h4>{_e(heading)}</h4>")
        for line in view.options:
            if line.feedback:
                option_tags = marks(line, view, trainee=trainee)
                name = _quoted(line.label) + (f" ({', '.join(option_tags)})" if option_tags else "")
                parts.append(f"<p><b>{_e(name)}</b></p>" + render_markdown(line.feedback, language=language))
    return "".join(parts)
