"""Integrity on a shared database: scenario texts match their hash, annotations belong to their expert.

PostgreSQL only (SQLite is one person's file; the app checks the same there):

* ``scenario_versions``: a CHECK that ``sha256`` is the SHA-256 of the stored text (with or
  without a UTF-8 byte-order mark, exactly as the file was read). Before this, any member could
  insert a row under a scenario's id and checksum with another text and key, and every other
  trainee's registration reused it. ``NOT VALID``: rows already stored are not rejected here
  (a course must still start); every reader verifies the hash as well.
* ``annotations``: row-level security. An expert reads and writes only their own blind votes;
  organisers read all (agreement, merging). Before this, any supervisor or organiser could
  insert or rewrite another expert's annotation, and any member could read every vote.

Revision ID: 0005_integrity
Revises: 0004_option_order
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0005_integrity"
down_revision = "0004_option_order"
branch_labels = None
depends_on = None

OWN = "(SELECT p.id FROM profiles p WHERE p.db_role = current_user)"
ORGANISER = "pg_has_role(current_user, 'bt_organiser', 'MEMBER')"
HASH_MATCHES = (
    "sha256 = encode(sha256(convert_to(text, 'UTF8')), 'hex') "
    "OR sha256 = encode(sha256('\\xefbbbf'::bytea || convert_to(text, 'UTF8')), 'hex')"
)


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _is_postgres():
        return
    op.execute(
        f"ALTER TABLE scenario_versions ADD CONSTRAINT ck_scenario_versions_sha256_of_text "
        f"CHECK ({HASH_MATCHES}) NOT VALID"
    )
    op.execute("ALTER TABLE annotations ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY annotations_select ON annotations FOR SELECT TO bt_member "
        f"USING (expert_profile_id IN {OWN} OR {ORGANISER})"
    )
    op.execute(
        "CREATE POLICY annotations_insert ON annotations FOR INSERT TO bt_member "
        f"WITH CHECK (expert_profile_id IN {OWN})"
    )
    op.execute(
        "CREATE POLICY annotations_update ON annotations FOR UPDATE TO bt_member "
        f"USING (expert_profile_id IN {OWN}) WITH CHECK (expert_profile_id IN {OWN})"
    )


def downgrade() -> None:
    if not _is_postgres():
        return
    for policy in ("annotations_select", "annotations_insert", "annotations_update"):
        op.execute(f"DROP POLICY IF EXISTS {policy} ON annotations")
    op.execute("ALTER TABLE annotations DISABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE scenario_versions DROP CONSTRAINT IF EXISTS ck_scenario_versions_sha256_of_text")
