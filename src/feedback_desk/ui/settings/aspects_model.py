"""The aspects catalogue as a table: labels, kind, list, status and votes; aspects awaiting
approval first (then the catalogue's order). Where an aspect comes from (predefined, or added by a
client) is its row's tooltip, beside its labels in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from feedback_desk.domain.kinds import AspectOrigin, AspectStatus, Polarity, ReviewKind
from feedback_desk.services.aspects import AspectRow
from feedback_desk.ui import i18n

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

FRENCH, ENGLISH, KIND, LIST, STATUS, VOTES = range(6)


class AspectsTableModel(QAbstractTableModel):
    """A few dozen rows (the catalogue), loaded whole by the page's worker."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AspectRow] = []
        self._labels: dict[int, str] = {}

    def set_rows(self, rows: Sequence[AspectRow]) -> None:
        self.beginResetModel()
        # Stable: within each group, the catalogue's own order.
        self._rows = sorted(rows, key=lambda r: r.status is not AspectStatus.PENDING)
        self._labels = {r.id: r.label_en for r in self._rows}
        self.endResetModel()

    def row_at(self, row: int) -> AspectRow:
        return self._rows[row]

    def rows(self) -> list[AspectRow]:
        return list(self._rows)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("French"),
            self.tr("English"),
            self.tr("Review"),
            self.tr("List"),
            self.tr("Status"),
            self.tr("Votes"),
        ][section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == VOTES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.label_fr} / {row.label_en}\n{self.origin_text(row)}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == FRENCH:
            return row.label_fr
        if column == ENGLISH:
            return row.label_en
        if column == KIND:
            return self.tr("Class") if row.kind is ReviewKind.CLASS else self.tr("Studio")
        if column == LIST:
            return (
                self.tr("Where you excel")
                if row.polarity is Polarity.EXCEL
                else self.tr("To improve")
            )
        if column == STATUS:
            return self.status_text(row)
        return row.votes

    def origin_text(self, row: AspectRow) -> str:
        return (
            self.tr("Predefined")
            if row.origin is AspectOrigin.PREDEFINED
            else self.tr("Added by a client")
        )

    def status_text(self, row: AspectRow) -> str:
        if row.merged_into_id is not None:
            survivor = self._labels.get(row.merged_into_id, str(row.merged_into_id))
            return i18n.fill(self.tr("Merged into %1"), survivor)
        if row.status is AspectStatus.PENDING:
            return self.tr("Awaiting approval")
        if row.hidden:
            return self.tr("Hidden")
        return self.tr("Offered")
