"""SQLAlchemy 2 typed ORM models of everything the trainer stores.

Only :mod:`balint_trainer.services` uses these; the GUI and the CLI receive
frozen DTOs (:mod:`balint_trainer.services.dto`) and never touch a Session.
Every table is created by the Alembic migrations in ``migrations/versions``;
``Base.metadata`` is only the autogenerate target and is checked against the
migrations by the tests.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

ROLES = ("trainee", "supervisor", "organiser")
MODES = ("practice", "exam")

# Stable constraint names so migrations (and SQLite batch mode) can refer to them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on every backend (SQLite stores naive text)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use UTC-aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Profile(Base):
    """A person using the trainer: trainee, supervisor or organiser.

    ``db_role`` is the PostgreSQL login role of an account on a shared
    database; row-level security compares it with ``current_user``.
    ``uid`` identifies the person outside the database (xAPI actor account):
    unlike ``name`` it survives renames and is never handed on to a namesake.
    """

    __tablename__ = "profiles"
    __table_args__ = (CheckConstraint("role IN ('trainee', 'supervisor', 'organiser')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    cohort: Mapped[str | None] = mapped_column(String(200), index=True)
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    db_role: Mapped[str | None] = mapped_column(String(63), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Credential(Base):
    """argon2id password hash of an account, kept apart so profiles can be world-readable."""

    __tablename__ = "credentials"

    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ScenarioVersion(Base):
    """One exact scenario file (id + SHA-256 of its bytes); attempts are scored against it."""

    __tablename__ = "scenario_versions"
    __table_args__ = (UniqueConstraint("scenario_id", "sha256", name="uq_scenario_versions_id_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario_id: Mapped[str] = mapped_column(String(100), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    # Deferred: attempt lists join their version and must not drag the YAML along.
    text: Mapped[str] = mapped_column(Text, deferred=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Attempt(Base):
    __tablename__ = "attempts"
    __table_args__ = (CheckConstraint("mode IN ('practice', 'exam')", name="mode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Stable across databases: offline bundles are merged on it.
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    mode: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    total: Mapped[float | None] = mapped_column(Float)
    # Seed of the options' shown order (core.option_order); NULL (older attempts): file order.
    option_seed: Mapped[str | None] = mapped_column(String(64))
    # A follow-up's inherited start (core.followup.Inheritance.to_json); NULL: the file's defaults.
    initial_state: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    version: Mapped[ScenarioVersion] = relationship(lazy="joined")
    answers: Mapped[list[AnswerRow]] = relationship(
        order_by="AnswerRow.id", cascade="all, delete-orphan", passive_deletes=True
    )


class AnswerRow(Base):
    """One decision answered in an attempt, with the credit it earned when given."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("attempt_id", "decision_id", name="uq_answers_attempt_decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[str] = mapped_column(String(100))
    option_id: Mapped[str] = mapped_column(String(100))
    competency: Mapped[str] = mapped_column(String(100))
    own_words: Mapped[str | None] = mapped_column(Text)
    seconds: Mapped[float | None] = mapped_column(Float)
    credit: Mapped[float] = mapped_column(Float)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Option ids in the order shown (a JSON list), so the evidence does not rest on recomputing it.
    shown_order: Mapped[list[str] | None] = mapped_column(JSON)
    # 1 unsure, 2 fairly sure, 3 sure, given before feedback; NULL when not asked.
    confidence: Mapped[int | None] = mapped_column(Integer)
    # Real time ran out: recorded as no intervention, even when that is a keyed option.
    timed_out: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Comment(Base):
    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[str | None] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Stable across databases: feedback files are merged on it (nullable only for SQLite's sake).
    uid: Mapped[str | None] = mapped_column(String(36), unique=True, index=True, default=new_uid)

    author: Mapped[Profile] = relationship(lazy="joined")


class CommentRead(Base):
    """The trainee (``profile_id``) has read this comment on one of their attempts."""

    __tablename__ = "comment_reads"

    comment_id: Mapped[int] = mapped_column(ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True, index=True)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Annotation(Base):
    """An expert's blind vote (and optional ratings) on one decision of one scenario version."""

    __tablename__ = "annotations"
    __table_args__ = (
        UniqueConstraint(
            "version_id", "decision_id", "expert_profile_id", name="uq_annotations_version_decision_expert"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("scenario_versions.id", ondelete="CASCADE"), index=True
    )
    decision_id: Mapped[str] = mapped_column(String(100))
    expert_profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    best: Mapped[str] = mapped_column(String(100))
    ratings: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    expert: Mapped[Profile] = relationship(lazy="joined")


class ProfileAlias(Base):
    """A profile uid from another machine (an offline trainee's bundle) mapped to a profile here.

    Written when a supervisor matches a bundle to an existing profile, so later bundles
    from the same person go to the same profile whatever either side calls it.
    """

    __tablename__ = "profile_aliases"

    foreign_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LrsQueueItem(Base):
    """One xAPI statement to send to the course's LRS (migration 0009; rows come from triggers).

    ``decision_id`` is '' for the attempt-level statements ("completed", "outcome").
    """

    __tablename__ = "lrs_queue"
    __table_args__ = (
        UniqueConstraint("attempt_id", "decision_id", "kind", name="uq_lrs_queue_statement"),
        CheckConstraint("kind IN ('answered', 'completed', 'outcome')", name="kind"),
        CheckConstraint("status IN ('waiting', 'sent', 'failed')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    decision_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10), index=True, default="waiting")
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ReviewCard(Base):
    """A profile's FSRS card for one decision (``core.scheduling.CardState``), keyed by scenario id."""

    __tablename__ = "review_cards"
    __table_args__ = (
        UniqueConstraint("profile_id", "scenario_id", "decision_id", name="uq_review_cards_profile_decision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    scenario_id: Mapped[str] = mapped_column(String(100))
    decision_id: Mapped[str] = mapped_column(String(100))
    competency: Mapped[str] = mapped_column(String(100))
    state: Mapped[int] = mapped_column(Integer)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    last_credit: Mapped[float | None] = mapped_column(Float)
    # Review answers per confidence level: {"1": [answers, credit sum], ...} (core.calibration).
    confidence_tally: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class RecordedSessionRow(Base):
    """A supervisor's coding of a recorded group the trainee led (core.recorded_session).

    Only the recording's SHA-256, duration and file name are stored, never its bytes.
    """

    __tablename__ = "recorded_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), index=True)
    # NULL when imported from a bundle whose coding supervisor has no profile here (supervisor_name).
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"))
    supervisor_name: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    duration_s: Mapped[float] = mapped_column(Float)
    moments: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    global_ratings: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # last edit (edited in place)

    supervisor: Mapped[Profile | None] = relationship(lazy="joined", foreign_keys=[supervisor_id])
