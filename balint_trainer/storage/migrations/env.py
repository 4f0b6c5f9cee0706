"""Alembic environment: always runs on a connection handed over by ``storage.migrate``."""

from __future__ import annotations

from alembic import context

from balint_trainer.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by misuse of the alembic CLI
    raise RuntimeError("run migrations through balint_trainer.storage.migrate.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
