"""A trainee's own review of a past attempt, as safe HTML (no Qt).

For every decision: what the trainee saw (the options in the order shown on their
screen), what they chose, the panel's split, the feedback on *every* option, the
rationale, the expert notes and the supervisor's comments. Options are named by their
shortened text (:func:`core.option_order.option_label`), never by an id or a letter
the trainee never saw. Scenario Markdown goes through the sanitising renderer; names
and comments are escaped. User-visible words go through :func:`core.localise.translate`
(context "OwnReview"), so the GUI shows them in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from balint_trainer.core.localise import number as localised
from balint_trainer.core.localise import translate
from balint_trainer.core.markdown_render import render_inline, render_markdown, render_plain
from balint_trainer.reports.data import AttemptReview, DecisionReview, format_seconds


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return (moment.astimezone() if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M")


def _quoted(label: str) -> str:
    if label[:1] in "\"“”„«»‹›'‘’":  # already quoted speech: no second pair of quotes
        return label
    return translate("OwnReview", "“{label}”").format(label=label)


def _heading(text: str, level: int = 4) -> str:
    return f"<h{level}>{render_plain(text)}</h{level}>"


def _aside(text: str) -> str:
    return f"<p><i>{render_plain(text)}</i></p>"


Clock = Callable[[datetime | None], str]


def comments_html(comments: Iterable[Any], new_ids: Collection[int] = (), when: Clock = _when) -> str:
    """Comments with author and time; those in ``new_ids`` are marked new (unread until now)."""
    new_mark = translate("OwnReview", "New")
    parts = []
    for c in comments:
        badge = f"<b>[{render_plain(new_mark)}]</b> " if getattr(c, "id", None) in new_ids else ""
        text = render_plain(getattr(c, "text", "")).replace("\n", "<br/>")
        by = f"— {render_plain(getattr(c, 'author_name', ''))}, {render_plain(when(getattr(c, 'created_at', None)))}"
        parts.append(f'<p dir="auto">{badge}{text}<br/><small>{by}</small></p>')
    return "".join(parts)


def decision_html(
    decision: DecisionReview,
    language: str,
    *,
    number: int | None = None,
    count: int | None = None,
    new_comment_ids: Collection[int] = (),
    when: Clock = _when,
) -> str:
    """One decision of a trainee's own attempt, everything the panel says about it."""
    label = decision.label
    title = decision.competency_label or decision.decision_id
    if number is not None and count is not None:
        title = translate("OwnReview", "Decision {number} of {count}: {competency}").format(
            number=localised(number), count=localised(count), competency=title
        )
    out = [_heading(title, 3), render_markdown(decision.prompt, language=language)]

    if decision.options:
        mine, panel = translate("OwnReview", "your choice"), translate("OwnReview", "panel's choice")
        headers = (
            translate("OwnReview", "Shown"),
            translate("OwnReview", "Option"),
            translate("OwnReview", "Panel votes"),
            translate("OwnReview", "Credit"),
            "",
        )
        rows = []
        for position, option in enumerate(decision.options, start=1):
            marks = [
                m
                for m, on in ((mine, option.id == decision.chosen), (panel, option.id in decision.modal))
                if on
            ]
            rows.append(
                "<tr>"
                f"<td>{position}</td>"
                f"<td>{render_markdown(option.text, language=language)}</td>"
                f"<td>{option.votes}/{decision.experts}</td>"
                f"<td>{localised(option.credit, 2)}</td>"
                f"<td><b>{render_plain(' · '.join(marks))}</b></td>"
                "</tr>"
            )
        head = "".join(f"<th>{render_plain(h)}</th>" for h in headers)
        out.append(_heading(translate("OwnReview", "What you saw, and how the panel voted")))
        out.append(
            f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{"".join(rows)}</table>'
        )

    if decision.answered:
        chose = translate("OwnReview", "You chose {option}: credit {credit}, time taken {time}.").format(
            option=_quoted(label(decision.chosen)),
            credit=localised(decision.credit, 2) if decision.credit is not None else "—",
            time=format_seconds(decision.seconds) or translate("OwnReview", "not recorded"),
        )
        out.append(f"<p><b>{render_plain(chose)}</b></p>")
        if decision.timed_out:  # real time ran out: the same words as the supervisor's review
            from balint_trainer.reports.against_panel import from_review, timed_out_note

            out.append(f"<p><b>{render_plain(timed_out_note(from_review(decision)))}</b></p>")
        if decision.own_words:
            out.append(_heading(translate("OwnReview", "In your own words")))
            out.append(
                '<blockquote dir="auto">'
                + render_plain(decision.own_words).replace("\n", "<br/>")
                + "</blockquote>"
            )
    else:
        out.append(_aside(translate("OwnReview", "Not answered in this attempt.")))

    if decision.rationale:
        # The player's words for the same things (context "Feedback"), already translated.
        out.append(_heading(translate("Feedback", "Why")))
        out.append(render_markdown(decision.rationale, language=language))

    if decision.options:
        out.append(_heading(translate("OwnReview", "Feedback on each option")))
        items = []
        no_feedback = translate("OwnReview", "No feedback is written for this option.")
        for option in decision.options:
            marks = []
            if option.id == decision.chosen:
                marks.append(translate("OwnReview", "your choice"))
            if option.id in decision.modal:
                marks.append(translate("OwnReview", "panel's choice"))
            suffix = f" <i>({render_plain(' · '.join(marks))})</i>" if marks else ""
            body = (
                render_markdown(option.feedback, language=language)
                if option.feedback
                else _aside(no_feedback)
            )
            items.append(f"<li><b>{render_plain(_quoted(label(option.id)))}</b>{suffix}{body}</li>")
        out.append(f"<ul>{''.join(items)}</ul>")

    if decision.expert_notes:
        out.append(_heading(translate("Feedback", "Expert notes")))
        chose_text = translate("Feedback", "chose %1")
        notes = "".join(
            f"<li><i>{render_plain(expert)}</i> ({render_plain(chose_text.replace('%1', _quoted(label(best))))}): "
            f"{render_inline(note, language=language)}</li>"
            for expert, best, note in decision.expert_notes
        )
        out.append(f"<ul>{notes}</ul>")
    if decision.agreement is not None and decision.agreement < 0.5:
        out.append(
            _aside(
                translate(
                    "Feedback", "The panel disagreed a lot on this decision; treat the credit with care."
                )
            )
        )

    out.append(_heading(translate("OwnReview", "Your supervisor's comments")))
    if decision.comments:
        out.append(comments_html(decision.comments, new_comment_ids, when))
    else:
        out.append(_aside(translate("OwnReview", "No comments on this decision.")))
    return "".join(out)


def attempt_html(review: AttemptReview, *, new_comment_ids: Collection[int] = (), when: Clock = _when) -> str:
    """The whole attempt: general comments first, then every decision in scenario order.
    ``when`` formats times (the GUI passes the locale's format; default ISO-like, local time)."""
    out = [_heading(review.title, 2)]
    attempt = review.attempt
    total = getattr(attempt, "total", None)
    if getattr(attempt, "finished_at", None) is None or total is None:
        score = translate("OwnReview", "not finished")
    else:
        score = translate("OwnReview", "score {score}").format(score=localised(total))
    exam = getattr(attempt, "mode", "") == "exam"
    facts = translate("OwnReview", "Started {started} · {mode} · {score}").format(
        started=when(getattr(attempt, "started_at", None)),
        mode=translate("OwnReview", "exam") if exam else translate("OwnReview", "practice"),
        score=score,
    )
    out.append(f"<p>{render_plain(facts)}</p>")
    if review.load_problem:
        out.append(_aside(review.load_problem))
    if review.general_comments:
        out.append(_heading(translate("OwnReview", "Comments on the whole attempt"), 3))
        out.append(comments_html(review.general_comments, new_comment_ids, when))
    count = len(review.decisions)
    for number, decision in enumerate(review.decisions, start=1):
        out.append("<hr/>")
        out.append(
            decision_html(
                decision,
                review.language,
                number=number,
                count=count,
                new_comment_ids=new_comment_ids,
                when=when,
            )
        )
    return "".join(out)


def recorded_sessions_html(
    sessions: Sequence[Any], simulator: Mapping[str, float], *, when: Clock = _when, rtl: bool = False
) -> str:
    """The trainee's recorded sessions a supervisor coded, newest first, after a comparison
    per competency with their simulator results (mean credit). Ratings carry their anchor
    ("3 Competent") and the competency's plain "what good looks like". ``rtl``: the interface
    language is written right to left (the text is the interface's, not a scenario's)."""
    body = _recorded_sessions(sessions, simulator, when)
    return f'<div dir="rtl">{body}</div>' if rtl else body


def _recorded_sessions(sessions: Sequence[Any], simulator: Mapping[str, float], when: Clock) -> str:
    from balint_trainer.core import recorded_session as rs

    def cells(values: Iterable[str], tag: str = "td") -> str:
        return "<tr>" + "".join(f"<{tag}>{v}</{tag}>" for v in values) + "</tr>"

    def table(head: Iterable[str], rows: Iterable[str]) -> str:
        return (
            '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
            + cells((render_plain(h) for h in head), "th")
            + "".join(rows)
            + "</table>"
        )

    def rated(rating: int | None) -> str:
        return render_plain(f"{rating} {rs.anchor_label(rating)}") if rating else "—"

    out = [_heading(translate("OwnReview", "Recorded sessions coded by your supervisor"), 2)]
    if not sessions:
        out.append(_aside(translate("OwnReview", "No recorded session of a group you led has been coded yet.")))
        return "".join(out)
    out.append(
        _aside(
            translate(
                "OwnReview",
                "Ratings: 1 not yet seen, 2 emerging, 3 competent, 4 proficient, 5 exemplary. "
                "The recordings themselves are not stored.",
            )
        )
    )
    latest: dict[str, int] = {}
    for session in sessions:  # oldest first: later codings overwrite
        latest.update(session.global_ratings)
    competencies = [c for c in rs.CODING_COMPETENCIES if c in latest or c in simulator]
    out.append(_heading(translate("OwnReview", "Your simulator results and your supervisor's ratings"), 3))
    out.append(
        table(
            (
                translate("OwnReview", "Competency"),
                translate("OwnReview", "Simulator (mean credit)"),
                translate("OwnReview", "Recorded sessions (latest rating)"),
            ),
            (
                cells(
                    (
                        render_plain(rs.coding_label(c)),
                        f"{localised(100 * simulator[c])} %" if c in simulator else "—",
                        rated(latest.get(c)),
                    )
                )
                for c in competencies
            ),
        )
    )
    for session in reversed(list(sessions)):
        title = translate("OwnReview", "{when}: {file} ({length}), coded by {who}").format(
            when=when(session.created_at),
            file=session.file_name,
            length=rs.format_time(session.duration_s),
            who=session.supervisor_name or "—",
        )
        out.append("<hr/>" + _heading(title, 3))
        if getattr(session, "updated_at", None):
            edited = translate("OwnReview", "Last edited {when}.").format(when=when(session.updated_at))
            out.append(_aside(edited))
        if session.global_ratings:
            out.append(_heading(translate("OwnReview", "Global ratings")))
            out.append(
                table(
                    (
                        translate("OwnReview", "Competency"),
                        translate("OwnReview", "Rating"),
                        translate("OwnReview", "What good looks like"),
                    ),
                    (
                        cells((render_plain(rs.coding_label(c)), rated(r), render_plain(rs.good_looks_like(c))))
                        for c, r in session.global_ratings.items()
                        if c in rs.CODING_COMPETENCIES
                    ),
                )
            )
        if session.moments:
            out.append(_heading(translate("OwnReview", "Marked moments")))
            out.append(
                table(
                    (
                        translate("OwnReview", "Time"),
                        translate("OwnReview", "Competency"),
                        translate("OwnReview", "Rating"),
                        translate("OwnReview", "Note"),
                    ),
                    (
                        cells(
                            (
                                render_plain(rs.format_time(m.seconds)),
                                render_plain(rs.coding_label(m.competency)),
                                rated(m.rating),
                                render_plain(m.note).replace("\n", "<br/>"),
                            )
                        )
                        for m in session.moments
                    ),
                )
            )
        if session.note:
            out.append('<p dir="auto">' + render_plain(session.note).replace("\n", "<br/>") + "</p>")
    return "".join(out)


__all__ = ["attempt_html", "comments_html", "decision_html", "recorded_sessions_html"]
