"""The supervisor window's *Attempts* tab: a trainee's attempts, the review of one, comments.

Every read and the comment itself run off the UI thread (:class:`SupervisionTab`); a result
for a trainee or attempt that is no longer selected is dropped. Texts keep the translation
context "SupervisorWindow" of the window they were split from.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.models import RowsModel
from balint_trainer.gui.reading import plural
from balint_trainer.gui.supervision.decision_html import decision_html
from balint_trainer.gui.supervision.models import (
    AttemptRow,
    NumericSortProxy,
    attempt_columns,
    decision_columns,
    make_table,
    number,
)
from balint_trainer.gui.supervision.tab_base import SupervisionTab
from balint_trainer.reports import (
    AttemptReview,
    DecisionReview,
    ScenarioCache,
    format_seconds,
    review_attempt,
)

if TYPE_CHECKING:
    from balint_trainer.services.api import ServicesApi

translate = QCoreApplication.translate


def attempt_title(cache: ScenarioCache, attempt: Any) -> str:
    """The scenario's title for the attempts table (reads the stored version: off the UI thread)."""
    try:
        version, scenario, _problem = cache.get(attempt.version_id)
    except Exception:
        return str(attempt.scenario_id)
    return scenario.title if scenario else (version.title or attempt.scenario_id)


def read_review(service: ServicesApi, cache: ScenarioCache, attempt_id: int) -> AttemptReview:
    """The attempt joined with its scenario and comments (on a worker thread)."""
    # The Markdown renderer's imports, so that showing the first decision does not wait for them.
    import markdown.extensions.extra
    import markdown.extensions.sane_lists  # noqa: F401
    import nh3  # noqa: F401

    return review_attempt(service, attempt_id, cache)


def make_signer(service: ServicesApi) -> int:
    """A supervisor profile for the person at this computer, when nobody may sign yet (a write)."""
    base = getpass.getuser() or "supervisor"
    name = base if base not in {p.name for p in service.accounts.profiles()} else f"{base} (supervisor)"
    return int(service.accounts.create_profile(name, "supervisor").id)


def read_authors(service: ServicesApi) -> tuple[list[Any], Any]:
    """Profiles that may sign comments, and the PostgreSQL login's account (or None)."""
    authors = [p for p in service.accounts.profiles() if p.role in ("supervisor", "organiser")]
    return authors, service.accounts.current_account()


class CommentEdit(QPlainTextEdit):
    """Plain-text comment box; Ctrl+Enter (main or keypad Enter) submits it."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class AttemptsTab(SupervisionTab):
    """The selected trainee's attempts, the review of the selected one, and comments on it."""

    comment_added = Signal(int)  # attempt id
    author_created = Signal(int)  # a signer profile was made for the person at this computer

    def __init__(
        self,
        service: ServicesApi,
        cache: ScenarioCache,
        parent: QWidget | None = None,
        *,
        author_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._cache = cache
        self._author_id = author_id
        self._profile: Any | None = None
        self._review: AttemptReview | None = None
        self._attempts_request = 0  # the latest read: an older one's result is dropped
        self._review_request = 0
        self._saving = False
        self._signer_waiters: list[Callable[[int], Any]] = []  # waiting for a signer being made
        self._created_signer: int | None = None  # made here, until *Comment as* lists it
        # Unsent comment text per target (attempt id, decision id or None for the whole attempt):
        # moving to another decision or trainee must neither lose it nor file it under the new one.
        self._drafts: dict[tuple[int, str | None], str] = {}
        self._draft_key: tuple[int, str | None] | None = None
        self._build()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        vertical = QSplitter(Qt.Orientation.Vertical, self)
        layout.addWidget(vertical)

        self.attempt_model = RowsModel(attempt_columns(), self)
        self.attempt_proxy = NumericSortProxy(self)
        self.attempt_proxy.setSourceModel(self.attempt_model)
        self.attempt_view = make_table(
            vertical, self.attempt_proxy, translate("SupervisorWindow", "Attempts of the selected trainee")
        )
        self.attempt_view.setSortingEnabled(True)
        self.attempt_view.horizontalHeader().setStretchLastSection(False)
        self.attempt_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attempt_view.selectionModel().currentRowChanged.connect(self._on_attempt_changed)

        review = QWidget(vertical)
        review_layout = QVBoxLayout(review)
        review_layout.setContentsMargins(0, 0, 0, 0)
        self.attempt_summary = QLabel(review)
        self.attempt_summary.setWordWrap(True)
        self.attempt_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.attempt_summary.setAccessibleDescription(translate("SupervisorWindow", "Attempt summary"))
        review_layout.addWidget(self.attempt_summary)

        horizontal = QSplitter(Qt.Orientation.Horizontal, review)
        review_layout.addWidget(horizontal, 1)
        self.decision_model = RowsModel(decision_columns(), self)
        self.decision_view = make_table(
            horizontal, self.decision_model, translate("SupervisorWindow", "Decisions of the attempt")
        )
        # Long competency names elide (full text in the tooltip) so Credit, Time and Comments stay visible.
        decision_header = self.decision_view.horizontalHeader()
        decision_header.setStretchLastSection(False)
        decision_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Credit, Time and Comments right after the decision, each as wide as its header: in a
        # narrow pane the long option texts scrolled them off ("Comme"). The texts elide instead.
        for visual, logical in enumerate((4, 5, 6), start=1):
            decision_header.moveSection(decision_header.visualIndex(logical), visual)
        for logical in (2, 3):
            decision_header.setSectionResizeMode(logical, QHeaderView.ResizeMode.Interactive)
            decision_header.resizeSection(logical, 180)
        self.decision_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.decision_view.selectionModel().currentRowChanged.connect(self._on_decision_changed)

        detail = QWidget(horizontal)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.decision_detail = SafeTextBrowser(
            detail, accessible_name=translate("SupervisorWindow", "Decision review")
        )
        detail_layout.addWidget(self.decision_detail, 1)
        self.comment_label = QLabel(translate("SupervisorWindow", "&New comment (Ctrl+Enter to add)"), detail)
        self.comment_edit = CommentEdit(detail)
        self.comment_edit.setAccessibleName(translate("SupervisorWindow", "New comment"))
        self.comment_edit.setPlaceholderText(
            translate("SupervisorWindow", "Feedback on this decision for the trainee")
        )
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setMaximumHeight(110)
        self.comment_label.setBuddy(self.comment_edit)
        self.whole_attempt_check = QCheckBox(
            translate("SupervisorWindow", "About the &whole attempt"), detail
        )
        self.whole_attempt_check.setAccessibleDescription(
            translate("SupervisorWindow", "Comment on the whole attempt")
        )
        self.add_comment_button = QPushButton(translate("SupervisorWindow", "Add &comment"), detail)
        self.add_comment_button.setAccessibleName(translate("SupervisorWindow", "Add comment"))
        self.add_comment_button.clicked.connect(self.add_comment)
        author_label = QLabel(translate("SupervisorWindow", "Comment a&s:"), detail)
        self.author_combo = QComboBox(detail)
        self.author_combo.setAccessibleName(translate("SupervisorWindow", "Comment as"))
        self.author_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.author_combo.setMinimumContentsLength(16)  # names were cut off before the list filled
        self.author_combo.setToolTip(
            translate("SupervisorWindow", "Supervisor or organiser profile the comment is signed with")
        )
        author_label.setBuddy(self.author_combo)
        heading = QHBoxLayout()
        heading.addWidget(self.comment_label, 1)
        # The signer sits by the button (not by the label, whose text names the target and grows).
        row = QHBoxLayout()
        row.addWidget(self.whole_attempt_check)
        row.addStretch(1)
        row.addWidget(author_label)
        row.addWidget(self.author_combo)
        row.addWidget(self.add_comment_button)
        detail_layout.addLayout(heading)
        detail_layout.addWidget(self.comment_edit)
        detail_layout.addLayout(row)
        self.comment_edit.submitted.connect(self.add_comment)
        self.comment_edit.textChanged.connect(self._update_comment_state)
        self.whole_attempt_check.toggled.connect(self._update_comment_state)
        horizontal.setSizes([520, 440])
        vertical.setSizes([220, 520])

        self.setTabOrder(self.attempt_view, self.decision_view)
        self.setTabOrder(self.decision_view, self.decision_detail)
        self.setTabOrder(self.decision_detail, self.comment_edit)
        self.setTabOrder(self.comment_edit, self.whole_attempt_check)
        self.setTabOrder(self.whole_attempt_check, self.author_combo)
        self.setTabOrder(self.author_combo, self.add_comment_button)
        self._update_comment_state()

    # ------------------------------------------------------------------ attempts

    def show_trainee(self, profile: Any | None) -> None:
        """Load ``profile``'s attempts (newest first, the newest selected); None empties the tab."""
        self._profile = profile
        self._attempts_request += 1
        request = self._attempts_request
        self.attempt_model.set_rows([])  # the previous trainee's attempts never stay under this name
        self._show_review(None)
        if profile is None:
            return
        self.attempt_summary.setText(translate("SupervisorWindow", "Loading…"))
        service, cache, profile_id = self._service, self._cache, profile.id

        def work() -> list[AttemptRow]:
            return [AttemptRow(a, attempt_title(cache, a)) for a in service.practice.attempts(profile_id=profile_id)]

        def done(rows: list[AttemptRow]) -> None:
            if request == self._attempts_request:  # else another trainee was selected meanwhile
                self._show_attempts(rows)

        def failed(_exc: BaseException) -> None:
            if request == self._attempts_request:
                self._show_review(None)

        self.run(
            work, done, error_title=translate("SupervisorWindow", "Could not load attempts"), on_error=failed
        )

    def _show_attempts(self, rows: list[AttemptRow]) -> None:
        rows.sort(key=lambda r: (r.attempt.started_at, r.attempt.id), reverse=True)
        self.attempt_model.set_rows(rows)
        self.attempt_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # newest first, as loaded
        if rows:
            self.attempt_view.setCurrentIndex(self.attempt_proxy.index(0, 0))
        else:
            self._show_review(None)

    def current_attempt(self) -> Any | None:
        index = self.attempt_view.currentIndex()
        if not index.isValid():
            return None
        return self.attempt_model.row(self.attempt_proxy.mapToSource(index).row()).attempt

    def select_attempt(self, attempt_id: int) -> bool:
        for row in range(self.attempt_proxy.rowCount()):
            source = self.attempt_proxy.mapToSource(self.attempt_proxy.index(row, 0))
            if self.attempt_model.row(source.row()).attempt.id == attempt_id:
                self.attempt_view.setCurrentIndex(self.attempt_proxy.index(row, 0))
                return True
        return False

    def _on_attempt_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        attempt = self.current_attempt() if current.isValid() else None
        self._load_review(attempt.id if attempt is not None else None)

    def _load_review(
        self,
        attempt_id: int | None,
        keep_decision: str | None = None,
        after: Callable[[], None] | None = None,
    ) -> None:
        """Read the review of ``attempt_id`` off the UI thread; with ``keep_decision`` (a reload
        after a comment) the current review stays on screen meanwhile. ``after`` runs once it is
        shown (or failed)."""
        self._review_request += 1
        request = self._review_request
        if keep_decision is None:
            self._show_review(None)
        if attempt_id is None:
            return
        self.attempt_summary.setText(translate("SupervisorWindow", "Loading…"))
        service, cache = self._service, self._cache

        def done(review: AttemptReview) -> None:
            attempt = self.current_attempt()
            if request == self._review_request and attempt is not None and attempt.id == attempt_id:
                self._show_review(review, keep_decision=keep_decision)
            if after is not None:
                after()

        def failed(_exc: BaseException) -> None:
            if request == self._review_request and keep_decision is None:
                self._show_review(None)
            if after is not None:
                after()

        self.run(
            lambda: read_review(service, cache, attempt_id),
            done,
            error_title=translate("SupervisorWindow", "Could not load the attempt"),
            on_error=failed,
        )

    def _show_review(self, review: AttemptReview | None, keep_decision: str | None = None) -> None:
        self._review = review
        self.decision_model.set_rows(review.decisions if review else [])
        if review is None:
            self.attempt_summary.setText(translate("SupervisorWindow", "Select an attempt to review it."))
            self.decision_detail.set_safe_html("")
        else:
            self.attempt_summary.setText(self._summary_text(review))
            row = 0
            if keep_decision is not None:
                ids = [d.decision_id for d in review.decisions]
                row = ids.index(keep_decision) if keep_decision in ids else 0
            if review.decisions:
                self.decision_view.setCurrentIndex(self.decision_model.index(row, 0))
                self.decision_view.selectionModel().select(
                    self.decision_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
            self._show_decision(self.current_decision())
        self._update_comment_state()

    def _summary_text(self, review: AttemptReview) -> str:
        attempt = review.attempt
        parts = [review.title]
        if attempt.finished_at is not None:
            parts.append(
                translate("SupervisorWindow", "score {score}/100").format(score=number(attempt.total, 0))
            )
        else:
            parts.append(translate("SupervisorWindow", "not finished"))
        count = len(review.decisions)
        parts.append(
            # %n chooses the plural form by the total ("1 of 1 decision answered").
            plural(
                translate("SupervisorWindow", "{answered} of %n decision(s) answered", "", count), count
            ).format(answered=number(len(review.answered), 0))
        )
        if review.total_seconds is not None:
            parts.append(
                translate("SupervisorWindow", "time on decisions {time}").format(
                    time=format_seconds(review.total_seconds)
                )
            )
        if review.general_comments:
            general = len(review.general_comments)
            parts.append(
                plural(
                    translate("SupervisorWindow", "%n comment(s) on the whole attempt", "", general), general
                )
            )
        text = " · ".join(parts)
        from balint_trainer.gui.practice.adaptive_views import attempt_adaptive_text

        # Panel-relative score and calibration: the attempt's version is in the cache already.
        adaptive = attempt_adaptive_text(self._cache, attempt)
        if adaptive:
            text += "\n" + adaptive
        if review.load_problem:
            text += "\n" + review.load_problem
        return text

    # ------------------------------------------------------------------ decisions

    def current_decision(self) -> DecisionReview | None:
        index = self.decision_view.currentIndex()
        if self._review is None or not index.isValid():
            return None
        return self._review.decisions[index.row()]

    def select_decision(self, decision_id: str) -> bool:
        if self._review is None:
            return False
        for row, decision in enumerate(self._review.decisions):
            if decision.decision_id == decision_id:
                self.decision_view.setCurrentIndex(self.decision_model.index(row, 0))
                return True
        return False

    def _on_decision_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_decision(self.current_decision() if current.isValid() else None)
        self._update_comment_state()

    def decision_html(self, decision: DecisionReview | None) -> str:
        """The review of one decision (see decision_html.py)."""
        return decision_html(self._review, decision)

    def _show_decision(self, decision: DecisionReview | None) -> None:
        language = self._review.language if self._review else None
        self.decision_detail.set_safe_html(self.decision_html(decision), language=language)

    # ------------------------------------------------------------------ comments

    def comment_target(self) -> tuple[int, str | None] | None:
        """(attempt id, decision id or None for the whole attempt) the comment box writes to."""
        if self._review is None:
            return None
        if self.whole_attempt_check.isChecked():
            return (self._review.attempt.id, None)
        decision = self.current_decision()
        return (self._review.attempt.id, decision.decision_id) if decision is not None else None

    def _swap_draft(self) -> None:
        """Park the typed text under its target and bring back the new target's draft."""
        key = self.comment_target()
        if key == self._draft_key:
            return
        text = self.comment_edit.toPlainText()
        if self._draft_key is not None:
            if text.strip():
                self._drafts[self._draft_key] = text
            else:
                self._drafts.pop(self._draft_key, None)
        self._draft_key = key
        self.comment_edit.blockSignals(True)
        self.comment_edit.setPlainText(self._drafts.get(key, "") if key is not None else "")
        self.comment_edit.blockSignals(False)
        if key is None:
            target = ""
        elif key[1] is None:
            target = translate("SupervisorWindow", "&New comment on the whole attempt")
        else:
            target = translate("SupervisorWindow", "&New comment on “{decision}”").format(decision=key[1])
        self.comment_label.setText(
            (target or translate("SupervisorWindow", "&New comment"))
            + " "
            + translate("SupervisorWindow", "(Ctrl+Enter to add)")
        )
        self.comment_edit.setAccessibleDescription(target.replace("&", ""))

    def unsent_drafts(self) -> dict[tuple[int, str | None], str]:
        """Comments typed but not added yet, including the one in the box."""
        drafts = dict(self._drafts)
        text = self.comment_edit.toPlainText()
        if self._draft_key is not None and text.strip():
            drafts[self._draft_key] = text
        return drafts

    def _update_comment_state(self) -> None:
        self._swap_draft()
        has_target = self._review is not None and (
            self.whole_attempt_check.isChecked() or self.current_decision() is not None
        )
        self.comment_edit.setEnabled(self._review is not None)
        self.comment_edit.setReadOnly(self._saving)  # the text being saved is cleared once stored
        self.whole_attempt_check.setEnabled(self._review is not None)
        self.add_comment_button.setEnabled(
            has_target and not self._saving and bool(self.comment_edit.toPlainText().strip())
        )

    def load_authors(self, prefer: int | None = None) -> None:
        """Fill *Comment as* with the supervisor and organiser profiles, the likely one preselected."""

        service = self._service

        def work() -> tuple[list[Any], Any] | None:
            try:
                return read_authors(service)
            except Exception:  # the combo stays as it was; commenting reports any real problem
                return None

        def done(result: tuple[list[Any], Any] | None) -> None:
            if result is not None:
                self._fill_authors(*result, prefer=prefer)

        self.run(work, done, error_title=translate("SupervisorWindow", "Comment as"))

    def _fill_authors(self, authors: list[Any], account: Any, *, prefer: int | None = None) -> None:
        current = prefer if prefer is not None else self.author_combo.currentData()
        if current is None:
            current = self._author_id
        if current is None and account is not None and account.role in ("supervisor", "organiser"):
            current = account.id  # the PostgreSQL login
        if current is None:
            user = getpass.getuser()
            mine = [p for p in authors if p.name == user] + [p for p in authors if p.role == "supervisor"]
            current = mine[0].id if mine else None
        self.author_combo.clear()
        for profile in sorted(authors, key=lambda p: p.name.casefold()):
            role = (
                translate("SupervisorWindow", "Organiser")
                if profile.role == "organiser"
                else translate("SupervisorWindow", "Supervisor")
            )
            self.author_combo.addItem(profile.name, profile.id)
            self.author_combo.setItemData(self.author_combo.count() - 1, role, Qt.ItemDataRole.ToolTipRole)
        self.author_combo.setCurrentIndex(max(self.author_combo.findData(current), 0))

    def with_author(self, then: Callable[[int], Any], *, error_title: str) -> Any:
        """``then(author_id)`` with the chosen signer, and what it returns. With nobody who may
        sign yet, a supervisor profile is made for the person at this computer off the UI thread
        (a write), chosen in *Comment as*, and ``then`` follows it: None is returned meanwhile."""
        chosen = self.author_combo.currentData()
        if chosen is None:
            chosen = self._created_signer  # made a moment ago; the list is still being read
        if chosen is not None:
            return then(int(chosen))
        self._signer_waiters.append(then)
        if len(self._signer_waiters) > 1:  # already being made: one profile, not one per click
            return None
        service = self._service

        def done(author_id: int) -> None:
            self._adopt_signer(author_id)
            waiting = list(self._signer_waiters)
            self._signer_waiters.clear()
            for call in waiting:
                call(author_id)

        self.run(
            lambda: make_signer(service), done, error_title=error_title,
            on_error=lambda _exc: self._signer_waiters.clear(),
        )  # fmt: skip
        return None

    def _adopt_signer(self, author_id: int) -> None:
        """A signer profile was made here: chosen now, and in *Comment as* once it is re-read."""
        self._author_id = self._created_signer = author_id
        self.author_created.emit(author_id)
        self.load_authors(prefer=author_id)

    def add_comment(self) -> Any | None:
        """Store the typed comment on the selected decision (or the whole attempt) off the UI
        thread; the running task (``finished`` when done; ``comment_added`` on success), or None
        when there is nothing to add."""
        text = self.comment_edit.toPlainText().strip()
        review = self._review
        decision = self.current_decision()
        whole = self.whole_attempt_check.isChecked()
        if not text or review is None or (decision is None and not whole) or self._saving:
            return None
        attempt_id = review.attempt.id
        decision_id = None if whole else decision.decision_id  # type: ignore[union-attr]
        keep = decision.decision_id if decision else None
        chosen = self.author_combo.currentData()
        if chosen is None:
            chosen = self._created_signer  # made a moment ago; *Comment as* is being re-read
        if chosen is None and self._signer_waiters:  # a signer is being made: sign as them, not a twin
            title = translate("SupervisorWindow", "The comment was not saved")
            return self.with_author(lambda _id: self.add_comment(), error_title=title)
        service = self._service

        def work() -> tuple[Any, int, bool]:
            author_id = int(chosen) if chosen is not None else make_signer(service)
            return service.review.add_comment(attempt_id, author_id, text, decision_id), author_id, chosen is None

        def done(result: tuple[Any, int, bool]) -> None:
            _comment, author_id, created = result
            self._saving = False
            self._drafts.pop((attempt_id, decision_id), None)
            if self._draft_key == (attempt_id, decision_id):
                self._draft_key = None  # the text is stored: do not park it as a draft
                self.comment_edit.clear()
                self.whole_attempt_check.setChecked(False)
            self._update_comment_state()
            if created:
                self._adopt_signer(author_id)
            self.status.emit(translate("SupervisorWindow", "Comment saved."), 4000)
            current = self.current_attempt()
            if current is not None and current.id == attempt_id:  # shown with its new comment first
                self._load_review(
                    attempt_id, keep_decision=keep, after=lambda: self.comment_added.emit(attempt_id)
                )
            else:
                self.comment_added.emit(attempt_id)

        def failed(_exc: BaseException) -> None:  # the typed text stays: nothing is lost
            self._saving = False
            self._update_comment_state()

        self._saving = True
        self._update_comment_state()
        return self.run(
            work,
            done,
            error_title=translate("SupervisorWindow", "The comment was not saved"),
            on_error=failed,
        )
