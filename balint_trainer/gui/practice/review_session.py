"""Review my weak spots: single decisions the trainee missed, as FSRS schedules them.

Each item shows the case summary and the transcript lines just before the decision,
the prompt and the options (shuffled per review). Keys: 1–8 choose, Shift+1..3 say how
sure you are (optional, asked before the feedback), Enter confirms and, after the
feedback, goes on. Answers reschedule the card on a worker thread
(:func:`balint_trainer.gui.worker.run_in_background`); nothing touches the database
on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.markdown_render import render_inline, render_markdown, render_plain
from balint_trainer.core.option_order import option_label
from balint_trainer.core.review_item import ReviewItem
from balint_trainer.gui import reading
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.reading import decimal, plural
from balint_trainer.gui.worker import run_in_background

# Answer a review: (item, option id, confidence or None, seconds) → (credit, card state); runs off the UI thread.
AnswerFunction = Callable[[ReviewItem, str, "int | None", float], Any]


class ReviewSessionView(QWidget):
    finished = Signal()  # back to the library
    answered = Signal(object)  # (credit, card) after the card was rescheduled

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self.index = 0
        self.answer_function: AnswerFunction | None = None
        self.last_task: Any = None
        self._timer = QElapsedTimer()
        self.header = QLabel()
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.context = SafeTextBrowser(accessible_name=self.tr("Case summary and what was said before"))
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.options_box = QVBoxLayout()
        self.options = QButtonGroup(self)
        self.options.buttonToggled.connect(lambda *_: self._update_buttons())
        self.sure = QButtonGroup(self)
        self.sure.setExclusive(True)
        sure_row = QHBoxLayout()
        sure_row.addWidget(QLabel(self.tr("How sure are you? (optional)")))
        for level, text in enumerate(
            (self.tr("Unsure (Shift+1)"), self.tr("Fairly sure (Shift+2)"), self.tr("Sure (Shift+3)")), 1
        ):
            button = QRadioButton(text)
            self.sure.addButton(button, level)
            sure_row.addWidget(button)
        sure_row.addStretch(1)
        self.feedback = SafeTextBrowser(accessible_name=self.tr("The panel's feedback"))
        self.feedback.hide()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("&Confirm (Enter)"))
        self.confirm_button.clicked.connect(self.confirm)
        self.next_button = QPushButton(self.tr("&Next (Enter)"))
        self.next_button.clicked.connect(self.next_item)
        self.next_button.hide()
        self.back_button = QPushButton(self.tr("Back to the &library"))
        self.back_button.clicked.connect(self.finished.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.context, 2)
        layout.addWidget(self.prompt)
        layout.addLayout(self.options_box)
        layout.addLayout(sure_row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.feedback, 2)
        layout.addLayout(buttons)
        for number in range(1, 9):
            QShortcut(QKeySequence(str(number)), self, lambda n=number: self.select_option(n))
        for level in (1, 2, 3):
            shortcut = QShortcut(QKeySequence(f"Shift+{level}"), self)
            shortcut.activated.connect(lambda lv=level: self.set_confidence(lv))
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self, self._enter)

    # -- flow -----------------------------------------------------------------------
    def start(self, items: Sequence[ReviewItem], answer_function: AnswerFunction) -> None:
        self.items, self.index, self.answer_function = list(items), 0, answer_function
        self._show_item()

    @property
    def current(self) -> ReviewItem | None:
        return self.items[self.index] if self.index < len(self.items) else None

    def _show_item(self) -> None:
        item = self.current
        for button in list(self.options.buttons()):
            self.options.removeButton(button)
            self.options_box.removeWidget(button)
            button.deleteLater()
        self.sure.setExclusive(False)
        for button in self.sure.buttons():
            button.setChecked(False)
        self.sure.setExclusive(True)
        self.feedback.hide()
        self.verdict.clear()
        self.next_button.hide()
        if item is None:
            self.header.setText(self.tr("Review done"))
            self.context.set_safe_html(
                "<p>"
                + render_plain(self.tr("Nothing more is due today. Well done: come back tomorrow."))
                + "</p>"
            )
            self.prompt.clear()
            self.confirm_button.hide()
            self.back_button.setFocus()
            return
        language = item.scenario.language
        self.header.setText(
            self.tr("Review %1 of %2 · %3 · %4")
            .replace("%1", reading.number(self.index + 1))
            .replace("%2", reading.number(len(self.items)))
            .replace("%3", item.scenario.title)
            .replace("%4", item.competency_label)
        )
        parts = [
            f"<h3>{render_plain(item.scenario.title)}</h3>",
            render_markdown(item.scenario.summary or ""),
        ]
        if item.context:
            before = self.tr("Just before the decision")
            parts.append(f"<h3>{render_plain(before)}</h3>")
        for line in item.context:
            who = self.tr("Leader") if line.speaker == "leader" else line.speaker
            speaker = f"<b>{render_plain(who)}:</b> " if who else ""
            parts.append(f"<p>{speaker}{render_inline(line.markdown)}</p>")
        self.context.set_safe_html("".join(parts), language=language)
        # The scenario's own direction, whatever the interface's (as in the player).
        from balint_trainer.core.markdown_render import is_rtl

        direction = Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
        self.prompt.setLayoutDirection(direction)
        self.prompt.setText(render_inline(item.decision.prompt))
        for number, option_id in enumerate(item.order, 1):
            # Isolate the option in the scenario's direction, whatever the interface's.
            embed = "\u202b" if is_rtl(language) else "\u202a"
            button = QRadioButton(f"{embed}{number}. {option_label(item.option_text(option_id), 400)}\u202c")
            button.setLayoutDirection(direction)
            button.setProperty("option_id", option_id)
            self.options.addButton(button, number)
            self.options_box.addWidget(button)
        self.confirm_button.show()
        self._update_buttons()
        self._timer.start()
        self.setFocus()

    def select_option(self, number: int) -> bool:
        button = self.options.button(number)
        if button is None or self.next_button.isVisible():
            return False
        button.setChecked(True)
        return True

    def set_confidence(self, level: int) -> None:
        button = self.sure.button(level)
        if button is not None and not self.next_button.isVisible():
            button.setChecked(True)

    def selected_option(self) -> str | None:
        button = self.options.checkedButton()
        return None if button is None else str(button.property("option_id"))

    def _update_buttons(self) -> None:
        self.confirm_button.setEnabled(self.selected_option() is not None and self.last_task is None)

    def _enter(self) -> None:
        if self.next_button.isVisible():
            self.next_item()
        elif self.confirm_button.isVisible() and self.confirm_button.isEnabled():
            self.confirm()

    def confirm(self) -> None:
        item, option_id = self.current, self.selected_option()
        if item is None or option_id is None or self.answer_function is None or self.last_task is not None:
            return
        level = self.sure.checkedId()
        confidence = level if level in (1, 2, 3) else None
        seconds = self._timer.elapsed() / 1000
        answer = self.answer_function

        def done(result: Any) -> None:
            self.last_task = None
            self._show_feedback(item, option_id, result)
            self.answered.emit(result)

        def failed(_exc: BaseException) -> None:
            self.last_task = None
            self._update_buttons()

        self.confirm_button.setEnabled(False)
        self.last_task = run_in_background(
            self,
            lambda: answer(item, option_id, confidence, seconds),
            done,
            error_title=self.tr("Review not saved"),
            on_error=failed,
        )

    def _show_feedback(self, item: ReviewItem, option_id: str, result: Any) -> None:
        from balint_trainer.gui.practice.feedback import feedback_html, verdict_text

        credit, card = result
        feedback = item.feedback(option_id)
        days = max(0, round((card.due - datetime.now(UTC)).total_seconds() / 86400))
        self.verdict.setText(
            plural(self.tr("Credit %1. %2 Next review of this decision: in %n day(s).", "", days), days)
            .replace("%1", decimal(credit))
            .replace("%2", verdict_text(feedback))
        )
        self.feedback.set_safe_html(feedback_html(feedback), language=item.scenario.language)
        self.feedback.show()
        self.confirm_button.hide()
        self.next_button.show()
        self.next_button.setFocus()

    def next_item(self) -> None:
        self.index += 1
        self._show_item()
