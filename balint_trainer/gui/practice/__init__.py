"""Practice modes beyond playing a whole session (spaced review of weak decisions)."""
