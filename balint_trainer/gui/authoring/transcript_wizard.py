"""File → New from transcript…: paste or open a group transcript and turn it into a scenario.

Three pages: the transcript text; the people (rename them to protect identities,
assign presenter / member / co-leader / leader); the lines, with the proposed
phase split (editable) and the lines after which a decision goes. The
conversion itself is Qt-free (:mod:`balint_trainer.core.transcript_import`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
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
    QWizard,
    QWizardPage,
)

from balint_trainer.core.competencies import PHASES
from balint_trainer.core.transcript_import import (
    KINDS,
    MAX_TRANSCRIPT_CHARS,
    Kind,
    PersonChoice,
    Transcript,
    build_scenario,
    parse_transcript,
    propose_phases,
    slug,
    text_is_rtl,
)
from balint_trainer.gui.reading import number

MAX_TRANSCRIPT_BYTES = 4 * MAX_TRANSCRIPT_CHARS  # a small text file: read on the spot, well under 100 ms


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


class TranscriptWizard(QWizard):
    """``result_text`` holds the scenario YAML once the wizard is accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New scenario from a transcript"))
        self.resize(1000, 700)
        self.transcript = Transcript()
        self.result_text = ""
        self.text_page = _TextPage(self)
        self.people_page = _PeoplePage(self)
        self.lines_page = _LinesPage(self)
        for page in (self.text_page, self.people_page, self.lines_page):
            self.addPage(page)

    def choices(self) -> dict[str, PersonChoice]:
        return self.people_page.choices()

    def accept(self) -> None:
        self.result_text = self.lines_page.build()
        super().accept()


class _TextPage(QWizardPage):
    def __init__(self, wizard: TranscriptWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Transcript"))
        self.setSubTitle(
            self.tr(
                "Paste the transcript or open a text file. One turn per paragraph as “Name: words”; "
                "stage directions on their own line in [brackets] or *asterisks*."
            )
        )
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(self.tr("Transcript text"))
        self.edit.setTabChangesFocus(True)
        self.open_button = QPushButton(self.tr("&Open text file…"))
        self.open_button.clicked.connect(self.on_open)
        self.id_edit = QLineEdit("from-transcript")
        self.id_edit.setAccessibleName(self.tr("Scenario id"))
        self.title_edit = QLineEdit(self.tr("A session from a transcript"))
        self.title_edit.setAccessibleName(self.tr("Scenario title"))
        self.language_edit = QLineEdit("en")
        self.language_edit.setAccessibleName(self.tr("Language of the transcript"))
        self.message = QLabel()
        form = QFormLayout()
        id_label = QLabel(self.tr("Scenario &id:"))
        id_label.setBuddy(self.id_edit)
        title_label = QLabel(self.tr("&Title:"))
        title_label.setBuddy(self.title_edit)
        form.addRow(id_label, self.id_edit)
        form.addRow(title_label, self.title_edit)
        language_label = QLabel(self.tr("&Language (en, fa, …):"))
        language_label.setBuddy(self.language_edit)
        form.addRow(language_label, self.language_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.message, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        self.edit.textChanged.connect(self.completeChanged)

    def ask_path(self) -> Path | None:  # replaceable in tests
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open transcript"),
            str(Path.home()),
            self.tr("Text files (*.txt *.md);;All files (*)"),
        )
        return Path(name) if name else None

    def on_open(self) -> None:
        path = self.ask_path()
        if path is None:
            return
        from balint_trainer.core.untrusted import read_limited
        from balint_trainer.gui.worker import run_with_progress

        # Off the UI thread; read_limited refuses pipes, devices and oversized files.
        outcome = run_with_progress(
            self,
            self.tr("Reading the transcript…"),
            lambda _token: read_limited(path, MAX_TRANSCRIPT_BYTES).decode("utf-8-sig", errors="replace"),
        )
        if outcome.cancelled:
            return
        if outcome.error is not None or outcome.result is None:
            problems = getattr(outcome.error, "problems", None)
            detail = problems[0].message if problems else str(outcome.error)
            self.message.setText(self.tr("Cannot read %1: %2").replace("%1", path.name).replace("%2", detail))
            return
        self.edit.setPlainText(outcome.result)
        self.id_edit.setText(slug(path.stem, "from-transcript"))
        self.message.setText(self.tr("Read %1.").replace("%1", path.name))

    def isComplete(self) -> bool:
        return bool(self.edit.toPlainText().strip())

    def validatePage(self) -> bool:
        from balint_trainer.gui.worker import run_with_progress

        text = self.edit.toPlainText()
        outcome = run_with_progress(
            self, self.tr("Reading the transcript…"), lambda _token: parse_transcript(text)
        )
        if outcome.cancelled or outcome.result is None:
            if outcome.error is not None:
                self.message.setText(str(outcome.error))
            return False
        transcript = outcome.result
        if not any(t.kind == "say" for t in transcript.turns):
            self.message.setText(self.tr("No “Name: words” lines found."))
            return False
        self.owner.transcript = transcript
        if self.language_edit.text().strip() in ("", "en") and text_is_rtl(self.edit.toPlainText()):
            self.language_edit.setText("fa")  # a guess the organiser can still change (Back)
        return True


class _PeoplePage(QWizardPage):
    def __init__(self, wizard: TranscriptWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("People"))
        self.setSubTitle(
            self.tr(
                "Rename people to protect identities (names are also replaced inside the lines) and say "
                "who is who. Exactly one presenter; the leader's lines become yours."
            )
        )
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("People in the transcript"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("In the transcript"), self.tr("Name in the scenario"), self.tr("Role"), self.tr("Kind"),
             self.tr("Turns")]
        )  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)
        self.message = QLabel()
        self.kind_labels = {
            "presenter": self.tr("Presenter"),
            "member": self.tr("Member"),
            "co-leader": self.tr("Co-leader"),
            "leader": self.tr("Leader (the trainee)"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        people = self.owner.transcript.people
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            original = QTableWidgetItem(person.name)
            original.setFlags(original.flags() & ~Qt.ItemFlag.ItemIsEditable)
            original.setData(Qt.ItemDataRole.UserRole, person.id)
            self.table.setItem(row, 0, original)
            self.table.setItem(row, 1, QTableWidgetItem(person.display_name))
            self.table.setItem(row, 2, QTableWidgetItem(person.role))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Kind of %1").replace("%1", person.name))
            for kind in KINDS:
                combo.addItem(self.kind_labels[kind], kind)
            combo.setCurrentIndex(KINDS.index(person.kind))
            self.table.setCellWidget(row, 3, combo)
            turns = QTableWidgetItem(str(person.turns))
            turns.setFlags(turns.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 4, turns)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def choices(self) -> dict[str, PersonChoice]:
        out: dict[str, PersonChoice] = {}
        used: set[str] = {"leader"}
        for row in range(self.table.rowCount()):
            raw = _text(self.table, row, 0)
            name = (_text(self.table, row, 1) or raw).strip()
            combo = self.table.cellWidget(row, 3)
            data = combo.currentData() if isinstance(combo, QComboBox) else "member"
            kind: Kind = data if data in KINDS else "member"
            base = "presenter" if kind == "presenter" else slug(name)
            person_id, n = base, 2
            while person_id in used:  # ids follow the new names: the real names must not survive
                person_id, n = f"{base}-{n}", n + 1
            if kind != "leader":
                used.add(person_id)
            out[raw] = PersonChoice(person_id, name, kind, _text(self.table, row, 2).strip())
        return out

    def validatePage(self) -> bool:
        presenters = [c for c in self.choices().values() if c.kind == "presenter"]
        if len(presenters) != 1:
            self.message.setText(self.tr("Choose exactly one presenter."))
            return False
        return True


class _LinesPage(QWizardPage):
    COLUMNS = 4  # phase starts, decision after, speaker, text

    def __init__(self, wizard: TranscriptWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Phases and decision points"))
        self.setSubTitle(
            self.tr(
                "The phase split is a proposal: change where a phase starts in the first column. Tick "
                "“Decision after” on the lines where the trainee should decide; each gets an empty "
                "decision to fill in the editor."
            )
        )
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setAccessibleName(self.tr("Transcript lines"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Phase starts"), self.tr("Decision after"), self.tr("Speaker"), self.tr("Line")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        transcript = self.owner.transcript
        choices = self.owner.choices()
        starts = propose_phases(transcript, {raw: c.kind for raw, c in choices.items()})
        self.table.setRowCount(len(transcript.turns))
        # The lines read in the transcript's own direction, whatever the interface language.
        rtl = text_is_rtl(" ".join(t.text for t in transcript.turns[:20]))
        self.table.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        for row, turn in enumerate(transcript.turns):
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Phase starting at line %1").replace("%1", number(row + 1)))
            combo.addItem("", "")
            for phase in PHASES:
                combo.addItem(phase, phase)
            combo.setCurrentIndex(combo.findData(starts.get(row, "")))
            self.table.setCellWidget(row, 0, combo)
            check = QTableWidgetItem()
            check.setFlags(
                Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            )
            check.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, 1, check)
            chosen = choices.get(turn.speaker)
            speaker = (
                self.tr("(stage direction)")
                if turn.kind == "narrate"
                else chosen.name
                if chosen
                else turn.speaker
            )
            for column, value in ((2, speaker), (3, turn.text)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def phase_starts(self) -> dict[int, str]:
        out = {}
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            if isinstance(combo, QComboBox) and combo.currentData():
                out[row] = str(combo.currentData())
        return out

    def decisions(self) -> list[int]:
        return [
            row for row in range(self.table.rowCount())
            if (item := self.table.item(row, 1)) is not None and item.checkState() == Qt.CheckState.Checked
        ]  # fmt: skip

    def build(self) -> str:
        text_page = self.owner.text_page
        return build_scenario(
            self.owner.transcript,
            self.owner.choices(),
            phase_starts=self.phase_starts(),
            decisions_after=self.decisions(),
            scenario_id=text_page.id_edit.text(),
            title=text_page.title_edit.text(),
            language=text_page.language_edit.text().strip() or "en",
        )
