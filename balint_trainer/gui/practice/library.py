"""Library (home view): the scenario table with search, filters and start buttons."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balint_trainer.core.competencies import BUILTIN_COMPETENCIES
from balint_trainer.core.markdown_render import render_markdown, render_plain
from balint_trainer.gui.markdown_view import SafeTextBrowser
from balint_trainer.gui.plain_text import plain_labels
from balint_trainer.gui.practice.library_model import ENTRY_ROLE, LibraryFilter, LibraryModel
from balint_trainer.gui.reading import plural

if TYPE_CHECKING:  # the catalogue loads after the window is shown
    from balint_trainer.core.catalogue import CatalogueEntry
    from balint_trainer.core.catalogue_cache import ScenarioSummary

def _summary_html(summary: ScenarioSummary) -> str:
    """The scenario summary as safe HTML: pre-rendered by the catalogue cache when it can be
    (no Markdown import on a warm start), sanitised again here since the cache is a file."""
    if summary.summary_html is not None:
        from balint_trainer.core.markdown_render import sanitize_html

        return sanitize_html(summary.summary_html)
    return render_markdown(summary.summary_markdown, language=summary.language)


class LibraryView(QWidget):
    start_requested = Signal(object, str)  # entry, mode
    resume_requested = Signal(object)
    edit_requested = Signal(object)  # a broken entry: open its file in the scenario editor
    loaded = Signal()  # a load (library_loader) is complete: every row is in the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, setting or competency…"))
        self.search.setAccessibleName(self.tr("Search scenarios"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)

        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Filter by level"))
        self.level.addItem(self.tr("All levels"), "")
        for key, label in (
            ("introductory", self.tr("Introductory")),
            ("intermediate", self.tr("Intermediate")),
            ("advanced", self.tr("Advanced")),
        ):
            self.level.addItem(label, key)
        self.level.currentIndexChanged.connect(lambda _: self.proxy.set_level(self.level.currentData() or ""))
        level_label = QLabel(self.tr("&Level:"))
        level_label.setBuddy(self.level)

        self.competency = QComboBox()
        self.competency.setAccessibleName(self.tr("Filter by competency"))
        self.competency.currentIndexChanged.connect(
            lambda _: self.proxy.set_competency(self.competency.currentData() or "")
        )
        competency_label = QLabel(self.tr("&Competency:"))
        competency_label.setBuddy(self.competency)
        self._fill_competencies({})

        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 3)
        filters.addWidget(level_label)
        filters.addWidget(self.level, 1)
        filters.addWidget(competency_label)
        filters.addWidget(self.competency, 2)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Scenario library"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self._start("practice"))
        self.table.activated.connect(lambda _: self._start("practice"))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_details())

        self.details = SafeTextBrowser(accessible_name=self.tr("Scenario details"))
        self.details.setMinimumHeight(120)

        self.practice_button = QPushButton(self.tr("Start &practice"))
        self.practice_button.setAccessibleName(self.tr("Start practice"))
        self.practice_button.setToolTip(self.tr("Feedback from the expert panel after every decision"))
        self.exam_button = QPushButton(self.tr("Start e&xam"))
        self.exam_button.setAccessibleName(self.tr("Start exam"))
        self.exam_button.setToolTip(self.tr("Feedback only at the end"))
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setAccessibleName(self.tr("Resume unfinished attempt"))
        self.practice_button.clicked.connect(lambda: self._start("practice"))
        self.exam_button.clicked.connect(lambda: self._start("exam"))
        self.resume_button.clicked.connect(self._resume)
        # Text, state and action: gui/practice/weak_spots.py (the due count comes from the database).
        self.review_button = QPushButton()
        self.edit_button = QPushButton(self.tr("Open in &editor"))
        self.edit_button.setAccessibleName(self.tr("Open the broken file in the scenario editor"))
        self.edit_button.setToolTip(self.tr("See the problems where they are and fix them"))
        self.edit_button.clicked.connect(self._edit)
        self.edit_button.hide()

        self.status = QLabel(self.tr("Loading…"))
        self.status.setAccessibleDescription(self.tr("Library status"))
        self.load_progress = QProgressBar()
        self.load_progress.setAccessibleName(self.tr("Scenarios read"))
        self.load_progress.setMaximumWidth(240)
        self.load_progress.hide()
        self._practice_enabled = True
        self._loading = False
        self._auto_selected: CatalogueEntry | None = None  # the first streamed row, selected for the user
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.load_progress)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.exam_button)
        buttons.addWidget(self.practice_button)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.level)
        self.setTabOrder(self.level, self.competency)
        self.setTabOrder(self.competency, self.table)
        self.setTabOrder(self.table, self.details)
        self.setTabOrder(self.details, self.edit_button)
        self.setTabOrder(self.edit_button, self.resume_button)
        self.setTabOrder(self.resume_button, self.exam_button)
        self.setTabOrder(self.exam_button, self.practice_button)
        self._update_details()
        plain_labels(self)  # scenario and user text is never rich text

    # -- data ------------------------------------------------------------
    def set_loading(self) -> None:
        self.status.setText(self.tr("Loading…"))
        self.details.setPlainText(self.tr("Loading scenarios…"))

    def begin_loading(self) -> None:
        """A load has started (see library_loader): progress shows until :meth:`set_entries`."""
        self._loading = True
        self.status.setText(self.tr("Loading…"))
        if not self.model.rowCount():
            self.details.setPlainText(self.tr("Loading scenarios…"))

    def is_loading(self) -> bool:
        return self._loading

    def set_load_progress(self, done: int, total: int) -> None:
        if not self._loading:
            return
        self.load_progress.setRange(0, max(total, 0))
        self.load_progress.setValue(min(done, total))
        self.load_progress.setVisible(total > 0 and done < total)
        from PySide6.QtCore import QLocale

        locale = QLocale()  # Persian digits in Persian, as the progress bar shows them
        self.status.setText(
            self.tr("Loading… %1 of %2 files")
            .replace("%1", locale.toString(done))
            .replace("%2", locale.toString(total))
        )

    # -- holding rows back while the database opens ----------------------------
    _held: list[tuple[str, Sequence[CatalogueEntry]]] | None = None

    def hold_rows(self) -> None:
        """Keep arriving rows aside until :meth:`release_rows` (progress still shows).

        At start the database opens on a worker thread, mostly importing SQLAlchemy: Python that
        holds the GIL while every call the table makes into Python (each filterAcceptsRow and
        data() as rows are inserted and painted) waits for it. Filling the table once the
        database is open costs a fraction of filling it meanwhile, and the window is ready to
        practise only when both are done anyway."""
        if self._held is None:
            self._held = []

    def release_rows_when_complete(self) -> None:
        """Keep holding streamed rows, but show the complete list as soon as it comes (or now, if
        it has come): a warm start reads the whole library in well under a second, and each
        streamed batch costs the table calls into Python while the reading thread holds the GIL.
        :meth:`release_rows` (the hold's time limit) still shows what has come by then."""
        if self._held is None:
            return
        if any(kind == "set" for kind, _entries in self._held):
            self.release_rows()
        else:
            self._release_on_set = True

    _release_on_set = False

    def release_rows(self) -> None:
        """Show what arrived while held, in one go (a complete list replaces streamed rows)."""
        self._release_on_set = False
        held, self._held = self._held, None
        if not held:
            return
        complete = [entries for kind, entries in held if kind == "set"]
        if complete:
            self.set_entries(complete[-1])
        else:
            self.append_entries([entry for _kind, entries in held for entry in entries])

    def append_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        """Rows streamed in by a first load; the first one is selected as soon as it comes."""
        if self._held is not None:
            self._held.append(("append", entries))
            return
        had_rows = self.model.rowCount() > 0
        self.model.append_entries(entries)
        if not had_rows and self.model.rowCount():
            self._size_columns()
            self.select_row(0)
            self._update_details()
            # The final list is sorted: it starts at its own first row unless the user moved.
            self._auto_selected = self.current_entry()

    _columns_sized = False

    def _size_columns(self, sample: int = 50) -> None:
        """Columns as wide as the first rows' text (and the header), capped.

        Measured here in one pass rather than by resizeColumnsToContents(), which calls data()
        from C++ once per cell and role: while a worker thread runs Python (the database opening
        at start) every such call waits for the GIL, and sizing took 130 ms instead of 2.
        """
        self._columns_sized = True
        table, model = self.table, self.model
        metrics = table.fontMetrics()
        header = table.horizontalHeader()
        # What QStyledItemDelegate adds around a cell's text: the focus frame margin and a pixel,
        # each side, and a pixel of its text layout's rounding.
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 1
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in range(min(sample, self.proxy.rowCount()))]
        caps = {0: 340, 1: 220, 4: 400}
        for column in range(model.columnCount()):
            widest = max(
                (metrics.size(0, model.data(model.index(row, column)) or "").width() for row in rows), default=0
            )
            width = max(widest + margin, header.sectionSizeHint(column))
            table.setColumnWidth(column, min(width, caps.get(column, width)))

    def set_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        if self._held is not None:
            self._held = [("set", entries)]  # supersedes any streamed rows
            if not self._release_on_set:
                return
            self._release_on_set, self._held = False, None
        was_loading, self._loading = self._loading, False
        self.load_progress.hide()
        selected = self.current_entry()
        if selected is not None and selected is self._auto_selected:
            selected = None
        self._auto_selected = None
        self.model.set_entries(entries)
        labels: dict[str, str] = {}
        seen: set[str] = set()
        for entry in entries:
            # Labels are localised per entry: only look at an entry that names a new competency.
            competencies = entry.competencies
            if seen.issuperset(competencies):
                continue
            seen.update(competencies)
            for cid, label in zip(competencies, entry.competency_labels(), strict=True):
                labels.setdefault(cid, label)
        self._fill_competencies(labels)
        if not self._columns_sized:  # a streamed load sized them on its first rows
            self._size_columns()
        self._columns_sized = False
        valid = sum(1 for e in entries if e.ok)
        invalid = len(entries) - valid
        text = plural(self.tr("%n scenario(s)", "", valid), valid)
        if invalid:
            text += " · " + plural(self.tr("%n file(s) with problems", "", invalid), invalid)
        self.status.setText(text)
        row = 0
        if selected is not None:
            # By file, else by id: a user's copy of a built-in scenario replaces it (or goes) on reload.
            same_file = os.path.normcase(selected.filename)  # as Path equality (Windows: any case)
            row = next(
                (i for i, e in enumerate(entries) if os.path.normcase(e.filename) == same_file),
                next((i for i, e in enumerate(entries) if selected.ok and e.ok and e.id == selected.id), 0),
            )
        self._details_shown = False
        self.select_row(row)
        if not self._details_shown:  # the selection did not move: nothing showed the new entry yet
            self._update_details()
        if was_loading:
            self.loaded.emit()

    def set_progress(self, best: Mapping[str, float], resumable: set[str]) -> None:
        self.model.set_progress(best, resumable)
        self._update_details()

    def _fill_competencies(self, labels: Mapping[str, str]) -> None:
        current = self.competency.currentData()
        self.competency.blockSignals(True)
        self.competency.clear()
        self.competency.addItem(self.tr("All competencies"), "")
        merged = {**{k: v for k, v in BUILTIN_COMPETENCIES.items() if k in labels}, **labels}
        for cid, label in sorted(merged.items(), key=lambda kv: kv[1].casefold()):
            self.competency.addItem(label, cid)
        index = self.competency.findData(current) if current else 0
        self.competency.setCurrentIndex(max(index, 0))
        self.competency.blockSignals(False)

    def select_row(self, source_row: int) -> None:
        if self.model.rowCount() == 0:
            return
        proxy_index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not proxy_index.isValid():
            proxy_index = self.proxy.index(0, 0)
        # Not QTableView.selectRow(): right to left it picks the column at the viewport's far
        # edge, finds none and clears the current index.
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(proxy_index, flags)

    def select_scenario(self, scenario_id: str) -> bool:
        for row, entry in enumerate(self.model.entries()):
            if entry.ok and entry.id == scenario_id:
                self.select_row(row)
                return True
        return False

    def current_entry(self) -> CatalogueEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        from balint_trainer.core.catalogue import CatalogueEntry

        entry = index.data(ENTRY_ROLE)
        return entry if isinstance(entry, CatalogueEntry) else None

    def visible_titles(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ENTRY_ROLE).title for r in range(self.proxy.rowCount())]

    # -- actions ----------------------------------------------------------
    def _start(self, mode: str) -> None:
        entry = self.current_entry()
        if entry is not None and entry.ok and self._can_practise():
            self.start_requested.emit(entry, mode)

    def _resume(self) -> None:
        entry = self.current_entry()
        if entry is not None and entry.ok and self._can_practise() and self.model.is_resumable(entry.id):
            self.resume_requested.emit(entry)

    def _edit(self) -> None:
        entry = self.current_entry()
        if entry is not None and not entry.ok:
            self.edit_requested.emit(entry)

    def set_practice_enabled(self, enabled: bool) -> None:
        """Whether practice can start (False until the database is ready and someone is
        practising, and while a start is on its way): Start practice, Start exam and Resume
        are disabled, and double-click or Enter start nothing."""
        self._practice_enabled = enabled
        self._update_buttons()

    def _can_practise(self) -> bool:
        return self._practice_enabled

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        usable = bool(self._can_practise() and entry is not None and entry.ok)
        self.practice_button.setEnabled(usable)
        self.exam_button.setEnabled(usable)
        self.resume_button.setEnabled(bool(usable and entry and self.model.is_resumable(entry.id)))

    _details_shown = False  # set_entries: whether selecting its row showed the details already

    def _update_details(self) -> None:
        self._details_shown = True
        entry = self.current_entry()
        self._update_buttons()
        # A broken file (not a missing folder) can be opened in the editor to be fixed.
        self.edit_button.setVisible(
            entry is not None and not entry.ok and entry.path.suffix.lower() in (".yaml", ".yml")
        )
        if entry is None:
            if self.model.rowCount():
                self.details.setPlainText(self.tr("No scenario matches the search."))
            return
        if not entry.ok:
            problems = "".join(f"<li><code>{render_plain(str(p))}</code></li>" for p in entry.problems)
            self.details.set_safe_html(
                f"<h3>{render_plain(entry.path.name)}</h3><p>"
                + render_plain(self.tr("This file cannot be used until these problems are fixed:"))
                + f"</p><ul>{problems}</ul>"
            )
            return
        summary = entry.summary  # from the catalogue cache: no full parse to describe a scenario
        assert summary is not None
        row = self.model.entries().index(entry)
        best = self.model.index(row, 5).data()
        facts = [
            render_plain(x)
            for x in (
                entry.setting,
                self.model.index(row, 2).data(),
                plural(self.tr("%n minute(s)", "", entry.duration), entry.duration) if entry.duration else "",
                plural(self.tr("%n decision(s)", "", entry.decision_count), entry.decision_count),
                self.tr("your best: %1").replace("%1", best) if best != "—" else "",
            )
            if x
        ]
        competencies = ", ".join(render_plain(label) for label in entry.competency_labels())
        competencies_label = self.tr("Competencies:")  # outside the f-string, so lupdate finds it
        notice = ""
        if summary.key_status == "illustrative":
            from balint_trainer.gui.about import illustrative_notice

            notice = f"<p><i>{render_plain(illustrative_notice())}</i></p>"
        if self.model.unread(entry.id):
            unread = plural(self.tr(
                "%n comment(s) from your supervisor on your attempts you have not read yet: "
                "Practice → My past attempts… (Ctrl+Shift+R).",
                "",
                self.model.unread(entry.id),
            ), self.model.unread(entry.id))
            notice += f"<p><b>{render_plain(unread)}</b></p>"
        if entry.replaces is not None:
            # Otherwise nothing tells the user why edits to a built-in show here, or how to undo them.
            copy_note = self.tr(
                "Your own copy of a built-in scenario, saved in %1. It takes the built-in's place "
                "in your library; delete this file and reload the library (F5) to get the built-in back."
            ).replace("%1", f"\u2068{entry.path}\u2069")  # a path keeps its order in Persian
            notice += f"<p><i>{render_plain(copy_note)}</i></p>"
        self.details.set_safe_html(
            f"<h3>{render_plain(entry.title)}</h3>"
            f"<p>{' · '.join(facts)}</p>"
            + _summary_html(summary)
            + f"<p><i>{render_plain(competencies_label)}</i> {competencies}</p>"
            + notice,
            language=summary.language,
        )
