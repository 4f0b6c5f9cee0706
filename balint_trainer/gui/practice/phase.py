"""The session's phases: their names in the interface language and the indicator above the player."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from balint_trainer.core.competencies import PHASES


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
