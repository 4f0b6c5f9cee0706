"""Screen-reader helpers: tell assistive technology about a result that just appeared.

Qt 6.8 added announcement events (AT-SPI "announcement", read by Orca without moving focus);
on older Qt the label's name-changed event is the closest thing and is sent anyway.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader speak ``text`` now (politely: after what it is saying)."""
    if not text or not QAccessible.isActive():
        return
    try:
        from PySide6.QtGui import QAccessibleAnnouncementEvent
    except ImportError:  # Qt < 6.8
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
        return
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
