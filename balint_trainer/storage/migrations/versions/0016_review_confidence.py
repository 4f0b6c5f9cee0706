"""Spaced review: how sure the trainee was in review answers, for the calibration chart.

``review_cards.confidence_tally`` counts, per confidence level, the review answers given with
that level and the sum of their credit (``{"1": [answers, credit sum], ...}``; see
core.calibration.tallied). Answers in scenario attempts are not counted here: they are rows
of ``answers`` with their own confidence. NULL: no review answer with a confidence yet.

PostgreSQL: the table-level grants and row policy of 0010 on ``review_cards`` cover the column.

Revision ID: 0016_review_confidence
Revises: 0015_attempt_initial_state
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016_review_confidence"
down_revision = "0015_attempt_initial_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("review_cards", sa.Column("confidence_tally", sa.JSON(), nullable=True))


def downgrade() -> None:
    # As 0012: no batch mode (recreating the table would lose foreign-key cascades on SQLite).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE review_cards DROP COLUMN confidence_tally")
    else:
        op.drop_column("review_cards", "confidence_tally")
