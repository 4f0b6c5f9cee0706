"""Supervisor comments reach the trainee: a stable uid per comment and a read state per trainee.

* ``comments.uid`` (UUID4): identifies a comment across databases, so a feedback file
  (``services.feedback_files``) imported twice adds nothing. Existing rows get one each
  here; the column stays nullable (making it NOT NULL would recreate ``comments`` on
  SQLite), and a unique index keeps uids apart.
* ``comment_reads`` (comment, profile, read_at): the trainee has read that comment.

PostgreSQL: members read their own read marks and may insert one only for themselves and
only for a comment on one of their own attempts (row-level security, checked against
``comments`` and ``attempts``, which are themselves filtered by 0002's policies). Nobody
but the owner may update or delete read marks; supervisors do not see them.

Revision ID: 0007_comment_reads
Revises: 0006_profile_aliases
Create Date: 2026-12-05
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007_comment_reads"
# The brief asked for "0003_profile_uid"; main already holds 0004–0006 after it, and a second
# head would stop every start-up, so this follows main's head (the lead may re-chain it).
down_revision = "0006_profile_aliases"
branch_labels = None
depends_on = None

OWN = "(SELECT p.id FROM profiles p WHERE p.db_role = current_user)"


def upgrade() -> None:
    op.add_column("comments", sa.Column("uid", sa.String(36), nullable=True))
    bind = op.get_bind()
    for comment_id in bind.execute(sa.text("SELECT id FROM comments WHERE uid IS NULL")).scalars().all():
        bind.execute(
            sa.text("UPDATE comments SET uid = :uid WHERE id = :id"),
            {"uid": str(uuid.uuid4()), "id": comment_id},
        )
    op.create_index(op.f("ix_comments_uid"), "comments", ["uid"], unique=True)
    op.create_table(
        "comment_reads",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["comment_id"],
            ["comments.id"],
            name=op.f("fk_comment_reads_comment_id_comments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_comment_reads_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("comment_id", "profile_id", name=op.f("pk_comment_reads")),
    )
    op.create_index(op.f("ix_comment_reads_profile_id"), "comment_reads", ["profile_id"])
    if bind.dialect.name != "postgresql":
        return
    op.execute("GRANT SELECT, INSERT ON comment_reads TO bt_member")
    op.execute("ALTER TABLE comment_reads ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY comment_reads_select ON comment_reads FOR SELECT TO bt_member USING (profile_id IN {OWN})"
    )
    op.execute(
        "CREATE POLICY comment_reads_insert ON comment_reads FOR INSERT TO bt_member WITH CHECK "
        f"(profile_id IN {OWN} AND comment_id IN (SELECT c.id FROM comments c JOIN attempts a "
        f"ON a.id = c.attempt_id WHERE a.profile_id IN {OWN}))"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for policy in ("comment_reads_select", "comment_reads_insert"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON comment_reads")
    op.drop_index(op.f("ix_comment_reads_profile_id"), table_name="comment_reads")
    op.drop_table("comment_reads")
    op.drop_index(op.f("ix_comments_uid"), table_name="comments")
    # Not batch mode: recreating ``comments`` is not needed (SQLite drops a column since 3.35).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE comments DROP COLUMN uid")
    else:
        op.drop_column("comments", "uid")
