"""The first rows of a CSV file as a table: plain text, line numbers down the side."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from feedback_desk.services.importing import PreviewRow

_Index = QModelIndex | QPersistentModelIndex


class CsvPreviewModel(QAbstractTableModel):
    """Holds a few rows only (the preview's), so it loads them all at once."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._header: tuple[str, ...] = ()
        self._rows: tuple[PreviewRow, ...] = ()

    def set_rows(self, header: Sequence[str], rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self._header = tuple(header)
        self._rows = tuple(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows((), ())

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        cells = self._rows[index.row()].cells
        text = cells[index.column()] if index.column() < len(cells) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            # One line per cell: a multi-line value shows its first line and a marker.
            first, _, rest = text.partition("\n")
            return f"{first} …" if rest else first
        if role == Qt.ItemDataRole.ToolTipRole and (len(text) > 40 or "\n" in text):
            # Tooltips guess rich text: escape the file's text so it can only show as written.
            return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._header[section] if section < len(self._header) else None
        return str(self._rows[section].line) if section < len(self._rows) else None
