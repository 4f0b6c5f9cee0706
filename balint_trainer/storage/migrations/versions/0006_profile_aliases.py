"""Remembered bundle matches: a profile uid from another machine -> a profile here.

An offline trainee's bundle carries the uid of the profile on their laptop; the
supervisor matches it once to the profile they created (or a new one) and this
table remembers the match, so every later bundle goes to the same profile.

PostgreSQL: only the table owner (the course admin) imports bundles and merges
profiles, so members get no privilege on this table at all (no GRANT, hence no
row-level security needed: ``bt_member`` cannot read or write it).

Revision ID: 0006_profile_aliases
Revises: 0005_integrity
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from balint_trainer.storage.models import UTCDateTime

revision = "0006_profile_aliases"
# Follows main's head at the time of writing (the brief named 0003_profile_uid, which already
# had a child): re-chain if another migration lands first.
down_revision = "0005_integrity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile_aliases",
        sa.Column("foreign_uid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_profile_aliases_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("foreign_uid", name=op.f("pk_profile_aliases")),
    )
    op.create_index(op.f("ix_profile_aliases_profile_id"), "profile_aliases", ["profile_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_profile_aliases_profile_id"), table_name="profile_aliases")
    op.drop_table("profile_aliases")
