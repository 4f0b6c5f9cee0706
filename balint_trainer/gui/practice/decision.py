"""The decision panel of the player: the prompt, the options (keys 1–8), own words, confidence.

Its strings keep the literal context "PlayerView" (the class they were written in), so their
Persian translations still apply. Keys are handled by the player (``key_filter``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.markdown_render import render_markdown
from balint_trainer.core.session_events import DecisionEvent
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.practice.transcript import markdown_to_plain


class DecisionPanel(QWidget):
    confirm_requested = Signal()

    def __init__(self, key_filter: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_filter = key_filter
        self._option_ids: list[str] = []
        self.decision_title = QLabel()
        bold = self.decision_title.font()
        bold.setBold(True)
        self.decision_title.setFont(bold)
        self.prompt = SafeTextBrowser(
            accessible_name=QCoreApplication.translate("PlayerView", "Decision prompt")
        )
        self.prompt.setFrameShape(QFrame.Shape.NoFrame)
        self.option_group = QButtonGroup(self)
        self.option_group.setExclusive(True)
        self.option_group.idToggled.connect(lambda *_: self.update_confirm())
        # A group named by the prompt: screen readers say which question the options answer.
        self.options_box = QGroupBox()
        self.options_box.setFlat(True)
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.own_words = QPlainTextEdit()
        self.own_words.setPlaceholderText(
            QCoreApplication.translate("PlayerView", "What would you say to the group?")
        )
        self.own_words.setAccessibleName(QCoreApplication.translate("PlayerView", "In my own words"))
        self.own_words.setTabChangesFocus(True)
        self.own_words.setMaximumHeight(64)
        self.confirm_button = QPushButton(QCoreApplication.translate("PlayerView", "&Confirm choice"))
        self.confirm_button.setAccessibleName(QCoreApplication.translate("PlayerView", "Confirm choice"))
        self.confirm_button.setToolTip(
            QCoreApplication.translate("PlayerView", "Enter (Ctrl+Enter while typing)")
        )
        self.confirm_button.clicked.connect(self.confirm_requested.emit)
        self.decision_hint = QLabel(self.hint_text())
        self.decision_hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.decision_hint, 1)
        bottom.addWidget(self.confirm_button)
        own_words_label = QLabel(QCoreApplication.translate("PlayerView", "In my &own words (optional):"))
        own_words_label.setBuddy(self.own_words)
        # Prompt, options and own words scroll together: in a small window nothing is clipped,
        # while the confirm row stays in view.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.decision_title)
        content_layout.addWidget(self.prompt)
        content_layout.addWidget(self.options_box)
        content_layout.addWidget(own_words_label)
        content_layout.addWidget(self.own_words)
        from balint_trainer.gui.practice.confidence import ConfidenceRow

        self.confidence_row = ConfidenceRow(
            self
        )  # read by the main window with the answer (player.confidence_row)
        content_layout.addWidget(self.confidence_row)
        content_layout.addStretch(1)
        self.decision_scroll = QScrollArea()
        self.decision_scroll.setWidget(content)
        self.decision_scroll.setWidgetResizable(True)
        self.decision_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.decision_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decision_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.decision_scroll, 1)
        layout.addLayout(bottom)

    def hint_text(self) -> str:
        return QCoreApplication.translate(
            "PlayerView", "Choose with the mouse or keys 1–8, then press Enter."
        )

    def show_decision(
        self, event: DecisionEvent, title: str, language: str | None, *, confidence: bool
    ) -> None:
        """Fill the panel for a decision; ``title`` is its heading ("Decision 2 of 3 — …")."""
        self.decision_title.setText(title)
        self.prompt.set_markdown(event.prompt, language=language)
        self.fit_prompt()
        self.confidence_row.reset(visible=confidence)
        for button in self.option_group.buttons():
            self.option_group.removeButton(button)
        while self.options_layout.count():
            item = self.options_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._option_ids = []
        self.options_box.setAccessibleName(markdown_to_plain(event.prompt))
        for option in event.options:
            plain = markdown_to_plain(option.markdown)
            button = QRadioButton(f"&{option.number}")
            button.setAccessibleName(
                QCoreApplication.translate("PlayerView", "Option %1: %2")
                .replace("%1", str(option.number))
                .replace("%2", plain)
            )
            button.setAccessibleDescription(
                QCoreApplication.translate("PlayerView", "option %1 of %2")
                .replace("%1", str(option.number))
                .replace("%2", str(len(event.options)))
            )
            button.installEventFilter(self.key_filter)
            # The style's own focus frame around a one-digit label is easy to miss.
            button.setStyleSheet(
                "QRadioButton:focus { background: palette(highlight); color: palette(highlighted-text);"
                " border-radius: 3px; padding: 0 3px; }"
            )
            # A radio button cannot wrap its text; the label beside it can, and clicking it selects too.
            label = _ClickableLabel(render_markdown(option.markdown, language=language))
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            label.clicked.connect(button.click)
            label.setBuddy(button)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 2, 0, 2)
            row_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row_layout.addWidget(label, 1)
            self.option_group.addButton(button, option.number)
            self.options_layout.addWidget(row)
            self._option_ids.append(option.id)
        # Buttons made now would otherwise come last in the focus chain, after the own-words box.
        previous: QWidget = self.prompt
        for button in self.option_group.buttons():
            QWidget.setTabOrder(previous, button)
            previous = button
        QWidget.setTabOrder(previous, self.own_words)
        QWidget.setTabOrder(self.own_words, self.confirm_button)
        self.own_words.clear()
        self.update_confirm()
        # Nothing chosen and no option focused: Space (the "next line" key) must not pick one.
        self.option_group.setExclusive(False)
        for button in self.option_group.buttons():
            button.setChecked(False)
        self.option_group.setExclusive(True)
        self.decision_hint.setText(self.hint_text())
        self.prompt.setFocus()
        self.decision_scroll.verticalScrollBar().setValue(0)

    def fit_prompt(self) -> None:
        """Size the prompt to its text (up to a limit), so the options sit right below it."""
        document = self.prompt.document()
        document.setTextWidth(max(self.prompt.viewport().width(), 200))
        height = int(document.size().height()) + 2 * self.prompt.frameWidth() + 4
        self.prompt.setFixedHeight(min(max(height, 28), 140))

    def select_option(self, number: int) -> bool:
        button = self.option_group.button(number)
        if button is None:
            return False
        button.setChecked(True)
        button.setFocus()
        self.decision_scroll.ensureWidgetVisible(button)
        return True

    def option_number(self, option_id: str) -> int | None:
        """Where an option of the pending decision is on screen (1-based: its key), if shown."""
        return self._option_ids.index(option_id) + 1 if option_id in self._option_ids else None

    def shown_option_ids(self) -> list[str]:
        """The pending decision's option ids in the order shown."""
        return list(self._option_ids)

    def selected_option(self) -> str | None:
        number = self.option_group.checkedId()
        return self._option_ids[number - 1] if 1 <= number <= len(self._option_ids) else None

    def update_confirm(self) -> None:
        self.confirm_button.setEnabled(self.selected_option() is not None)


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
