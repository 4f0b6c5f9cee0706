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

import difflib
import errno
import os
import shutil
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QKeyEvent, QKeySequence, QMouseEvent, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
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
    merge_into_yaml,
    votes_from_annotations,
)
from balint_trainer.core.catalogue import CatalogueEntry
from balint_trainer.core.competencies import competency_label
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.core.model import Scenario
from balint_trainer.core.untrusted import EDITABLE_BYTES, UntrustedInputError, read_limited
from balint_trainer.core.user_copies import user_copy_path
from balint_trainer.gui import plain_text
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.models import Column, RowsModel
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.workbench.editor import atomic_write_text
from balint_trainer.paths import is_bundled_scenario

NO_RATING = 0
FLAG_COLUMN = 6  # of AgreementModel
EXPERT_ROLES = ("supervisor", "organiser")


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class AgreementModel(RowsModel):
    """One row per decision: experts, votes, P, kappa, low-agreement flag."""

    def __init__(self, parent: QObject | None = None) -> None:
        row_tip = self._low_agreement_tip
        super().__init__(
            [
                Column(
                    QCoreApplication.translate("AgreementModel", "Decision"),
                    lambda r: r.decision_id,
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Experts"),
                    lambda r: r.experts,
                    numeric=True,
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Votes"),
                    lambda r: ", ".join(f"{k}: {v}" for k, v in r.votes.items()),
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "P"),
                    lambda r: _fmt(r.agreement),
                    numeric=True,
                    tooltip=QCoreApplication.translate(
                        "AgreementModel",
                        "Panel agreement P: chance that two experts picked the same best option",
                    ),
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Kappa"),
                    lambda r: _fmt(r.kappa),
                    numeric=True,
                    tooltip=QCoreApplication.translate(
                        "AgreementModel",
                        "Fleiss' kappa over the 1–5 ratings; shown only when every expert rated every option",
                    ),
                    cell_tooltip=self._kappa_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Alpha"),
                    lambda r: _fmt(r.alpha),
                    numeric=True,
                    tooltip=QCoreApplication.translate(
                        "AgreementModel",
                        "Krippendorff's alpha (ordinal) over the 1–5 ratings; experts need not rate every option",
                    ),
                    cell_tooltip=row_tip,
                ),
                Column(
                    QCoreApplication.translate("AgreementModel", "Flag"),
                    lambda r: self.tr("Low agreement") if r.low_agreement else "",
                    cell_tooltip=row_tip,
                ),
            ],
            parent,
        )
        self.report = AgreementReport()

    def set_report(self, report: AgreementReport) -> None:
        self.report = report
        self.set_rows(report.decisions)

    def _low_agreement_tip(self, row: Any) -> str | None:
        if row.low_agreement:
            return self.tr("Panel agreement below 0.5: discuss this decision before using the key.")
        return None

    def _kappa_tip(self, row: Any) -> str | None:
        if row.kappa is None:
            return self.tr("No kappa: not every expert rated every option of this decision.")
        return self._low_agreement_tip(row)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            row = self.row(index.row())
            if role == Qt.ItemDataRole.FontRole and row.low_agreement:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and row.low_agreement and index.column() == FLAG_COLUMN:
                return QPalette().color(QPalette.ColorRole.Highlight)
            return None
        return super().data(index, role)


class AnnotationRowsModel(RowsModel):
    """The organiser's (non-blind) list of every expert's answer to one decision."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(QCoreApplication.translate("AnnotationRowsModel", "Expert"), lambda a: a.expert_name),
                Column(QCoreApplication.translate("AnnotationRowsModel", "Best"), lambda a: a.best),
                Column(
                    QCoreApplication.translate("AnnotationRowsModel", "Ratings"),
                    lambda a: ", ".join(f"{k}: {v}" for k, v in (a.ratings or {}).items()),
                ),
                Column(QCoreApplication.translate("AnnotationRowsModel", "Note"), lambda a: a.note or ""),
            ],
            parent,
        )


class _OptionLabel(QLabel):
    """An option's wrapped text; clicking it chooses the option, like a radio button's own text."""

    clicked = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class AnnotatePage(QWidget):
    """One decision at a time; keys 1–8 choose the best option."""

    number_pressed = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_8 and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.number_pressed.emit(key - Qt.Key.Key_0)
            event.accept()
            return
        super().keyPressEvent(event)


class _NoteEdit(QPlainTextEdit):
    """The expert's note. Alt+letter is a mnemonic, never text: when the button it names is
    disabled (Previous on the first decision), the key used to fall through as a typed letter."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and event.text().isalnum():
            event.ignore()
            return
        super().keyPressEvent(event)


class AnnotationWindow(QMainWindow):
    saved = Signal(str)  # decision id
    merged = Signal(str)  # path written
    organiser_exchange = True  # remote experts: request export and annotation import buttons

    def __init__(
        self,
        parent: QWidget | None,
        service: Any,
        entries: Sequence[CatalogueEntry] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        if entries is None:
            from balint_trainer.gui.workbench.packs import library_entries

            entries = library_entries()
        self.entries = [e for e in entries if e.ok]
        self.version: Any = None
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

        self.reload_experts()
        self.scenario_combo.currentIndexChanged.connect(self._scenario_changed)
        self.expert_combo.currentIndexChanged.connect(self._expert_changed)
        if self.entries:
            self._scenario_changed()
        plain_labels(self)  # scenario and user text is never rich text

    # -- building -------------------------------------------------------------
    def _build_annotate_page(self) -> QWidget:
        page = AnnotatePage()
        page.number_pressed.connect(self.choose_number)
        self.counter = QLabel()
        self.counter.setAccessibleDescription(self.tr("Decision number"))
        # Spare height goes to the transcript, not to blank space around this one-line label.
        self.counter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.context = SafeTextBrowser(accessible_name=self.tr("Case and transcript so far"))
        self.prompt = SafeTextBrowser(accessible_name=self.tr("Decision prompt"))
        self.prompt.setMaximumHeight(120)
        self.options_box = QGroupBox(self.tr("Best option (keys 1–8) and optional ratings 1–5"))
        self.options_grid = QGridLayout(self.options_box)
        self.option_group = QButtonGroup(self)
        self.option_group.setExclusive(True)
        self.option_buttons: list[QRadioButton] = []
        self.rating_combos: list[QComboBox] = []
        self.note = _NoteEdit()
        self.option_labels: list[QLabel] = []
        self.note.setPlaceholderText(self.tr("Note (optional): why this option?"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setMaximumHeight(90)
        self.note.setTabChangesFocus(True)
        self.previous_button = QPushButton(self.tr("&Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous decision"))
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button = QPushButton(self.tr("Save && &next"))
        self.next_button.setAccessibleDescription(self.tr("Save and go to the next decision"))
        self.next_button.setToolTip(self.tr("Ctrl+Return"))
        self.next_button.clicked.connect(self.save_and_next)
        # A button's mnemonic text replaces any shortcut set on the button (the text changes
        # between "next" and "finish"), so the save keys live on the page, in every state.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_and_next)
        self.status = QLabel()
        self.status.setAccessibleDescription(self.tr("Annotation status"))
        self.rating_warning = QLabel()
        self.rating_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.rating_warning.setWordWrap(True)
        self.rating_warning.setAccessibleDescription(self.tr("Rating warning"))
        self.rating_warning.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.counter)
        lower_layout.addWidget(self.prompt)
        lower_layout.addWidget(self.options_box)
        lower_layout.addWidget(self.note)
        lower_layout.addWidget(self.rating_warning)
        lower_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.context)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(page)
        layout.addWidget(split)
        return page

    def _build_organiser_page(self) -> QWidget:
        page = QWidget()
        self.agreement_model = AgreementModel(self)
        self.agreement_view = QTableView()
        self.agreement_view.setModel(self.agreement_model)
        self.agreement_view.setAccessibleName(self.tr("Agreement per decision"))
        self.agreement_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agreement_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agreement_view.verticalHeader().hide()
        self.agreement_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.agreement_view.horizontalHeader().setStretchLastSection(True)
        self.rows_model = AnnotationRowsModel(self)
        self.rows_view = QTableView()
        self.rows_view.setModel(self.rows_model)
        self.rows_view.setAccessibleName(self.tr("Annotations of the selected decision"))
        self.rows_view.verticalHeader().hide()
        self.rows_view.horizontalHeader().setStretchLastSection(True)
        self.agreement_view.selectionModel().currentRowChanged.connect(self._show_rows)
        self.pooled_label = QLabel()
        self.pooled_label.setWordWrap(True)  # kappa, alpha and the flag count: long in any language
        self.pooled_label.setAccessibleDescription(self.tr("Pooled kappa"))
        refresh = QPushButton(self.tr("&Refresh"))
        refresh.setAccessibleName(self.tr("Refresh agreement"))
        refresh.clicked.connect(self.refresh_organiser)
        self.merge_button = QPushButton(self.tr("&Merge into scenario key…"))
        self.merge_button.setAccessibleName(self.tr("Merge annotations into the scenario key"))
        self.merge_button.clicked.connect(self.merge_into_key)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pooled_label, 1)
        buttons.addWidget(refresh)
        buttons.addWidget(self.merge_button)
        if self.organiser_exchange:  # request export, annotation import (annotation_exchange.py)
            from balint_trainer.gui.workbench.annotation_exchange import install_organiser_exchange

            self.exchange = install_organiser_exchange(self, buttons)
        layout = QVBoxLayout(page)
        layout.addWidget(self.agreement_view, 2)
        layout.addWidget(self.rows_view, 1)
        layout.addLayout(buttons)
        return page

    # -- experts and scenario -------------------------------------------------
    def reload_experts(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.expert_combo.currentData()
        self.expert_combo.blockSignals(True)
        self.expert_combo.clear()
        # Trainees do not annotate. Connected as a named account (PostgreSQL), an expert is
        # that account only: choosing a colleague's profile would show their answers.
        try:
            account = self.service.accounts.current_account()
        except Exception:
            account = None
        if account is not None:
            profiles = [account]
        else:
            profiles = [p for p in self.service.accounts.profiles() if p.role in EXPERT_ROLES]
        role_names = {"supervisor": self.tr("supervisor"), "organiser": self.tr("organiser")}
        for profile in sorted(profiles, key=lambda p: p.name.casefold()):
            self.expert_combo.addItem(
                f"{profile.name} ({role_names.get(profile.role, profile.role)})", profile.id
            )
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
        from balint_trainer.gui.workbench.profiles import create_profile_dialog

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

    def _expert_role(self) -> str | None:
        expert_id = self.expert_id
        if expert_id is None:
            return None
        try:
            return str(self.service.accounts.profile(expert_id).role)
        except Exception:
            return None

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

    def _scenario_changed(self, *_: Any) -> None:
        entry = self.entry()
        if entry is None or entry.scenario is None:
            return
        try:
            self.version = self.service.scenarios.register_scenario(entry.loaded)
        except Exception as exc:
            self.show_error(self.tr("Scenario not available"), str(exc))
            return
        self.scenario = entry.scenario
        self.contexts = decision_contexts(entry.scenario)
        self.show_decision(self.first_open_index())
        if self.tabs.currentIndex() == 1:
            self.refresh_organiser()

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
        return {
            a.decision_id: a
            for a in self.service.annotations.annotations(self.version.id)
            if a.expert_profile_id == self.expert_id
        }

    def _context_html(self, context: DecisionContext) -> str:
        assert self.scenario is not None
        language = self.scenario.language
        parts = [
            "<h3>" + render_plain(self.tr("Case")) + "</h3>",
            render_markdown(self.scenario.case, language=language),
            "<h3>" + render_plain(self.tr("Transcript")) + "</h3>",
        ]
        earlier = render_plain(self.tr("(An earlier decision point for the leader.)"))
        for line in context.transcript:
            if line.kind == "phase":
                parts.append(f"<h4>{render_plain(line.speaker)}</h4>")
            elif line.kind == "say":
                parts.append(
                    f"<p><b>{render_plain(line.speaker)}:</b></p>{render_markdown(line.markdown, language=language)}"
                )
            elif line.kind == "narrate":
                parts.append(f"<i>{render_markdown(line.markdown, language=language)}</i>")
            else:
                parts.append(f"<p><i>{earlier}</i></p>")
        return "".join(parts)

    def show_decision(self, index: int) -> None:
        if not self.contexts or self.scenario is None:
            return
        self.index = max(0, min(index, len(self.contexts) - 1))
        context = self.contexts[self.index]
        self.counter.setText(
            self.tr("Decision %1 of %2 — %3")
            .replace("%1", str(context.number))
            .replace("%2", str(context.total))
            .replace("%3", competency_label(context.competency, self.scenario.competencies))
        )
        self.context.set_safe_html(self._context_html(context), language=self.scenario.language)
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
                self.tr("option %1 of %2").replace("%1", str(row + 1)).replace("%2", str(len(context.options)))
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
            combo.setAccessibleName(self.tr("Rating of option %1").replace("%1", str(row + 1)))
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
                self.tr("You rated option %1 higher than the option you chose as best (%2). Check your ratings.")
                .replace("%1", ", ".join(higher))
                .replace("%2", str(chosen + 1))
            )
        self.rating_warning.setVisible(bool(higher))

    def _update_next(self, *_: Any) -> None:
        self.next_button.setEnabled(self.option_group.checkedId() >= 0 and self.expert_id is not None)

    def save_current(self) -> bool:
        if self.version is None or not self.contexts:
            return False
        if self.expert_id is None:
            self.show_error(
                self.tr("No expert chosen"), self.tr("Choose or create your expert profile first.")
            )
            return False
        chosen = self.option_group.checkedId()
        if chosen < 0:
            self.status.setText(self.tr("Choose the best option first (keys 1–8)."))
            return False
        context = self.contexts[self.index]
        ids = [option_id for option_id, _ in context.options]
        ratings = {
            option_id: int(self.rating_combos[row].currentData())
            for row, option_id in enumerate(ids)
            if self.rating_combos[row].currentData() != NO_RATING
        }
        try:
            self.service.annotations.save_annotation(
                self.version.id,
                context.decision_id,
                self.expert_id,
                ids[chosen],
                ratings or None,
                self.note.toPlainText().strip() or None,
            )
        except Exception as exc:  # ServiceError; the entered answer stays on screen
            self.show_error(self.tr("Annotation not saved"), str(exc))
            return False
        self.saved.emit(context.decision_id)
        return True

    def save_and_next(self) -> None:
        if not self.save_current():
            return
        if self.index < len(self.contexts) - 1:
            self.show_decision(self.index + 1)
            self.status.setText(self.tr("Saved."))
        else:
            self.status.setText(self.tr("Saved. You have reached the last decision; thank you."))

    def go_previous(self) -> None:
        if self.index > 0:
            self.show_decision(self.index - 1)

    # -- organiser ------------------------------------------------------------
    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.refresh_organiser()

    def collected(self) -> list[Any]:
        return list(self.service.annotations.annotations(self.version.id)) if self.version is not None else []

    def refresh_organiser(self) -> AgreementReport | None:
        if self.scenario is None:
            return None
        annotations = self.collected()
        try:
            report = agreement_report(self.scenario, votes_from_annotations(annotations))
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
            self.tr("Pooled kappa: %1 · %2 decision(s) with low agreement (P < 0.5)")
            .replace("%1", pooled)
            .replace("%2", str(flagged))
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
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Merge annotations into the key"))
        dialog.resize(900, 600)
        if built_in is None:
            text = self.tr(
                "The experts lists of %1 decision(s) in %2 will be replaced as shown. A backup copy is kept."
            )
        elif path.exists():
            text = self.tr(
                "%3 is a built-in scenario and stays unchanged. The experts lists of %1 decision(s) "
                "in your own copy of it, %2, will be replaced as shown. A backup copy is kept."
            )
        else:
            text = self.tr(
                "%3 is a built-in scenario and stays unchanged. Its experts lists of %1 decision(s) "
                "will be replaced as shown and the result saved as your own copy, %2, "
                "which takes the built-in's place in your library."
            )
        label = QLabel(
            text.replace("%1", str(len(decisions)))
            .replace("%2", str(path))
            .replace("%3", built_in.name if built_in is not None else "")
        )
        label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is untrusted text
        label.setWordWrap(True)
        view = QPlainTextEdit(diff)
        view.setReadOnly(True)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setAccessibleName(self.tr("Changes"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Merge"))
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(label)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def merge_target(self, entry: CatalogueEntry) -> tuple[Path, Path | None]:
        """The file to merge into, and the built-in it stands in for (None for the user's own files).

        A built-in scenario is never written: the merge goes to the user's own copy of it,
        an earlier one if there is one (see core.user_copies). Raises OSError when the
        user's scenario folder cannot be created.
        """
        path = Path(entry.path)
        if not (entry.bundled or is_bundled_scenario(path)):
            return path, None
        return user_copy_path(path, entry.id), path

    def merge_into_key(self) -> Path | None:
        entry = self.entry()
        if entry is None:
            return None
        try:
            path, built_in = self.merge_target(entry)
        except OSError as exc:
            self.show_error(
                self.tr("Key not merged"),
                self.tr("Your scenario folder is not available: %1").replace("%1", str(exc)),
            )
            return None
        # A new copy starts from the built-in's text; an existing file (the user's own, or
        # their earlier copy of the built-in) is changed in place, keeping their edits.
        source = built_in if built_in is not None and not path.exists() else path
        try:
            raw = read_limited(source, EDITABLE_BYTES)  # a pipe or device would hang the window
            text = raw.decode("utf-8-sig")
        except (UntrustedInputError, UnicodeDecodeError) as exc:
            self.show_error(self.tr("Cannot read %1").replace("%1", str(source)), str(exc))
            return None
        newline = "\r\n" if "\r\n" in text else "\n"
        text = text.replace("\r\n", "\n")
        try:
            result = merge_into_yaml(text, votes_from_annotations(self.collected()), filename=str(source))
        except AnnotationError as exc:
            self.show_error(self.tr("Key not merged"), str(exc))
            return None
        diff = "".join(
            difflib.unified_diff(
                text.splitlines(keepends=True),
                result.text.splitlines(keepends=True),
                fromfile=f"{source.name} (now)",
                tofile=f"{path.name} (merged)",
            )
        )
        if not self.confirm_merge(path, diff, result.decisions, built_in):
            return None
        backup: Path | None = None
        try:
            if source == path:
                backup = path.with_name(f"{path.name}.{datetime.now():%Y%m%d-%H%M%S}.bak")
                shutil.copy2(path, backup)
            # A new copy must not replace a file that appeared since user_copy_path looked.
            elif path.exists():
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
            atomic_write_text(path, result.text, newline=newline)
        except OSError as exc:
            self.show_error(
                self.tr("Key not merged"),
                self.tr("The file could not be written: %1").replace("%1", str(exc)),
            )
            return None
        if backup is not None:
            message = (
                self.tr("%1 updated; the previous file was saved as %2.")
                .replace("%1", str(path))
                .replace("%2", backup.name)
            )
        else:
            message = self.tr("Saved as your own copy: %1").replace("%1", str(path))
        if built_in is not None:
            message = (
                self.tr(
                    "%1 is a built-in scenario, so it was not changed. Your copy with the merged key "
                    "takes its place in your library; delete the copy to go back to the built-in."
                ).replace("%1", built_in.name)
                + "\n\n"
                + message
            )
        self.statusBar().showMessage(self.tr("Key merged into %1").replace("%1", str(path)), 10000)
        self.show_info(self.tr("Key merged"), message)
        self.merged.emit(str(path))
        return path

    # -- messages (replaceable in tests) -------------------------------------
    def show_error(self, title: str, detail: str) -> None:
        plain_text.warning(self, title, detail)

    def show_info(self, title: str, detail: str) -> None:
        plain_text.information(self, title, detail)


def open_annotation(parent: QWidget | None, service: Any) -> AnnotationWindow:
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
    window = AnnotationWindow(parent, service, entries if entries else None)
    window.setWindowFlag(Qt.WindowType.Window, True)
    reload_library = getattr(parent, "reload_library", None)
    if callable(reload_library):
        window.merged.connect(lambda _path: reload_library())
    window.show()
    return window
