"""A read-only table of a few hundred rows at most (client card, by-coach table).

Large tables use the lazy reviews model instead; this one holds its rows in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from feedback_desk.ui.formatting import plain_tooltip
from feedback_desk.ui.i18n import current_language

Index = QModelIndex | QPersistentModelIndex

ROW_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Row:
    cells: Sequence[str]
    key: Any = None  # what activating the row opens (a review or client id)
    sort_keys: Sequence[Any] | None = None
    tooltip: str | None = None
    alignments: dict[int, Qt.AlignmentFlag] = field(default_factory=dict)


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Callable[[], Sequence[str]], parent: Any = None) -> None:
        super().__init__(parent)
        self._make_headers = headers
        # Said once per interface language: Qt asks for headers while it destroys the view, when
        # the collector may already have emptied the owner's closure.
        self._said_in = current_language()
        self._said = list(headers())
        self._rows: list[Row] = []

    def _headers(self) -> list[str]:
        if current_language() != self._said_in:
            self._said_in = current_language()
            self._said = list(self._make_headers())
        return self._said

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column] if column < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.tooltip)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            flag = row.alignments.get(column)
            return int(flag | Qt.AlignmentFlag.AlignVCenter) if flag is not None else None
        if role == ROW_KEY_ROLE:
            return row.key
        return None

    def sort_key(self, row: int, column: int) -> Any:
        keys = self._rows[row].sort_keys
        return keys[column] if keys is not None else self._rows[row].cells[column]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if section < len(headers) else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return  # no sort column: rows stay in the order they were given
        self.layoutAboutToBeChanged.emit()
        keyed = [
            (self._sortable(self.sort_key(index, column)), index)
            for index in range(len(self._rows))
        ]
        keyed.sort(key=lambda pair: pair[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[index] for _, index in keyed]
        self.layoutChanged.emit()

    @staticmethod
    def _sortable(value: Any) -> tuple[int, Any]:
        # None sorts last in ascending order whatever the other values' type.
        return (1, 0) if value is None else (0, value)
