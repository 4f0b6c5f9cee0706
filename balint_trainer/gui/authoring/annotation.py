"""Blind expert annotation, and the organiser's agreement view and key merge.

An expert picks a scenario and their profile, then goes decision by decision.
They see the case, the transcript up to the decision, the prompt and the
options: never other experts' votes, the existing key, feedback or rationale.
Each answer is saved through the service when they move on.

The organiser tab (enabled for organiser profiles) lists the collected votes
with panel agreement P and Fleiss' kappa per decision, flags P < 0.5, and can
merge the votes into the scenario file's key after showing a diff; the old
file is kept as a timestamped backup. A built-in scenario is never changed: the
merged key goes to the user's own copy of it (core.user_copies), which the
library then shows in the built-in's place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.annotation import (
    AgreementReport,
    AnnotationError,
    DecisionContext,
    agreement_report,
    decision_contexts,
    votes_from_annotations,
)
from balint_trainer.core.catalogue import CatalogueEntry
from balint_trainer.core.competencies import competency_label
from balint_trainer.core.model import Scenario
from balint_trainer.gui import plain_text
from balint_trainer.gui.authoring import annotation_merge
from balint_trainer.gui.authoring.annotation_models import _fmt
from balint_trainer.gui.authoring.annotation_pages import build_annotate_page, build_organiser_page
from balint_trainer.gui.authoring.annotation_widgets import (
    _OptionLabel,
    context_html,
)
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.reading import number, plural
from balint_trainer.gui.worker import Task, run_in_background

if TYPE_CHECKING:
    from balint_trainer.core.annotation_progress import RequestWork
    from balint_trainer.gui.authoring.annotation_exchange import OrganiserExchange
    from balint_trainer.gui.authoring.annotation_models import AgreementModel, AnnotationRowsModel
    from balint_trainer.gui.authoring.annotation_widgets import _NoteEdit
    from balint_trainer.gui.markdown_view import SafeTextBrowser
    from balint_trainer.services.api import ServicesApi

NO_RATING = 0
ROLE_DATA = Qt.ItemDataRole.UserRole + 1  # an expert's role, in the expert combo
NAME_DATA = Qt.ItemDataRole.UserRole + 2  # their name as stored (the item's text adds the role)
EXPERT_ROLES = ("supervisor", "organiser")


class AnnotationWindow(QMainWindow):
    """Every service call runs off the UI thread (gui/worker.py); ``idle`` fires when none is left."""

    saved = Signal(str)  # decision id
    merged = Signal(str)  # path written
    idle = Signal()
    organiser_exchange = True  # remote experts: request export and annotation import buttons
    # Built by annotation_pages.build_annotate_page / build_organiser_page:
    counter: QLabel
    context: SafeTextBrowser
    prompt: SafeTextBrowser
    options_box: QGroupBox
    options_grid: QGridLayout
    option_group: QButtonGroup
    option_buttons: list[QRadioButton]
    option_labels: list[QLabel]
    rating_combos: list[QComboBox]
    note: _NoteEdit
    previous_button: QPushButton
    next_button: QPushButton
    status: QLabel
    rating_warning: QLabel
    agreement_model: AgreementModel
    agreement_view: QTableView
    rows_model: AnnotationRowsModel
    rows_view: QTableView
    pooled_label: QLabel
    merge_button: QPushButton
    exchange: OrganiserExchange

    def __init__(
        self,
        parent: QWidget | None,
        service: ServicesApi | RequestWork,  # the database, or an expert's remote request
        entries: Sequence[CatalogueEntry] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        if entries is None:
            from balint_trainer.gui.authoring.packs import library_entries

            entries = library_entries()
        self.entries = [e for e in entries if e.ok]
        self.version: Any = None
        self.annotations_cache: list[Any] = []  # every annotation of ``version``, as last loaded
        self._pending = 0  # background tasks running
        self._generation = 0  # the scenario load whose result still counts
        self.scenario: Scenario | None = None
        self.contexts: list[DecisionContext] = []
        self.index = 0
        self.setWindowTitle(self.tr("Expert annotation"))
        self.resize(1100, 780)

        self.scenario_combo = QComboBox()
        self.scenario_combo.setAccessibleName(self.tr("Scenario"))
        for entry in self.entries:
            self.scenario_combo.addItem(f"{entry.title} [{entry.id}]", entry.id)
        self.expert_combo = QComboBox()
        self.expert_combo.setAccessibleName(self.tr("Expert profile"))
        self.new_expert_button = QPushButton(self.tr("New e&xpert or organiser…"))
        self.new_expert_button.setAccessibleDescription(self.tr("New expert profile"))
        self.new_expert_button.clicked.connect(self.on_new_expert)
        top = QHBoxLayout()
        scenario_label = QLabel(self.tr("&Scenario:"))
        scenario_label.setBuddy(self.scenario_combo)
        expert_label = QLabel(self.tr("&Expert:"))
        expert_label.setBuddy(self.expert_combo)
        top.addWidget(scenario_label)
        top.addWidget(self.scenario_combo, 2)
        top.addWidget(expert_label)
        top.addWidget(self.expert_combo, 1)
        top.addWidget(self.new_expert_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_annotate_page(), self.tr("&Annotate"))
        self.tabs.addTab(self._build_organiser_page(), self.tr("&Organiser view"))
        self.tabs.currentChanged.connect(self._tab_changed)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.tabs.setTabEnabled(1, False)  # until the experts are loaded: only organisers see votes
        self.previous_button.setEnabled(False)
        self.reload_experts()
        self.scenario_combo.currentIndexChanged.connect(self._scenario_changed)
        self.expert_combo.currentIndexChanged.connect(self._expert_changed)
        if self.entries:
            self._scenario_changed()
        plain_labels(self)  # scenario and user text is never rich text

    # -- building -------------------------------------------------------------
    def _build_annotate_page(self) -> QWidget:
        return build_annotate_page(self)

    def _build_organiser_page(self) -> QWidget:
        return build_organiser_page(self)

    # -- background work ------------------------------------------------------
    def _background(
        self, work: Callable[[], Any], on_result: Callable[[Any], None], error_title: str
    ) -> Task:
        """Run a service call off the UI thread; Save waits meanwhile (the loading state)."""
        self._pending += 1
        self._update_next()
        task = run_in_background(self, work, on_result, error_title=error_title)
        task.finished.connect(self._task_finished)
        return task

    def _task_finished(self) -> None:
        self._pending -= 1
        self._update_next()
        if not self._pending:
            self.idle.emit()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    # -- experts and scenario -------------------------------------------------
    def reload_experts(self, select_id: int | None = None) -> Task:
        current = select_id if select_id is not None else self.expert_combo.currentData()
        service = self.service

        def work() -> tuple[Any, list[Any]]:
            # Trainees do not annotate. Connected as a named account (PostgreSQL), an expert is
            # that account only: choosing a colleague's profile would show their answers.
            try:
                account = service.accounts.current_account()
            except Exception:
                account = None
            if account is not None:
                return account, [account]
            return None, [p for p in service.accounts.profiles() if p.role in EXPERT_ROLES]

        return self._background(
            work, lambda found: self._fill_experts(found[0], found[1], current), self.tr("Experts not loaded")
        )

    def _fill_experts(self, account: Any, profiles: list[Any], current: Any) -> None:
        self.expert_combo.blockSignals(True)
        self.expert_combo.clear()
        role_names = {"supervisor": self.tr("supervisor"), "organiser": self.tr("organiser")}
        for profile in sorted(profiles, key=lambda p: p.name.casefold()):
            self.expert_combo.addItem(
                f"{profile.name} ({role_names.get(profile.role, profile.role)})", profile.id
            )
            self.expert_combo.setItemData(self.expert_combo.count() - 1, str(profile.role), ROLE_DATA)
            self.expert_combo.setItemData(self.expert_combo.count() - 1, str(profile.name), NAME_DATA)
        self.expert_combo.setEnabled(account is None)
        self.new_expert_button.setEnabled(account is None)
        if current is not None:
            found = self.expert_combo.findData(current)
            if found >= 0:
                self.expert_combo.setCurrentIndex(found)
        self.expert_combo.blockSignals(False)
        self._expert_changed()

    def ask_new_profile(self) -> Any | None:
        """Create an expert or organiser profile in a dialog; the new profile, or None."""
        from balint_trainer.core.annotation_progress import RequestWork
        from balint_trainer.gui.accounts.profile_dialogs import create_profile_dialog

        # Not isinstance(…, ServicesApi): on Python 3.11 that reads every role, which waits for a
        # database still opening behind the window (services/deferred.py).
        assert not isinstance(self.service, RequestWork)  # a remote request has its one expert already
        dialog = create_profile_dialog(
            self, self.service, roles=EXPERT_ROLES, role="supervisor", title=self.tr("New expert profile")
        )
        try:
            return dialog.profile if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def on_new_expert(self) -> None:
        profile = self.ask_new_profile()
        if profile is not None:
            self.reload_experts(select_id=profile.id)

    @property
    def expert_id(self) -> int | None:
        value = self.expert_combo.currentData()
        return int(value) if value is not None else None

    def expert_name(self) -> str | None:
        """The chosen expert's name, as read off the UI thread with the experts."""
        name = self.expert_combo.currentData(NAME_DATA)
        return str(name) if name is not None else None

    def _expert_role(self) -> str | None:
        role = self.expert_combo.currentData(ROLE_DATA)  # stored when the experts were loaded
        return str(role) if role is not None else None

    def _expert_changed(self, *_: Any) -> None:
        # The organiser view shows everyone's votes, so it is not for blind experts.
        organiser = self._expert_role() == "organiser"
        self.tabs.setTabEnabled(1, organiser)
        if not organiser and self.tabs.currentIndex() == 1:
            self.tabs.setCurrentIndex(0)
        if self.contexts:
            self.show_decision(self.first_open_index())

    def first_open_index(self) -> int:
        """Where this expert should start: their first decision without an annotation
        (the last one when they have answered all), never another expert's place."""
        own = self._own_annotations()
        for index, context in enumerate(self.contexts):
            if context.decision_id not in own:
                return index
        return max(0, len(self.contexts) - 1)

    def entry(self) -> CatalogueEntry | None:
        scenario_id = self.scenario_combo.currentData()
        return next((e for e in self.entries if e.id == scenario_id), None)

    def _scenario_changed(self, *_: Any) -> Task | None:
        entry = self.entry()
        if entry is None or entry.scenario is None:
            return None
        scenario, loaded, service = entry.scenario, entry.loaded, self.service
        self._generation += 1
        generation = self._generation

        def work() -> tuple[Any, list[Any]]:
            version = service.scenarios.register_scenario(loaded)
            return version, list(service.annotations.annotations(version.id))

        def done(found: tuple[Any, list[Any]]) -> None:
            if generation != self._generation:  # another scenario was chosen meanwhile
                return
            self.version, self.annotations_cache = found
            self.scenario = scenario
            self.contexts = decision_contexts(scenario)
            self.show_decision(self.first_open_index())
            if self.tabs.currentIndex() == 1:
                self.refresh_organiser()

        self.status.setText(self.tr("Loading…"))
        return self._background(work, done, self.tr("Scenario not available"))

    def select_scenario(self, scenario_id: str) -> bool:
        found = self.scenario_combo.findData(scenario_id)
        if found < 0:
            return False
        if found == self.scenario_combo.currentIndex():
            self._scenario_changed()
        self.scenario_combo.setCurrentIndex(found)
        return True

    def select_expert(self, profile_id: int) -> bool:
        found = self.expert_combo.findData(profile_id)
        if found >= 0:
            self.expert_combo.setCurrentIndex(found)
        return found >= 0

    # -- annotating -----------------------------------------------------------
    def _own_annotations(self) -> dict[str, Any]:
        """Only this expert's earlier answers: never anybody else's."""
        if self.version is None or self.expert_id is None:
            return {}
        return {a.decision_id: a for a in self.annotations_cache if a.expert_profile_id == self.expert_id}

    def show_decision(self, index: int) -> None:
        if not self.contexts or self.scenario is None:
            return
        self.index = max(0, min(index, len(self.contexts) - 1))
        context = self.contexts[self.index]
        self.counter.setText(
            self.tr("Decision %1 of %2 — %3")
            .replace("%1", number(context.number))
            .replace("%2", number(context.total))
            .replace("%3", competency_label(context.competency, self.scenario.competencies))
        )
        self.context.set_safe_html(context_html(self.scenario, context), language=self.scenario.language)
        self.context.verticalScrollBar().setValue(self.context.verticalScrollBar().maximum())
        self.prompt.set_markdown(context.prompt, language=self.scenario.language)
        self._build_options(context)
        own = self._own_annotations().get(context.decision_id)
        if own is not None:
            ids = [option_id for option_id, _ in context.options]
            if own.best in ids:
                self.option_buttons[ids.index(own.best)].setChecked(True)
            for row, option_id in enumerate(ids):
                value = (own.ratings or {}).get(option_id, NO_RATING)
                self.rating_combos[row].setCurrentIndex(self.rating_combos[row].findData(value))
            self.note.setPlainText(own.note or "")
            self.status.setText(self.tr("You answered this decision before; saving updates your answer."))
        else:
            self.note.clear()
            self.status.setText("")
        self.previous_button.setEnabled(self.index > 0)
        last = self.index == len(self.contexts) - 1
        self.next_button.setText(self.tr("Save && &finish") if last else self.tr("Save && &next"))
        self._update_next()

    def _build_options(self, context: DecisionContext) -> None:
        for button in self.option_buttons:
            self.option_group.removeButton(button)
        while self.options_grid.count():
            child = self.options_grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.hide()  # gone at once, not only when the event loop deletes it
                widget.deleteLater()
        self.option_buttons, self.option_labels, self.rating_combos = [], [], []
        from balint_trainer.gui.practice.transcript import markdown_to_plain

        for row, (option_id, text) in enumerate(context.options):
            plain = markdown_to_plain(text)
            # The text sits in a word-wrapping label: a radio button never wraps, and one long
            # option made the window wider than the screen.
            button = QRadioButton(f"&{row + 1}.")
            # The name starts with the visible "1." (voice control) and goes on with the option's text.
            button.setAccessibleName(f"{row + 1}. {plain}")
            button.setAccessibleDescription(
                self.tr("option %1 of %2")
                .replace("%1", number(row + 1))
                .replace("%2", number(len(context.options)))
            )
            button.setToolTip(option_id)
            button.toggled.connect(self._update_next)
            button.toggled.connect(self._check_ratings)
            self.option_group.addButton(button, row)
            label = _OptionLabel(plain)
            label.clicked.connect(button.click)
            self.options_grid.addWidget(label, row, 1, Qt.AlignmentFlag.AlignTop)
            self.option_labels.append(label)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Rating of option %1").replace("%1", number(row + 1)))
            combo.addItem(self.tr("no rating"), NO_RATING)
            for value, rating_label in (
                (1, self.tr("1 harmful")),
                (2, self.tr("2 unhelpful")),
                (3, self.tr("3 neutral")),
                (4, self.tr("4 helpful")),
                (5, self.tr("5 best practice")),
            ):
                combo.addItem(rating_label, value)
            combo.currentIndexChanged.connect(self._check_ratings)
            self.options_grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            self.options_grid.addWidget(combo, row, 2, Qt.AlignmentFlag.AlignTop)
            self.option_buttons.append(button)
            self.rating_combos.append(combo)
        self.options_grid.setColumnStretch(0, 0)
        self.options_grid.setColumnStretch(1, 1)

    def choose_number(self, number: int) -> None:
        if 1 <= number <= len(self.option_buttons):
            self.option_buttons[number - 1].setChecked(True)
            self.option_buttons[number - 1].setFocus()

    def set_rating(self, number: int, value: int) -> None:
        combo = self.rating_combos[number - 1]
        combo.setCurrentIndex(combo.findData(value))

    def _check_ratings(self, *_: Any) -> None:
        """Warn (without blocking) when another option is rated above the one chosen as best:
        usually a slip of the key, and it makes the merged key contradict itself."""
        chosen = self.option_group.checkedId()
        ratings = [combo.currentData() for combo in self.rating_combos]
        best = ratings[chosen] if 0 <= chosen < len(ratings) else NO_RATING
        higher = [
            str(row + 1)
            for row, value in enumerate(ratings)
            if row != chosen and best != NO_RATING and value != NO_RATING and value > best
        ]
        if higher:
            self.rating_warning.setText(
                self.tr(
                    "You rated option %1 higher than the option you chose as best (%2). Check your ratings."
                )
                .replace("%1", ", ".join(higher))
                .replace("%2", number(chosen + 1))
            )
        self.rating_warning.setVisible(bool(higher))

    def _update_next(self, *_: Any) -> None:
        self.next_button.setEnabled(
            not self.busy and self.option_group.checkedId() >= 0 and self.expert_id is not None
        )

    def save_current(self, then: Callable[[], None] | None = None) -> Task | None:
        """Save the answer on screen off the UI thread; ``then`` runs once it is stored (and
        before ``saved`` is emitted). None when there is nothing to save (the reason is shown)."""
        if self.version is None or not self.contexts or self.busy:
            return None
        expert_id = self.expert_id
        if expert_id is None:
            self.show_error(
                self.tr("No expert chosen"), self.tr("Choose or create your expert profile first.")
            )
            return None
        chosen = self.option_group.checkedId()
        if chosen < 0:
            self.status.setText(self.tr("Choose the best option first (keys 1–8)."))
            return None
        context = self.contexts[self.index]
        ids = [option_id for option_id, _ in context.options]
        ratings = {
            option_id: int(self.rating_combos[row].currentData())
            for row, option_id in enumerate(ids)
            if self.rating_combos[row].currentData() != NO_RATING
        }
        note = self.note.toPlainText().strip() or None
        service, version = self.service, self.version

        def work() -> list[Any]:
            service.annotations.save_annotation(
                version.id, context.decision_id, expert_id, ids[chosen], ratings or None, note
            )
            return list(service.annotations.annotations(version.id))

        def done(annotations: list[Any]) -> None:
            if version is self.version:
                self.annotations_cache = annotations
            if then is not None:
                then()
            self.saved.emit(context.decision_id)

        # On an error (ServiceError) the one error path shows it; the answer stays on screen.
        self.status.setText(self.tr("Saving…"))
        return self._background(work, done, self.tr("Annotation not saved"))

    def save_and_next(self) -> Task | None:
        index = self.index

        def advance() -> None:
            if self.index != index:  # the expert moved on while it was saved
                return
            if self.index < len(self.contexts) - 1:
                self.show_decision(self.index + 1)
                self.status.setText(self.tr("Saved."))
            else:
                self.status.setText(self.tr("Saved. You have reached the last decision; thank you."))

        return self.save_current(then=advance)

    def go_previous(self) -> None:
        if self.index > 0:
            self.show_decision(self.index - 1)

    # -- organiser ------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.refresh_organiser()

    def collected(self) -> list[Any]:
        """The annotations of the scenario as last loaded (the organiser view reloads them)."""
        return list(self.annotations_cache) if self.version is not None else []

    def refresh_organiser(self) -> Task | None:
        """Reload the votes off the UI thread, then show the agreement (``idle`` follows)."""
        if self.scenario is None or self.version is None:
            return None
        service, version, scenario = self.service, self.version, self.scenario

        def done(annotations: list[Any]) -> None:
            if version is self.version:
                self.annotations_cache = annotations
                self.show_agreement(scenario, annotations)

        self.merge_button.setEnabled(False)  # until the votes it would merge are loaded
        self.pooled_label.setText(self.tr("Loading…"))
        return self._background(
            lambda: list(service.annotations.annotations(version.id)), done, self.tr("Annotations not loaded")
        )

    def show_agreement(self, scenario: Scenario, annotations: list[Any]) -> AgreementReport | None:
        try:
            report = agreement_report(scenario, votes_from_annotations(annotations))
        except AnnotationError as exc:
            self.show_error(self.tr("Annotations do not fit the scenario"), str(exc))
            return None
        self.agreement_model.set_report(report)
        flagged = len(report.flagged)
        pooled = (
            _fmt(report.pooled_kappa)
            if report.pooled_kappa is not None
            else self.tr("— (needs every expert to rate every option)")
        )
        self.pooled_label.setText(
            plural(self.tr("Pooled kappa: %1 · %n decision(s) with low agreement (P < 0.5)", "", flagged), flagged)
            .replace("%1", pooled)
            + " · "
            + self.tr("Krippendorff's alpha: %1").replace("%1", _fmt(report.pooled_alpha))
        )
        self.merge_button.setEnabled(bool(annotations))
        if report.decisions:
            self.agreement_view.selectRow(0)
        return report

    def _show_rows(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.rows_model.set_rows([])
            return
        decision_id = self.agreement_model.report.decisions[current.row()].decision_id
        self.rows_model.set_rows([a for a in self.collected() if a.decision_id == decision_id])

    def confirm_merge(
        self, path: Path, diff: str, decisions: Sequence[str], built_in: Path | None = None
    ) -> bool:
        """Show the diff; ``built_in`` is set when ``path`` is the user's own copy of that file."""
        return annotation_merge.confirm_merge(self, path, diff, decisions, built_in)

    def merge_target(self, entry: CatalogueEntry) -> tuple[Path, Path | None]:
        return annotation_merge.merge_target(entry)

    def merge_into_key(self) -> Path | None:
        return annotation_merge.merge_into_key(self)

    # -- messages (replaceable in tests) -------------------------------------
    def show_error(self, title: str, detail: str) -> None:
        plain_text.warning(self, title, detail)

    def show_info(self, title: str, detail: str) -> None:
        plain_text.information(self, title, detail)


def open_annotation(parent: QWidget | None, service: ServicesApi) -> AnnotationWindow:
    # One annotation window per parent: a second request raises it instead of opening a twin
    # whose unsaved choices would compete with the first.
    if parent is not None:
        for existing in parent.findChildren(AnnotationWindow):
            if existing.service is service:
                existing.show()
                existing.raise_()
                existing.activateWindow()
                return existing
    # The main window's library includes folders added at run time; use it when there is one.
    entries = getattr(parent, "entries", None)
    if not entries:  # the user's folder, read off the UI thread (a network drive may hang)
        from balint_trainer.gui.authoring.file_work import FileWorkBusy, FileWorkCancelled
        from balint_trainer.gui.authoring.packs import library_entries

        reading = QCoreApplication.translate("AnnotationWindow", "Reading your scenarios…")
        try:
            entries = FileWorkBusy().run(parent, reading, library_entries)
        except (FileWorkCancelled, OSError):
            entries = []  # the window says there is nothing to annotate
    window = AnnotationWindow(parent, service, entries)
    window.setWindowFlag(Qt.WindowType.Window, True)
    reload_library = getattr(parent, "reload_library", None)
    if callable(reload_library):
        window.merged.connect(lambda _path: reload_library())
    window.show()
    return window
