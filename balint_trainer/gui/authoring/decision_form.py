"""A form for the decision at the cursor: prompt, competency, options, the expert key, rationale.

The form edits a :class:`~balint_trainer.core.decision_edit.DecisionDraft`;
writing it back splices only that decision's span of the text (see
:func:`~balint_trainer.core.decision_edit.write_decision`). Keys the form does
not show (an option's consequences, optional keys of other features) travel
along untouched.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES
from balint_trainer.core.decision_edit import DecisionDraft, ExpertDraft, OptionDraft

OPTION_COLUMNS = 3  # id, text, feedback
EXPERT_FIXED = 3  # expert, best, note; then one rating column per option


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def _text_edit(text: str, name: str, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)  # keyboard users move on with Tab
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class DecisionForm(QDialog):
    """Edit one decision; :meth:`draft` gives the result."""

    def __init__(
        self,
        draft: DecisionDraft,
        competencies: Iterable[str] = (),
        parent: QWidget | None = None,
        *,
        rtl: bool = False,
    ) -> None:
        super().__init__(parent)
        self.original = draft
        self.setWindowTitle(self.tr("Decision %1").replace("%1", draft.decision))
        self.resize(900, 720)
        self.id_edit = QLineEdit(draft.decision)
        self.id_edit.setAccessibleName(self.tr("Decision id"))
        self.prompt_edit = _text_edit(draft.prompt, self.tr("Prompt"))
        self.competency = QComboBox()
        self.competency.setEditable(True)
        self.competency.setAccessibleName(self.tr("Competency"))
        names = list(dict.fromkeys([*BUILTIN_COMPETENCIES, *competencies]))
        if draft.competency and draft.competency not in names:
            names.append(draft.competency)
        self.competency.addItems(names)
        self.competency.setCurrentText(draft.competency)
        self.rationale_edit = _text_edit(draft.rationale, self.tr("Rationale"))

        self.options = QTableWidget(0, OPTION_COLUMNS)
        self.options.setAccessibleName(self.tr("Options"))
        self.options.setHorizontalHeaderLabels([self.tr("Id"), self.tr("Text"), self.tr("Feedback")])
        self.options.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.options.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.options.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.options.setWordWrap(True)
        self._option_extra: list[OptionDraft] = []
        for option in draft.options:
            self._append_option(option)
        self.add_option_button = QPushButton(self.tr("Add &option"))
        self.remove_option_button = QPushButton(self.tr("Remove o&ption"))
        self.add_option_button.clicked.connect(lambda: self._append_option(None))
        self.remove_option_button.clicked.connect(self._remove_option)

        self.experts = QTableWidget(0, EXPERT_FIXED)
        self.experts.setAccessibleName(self.tr("Expert key"))
        self.experts.setTabKeyNavigation(False)
        self.experts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self._expert_rows = list(draft.experts)
        self.add_expert_button = QPushButton(self.tr("Add e&xpert"))
        self.remove_expert_button = QPushButton(self.tr("Remove exper&t"))
        self.add_expert_button.clicked.connect(self._add_expert)
        self.remove_expert_button.clicked.connect(self._remove_expert)
        self._rebuild_experts(draft.experts)
        self.options.itemChanged.connect(self._option_changed)

        form = QFormLayout()
        form.addRow(self._label(self.tr("&Id:"), self.id_edit), self.id_edit)
        form.addRow(self._label(self.tr("Pro&mpt:"), self.prompt_edit), self.prompt_edit)
        form.addRow(self._label(self.tr("&Competency:"), self.competency), self.competency)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._label(self.tr("Optio&ns (text and feedback):"), self.options))
        layout.addWidget(self.options, 2)
        row = QHBoxLayout()
        row.addWidget(self.add_option_button)
        row.addWidget(self.remove_option_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self._label(self.tr("Expert &key (best option, ratings 1–5, note):"), self.experts))
        layout.addWidget(self.experts, 2)
        row = QHBoxLayout()
        row.addWidget(self.add_expert_button)
        row.addWidget(self.remove_expert_button)
        row.addStretch(1)
        layout.addLayout(row)
        rationale_form = QFormLayout()
        rationale_form.addRow(self._label(self.tr("&Rationale:"), self.rationale_edit), self.rationale_edit)
        layout.addLayout(rationale_form)
        # The scenario's text reads in its own direction, whatever the interface language.
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        for widget in (self.prompt_edit, self.rationale_edit, self.options, self.experts):
            widget.setLayoutDirection(direction)
        for edit in (self.prompt_edit, self.rationale_edit):
            text_option = edit.document().defaultTextOption()
            text_option.setTextDirection(direction)
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            text_option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
            edit.document().setDefaultTextOption(text_option)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Form problems"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.prompt_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # -- options ----------------------------------------------------------------
    def _append_option(self, option: OptionDraft | None) -> None:
        if option is None:
            used = {_cell(self.options, r, 0) for r in range(self.options.rowCount())}
            letter = next((c for c in "abcdefgh" if c not in used), f"o{self.options.rowCount() + 1}")
            option = OptionDraft(letter)
        self.options.blockSignals(True)
        row = self.options.rowCount()
        self.options.insertRow(row)
        for column, value in enumerate((option.id, option.text, option.feedback)):
            self.options.setItem(row, column, QTableWidgetItem(value))
        self.options.blockSignals(False)
        self._option_extra.append(option)
        if hasattr(self, "_expert_rows"):
            self._rebuild_experts(self._read_experts())

    def _remove_option(self) -> None:
        row = self.options.currentRow()
        if row < 0:
            row = self.options.rowCount() - 1
        if row < 0:
            return
        experts = self._read_experts()
        self.options.removeRow(row)
        del self._option_extra[row]
        self._rebuild_experts(experts)

    def _option_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:  # a new id: rename the rating column and the votes with it
            experts = self._read_experts(renamed_row=item.row())
            self._rebuild_experts(experts)

    def option_ids(self) -> list[str]:
        return [_cell(self.options, r, 0).strip() for r in range(self.options.rowCount())]

    # -- experts ------------------------------------------------------------------
    def _rating_ids(self) -> list[str]:
        ids = []
        for column in range(EXPERT_FIXED, self.experts.columnCount()):
            header = self.experts.horizontalHeaderItem(column)
            ids.append(str(header.data(Qt.ItemDataRole.UserRole) or "") if header is not None else "")
        return ids

    def _read_experts(self, renamed_row: int | None = None) -> list[ExpertDraft]:
        """The expert rows as drafts (a rename of option ``renamed_row`` carries its votes along)."""
        if self.experts.columnCount() < EXPERT_FIXED:
            return []
        old_ids = self._rating_ids()
        new_ids = self.option_ids()
        rename = {}
        if renamed_row is not None and renamed_row < len(old_ids) and len(old_ids) == len(new_ids):
            rename = {old_ids[renamed_row]: new_ids[renamed_row]}
        out = []
        for row in range(self.experts.rowCount()):
            best = _cell(self.experts, row, 1).strip()
            ratings: dict[str, int] = {}
            for offset, option_id in enumerate(old_ids):
                value = _cell(self.experts, row, EXPERT_FIXED + offset).strip()
                if value.isdigit():
                    ratings[rename.get(option_id, option_id)] = int(value)
            out.append(
                ExpertDraft(_cell(self.experts, row, 0).strip(), rename.get(best, best), ratings,
                            _cell(self.experts, row, 2))
            )  # fmt: skip
        return out

    def _rebuild_experts(self, experts: list[ExpertDraft]) -> None:
        ids = self.option_ids()
        self.experts.blockSignals(True)
        self.experts.clear()
        self.experts.setColumnCount(EXPERT_FIXED + len(ids))
        self.experts.setRowCount(0)
        headers = [self.tr("Expert"), self.tr("Best"), self.tr("Note")]
        for column, text in enumerate(headers):
            self.experts.setHorizontalHeaderItem(column, QTableWidgetItem(text))
        for offset, option_id in enumerate(ids):
            header = QTableWidgetItem(self.tr("Rating %1").replace("%1", option_id))
            header.setData(Qt.ItemDataRole.UserRole, option_id)
            self.experts.setHorizontalHeaderItem(EXPERT_FIXED + offset, header)
        for expert in experts:
            row = self.experts.rowCount()
            self.experts.insertRow(row)
            values = [expert.expert, expert.best, expert.note]
            values += [str(expert.ratings.get(i, "")) for i in ids]
            for column, value in enumerate(values):
                self.experts.setItem(row, column, QTableWidgetItem(value))
        self.experts.blockSignals(False)
        self.experts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.experts.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _add_expert(self) -> None:
        experts = self._read_experts()
        used = {e.expert for e in experts}
        number = len(experts) + 1
        while f"expert-{number}" in used:
            number += 1
        experts.append(ExpertDraft(f"expert-{number}", ""))
        self._rebuild_experts(experts)
        self.experts.setCurrentCell(len(experts) - 1, 1)

    def _remove_expert(self) -> None:
        experts = self._read_experts()
        row = self.experts.currentRow()
        if not experts:
            return
        del experts[row if 0 <= row < len(experts) else -1]
        self._rebuild_experts(experts)

    # -- result ---------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What would make the written decision invalid, in the form's own terms."""
        out = []
        ids = self.option_ids()
        if any(not i for i in ids):
            out.append(self.tr("Every option needs an id."))
        if len(set(ids)) != len(ids):
            out.append(self.tr("Two options have the same id."))
        for row in range(self.experts.rowCount()):
            expert = _cell(self.experts, row, 0).strip() or str(row + 1)
            best = _cell(self.experts, row, 1).strip()
            if best not in ids:
                out.append(
                    self.tr("Expert %1: the best option must be one of the option ids.").replace("%1", expert)
                )
            for column in range(EXPERT_FIXED, self.experts.columnCount()):
                value = _cell(self.experts, row, column).strip()
                if value and value not in ("1", "2", "3", "4", "5"):
                    out.append(self.tr("Expert %1: ratings are 1 to 5 (or empty).").replace("%1", expert))
                    break
        return out

    def accept(self) -> None:
        problems = self.problems()
        if problems:  # say what is wrong here rather than writing a broken decision
            self.message.setText("\n".join(problems))
            return
        super().accept()

    def draft(self) -> DecisionDraft:
        """The edited decision; keys the form does not show are carried over from the original."""
        result = copy.deepcopy(self.original)
        result.decision = self.id_edit.text().strip()
        result.prompt = self.prompt_edit.toPlainText()
        result.competency = self.competency.currentText().strip()
        result.rationale = self.rationale_edit.toPlainText()
        options = []
        for row in range(self.options.rowCount()):
            # A copy of the row's original: its hidden keys, their order and comments go along.
            option = copy.deepcopy(self._option_extra[row])
            option.id = _cell(self.options, row, 0).strip()
            option.text = _cell(self.options, row, 1)
            option.feedback = _cell(self.options, row, 2)
            options.append(option)
        result.options = options
        result.experts = self._read_experts()
        for expert, original in zip(result.experts, self.original.experts, strict=False):
            expert.comments = list(original.comments)  # the comment lines above each entry stay
        return result
