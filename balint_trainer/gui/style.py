"""Colours that follow the system palette (light or dark)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Accent colours per speaker kind: (on light backgrounds, on dark backgrounds).
_SPEAKER_COLOURS: dict[str, tuple[str, str]] = {
    "leader": ("#1b6e2a", "#8fd694"),
    "presenter": ("#a34a00", "#ffb070"),
    "member": ("#1f5f9e", "#8cc4ff"),
    "co-leader": ("#6d3aa8", "#cfa8ff"),
}


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def speaker_colour(kind: str, widget: QWidget | None = None) -> str:
    light, dark = _SPEAKER_COLOURS.get(kind, _SPEAKER_COLOURS["member"])
    return dark if is_dark(widget) else light


def muted_colour(widget: QWidget | None = None) -> str:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.PlaceholderText).name()
