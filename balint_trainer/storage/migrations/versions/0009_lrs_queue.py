"""``lrs_queue``: xAPI statements waiting to be sent to the course's LRS, and their state.

One row per statement to send: an answer ("answered", with its decision id) or a finished
attempt ("completed" and "outcome" = passed/failed, decision id ''). The statement itself is
built when it is sent, from the attempt and its scenario version (see ``services.lrs``); the row
keeps only what identifies it (its id is a UUID5 of attempt uid + decision + kind) and the
sending state: ``waiting`` (with ``tries`` and ``next_try_at`` of the back-off), ``sent``, or
``failed`` (``last_error`` says why; the LRS refused it for good).

Rows are added by triggers, on both databases, in the same transaction as the answer or the
finished attempt: nothing the app or an import writes can miss its statement.

PostgreSQL: trainees may not read or write the queue. The triggers run ``SECURITY DEFINER``
functions (owned by the account that ran this migration) so a trainee's answer still enqueues
its statement. Supervisors and organisers get SELECT and UPDATE of the sending state, with
row-level security: they see rows of the attempts they may see (``attempts`` policies of 0002).

Revision ID: 0009_lrs_queue
Revises: 0007_comment_reads (the lead re-chains it; the brief said 0003_profile_uid, but 0007 is
the head here and two heads would stop every upgrade)
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_lrs_queue"
down_revision = "0007_comment_reads"
branch_labels = None
depends_on = None

_VISIBLE = "attempt_id IN (SELECT id FROM attempts)"
_COLUMNS = "attempt_id, decision_id, kind, status, tries, created_at"


def upgrade() -> None:
    op.create_table(
        "lrs_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('answered', 'completed', 'outcome')", name=op.f("ck_lrs_queue_kind")),
        sa.CheckConstraint("status IN ('waiting', 'sent', 'failed')", name=op.f("ck_lrs_queue_status")),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name=op.f("fk_lrs_queue_attempt_id_attempts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lrs_queue")),
        sa.UniqueConstraint("attempt_id", "decision_id", "kind", name="uq_lrs_queue_statement"),
    )
    op.create_index(op.f("ix_lrs_queue_status"), "lrs_queue", ["status"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        _postgres_triggers()
    else:
        _sqlite_triggers()


def _sqlite_triggers() -> None:
    def insert(kind: str, decision: str) -> str:
        return (
            f"INSERT OR IGNORE INTO lrs_queue ({_COLUMNS}) "
            f"VALUES (NEW.{'attempt_id' if kind == 'answered' else 'id'}, {decision}, '{kind}', 'waiting', 0, "
            "CURRENT_TIMESTAMP);"
        )

    op.execute(
        "CREATE TRIGGER lrs_queue_answer AFTER INSERT ON answers BEGIN "
        + insert("answered", "NEW.decision_id")
        + " END"
    )
    finished = insert("completed", "''") + " " + insert("outcome", "''")
    op.execute(
        "CREATE TRIGGER lrs_queue_finish AFTER UPDATE OF finished_at ON attempts "
        f"WHEN NEW.finished_at IS NOT NULL AND OLD.finished_at IS NULL BEGIN {finished} END"
    )
    # Imported bundles insert attempts that are already finished.
    op.execute(
        "CREATE TRIGGER lrs_queue_finished_insert AFTER INSERT ON attempts "
        f"WHEN NEW.finished_at IS NOT NULL BEGIN {finished} END"
    )


def _postgres_triggers() -> None:
    op.execute(
        "CREATE FUNCTION lrs_enqueue_answer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = public AS $$ BEGIN "
        f"INSERT INTO lrs_queue ({_COLUMNS}) VALUES (NEW.attempt_id, NEW.decision_id, 'answered', 'waiting', 0, now()) "
        "ON CONFLICT DO NOTHING; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE FUNCTION lrs_enqueue_attempt() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        "SET search_path = public AS $$ BEGIN "
        f"INSERT INTO lrs_queue ({_COLUMNS}) VALUES (NEW.id, '', 'completed', 'waiting', 0, now()), "
        "(NEW.id, '', 'outcome', 'waiting', 0, now()) ON CONFLICT DO NOTHING; RETURN NULL; END $$"
    )
    for function in ("lrs_enqueue_answer", "lrs_enqueue_attempt"):
        op.execute(f"REVOKE ALL ON FUNCTION {function}() FROM PUBLIC")
    op.execute(
        "CREATE TRIGGER lrs_queue_answer AFTER INSERT ON answers FOR EACH ROW EXECUTE FUNCTION lrs_enqueue_answer()"
    )
    op.execute(
        "CREATE TRIGGER lrs_queue_finish AFTER UPDATE OF finished_at ON attempts FOR EACH ROW "
        "WHEN (NEW.finished_at IS NOT NULL AND OLD.finished_at IS NULL) EXECUTE FUNCTION lrs_enqueue_attempt()"
    )
    op.execute(
        "CREATE TRIGGER lrs_queue_finished_insert AFTER INSERT ON attempts FOR EACH ROW "
        "WHEN (NEW.finished_at IS NOT NULL) EXECUTE FUNCTION lrs_enqueue_attempt()"
    )
    # Only supervisors and organisers (and the owner, who bypasses RLS) may read it or change the state.
    op.execute(
        "GRANT SELECT, UPDATE (status, tries, next_try_at, last_error, sent_at) ON lrs_queue "
        "TO bt_supervisor, bt_organiser"
    )
    op.execute("ALTER TABLE lrs_queue ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY lrs_queue_select ON lrs_queue FOR SELECT TO bt_supervisor, bt_organiser USING ({_VISIBLE})")
    op.execute(
        "CREATE POLICY lrs_queue_update ON lrs_queue FOR UPDATE TO bt_supervisor, bt_organiser "
        f"USING ({_VISIBLE}) WITH CHECK ({_VISIBLE})"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger, table in (
            ("lrs_queue_answer", "answers"),
            ("lrs_queue_finish", "attempts"),
            ("lrs_queue_finished_insert", "attempts"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS lrs_enqueue_answer()")
        op.execute("DROP FUNCTION IF EXISTS lrs_enqueue_attempt()")
    else:
        for trigger in ("lrs_queue_answer", "lrs_queue_finish", "lrs_queue_finished_insert"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_index(op.f("ix_lrs_queue_status"), table_name="lrs_queue")
    op.drop_table("lrs_queue")
