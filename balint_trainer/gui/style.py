"""Colours that follow the system palette (light or dark), and shared label styles."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from balint_trainer.gui.lazy_qt import Qt  # the dark palette may be set before the first frame

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


def dark_palette() -> QPalette:
    """A dark palette for platforms whose theme reports a dark scheme but hands out a light palette."""
    from PySide6.QtGui import QColor

    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2b2b",
        role.WindowText: "#e6e6e6",
        role.Base: "#1e1e1e",
        role.AlternateBase: "#262626",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#9a9a9a",
        role.Text: "#e6e6e6",
        role.Button: "#353535",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a4a",
        role.Midlight: "#3e3e3e",
        role.Mid: "#6a6a6a",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#3d8ee6",
        role.HighlightedText: "#ffffff",
        role.Link: "#7ab8ff",
        role.LinkVisited: "#c39bff",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, colour_role, QColor("#7a7a7a"))
    return palette


def title_label() -> QLabel:
    """A bold, larger, wrapping label for a view's title (scenario title, summary heading)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # a scenario's title is untrusted text
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label
