"""Reviews for tables: filtered, sorted, one page at a time, cheap on a million reviews.

A :class:`ReviewPager` walks one filter and order page by page:

- **Date order** seeks past the previous page's last row (keyset pagination, never OFFSET), so page
  500 costs what page 1 costs. With a kind, it walks the covering index
  ``(kind, local_day, stars, session_id)`` by local day (the period filter is a range on it; the
  order within a day is settled by a small sort); without one, the ``created_at`` index.
- **Stars order** (lowest/highest) is five date-ordered walks, one per star value, in turn: the
  star filter is read from the same covering index, so no sort of the whole table is needed.
- **Any other column** (client, class, coach, comment, channel, kind) has no index to walk:
  the pager sorts the matching review ids once, then fetches each page by id.

Client search matches every typed word in the folded ``clients.search_key`` (case and accents
ignored). When few clients match, the walk starts from them (index on ``client_id``); when many
match, it walks the reviews and checks the client, whichever reads fewer rows.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.domain.localtime import day_bounds
from feedback_desk.domain.text import fold
from feedback_desk.store.models import ClassSession, ClassType, Client, Coach, Review

PAGE_SIZE = 200
# Up to this many matching clients, a search walks their reviews through the client index.
FEW_CLIENTS = 300


class SortKey(StrEnum):
    DATE = "date"
    CLIENT = "client"
    KIND = "kind"
    CLASS = "class"
    COACH = "coach"
    STARS = "stars"
    COMMENT = "comment"
    CHANNEL = "channel"


@dataclass(frozen=True)
class ReviewOrder:
    key: SortKey = SortKey.DATE
    descending: bool = True


NEWEST = ReviewOrder(SortKey.DATE, True)
OLDEST = ReviewOrder(SortKey.DATE, False)
LOWEST = ReviewOrder(SortKey.STARS, False)
HIGHEST = ReviewOrder(SortKey.STARS, True)


@dataclass(frozen=True)
class ReviewFilter:
    kind: ReviewKind | None = None
    first_day: date | None = None  # local days, inclusive
    last_day: date | None = None
    coach_id: int | None = None
    class_id: int | None = None
    client_search: str = ""

    @property
    def narrows(self) -> bool:
        """True when anything beyond the kind limits the reviews (for empty-state wording)."""
        return bool(
            self.first_day
            or self.last_day
            or self.coach_id
            or self.class_id
            or self.client_search.strip()
        )


@dataclass(frozen=True)
class ReviewRow:
    id: int
    external_id: str
    created_at: datetime
    kind: ReviewKind
    stars: int
    edited_manually: bool
    comment: str | None
    channel: Channel
    client_name: str
    client_external_id: str
    class_name: str | None
    coach_name: str | None


@dataclass(frozen=True)
class ReviewPage:
    rows: list[ReviewRow]
    complete: bool  # nothing after these rows


_coach = aliased(Coach)
SortColumn = tuple[Any, bool]  # (SQL expression, descending)


def _search_words(text: str) -> list[ColumnElement[bool]]:
    words = fold(text).split()
    escaped = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in words)
    return [Client.search_key.like(f"%{w}%", escape="\\") for w in escaped]


@dataclass(frozen=True)
class _Scope:
    """The WHERE clause of one listing, and which index it should walk."""

    conditions: list[Any]
    by_day: bool  # order by (local_day, created_at, id): walk the kind/day index
    empty: bool = False


def _scope(session: Session, filters: ReviewFilter, tz: ZoneInfo) -> _Scope:
    conditions: list[Any] = []
    words = _search_words(filters.client_search)
    few_clients: list[int] | None = None
    if words:
        found = session.scalars(select(Client.id).where(*words).limit(FEW_CLIENTS + 1)).all()
        if not found:
            return _Scope([], by_day=False, empty=True)
        if len(found) <= FEW_CLIENTS:
            few_clients = list(found)
    # Walk by local day on the kind's index, unless a handful of clients is the better start.
    by_day = filters.kind is not None and few_clients is None
    if filters.kind is not None:
        if by_day:
            conditions.append(Review.kind == filters.kind)
        else:
            # An expression the planner cannot use as an index: it starts from the clients.
            conditions.append(func.lower(Review.kind) == filters.kind.value)
    if few_clients is not None:
        conditions.append(Review.client_id.in_(few_clients))
    elif words:
        conditions.append(Review.client_id.in_(select(Client.id).where(*words)))
    if filters.first_day is not None:
        if by_day:
            conditions.append(Review.local_day >= filters.first_day)
        else:
            conditions.append(
                Review.created_at >= day_bounds(filters.first_day, filters.first_day, tz)[0]
            )
    if filters.last_day is not None:
        if by_day:
            conditions.append(Review.local_day <= filters.last_day)
        else:
            conditions.append(
                Review.created_at < day_bounds(filters.last_day, filters.last_day, tz)[1]
            )
    if filters.coach_id is not None or filters.class_id is not None:
        sessions = select(ClassSession.id)
        if filters.coach_id is not None:
            sessions = sessions.where(ClassSession.coach_id == filters.coach_id)
        if filters.class_id is not None:
            sessions = sessions.where(ClassSession.class_id == filters.class_id)
        conditions.append(Review.session_id.in_(sessions))
    return _Scope(conditions, by_day)


def _date_columns(by_day: bool, descending: bool) -> list[SortColumn]:
    if by_day:
        return [
            (Review.local_day, descending),
            (Review.created_at, descending),
            (Review.id, descending),
        ]
    return [(Review.created_at, descending), (Review.id, descending)]


def _other_column(key: SortKey) -> Any:
    match key:
        case SortKey.CLIENT:
            return Client.search_key
        case SortKey.KIND:
            return Review.kind
        case SortKey.CLASS:
            return func.coalesce(ClassType.name, literal(""))
        case SortKey.COACH:
            return (
                func.coalesce(_coach.first_name, literal(""))
                + literal(" ")
                + func.coalesce(_coach.last_name, literal(""))
            )
        case SortKey.COMMENT:
            return func.coalesce(Review.comment, literal(""))
        case SortKey.CHANNEL:
            return Review.channel
    raise ValueError(f"no column for sort key {key!r}")


def _after(columns: Sequence[SortColumn], cursor: Sequence[Any]) -> Any:
    """Rows strictly after *cursor* in the order of *columns* (mixed directions allowed)."""
    clauses = []
    for index, (column, descending) in enumerate(columns):
        equal_before = [c == v for (c, _), v in zip(columns[:index], cursor, strict=False)]
        step = column < cursor[index] if descending else column > cursor[index]
        clauses.append(and_(*equal_before, step))
    return or_(*clauses)


def _row_query(extra: Sequence[Any] = ()) -> Any:
    return (
        select(
            Review.id,
            Review.external_id,
            Review.created_at,
            Review.kind,
            Review.stars,
            Review.edited_manually,
            Review.comment,
            Review.channel,
            Client.first_name,
            Client.last_name,
            Client.external_id.label("client_external_id"),
            ClassType.name.label("class_name"),
            _coach.first_name.label("coach_first"),
            _coach.last_name.label("coach_last"),
            *extra,
        )
        .join(Client, Client.id == Review.client_id)
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .outerjoin(_coach, _coach.id == ClassSession.coach_id)
    )


def _to_row(r: Any) -> ReviewRow:
    return ReviewRow(
        id=r.id,
        external_id=r.external_id,
        created_at=r.created_at,
        kind=r.kind,
        stars=r.stars,
        edited_manually=r.edited_manually,
        comment=r.comment,
        channel=r.channel,
        client_name=f"{r.first_name} {r.last_name}".strip(),
        client_external_id=r.client_external_id,
        class_name=r.class_name,
        coach_name=f"{r.coach_first} {r.coach_last}".strip() if r.coach_first else None,
    )


class ReviewPager:
    """Pages of the reviews matching *filters* in *order*.

    Holds where the last page ended; call :meth:`next_page` from one thread at a time (a table
    model fetches one page at a time on a worker thread).
    """

    def __init__(
        self,
        filters: ReviewFilter,
        order: ReviewOrder,
        tz: ZoneInfo,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.filters = filters
        self.order = order
        self.tz = tz
        self.page_size = page_size
        self.complete = False
        self._cursor: tuple[Any, ...] | None = None
        self._star = 1 if not order.descending else 5  # stars order: the partition walked
        self._ids: array[int] | None = None  # other orders: the sorted ids
        self._position = 0

    def next_page(self, session: Session) -> ReviewPage:
        if self.complete:
            return ReviewPage([], True)
        scope = _scope(session, self.filters, self.tz)
        if scope.empty:
            self.complete = True
            return ReviewPage([], True)
        if self.order.key is SortKey.DATE:
            rows = self._keyset(session, scope, [], self.page_size)
        elif self.order.key is SortKey.STARS:
            rows = self._by_stars(session, scope)
        else:
            rows = self._by_ids(session, scope)
        return ReviewPage(rows, self.complete)

    def _keyset(
        self, session: Session, scope: _Scope, extra: list[Any], limit: int
    ) -> list[ReviewRow]:
        descending = self.order.descending if self.order.key is SortKey.DATE else True
        columns = _date_columns(scope.by_day, descending)
        keys = [column.label(f"k{i}") for i, (column, _) in enumerate(columns)]
        query = (
            _row_query(keys)
            .where(*scope.conditions, *extra)
            .order_by(*(c.desc() if d else c.asc() for c, d in columns))
        )
        if self._cursor is not None:
            query = query.where(_after(columns, self._cursor))
        results = session.execute(query.limit(limit + 1)).all()
        page = results[:limit]
        if page:
            self._cursor = tuple(page[-1][-len(columns) :])
        more = len(results) > limit
        if self.order.key is SortKey.DATE:
            self.complete = not more
        return [_to_row(r) for r in page]

    def _by_stars(self, session: Session, scope: _Scope) -> list[ReviewRow]:
        rows: list[ReviewRow] = []
        step = -1 if self.order.descending else 1
        while 1 <= self._star <= 5 and len(rows) < self.page_size:
            wanted = self.page_size - len(rows)
            found = self._keyset(session, scope, [Review.stars == self._star], wanted)
            rows += found
            if len(found) < wanted:
                self._star += step
                self._cursor = None
        self.complete = not 1 <= self._star <= 5
        return rows

    def _by_ids(self, session: Session, scope: _Scope) -> list[ReviewRow]:
        if self._ids is None:
            column = _other_column(self.order.key)
            direction = column.desc() if self.order.descending else column.asc()
            query = (
                select(Review.id)
                .join(Client, Client.id == Review.client_id)
                .outerjoin(ClassSession, ClassSession.id == Review.session_id)
                .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
                .outerjoin(_coach, _coach.id == ClassSession.coach_id)
                .where(*scope.conditions)
                .order_by(direction, Review.created_at.desc(), Review.id.desc())
            )
            self._ids = array("q", session.scalars(query))
        chunk = list(self._ids[self._position : self._position + self.page_size])
        self._position += len(chunk)
        self.complete = self._position >= len(self._ids)
        if not chunk:
            return []
        found = {r.id: r for r in session.execute(_row_query().where(Review.id.in_(chunk)))}
        return [_to_row(found[i]) for i in chunk if i in found]


def count_reviews(session: Session, filters: ReviewFilter, tz: ZoneInfo) -> int:
    scope = _scope(session, filters, tz)
    if scope.empty:
        return 0
    query = select(func.count()).select_from(Review).where(*scope.conditions)
    return int(session.scalar(query) or 0)


def coach_choices(session: Session) -> list[tuple[int, str]]:
    """Coaches by name, for a filter list."""
    rows = session.execute(
        select(Coach.id, Coach.first_name, Coach.last_name).order_by(
            Coach.first_name, Coach.last_name, Coach.id
        )
    )
    return [(ident, f"{first} {last}".strip()) for ident, first, last in rows]


def class_choices(session: Session) -> list[tuple[int, str]]:
    """Classes by name, for a filter list."""
    return [
        (ident, name)
        for ident, name in session.execute(
            select(ClassType.id, ClassType.name).order_by(ClassType.name)
        )
    ]
