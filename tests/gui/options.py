"""Choose an option by id through the player's on-screen order (options are shuffled per attempt)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def key_for(player, option_id: str) -> Qt.Key:
    """The digit key that selects ``option_id`` where it is on screen now."""
    number = player.option_number(option_id)
    assert number is not None, f"option {option_id!r} is not on screen ({player.shown_option_ids()})"
    return getattr(Qt.Key, f"Key_{number}")


def choose(qtbot, player, option_id: str) -> None:
    """Press the key of ``option_id``'s position, as a trainee reading the screen would."""
    qtbot.keyClick(player, key_for(player, option_id))
    assert player.selected_option() == option_id
