"""A lazy, sortable table of actions to take.

Rows arrive a page at a time (``canFetchMore``/``fetchMore``), each page read on a worker
thread by an :class:`ActionPager` (services/action_worklist.py), whose first page also tells how
many actions match. Changing the filters or the order starts a new walk; pages still in flight
for the old one are dropped. Every cell is shown through the display role (plain text) and every
tooltip is escaped: comments, notes and names are client or staff text.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from feedback_desk.services.action_worklist import (
    NEWEST_FIRST,
    PAGE_SIZE,
    ActionPage,
    ActionPager,
    SortKey,
    WorklistFilter,
    WorklistOrder,
    WorklistRow,
)
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.formatting import (
    edited_badge,
    format_instant,
    kind_name,
    outcome_name,
    plain_tooltip,
    stars_text,
)
from feedback_desk.ui.models.reviews_table import EDITED_MARK, first_line

ReviewIdRole = Qt.ItemDataRole.UserRole + 1
ActionIdRole = Qt.ItemDataRole.UserRole + 2
# The client's email that opened an action with no review (what such a row opens).
InboundIdRole = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    REVIEWED = 0
    CLIENT = 1
    KIND = 2
    CLASS = 3
    COACH = 4
    STARS = 5
    COMMENT = 6
    CONTACTS = 7
    OPENED = 8
    CLOSED = 9
    OUTCOME = 10


_SORT_KEYS = {column: SortKey[column.name] for column in Column}


class ActionsTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    count_changed = Signal(object)  # int, or None while unknown
    load_failed = Signal(object)  # how to say why, in the language shown (ui/status.py)

    def __init__(
        self,
        context: WindowContext,
        *,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._filters = WorklistFilter()
        self._order = NEWEST_FIRST
        self._page_size = page_size
        self._rows: list[WorklistRow] = []
        self._complete = True
        self._fetching = False
        self._generation = 0
        self._pager: ActionPager | None = None
        self._count: int | None = None
        self._started = False

    # Filters and order --------------------------------------------------------------------
    def filters(self) -> WorklistFilter:
        return self._filters

    def set_filters(self, filters: WorklistFilter, *, force: bool = False) -> None:
        """Show the actions matching *filters* (reloads when they changed, or when *force*)."""
        if force or filters != self._filters or not self._started:
            self._filters = filters
            self.reload()

    def order(self) -> WorklistOrder:
        return self._order

    def sort_column(self) -> int:
        return next(column for column, key in _SORT_KEYS.items() if key is self._order.key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        chosen = WorklistOrder(_SORT_KEYS[Column(column)], order == Qt.SortOrder.DescendingOrder)
        if chosen != self._order:
            self._order = chosen
            self.reload()

    # Loading ------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._fetching

    @property
    def busy(self) -> bool:
        """A page is being read."""
        return self._tasks.busy

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
        self._pager = ActionPager(self._filters, self._order, page_size=self._page_size)
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
            self.tr("the actions to take"),
            pager.next_page,
            lambda page: self._page_arrived(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    def _page_arrived(self, generation: int, page: ActionPage) -> None:
        if generation != self._generation:
            return
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._complete = page.complete
        self._fetching = False
        self.loading_changed.emit(False)
        if self._count is None:
            self._set_count(page.total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._complete = True
        self.loading_changed.emit(False)
        self.load_failed.emit(
            lambda: self.tr("Could not load the actions: {why}").format(why=describe_error(exc))
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
    def row(self, row: int) -> WorklistRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._title(Column(section))
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            # A first click on a date or the contacts shows the newest or the most first.
            latest_first = section in (
                Column.REVIEWED,
                Column.CONTACTS,
                Column.OPENED,
                Column.CLOSED,
            )
            return Qt.SortOrder.DescendingOrder if latest_first else Qt.SortOrder.AscendingOrder
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.REVIEWED:
            return self.tr("When the client gave the review (the age filter counts from it)")
        return None

    def _title(self, column: Column) -> str:
        return {
            Column.REVIEWED: self.tr("Reviewed"),
            Column.CLIENT: self.tr("Client"),
            Column.KIND: self.tr("Kind"),
            Column.CLASS: self.tr("Class"),
            Column.COACH: self.tr("Coach"),
            Column.STARS: self.tr("Stars"),
            Column.COMMENT: self.tr("Comment"),
            Column.CONTACTS: self.tr("Contacts"),
            Column.OPENED: self.tr("Opened"),
            Column.CLOSED: self.tr("Closed"),
            Column.OUTCOME: self.tr("Outcome"),
        }[column]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column)
        if role == ReviewIdRole:
            return action.review_id
        if role == ActionIdRole:
            return action.action_id
        if role == InboundIdRole:
            return action.inbound_message_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(action, column))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.STARS,
            Column.CONTACTS,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, action: WorklistRow, column: Column) -> str:
        tz = self._context.tz
        match column:
            case Column.REVIEWED:
                return format_instant(action.reviewed_at, tz)
            case Column.CLIENT:
                return action.client_name
            case Column.KIND:
                return kind_name(action.kind.value) if action.kind else self.tr("Email reply")
            case Column.CLASS:
                return action.class_name or ""
            case Column.COACH:
                return action.coach_name or ""
            case Column.STARS:
                if action.stars is None:
                    return "—"
                mark = f" {EDITED_MARK}" if action.edited_manually else ""
                return stars_text(action.stars) + mark
            case Column.COMMENT:
                return first_line(action.comment)
            case Column.CONTACTS:
                return QLocale().toString(action.contacts)
            case Column.OPENED:
                return format_instant(action.opened_at, tz)
            case Column.CLOSED:
                return format_instant(action.closed_at, tz) if action.closed_at else ""
            case Column.OUTCOME:
                return outcome_name(action.outcome.value) if action.outcome else self.tr("Open")
        return ""

    def _tooltip(self, action: WorklistRow, column: Column) -> str | None:
        match column:
            case Column.REVIEWED if action.review is None:
                return self.tr("The client's reply to the outreach (no review)")
            case Column.REVIEWED:
                return self.tr("Review {review}").format(review=action.review)
            case Column.CLIENT:
                return f"{action.client_name} ({action.client})"
            case Column.STARS if action.stars is not None:
                text = self.tr("{stars} out of 5").format(stars=action.stars)
                return f"{text} — {edited_badge()}" if action.edited_manually else text
            case Column.COMMENT:
                return action.comment
            case Column.CLOSED | Column.OUTCOME if action.closed_at is not None:
                by = self.tr("Closed by {staff}").format(staff=action.closed_by or "?")
                return f"{by}\n{action.note}" if action.note else by
        return None
