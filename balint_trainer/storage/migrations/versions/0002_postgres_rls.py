"""PostgreSQL only: group roles, privileges and row-level security for shared courses.

See :mod:`balint_trainer.services.security` for the whole design (what the
database enforces and what only the app does). On SQLite this is a no-op.

Revision ID: 0002_postgres_rls
Revises: 0001_initial
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002_postgres_rls"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

GROUPS = ("bt_member", "bt_trainee", "bt_supervisor", "bt_organiser")
RLS_TABLES = ("credentials", "attempts", "answers", "comments")

# Profiles of the connected login role (normally exactly one).
OWN = "(SELECT p.id FROM profiles p WHERE p.db_role = current_user)"
# Trainees in the cohort of the connected supervisor.
COHORT = (
    "(SELECT t.id FROM profiles t JOIN profiles s ON s.cohort = t.cohort "
    "WHERE s.db_role = current_user AND s.role = 'supervisor' AND t.role = 'trainee')"
)


def _is_postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _is_postgres():
        return
    # Roles are cluster-wide: create them once, tolerate every other database having done so.
    for group in GROUPS:
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {group} NOLOGIN; END IF; END $$"
        )
    for group in GROUPS[1:]:
        op.execute(f"GRANT bt_member TO {group}")

    op.execute("GRANT USAGE ON SCHEMA public TO bt_member")
    op.execute("GRANT SELECT ON alembic_version, profiles, scenario_versions, annotations TO bt_member")
    op.execute("GRANT SELECT ON credentials TO bt_member")
    op.execute("GRANT INSERT ON scenario_versions TO bt_member")
    op.execute("GRANT SELECT, INSERT ON attempts, answers, comments TO bt_member")
    # Finishing an attempt is the only change a member may make to it; answers are append-only.
    op.execute("GRANT UPDATE (finished_at, total) ON attempts TO bt_member")
    op.execute("GRANT INSERT, UPDATE ON annotations TO bt_supervisor, bt_organiser")
    op.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bt_member")

    for table in RLS_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")

    op.execute(f"CREATE POLICY credentials_own ON credentials FOR SELECT TO bt_member USING (profile_id IN {OWN})")
    op.execute(
        "CREATE POLICY attempts_select ON attempts FOR SELECT TO bt_member "
        f"USING (profile_id IN {OWN} OR profile_id IN {COHORT})"
    )
    op.execute(f"CREATE POLICY attempts_insert ON attempts FOR INSERT TO bt_member WITH CHECK (profile_id IN {OWN})")
    op.execute(
        "CREATE POLICY attempts_update ON attempts FOR UPDATE TO bt_member "
        # Only unfinished attempts: a finished one cannot be reopened to add answers.
        f"USING (profile_id IN {OWN} AND finished_at IS NULL) WITH CHECK (profile_id IN {OWN})"
    )
    # ``attempts`` below is itself filtered by the policies above for the connected role.
    op.execute(
        "CREATE POLICY answers_select ON answers FOR SELECT TO bt_member USING (attempt_id IN (SELECT id FROM attempts))"
    )
    op.execute(
        "CREATE POLICY answers_insert ON answers FOR INSERT TO bt_member WITH CHECK (attempt_id IN "
        f"(SELECT a.id FROM attempts a WHERE a.profile_id IN {OWN} AND a.finished_at IS NULL))"
    )
    op.execute(
        "CREATE POLICY comments_select ON comments FOR SELECT TO bt_member "
        "USING (attempt_id IN (SELECT id FROM attempts))"
    )
    op.execute(
        "CREATE POLICY comments_insert ON comments FOR INSERT TO bt_supervisor WITH CHECK "
        f"(author_id IN {OWN} AND attempt_id IN (SELECT a.id FROM attempts a WHERE a.profile_id IN {COHORT}))"
    )


def downgrade() -> None:
    if not _is_postgres():
        return
    for policy, table in (
        ("credentials_own", "credentials"),
        ("attempts_select", "attempts"),
        ("attempts_insert", "attempts"),
        ("attempts_update", "attempts"),
        ("answers_select", "answers"),
        ("answers_insert", "answers"),
        ("comments_select", "comments"),
        ("comments_insert", "comments"),
    ):
        op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
    for table in RLS_TABLES:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM bt_member, bt_supervisor, bt_organiser")
    op.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM bt_member")
