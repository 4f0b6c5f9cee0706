"""Adaptive practice: spaced-review cards per profile and decision, confidence with answers.

* ``review_cards``: one FSRS card (``core.scheduling``) per (profile, scenario id,
  decision id), created or updated whenever that profile answers the decision (in
  practice, exam or a review). ``uid`` identifies it across databases (bundles).
* ``answers.confidence``: 1 unsure, 2 fairly sure, 3 sure; NULL when not asked.
  Nullable, so no existing row changes; the service checks the range.

PostgreSQL: ``review_cards`` gets row-level security like ``attempts``, but stricter:
a member reads and writes only their own cards (supervisors see answers, not
schedules). The table-level grants of 0002 on ``answers`` cover the new column.

Revision ID: 0010_review_cards
Revises: 0009_lrs_queue
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from balint_trainer.storage.models import UTCDateTime

revision = "0010_review_cards"
# The brief said 0003_profile_uid; main's head when last merged was 0009 (0007 -> 0009) and two
# heads would stop every start-up, so this follows 0009. Re-chain if another migration lands first.
down_revision = "0009_lrs_queue"
branch_labels = None
depends_on = None

OWN = "(SELECT p.id FROM profiles p WHERE p.db_role = current_user)"


def upgrade() -> None:
    op.create_table(
        "review_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.String(100), nullable=False),
        sa.Column("decision_id", sa.String(100), nullable=False),
        sa.Column("competency", sa.String(100), nullable=False),
        sa.Column("state", sa.Integer(), nullable=False),
        sa.Column("step", sa.Integer(), nullable=True),
        sa.Column("stability", sa.Float(), nullable=True),
        sa.Column("difficulty", sa.Float(), nullable=True),
        sa.Column("due", UTCDateTime(), nullable=False),
        sa.Column("last_review", UTCDateTime(), nullable=True),
        sa.Column("reps", sa.Integer(), nullable=False),
        sa.Column("lapses", sa.Integer(), nullable=False),
        sa.Column("last_credit", sa.Float(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_review_cards_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_cards")),
        sa.UniqueConstraint("uid", name=op.f("uq_review_cards_uid")),
        sa.UniqueConstraint(
            "profile_id", "scenario_id", "decision_id", name="uq_review_cards_profile_decision"
        ),
    )
    op.create_index(op.f("ix_review_cards_profile_id"), "review_cards", ["profile_id"])
    op.add_column("answers", sa.Column("confidence", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("GRANT SELECT, INSERT, UPDATE ON review_cards TO bt_member")
    op.execute("GRANT USAGE, SELECT ON SEQUENCE review_cards_id_seq TO bt_member")
    op.execute("ALTER TABLE review_cards ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY review_cards_own ON review_cards FOR ALL TO bt_member "
        f"USING (profile_id IN {OWN}) WITH CHECK (profile_id IN {OWN})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE answers DROP COLUMN confidence")
    else:
        op.drop_column("answers", "confidence")
    op.drop_index(op.f("ix_review_cards_profile_id"), table_name="review_cards")
    op.drop_table("review_cards")  # drops its policy with it
