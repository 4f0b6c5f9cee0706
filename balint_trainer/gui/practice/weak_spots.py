"""Wires "Review my weak spots" into the main window: the due count, the action, the page.

Light at start-up (Qt core only); the review page, the services and the scheduling
load on first use. The due queue is read on a worker thread whenever the library's
progress is refreshed, and the button says how many decisions are due today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from balint_trainer.gui import plain_text
from balint_trainer.gui.reading import number
from balint_trainer.gui.worker import run_in_background

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi


def due_items(service: ServicesApi, profile_id: int, entries: list[Any]) -> list[Any]:
    """Today's review items, in queue order (cards whose scenario or decision is gone are skipped)."""
    from balint_trainer.services.review_cards import CardReviews

    # Only the due cards' scenarios are built: a library's entries carry summaries, and
    # building every scenario of a large library would parse all of it again.
    by_id = {e.id: e for e in entries if e.ok}
    items = []
    for card in CardReviews(service).due(profile_id):
        entry = by_id.get(card.scenario_id)
        scenario = entry.scenario if entry is not None else None
        if scenario is None:
            continue
        # Only with a card due: the module needs the scenario model (pydantic), which a start
        # with nothing to review never imports.
        from balint_trainer.core.review_item import review_item

        try:
            items.append(review_item(scenario, card.decision_id))
        except KeyError:
            continue
    return items


class WeakSpots(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.items: list[Any] = []
        self.view: Any = None
        self.task: Any = None
        self._refresh_on_open = False
        self.action = QAction(self.tr("Review my &weak spots"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+W"))
        self.action.triggered.connect(lambda _checked=False: self.start())
        self.action.setEnabled(False)
        window.practice_menu.addAction(self.action)
        from balint_trainer.gui.practice.confidence import SETTING

        self.confidence_action = QAction(self.tr("Ask how &sure I am (practice)"), window)
        self.confidence_action.setCheckable(True)
        settings = window.settings
        stored = settings.value(SETTING, True) if settings is not None else True
        self.confidence_action.setChecked(stored not in (False, "false", "0", 0))
        self.confidence_action.toggled.connect(self._confidence_toggled)
        window.practice_menu.addAction(self.confidence_action)
        window.library.review_button.clicked.connect(self.start)
        self._show_count()

    def _confidence_toggled(self, on: bool) -> None:
        from balint_trainer.gui.practice.confidence import SETTING

        if self.window.settings is not None:
            self.window.settings.setValue(SETTING, on)
        if self.window.player is not None:
            self.window.player.ask_confidence = on

    def refresh(self) -> None:
        """Re-read today's queue off the UI thread (after loading, an attempt, a review)."""
        window = self.window
        if window.service is None or window.profile is None or not window.entries:
            self.items = []
            self._show_count()
            return
        if self._waits_for_database(window.service):
            return
        service, profile_id, entries = window.service, window.profile.id, list(window.entries)

        def done(items: Any) -> None:
            self.task = None
            if window.profile is None or window.profile.id != profile_id:
                return  # the profile changed meanwhile; its own refresh follows
            self.items = list(items)
            self._show_count()

        def failed(_exc: BaseException) -> None:
            self.task = None

        self.task = run_in_background(
            window,
            lambda: due_items(service, profile_id, entries),
            done,
            error_title=self.tr("Could not read your reviews"),
            on_error=failed,
            busy=False,
        )

    def _waits_for_database(self, service: Any) -> bool:
        """On a warm start the database opens behind the ready window (gui/startup.py). Reading
        the queue before that would import SQLAlchemy on a worker while the window paints its
        library: the GIL made that frame ~50 ms longer (10,000 scenarios). The count follows
        once the database has opened (or failed: then there is nothing to count)."""
        from balint_trainer.services.deferred import DeferredServices

        if not isinstance(service, DeferredServices) or service.arrived:
            return False
        if not self._refresh_on_open:
            self._refresh_on_open = True
            self.window.startup.deferredOpened.connect(
                self._database_opened, Qt.ConnectionType.SingleShotConnection
            )
        return True

    def _database_opened(self) -> None:
        self._refresh_on_open = False
        self.refresh()

    def _show_count(self) -> None:
        count = len(self.items)
        button = self.window.library.review_button
        button.setText(self.tr("Re&view %1 due").replace("%1", number(count)))
        # Screen readers read what is shown (a11y tree test); the explanation goes in the description.
        button.setAccessibleName(button.text().replace("&", ""))
        button.setAccessibleDescription(
            self.tr("Review my weak spots: %1 decisions due today").replace("%1", number(count))
        )
        button.setToolTip(
            self.tr(
                "Decisions you missed come back on a spaced schedule (FSRS, as in Anki): "
                "sooner when you miss them again, later as you get them right."
            )
        )
        self.action.setEnabled(count > 0)
        button.setEnabled(count > 0)

    def start(self) -> None:
        window = self.window
        if window.service is None or window.profile is None:
            return
        if not self.items:
            plain_text.information(window, self.tr("Review"), self.tr("Nothing is due for review today."))
            return
        if self.view is None:
            from balint_trainer.gui.practice.review_session import ReviewSessionView

            self.view = ReviewSessionView()
            self.view.finished.connect(window.show_library)
            window.stack.addWidget(self.view)
        service, profile_id = window.service, window.profile.id

        def answer(item: Any, option_id: str, confidence: int | None, seconds: float) -> Any:
            from balint_trainer.services.review_cards import CardReviews

            return CardReviews(service).answer_review(
                profile_id,
                item.scenario,
                item.decision.decision,
                option_id,
                confidence=confidence,
                seconds=seconds,
            )

        self.view.start(self.items, answer)
        window.stack.setCurrentWidget(self.view)
        window._update_actions()


def library_decisions(entries: list[Any]) -> dict[str, list[tuple[str, str]]]:
    """Competency → (scenario id, decision id) of every decision in the library."""
    table: dict[str, list[tuple[str, str]]] = {}
    for entry in entries:
        scenario = entry.scenario if entry.ok else None
        if scenario is None:
            continue
        for decision in scenario.decisions:
            table.setdefault(decision.competency, []).append((scenario.id, decision.decision))
    return table


def progress_data(
    service: ServicesApi, profile_id: int, entries: list[Any]
) -> tuple[list[Any], list[Any], list[Any]]:
    """(mastery rows, calibration points of attempts, of spaced review) for *Your progress*;
    runs on a worker thread."""
    from balint_trainer.services.review_cards import CardReviews, mastery

    reviews = CardReviews(service)
    rows = mastery(reviews.cards(profile_id), library_decisions(entries))
    return rows, reviews.calibration(profile_id), reviews.review_calibration(profile_id)


def show_in_progress(window: Any, labels: dict[str, str]) -> Any:
    """Add (once) and fill the mastery and calibration panel of *Your progress*; returns the task."""
    from balint_trainer.gui.charts import with_pyqtgraph

    view = window.progress_view
    panel = getattr(view, "adaptive_panel", None)
    if panel is None:
        from balint_trainer.gui.practice.adaptive_views import AdaptivePanel

        panel = view.adaptive_panel = AdaptivePanel()
        view.split.addWidget(panel)
    service, profile_id, entries = window.service, window.profile.id, list(window.entries)

    def done(result: Any) -> None:
        rows, points, review_points = result
        panel.mastery.show_rows(rows, labels)
        panel.calibration.show_points(points, review_points)

    return run_in_background(
        window,
        with_pyqtgraph(lambda: progress_data(service, profile_id, entries)),  # the calibration chart
        done,
        error_title=QCoreApplication.translate("WeakSpots", "Could not read your mastery"),
        busy=False,
    )
