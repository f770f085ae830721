"""A titled list of short entries (actions, trends, recent reviews) that open what they name.

Client text is shown through the model's display role, which Qt paints as plain text.

The entries live in a QStandardItemModel, Qt's own model, not in a Python one: a list view
asks its model for a dozen roles of every row each time it lays out or paints, and each of those
calls into Python must take the GIL, which a query thread holds meanwhile. With the Overview's
four lists that was some 2,500 calls, and the window's longest pause when its data arrived. The
lists are short (at most a few dozen entries), which is what an item model is for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
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


@dataclass(frozen=True)
class Entry:
    text: str
    target_kind: str  # "review", "client", "coach" or "inbound" (a client's email)
    target_id: int
    tooltip: str | None = None


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
        self._entries: list[Entry] = []
        self.model = QStandardItemModel(self)
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
        self._entries = list(entries)
        self.model.setRowCount(0)
        self.model.invisibleRootItem().appendRows([_item(entry) for entry in self._entries])
        shown = len(entries)
        total = shown if total is None else total
        self.count.setText(
            f"({total})"
            if total == shown
            else self.tr("({shown} of {total})").format(shown=shown, total=total)
        )
        self.stack.setCurrentWidget(self.view if entries else self.empty)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """What the list shows, in order."""
        return tuple(self._entries)

    @property
    def showing_empty_state(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            entry = self._entries[index.row()]
            self.opened.emit(entry.target_kind, entry.target_id)


def _item(entry: Entry) -> QStandardItem:
    item = QStandardItem(entry.text)
    item.setEditable(False)
    tooltip = plain_tooltip(entry.tooltip)
    if tooltip is not None:
        item.setToolTip(tooltip)
    return item
