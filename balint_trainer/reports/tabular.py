"""CSV exports: one row per stored answer, and the cohort item-analysis table.

Free text typed by people (names, own words) can start with ``=``, ``+``,
``-`` or ``@``, which spreadsheet programs run as a formula ("CSV
injection"). By default such cells get a leading apostrophe, the usual
neutralisation that Excel and LibreOffice display as plain text; pass
``formula_guard=False`` for a byte-faithful export to analysis scripts.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from balint_trainer.core.analytics import ITEM_COLUMNS, ItemStats, item_record
from balint_trainer.reports.data import TraineeReport

ANSWER_COLUMNS: tuple[str, ...] = (
    "attempt_uid",
    "trainee_id",
    "trainee",
    "cohort",
    "scenario",
    "version_sha256",
    "mode",
    "decision",
    "competency",
    "chosen_option",
    "panel_options",
    "credit",
    "own_words",
    "seconds",
    "answered_at",
    # Options as the trainee saw them: ids above are for joining, these are for reading.
    "chosen_text",
    "panel_texts",
    "chosen_position",
    "shown_order",
    "timed_out",  # real time ran out (1), recorded as no intervention; last: older columns keep their place
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def answer_records(reports: Iterable[TraineeReport]) -> Iterator[dict[str, Any]]:
    """One flat record per answered decision, oldest attempt first."""
    for report in reports:
        profile = report.profile
        for review in report.attempts:
            attempt = review.attempt
            for decision in review.answered:
                yield {
                    "attempt_uid": attempt.uid,
                    "trainee_id": profile.id,
                    "trainee": profile.name,
                    "cohort": profile.cohort or "",
                    "scenario": attempt.scenario_id,
                    "version_sha256": attempt.sha256,
                    "mode": attempt.mode,
                    "decision": decision.decision_id,
                    "competency": decision.competency,
                    "chosen_option": decision.chosen,
                    "panel_options": " ".join(decision.modal),
                    "credit": decision.credit,
                    "own_words": decision.own_words or "",
                    "seconds": "" if decision.seconds is None else decision.seconds,
                    "answered_at": decision.answered_at.isoformat() if decision.answered_at else "",
                    "chosen_text": decision.label(decision.chosen),
                    "panel_texts": " | ".join(decision.label(m) for m in decision.modal),
                    "chosen_position": decision.position(decision.chosen) or "",
                    "shown_order": " ".join(o.id for o in decision.options),
                    "timed_out": 1 if decision.timed_out else 0,
                }


def _write_rows(
    stream: IO[str], columns: Sequence[str], records: Iterable[dict[str, Any]], guarded: Sequence[str]
) -> int:
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        if guarded:
            record = {
                k: guard_formula(v) if k in guarded and isinstance(v, str) else v for k, v in record.items()
            }
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
        count += 1
    return count


def _write(
    target: Path | IO[str], columns: Sequence[str], records: Iterable[dict[str, Any]], guarded: Sequence[str]
) -> int:
    if isinstance(target, str | Path):
        # newline="" lets the csv module write its own \r\n and keep newlines inside quoted cells.
        with open(target, "w", encoding="utf-8-sig", newline="") as stream:
            return _write_rows(stream, columns, records, guarded)
    return _write_rows(target, columns, records, guarded)


def write_answers_csv(
    reports: Iterable[TraineeReport], target: Path | IO[str], *, formula_guard: bool = True
) -> int:
    """Write the answers CSV (UTF-8 with BOM so spreadsheets detect the encoding); returns the row count."""
    guarded = ("trainee", "cohort", "own_words", "chosen_text", "panel_texts") if formula_guard else ()
    return _write(target, ANSWER_COLUMNS, answer_records(reports), guarded)


# Added after the contract-era columns, so scripts reading by position keep working.
ITEM_EXTRA_COLUMNS: tuple[str, ...] = ("wrong_option_text", "item_rest", "scenario_alpha", "alpha_attempts")


def write_item_analysis_csv(
    stats: Iterable[ItemStats],
    target: Path | IO[str],
    extras: Mapping[tuple[str, str], Mapping[str, object]] | None = None,
) -> int:
    """One row per item; ``extras`` adds, per (scenario, decision), the wrong option's text and
    the reliability figures (``ITEM_EXTRA_COLUMNS``). The free-text column is formula-guarded."""
    extras = extras or {}

    def records() -> Iterable[dict[str, Any]]:
        for item in stats:
            yield {**item_record(item), **extras.get((item.scenario_id, item.decision_id), {})}

    return _write(target, (*ITEM_COLUMNS, *ITEM_EXTRA_COLUMNS), records(), ("wrong_option_text",))


def answers_csv_text(reports: Iterable[TraineeReport], *, formula_guard: bool = True) -> str:
    buffer = io.StringIO(newline="")
    write_answers_csv(reports, buffer, formula_guard=formula_guard)
    return buffer.getvalue()
