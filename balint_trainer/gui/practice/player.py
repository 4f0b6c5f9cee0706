"""Scenario player: the case, then the transcript line by line, decisions and feedback.

The widget only presents a :class:`~balint_trainer.core.session.PracticeSession`;
storing answers is the job of whoever listens to :attr:`PlayerView.answer_given`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.followup import Inheritance
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.core.session import PracticeSession, format_clock
from balint_trainer.core.session_events import AnswerResult, DecisionEvent, DecisionFeedback, Event
from balint_trainer.gui import reading
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.practice import realtime
from balint_trainer.gui.practice.decision import DecisionPanel
from balint_trainer.gui.practice.feedback import FeedbackPanel
from balint_trainer.gui.practice.phase import PhaseIndicator
from balint_trainer.gui.practice.transcript import TranscriptWriter, rtl
from balint_trainer.gui.style import speaker_colour, title_label

# Auto-play delay per speed step (slow … fast), milliseconds.
SPEED_INTERVALS_MS = (4000, 2800, 1800, 1100, 600)
_STEP_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 9)}


class PlayerView(QWidget):
    answer_given = Signal(object)  # AnswerResult
    summary_requested = Signal()
    leave_requested = Signal()
    glossary_requested = Signal(str)  # a glossary:ANCHOR link ("What is this?")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask_confidence = True  # practice only; the main window keeps the setting
        self.session: PracticeSession | None = None
        self.inherited: Inheritance | None = None  # a follow-up's start (core.followup.Inheritance), see start()
        self.title_text = ""
        self.state = "idle"  # idle, case, stepping, deciding, feedback, end
        self.last_result: AnswerResult | None = None
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
        # Real-time mode (gui/practice/realtime.py): a countdown at each decision.
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
        self.writer = TranscriptWriter(self.transcript, self._language, self)
        # Real time: while the countdown runs the group goes on talking, at the auto-play pace.
        self.going_on = realtime.GroupGoesOn(self.writer, self)
        self.going_on.said.connect(self._update_header)  # the session clock moves on
        self.panel = QStackedWidget()
        self.panel.addWidget(self._build_step_panel())
        self.decision_panel = DecisionPanel(self)
        self.decision_panel.confirm_requested.connect(self.confirm_choice)
        # The panel's parts by their old names (the main window, tests and screenshots use them).
        decision = self.decision_panel
        self.decision_title, self.prompt, self.own_words = decision.decision_title, decision.prompt, decision.own_words
        self.option_group, self.options_box, self.options_layout = (
            decision.option_group,
            decision.options_box,
            decision.options_layout,
        )
        self.confirm_button, self.decision_hint = decision.confirm_button, decision.decision_hint
        self.decision_scroll, self.confidence_row = decision.decision_scroll, decision.confidence_row
        self.panel.addWidget(self.decision_panel)
        self.feedback_panel = FeedbackPanel()
        self.feedback_panel.continue_requested.connect(self.continue_after_feedback)
        self.feedback_panel.glossary_requested.connect(self.glossary_requested.emit)
        # The panel's parts by their old names (the main window, tests and screenshots use them).
        self.credit_label = self.feedback_panel.credit_label
        self.credit_explanation = self.feedback_panel.credit_explanation
        self.glossary_links = self.feedback_panel.glossary_links
        self.feedback_text = self.feedback_panel.feedback_text
        self.continue_button = self.feedback_panel.continue_button
        self.panel.addWidget(self.feedback_panel)
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
    def start(
        self, session: PracticeSession, title: str | None = None, *, inherited: Inheritance | None = None
    ) -> None:
        """``inherited``: a follow-up's start (core.followup.Inheritance) for the note above the case."""
        self.set_auto_play(False)
        self._stop_countdown()
        self.session = session
        self.inherited = inherited
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
            Qt.LayoutDirection.RightToLeft if rtl(scenario.language) else Qt.LayoutDirection.LeftToRight
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
        self.feedback_panel.clear_chart()
        resumed = bool(session.history)
        self.writer.replay(session.history, session)
        self._update_header()
        if resumed:
            self.writer.marker(self.tr("— resumed: you continue where you stopped —"))
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
            self._carried_note_html()
            + f"<h2>{case_heading}</h2>"
            + render_markdown(scenario.case, language=scenario.language)
            + f"<h3>{group_heading}</h3><ul>{people}</ul>"
        )

    def carried_note(self) -> str:
        """One line on what a follow-up remembers of the earlier meeting ("" if it carries nothing)."""
        if self.inherited is None:
            return ""
        if self.inherited.from_attempt is None:
            return self.tr(
                "You have not led this group's earlier meeting; it is played as if that meeting had "
                "gone the way this scenario assumes when nobody has led it."
            )
        return self.tr("This group remembers the earlier meeting you led: it goes on from what you did there.")

    def _carried_note_html(self) -> str:
        note = self.carried_note()
        return f"<p><i>{render_plain(note)}</i></p>" if note else ""

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
        self._stop_countdown()  # leaving the session: no time-out on a session nobody sees
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
        self.writer.render(event, self.session)
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
        self.going_on.set_interval(self._interval())

    def _auto_step(self) -> None:
        if self.state == "stepping":
            self.step()
        elif self.state in ("end", "idle"):
            self.set_auto_play(False)

    # -- decisions ------------------------------------------------------------
    def _show_decision(self, event: DecisionEvent) -> None:
        self.state = "deciding"
        # Counted on the path taken (core: decisions_on_path): "of 2–3" while later choices
        # decide how many come, never a total that counts decisions this path skips.
        if event.total_max is None:  # too many paths to count: only what is known
            title = (
                self.tr("Decision %1 — %2")
                .replace("%1", reading.number(event.number))
                .replace("%2", event.competency_label)
            )
        else:
            title = (
                self.tr("Decision %1 of %2 — %3")
                .replace("%1", reading.number(event.number))
                .replace("%2", _count_range(event.total, event.total_max))
                .replace("%3", event.competency_label)
            )
        mode = self.session.mode if self.session is not None else "exam"
        self.panel.setCurrentIndex(1)  # first: a hidden prompt could not take the focus
        self.decision_panel.show_decision(
            event, title, self._language(), confidence=self.ask_confidence and mode == "practice"
        )
        self._decision_clock.start()
        limit = realtime.effective_limit(self.time_limit_setting(), self.session, event.decision_id)
        if limit is not None:
            self.countdown.start(limit)
            if self.session is not None:
                self.going_on.start(self.session, self._interval())

    def _stop_countdown(self) -> None:
        self.countdown.stop()
        self.going_on.stop()

    def select_option(self, number: int) -> bool:
        return self.state == "deciding" and self.decision_panel.select_option(number)

    def option_number(self, option_id: str) -> int | None:
        """Where an option of the pending decision is on screen (1-based: its key), if shown."""
        return self.decision_panel.option_number(option_id)

    def shown_option_ids(self) -> list[str]:
        """The pending decision's option ids in the order shown."""
        return self.decision_panel.shown_option_ids()

    def selected_option(self) -> str | None:
        return self.decision_panel.selected_option()

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
        self._stop_countdown()
        seconds = self._decision_clock.elapsed() / 1000.0 if self._decision_clock.isValid() else None
        result = self.session.answer(pending.decision_id, option_id, self.own_words.toPlainText(), seconds)
        chosen = next(o for o in pending.options if o.id == option_id)
        self.writer.choice(chosen.markdown, result.own_words)
        return self._after_answer(result)

    def time_limit_setting(self) -> str | float:
        """The real-time setting (tests may set ``time_limit_override`` to a short limit)."""
        override = getattr(self, "time_limit_override", None)
        return override if override is not None else self.time_limit_choice.value()

    def time_out(self) -> AnswerResult | None:
        """Time ran out at a decision: record no intervention and play on."""
        if self.state != "deciding" or self.session is None or self.session.pending_decision is None:
            return None
        self._stop_countdown()
        seconds = self._decision_clock.elapsed() / 1000.0 if self._decision_clock.isValid() else None
        result = self.session.time_out(self.session.pending_decision.decision_id, seconds)
        self.writer.marker(self.tr("Time ran out: no intervention."))
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
        illustrative = self.session is not None and self.session.scenario.key_status == "illustrative"
        self.feedback_panel.show_feedback(feedback, illustrative=illustrative, language=self._language())
        self.panel.setCurrentIndex(2)

    @property
    def feedback_chart(self) -> Any:
        return self.feedback_panel.feedback_chart

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
        total = self.session.decisions_on_path()[0] if self.session else 0  # the path is known now
        # %n picks the plural form for the total ("1 decision"); %1 is the count answered.
        self.end_label.setText(
            reading.plural(self.tr("The session is over. You answered %1 of %n decision(s).", "", total), total)
            .replace("%1", reading.number(len(self.session.results) if self.session else 0))
        )
        self.panel.setCurrentIndex(3)
        self.summary_button.setFocus()
        self.writer.marker(self.tr("— end of the session —"))

    # -- rendering ------------------------------------------------------------
    def _language(self) -> str | None:
        return self.session.scenario.language if self.session else None

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
        fewest, most = session.decisions_on_path()
        self.decision_counter.setText(
            self.tr("Decisions %1/%2")
            .replace("%1", reading.number(answered))
            .replace("%2", _count_range(fewest, most))
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
        self.writer.replay(self.session.history, self.session)
        if self.state == "end":
            self.writer.marker(self.tr("— end of the session —"))
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


def _count_range(fewest: int, most: int | None) -> str:
    """A total of decisions: "3", "2–3" while later choices decide, "2+" when uncounted."""
    if most is None:
        return reading.number(fewest) + "+"
    if most == fewest:
        return reading.number(fewest)
    return reading.number(fewest) + "–" + reading.number(most)
