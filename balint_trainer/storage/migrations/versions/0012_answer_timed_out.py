"""Real-time mode: mark answers recorded because the time to decide ran out.

``answers.timed_out`` is true when a real-time decision was left unanswered, also when the
scenario keys a ``no-intervention`` option and that option is stored as the answer (the
option id alone cannot tell "chose to wait" from "ran out of time"). NOT NULL with a server
default of false, so every existing row reads as answered in time.

PostgreSQL: the table-level grants of 0002 on ``answers`` cover the new column.

Revision ID: 0012_answer_timed_out
Revises: 0011_recorded_sessions
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_answer_timed_out"
down_revision = "0011_recorded_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "answers",
        sa.Column("timed_out", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    # No batch mode: recreating ``answers`` on SQLite would lose rows' foreign-key cascades
    # while foreign keys are on. SQLite drops a column natively since 3.35 (2021).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE answers DROP COLUMN timed_out")
    else:
        op.drop_column("answers", "timed_out")
