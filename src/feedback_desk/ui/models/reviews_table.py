"""A lazy, sortable table of reviews that every review list of the window reuses.

Rows arrive a page at a time (``canFetchMore``/``fetchMore``): each page is one indexed query run
on a worker thread (see services/review_listing.py), so the view never waits for the database and
a table over a million reviews holds only the pages scrolled to. The count is asked separately,
after the first page. Changing the filters or the order starts a new walk; pages still in
flight for the old one are dropped.

Other features read a row's review with :meth:`ReviewsTableModel.review_id` (or ``ReviewIdRole``).
"""

from __future__ import annotations

import html
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from feedback_desk.domain.kinds import Channel
from feedback_desk.domain.segments import Segment, segment_of
from feedback_desk.services.review_listing import (
    NEWEST,
    PAGE_SIZE,
    ReviewFilter,
    ReviewOrder,
    ReviewPage,
    ReviewPager,
    ReviewRow,
    SortKey,
    count_reviews,
)
from feedback_desk.ui.charts import style
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import channel_name, format_instant, kind_name, stars_text

ReviewIdRole = Qt.ItemDataRole.UserRole + 1
StarsRole = Qt.ItemDataRole.UserRole + 2
ReviewExternalIdRole = Qt.ItemDataRole.UserRole + 3

EDITED_MARK = "✎"
COMMENT_PREVIEW_CHARS = 160

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DATE = 0
    CLIENT = 1
    KIND = 2
    CLASS = 3
    COACH = 4
    STARS = 5
    COMMENT = 6
    CHANNEL = 7


_SORT_KEYS = {
    Column.DATE: SortKey.DATE,
    Column.CLIENT: SortKey.CLIENT,
    Column.KIND: SortKey.KIND,
    Column.CLASS: SortKey.CLASS,
    Column.COACH: SortKey.COACH,
    Column.STARS: SortKey.STARS,
    Column.COMMENT: SortKey.COMMENT,
    Column.CHANNEL: SortKey.CHANNEL,
}
_COLUMN_OF = {key: column for column, key in _SORT_KEYS.items()}

_SEGMENT_COLOURS = {
    Segment.PROMOTER: QColor(style.PROMOTER),
    Segment.PASSIVE: QColor("#A06A00"),  # the palette's orange, darkened to read as text
    Segment.DETRACTOR: QColor(style.DETRACTOR),
}


def column_title(column: Column) -> str:
    return {
        Column.DATE: QCoreApplication.translate("ReviewsTable", "Date"),
        Column.CLIENT: QCoreApplication.translate("ReviewsTable", "Client"),
        Column.KIND: QCoreApplication.translate("ReviewsTable", "Kind"),
        Column.CLASS: QCoreApplication.translate("ReviewsTable", "Class"),
        Column.COACH: QCoreApplication.translate("ReviewsTable", "Coach"),
        Column.STARS: QCoreApplication.translate("ReviewsTable", "Stars"),
        Column.COMMENT: QCoreApplication.translate("ReviewsTable", "Comment"),
        Column.CHANNEL: QCoreApplication.translate("ReviewsTable", "Channel"),
    }[column]


def channel_label(channel: Channel) -> str:
    return channel_name(channel.value)


def first_line(text: str | None, limit: int = COMMENT_PREVIEW_CHARS) -> str:
    if not text:
        return ""
    line = text.strip().splitlines()[0] if text.strip() else ""
    more = len(text.strip()) > len(line)
    if len(line) > limit:
        line, more = line[: limit - 1].rstrip(), True
    return f"{line}…" if more else line


def plain_tooltip(text: str) -> str:
    """A tooltip that shows *text* literally (tooltips would render anything that looks like
    HTML: client text is escaped and wrapped so it stays plain text)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class ReviewsTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    count_changed = Signal(object)  # int, or None while unknown
    order_changed = Signal(object)  # ReviewOrder
    load_failed = Signal(str)

    def __init__(
        self,
        context: WindowContext,
        *,
        filters: ReviewFilter | None = None,
        order: ReviewOrder = NEWEST,
        page_size: int = PAGE_SIZE,
        columns: tuple[Column, ...] = tuple(Column),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._filters = filters or ReviewFilter()
        self._order = order
        self._page_size = page_size
        self._columns = columns
        self._rows: list[ReviewRow] = []
        self._complete = True
        self._fetching = False
        self._generation = 0
        self._pager: ReviewPager | None = None
        self._count: int | None = None
        self._started = False

    # Filters and order --------------------------------------------------------------------
    def filters(self) -> ReviewFilter:
        return self._filters

    def set_filters(self, filters: ReviewFilter, *, force: bool = False) -> None:
        """Show the reviews matching *filters* (reloads when they changed, or when *force*)."""
        if force or filters != self._filters or not self._started:
            self._filters = filters
            self.reload()

    def update_filters(self, **changes: object) -> None:
        self.set_filters(replace(self._filters, **changes))  # type: ignore[arg-type]

    def order(self) -> ReviewOrder:
        return self._order

    def set_order(self, order: ReviewOrder) -> None:
        if order != self._order:
            self._order = order
            self.order_changed.emit(order)
            self.reload()

    def sort_column(self) -> int:
        column = _COLUMN_OF[self._order.key]
        return self._columns.index(column) if column in self._columns else -1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        key = _SORT_KEYS[self._columns[column]]
        self.set_order(ReviewOrder(key, order == Qt.SortOrder.DescendingOrder))

    # Loading ------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._fetching

    @property
    def count(self) -> int | None:
        return self._count

    @property
    def complete(self) -> bool:
        return self._complete

    def reload(self) -> None:
        """Start again from the first page with the current filters and order."""
        self._started = True
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._complete = False
        self._fetching = False
        self._pager = ReviewPager(
            self._filters, self._order, self._context.tz, page_size=self._page_size
        )
        self.endResetModel()
        self._set_count(None)
        self._fetch_page()

    def _fetch_page(self) -> None:
        pager = self._pager
        if pager is None or self._fetching or self._complete:
            return
        self._fetching = True
        self.loading_changed.emit(True)
        generation = self._generation
        self._tasks.query(
            QCoreApplication.translate("ReviewsTable", "reviews"),
            pager.next_page,
            lambda page: self._page_arrived(generation, page),
            lambda exc: self._page_failed(generation, exc),
        )

    def _page_arrived(self, generation: int, page: ReviewPage) -> None:
        if generation != self._generation:
            return
        first_page = not self._rows
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._complete = page.complete
        self._fetching = False
        self.loading_changed.emit(False)
        if first_page:
            if self._complete:
                self._set_count(len(self._rows))
            else:
                self._ask_count(generation)

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._complete = True
        self.loading_changed.emit(False)
        self.load_failed.emit(
            QCoreApplication.translate("ReviewsTable", "Could not load the reviews: {why}").format(
                why=describe_error(exc)
            )
        )

    def _ask_count(self, generation: int) -> None:
        filters, tz = self._filters, self._context.tz

        def arrived(count: int) -> None:
            if generation == self._generation:
                self._set_count(count)

        self._tasks.query(
            QCoreApplication.translate("ReviewsTable", "the number of reviews"),
            lambda session: count_reviews(session, filters, tz),
            arrived,
        )

    def _set_count(self, count: int | None) -> None:
        self._count = count
        self.count_changed.emit(count)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._started and not self._complete

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid():
            self._fetch_page()

    # Reading rows -------------------------------------------------------------------------
    def row(self, row: int) -> ReviewRow:
        return self._rows[row]

    def review_id(self, row: int) -> int:
        return self._rows[row].id

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def column_at(self, index: int) -> Column:
        return self._columns[index]

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column_title(column)
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.STARS:
            return QCoreApplication.translate(
                "ReviewsTable", "{mark} marks stars edited by hand"
            ).format(mark=EDITED_MARK)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        review = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(review, column)
        if role == ReviewIdRole:
            return review.id
        if role == ReviewExternalIdRole:
            return review.external_id
        if role == StarsRole:
            return review.stars
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(review, column)
        if role == Qt.ItemDataRole.AccessibleTextRole and column is Column.STARS:
            text = QCoreApplication.translate("ReviewsTable", "{stars} out of 5 stars").format(
                stars=review.stars
            )
            return text + (
                QCoreApplication.translate("ReviewsTable", ", edited manually")
                if review.edited_manually
                else ""
            )
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.STARS:
            return _SEGMENT_COLOURS[segment_of(review.stars)]
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.STARS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, review: ReviewRow, column: Column) -> str:
        match column:
            case Column.DATE:
                return format_instant(review.created_at, self._context.tz)
            case Column.CLIENT:
                return review.client_name
            case Column.KIND:
                return kind_name(review.kind.value)
            case Column.CLASS:
                return review.class_name or ""
            case Column.COACH:
                return review.coach_name or ""
            case Column.STARS:
                mark = f" {EDITED_MARK}" if review.edited_manually else ""
                return stars_text(review.stars) + mark
            case Column.COMMENT:
                return first_line(review.comment)
            case Column.CHANNEL:
                return channel_label(review.channel)
        return ""

    def _tooltip(self, review: ReviewRow, column: Column) -> str | None:
        if column is Column.COMMENT and review.comment:
            return plain_tooltip(review.comment)
        if column is Column.STARS:
            text = QCoreApplication.translate("ReviewsTable", "{stars} out of 5").format(
                stars=review.stars
            )
            if review.edited_manually:
                text += " — " + QCoreApplication.translate("ReviewsTable", "edited manually")
            return plain_tooltip(text)
        if column is Column.CLIENT:
            return plain_tooltip(f"{review.client_name} ({review.client_external_id})")
        if column is Column.DATE:
            return plain_tooltip(review.external_id)
        return None
