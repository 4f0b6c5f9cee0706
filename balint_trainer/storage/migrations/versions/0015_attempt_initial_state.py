"""Follow-up sessions: the state an attempt starts in.

``attempts.initial_state`` holds, for an attempt of a follow-up scenario (``follows`` with
``carries``), the flags and counters it inherited and the uid of the earlier attempt they came
from (``{"values": {...}, "from": uid or null}``; see core.followup.Inheritance). Stored, not
recomputed, so resuming, review and reports follow the same path after the trainee plays the
earlier meeting again. NULL for every other attempt (they start from the file's defaults).

PostgreSQL: the table-level grants of 0002 on ``attempts`` cover the new column.

Revision ID: 0015_attempt_initial_state
Revises: 0014_recorded_edit
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_attempt_initial_state"
down_revision = "0014_recorded_edit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attempts", sa.Column("initial_state", sa.JSON(), nullable=True))


def downgrade() -> None:
    # As 0012: no batch mode (recreating the table would lose foreign-key cascades on SQLite).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE attempts DROP COLUMN initial_state")
    else:
        op.drop_column("attempts", "initial_state")
