"""The Google reviews table: a lazy model that fetches rows a window at a time."""

from __future__ import annotations

import html
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from feedback_desk.services.google.queries import (
    ReviewFilter,
    ReviewRow,
    count_reviews,
    review_rows,
)
from feedback_desk.store.database import Store
from feedback_desk.ui.google.status_widget import format_instant

BATCH = 100
_CONTEXT = "GoogleReviewsModel"

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def reply_state_text(state: str | None, violation: str | None) -> str:
    names = {
        "PENDING": _tr("Pending"),
        "APPROVED": _tr("Approved"),
        "REJECTED": _tr("Rejected"),
    }
    text = names.get(state or "", state or "")
    if violation and violation != "POLICY_VIOLATION_UNSPECIFIED":
        text = _tr("{state} ({violation})").format(
            state=text, violation=violation.replace("_", " ").lower()
        )
    return text


def plain_tooltip(text: str) -> str:
    """Client text as a tooltip that Qt cannot mistake for rich text."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class GoogleReviewsModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = (
        "Reviewer",
        "Stars",
        "Date",
        "Comment",
        "Reply",
        "Reply state",
        "Client",
        "Removed",
    )

    def __init__(self, store: Store, tz: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tz = tz
        self._filter = ReviewFilter()
        self._rows: list[ReviewRow] = []
        self._total = 0

    # ------------------------------------------------------------------ data access

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> ReviewRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_filter(self, criteria: ReviewFilter) -> None:
        self._filter = criteria
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        with self._store.read() as session:
            self._total = count_reviews(session, self._filter)
            self._rows = review_rows(session, self._filter, limit=BATCH)
        self.endResetModel()

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid():
            return
        with self._store.read() as session:
            more = review_rows(session, self._filter, offset=len(self._rows), limit=BATCH)
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 3 and row.comment:
                text = row.comment
                if row.comment_original:
                    text += "\n\n" + _tr("Original:") + "\n" + row.comment_original
                return plain_tooltip(text)
            if column == 4 and row.reply_comment:
                return plain_tooltip(row.reply_comment)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.review_id
        return None

    def _display(self, row: ReviewRow, column: int) -> str:
        if column == 0:
            return row.reviewer or _tr("(anonymous)")
        if column == 1:
            return "★" * row.stars if row.stars else "–"
        if column == 2:
            return format_instant(row.created_at, self._tz)
        if column == 3:
            return (row.comment or "").replace("\n", " ")
        if column == 4:
            return (row.reply_comment or "").replace("\n", " ")
        if column == 5:
            return reply_state_text(row.reply_state, row.reply_policy_violation)
        if column == 6:
            return f"{row.client_name} ({row.client_external_id})" if row.client_name else ""
        return _tr("removed") if row.removed else ""
