"""Scenario player: the case, then the transcript line by line, decisions and feedback.

The widget only presents a :class:`~balint_trainer.core.session.PracticeSession`;
storing answers is the job of whoever listens to :attr:`PlayerView.answer_given`.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QShortcut,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
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
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.competencies import PHASES
from balint_trainer.core.markdown_render import render_inline, render_markdown, render_plain
from balint_trainer.core.option_order import option_label
from balint_trainer.core.session import (
    AnswerResult,
    DecisionEvent,
    DecisionFeedback,
    Event,
    LineEvent,
    NarrationEvent,
    PhaseEvent,
    PracticeSession,
    format_clock,
)
from balint_trainer.gui import reading, realtime
from balint_trainer.gui.a11y import announce
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.style import muted_colour, speaker_colour, title_label

# Auto-play delay per speed step (slow … fast), milliseconds.
SPEED_INTERVALS_MS = (4000, 2800, 1800, 1100, 600)
_STEP_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
CHART_LABEL_LENGTH = 48
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 9)}


def markdown_to_plain(text: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(render_markdown(text))
    return document.toPlainText().strip()


def phase_labels() -> dict[str, str]:
    # Literal contexts: lupdate cannot see through a local tr() helper.
    return {
        "frame": QCoreApplication.translate("Phases", "Frame"),
        "presentation": QCoreApplication.translate("Phases", "Presentation"),
        "questions": QCoreApplication.translate("Phases", "Questions"),
        "push-back": QCoreApplication.translate("Phases", "Push-back"),
        "return": QCoreApplication.translate("Phases", "Return"),
        "closing": QCoreApplication.translate("Phases", "Closing"),
    }


class PhaseIndicator(QFrame):
    """Frame → presentation → questions → push-back → return → closing, current one highlighted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The arrows between phases are painted (paintEvent), not widgets: decoration that a
        # screen reader would otherwise read aloud between every two phases.
        layout.setSpacing(self.fontMetrics().horizontalAdvance("→") + 12)
        self.labels: dict[str, QLabel] = {}
        names = phase_labels()
        for phase in PHASES:
            label = QLabel(names[phase])
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMargin(3)
            self.labels[phase] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.current: str | None = None
        self.set_phase(None)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        arrow = "←" if rtl else "→"
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        labels = sorted(self.labels.values(), key=lambda label: label.geometry().left())
        for left, right in pairwise(labels):
            gap = QRect(
                left.geometry().right(),
                left.geometry().top(),
                right.geometry().left() - left.geometry().right(),
                left.height(),
            )
            painter.drawText(gap, int(Qt.AlignmentFlag.AlignCenter), arrow)
        painter.end()

    def set_phase(self, phase: str | None) -> None:
        self.current = phase
        reached = PHASES.index(phase) if phase in PHASES else -1
        names = phase_labels()
        for index, (name, label) in enumerate(self.labels.items()):
            if name == phase:
                label.setStyleSheet(
                    "QLabel { background: palette(highlight); color: palette(highlighted-text);"
                    " border-radius: 3px; font-weight: bold; }"
                )
            else:
                label.setStyleSheet("")
            label.setEnabled(index <= reached)
        text = names.get(phase or "", self.tr("not started"))
        self.setAccessibleName(self.tr("Phase: %1").replace("%1", text))
        self.setToolTip(self.accessibleName())


class PlayerView(QWidget):
    answer_given = Signal(object)  # AnswerResult
    summary_requested = Signal()
    leave_requested = Signal()
    glossary_requested = Signal(str)  # a glossary:ANCHOR link ("What is this?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask_confidence = True  # practice only; the main window keeps the setting
        self.session: PracticeSession | None = None
        self.title_text = ""
        self.state = "idle"  # idle, case, stepping, deciding, feedback, end
        self.last_result: AnswerResult | None = None
        self.feedback_chart: Any = None
        self._option_ids: list[str] = []
        self._decision_clock = QElapsedTimer()
        self._auto_timer = QTimer(self)
        self._auto_timer.timeout.connect(self._auto_step)

        # Header: title, decision counter, clock; phase indicator below.
        self.title = title_label()
        self.mode_label = QLabel()
        self.decision_counter = QLabel()
        self.clock_label = QLabel()
        self.clock_label.setAccessibleDescription(self.tr("Session clock"))
        self.phase_indicator = PhaseIndicator()
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.mode_label)
        header.addWidget(self.decision_counter)
        header.addWidget(self.clock_label)
        # Real-time mode (gui/realtime.py): a countdown at each decision.
        self.countdown = realtime.Countdown()
        self.countdown.expired.connect(self.time_out)
        header.addWidget(self.countdown)

        # Page 1: the case, read before the session starts.
        self.case_intro = SafeTextBrowser(accessible_name=self.tr("The case"))
        self.begin_button = QPushButton(self.tr("&Begin the session"))
        self.begin_button.setAccessibleName(self.tr("Begin the session"))
        self.begin_button.clicked.connect(self.begin)
        case_page = QWidget()
        case_layout = QVBoxLayout(case_page)
        case_hint = QLabel(self.tr("Read the presenter's case first. Press Enter to begin."))
        case_hint.setWordWrap(True)
        case_layout.addWidget(self.case_intro, 1)
        case_buttons = QHBoxLayout()
        case_buttons.addWidget(case_hint, 1)
        case_buttons.addWidget(self.begin_button)
        case_layout.addLayout(case_buttons)

        # Page 2: case on the side, transcript, and a panel that changes with the state.
        self.case_side = SafeTextBrowser(accessible_name=self.tr("The case"))
        self.transcript = SafeTextBrowser(accessible_name=self.tr("Session transcript"))
        self.transcript.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.panel = QStackedWidget()
        self.panel.addWidget(self._build_step_panel())
        self.panel.addWidget(self._build_decision_panel())
        self.panel.addWidget(self._build_feedback_panel())
        self.panel.addWidget(self._build_end_panel())

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.case_side)
        upper.addWidget(self.transcript)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 5)
        upper.setChildrenCollapsible(False)
        self.session_split = QSplitter(Qt.Orientation.Vertical)
        self.session_split.addWidget(upper)
        self.session_split.addWidget(self.panel)
        self.session_split.setStretchFactor(0, 3)
        self.session_split.setStretchFactor(1, 2)
        self.session_split.setChildrenCollapsible(False)

        self.pages = QStackedWidget()
        self.pages.addWidget(case_page)
        self.pages.addWidget(self.session_split)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.phase_indicator)
        layout.addWidget(self.pages, 1)
        self._columns = [reading.ReadingColumn(v) for v in (self.transcript, self.case_intro)]
        # The transcript gets the room the panel below does not need (the step row is small).
        self.panel.currentChanged.connect(lambda _index: self._fit_panel())

        for widget in (self.case_intro, self.case_side, self.transcript, self.prompt, self.feedback_text):
            widget.installEventFilter(self)
        self.own_words.installEventFilter(self)
        confirm = QShortcut(
            QKeySequence("Ctrl+Return"), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        confirm.activated.connect(self.confirm_choice)
        plain_labels(self)  # scenario and user text is never rich text

    # -- panels ---------------------------------------------------------------
    def _build_step_panel(self) -> QWidget:
        panel = QWidget()
        self.next_button = QPushButton(self.tr("&Next line"))
        self.next_button.setAccessibleName(self.tr("Next line"))
        self.next_button.setToolTip(self.tr("Space or Enter"))
        self.next_button.clicked.connect(self.step)
        self.auto_button = QPushButton(self.tr("&Auto-play"))
        self.auto_button.setCheckable(True)
        self.auto_button.setAccessibleName(self.tr("Auto-play"))
        self.auto_button.toggled.connect(self.set_auto_play)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(1, len(SPEED_INTERVALS_MS))
        self.speed.setValue(3)
        self.speed.setPageStep(1)
        self.speed.setAccessibleName(self.tr("Auto-play speed"))
        self.speed.setMaximumWidth(160)
        self.speed.valueChanged.connect(self._speed_changed)
        speed_label = QLabel(self.tr("S&peed:"))
        speed_label.setBuddy(self.speed)
        self.time_limit_choice = realtime.TimeLimitChoice()
        time_limit_label = QLabel(self.tr("Real t&ime:"))
        time_limit_label.setBuddy(self.time_limit_choice)
        self.step_hint = QLabel(self._step_hint_text())
        self.step_hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.next_button)
        row.addWidget(self.auto_button)
        row.addWidget(speed_label)
        row.addWidget(self.speed)
        row.addWidget(time_limit_label)
        row.addWidget(self.time_limit_choice)
        row.addStretch(1)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.step_hint)
        layout.addLayout(row)
        layout.addStretch(1)
        return panel

    def _step_hint_text(self) -> str:
        return self.tr("Space or Enter reveals the next line. At each decision the session pauses.")

    def _build_decision_panel(self) -> QWidget:
        panel = QWidget()
        self.decision_title = QLabel()
        bold = self.decision_title.font()
        bold.setBold(True)
        self.decision_title.setFont(bold)
        self.prompt = SafeTextBrowser(accessible_name=self.tr("Decision prompt"))
        self.prompt.setFrameShape(QFrame.Shape.NoFrame)
        self.option_group = QButtonGroup(self)
        self.option_group.setExclusive(True)
        self.option_group.idToggled.connect(lambda *_: self._update_confirm())
        # A group named by the prompt: screen readers say which question the options answer.
        self.options_box = QGroupBox()
        self.options_box.setFlat(True)
        self.options_layout = QVBoxLayout(self.options_box)
        self.options_layout.setContentsMargins(0, 0, 0, 0)
        self.own_words = QPlainTextEdit()
        self.own_words.setPlaceholderText(self.tr("What would you say to the group?"))
        self.own_words.setAccessibleName(self.tr("In my own words"))
        self.own_words.setTabChangesFocus(True)
        self.own_words.setMaximumHeight(64)
        self.confirm_button = QPushButton(self.tr("&Confirm choice"))
        self.confirm_button.setAccessibleName(self.tr("Confirm choice"))
        self.confirm_button.setToolTip(self.tr("Enter (Ctrl+Enter while typing)"))
        self.confirm_button.clicked.connect(self.confirm_choice)
        self.decision_hint = QLabel(self._decision_hint_text())
        self.decision_hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.decision_hint, 1)
        bottom.addWidget(self.confirm_button)
        own_words_label = QLabel(self.tr("In my &own words (optional):"))
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

        self.confidence_row = ConfidenceRow(self)  # read by the main window with the answer
        content_layout.addWidget(self.confidence_row)
        content_layout.addStretch(1)
        self.decision_scroll = QScrollArea()
        self.decision_scroll.setWidget(content)
        self.decision_scroll.setWidgetResizable(True)
        self.decision_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.decision_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decision_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.decision_scroll, 1)
        layout.addLayout(bottom)
        return panel

    def _decision_hint_text(self) -> str:
        return self.tr("Choose with the mouse or keys 1–8, then press Enter.")

    def _fit_panel(self) -> None:
        """Stepping: the panel as small as its controls; deciding or feedback: room for them."""
        page = self.panel.currentWidget()
        # Hidden pages must not hold the stack at their minimum height (the feedback chart's).
        for index in range(self.panel.count()):
            other = self.panel.widget(index)
            if other is None:
                continue
            policy = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        total = sum(self.session_split.sizes())
        if total <= 0:
            return
        if self.panel.currentIndex() in (0, 3) and page is not None:
            below = min(page.minimumSizeHint().height() + 8, total // 3)
        else:
            below = total * 11 // 20
        self.session_split.setSizes([total - below, below])

    def _build_feedback_panel(self) -> QWidget:
        panel = QWidget()
        self.credit_label = QLabel()
        self.credit_label.setWordWrap(True)
        self.credit_label.setAccessibleDescription(self.tr("Your credit"))
        bold = self.credit_label.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.credit_label.setFont(bold)
        self.credit_explanation = QLabel()
        self.credit_explanation.setWordWrap(True)
        self.credit_explanation.setAccessibleDescription(self.tr("What the credit means"))
        from balint_trainer.core.guidance import statistic_help

        self.credit_label.setToolTip(statistic_help("credit"))
        self.credit_label.setWhatsThis(statistic_help("credit"))
        self.glossary_links = QLabel()
        self.glossary_links.setTextFormat(Qt.TextFormat.RichText)
        self.glossary_links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.glossary_links.setAccessibleDescription(self.tr("Explanations in the glossary"))
        self.glossary_links.linkActivated.connect(self.glossary_requested.emit)
        self.chart_holder = QVBoxLayout()
        self.chart_holder.setContentsMargins(0, 0, 0, 0)
        chart_box = QWidget()
        chart_box.setLayout(self.chart_holder)
        chart_box.setMinimumWidth(280)
        self.feedback_text = SafeTextBrowser(accessible_name=self.tr("Expert feedback"))
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setAccessibleName(self.tr("Continue the session"))
        self.continue_button.setToolTip(self.tr("Space or Enter"))
        self.continue_button.clicked.connect(self.continue_after_feedback)
        middle = QSplitter(Qt.Orientation.Horizontal)
        middle.addWidget(chart_box)
        middle.addWidget(self.feedback_text)
        middle.setStretchFactor(0, 2)
        middle.setStretchFactor(1, 3)
        middle.setChildrenCollapsible(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.continue_button)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.credit_label)
        layout.addWidget(self.credit_explanation)
        layout.addWidget(self.glossary_links)
        layout.addWidget(middle, 1)
        layout.addLayout(bottom)
        return panel

    def _build_end_panel(self) -> QWidget:
        panel = QWidget()
        self.end_label = QLabel()
        self.end_label.setWordWrap(True)
        self.summary_button = QPushButton(self.tr("See the &summary"))
        self.summary_button.setAccessibleName(self.tr("See the summary"))
        self.summary_button.clicked.connect(self.summary_requested.emit)
        row = QHBoxLayout()
        row.addWidget(self.end_label, 1)
        row.addWidget(self.summary_button)
        layout = QVBoxLayout(panel)
        layout.addLayout(row)
        layout.addStretch(1)
        return panel

    # -- starting -------------------------------------------------------------
    def start(self, session: PracticeSession, title: str | None = None) -> None:
        self.set_auto_play(False)
        self.countdown.stop()
        self.session = session
        scenario = session.scenario
        self.title_text = title or scenario.title
        self.title.setText(self.title_text)
        self.mode_label.setText(self.tr("Practice") if session.mode == "practice" else self.tr("Exam"))
        self.mode_label.setToolTip(
            self.tr("Expert feedback after every decision")
            if session.mode == "practice"
            else self.tr("Expert feedback at the end")
        )
        direction = (
            Qt.LayoutDirection.RightToLeft if _rtl(scenario.language) else Qt.LayoutDirection.LeftToRight
        )
        for widget in (
            self.transcript,
            self.case_side,
            self.case_intro,
            self.prompt,
            self.feedback_text,
            self.options_box,
            self.own_words,
        ):
            widget.setLayoutDirection(direction)
        case_html = self._case_html()
        self.case_intro.set_safe_html(case_html, language=scenario.language)
        self.case_side.set_safe_html(case_html, language=scenario.language)
        self.transcript.clear()
        self.step_hint.setText(self._step_hint_text())
        self.last_result = None
        self._clear_chart()
        resumed = bool(session.history)
        for event in session.history:
            self._render(event, replay=True)
        self._update_header()
        if resumed:
            self._append_marker(self.tr("— resumed: you continue where you stopped —"))
            self._enter_stepping()
        else:
            self.state = "case"
            self.pages.setCurrentIndex(0)
            self.begin_button.setFocus()

    def _case_html(self) -> str:
        assert self.session is not None
        scenario = self.session.scenario
        people = "".join(
            f'<li><b style="color:{speaker_colour(p.kind, self)}">{render_plain(p.name)}</b> — '
            f"{render_plain(p.role)}</li>"
            for p in scenario.people.values()
        )
        case_heading, group_heading = render_plain(self.tr("The case")), render_plain(self.tr("In the group"))
        return (
            f"<h2>{case_heading}</h2>"
            + render_markdown(scenario.case, language=scenario.language)
            + f"<h3>{group_heading}</h3><ul>{people}</ul>"
        )

    def begin(self) -> None:
        if self.state != "case":
            return
        self._enter_stepping()
        if self._real_time():
            self.set_auto_play(True)  # in real time the group does not wait for the trainee
        self.step()

    def _real_time(self) -> bool:
        setting = self.time_limit_setting()
        if setting == realtime.OFF or self.session is None:
            return False
        return setting != realtime.SCENARIO or any(
            realtime.effective_limit(setting, self.session, d.decision) for d in self.session.scenario.decisions
        )

    def hideEvent(self, event: Any) -> None:
        self.countdown.stop()  # leaving the session: no time-out on a session nobody sees
        super().hideEvent(event)

    def _enter_stepping(self) -> None:
        self.pages.setCurrentIndex(1)
        self.state = "stepping"
        self.panel.setCurrentIndex(0)
        QTimer.singleShot(0, self._fit_panel)  # once the session page has its size
        self.transcript.setFocus()

    # -- stepping -------------------------------------------------------------
    def step(self) -> Event | None:
        """Reveal the next line; stop at a decision or the end."""
        if self.session is None or self.state != "stepping":
            return None
        event = self.session.next_event()
        if event is None:
            self._show_end()
            return None
        self._render(event)
        self._update_header()
        if isinstance(event, DecisionEvent):
            self._show_decision(event)
        return event

    def step_until_decision(self) -> DecisionEvent | None:
        """Reveal lines until the next decision (used by 'skip ahead' and tests)."""
        while self.state == "stepping":
            event = self.step()
            if isinstance(event, DecisionEvent):
                return event
            if event is None:
                return None
        return None

    def set_auto_play(self, on: bool) -> None:
        if self.auto_button.isChecked() != on:
            self.auto_button.setChecked(on)  # re-enters through toggled
            return
        if on:
            self._auto_timer.start(self._interval())
        else:
            self._auto_timer.stop()

    def _interval(self) -> int:
        return SPEED_INTERVALS_MS[self.speed.value() - 1]

    def _speed_changed(self, _: int) -> None:
        if self._auto_timer.isActive():
            self._auto_timer.start(self._interval())

    def _auto_step(self) -> None:
        if self.state == "stepping":
            self.step()
        elif self.state in ("end", "idle"):
            self.set_auto_play(False)

    # -- decisions ------------------------------------------------------------
    def _show_decision(self, event: DecisionEvent) -> None:
        self.state = "deciding"
        self.decision_title.setText(
            self.tr("Decision %1 of %2 — %3")
            .replace("%1", reading.number(event.number))
            .replace("%2", reading.number(event.total))
            .replace("%3", event.competency_label)
        )
        self.prompt.set_markdown(event.prompt, language=self._language())
        self._fit_prompt()
        mode = self.session.mode if self.session is not None else "exam"
        self.confidence_row.reset(visible=self.ask_confidence and mode == "practice")
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
                self.tr("Option %1: %2").replace("%1", str(option.number)).replace("%2", plain)
            )
            button.setAccessibleDescription(
                self.tr("option %1 of %2")
                .replace("%1", str(option.number))
                .replace("%2", str(len(event.options)))
            )
            button.installEventFilter(self)
            # The style's own focus frame around a one-digit label is easy to miss.
            button.setStyleSheet(
                "QRadioButton:focus { background: palette(highlight); color: palette(highlighted-text);"
                " border-radius: 3px; padding: 0 3px; }"
            )
            # A radio button cannot wrap its text; the label beside it can, and clicking it selects too.
            label = _ClickableLabel(render_markdown(option.markdown, language=self._language()))
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
        self.panel.setCurrentIndex(1)
        self._update_confirm()
        self._decision_clock.start()
        limit = realtime.effective_limit(self.time_limit_setting(), self.session, event.decision_id)
        if limit is not None:
            self.countdown.start(limit)
        # Nothing chosen and no option focused: Space (the "next line" key) must not pick one.
        self.option_group.setExclusive(False)
        for button in self.option_group.buttons():
            button.setChecked(False)
        self.option_group.setExclusive(True)
        self.decision_hint.setText(self._decision_hint_text())
        self.prompt.setFocus()
        self.decision_scroll.verticalScrollBar().setValue(0)

    def _fit_prompt(self) -> None:
        """Size the prompt to its text (up to a limit), so the options sit right below it."""
        document = self.prompt.document()
        document.setTextWidth(max(self.prompt.viewport().width(), 200))
        height = int(document.size().height()) + 2 * self.prompt.frameWidth() + 4
        self.prompt.setFixedHeight(min(max(height, 28), 140))

    def select_option(self, number: int) -> bool:
        button = self.option_group.button(number)
        if self.state != "deciding" or button is None:
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

    def _update_confirm(self) -> None:
        self.confirm_button.setEnabled(self.selected_option() is not None)

    def confirm_choice(self) -> AnswerResult | None:
        if self.state != "deciding" or self.session is None:
            return None
        option_id = self.selected_option()
        pending = self.session.pending_decision
        if option_id is None:
            self.decision_hint.setText(self.tr("Choose an option first (keys 1–8), then press Enter."))
            return None
        if pending is None:
            return None
        self.countdown.stop()
        seconds = self._decision_clock.elapsed() / 1000.0 if self._decision_clock.isValid() else None
        result = self.session.answer(pending.decision_id, option_id, self.own_words.toPlainText(), seconds)
        chosen = next(o for o in pending.options if o.id == option_id)
        self._render_choice(chosen.markdown, result.own_words)
        return self._after_answer(result)

    def time_limit_setting(self) -> str | float:
        """The real-time setting (tests may set ``time_limit_override`` to a short limit)."""
        override = getattr(self, "time_limit_override", None)
        return override if override is not None else self.time_limit_choice.value()

    def time_out(self) -> AnswerResult | None:
        """Time ran out at a decision: record no intervention and play on."""
        if self.state != "deciding" or self.session is None or self.session.pending_decision is None:
            return None
        self.countdown.stop()
        seconds = self._decision_clock.elapsed() / 1000.0 if self._decision_clock.isValid() else None
        result = self.session.time_out(self.session.pending_decision.decision_id, seconds)
        self._append_marker(self.tr("Time ran out: no intervention."))
        return self._after_answer(result)

    def _after_answer(self, result: AnswerResult) -> AnswerResult:
        self.last_result = result
        self._update_header()
        self.answer_given.emit(result)
        if result.feedback is not None:
            self._show_feedback(result.feedback)
        else:
            self._enter_stepping()
            self.step_hint.setText(self.tr("Answer saved. Feedback comes at the end of the exam."))
            if self.auto_button.isChecked():
                self._auto_timer.start(self._interval())
        return result

    def _show_feedback(self, feedback: DecisionFeedback) -> None:
        self.state = "feedback"
        self.credit_label.setText(
            self.tr("Your credit: %1 of %2")
            .replace("%1", reading.decimal(feedback.credit))
            .replace("%2", reading.number(1))
            + " — "
            + verdict_text(feedback)
        )
        self.credit_explanation.setText(credit_explanation(feedback))
        self.glossary_links.setText(self._glossary_links_html(feedback))
        self._clear_chart()
        from balint_trainer.gui import charts
        from balint_trainer.reports.against_panel import from_feedback, marks

        view = from_feedback(feedback)
        chart_labels = {}
        for position, oid in enumerate(feedback.votes):  # in the order shown
            # Short enough for the axis; the chart's tooltip and the text below name it in full.
            label = option_label(feedback.option_texts[oid], CHART_LABEL_LENGTH)
            tags = marks(view.options[position], view)  # a tie is marked on every tied option
            chart_labels[oid] = label + (" (" + ", ".join(tags) + ")" if tags else "")
        self.feedback_chart = charts.votes_chart(
            self, feedback.votes, chart_labels, feedback.chosen, feedback.modal_options
        )
        self.chart_holder.addWidget(self.feedback_chart)
        illustrative = self.session is not None and self.session.scenario.key_status == "illustrative"
        self.feedback_text.set_safe_html(
            feedback_html(feedback, illustrative=illustrative), language=self._language()
        )
        self.panel.setCurrentIndex(2)
        # Focus goes to Continue; the result is spoken and is Continue's description, so a
        # screen reader reads it on arrival instead of only "Continue the session".
        result = self.credit_label.text()
        self.continue_button.setAccessibleDescription(result)
        self.continue_button.setFocus()
        announce(self.credit_label, result)

    def _glossary_links_html(self, feedback: DecisionFeedback) -> str:
        from balint_trainer.core.guidance import competency_anchor

        links = [("stat-credit", self.tr("What is credit?"))]
        anchor = competency_anchor(feedback.competency)
        if anchor is not None:
            links.insert(
                0, (anchor, self.tr("What is “%1”?").replace("%1", feedback.competency_label))
            )
        if feedback.agreement is not None and feedback.agreement < 0.5:
            links.append(("stat-agreement", self.tr("What is panel agreement?")))
        return " · ".join(f'<a href="glossary:{a}">{render_plain(text)}</a>' for a, text in links)

    def _clear_chart(self) -> None:
        if self.feedback_chart is not None:
            self.chart_holder.removeWidget(self.feedback_chart)
            self.feedback_chart.deleteLater()
            self.feedback_chart = None

    def continue_after_feedback(self) -> None:
        if self.state != "feedback":
            return
        self._enter_stepping()
        self.step_hint.setText(self._step_hint_text())
        self.step()
        if self.auto_button.isChecked():
            self._auto_timer.start(self._interval())

    def _show_end(self) -> None:
        self.state = "end"
        self._auto_timer.stop()
        self._update_header()  # the clock shows the full session length
        total = self.session.decision_count if self.session else 0
        # %n picks the plural form for the total ("1 decision"); %1 is the count answered.
        self.end_label.setText(
            reading.plural(self.tr("The session is over. You answered %1 of %n decision(s).", "", total), total)
            .replace("%1", reading.number(len(self.session.results) if self.session else 0))
        )
        self.panel.setCurrentIndex(3)
        self.summary_button.setFocus()
        self._append_marker(self.tr("— end of the session —"))

    # -- rendering ------------------------------------------------------------
    def _language(self) -> str | None:
        return self.session.scenario.language if self.session else None

    def _render(self, event: Event, *, replay: bool = False) -> None:
        language = self._language()
        if isinstance(event, PhaseEvent):
            name = phase_labels().get(event.phase, event.label)
            self._append(f'<h3 align="center">— {render_plain(name)} —</h3>')
        elif isinstance(event, LineEvent):
            colour = speaker_colour(event.kind, self)
            role = (
                f' <span style="color:{muted_colour(self)}">{render_plain(role_suffix(event.role))}</span>'
                if event.role and event.kind != "leader"  # "You (leader)" already says it
                else ""
            )
            name = self.tr("You (leader)") if event.kind == "leader" else event.name
            self._append(
                f'<p{self._dir()}><b style="color:{colour}">{render_plain(name)}</b>{role}</p>'
                + render_markdown(event.markdown, language=language)
            )
        elif isinstance(event, NarrationEvent):
            self._append(self._muted(render_markdown(event.markdown, language=language), block="div"))
        elif isinstance(event, DecisionEvent) and replay and self.session is not None:
            given = self.session.result(event.decision_id)
            option = next((o for o in event.options if given and o.id == given.option_id), None)
            if option is not None and given is not None:
                self._render_choice(option.markdown, given.own_words)
        self.transcript.verticalScrollBar().setValue(self.transcript.verticalScrollBar().maximum())

    def _append_marker(self, text: str) -> None:
        """A centred, muted note in the transcript ("resumed", "end of the session")."""
        self._append(
            f'<span style="color:{muted_colour(self)}"><i>{render_plain(text)}</i></span>', centred=True
        )

    def _append(self, html: str, *, centred: bool = False) -> None:
        """Append a block with a fresh format (QTextEdit.append would inherit the last block's alignment)."""
        cursor = QTextCursor(self.transcript.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.transcript.document().isEmpty():
            spaced = QTextBlockFormat()
            spaced.setTopMargin(10)
            if centred:
                # An inline fragment merges into this block, so the block carries the alignment.
                spaced.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            if _rtl(self._language()):
                # The fragment's first paragraph merges into this block and keeps its direction.
                spaced.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
            cursor.insertBlock(spaced, QTextCharFormat())
        cursor.insertHtml(html)
        bar = self.transcript.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _render_choice(self, markdown: str, own_words: str | None) -> None:
        colour = speaker_colour("leader", self)
        from balint_trainer.core.guidance import is_quoted_speech

        if is_quoted_speech(markdown):
            you = render_plain(self.tr("You (leader)"))
            html = f'<p{self._dir()}><b style="color:{colour}">{you}</b></p>'
            html += render_markdown(markdown, language=self._language())
        else:  # a described action ("Stay quiet…"): the leader does it, nobody says it
            you = render_plain(self.tr("(You)"))
            action = render_inline(markdown_to_plain(markdown))
            inner = f'<b style="color:{colour}">{you}</b> {action}'
            html = f"<p{self._dir()}>{inner if _rtl(self._language()) else f'<i>{inner}</i>'}</p>"
        if own_words:
            html += self._muted(render_plain(self.tr("In your own words: %1").replace("%1", own_words)))
        self._append(html)

    def _dir(self) -> str:
        """dir attribute for speaker lines, so names align with right-to-left text."""
        return ' dir="rtl"' if _rtl(self._language()) else ""

    def _muted(self, html: str, *, block: str = "p") -> str:
        """Stage directions and asides: muted colour, italic only in scripts that use italics."""
        inner = html if _rtl(self._language()) else f"<i>{html}</i>"
        return f'<{block}{self._dir()} style="color:{muted_colour(self)}">{inner}</{block}>'

    def _update_header(self) -> None:
        session = self.session
        if session is None:
            return
        self.phase_indicator.set_phase(session.phase.phase if session.phase else None)
        total = format_clock(float(session.duration_minutes))
        self.clock_label.setText(
            self.tr("Session clock %1 / %2")
            .replace("%1", reading.digits(session.clock))
            .replace("%2", reading.digits(total))
        )
        self.clock_label.setToolTip(self.tr("Simulated time into the group session"))
        answered = len(session.results)
        self.decision_counter.setText(
            self.tr("Decisions %1/%2")
            .replace("%1", reading.number(answered))
            .replace("%2", reading.number(session.decision_count))
        )

    # -- keys -------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.state == "case" and key in _STEP_KEYS:
            self.begin()
            return True
        if self.state == "stepping" and key in _STEP_KEYS and not modifiers:
            self.step()
            return True
        if self.state == "deciding":
            if key in _DIGIT_KEYS and not modifiers:
                return self.select_option(_DIGIT_KEYS[key])
            if key == Qt.Key.Key_Space:
                return True  # a Space meant for "next line" chooses nothing
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm_choice()
                return True
        if self.state == "feedback" and key in _STEP_KEYS:
            self.continue_after_feedback()
            return True
        if self.state == "end" and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.summary_requested.emit()
            return True
        if key == Qt.Key.Key_Escape and self.state != "idle":
            self.leave_requested.emit()
            return True
        return False

    def changeEvent(self, event: QEvent) -> None:
        # Light/dark switched (View → Appearance or the system): the transcript's speaker colours
        # were written into its HTML, so write it again in the new palette.
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.session is not None and self.state != "idle":
            self._rerender()

    def _rerender(self) -> None:
        assert self.session is not None
        position = self.transcript.verticalScrollBar().value()
        case_html = self._case_html()
        self.case_intro.set_safe_html(case_html, language=self._language())
        self.case_side.set_safe_html(case_html, language=self._language())
        self.transcript.clear()
        for event in self.session.history:
            self._render(event, replay=True)
        if self.state == "end":
            self._append_marker(self.tr("— end of the session —"))
        self.transcript.verticalScrollBar().setValue(position)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.own_words:
                # Typing stays typing; only Ctrl+Enter confirms and Escape leaves.
                ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
                if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.confirm_choice()
                    return True
                return False
            if isinstance(watched, QRadioButton) and event.key() == Qt.Key.Key_Space:
                return False  # Space selects the focused option
            if self.handle_key(event):
                return True
        return super().eventFilter(watched, event)


class _ClickableLabel(QLabel):
    clicked = Signal()

    def mouseReleaseEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def role_suffix(role: str) -> str:
    """A speaker's role after the name: in brackets, unless the role has brackets of its own."""
    if "(" in role or ")" in role:
        return QCoreApplication.translate("PlayerView", "— %1").replace("%1", role)
    return QCoreApplication.translate("PlayerView", "(%1)").replace("%1", role)


def _option_list(labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return (
        QCoreApplication.translate("Feedback", "%1 and %2")
        .replace("%1", ", ".join(labels[:-1]))
        .replace("%2", labels[-1])
    )


def _quoted(label: str) -> str:
    if label[:1] in "\"“”„«»‹›'‘’":  # already quoted speech: no second pair of quotes
        return label
    return QCoreApplication.translate("Feedback", "“%1”").replace("%1", label)


# The feedback texts below are shared by the player and the summary: one literal context
# ("Feedback") rather than widget.tr(), which lupdate would file under the name "widget".


def verdict_text(feedback: DecisionFeedback) -> str:
    """Did the trainee choose what the panel chose (a tie called a tie)? One renderer for all views."""
    from balint_trainer.reports.against_panel import from_feedback, verdict

    return verdict(from_feedback(feedback))


def credit_explanation(feedback: DecisionFeedback) -> str:
    """Plain words for the credit: whose votes, and how the number is made."""
    total = sum(feedback.votes.values())
    chosen = feedback.votes.get(feedback.chosen, 0)
    top = max(feedback.votes.values(), default=0)
    return (
        QCoreApplication.translate(
            "Feedback", "%1 of %2 experts chose your option; the most chosen option had %3."
        )
        .replace("%1", str(chosen))
        .replace("%2", str(total))
        .replace("%3", str(top))
        + " "
        + QCoreApplication.translate(
            "Feedback",
            "Credit = votes for your option ÷ votes for the most chosen one: 1 is the panel's choice, "
            "0 means no expert chose it.",
        )
    )


def timed_out_text(feedback: DecisionFeedback) -> str:
    """What a real-time decision left unanswered was recorded as."""
    if feedback.chosen not in feedback.option_texts:
        return QCoreApplication.translate("Feedback", "Time ran out: no intervention (not in the key).")
    return QCoreApplication.translate(
        "Feedback", "Time ran out: no intervention, which the key lists as %1."
    ).replace("%1", _quoted(feedback.label(feedback.chosen)))


def feedback_html(feedback: DecisionFeedback, *, illustrative: bool = False) -> str:
    """The panel's reasoning for one decision, as safe HTML."""

    def heading(text: str) -> str:
        return f"<h3>{render_plain(text)}</h3>"

    from balint_trainer.reports.against_panel import against_panel_html, from_feedback

    parts = [heading(QCoreApplication.translate("Feedback", "Why")), render_markdown(feedback.rationale)]
    if feedback.timed_out:
        parts.insert(0, f"<p><b>{render_plain(timed_out_text(feedback))}</b></p>")
    # Every option against the panel, with what the scenario says about each (shared renderer).
    parts += [
        heading(QCoreApplication.translate("Feedback", "Your choice and the panel's")),
        against_panel_html(from_feedback(feedback)),
    ]
    if feedback.expert_notes:
        chose = QCoreApplication.translate("Feedback", "chose %1")
        notes = "".join(
            f"<li><i>{render_plain(n.expert)}</i> "
            f"({render_plain(chose.replace('%1', _quoted(feedback.label(n.best))))}): "
            f"{render_inline(n.markdown)}</li>"
            for n in feedback.expert_notes
        )
        parts += [heading(QCoreApplication.translate("Feedback", "Expert notes")) + f"<ul>{notes}</ul>"]
    if feedback.agreement is not None and feedback.agreement < 0.5:
        caution = QCoreApplication.translate(
            "Feedback", "The panel disagreed a lot on this decision; treat the credit with care."
        )
        parts.append(f"<p><i>{render_plain(caution)}</i></p>")
    if illustrative:
        from balint_trainer.gui.about import illustrative_notice

        parts.append(f"<p><i>{render_plain(illustrative_notice())}</i></p>")
    return "".join(parts)


def _rtl(language: str | None) -> bool:
    from balint_trainer.core.markdown_render import is_rtl

    return is_rtl(language)
