"""Shuffled options: a per-attempt seed and the order shown with every answer.

``attempts.option_seed`` seeds the order each decision's options are shown in
(``core.option_order``); NULL, as for every attempt made before this revision,
means file order. ``answers.shown_order`` (a JSON list of option ids) records
what the trainee saw, so review and reports do not depend on recomputing it.
Both columns are nullable: no existing row changes.

PostgreSQL: 0002 granted ``bt_member`` SELECT and INSERT on the whole
``attempts`` and ``answers`` tables, which covers new columns, and the
row-level security policies filter rows, not columns. The column-level UPDATE
grant on attempts (finished_at, total) deliberately stays as it is: the seed
is written when the attempt is inserted and never changed.

Revision ID: 0004_option_order
Revises: 0003_profile_uid
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_option_order"
down_revision = "0003_profile_uid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attempts", sa.Column("option_seed", sa.String(64), nullable=True))
    op.add_column("answers", sa.Column("shown_order", sa.JSON(), nullable=True))


def downgrade() -> None:
    # No batch mode: recreating ``attempts`` on SQLite would cascade-delete answers and comments
    # when foreign keys are on. SQLite drops a column natively since 3.35 (2021).
    for table, column in (("answers", "shown_order"), ("attempts", "option_seed")):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        else:
            op.drop_column(table, column)
