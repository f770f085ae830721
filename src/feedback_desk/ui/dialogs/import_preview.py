"""The first rows of a CSV file as a table: plain text, line numbers down the side, each bad cell
tinted with its problem as tooltip (a problem about a whole row tints its line number)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from feedback_desk.services.importing import PreviewRow

_Index = QModelIndex | QPersistentModelIndex
BAD_CELL = QColor("#F8D7DA")
LONG_TEXT = 40


def _tooltip(text: str) -> str:
    # Tooltips guess rich text: escape the file's text so it can only show as written.
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class CsvPreviewModel(QAbstractTableModel):
    """Holds a few rows only (the preview's), so it loads them all at once."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._header: tuple[str, ...] = ()
        self._fields: tuple[str | None, ...] = ()
        self._rows: tuple[PreviewRow, ...] = ()
        self._cell_problems: dict[tuple[int, int], str] = {}
        self._row_problems: dict[int, str] = {}
        self._bad = QBrush(BAD_CELL)

    def set_rows(
        self,
        header: Sequence[str],
        rows: Sequence[PreviewRow],
        *,
        fields: Sequence[str | None] = (),
        cell_problems: Mapping[tuple[int, int], str] | None = None,
        row_problems: Mapping[int, str] | None = None,
    ) -> None:
        """*fields*: each column's field (shown under its header); *cell_problems*: (line,
        column) → what is wrong; *row_problems*: line → what is wrong with the row."""
        self.beginResetModel()
        self._header = tuple(header)
        self._fields = tuple(fields)
        self._rows = tuple(rows)
        self._cell_problems = dict(cell_problems or {})
        self._row_problems = dict(row_problems or {})
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows((), ())

    def problem_at(self, row: int, column: int) -> str | None:
        """What is wrong with the cell shown at (*row*, *column*), if anything."""
        return self._cell_problems.get((self._rows[row].line, column))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        cells = self._rows[row].cells
        text = cells[column] if column < len(cells) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            # One line per cell: a multi-line value shows its first line and a marker.
            first, _, rest = text.partition("\n")
            return f"{first} …" if rest else first
        problem = self.problem_at(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return self._bad
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem is not None:
                return _tooltip(problem)
            if len(text) > LONG_TEXT or "\n" in text:
                return _tooltip(text)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self._header) or role != Qt.ItemDataRole.DisplayRole:
                return None
            field = self._fields[section] if section < len(self._fields) else None
            header = self._header[section]
            return f"{header}\n→ {field}" if field else header
        if section >= len(self._rows):
            return None
        line = self._rows[section].line
        if role == Qt.ItemDataRole.DisplayRole:
            return str(line)
        problem = self._row_problems.get(line)
        if problem is not None and role == Qt.ItemDataRole.BackgroundRole:
            return self._bad
        if problem is not None and role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(problem)
        return None
