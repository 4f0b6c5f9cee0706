"""Qt-free report data and writers: per-trainee HTML, answers CSV, item analysis CSV, xAPI JSON."""

from __future__ import annotations

from balint_trainer.reports.data import (
    AttemptReview,
    CompetencyRow,
    DecisionReview,
    ScenarioCache,
    TraineeReport,
    format_seconds,
    review_attempt,
    trainee_report,
)
from balint_trainer.reports.html_report import trainee_report_html
from balint_trainer.reports.tabular import (
    ANSWER_COLUMNS,
    answer_records,
    write_answers_csv,
    write_item_analysis_csv,
)
from balint_trainer.reports.xapi import DEFAULT_HOME_PAGE, write_xapi_json, xapi_statements

__all__ = [
    "ANSWER_COLUMNS",
    "DEFAULT_HOME_PAGE",
    "AttemptReview",
    "CompetencyRow",
    "DecisionReview",
    "ScenarioCache",
    "TraineeReport",
    "answer_records",
    "format_seconds",
    "review_attempt",
    "trainee_report",
    "trainee_report_html",
    "write_answers_csv",
    "write_item_analysis_csv",
    "write_xapi_json",
    "xapi_statements",
]
