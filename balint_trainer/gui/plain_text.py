"""Labels show scenario and user text as plain text, never as auto-detected rich text.

A ``QLabel`` in its default ``AutoText`` format renders any text that *looks* like HTML:
a scenario title ``<img src="/some/local.png">`` would load a local file, a profile name
``<a href=…>`` would become a link. Windows call :func:`plain_labels` at the end of their
set-up; the few labels meant to show (sanitised) HTML are named in ``rich``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QWidget

from balint_trainer.gui.lazy_qt import PLAIN_TEXT, Qt, set_enum_property

if TYPE_CHECKING:  # imported when a box opens: the main window's first frame needs none
    from PySide6.QtWidgets import QMessageBox


def plain_labels(root: QWidget, *, rich: Iterable[QLabel] = ()) -> None:
    """Every label under ``root`` (and ``root`` itself, if a label) shows plain text."""
    keep = {id(label) for label in rich}
    labels = root.findChildren(QLabel)
    if isinstance(root, QLabel):
        labels.append(root)
    for label in labels:
        if id(label) not in keep and label.textFormat() != Qt.TextFormat.RichText:
            label.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label for text that may come from a scenario or a user."""
    label = QLabel(text, parent)
    # = setTextFormat(Qt.TextFormat.PlainText); these labels are in the first frame (gui/lazy_qt.py)
    set_enum_property(label, "textFormat", PLAIN_TEXT)
    return label



def as_text(text: str) -> str:
    """``text`` for a widget that auto-detects rich text: what looks like HTML is escaped.

    QMessageBox's static functions cannot be told the format; text whose first line looks
    like HTML (a scenario title, a file or profile name in a message) is handed over as
    escaped rich text instead, so it shows exactly as written. Other text is unchanged.
    """
    from PySide6.QtGui import Qt as GuiQt

    if not GuiQt.mightBeRichText(text):
        return text
    from balint_trainer.core.markdown_render import render_plain

    return "<p>" + render_plain(text).replace("\n", "<br>") + "</p>"


def warning(parent: QWidget | None, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
    """``QMessageBox.warning`` with ``text`` shown as plain text."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.warning(parent, title, as_text(text), *args)


def information(parent: QWidget | None, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
    """``QMessageBox.information`` with ``text`` shown as plain text."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.information(parent, title, as_text(text), *args)


def question(parent: QWidget | None, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
    """``QMessageBox.question`` with ``text`` shown as plain text."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.question(parent, title, as_text(text), *args)


def ask_yes(parent: QWidget | None, title: str, text: str) -> bool:
    """:func:`question` answered with Yes."""
    from PySide6.QtWidgets import QMessageBox

    return bool(question(parent, title, text) == QMessageBox.StandardButton.Yes)
