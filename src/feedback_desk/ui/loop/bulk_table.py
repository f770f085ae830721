"""A checkable table of clients for bulk emails (non-respondents, promoters)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from feedback_desk.services.loop import NonRespondent, Recipient
from feedback_desk.ui import i18n

Index = QModelIndex | QPersistentModelIndex


class RecipientsModel(QAbstractTableModel):
    """Clients with a check box; those who may not get the email show why, and cannot be
    checked."""

    def __init__(self, columns: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Recipient] = []
        self._checked: set[int] = set()

    def set_rows(self, rows: list[Recipient]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._checked = {r.client_id for r in rows if r.refusal is None}
        self.endResetModel()

    def rows(self) -> list[Recipient]:
        return list(self._rows)

    def checked(self) -> list[Recipient]:
        return [r for r in self._rows if r.client_id in self._checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self._columns[section])
        return None

    def _values(self, row: Recipient) -> tuple[str, ...]:
        status = i18n.in_words(row.refusal) if row.refusal else self.tr("can receive it")
        base = (row.client, row.name, row.email or "")
        if isinstance(row, NonRespondent):
            last = row.last_shown_at.date().isoformat() if row.last_shown_at else ""
            return (*base, str(row.prompts_shown), last, status)
        return (*base, status)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._values(row)[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            checked = row.client_id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            if self._rows[index.row()].refusal is None:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags &= ~Qt.ItemFlag.ItemIsEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self._rows[index.row()]
        if row.refusal is not None:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row.client_id)
        else:
            self._checked.discard(row.client_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
