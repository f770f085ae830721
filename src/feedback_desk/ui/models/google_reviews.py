"""A table of the studio's Google reviews (a few hundred at most: loaded in one query)."""

from __future__ import annotations

from enum import IntEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from feedback_desk.services.google_review_rows import GoogleReviewRow
from feedback_desk.ui.models.reviews_table import first_line, plain_tooltip, star_text

GoogleReviewIdRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class GoogleColumn(IntEnum):
    DATE = 0
    REVIEWER = 1
    STARS = 2
    COMMENT = 3
    REPLY = 4
    CLIENT = 5


def _tr(text: str) -> str:
    return QCoreApplication.translate("GoogleReviewsTable", text)


class GoogleReviewsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[GoogleReviewRow] = []
        self._tz = ZoneInfo("UTC")

    def set_rows(self, rows: list[GoogleReviewRow], tz: ZoneInfo) -> None:
        """Show *rows*, dated in the studio's zone *tz*."""
        self.beginResetModel()
        self._rows = rows
        self._tz = tz
        self.endResetModel()

    def row(self, row: int) -> GoogleReviewRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(GoogleColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            GoogleColumn.DATE: _tr("Date"),
            GoogleColumn.REVIEWER: _tr("Reviewer"),
            GoogleColumn.STARS: _tr("Stars"),
            GoogleColumn.COMMENT: _tr("Comment"),
            GoogleColumn.REPLY: _tr("Reply"),
            GoogleColumn.CLIENT: _tr("Linked client"),
        }
        return titles.get(GoogleColumn(section)) if 0 <= section < len(GoogleColumn) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        review = self._rows[index.row()]
        column = GoogleColumn(index.column())
        if role == GoogleReviewIdRole:
            return review.review_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(review, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column is GoogleColumn.COMMENT and review.comment:
                return plain_tooltip(review.comment)
            if column is GoogleColumn.REPLY and review.reply:
                return plain_tooltip(review.reply)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is GoogleColumn.STARS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, review: GoogleReviewRow, column: GoogleColumn) -> str:
        match column:
            case GoogleColumn.DATE:
                text = review.created_at.astimezone(self._tz).strftime("%Y-%m-%d")
                return text + (" " + _tr("(removed)") if review.removed else "")
            case GoogleColumn.REVIEWER:
                if review.anonymous or not review.reviewer:
                    return _tr("Anonymous")
                return review.reviewer
            case GoogleColumn.STARS:
                return star_text(review.stars) if review.stars else "—"
            case GoogleColumn.COMMENT:
                return first_line(review.comment) if review.comment else _tr("(rating only)")
            case GoogleColumn.REPLY:
                if not review.reply:
                    return _tr("Not replied")
                states = {
                    "APPROVED": _tr("Replied"),
                    "PENDING": _tr("Reply pending"),
                    "REJECTED": _tr("Reply rejected"),
                }
                return states.get(review.reply_state or "", _tr("Replied"))
            case GoogleColumn.CLIENT:
                return review.client_name or ""
        return ""
