"""The trainee report's section on recorded sessions a supervisor coded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from balint_trainer.core import recorded_session as rs
from balint_trainer.core.localise import translate
from balint_trainer.reports.html_report import _e, _table, _text, _when


def recorded_section(sessions: Sequence[Any], layout: Any) -> str:
    """Each coding: recording, global ratings per competency, marked moments. Empty if none."""
    if not sessions:
        return ""
    heading = _e(translate("Report", "Recorded sessions coded by a supervisor"))
    note = _e(
        translate(
            "Report",
            "Ratings: 1 not yet seen, 2 emerging, 3 competent, 4 proficient, 5 exemplary. "
            "The recordings themselves are not stored; the checksum identifies each file.",
        )
    )
    parts = [f"<h2>{heading}</h2>", f'<p class="muted">{note}</p>']
    for index, session in enumerate(sessions, 1):
        caption = translate(
            "Report", "Recorded session {n}: {file} ({length}), coded by {who} on {when}"
        ).format(
            n=index,
            file=session.file_name,
            length=rs.format_time(session.duration_s),
            who=session.supervisor_name or "—",
            when=_when(session.created_at),
        )
        parts.append(f"<h3>{_e(caption)}</h3>")
        if getattr(session, "updated_at", None):  # edited in place: this is the current coding
            edited = translate("Report", "Last edited on {when}.").format(when=_when(session.updated_at))
            parts.append(f'<p class="muted">{_e(edited)}</p>')
        parts.append(f'<p class="muted">SHA-256 {_e(session.sha256)}</p>')
        if session.global_ratings:
            parts.append(
                _table(
                    layout,
                    (translate("Report", "Competency"), translate("Report", "Global rating")),
                    (
                        [_e(rs.coding_label(c)), _e(f"{r} {rs.anchor_label(r)}")]
                        for c, r in session.global_ratings.items()
                    ),
                )
            )
        if session.moments:
            parts.append(
                _table(
                    layout,
                    (
                        translate("Report", "Time"),
                        translate("Report", "Competency"),
                        translate("Report", "Rating"),
                        translate("Report", "Note"),
                    ),
                    (
                        [
                            _e(rs.format_time(m.seconds)),
                            _e(rs.coding_label(m.competency)),
                            _e(f"{m.rating} {rs.anchor_label(m.rating)}" if m.rating else ""),
                            f'<span dir="auto">{_text(m.note)}</span>',
                        ]
                        for m in session.moments
                    ),
                    (10, 35, 20, 35),
                )
            )
        if session.note:
            parts.append(f'<p dir="auto">{_text(session.note)}</p>')
    return "".join(parts)
