"""Find and replace, go to line and line wrap for the scenario editor's text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from balint_trainer.gui.reading import number, plural

WRAP_SETTING = "editor/wrap_lines"


class FindBar(QWidget):
    """A bar under the text: find (Ctrl+F), replace (Ctrl+H), F3 / Shift+F3, match case, whole word."""

    closed = Signal()

    def __init__(self, editor: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("Find"))
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.replace_edit = QLineEdit()
        self.replace_edit.setAccessibleName(self.tr("Replace with"))
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.case_box = QCheckBox(self.tr("Match &case"))
        self.word_box = QCheckBox(self.tr("&Whole words"))
        self.next_button = QPushButton(self.tr("&Next"))
        self.previous_button = QPushButton(self.tr("Pre&vious"))
        self.replace_button = QPushButton(self.tr("&Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace &all"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close find bar"))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Find status"))
        find_label = QLabel(self.tr("&Find:"))
        find_label.setBuddy(self.find_edit)
        self.replace_label = QLabel(self.tr("Re&place:"))
        self.replace_label.setBuddy(self.replace_edit)

        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(find_label, 0, 0)
        layout.addWidget(self.find_edit, 0, 1)
        layout.addWidget(self.next_button, 0, 2)
        layout.addWidget(self.previous_button, 0, 3)
        layout.addWidget(self.case_box, 0, 4)
        layout.addWidget(self.word_box, 0, 5)
        layout.addWidget(self.close_button, 0, 6)
        layout.addWidget(self.replace_label, 1, 0)
        layout.addWidget(self.replace_edit, 1, 1)
        layout.addWidget(self.replace_button, 1, 2)
        layout.addWidget(self.replace_all_button, 1, 3)
        layout.addWidget(self.status, 1, 4, 1, 3)
        layout.setColumnStretch(1, 1)

        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    # -- showing ----------------------------------------------------------------
    def _set_replace_visible(self, visible: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button):
            widget.setVisible(visible)

    def open_find(self, *, replace: bool = False) -> None:
        selected = self.editor.textCursor().selectedText()
        if selected and "\u2029" not in selected:  # a one-line selection seeds the search
            self.find_edit.setText(selected)
        self._set_replace_visible(replace)
        self.show()
        target = self.replace_edit if replace and self.find_edit.text() else self.find_edit
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        target.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    # -- searching --------------------------------------------------------------
    def _flags(self, backward: bool = False) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case_box.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if self.word_box.isChecked():
            flags |= QTextDocument.FindFlag.FindWholeWords
        if backward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def search(self, *, backward: bool = False) -> bool:
        """Select the next (or previous) match, wrapping around the document once."""
        needle = self.find_edit.text()
        if not needle:
            return False
        document = self.editor.document()
        found = document.find(needle, self.editor.textCursor(), self._flags(backward))
        if found.isNull():
            start = QTextCursor(document)
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, self._flags(backward))
            if not found.isNull():
                self.status.setText(self.tr("Search wrapped around."))
        else:
            self.status.clear()
        if found.isNull():
            self.status.setText(self.tr("Not found: %1").replace("%1", needle))
            return False
        self.editor.setTextCursor(found)
        self.editor.centerCursor()
        return True

    def find_next(self) -> bool:
        return self.search()

    def find_previous(self) -> bool:
        return self.search(backward=True)

    def _selection_matches(self) -> bool:
        selected = self.editor.textCursor().selectedText()
        needle = self.find_edit.text()
        if self.case_box.isChecked():
            return selected == needle
        return selected.casefold() == needle.casefold()

    def replace_one(self) -> bool:
        """Replace the selected match (if it is one), then select the next."""
        if not self.find_edit.text():
            return False
        if self.editor.textCursor().hasSelection() and self._selection_matches():
            self.editor.textCursor().insertText(self.replace_edit.text())
        return self.search()

    def replace_all(self) -> int:
        """Replace every match as one undo step; returns how many."""
        needle = self.find_edit.text()
        if not needle:
            return 0
        document = self.editor.document()
        edit = QTextCursor(document)
        edit.beginEditBlock()
        count = 0
        cursor = QTextCursor(document)
        while True:
            cursor = document.find(needle, cursor, self._flags())
            if cursor.isNull():
                break
            cursor.insertText(self.replace_edit.text())
            count += 1
        edit.endEditBlock()
        self.status.setText(plural(self.tr("%n replacement(s).", "", count), count))
        return count


def go_to_line(editor: QPlainTextEdit, parent: QWidget) -> int | None:
    """Ask for a line number (Ctrl+G) and jump there."""
    current = editor.textCursor().blockNumber() + 1
    line, ok = QInputDialog.getInt(
        parent,
        QCoreApplication.translate("ScenarioEditor", "Go to line"),
        QCoreApplication.translate("ScenarioEditor", "Line (1–%1):").replace("%1", number(editor.blockCount())),
        current,
        1,
        max(1, editor.blockCount()),
    )
    return line if ok else None


def wrap_setting() -> bool:
    return str(QSettings().value(WRAP_SETTING, "false")).lower() in ("true", "1")


def apply_wrap(editor: QPlainTextEdit, wrap: bool, *, remember: bool = True) -> None:
    editor.setLineWrapMode(
        QPlainTextEdit.LineWrapMode.WidgetWidth if wrap else QPlainTextEdit.LineWrapMode.NoWrap
    )
    if remember:
        QSettings().setValue(WRAP_SETTING, "true" if wrap else "false")
