"""Resume the unfinished attempt, or start a new one? (The main window's translation context.)"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def resume_or_new_box(parent: QWidget, title: str, text: str) -> QMessageBox:
    """The question box of :func:`ask_resume_or_new`: Resume is the default, Escape cancels."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the text names the scenario: untrusted
    resume = box.addButton(QCoreApplication.translate("MainWindow", "&Resume"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("MainWindow", "Start &new"), QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(resume)
    box.setEscapeButton(cancel)
    return box


def resume_or_new_choice(box: QMessageBox) -> str:
    """"resume", "new" or "cancel" from the button that closed the box."""
    clicked = box.clickedButton()
    role = box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole
    if role == QMessageBox.ButtonRole.AcceptRole:
        return "resume"
    if role == QMessageBox.ButtonRole.ActionRole:
        return "new"
    return "cancel"


def ask_resume_or_new(parent: QWidget, title: str, text: str) -> str:
    """Ask whether to resume the unfinished attempt: "resume", "new" or "cancel"."""
    box = resume_or_new_box(parent, title, text)
    box.exec()
    return resume_or_new_choice(box)
