""" "How sure are you?" before the feedback (certainty-based marking, as Moodle's CBM asks).

Three levels: 1 unsure, 2 fairly sure, 3 sure; optional (no choice stores NULL).
Asked in practice only, by default: an exam measures the choice itself, and the
trainee can turn the question off (Practice → Ask how sure I am). Keys Shift+1..3.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

SETTING = "practice/ask_confidence"


class ConfidenceRow(QWidget):
    def __init__(self, shortcut_parent: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("How sure are you? (optional, before the feedback)"))
        layout.addWidget(label)
        for level, text in enumerate(
            (self.tr("Unsure (Shift+1)"), self.tr("Fairly sure (Shift+2)"), self.tr("Sure (Shift+3)")), 1
        ):
            button = QRadioButton(text)
            self.group.addButton(button, level)
            layout.addWidget(button)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("How sure you are of your choice"))
        for level in (1, 2, 3):
            shortcut = QShortcut(QKeySequence(f"Shift+{level}"), shortcut_parent)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda lv=level: self.set_level(lv))

    def set_level(self, level: int) -> None:
        if self.isVisible() and self.isEnabled():
            button = self.group.button(level)
            if button is not None:
                button.setChecked(True)

    def value(self) -> int | None:
        level = self.group.checkedId()
        return level if self.isVisible() and level in (1, 2, 3) else None

    def reset(self, *, visible: bool) -> None:
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(False)
        self.group.setExclusive(True)
        self.setVisible(visible)
