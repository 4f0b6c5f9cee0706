"""A stable identifier for every profile (``profiles.uid``, a UUID4).

xAPI statements named the trainee by profile name, which renames change and a
newcomer may reuse; the uid never changes and is never reused. Existing rows
each get their own uuid4 here (in Python: the same on SQLite and PostgreSQL).

PostgreSQL: ``bt_member`` has SELECT on the whole ``profiles`` table (0002), so
members read the new column too; no policy mentions it. SQLite: making the
column NOT NULL + UNIQUE recreates the table in batch mode, which is safe only
with foreign keys off (see ``storage.migrate.upgrade``): dropping the old table
would otherwise cascade-delete every attempt.

Revision ID: 0003_profile_uid
Revises: 0002_postgres_rls
Create Date: 2026-11-23
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003_profile_uid"
down_revision = "0002_postgres_rls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("profiles", sa.Column("uid", sa.String(36), nullable=True))
    bind = op.get_bind()
    ids = bind.execute(sa.text("SELECT id FROM profiles WHERE uid IS NULL")).scalars().all()
    for profile_id in ids:
        bind.execute(
            sa.text("UPDATE profiles SET uid = :uid WHERE id = :id"), {"uid": str(uuid.uuid4()), "id": profile_id}
        )
    with op.batch_alter_table("profiles") as batch:
        batch.alter_column("uid", existing_type=sa.String(36), nullable=False)
        batch.create_unique_constraint(op.f("uq_profiles_uid"), ["uid"])


def downgrade() -> None:
    with op.batch_alter_table("profiles") as batch:
        batch.drop_constraint(op.f("uq_profiles_uid"), type_="unique")
        batch.drop_column("uid")
