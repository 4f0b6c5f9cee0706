"""The scenario editor's text widget: YAML highlighting and a line-number gutter that marks problems.

Split from :mod:`balint_trainer.gui.authoring.editor` (the window) to keep modules short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from balint_trainer.core.problems import Problem
from balint_trainer.gui.authoring.editor_audit import style_warning_underline

# Red wavy underline under problems: readable on light and dark bases alike.
PROBLEM_COLOUR = QColor(220, 50, 47)

# --------------------------------------------------------------------------- highlighting


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class YamlHighlighter(QSyntaxHighlighter):
    """Keys, strings, comments, step keywords and list dashes, in colours that suit the palette."""

    STEP_KEYWORDS = ("phase", "say", "narrate", "decision")
    _KEY = re.compile(r"^(\s*(?:-\s+)*)([^\s#'\"{}\[\],:][^#:]*?|\"[^\"]*\"|'[^']*')(\s*:)(?=\s|$)")
    _DASH = re.compile(r"^\s*(-)(?=\s|$)")
    # A quote opens a string only where a scalar starts (after ": ", "- ", "[", "{" or ","):
    # the apostrophe in ``text: the rota's real`` is plain text, as YAML reads it.
    _STRING = re.compile(r"(?:^|(?<=[:\[{,-]))\s*(\"(?:[^\"\\]|\\.)*\"?|'(?:[^']|'')*'?)")
    _FLOW_KEY = re.compile(r"[{,]\s*([A-Za-z0-9_.-]+)\s*:")
    _BLOCK = re.compile(r":\s*([|>][-+0-9]*)\s*(?:#.*)?$")

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.set_palette(palette or QApplication.palette())

    def set_palette(self, palette: QPalette) -> None:
        dark = _is_dark(palette)
        # Hues chosen to keep contrast on both light and dark bases.
        colours = {
            "key": "#7fb2ff" if dark else "#1a55b0",
            "keyword": "#d7a0f5" if dark else "#7b1fa2",
            "string": "#9ad49d" if dark else "#2e6b30",
            "dash": "#ffb86b" if dark else "#a65100",
            "block": "#ffb86b" if dark else "#a65100",
        }
        self.formats = {}
        for name, colour in colours.items():
            fmt = QTextCharFormat()
            fmt.setForeground(QColor(colour))
            if name == "keyword":
                fmt.setFontWeight(QFont.Weight.Bold)
            self.formats[name] = fmt
        comment = QTextCharFormat()
        comment.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        comment.setFontItalic(True)
        self.formats["comment"] = comment
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        # Inside a block scalar (``case: |``) everything is text, not YAML syntax.
        state = self.previousBlockState()
        indent = len(text) - len(text.lstrip(" "))
        if state >= 0 and (not text.strip() or indent > state):
            self.setFormat(0, len(text), self.formats["string"])
            self.setCurrentBlockState(state)
            return
        self.setCurrentBlockState(-1)
        comment_at = self._comment_start(text)
        code = text if comment_at is None else text[:comment_at]
        if comment_at is not None:
            self.setFormat(comment_at, len(text) - comment_at, self.formats["comment"])
        dash = self._DASH.match(code)
        if dash:
            self.setFormat(dash.start(1), 1, self.formats["dash"])
        for match in self._STRING.finditer(code):
            self.setFormat(match.start(1), match.end(1) - match.start(1), self.formats["string"])
        key = self._KEY.match(code)
        if key:
            name = key.group(2).strip()
            fmt = self.formats["keyword" if name in self.STEP_KEYWORDS else "key"]
            self.setFormat(key.start(2), len(key.group(2)), fmt)
            for dash_match in re.finditer(r"-(?=\s)", key.group(1)):
                self.setFormat(key.start(1) + dash_match.start(), 1, self.formats["dash"])
        for flow in self._FLOW_KEY.finditer(code):
            self.setFormat(flow.start(1), len(flow.group(1)), self.formats["key"])
        block = self._BLOCK.search(code)
        if block:
            self.setFormat(block.start(1), len(block.group(1)), self.formats["block"])
            key_indent = len(code) - len(code.lstrip(" -"))
            self.setCurrentBlockState(key_indent)

    @staticmethod
    def _comment_start(text: str) -> int | None:
        quote: str | None = None
        for index, char in enumerate(text):
            if quote:
                if char == quote:
                    quote = None
            elif char in "\"'" and (index == 0 or text[index - 1] in " \t:[{,-"):
                quote = char
            elif char == "#" and (index == 0 or text[index - 1] in " \t"):
                return index
        return None


# --------------------------------------------------------------------------- text editor


class _LineNumberArea(QWidget):
    def __init__(self, editor: CodeEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_line_numbers(event)


class CodeEditor(QPlainTextEdit):
    """Plain-text editor with a line-number gutter (the standard Qt recipe)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # YAML reads left to right (indentation, keys) in every UI language: right to left, the
        # unwrapped lines were aligned to the right edge and scrolled so their starts were hidden.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(False)
        self.line_numbers = _LineNumberArea(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_area)
        self._update_margin()

    def keyPressEvent(self, event: Any) -> None:
        # YAML forbids tabs for indentation: Tab inserts two spaces.
        if event.key() == Qt.Key.Key_Tab and not event.modifiers():
            self.insertPlainText("  ")
            return
        super().keyPressEvent(event)

    def line_number_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margin(self, _count: int = 0) -> None:
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            self.setViewportMargins(0, 0, self.line_number_width(), 0)
        else:
            self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_area(self, rect: QRect, dy: int) -> None:
        if dy:
            self.line_numbers.scroll(0, dy)
        else:
            self.line_numbers.update(0, rect.y(), self.line_numbers.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        contents = self.contentsRect()
        width = self.line_number_width()
        x = (
            contents.right() - width + 1
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else contents.left()
        )
        self.line_numbers.setGeometry(QRect(x, contents.top(), width, contents.height()))

    def paint_line_numbers(self, event: QPaintEvent) -> None:
        painter = QPainter(self.line_numbers)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.AlternateBase))
        block = self.firstVisibleBlock()
        number = block.blockNumber()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        bottom = top + round(self.blockBoundingRect(block).height())
        current = self.textCursor().blockNumber()
        while block.isValid() and top <= event.rect().bottom():
            if block.isVisible() and bottom >= event.rect().top():
                role = QPalette.ColorRole.Text if number == current else QPalette.ColorRole.PlaceholderText
                painter.setPen(palette.color(role))
                painter.drawText(
                    0, top, self.line_numbers.width() - 5, self.fontMetrics().height(),
                    Qt.AlignmentFlag.AlignRight, str(number + 1),
                )  # fmt: skip
            block = block.next()
            top = bottom
            bottom = top + round(self.blockBoundingRect(block).height())
            number += 1

    def mark_problems(self, problems: Sequence[Problem]) -> None:
        """Wavy-underline each problem from its column to the end of its line (tooltip: message)."""
        selections = []
        self._problem_lines: dict[int, list[str]] = {}
        for problem in problems:
            if not problem.line:
                continue
            block = self.document().findBlockByNumber(problem.line - 1)
            if not block.isValid():
                continue
            self._problem_lines.setdefault(problem.line, []).append(problem.message)
            cursor = QTextCursor(block)
            start = max(0, min((problem.column or 1) - 1, block.length() - 1))
            cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.MoveAnchor, start)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            if not cursor.hasSelection():  # an empty line or a problem at its very end
                cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[attr-defined]
            fmt = QTextCharFormat()
            if problem.is_error:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(PROBLEM_COLOUR)
            else:
                style_warning_underline(fmt)
            selection.format = fmt  # type: ignore[attr-defined]
            selections.append(selection)
        self.setExtraSelections(selections)

    def problem_messages(self, line: int) -> list[str]:
        return list(getattr(self, "_problem_lines", {}).get(line, []))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = event.pos()  # type: ignore[attr-defined]
            line = self.cursorForPosition(position).blockNumber() + 1
            messages = self.problem_messages(line)
            if messages:
                QToolTip.showText(event.globalPos(), "\n".join(messages), self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def jump_to(self, line: int, column: int = 1) -> None:
        """Put the cursor at a 1-based line and column and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        cursor.movePosition(
            QTextCursor.MoveOperation.Right,
            QTextCursor.MoveMode.MoveAnchor,
            max(0, min(column - 1, block.length() - 1)),
        )
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
