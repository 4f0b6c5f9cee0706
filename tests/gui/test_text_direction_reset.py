"""A text view that showed a right-to-left scenario shows the next left-to-right one left to right
(the README screenshots caught an English scenario laid out right to left after a Persian one)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from balint_trainer.gui.markdown_view import SafeTextBrowser

pytestmark = pytest.mark.gui


def test_direction_goes_back_after_a_right_to_left_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SafeTextBrowser()
    qtbot.addWidget(view)
    view.set_markdown("A registrar asks whether she may take notes.", language="en")
    before = view.document().defaultTextOption().textDirection()
    assert before != Qt.LayoutDirection.RightToLeft

    view.set_markdown("یک دستیار می‌پرسد.", language="fa")
    assert view.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft

    view.set_markdown("Dr Rahman wants to bring Derek back. What do you do?", language="en")
    assert view.document().defaultTextOption().textDirection() == before
    view.set_safe_html("<p>Two weeks ago I brought Derek.</p>", language="en")
    assert view.document().defaultTextOption().textDirection() == before
