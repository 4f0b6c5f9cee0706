"""What to ask before a session is left half-way (leaving, switching profile, quitting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def leaving_text(player: Any, *, saved: bool, quitting: bool) -> tuple[str, str]:
    """The question's title and text: whether the answers so far are kept, and that a choice
    not confirmed yet is not. (The main window's translation context, where they were written.)"""
    if quitting:
        title = QCoreApplication.translate("MainWindow", "Quit Balint Trainer")
        text = (
            QCoreApplication.translate(
                "MainWindow",
                "Quit in the middle of this session? Your answers so far are saved; "
                "you can resume it from the library next time.",
            )
            if saved
            else QCoreApplication.translate(
                "MainWindow", "Quit in the middle of this session? Your answers are not saved."
            )
        )
    else:
        title = QCoreApplication.translate("MainWindow", "Leave session")
        text = (
            QCoreApplication.translate(
                "MainWindow",
                "Leave this session? Your answers so far are saved; you can resume it from the library.",
            )
            if saved
            else QCoreApplication.translate("MainWindow", "Leave this session? Your answers are not saved.")
        )
    if player.state == "deciding" and (
        player.selected_option() is not None or player.own_words.toPlainText().strip()
    ):
        text += "\n\n" + QCoreApplication.translate(
            "MainWindow", "The choice you have not confirmed yet is not saved."
        )
    return title, text
