"""Alembic migration environment of the trainer (configured from Python, see ``storage.migrate``)."""
