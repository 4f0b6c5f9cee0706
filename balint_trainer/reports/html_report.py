"""Per-trainee HTML report (also the source of the PDF, via Qt's QTextDocument).

Names, own words and comments are typed by people and escaped; scenario
Markdown goes through the sanitising renderer. The HTML sticks to what
QTextDocument understands (table attributes rather than CSS layout) so the
PDF looks like the browser view, and it uses no colours, so it prints well.

The report speaks the interface language (:mod:`balint_trainer.core.localise`)
and runs right to left when that language does; scenario text keeps the
direction of the scenario's own language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from balint_trainer.core.localise import translate
from balint_trainer.core.markdown_render import is_rtl, render_markdown
from balint_trainer.reports.against_panel import against_panel_html, from_review
from balint_trainer.reports.data import AttemptReview, DecisionReview, TraineeReport, format_seconds
from balint_trainer.reports.svg_charts import chart_img, competency_svg, progress_svg

_STYLE = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 18pt; margin-bottom: 2px; } h2 { font-size: 13pt; margin-top: 18px; } h3 { font-size: 11pt; }
h4 { font-size: 10pt; margin-top: 6px; margin-bottom: 2px; }
table { border-collapse: collapse; margin-bottom: 8px; }
th { font-weight: bold; font-size: 9pt; }
td { vertical-align: top; }
.muted { color: gray; }
.comment { font-style: italic; }
.subtitle { font-size: 11pt; color: gray; }
"""


@dataclass(frozen=True)
class _Layout:
    rtl: bool
    mirror_tables: bool  # columns in visual order, for QTextDocument (see trainee_report_html)

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _text(value: str | None) -> str:
    """Escaped free text with its line breaks kept."""
    return _e(value).replace("\n", "<br/>")


def _in_direction_of(language: str, html: str, layout: _Layout) -> str:
    """Text in the scenario's language keeps its own direction inside a report running the other way."""
    if not html or is_rtl(language) == layout.rtl:
        return html
    return f'<div dir="{"rtl" if is_rtl(language) else "ltr"}">{html}</div>'


def _md(text: str | None, language: str, layout: _Layout) -> str:
    rendered = render_markdown(text, language=language)
    if is_rtl(language):
        return rendered  # render_markdown already wraps right-to-left text in <div dir="rtl">
    # A single paragraph inside a table cell does not need its own margins.
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return _in_direction_of(language, rendered, layout)


def _when(moment: datetime | None) -> str:
    """Stored times are UTC; the reader wants the local clock."""
    if moment is None:
        return ""
    return (moment.astimezone() if moment.tzinfo else moment).strftime("%Y-%m-%d %H:%M")


def _number(value: float | None, digits: int = 2) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _table(
    layout: _Layout, headers: Sequence[str], rows: Iterable[Sequence[str]], widths: Sequence[int] = ()
) -> str:
    order = slice(None, None, -1) if layout.mirror_tables else slice(None)
    head = "".join(
        (f'<th width="{widths[i]}%">' if i < len(widths) else "<th>") + f"{_e(headers[i])}</th>"
        for i in range(len(headers))[order]
    )
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row[order]) + "</tr>" for row in rows)
    # <thead>: the header row repeats on every page of the PDF.
    return (
        f'<table dir="{layout.direction}" border="1" cellspacing="0" cellpadding="4" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _paragraph(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def _comments(comments: Iterable[object]) -> str:
    # People write comments in any language: dir="auto" lets a browser follow the text itself.
    parts = [
        f'<div class="comment" dir="auto">{_text(getattr(c, "text", ""))} '
        f'<span class="muted">— {_e(getattr(c, "author_name", ""))}, {_e(_when(getattr(c, "created_at", None)))}</span></div>'
        for c in comments
    ]
    return "".join(parts)


def _answer_cell(decision: DecisionReview, language: str, layout: _Layout) -> str:
    """Every option against the panel (the shared renderer), own words and comments, wrapping in one cell."""
    parts = []
    if decision.options:
        heading = translate("Report", "Options as shown:")
        parts.append(f'<div class="muted">{_e(heading)}</div>')
        # The report's direction and, for the PDF, columns in visual order (see trainee_report_html).
        parts.append(
            against_panel_html(
                from_review(decision),
                language=language,
                trainee=False,
                full_text=False,
                feedback=False,
                rtl=layout.rtl,
                mirror_tables=layout.mirror_tables,
            )
        )
    elif decision.chosen is not None:
        parts.append(
            f"<b>{_e(decision.chosen)}</b>"
        )  # the stored version is unreadable: the id is all there is
    if not decision.answered:
        unanswered = translate("Report", "not answered")
        parts.append(f'<p class="muted">{_e(unanswered)}</p>')
    if decision.own_words:
        heading = translate("Report", "Own words")
        # What the trainee would say to the group: in the group's (the scenario's) language.
        parts.append(
            f"<h4>{_e(heading)}</h4>" + _in_direction_of(language, _text(decision.own_words), layout)
        )
    if decision.comments:
        heading = translate("Report", "Comments")
        parts.append(f"<h4>{_e(heading)}</h4>" + _comments(decision.comments))
    return "".join(parts)


def _decision_row(number: int, decision: DecisionReview, language: str, layout: _Layout) -> list[str]:
    return [
        f"<b>{number}. {_e(decision.decision_id)}</b><br/>{_md(decision.prompt, language, layout)}"
        + (f'<br/><span class="muted">{_e(decision.competency_label)}</span>' if decision.competency else ""),
        _answer_cell(decision, language, layout),
        _number(decision.credit),
        _e(format_seconds(decision.seconds)),
    ]


def _mode(mode: str) -> str:
    names = {"practice": translate("Report", "practice"), "exam": translate("Report", "exam")}
    return names.get(mode, mode)


def _attempt_section(review: AttemptReview, index: int, layout: _Layout) -> str:
    attempt = review.attempt
    state = (
        translate("Report", "finished {when}, score {score}/100").format(
            when=_when(attempt.finished_at), score=_number(attempt.total, 0)
        )
        if attempt.finished_at
        else translate("Report", "not finished")
    )
    started = translate("Report", "started {when}").format(when=_when(attempt.started_at))
    version = translate("Report", "version {sha}").format(sha=str(attempt.sha256)[:12])
    parts = [
        f"<h3>{index}. {_e(review.title)}</h3>",
        f'<p class="muted">{_e(_mode(attempt.mode))} · {_e(started)} · {_e(state)} · {_e(version)}</p>',
    ]
    if review.load_problem:
        parts.append(f"<p><b>{_e(review.load_problem)}</b></p>")
    if review.general_comments:
        heading = translate("Report", "Comments on the attempt")
        parts.append(f"<p><b>{_e(heading)}</b></p>{_comments(review.general_comments)}")
    headers = (
        translate("Report", "Decision"),
        translate("Report", "Choice against the panel"),
        translate("Report", "Credit"),
        translate("Report", "Time"),
    )
    # Four columns wide enough for their headers ("Credit" never breaks) and for comments to wrap.
    # One table per decision: the PDF writer moves a table that would straddle a page to the
    # next page (gui/report_pdf.py), so a decision is never split; each piece keeps its header.
    for number, decision in enumerate(review.decisions, 1):
        row = _decision_row(number, decision, review.language, layout)
        parts.append(_table(layout, headers, [row], (28, 56, 8, 8)))
    return "".join(parts)


def _summary(report: TraineeReport, layout: _Layout) -> str:
    profile = report.profile
    attempts = translate("Report", "{count} ({finished} finished)").format(
        count=len(report.attempts), finished=len(report.finished)
    )
    rows = [
        (translate("Report", "Trainee"), _e(profile.name)),
        (translate("Report", "Cohort"), _e(profile.cohort or "—")),
        (translate("Report", "Attempts"), _e(attempts)),
        (translate("Report", "Mean score"), _number(report.mean_total, 0) or "—"),
        (translate("Report", "Report generated"), _e(_when(report.generated_at))),
    ]
    cells = [(f"<th>{_e(label)}</th>", f"<td>{value}</td>") for label, value in rows]
    # QTextDocument keeps a narrow table on the left whatever the direction: align it by hand.
    align = ' align="right"' if layout.mirror_tables and layout.rtl else ""
    order = slice(None, None, -1) if layout.mirror_tables else slice(None)
    return (
        f'<table dir="{layout.direction}"{align} cellspacing="0" cellpadding="3">'
        + "".join("<tr>" + "".join(pair[order]) + "</tr>" for pair in cells)
        + "</table>"
    )


def _competency_chart(report: TraineeReport) -> str:
    title = translate("Report", "Mean credit per competency (0–100)")
    chart = competency_svg(
        [(row.label, row.mean) for row in report.competencies],
        title=title,
        axis=translate("Report", "mean credit × 100"),
    )
    return f"<p>{chart_img(chart, title)}</p>"


def _progress_chart(report: TraineeReport) -> str:
    """Scores of finished attempts, oldest first (nothing to plot before two)."""
    finished = [r for r in report.finished if r.attempt.total is not None]
    if len(finished) < 2:
        return ""
    finished.sort(key=lambda r: r.attempt.finished_at)
    title = translate("Report", "Score of each finished attempt, oldest first")
    chart = progress_svg(
        [(str(n), float(r.attempt.total)) for n, r in enumerate(finished, 1)],
        title=title,
        x_axis=translate("Report", "finished attempt"),
        y_axis=translate("Report", "score"),
    )
    heading = translate("Report", "Progress")
    return f"<h3>{_e(heading)}</h3><p>{chart_img(chart, title)}</p>"


def trainee_report_html(report: TraineeReport, *, language: str = "en", mirror_tables: bool = False) -> str:
    """The report as a standalone HTML page.

    ``language`` is the interface language (BCP 47): a right-to-left one lays the
    report out right to left (the text itself comes from the installed translator).
    ``mirror_tables`` is for Qt's QTextDocument (the PDF), which ignores the direction
    of tables: in a right-to-left report it writes table columns in visual order.
    Browsers mirror tables themselves, so the HTML file must not ask for this.
    """
    layout = _Layout(rtl=is_rtl(language), mirror_tables=mirror_tables and is_rtl(language))
    # Scenarios are named by their title (as in the library), with the best finished score.
    titles = {review.attempt.scenario_id: review.title for review in report.finished}
    best = sorted(report.best_totals.items(), key=lambda kv: titles.get(kv[0], kv[0]).lower())
    best_table = (
        _table(
            layout,
            (translate("Report", "Scenario"), translate("Report", "Best score")),
            ([_e(titles.get(sid, sid)), _number(total, 0)] for sid, total in best),
            (80, 20),
        )
        if best
        else _paragraph(translate("Report", "No finished attempts yet."))
    )
    competency_table = (
        _table(
            layout,
            (
                translate("Report", "Competency"),
                translate("Report", "Answers"),
                translate("Report", "Mean credit"),
                translate("Report", "Latest attempt"),
            ),
            (
                [_e(row.label), str(row.answers), _number(row.mean), _number(row.latest)]
                for row in report.competencies
            ),
            (52, 14, 17, 17),
        )
        + _competency_chart(report)
        if report.competencies
        else _paragraph(translate("Report", "No answers yet."))
    )
    progress = _progress_chart(report)
    attempts = "".join(_attempt_section(review, i, layout) for i, review in enumerate(report.attempts, 1))
    # (translate() calls stay outside f-strings: lupdate does not look inside them.)
    title = _e(translate("Report", "Balint Trainer report: {name}").format(name=report.profile.name))
    best_heading = _e(translate("Report", "Best score per scenario"))
    subtitle = _e(translate("Report", "Trainee report: practice and exam attempts against the expert panel"))
    competencies_heading = _e(translate("Report", "Competencies"))
    attempts_heading = _e(translate("Report", "Attempts"))
    attempts = attempts or _paragraph(translate("Report", "No attempts yet."))
    credit_note = translate(
        "Report",
        "Credit is the share of the expert panel's votes for the chosen option relative "
        "to the most-voted option (1.00 = the panel's choice).",
    )
    from balint_trainer.reports.recorded_report import recorded_section

    recorded = recorded_section(report.recorded_sessions, layout)  # empty when none were coded
    direction = f'dir="{layout.direction}"'
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(language)}" {direction}><head><meta charset="utf-8"/><title>{title}</title>'
        f"<style>{_STYLE}</style></head><body {direction}>"
        f'<h1>{title}</h1><p class="subtitle">{subtitle}</p>{_summary(report, layout)}<hr/>'
        f"<h2>{best_heading}</h2>{best_table}{progress}"
        f"<h2>{competencies_heading}</h2>{competency_table}"
        f'<p class="muted">{_e(credit_note)}</p>'
        f"<h2>{attempts_heading}</h2>{attempts}"
        f"{recorded}"
        "</body></html>\n"
    )
