"""A trainee's own review: their past attempts, and for one attempt everything about every decision.

What they saw (options in the order shown), what they chose, the panel's split, the
feedback on every option, the rationale, the expert notes and their supervisor's comments
(rendered by the Qt-free :mod:`balint_trainer.reports.own_review`). Opening an attempt
marks its comments read. A second tab shows the recorded sessions of groups they led that a
supervisor coded, beside their simulator results. Every database call runs off the UI thread
(:mod:`balint_trainer.gui.worker`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.local_time import when_text
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import decimal, number, plural
from balint_trainer.gui.worker import error_text, run_in_background

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

ATTEMPT_ROLE = Qt.ItemDataRole.UserRole + 1


class AttemptListModel(QAbstractTableModel):
    """The trainee's attempts, newest first, with their unread comments."""

    COLUMNS = ("started", "scenario", "mode", "score", "comments")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._attempts: list[Any] = []
        self._titles: dict[str, str] = {}
        self._unread: dict[int, int] = {}

    def set_attempts(
        self, attempts: Sequence[Any], titles: Mapping[str, str], unread: Mapping[int, int]
    ) -> None:
        self.beginResetModel()
        self._attempts = sorted(attempts, key=lambda a: (a.started_at, a.id), reverse=True)
        self._titles = dict(titles)
        self._unread = dict(unread)
        self.endResetModel()

    def set_read(self, attempt_id: int) -> None:
        if self._unread.pop(attempt_id, None) is not None:
            row = self.row_of(attempt_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def attempt(self, row: int) -> Any:
        return self._attempts[row]

    def row_of(self, attempt_id: int) -> int | None:
        return next((r for r, a in enumerate(self._attempts) if a.id == attempt_id), None)

    def unread(self, attempt_id: int) -> int:
        return self._unread.get(attempt_id, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._attempts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Started"),
            self.tr("Scenario"),
            self.tr("Mode"),
            self.tr("Score"),
            self.tr("New comments"),
        )[section]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        attempt = self._attempts[index.row()]
        column = self.COLUMNS[index.column()]
        unread = self._unread.get(attempt.id, 0)
        if role == ATTEMPT_ROLE:
            return attempt
        if role == Qt.ItemDataRole.FontRole and unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and unread:
            return plural(self.tr("%n comment(s) from your supervisor you have not read yet", "", unread), unread)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "started":
            return when_text(attempt.started_at)
        if column == "scenario":
            return self._titles.get(attempt.scenario_id, attempt.scenario_id)
        if column == "mode":
            return self.tr("Exam") if attempt.mode == "exam" else self.tr("Practice")
        if column == "score":
            if attempt.finished_at is None:
                return self.tr("unfinished")
            return decimal(attempt.total, 0) if attempt.total is not None else "—"
        if column == "comments":
            return self.tr("%n new", "", unread) if unread else ""
        return None


class OwnReviewView(QWidget):
    """*Practice → My past attempts…*: the list on one side, the chosen attempt on the other."""

    back_requested = Signal()
    attempts_loaded = Signal()
    attempt_shown = Signal(int)  # attempt id, once its review is on screen
    comments_read = Signal(int)  # how many comments opening the attempt marked read
    recorded_loaded = Signal(int)  # how many coded recorded sessions are shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: ServicesApi | None = None
        self.profile: Any = None
        self._request = 0  # only the newest attempt asked for is shown
        self.shown_attempt_id: int | None = None
        self.title = QLabel(self.tr("My past attempts"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setAccessibleName(self.tr("Past attempts status"))
        self.status.setWordWrap(True)

        self.model = AttemptListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Your past attempts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.details = SafeTextBrowser(accessible_name=self.tr("Review of the selected attempt"))
        self.back_button = QPushButton(self.tr("Back to the &library"))
        self.back_button.setAccessibleName(self.tr("Back to the library"))
        self.back_button.clicked.connect(self.back_requested.emit)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        self.recorded = SafeTextBrowser(
            accessible_name=self.tr("Recorded sessions of groups you led, coded by your supervisor")
        )
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("&Attempts"))
        self.tabs.addTab(self.recorded, self.tr("&Recorded sessions"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.tabs, self.table)
        self.setTabOrder(self.table, self.details)
        self.setTabOrder(self.details, self.back_button)
        plain_labels(self)  # messages may name files or scenarios: never rich text

    # -- loading -----------------------------------------------------------------
    def load(
        self, service: ServicesApi, profile: Any, titles: Mapping[str, str], *, select_scenario: str | None = None
    ) -> None:
        """List the profile's attempts (off the UI thread); select the newest one with unread
        comments (of ``select_scenario`` when given), else the newest."""
        self.service, self.profile = service, profile
        self.status.setText(self.tr("Loading…"))
        titles = dict(titles)

        def work() -> tuple[list[Any], Any]:
            return service.practice.attempts(profile_id=profile.id), service.review.unread_comments(profile.id)

        def done(result: tuple[list[Any], Any]) -> None:
            attempts, unread = result
            self.model.set_attempts(attempts, titles, unread.by_attempt)
            if not attempts:
                self.status.setText(
                    self.tr("No attempts yet. Practise a scenario and it will be listed here.")
                )
                self.details.clear()
            else:
                self._show_counts()
                self._select(select_scenario)
            self.attempts_loaded.emit()

        run_in_background(
            self,
            work,
            done,
            error_title=self.tr("Could not read your attempts"),
            on_error=lambda exc: self._failed(error_text(exc)),
            busy=False,
        )
        self._load_recorded(service, profile)

    def _load_recorded(self, service: ServicesApi, profile: Any) -> None:
        """The coded recorded sessions and the simulator's mean credit per competency."""
        from balint_trainer.gui.supervision.recorded_list import simulator_means

        self.recorded.setPlainText(self.tr("Loading…"))

        def work() -> tuple[list[Any], dict[str, float]]:
            return service.review.recorded_sessions(profile.id), simulator_means(service.practice.progress(profile.id))

        def done(result: tuple[list[Any], dict[str, float]]) -> None:
            from balint_trainer.reports.own_review import recorded_sessions_html

            sessions, simulator = result
            rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
            self.recorded.set_safe_html(recorded_sessions_html(sessions, simulator, when=when_text, rtl=rtl))
            self.tabs.setTabText(
                1,
                self.tr("&Recorded sessions (%1)").replace("%1", number(len(sessions)))
                if sessions
                else self.tr("&Recorded sessions"),
            )
            self.recorded_loaded.emit(len(sessions))

        run_in_background(
            self,
            work,
            done,
            error_title=self.tr("Could not read your recorded sessions"),
            on_error=lambda exc: self.recorded.setPlainText(error_text(exc)),
            busy=False,
        )

    def recorded_text(self) -> str:
        return self.recorded.toPlainText()

    def _show_counts(self) -> None:
        rows = self.model.rowCount()
        unread = sum(self.model.unread(self.model.attempt(r).id) for r in range(rows))
        self.status.setText(
            plural(self.tr("%n attempt(s)", "", rows), rows)
            + (" · " + plural(self.tr("%n unread comment(s)", "", unread), unread) if unread else "")
        )

    def _select(self, scenario_id: str | None) -> None:
        rows = range(self.model.rowCount())
        candidates = [
            r for r in rows if scenario_id is None or self.model.attempt(r).scenario_id == scenario_id
        ]
        unread = [r for r in candidates if self.model.unread(self.model.attempt(r).id)]
        row = (unread or candidates or [0])[0]
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def select_attempt(self, attempt_id: int) -> bool:
        row = self.model.row_of(attempt_id)
        if row is None:
            return False
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.service is None:
            return
        attempt = self.model.attempt(current.row())
        self._request += 1
        request = self._request
        service, profile = self.service, self.profile
        self.details.setPlainText(self.tr("Loading…"))

        def work() -> tuple[Any, set[int]]:
            from balint_trainer.reports.data import review_attempt

            review = review_attempt(service, attempt)
            newly_read = (
                service.review.mark_comments_read(profile.id, attempt.id)
                if attempt.profile_id == profile.id
                else set()
            )
            return review, newly_read

        def done(result: tuple[Any, set[int]]) -> None:
            review, newly_read = result
            self.model.set_read(attempt.id)
            self._show_counts()
            if newly_read:
                self.comments_read.emit(len(newly_read))
            if request != self._request:
                return  # the trainee has moved on to another attempt meanwhile
            from balint_trainer.reports.own_review import attempt_html

            self.details.set_safe_html(
                attempt_html(review, new_comment_ids=newly_read, when=when_text), language=review.language
            )
            self.shown_attempt_id = attempt.id
            self.attempt_shown.emit(attempt.id)

        run_in_background(
            self,
            work,
            done,
            error_title=self.tr("Could not read this attempt"),
            on_error=lambda exc: self._failed(error_text(exc)),
            busy=False,
        )

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Could not read your attempts: %1").replace("%1", message))

    def review_text(self) -> str:
        return self.details.toPlainText()
