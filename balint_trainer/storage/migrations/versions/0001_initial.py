"""Initial schema: profiles, credentials, scenario versions, attempts, answers, comments, annotations.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from balint_trainer.storage.models import UTCDateTime

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("cohort", sa.String(200), nullable=True),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column("db_role", sa.String(63), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("role IN ('trainee', 'supervisor', 'organiser')", name=op.f("ck_profiles_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_profiles_name")),
        sa.UniqueConstraint("db_role", name=op.f("uq_profiles_db_role")),
    )
    op.create_index(op.f("ix_profiles_cohort"), "profiles", ["cohort"])
    op.create_table(
        "credentials",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"], ["profiles.id"], name=op.f("fk_credentials_profile_id_profiles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("profile_id", name=op.f("pk_credentials")),
    )
    op.create_table(
        "scenario_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.String(100), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("registered_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_versions")),
        sa.UniqueConstraint("scenario_id", "sha256", name="uq_scenario_versions_id_sha256"),
    )
    op.create_index(op.f("ix_scenario_versions_scenario_id"), "scenario_versions", ["scenario_id"])
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(36), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(20), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("total", sa.Float(), nullable=True),
        sa.CheckConstraint("mode IN ('practice', 'exam')", name=op.f("ck_attempts_mode")),
        sa.ForeignKeyConstraint(
            ["profile_id"], ["profiles.id"], name=op.f("fk_attempts_profile_id_profiles"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["version_id"], ["scenario_versions.id"], name=op.f("fk_attempts_version_id_scenario_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attempts")),
        sa.UniqueConstraint("uid", name=op.f("uq_attempts_uid")),
    )
    op.create_index(op.f("ix_attempts_profile_id"), "attempts", ["profile_id"])
    op.create_index(op.f("ix_attempts_version_id"), "attempts", ["version_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.String(100), nullable=False),
        sa.Column("option_id", sa.String(100), nullable=False),
        sa.Column("competency", sa.String(100), nullable=False),
        sa.Column("own_words", sa.Text(), nullable=True),
        sa.Column("seconds", sa.Float(), nullable=True),
        sa.Column("credit", sa.Float(), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name=op.f("fk_answers_attempt_id_attempts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
        sa.UniqueConstraint("attempt_id", "decision_id", name="uq_answers_attempt_decision"),
    )
    op.create_index(op.f("ix_answers_attempt_id"), "answers", ["attempt_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.String(100), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"], ["attempts.id"], name=op.f("fk_comments_attempt_id_attempts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["profiles.id"], name=op.f("fk_comments_author_id_profiles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    op.create_index(op.f("ix_comments_attempt_id"), "comments", ["attempt_id"])
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.String(100), nullable=False),
        sa.Column("expert_profile_id", sa.Integer(), nullable=False),
        sa.Column("best", sa.String(100), nullable=False),
        sa.Column("ratings", sa.JSON(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["scenario_versions.id"],
            name=op.f("fk_annotations_version_id_scenario_versions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["expert_profile_id"],
            ["profiles.id"],
            name=op.f("fk_annotations_expert_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annotations")),
        sa.UniqueConstraint(
            "version_id", "decision_id", "expert_profile_id", name="uq_annotations_version_decision_expert"
        ),
    )
    op.create_index(op.f("ix_annotations_version_id"), "annotations", ["version_id"])


def downgrade() -> None:
    for table in ("annotations", "comments", "answers", "attempts", "scenario_versions", "credentials"):
        op.drop_table(table)
    op.drop_index(op.f("ix_profiles_cohort"), table_name="profiles")
    op.drop_table("profiles")
