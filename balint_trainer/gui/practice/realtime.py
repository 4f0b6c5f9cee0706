"""Real-time mode of the player: a visible, accessible countdown at each decision.

The time comes from the trainee's setting (20/30/45 s, or off) or, with the setting
"as the scenario says", from the decision's or the scenario's ``time_limit_seconds``.
When it runs out the player records the decision as "no intervention"
(:meth:`core.session.PracticeSession.time_out`) and the session plays on. While it runs,
:class:`GroupGoesOn` lets the group talk on (lines that do not depend on the answer,
:meth:`core.session.PracticeSession.next_during_decision`), muted in the transcript.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QWidget

from balint_trainer.core.session import PracticeSession
from balint_trainer.gui.a11y import announce
from balint_trainer.gui.practice.transcript import TranscriptWriter
from balint_trainer.gui.reading import number

SETTING_KEY = "player/time_limit"
SCENARIO = "scenario"  # use the scenario's limits (no limit where it sets none)
OFF = "off"
FIXED_CHOICES = (20, 30, 45)
TICK_MS = 200
ANNOUNCE_AT = (10, 5)  # seconds left that a screen reader speaks (the label changes every second)


def effective_limit(setting: str | float, session: PracticeSession | None, decision_id: str) -> float | None:
    """Seconds for this decision, or None for no time pressure."""
    if setting == OFF or session is None:
        return None
    if setting == SCENARIO:
        limit = session.time_limit(decision_id)
        return float(limit) if limit else None
    try:
        seconds = float(setting)
    except ValueError:
        return None
    return seconds if seconds > 0 else None


class TimeLimitChoice(QComboBox):
    """The trainee's real-time setting, remembered across sessions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Real-time mode: time to decide"))
        self.addItem(self.tr("As the scenario says"), SCENARIO)
        self.addItem(self.tr("Off"), OFF)
        for seconds in FIXED_CHOICES:
            self.addItem(self.tr("%1 seconds").replace("%1", number(seconds)), str(seconds))
        saved = str(QSettings().value(SETTING_KEY, SCENARIO))
        index = self.findData(saved)
        self.setCurrentIndex(max(index, 0))
        self.currentIndexChanged.connect(lambda _: QSettings().setValue(SETTING_KEY, self.value()))

    def value(self) -> str:
        return str(self.currentData())


class Countdown(QWidget):
    """Seconds left to decide; emits :attr:`expired` once when they run out."""

    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = 0.0
        self._announced: set[int] = set()
        self._elapsed = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Time left to decide"))
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(10)
        self.bar.setAccessibleName(self.tr("Time left to decide"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, seconds: float) -> None:
        self._limit = float(seconds)
        self._announced = set()
        announce(self, self.tr("Real time: %1 seconds to decide").replace("%1", number(round(seconds))))
        self._elapsed.start()
        self.bar.setRange(0, max(1, round(self._limit * 1000)))
        self._timer.start()
        self._tick()
        self.show()

    def stop(self) -> None:
        self._timer.stop()
        self.hide()

    def remaining(self) -> float:
        if not self._elapsed.isValid():
            return 0.0
        return max(0.0, self._limit - self._elapsed.elapsed() / 1000.0)

    def _tick(self) -> None:
        left = self.remaining()
        whole = int(left + 0.999)
        text = self.tr("Time to decide: %1 s").replace("%1", number(whole))
        if text != self.label.text():
            self.label.setText(text)
            self.bar.setAccessibleDescription(text)
            if whole in ANNOUNCE_AT and whole not in self._announced and whole < self._limit:
                self._announced.add(whole)
                announce(self, text)
        self.bar.setValue(round(left * 1000))
        if left <= 0.0:
            self.stop()
            self.expired.emit()


class GroupGoesOn(QObject):
    """While the trainee decides in real time, the group's next lines keep coming."""

    said = Signal()  # a line was said (the session clock moved)

    def __init__(self, writer: TranscriptWriter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.session: PracticeSession | None = None
        self._marked = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.step)

    def start(self, session: PracticeSession, interval_ms: int) -> None:
        self.session, self._marked = session, False
        self.timer.start(interval_ms)

    def stop(self) -> None:
        self.timer.stop()

    def set_interval(self, interval_ms: int) -> None:
        if self.timer.isActive():
            self.timer.start(interval_ms)

    def step(self) -> bool:
        """Say the next line, if the group has one that does not wait for the answer."""
        session = self.session
        event = session.next_during_decision() if session is not None else None
        if event is None:
            self.timer.stop()  # what follows depends on the answer: the group waits for it
            return False
        if not self._marked:
            self._marked = True
            # The player's words (its translation context), written in its transcript.
            self.writer.marker(QCoreApplication.translate("PlayerView", "— the group goes on while you decide —"))
        self.writer.render(event, session, going_on=True)
        self.said.emit()
        return True
