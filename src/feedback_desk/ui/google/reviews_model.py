"""The Google reviews table: a lazy model whose pages are read on worker threads.

The first page of a filter arrives with its total (from the tab's overview load, or from
:meth:`GoogleReviewsModel.set_filter`); each further page is one query on a worker thread that
seeks past the last row shown (keyset on the ``created_at`` index, never OFFSET). Paging stays in
the background even though pages are small: the search box's LIKE over comments reads the whole
archive, and a studio's archive grows for years. Every load carries a generation number; a page
that answers after a newer filter or refresh started is dropped."""

from __future__ import annotations

import html
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from feedback_desk.services.google.queries import (
    ReviewFilter,
    ReviewPage,
    ReviewRow,
    first_page,
    review_rows,
)
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import format_instant, stars_text

BATCH = 100

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def reply_state_text(state: str | None, violation: str | None) -> str:
    names = {
        "PENDING": QCoreApplication.translate("GoogleReviewsModel", "Pending"),
        "APPROVED": QCoreApplication.translate("GoogleReviewsModel", "Approved"),
        "REJECTED": QCoreApplication.translate("GoogleReviewsModel", "Rejected"),
    }
    text = names.get(state or "", state or "")
    if violation and violation != "POLICY_VIOLATION_UNSPECIFIED":
        text = QCoreApplication.translate("GoogleReviewsModel", "{state} ({violation})").format(
            state=text, violation=violation.replace("_", " ").lower()
        )
    return text


def plain_tooltip(text: str) -> str:
    """Client text as a tooltip that Qt cannot mistake for rich text."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class GoogleReviewsModel(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Reviewer"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Stars"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Date"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Comment"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Reply"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Reply state"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Client"),
        QT_TRANSLATE_NOOP("GoogleReviewsModel", "Removed"),
    )
    loading_changed = Signal(bool)
    load_failed = Signal(object)  # the exception of a page that could not be read

    def __init__(
        self,
        context: WindowContext,
        tz: ZoneInfo,
        parent: Any = None,
        *,
        page_size: int = BATCH,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        # Pages come back only while this model exists and the window's store is open.
        self._tasks = context.tasks_for(self)
        self._page_size = page_size
        self._filter = ReviewFilter()
        self._rows: list[ReviewRow] = []
        self._total = 0
        self._generation = 0
        self._loading = False
        self._fetching = False

    # ------------------------------------------------------------------ data access

    @property
    def total(self) -> int:
        return self._total

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def loading(self) -> bool:
        """A first page (new filter or refresh) is being read."""
        return self._loading

    @property
    def fetching(self) -> bool:
        """A further page is being read."""
        return self._fetching

    def row_at(self, row: int) -> ReviewRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_timezone(self, tz: ZoneInfo) -> None:
        if tz != self._tz:
            self._tz = tz
            if self._rows:
                self.dataChanged.emit(self.index(0, 2), self.index(len(self._rows) - 1, 2))

    # ------------------------------------------------------------------ loading

    def begin_load(self) -> int:
        """A new first page is on its way (its generation is returned): pages still in flight
        for the rows shown now will be dropped."""
        self._generation += 1
        self._fetching = False
        if not self._loading:
            self._loading = True
            self.loading_changed.emit(True)
        return self._generation

    def show_page(self, generation: int, page: ReviewPage) -> None:
        """Show a first page read for load *generation*; nothing changes when a newer load
        started since."""
        if generation != self._generation:
            return
        self.beginResetModel()
        self._filter = page.criteria
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()
        self._end_loading()

    def fail_load(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._end_loading()
            self.load_failed.emit(exc)

    def _end_loading(self) -> None:
        if self._loading:
            self._loading = False
            self.loading_changed.emit(False)

    def set_filter(self, criteria: ReviewFilter) -> None:
        """Show the reviews matching *criteria*: their first page is read in the background."""
        generation = self.begin_load()
        limit = self._page_size
        self._tasks.query(
            QCoreApplication.translate("GoogleReviewsModel", "the Google reviews"),
            lambda session: first_page(session, criteria, limit=limit),
            lambda page: self.show_page(generation, page),
            lambda exc: self.fail_load(generation, exc),
        )

    # ------------------------------------------------------------------ Qt model

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return (
            not parent.isValid()
            and not self._loading
            and not self._fetching
            and len(self._rows) < self._total
        )

    def fetchMore(self, parent: Index = _ROOT) -> None:
        # In the background although a page is small and keyset-indexed: a text search scans
        # the comments, and the view asks for more while the user scrolls.
        if not self.canFetchMore(parent) or not self._rows:
            return
        self._fetching = True
        generation, criteria, last = self._generation, self._filter, self._rows[-1]
        limit = self._page_size
        self._tasks.query(
            QCoreApplication.translate("GoogleReviewsModel", "the Google reviews"),
            lambda session: review_rows(session, criteria, after=last, limit=limit),
            lambda rows: self._append(generation, rows),
            lambda exc: self._fetch_failed(generation, exc),
        )

    def _append(self, generation: int, more: list[ReviewRow]) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if not more:
            self._total = len(self._rows)  # rows went away since the count
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def _fetch_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._fetching = False
            self._total = len(self._rows)  # no retry loop from the view; a refresh tries again
            self.load_failed.emit(exc)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("GoogleReviewsModel", self.COLUMNS[section])
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
                    text += (
                        "\n\n"
                        + QCoreApplication.translate("GoogleReviewsModel", "Original:")
                        + "\n"
                        + row.comment_original
                    )
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
            return row.reviewer or QCoreApplication.translate("GoogleReviewsModel", "(anonymous)")
        if column == 1:
            return stars_text(row.stars) if row.stars else "—"
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
        return QCoreApplication.translate("GoogleReviewsModel", "removed") if row.removed else ""
