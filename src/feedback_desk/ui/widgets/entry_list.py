"""A titled list of short entries (actions, trends, recent reviews) that open what they name.

Client text is shown through the model's display role, which Qt paints as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.ui.formatting import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Entry:
    text: str
    target_kind: str  # "review", "client", "coach" or "inbound" (a client's email)
    target_id: int
    tooltip: str | None = None


class EntryModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []

    def set_entries(self, entries: Sequence[Entry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(entry.tooltip)
        return None


class EntryList(QWidget):
    """Title, count, the entries, and a sentence when there are none."""

    opened = Signal(str, int)  # target kind, target id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setStyleSheet("font-weight: bold;")
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setStyleSheet("color: #555555;")
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title)
        self.header.addWidget(self.count)
        self.header.addStretch(1)
        self.model = EntryModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.activated.connect(self._open)
        self.empty = QLabel()
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555555;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.header)
        layout.addWidget(self.stack, 1)

    def set_texts(self, title: str, empty: str) -> None:
        self.title.setText(title)
        self.empty.setText(empty)

    def set_entries(self, entries: Sequence[Entry], total: int | None = None) -> None:
        self.model.set_entries(entries)
        shown = len(entries)
        total = shown if total is None else total
        self.count.setText(
            f"({total})"
            if total == shown
            else self.tr("({shown} of {total})").format(shown=shown, total=total)
        )
        self.stack.setCurrentWidget(self.view if entries else self.empty)

    @property
    def showing_empty_state(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            entry = self.model.entry(index.row())
            self.opened.emit(entry.target_kind, entry.target_id)
