"""Names of the scenario format that code outside the model needs without importing it.

``core.model`` builds on pydantic; the service layer, which the app opens at every start,
only needs these constants, so they live here (``core.model`` re-exports them).
"""

from __future__ import annotations

# Stored as the option of a decision left unanswered in real time when the key names none.
NO_INTERVENTION = "-"
