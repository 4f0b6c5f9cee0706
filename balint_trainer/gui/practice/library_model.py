"""The library's table model and its search/filter proxy (the view is gui/practice/library.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette

from balint_trainer.gui.reading import decimal, number, plural

if TYPE_CHECKING:  # the catalogue loads after the window is shown
    from balint_trainer.core.catalogue import CatalogueEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
LEVEL_ORDER = {"introductory": 0, "intermediate": 1, "advanced": 2, "": 3}


class LibraryModel(QAbstractTableModel):
    COLUMNS = ("title", "setting", "level", "duration", "competencies", "best")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[CatalogueEntry] = []
        self._best: dict[str, float] = {}
        self._resumable: set[str] = set()
        self._unread: dict[str, int] = {}  # scenario id -> unread supervisor comments
        self._isolate = False  # right to left: scenario text keeps its own direction

    def headers(self) -> list[str]:
        return [
            self.tr("Title"),
            self.tr("Setting"),
            self.tr("Level"),
            self.tr("Duration"),
            self.tr("Competencies"),
            self.tr("Your best"),
        ]

    def set_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        from PySide6.QtGui import QGuiApplication

        self.beginResetModel()
        self._entries = list(entries)
        self._isolate = QGuiApplication.isRightToLeft()
        self.endResetModel()

    def append_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        """Rows at the end, while the library streams in (the final list replaces them)."""
        if not entries:
            return
        if not self._entries:
            from PySide6.QtGui import QGuiApplication

            self._isolate = QGuiApplication.isRightToLeft()
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self.endInsertRows()

    def set_progress(self, best: Mapping[str, float], resumable: set[str]) -> None:
        self._best = dict(best)
        self._resumable = set(resumable)
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, len(self.COLUMNS) - 1))

    def set_unread(self, by_scenario: Mapping[str, int]) -> None:
        self._unread = {k: v for k, v in by_scenario.items() if v}
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, len(self.COLUMNS) - 1))

    def unread(self, scenario_id: str) -> int:
        return self._unread.get(scenario_id, 0)

    def entry(self, row: int) -> CatalogueEntry:
        return self._entries[row]

    def entries(self) -> list[CatalogueEntry]:
        return list(self._entries)

    def is_resumable(self, scenario_id: str) -> bool:
        return scenario_id in self._resumable

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == SORT_ROLE:
            if column == "level":
                return LEVEL_ORDER.get(entry.level, 3)
            if column == "duration":
                return entry.duration or 0
            if column == "best":
                return self._best.get(entry.id, -1.0) if entry.ok else -2.0
            return (self._display(entry, column) or "").casefold()
        if role == Qt.ItemDataRole.FontRole and column == "title" and self._unread.get(entry.id):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "title" and self._unread.get(entry.id):
                return plural(
                    self.tr(
                        "%n comment(s) from your supervisor you have not read yet (Practice → My past attempts…)",
                        "",
                        self._unread[entry.id],
                    ),
                    self._unread[entry.id],
                )
            if not entry.ok:
                return self.tr("This file cannot be used:") + "\n" + entry.problem_text()
            if column == "competencies":
                return "\n".join(entry.competency_labels())
            return str(entry.path)
        if role == Qt.ItemDataRole.ForegroundRole and not entry.ok:
            return QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("duration", "best"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _own_direction(self, text: str) -> str:
        """An English title in a Persian table would show “Title” as Title”“: isolate it."""
        return f"\u2068{text}\u2069" if self._isolate and text else text

    def _display(self, entry: CatalogueEntry, column: str) -> str:
        if column == "title":
            title = self._own_direction(entry.title)
            if not entry.ok:
                return self.tr("%1 (invalid)").replace("%1", title)
            if entry.id in self._resumable:
                title = self.tr("%1 (unfinished)").replace("%1", title)
            if self._unread.get(entry.id):
                # First, so a narrow column cuts the title rather than the marker.
                title = plural(
                    self.tr("✉ %n new comment(s) · %1", "", self._unread[entry.id]), self._unread[entry.id]
                ).replace("%1", title)
            return title
        if column == "setting":
            return self._own_direction(entry.setting)
        if column == "level":
            return {
                "introductory": self.tr("Introductory"),
                "intermediate": self.tr("Intermediate"),
                "advanced": self.tr("Advanced"),
            }.get(entry.level, entry.level)
        if column == "duration":
            return self.tr("%1 min").replace("%1", number(entry.duration)) if entry.duration else ""
        if column == "competencies":
            return ", ".join(entry.competency_labels())
        if column == "best":
            best = self._best.get(entry.id)
            return decimal(best, 0) if best is not None else "—"
        return ""


class LibraryFilter(QSortFilterProxyModel):
    """Search over title, setting and competencies; level and competency filters.

    Each row's searchable text is built once and kept until the rows change: typing a search into
    10,000 rows built it again for every row on every keystroke (~37 ms a key; now ~30). A filter
    expressed as Qt's regular expression on a data role (so that a reset with no filter set calls
    no Python per row) was tried and dropped: each row's data() call cost more, ~105 ms a key."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []  # the search, case-folded, split once (not per row)
        self._level = ""
        self._competency = ""
        self._haystacks: list[str | None] = []  # by source row; None: not built yet
        self.setSortRole(SORT_ROLE)

    def setSourceModel(self, model: Any) -> None:
        previous = self.sourceModel()
        if previous is not None:
            previous.modelReset.disconnect(self._forget_texts)
            previous.rowsInserted.disconnect(self._rows_inserted)
            previous.rowsRemoved.disconnect(self._forget_texts)
        # Connected before Qt's own handlers (in super()), so the texts are current when it filters.
        model.modelReset.connect(self._forget_texts)
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsRemoved.connect(self._forget_texts)
        self._haystacks = []
        super().setSourceModel(model)

    def _forget_texts(self, *_args: object) -> None:
        self._haystacks = []

    def _rows_inserted(self, _parent: object, first: int, _last: int) -> None:
        del self._haystacks[first:]  # rows after an insertion moved: built again when asked

    def _refilter(self, attribute: str, value: object) -> None:
        # Qt 6.10 deprecates invalidateFilter() in favour of begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, attribute, value)
            self.endFilterChange()
        else:
            setattr(self, attribute, value)
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._refilter("_words", text.casefold().split())

    def set_level(self, level: str) -> None:
        self._refilter("_level", level)

    def set_competency(self, competency: str) -> None:
        self._refilter("_competency", competency)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not (self._level or self._competency or self._words):
            return True  # called for every row of a 10,000-row library on each reset
        model = self.sourceModel()
        assert isinstance(model, LibraryModel)
        entry = model.entry(source_row)
        if self._level and entry.level != self._level:
            return False
        if self._competency and self._competency not in entry.competencies:
            return False
        if self._words:
            haystack = self._haystack(source_row, entry)
            return all(word in haystack for word in self._words)
        return True

    def _haystack(self, row: int, entry: CatalogueEntry) -> str:
        haystacks = self._haystacks
        if row >= len(haystacks):
            haystacks.extend([None] * (row + 1 - len(haystacks)))
        haystack = haystacks[row]
        if haystack is None:
            haystack = haystacks[row] = search_text(entry)
        return haystack


def search_text(entry: CatalogueEntry) -> str:
    """What a search looks in: title, setting, id, competency ids and labels, case-folded."""
    return " ".join(
        [entry.title, entry.setting, entry.id, *entry.competencies, *entry.competency_labels()]
    ).casefold()
