"""Recorded sessions a supervisor coded (competency moments and global ratings).

Only the recording's SHA-256, duration and file name are stored; the audio or video
never enters the database.

PostgreSQL: row-level security like comments (see services.security): a supervisor
inserts and reads codings of the trainees in their cohort, written under their own
profile; the trainee reads their own; nobody updates or deletes (the table owner may).

Revision ID: 0011_recorded_sessions
Revises: 0010_review_cards
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from balint_trainer.storage.models import UTCDateTime

revision = "0011_recorded_sessions"
# main's head when written (after 0010_review_cards): re-chain if needed.
down_revision = "0010_review_cards"
branch_labels = None
depends_on = None

OWN = "(SELECT p.id FROM profiles p WHERE p.db_role = current_user)"
COHORT = (
    "(SELECT t.id FROM profiles t JOIN profiles s ON s.cohort = t.cohort "
    "WHERE s.db_role = current_user AND s.role = 'supervisor' AND t.role = 'trainee')"
)


def upgrade() -> None:
    op.create_table(
        "recorded_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False),
        sa.Column("moments", sa.JSON(), nullable=False),
        sa.Column("global_ratings", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["trainee_id"], ["profiles.id"], name=op.f("fk_recorded_sessions_trainee_id_profiles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["profiles.id"],
            name=op.f("fk_recorded_sessions_supervisor_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recorded_sessions")),
        sa.UniqueConstraint("uid", name=op.f("uq_recorded_sessions_uid")),
    )
    op.create_index(op.f("ix_recorded_sessions_trainee_id"), "recorded_sessions", ["trainee_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("GRANT SELECT, INSERT ON recorded_sessions TO bt_member")
    op.execute("GRANT USAGE, SELECT ON SEQUENCE recorded_sessions_id_seq TO bt_member")
    op.execute("ALTER TABLE recorded_sessions ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY recorded_sessions_select ON recorded_sessions FOR SELECT TO bt_member "
        f"USING (trainee_id IN {OWN} OR trainee_id IN {COHORT})"
    )
    op.execute(
        "CREATE POLICY recorded_sessions_insert ON recorded_sessions FOR INSERT TO bt_supervisor "
        f"WITH CHECK (supervisor_id IN {OWN} AND trainee_id IN {COHORT})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP POLICY IF EXISTS recorded_sessions_insert ON recorded_sessions")
        op.execute("DROP POLICY IF EXISTS recorded_sessions_select ON recorded_sessions")
    op.drop_index(op.f("ix_recorded_sessions_trainee_id"), table_name="recorded_sessions")
    op.drop_table("recorded_sessions")
