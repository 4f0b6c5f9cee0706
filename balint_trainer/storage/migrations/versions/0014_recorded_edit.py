"""Codings of recorded sessions can be edited (in place) and deleted, and travel in bundles.

* ``recorded_sessions.updated_at``: when the coding was last edited (NULL: never). An edit
  replaces moments, ratings and note in place; the uid stays, so a bundle carries the
  current coding and an import keeps the later of two versions.
* ``recorded_sessions.supervisor_name`` and a nullable ``supervisor_id``: a coding imported
  from a bundle whose supervisor has no profile here keeps the supervisor's name only.

PostgreSQL: the coding supervisor (``supervisor_id`` is their own profile) may update the
coding's content columns and delete it; an organiser may read, update and delete every
coding; nobody else may update or delete one (trainees and other supervisors are refused by
row-level security or by missing privileges).

Revision ID: 0014_recorded_edit
Revises: 0012_answer_timed_out
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from balint_trainer.storage.models import UTCDateTime

revision = "0014_recorded_edit"
# main's head at the last merge (0012_answer_timed_out); re-chain onto 0013_item_analysis_index
# if that lands first (two heads would stop every start-up).
down_revision = "0012_answer_timed_out"
branch_labels = None
depends_on = None

OWN = "(SELECT p.id FROM profiles p WHERE p.db_role = current_user)"
COHORT = (
    "(SELECT t.id FROM profiles t JOIN profiles s ON s.cohort = t.cohort "
    "WHERE s.db_role = current_user AND s.role = 'supervisor' AND t.role = 'trainee')"
)
CONTENT = "moments, global_ratings, note, duration_s, updated_at"
POLICIES = (
    "recorded_sessions_select_organiser",
    "recorded_sessions_update",
    "recorded_sessions_update_organiser",
    "recorded_sessions_delete",
    "recorded_sessions_delete_organiser",
)


def upgrade() -> None:
    with op.batch_alter_table("recorded_sessions") as batch:
        batch.add_column(sa.Column("supervisor_name", sa.String(200), nullable=True))
        batch.add_column(sa.Column("updated_at", UTCDateTime(), nullable=True))
        batch.alter_column("supervisor_id", existing_type=sa.Integer(), nullable=True)
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"GRANT UPDATE ({CONTENT}) ON recorded_sessions TO bt_supervisor, bt_organiser")
    op.execute("GRANT DELETE ON recorded_sessions TO bt_supervisor, bt_organiser")
    op.execute(
        "CREATE POLICY recorded_sessions_select_organiser ON recorded_sessions FOR SELECT "
        "TO bt_organiser USING (true)"
    )
    op.execute(
        "CREATE POLICY recorded_sessions_update ON recorded_sessions FOR UPDATE TO bt_supervisor "
        f"USING (supervisor_id IN {OWN}) WITH CHECK (supervisor_id IN {OWN} AND trainee_id IN {COHORT})"
    )
    op.execute(
        "CREATE POLICY recorded_sessions_update_organiser ON recorded_sessions FOR UPDATE "
        "TO bt_organiser USING (true) WITH CHECK (true)"
    )
    op.execute(
        "CREATE POLICY recorded_sessions_delete ON recorded_sessions FOR DELETE TO bt_supervisor "
        f"USING (supervisor_id IN {OWN})"
    )
    op.execute(
        "CREATE POLICY recorded_sessions_delete_organiser ON recorded_sessions FOR DELETE "
        "TO bt_organiser USING (true)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for policy in POLICIES:
            op.execute(f"DROP POLICY IF EXISTS {policy} ON recorded_sessions")
        op.execute("REVOKE UPDATE, DELETE ON recorded_sessions FROM bt_supervisor, bt_organiser")
    op.execute("DELETE FROM recorded_sessions WHERE supervisor_id IS NULL")  # cannot be kept
    with op.batch_alter_table("recorded_sessions") as batch:
        batch.alter_column("supervisor_id", existing_type=sa.Integer(), nullable=False)
        batch.drop_column("updated_at")
        batch.drop_column("supervisor_name")
