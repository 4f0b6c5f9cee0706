"""Small widgets of the annotation form: clickable option text, the page that takes keys 1–8, the note."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from balint_trainer.core.annotation import DecisionContext
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.core.model import Scenario


class _OptionLabel(QLabel):
    """An option's wrapped text; clicking it chooses the option, like a radio button's own text."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class AnnotatePage(QWidget):
    """One decision at a time; keys 1–8 choose the best option."""

    number_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_8 and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.number_pressed.emit(key - Qt.Key.Key_0)
            event.accept()
            return
        super().keyPressEvent(event)


class _NoteEdit(QPlainTextEdit):
    """The expert's note. Alt+letter is a mnemonic, never text: when the button it names is
    disabled (Previous on the first decision), the key used to fall through as a typed letter."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.text().isalnum():
            event.ignore()
            return
        super().keyPressEvent(event)


def context_html(scenario: Scenario, context: DecisionContext) -> str:
    """The case and the transcript up to the decision, as the expert reads them (no key, no votes)."""
    language = scenario.language
    parts = [
        "<h3>" + render_plain(QCoreApplication.translate("AnnotationWindow", "Case")) + "</h3>",
        render_markdown(scenario.case, language=language),
        "<h3>" + render_plain(QCoreApplication.translate("AnnotationWindow", "Transcript")) + "</h3>",
    ]
    earlier = render_plain(
        QCoreApplication.translate("AnnotationWindow", "(An earlier decision point for the leader.)")
    )
    for line in context.transcript:
        if line.kind == "phase":
            parts.append(f"<h4>{render_plain(line.speaker)}</h4>")
        elif line.kind == "say":
            parts.append(
                f"<p><b>{render_plain(line.speaker)}:</b></p>{render_markdown(line.markdown, language=language)}"
            )
        elif line.kind == "narrate":
            parts.append(f"<i>{render_markdown(line.markdown, language=language)}</i>")
        else:
            parts.append(f"<p><i>{earlier}</i></p>")
    return "".join(parts)
