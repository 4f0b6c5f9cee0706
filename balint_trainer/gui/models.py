"""Read-only table models described by column definitions, shared by the trainee and workbench windows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
NUMERIC_ALIGNMENT = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter  # follows RTL


@dataclass(frozen=True)
class Column:
    header: str  # already translated
    display: Callable[[Any], Any]
    sort: Callable[[Any], Any] | None = None  # defaults to the (case-folded) display value
    numeric: bool = False  # aligned to the trailing edge
    tooltip: str = ""  # the header's tooltip
    cell_tooltip: Callable[[Any], Any] | None = None  # defaults to the display value
    alignment: Qt.AlignmentFlag | None = None  # overrides the numeric alignment

    def text_alignment(self) -> Qt.AlignmentFlag | None:
        if self.alignment is not None:
            return self.alignment
        return NUMERIC_ALIGNMENT if self.numeric else None


class RowsModel(QAbstractTableModel):
    """A read-only table of row objects described by :class:`Column` definitions.

    Subclasses add roles (fonts, colours, custom user roles) by overriding ``data``
    and falling back to this one.
    """

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row(self, index: int) -> Any:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.cell_tooltip(row) if column.cell_tooltip else column.display(row)
        if role == SORT_ROLE:
            if column.sort:
                return column.sort(row)
            value = column.display(row)
            return value.casefold() if isinstance(value, str) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            alignment = column.text_alignment()
            return None if alignment is None else int(alignment.value)
        return None
