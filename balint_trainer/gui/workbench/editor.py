"""Scenario editor: YAML with highlighting, outline, live validation, preview and play-test.

The text is the source of truth; the outline, the problem list and the preview
are rebuilt from it after a short pause in typing (debounced), so typing stays
fluid even in long files. Saving is atomic (temp file + ``os.replace``), and
closing with unsaved changes asks first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.fileio import atomic_write_bytes
from balint_trainer.core.model import Scenario
from balint_trainer.core.problems import Problem
from balint_trainer.core.untrusted import EDITABLE_BYTES, UntrustedInputError, read_limited
from balint_trainer.core.validation import LoadedScenario, load_scenario_bytes, load_scenario_file
from balint_trainer.core.yamlsource import parse_yaml
from balint_trainer.gui import plain_text
from balint_trainer.gui.models import Column, RowsModel
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import plural
from balint_trainer.gui.workbench.editor_audit import audit_warnings, severity_icon, style_warning_underline

VALIDATION_DELAY_MS = 300
# Red wavy underline under problems: readable on light and dark bases alike.
PROBLEM_COLOUR = QColor(220, 50, 47)
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMN_ROLE = Qt.ItemDataRole.UserRole + 2

TEMPLATE = """\
format: balint-scenario/1
id: new-scenario
title: New scenario
summary: |
  One or two sentences: who presents, what kind of case, what the leader has to handle.
language: en
level: introductory
duration_minutes: 60
people:
  presenter:
    name: Dr A Presenter
    role: General practitioner
    kind: presenter
  member-1:
    name: Dr B Member
    role: GP registrar
    kind: member
case: |
  The presenter's factual account of the case, in their own words.
script:
  - phase: frame
  - say: leader
    text: Who has a case today?
  - phase: presentation
  - say: presenter
    text: I have one that keeps coming back to me.
  - decision: first-decision
    prompt: The presenter has finished. What do you do now?
    competency: frame-and-structure
    # Options are shuffled for every attempt; keep them of similar length so none stands out.
    options:
      - id: own-view
        text: Offer the group your own first view of the case.
      - id: facts
        text: Invite brief questions of fact about the case.
        feedback: Keeps the structure clear.
      - id: feelings
        text: Ask the group at once how the case makes them feel.
    experts:
      - {expert: expert-1, best: facts, ratings: {own-view: 2, facts: 5, feelings: 3}}
    rationale: Questions of fact come before the group's free discussion.
  - phase: questions
  - phase: push-back
  - phase: return
  - phase: closing
"""


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


# --------------------------------------------------------------------------- problems and outline


def _problem_message(problem: Problem) -> str:
    return (
        QCoreApplication.translate("ScenarioEditor", "warning: ") if problem.severity == "warning" else ""
    ) + problem.message


class ProblemModel(RowsModel):
    """The validation problems; LINE_ROLE/COLUMN_ROLE give the position to jump to."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Line"), lambda p: p.line, cell_tooltip=str
                ),
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Column"),
                    lambda p: p.column,
                    cell_tooltip=str,
                ),
                Column(
                    QCoreApplication.translate("ScenarioEditor", "Problem"),
                    _problem_message,
                    cell_tooltip=str,
                ),
            ],
            parent,
        )

    @property
    def problems(self) -> list[Problem]:
        return self.rows()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role in (LINE_ROLE, COLUMN_ROLE):  # LINE_ROLE is also SORT_ROLE
            problem = self.row(index.row())
            return problem.line if role == LINE_ROLE else problem.column
        if index.isValid() and role == Qt.ItemDataRole.DecorationRole and index.column() == 2:
            return severity_icon(self.row(index.row()))
        return super().data(index, role)


def _scalar(node: Any) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _get(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if _scalar(key_node) == key:
                return value_node
    return None


def build_outline(model: QStandardItemModel, text: str) -> bool:
    """Fill ``model`` with people, phases, decisions and options from the text's YAML nodes.

    Works on the node tree, so the outline stays useful while the file is
    still invalid. Returns False (and leaves the model alone) if the YAML does
    not parse at all.
    """
    doc = parse_yaml(text, "outline")
    if doc.root is None and doc.syntax_source is not None:  # outline the in-memory repair (same lines)
        from balint_trainer.core.yaml_hints import recover

        repaired = recover(text)
        doc = parse_yaml(repaired.text, "outline") if repaired else doc
    root = doc.root
    if not isinstance(root, yaml.MappingNode):
        return False

    def item(label: str, node: Any) -> QStandardItem:
        entry = QStandardItem(label)
        entry.setEditable(False)
        entry.setData(node.start_mark.line + 1, LINE_ROLE)
        entry.setData(node.start_mark.column + 1, COLUMN_ROLE)
        entry.setToolTip(
            QCoreApplication.translate("ScenarioEditor", "Line %1").replace(
                "%1", str(node.start_mark.line + 1)
            )
        )
        return entry

    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("ScenarioEditor", "Outline")])
    title = _get(root, "title")
    if title is not None:
        model.appendRow(
            item(
                QCoreApplication.translate("ScenarioEditor", "Title: %1").replace("%1", _scalar(title)), title
            )
        )
    case = _get(root, "case")
    if case is not None:
        model.appendRow(item(QCoreApplication.translate("ScenarioEditor", "Case"), case))
    people = _get(root, "people")
    if isinstance(people, yaml.MappingNode):
        group = item(QCoreApplication.translate("ScenarioEditor", "People"), people)
        for key_node, value_node in people.value:
            name = _scalar(_get(value_node, "name")) or _scalar(key_node)
            kind = _scalar(_get(value_node, "kind"))
            label = f"{name} ({kind})" if kind else name
            group.appendRow(item(label, key_node))
        model.appendRow(group)
    script = _get(root, "script")
    if isinstance(script, yaml.SequenceNode):
        group = item(QCoreApplication.translate("ScenarioEditor", "Script"), script)
        parent = group
        for step in script.value:
            phase = _get(step, "phase")
            decision = _get(step, "decision")
            if phase is not None:
                parent = item(
                    QCoreApplication.translate("ScenarioEditor", "Phase: %1").replace("%1", _scalar(phase)),
                    step,
                )
                group.appendRow(parent)
            elif decision is not None:
                prompt = _scalar(_get(step, "prompt")).strip().splitlines()
                label = QCoreApplication.translate("ScenarioEditor", "Decision %1").replace(
                    "%1", _scalar(decision)
                )
                if prompt:
                    label += f": {prompt[0][:60]}"
                entry = item(label, step)
                options = _get(step, "options")
                if isinstance(options, yaml.SequenceNode):
                    for option in options.value:
                        text_line = _scalar(_get(option, "text")).strip().splitlines()
                        entry.appendRow(
                            item(
                                f"{_scalar(_get(option, 'id'))}: {text_line[0][:60] if text_line else ''}",
                                option,
                            )
                        )
                parent.appendRow(entry)
        model.appendRow(group)
    return True


def preview_html(scenario: Scenario | None, text: str) -> str:
    """Title, summary, people, case and the whole script, rendered as the trainee would see them."""
    from balint_trainer.core.markdown_render import render_markdown, render_plain
    from balint_trainer.gui.authoring.preview import script_html

    if scenario is None:
        data: Any = None
        try:
            data = parse_yaml(text, "preview").data
            if data is None:  # a syntax error: preview the in-memory repair (yaml_hints)
                from balint_trainer.core.yaml_hints import recover

                repaired = recover(text)
                data = parse_yaml(repaired.text, "preview").data if repaired else None
        except Exception:  # the preview must never break editing
            data = None
        if not isinstance(data, dict):
            return "<p><i>{}</i></p>".format(
                render_plain(
                    QCoreApplication.translate(
                        "ScenarioEditor", "Nothing to preview yet: the YAML does not parse."
                    )
                )
            )
        title = str(data.get("title", ""))
        parts = [f"<h2>{render_plain(title)}</h2>"]
        for key in ("summary", "case"):
            value = data.get(key)
            if isinstance(value, str):
                parts.append(f"<h3>{render_plain(key.capitalize())}</h3>{render_markdown(value)}")
        parts.insert(
            1,
            "<p><i>{}</i></p>".format(
                render_plain(
                    QCoreApplication.translate(
                        "ScenarioEditor", "Preview of an invalid scenario (fix the problems)."
                    )
                )
            ),
        )
        return "".join(parts)
    language = scenario.language
    people = "".join(
        f"<li><b>{render_plain(p.name)}</b> — {render_plain(p.role)} ({render_plain(p.kind)})</li>"
        for p in scenario.people.values()
    )
    minutes = (
        QCoreApplication.translate("ScenarioEditor", "%1 min").replace("%1", str(scenario.duration_minutes))
        if scenario.duration_minutes
        else None
    )
    details = ", ".join(render_plain(v) for v in (scenario.level, scenario.setting, minutes) if v)
    # Translated outside the f-strings: lupdate does not look inside them.
    people_heading = render_plain(QCoreApplication.translate("ScenarioEditor", "People"))
    case_heading = render_plain(QCoreApplication.translate("ScenarioEditor", "Case"))
    count = plural(
        QCoreApplication.translate("ScenarioEditor", "%n decision(s)", "", len(scenario.decisions)),
        len(scenario.decisions),
    )
    return (
        f"<h2>{render_plain(scenario.title)}</h2>"
        f"<p><i>{details}</i></p>"
        f"{render_markdown(scenario.summary, language=language)}"
        f"<h3>{people_heading}</h3><ul>{people}</ul>"
        f"<h3>{case_heading}</h3>{render_markdown(scenario.case, language=language)}"
        f"<p>{render_plain(count)}</p>{script_html(scenario)}"
    )


# --------------------------------------------------------------------------- file helpers


def atomic_write_text(path: Path, text: str, *, newline: str = "\n") -> None:
    """Write UTF-8 text atomically, with ``newline`` line endings and the file's mode kept."""
    data = text.replace("\n", newline).encode("utf-8") if newline != "\n" else text.encode("utf-8")
    atomic_write_bytes(path, data)


# --------------------------------------------------------------------------- window


class ScenarioEditor(QMainWindow):
    """Edit one scenario file. ``validated`` fires after each (debounced) validation."""

    validated = Signal(object)  # LoadedScenario
    saved = Signal(str)  # path

    def __init__(
        self, parent: QWidget | None = None, service: Any = None, path: str | Path | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.path: Path | None = None
        self.newline = "\n"
        self.loaded: LoadedScenario | None = None
        self.audit_warnings: list[Problem] = []
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.resize(1200, 800)

        self.editor = CodeEditor()
        self.editor.setAccessibleName(self.tr("Scenario YAML"))
        self.highlighter = YamlHighlighter(self.editor.document(), self.editor.palette())

        self.outline_model = QStandardItemModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setAccessibleName(self.tr("Scenario outline"))
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline.clicked.connect(self._jump_to_index)
        self.outline.activated.connect(self._jump_to_index)

        self.problem_model = ProblemModel(self)
        self.problems = QTableView()
        self.problems.setModel(self.problem_model)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.problems.clicked.connect(self._jump_to_index)
        self.problems.activated.connect(self._jump_to_index)
        self.status_label = QLabel()
        self.status_label.setAccessibleDescription(self.tr("Validation status"))

        from balint_trainer.gui.markdown_view import SafeTextBrowser

        self.preview = SafeTextBrowser(accessible_name=self.tr("Preview"))

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.status_label)
        lower_layout.addWidget(self.problems)
        editor_box = QWidget()  # the text, with the find bar under it
        self.editor_box_layout = QVBoxLayout(editor_box)
        self.editor_box_layout.setContentsMargins(0, 0, 0, 0)
        self.editor_box_layout.addWidget(self.editor)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(editor_box)
        centre.addWidget(lower)
        centre.setStretchFactor(0, 4)
        centre.setStretchFactor(1, 1)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(self.preview, self.tr("&Preview"))
        from balint_trainer.gui.workbench.branch_map import BranchMap

        self.branch_map = BranchMap()
        self.side_tabs.addTab(self.branch_map, self.tr("&Branch map"))
        self.validated.connect(self.branch_map.show_loaded)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.outline)
        splitter.addWidget(centre)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([280, 640, 420])  # the outline's decision names need some width
        self.setCentralWidget(splitter)
        self.setTabOrder(self.editor, self.problems)
        self.setTabOrder(self.problems, self.outline)
        self.setTabOrder(self.outline, self.preview)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(VALIDATION_DELAY_MS)
        self.timer.timeout.connect(self.validate_now)
        self.editor.textChanged.connect(self.timer.start)
        self.editor.document().modificationChanged.connect(self.setWindowModified)

        self._build_actions()
        from balint_trainer.gui.authoring.editor_tools import install

        self.authoring = install(self)  # find/replace, go to line, wrap, decision form, insert, transcripts
        self.editor_box_layout.addWidget(self.authoring.find_bar)
        if path is not None:
            self.open_path(Path(path))
        else:
            self.new_from_template()
        plain_labels(self)  # scenario and user text is never rich text

    # -- actions --------------------------------------------------------------
    def _action(
        self, text: str, slot: Any, shortcuts: Sequence[QKeySequence.StandardKey | str] = ()
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            # Platform standard keys may already include an extra one (Ctrl+Y): duplicates are ambiguous.
            unique: dict[str, QKeySequence] = {}
            for shortcut in shortcuts:
                for sequence in (
                    QKeySequence.keyBindings(shortcut)
                    if isinstance(shortcut, QKeySequence.StandardKey)
                    else [QKeySequence(shortcut)]
                ):
                    unique.setdefault(sequence.toString(), sequence)
            action.setShortcuts(list(unique.values()))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New from Template"), self.on_new, [std.New])
        self.open_action = self._action(self.tr("&Open…"), self.on_open, [std.Open])
        self.save_action = self._action(self.tr("&Save"), self.save, [std.Save])
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as, [std.SaveAs])
        self.close_action = self._action(self.tr("&Close"), self.close, [std.Close])
        # The text edit handles Ctrl+Z / Ctrl+Shift+Z itself when focused; the actions cover
        # the menu, Ctrl+Y, and focus elsewhere in the window.
        self.undo_action = self._action(self.tr("&Undo"), self.editor.undo, [std.Undo])
        self.redo_action = self._action(
            self.tr("&Redo"), self.editor.redo, [std.Redo, "Ctrl+Shift+Z", "Ctrl+Y"]
        )
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.editor.undoAvailable.connect(self.undo_action.setEnabled)
        self.editor.redoAvailable.connect(self.redo_action.setEnabled)
        self.validate_action = self._action(self.tr("&Validate Now"), self.validate_now, ["F7"])
        self.play_action = self._action(self.tr("&Play-test"), self.play_test, ["F5"])
        self.next_problem_action = self._action(self.tr("&Next Problem"), self.next_problem, ["F8"])

        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_action, self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        scenario_menu = bar.addMenu(self.tr("&Scenario"))
        for action in (self.validate_action, self.next_problem_action, self.play_action):
            scenario_menu.addAction(action)
        toolbar = self.addToolBar(self.tr("Editor"))
        toolbar.setObjectName("editor-toolbar")
        for action in (self.save_action, self.undo_action, self.redo_action, self.play_action):
            toolbar.addAction(action)

    # -- document -------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.editor.toPlainText()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else self.tr("untitled.yaml")

    def set_text(self, text: str, *, path: Path | None, newline: str = "\n") -> None:
        self.path = path
        self.newline = newline
        # setPlainText also resets the undo history: a freshly opened file has nothing to undo.
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self._update_title()
        self.validate_now()

    def new_from_template(self) -> None:
        self.set_text(TEMPLATE, path=None)

    def open_path(self, path: Path) -> bool:
        try:
            raw = read_limited(path, EDITABLE_BYTES)  # a pipe or device would hang the window
            text = raw.decode("utf-8-sig")
        except (UntrustedInputError, UnicodeDecodeError) as exc:
            self.show_error(self.tr("Cannot open %1").replace("%1", str(path)), str(exc))
            return False
        newline = "\r\n" if "\r\n" in text else "\n"
        self.set_text(text.replace("\r\n", "\n"), path=path, newline=newline)
        return True

    def _update_title(self) -> None:
        name = self.display_name
        if self.is_bundled():
            name = self.tr("%1 (built-in, save as your own copy)").replace("%1", name)
        self.setWindowTitle(self.tr("%1[*] — Scenario editor").replace("%1", name))
        self.setWindowModified(self.editor.document().isModified())

    # -- validation -----------------------------------------------------------
    def validate_now(self) -> LoadedScenario:
        self.timer.stop()
        text = self.text
        loaded = load_scenario_bytes(text, self.display_name)
        self.loaded = loaded
        self.audit_warnings = audit_warnings(loaded)  # item-writing audit, valid scenarios only
        rows = [*loaded.problems, *self.audit_warnings]
        self.problem_model.set_rows(rows)
        self.editor.mark_problems(rows)
        errors = len(loaded.errors)
        if loaded.ok and self.audit_warnings:
            self.status_label.setText(
                self.tr("Valid scenario, with %n item-writing warning(s).", "", len(self.audit_warnings))
            )
        elif loaded.ok:
            self.status_label.setText(self.tr("Valid scenario."))
        else:
            self.status_label.setText(self.tr("%n problem(s)", "", errors or len(loaded.problems)))
        build_outline(self.outline_model, text)
        self.outline.expandToDepth(1)
        try:
            self.preview.set_safe_html(
                preview_html(loaded.scenario, text),
                language=loaded.scenario.language if loaded.scenario else None,
            )
        except Exception as exc:  # a preview glitch must not cost the author their edit
            self.preview.setPlainText(str(exc))
        self.play_action.setEnabled(loaded.ok)
        self.validated.emit(loaded)
        return loaded

    def _jump_to_index(self, index: QModelIndex) -> None:
        line = index.siblingAtColumn(0).data(LINE_ROLE)
        column = index.siblingAtColumn(0).data(COLUMN_ROLE)
        if line is not None:
            self.editor.jump_to(int(line), int(column or 1))

    def next_problem(self) -> None:
        count = self.problem_model.rowCount()
        if not count:
            return
        current = self.problems.currentIndex().row()
        index = self.problem_model.index((current + 1) % count, 0)
        self.problems.setCurrentIndex(index)
        self._jump_to_index(index)

    # -- saving ---------------------------------------------------------------
    # Dialog hooks, replaceable in tests (modal dialogs would block them).
    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open scenario"), str(self.path.parent if self.path else self.default_folder()),
            self.tr("Scenarios (*.yaml *.yml);;All files (*)"),
        )  # fmt: skip
        return Path(name) if name else None

    def is_bundled(self, path: Path | None = None) -> bool:
        """Whether the file ships with the app (read-only: edits are saved as the user's own copy)."""
        path = path or self.path
        if path is None:
            return False
        from balint_trainer.paths import is_bundled_scenario

        return is_bundled_scenario(path)

    def default_folder(self) -> Path:
        """The user's scenario folder: the library loads it, so a saved scenario shows up there."""
        from balint_trainer.paths import user_scenarios_dir

        try:
            return user_scenarios_dir()
        except OSError:
            return Path.home()

    def ask_save_path(self) -> Path | None:
        name = f"{self._scenario_id() or 'scenario'}.yaml"
        if self.path is not None and not self.is_bundled():
            suggested = self.path
        elif self.path is not None:
            # The same place "merge into key" uses: an earlier copy of this scenario, else a
            # file name no other scenario of the user's has (the dialog still asks first).
            # Looked up by the built-in's id: the text may not validate just now, or carry
            # another id, and then an earlier copy, or another scenario's file, was offered.
            from balint_trainer.core.user_copies import free_path, user_copy_path

            original = load_scenario_file(self.path).scenario
            built_in_id = original.id if original is not None else None
            text_id = self._scenario_id()
            try:
                if text_id is not None and text_id != built_in_id:
                    # Another id: a new scenario of the user's, never an existing file.
                    suggested = free_path(self.default_folder() / name)
                else:
                    suggested = user_copy_path(self.path, built_in_id)
            except OSError:  # no user folder: let the dialog start at home
                suggested = Path.home() / self.path.name
        else:
            suggested = self.default_folder() / name
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save scenario"), str(suggested), self.tr("Scenarios (*.yaml *.yml)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() in (".yaml", ".yml") else path.with_suffix(".yaml")

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        return plain_text.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("%1 has unsaved changes. Save them?").replace("%1", self.display_name),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )

    def show_error(self, title: str, detail: str) -> None:
        plain_text.warning(self, title, detail)

    def _scenario_id(self) -> str | None:
        return self.loaded.scenario.id if self.loaded and self.loaded.scenario else None

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        if self.is_bundled():
            # Overwriting a built-in scenario would change it for everyone and be lost on update.
            self.statusBar().showMessage(
                self.tr("Built-in scenarios are read-only: save your version in your own scenario folder."),
                8000,
            )
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        if path is None:
            return False
        return self._write(path)

    def _write(self, path: Path) -> bool:
        if self.is_bundled(path):
            self.show_error(
                self.tr("Cannot save %1").replace("%1", str(path)),
                self.tr("Built-in scenarios are read-only. Save your version under another folder."),
            )
            return False
        built_in = self.path if self.is_bundled() else None
        try:
            atomic_write_text(path, self.text, newline=self.newline)
        except OSError as exc:
            self.show_error(self.tr("Cannot save %1").replace("%1", str(path)), exc.strerror or str(exc))
            return False
        self.path = path
        self.editor.document().setModified(False)
        self._update_title()
        loaded = self.validate_now()
        message = self.tr("Saved %1.").replace("%1", str(path))
        if built_in is not None and loaded.scenario is not None:
            original = load_scenario_file(built_in).scenario
            if original is not None and original.id == loaded.scenario.id:
                message += " " + self.tr(
                    "The built-in file is unchanged; your copy takes its place in your library."
                )
        if not loaded.ok:
            message += " " + self.tr(
                "The scenario still has problems; it will not appear in the library until fixed."
            )
        self.statusBar().showMessage(message, 8000)
        self.saved.emit(str(path))
        return True

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current text (saved, discarded, or unchanged)."""
        if not self.editor.document().isModified():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def on_new(self) -> None:
        if self.maybe_save():
            self.new_from_template()

    def on_open(self) -> None:
        if not self.maybe_save():
            return
        path = self.ask_open_path()
        if path is not None:
            self.open_path(path)

    def changeEvent(self, event: QEvent) -> None:
        # Follow a switch between the system's light and dark palettes.
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.set_palette(self.palette())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()

    # -- play-test ------------------------------------------------------------
    def play_test(self) -> QDialog | None:
        """Play the current (possibly unsaved) text in the trainee player; nothing is recorded."""
        loaded = self.validate_now()
        if not loaded.ok or loaded.scenario is None:
            self.show_error(
                self.tr("Cannot play-test"), self.tr("Fix the problems listed below the editor first.")
            )
            return None
        from balint_trainer.core.option_order import new_seed
        from balint_trainer.core.session import PracticeSession

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Play-test: %1").replace("%1", loaded.scenario.title))
        dialog.resize(1000, 700)
        layout = QVBoxLayout(dialog)
        # Shuffled as a trainee would see it (each play-test its own order).
        session = PracticeSession(loaded.scenario, "practice", seed=new_seed())
        player_class: Any = None
        try:
            from balint_trainer.gui.practice import player as player_module

            player_class = getattr(player_module, "PlayerView", None)
        except ImportError:
            pass
        if player_class is not None:
            player = player_class(dialog)
            player.start(session, loaded.scenario.title)
            if hasattr(player, "leave_requested"):
                player.leave_requested.connect(dialog.accept)
            layout.addWidget(player)
            dialog.player = player  # type: ignore[attr-defined]
        else:  # pragma: no cover - the player ships with the app
            from balint_trainer.gui.markdown_view import SafeTextBrowser

            reader = SafeTextBrowser(dialog, accessible_name=self.tr("Read-through"))
            reader.set_markdown(loaded.scenario.case, language=loaded.scenario.language)
            layout.addWidget(reader)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def open_editor(
    parent: QWidget | None, service: Any = None, path: str | Path | None = None
) -> ScenarioEditor:
    window = ScenarioEditor(parent, service, path)
    window.setWindowFlag(Qt.WindowType.Window, True)
    reload_library = getattr(parent, "reload_library", None)
    if callable(reload_library):  # a saved scenario shows up in the library at once
        window.saved.connect(lambda _path: reload_library())
    window.show()
    return window
