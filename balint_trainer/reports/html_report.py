"""Per-trainee HTML report (also the source of the PDF, via Qt's QTextDocument).

Names, own words and comments are typed by people and escaped; scenario
Markdown goes through the sanitising renderer. The HTML sticks to what
QTextDocument understands (table attributes rather than CSS layout) so the
PDF looks like the browser view, and it uses no colours, so it prints well.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape

from balint_trainer.core.markdown_render import is_rtl, render_markdown
from balint_trainer.reports.data import AttemptReview, DecisionReview, TraineeReport, format_seconds

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 18px; } h3 { font-size: 11pt; }
table { border-collapse: collapse; margin-bottom: 8px; }
th { font-weight: bold; font-size: 9pt; }
.muted { color: gray; }
.comment { font-style: italic; }
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _text(value: str | None) -> str:
    """Escaped free text with its line breaks kept."""
    return _e(value).replace("\n", "<br/>")


def _md(text: str | None, language: str) -> str:
    rendered = render_markdown(text, language=language)
    # A single paragraph inside a table cell does not need its own margins.
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        return rendered[3:-4]
    return rendered


def _when(moment: datetime | None) -> str:
    """Stored times are UTC; the reader wants the local clock."""
    if moment is None:
        return ""
    return (moment.astimezone() if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M")


def _number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]], widths: Iterable[int] = ()) -> str:
    sizes = list(widths)
    head = "".join(
        f'<th width="{sizes[i]}%">{_e(h)}</th>' if i < len(sizes) else f"<th>{_e(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    # <thead>: the header row repeats on every page of the PDF.
    return (
        f'<table border="1" cellspacing="0" cellpadding="4" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _comments(comments: Iterable[object]) -> str:
    parts = [
        f'<div class="comment">{_text(getattr(c, "text", ""))} '
        f'<span class="muted">— {_e(getattr(c, "author_name", ""))}, {_e(_when(getattr(c, "created_at", None)))}</span></div>'
        for c in comments
    ]
    return "".join(parts)


def _option_cell(decision: DecisionReview, option_id: str | None, language: str) -> str:
    if option_id is None:
        return '<span class="muted">not answered</span>'
    option = decision.option(option_id)
    label = f"<b>{_e(option_id)}</b>"
    if option is None:
        return label
    return f"{label} {_md(option.text, language)}"


def _panel_cell(decision: DecisionReview, language: str) -> str:
    if not decision.modal:
        return ""
    cells = [_option_cell(decision, option_id, language) for option_id in decision.modal]
    option = decision.option(decision.modal[0])
    votes = f' <span class="muted">({option.votes}/{decision.experts} experts)</span>' if option else ""
    return "<br/>".join(cells) + votes


def _decision_row(decision: DecisionReview, language: str) -> list[str]:
    chosen_votes = decision.chosen_votes
    chosen = _option_cell(decision, decision.chosen, language)
    if decision.answered and chosen_votes is not None:
        chosen += f' <span class="muted">({chosen_votes}/{decision.experts} experts)</span>'
    return [
        f"<b>{_e(decision.decision_id)}</b><br/>{_md(decision.prompt, language)}"
        + (f'<br/><span class="muted">{_e(decision.competency_label)}</span>' if decision.competency else ""),
        chosen,
        _panel_cell(decision, language),
        _number(decision.credit),
        _e(format_seconds(decision.seconds)),
        _text(decision.own_words),
        _comments(decision.comments),
    ]


def _attempt_section(review: AttemptReview, index: int) -> str:
    attempt = review.attempt
    state = (
        f"finished {_e(_when(attempt.finished_at))}, score {_number(attempt.total, 0)}/100"
        if attempt.finished_at
        else "not finished"
    )
    direction = ' dir="rtl"' if is_rtl(review.language) else ""
    parts = [
        f"<h3>{index}. {_e(review.title)}</h3>",
        f'<p class="muted">{_e(attempt.mode)} · started {_e(_when(attempt.started_at))} · {state}'
        f" · version {_e(str(attempt.sha256)[:12])}</p>",
    ]
    if review.load_problem:
        parts.append(f"<p><b>{_e(review.load_problem)}</b></p>")
    if review.general_comments:
        parts.append(f"<p><b>Comments on the attempt</b></p>{_comments(review.general_comments)}")
    headers = ("Decision", "Chosen", "Panel", "Credit", "Time", "Own words", "Comments")
    table = _table(
        headers, (_decision_row(d, review.language) for d in review.decisions), (22, 20, 20, 7, 7, 12, 12)
    )
    parts.append(f"<div{direction}>{table}</div>")
    return "".join(parts)


def trainee_report_html(report: TraineeReport) -> str:
    profile = report.profile
    finished = report.finished
    summary_rows = [
        ("Trainee", _e(profile.name)),
        ("Cohort", _e(profile.cohort or "—")),
        ("Attempts", f"{len(report.attempts)} ({len(finished)} finished)"),
        ("Mean score", _number(report.mean_total, 0) or "—"),
        ("Report generated", _e(_when(report.generated_at))),
    ]
    summary = (
        '<table cellspacing="0" cellpadding="3">'
        + "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in summary_rows)
        + "</table>"
    )

    best = report.best_totals
    best_table = (
        _table(
            ("Scenario", "Best score"), ([_e(sid), _number(total, 0)] for sid, total in sorted(best.items()))
        )
        if best
        else "<p>No finished attempts yet.</p>"
    )
    competency_table = (
        _table(
            ("Competency", "Answers", "Mean credit", "Latest attempt"),
            (
                [_e(row.label), str(row.answers), _number(row.mean), _number(row.latest)]
                for row in report.competencies
            ),
        )
        if report.competencies
        else "<p>No answers yet.</p>"
    )
    attempts = "".join(_attempt_section(review, i) for i, review in enumerate(report.attempts, 1))
    title = f"Balint Trainer report: {_e(profile.name)}"
    return (
        "<!DOCTYPE html>\n"
        f'<html><head><meta charset="utf-8"/><title>{title}</title><style>{_STYLE}</style></head><body>'
        f"<h1>{title}</h1>{summary}"
        f"<h2>Best score per scenario</h2>{best_table}"
        f"<h2>Competencies</h2>{competency_table}"
        '<p class="muted">Credit is the share of the expert panel\'s votes for the chosen option relative '
        "to the most-voted option (1.00 = the panel's choice).</p>"
        f"<h2>Attempts</h2>{attempts or '<p>No attempts yet.</p>'}"
        "</body></html>\n"
    )
