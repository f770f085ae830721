"""The worklist of actions to take: every action, open or closed, filtered, sorted, counted and
read a page at a time in SQL, and closed in bulk (with the closing undone on request).

An action opened by a client's reply to the outreach has no review: its row shows the reply (its
date, its client, its text) and opens it; the filters on the review's kind, coach, class and date
leave it out.

A listing sorts the matching action ids once, in SQL (joined only to what the filters and the
order need); the length of that list is the count. Each page is then one query by id: the
action, its review, client, class and coach by joins, and the number of contacts by a correlated
count on the ``action_contacts.action_id`` index (bench/action_worklist.py measures them).

Bulk closing and its undo change only what they are given: closing skips actions closed
meanwhile; the undo reopens only the actions that closing closed and that are still closed with
its outcome at its time. Both write one audit entry per action (docs/rules.md#actions-to-take).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, literal, select, update
from sqlalchemy.orm import Session, aliased

from feedback_desk.domain.kinds import ActionOutcome, ReviewKind
from feedback_desk.domain.text import fold
from feedback_desk.services import audit
from feedback_desk.store.models import (
    Action,
    ActionContact,
    ClassSession,
    ClassType,
    Client,
    Coach,
    InboundMessage,
    Review,
)

PAGE_SIZE = 200
# Ids per IN (...) list: well under SQLite's limit on bound parameters.
ID_CHUNK = 500


class ActionState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    ALL = "all"


class ActionAge(StrEnum):
    """How long ago the action's review was given, in the studio's local days (0 = today)."""

    UNDER_A_WEEK = "under_a_week"  # 0 to 6 days
    WEEK_TO_MONTH = "week_to_month"  # 7 to 30 days
    OVER_A_MONTH = "over_a_month"  # 31 days or more
    OVER_THREE_MONTHS = "over_three_months"  # 91 days or more


def age_days(age: ActionAge, today: date) -> tuple[date | None, date | None]:
    """The first and last local day of a review of that *age* as of *today* (None: open)."""
    if age is ActionAge.UNDER_A_WEEK:
        return today - timedelta(days=6), None
    if age is ActionAge.WEEK_TO_MONTH:
        return today - timedelta(days=30), today - timedelta(days=7)
    if age is ActionAge.OVER_A_MONTH:
        return None, today - timedelta(days=31)
    return None, today - timedelta(days=91)


class SortKey(StrEnum):
    REVIEWED = "reviewed"
    CLIENT = "client"
    KIND = "kind"
    CLASS = "class"
    COACH = "coach"
    STARS = "stars"
    COMMENT = "comment"
    CONTACTS = "contacts"
    OPENED = "opened"
    CLOSED = "closed"
    OUTCOME = "outcome"


@dataclass(frozen=True)
class WorklistOrder:
    key: SortKey = SortKey.REVIEWED
    descending: bool = True


NEWEST_FIRST = WorklistOrder()


@dataclass(frozen=True)
class WorklistFilter:
    state: ActionState = ActionState.OPEN
    # Only closed actions with this outcome (whatever the state says).
    outcome: ActionOutcome | None = None
    kind: ReviewKind | None = None
    coach_id: int | None = None
    class_id: int | None = None
    # The review's local days, inclusive.
    reviewed_from: date | None = None
    reviewed_until: date | None = None
    client_search: str = ""

    @property
    def narrows(self) -> bool:
        """Anything beyond the state limits the actions (for the empty state's wording)."""
        return bool(
            self.kind
            or self.coach_id
            or self.class_id
            or self.reviewed_from
            or self.reviewed_until
            or self.client_search.strip()
        )


@dataclass(frozen=True)
class WorklistRow:
    action_id: int
    # None (with kind and stars) for an action a client's reply opened: inbound_message_id.
    review_id: int | None
    review: str | None  # the review's id as the studio knows it
    client_id: int
    client: str
    client_name: str
    kind: ReviewKind | None
    class_name: str | None
    coach_name: str | None
    stars: int | None
    edited_manually: bool
    reviewed_at: datetime  # the review's date, or the reply's
    comment: str | None  # the review's comment, or the reply's subject and text
    opened_at: datetime
    closed_at: datetime | None
    closed_by: str | None
    outcome: ActionOutcome | None
    note: str | None
    contacts: int
    inbound_message_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


_coach = aliased(Coach)
# The date the "Reviewed" column shows and sorts: the review's, or the reply's.
_reviewed_at = func.coalesce(Review.created_at, InboundMessage.received_at)
_client_id = func.coalesce(Review.client_id, InboundMessage.client_id)
_comment = func.coalesce(Review.comment, InboundMessage.text)
_contacts = (
    select(func.count(ActionContact.id))
    .where(ActionContact.action_id == Action.id)
    .correlate(Action)
    .scalar_subquery()
)


def _matching(filters: WorklistFilter, key: SortKey | None = None) -> Select[int]:
    """The ids of the actions matching *filters*, joined to their review or reply and to what
    the filters and the sort *key* need.

    Review-side filters are written so that SQLite never walks the reviews' kind index (every
    review, most of them without an action): the actions, or the sessions of a coach or class,
    are the smaller place to start.
    """
    stmt = (
        select(Action.id)
        .outerjoin(Review, Review.id == Action.review_id)
        .outerjoin(InboundMessage, InboundMessage.id == Action.inbound_message_id)
    )
    words = fold(filters.client_search).split()
    if words or key is SortKey.CLIENT:
        stmt = stmt.join(Client, Client.id == _client_id)
    if key in (SortKey.CLASS, SortKey.COACH):
        stmt = stmt.outerjoin(ClassSession, ClassSession.id == Review.session_id)
        if key is SortKey.CLASS:
            stmt = stmt.outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        else:
            stmt = stmt.outerjoin(_coach, _coach.id == ClassSession.coach_id)
    if filters.outcome is not None:
        stmt = stmt.where(Action.closed_at.is_not(None), Action.outcome == filters.outcome)
    elif filters.state is ActionState.OPEN:
        stmt = stmt.where(Action.closed_at.is_(None))
    elif filters.state is ActionState.CLOSED:
        stmt = stmt.where(Action.closed_at.is_not(None))
    if filters.kind is not None:
        stmt = stmt.where(func.lower(Review.kind) == filters.kind.value)
    if filters.reviewed_from is not None:
        stmt = stmt.where(Review.local_day >= filters.reviewed_from)
    if filters.reviewed_until is not None:
        stmt = stmt.where(Review.local_day <= filters.reviewed_until)
    if filters.coach_id is not None or filters.class_id is not None:
        sessions = select(ClassSession.id)
        if filters.coach_id is not None:
            sessions = sessions.where(ClassSession.coach_id == filters.coach_id)
        if filters.class_id is not None:
            sessions = sessions.where(ClassSession.class_id == filters.class_id)
        stmt = stmt.where(Review.session_id.in_(sessions))
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Client.search_key.like(f"%{escaped}%", escape="\\"))
    return stmt


def _sort_column(key: SortKey) -> Any:
    """The SQL expression of a column; text is compared lower-cased, empty cells are NULL (they
    sort last in both directions)."""
    match key:
        case SortKey.REVIEWED:
            return _reviewed_at
        case SortKey.CLIENT:
            return Client.search_key  # folded: accents and case ignored
        case SortKey.KIND:
            return Review.kind
        case SortKey.CLASS:
            return func.lower(ClassType.name)
        case SortKey.COACH:
            return func.lower(_coach.first_name + literal(" ") + _coach.last_name)
        case SortKey.STARS:
            return Review.stars
        case SortKey.COMMENT:
            return func.lower(func.nullif(func.trim(_comment), ""))
        case SortKey.CONTACTS:
            return _contacts
        case SortKey.OPENED:
            return Action.opened_at
        case SortKey.CLOSED:
            return Action.closed_at
        case SortKey.OUTCOME:
            return Action.outcome
    raise ValueError(f"no column for sort key {key!r}")


def _ordered_ids(filters: WorklistFilter, order: WorklistOrder) -> Select[int]:
    column = _sort_column(order.key)
    direction = column.desc() if order.descending else column.asc()
    return _matching(filters, order.key).order_by(
        direction.nulls_last(), _reviewed_at.desc(), Action.id.desc()
    )


def _rows(session: Session, action_ids: Sequence[int]) -> list[WorklistRow]:
    """The rows of *action_ids*, in that order: one query, whatever the number of contacts."""
    stmt = (
        select(
            Action,
            Review.external_id,
            Review.kind,
            Review.stars,
            Review.edited_manually,
            _reviewed_at.label("reviewed_at"),
            _comment.label("comment"),
            Client.id.label("client_id"),
            Client.external_id.label("client"),
            Client.first_name,
            Client.last_name,
            ClassType.name.label("class_name"),
            _coach.first_name.label("coach_first"),
            _coach.last_name.label("coach_last"),
            _contacts.label("contacts"),
        )
        .outerjoin(Review, Review.id == Action.review_id)
        .outerjoin(InboundMessage, InboundMessage.id == Action.inbound_message_id)
        .join(Client, Client.id == _client_id)
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .outerjoin(_coach, _coach.id == ClassSession.coach_id)
        .where(Action.id.in_(action_ids))
    )
    found = {row.Action.id: _row(row) for row in session.execute(stmt)}
    return [found[ident] for ident in action_ids if ident in found]


def _row(r: Any) -> WorklistRow:
    action: Action = r.Action
    return WorklistRow(
        action_id=action.id,
        review_id=action.review_id,
        review=r.external_id,
        client_id=r.client_id,
        client=r.client,
        client_name=f"{r.first_name} {r.last_name}".strip(),
        kind=r.kind,
        class_name=r.class_name,
        coach_name=f"{r.coach_first} {r.coach_last}".strip() if r.coach_first else None,
        stars=r.stars,
        edited_manually=r.edited_manually,
        reviewed_at=r.reviewed_at,
        comment=r.comment,
        opened_at=action.opened_at,
        closed_at=action.closed_at,
        closed_by=action.closed_by,
        outcome=action.outcome,
        note=action.note,
        contacts=int(r.contacts or 0),
        inbound_message_id=action.inbound_message_id,
    )


@dataclass(frozen=True)
class ActionPage:
    rows: list[WorklistRow]
    total: int  # how many actions match the filters
    complete: bool  # nothing after these rows


class ActionPager:
    """Pages of the actions matching *filters* in *order*.

    The first page sorts the matching ids in SQL (one query, which also gives the total); each
    page then reads its rows by id, so a page deep in five years of history costs what the first
    costs. Call :meth:`next_page` from one thread at a time (the table asks for one page at a
    time, on a worker thread).
    """

    def __init__(
        self,
        filters: WorklistFilter,
        order: WorklistOrder = NEWEST_FIRST,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.filters = filters
        self.order = order
        self.page_size = page_size
        self._ids: array[int] | None = None
        self._position = 0

    def next_page(self, session: Session) -> ActionPage:
        if self._ids is None:
            self._ids = array("q", session.scalars(_ordered_ids(self.filters, self.order)))
        chunk = list(self._ids[self._position : self._position + self.page_size])
        self._position += len(chunk)
        rows = _rows(session, chunk) if chunk else []
        return ActionPage(rows, len(self._ids), self._position >= len(self._ids))


def open_action_ids(session: Session, filters: WorklistFilter) -> list[int]:
    """The open actions among those matching *filters* (what "Close all shown" closes)."""
    stmt = _matching(filters).where(Action.closed_at.is_(None)).order_by(Action.id)
    return list(session.scalars(stmt))


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), ID_CHUNK):
        yield unique[start : start + ID_CHUNK]


def _review_ids(session: Session, action_review: dict[int, int | None]) -> dict[int, str]:
    """The studio's review id of each action (for the audit log); an action opened by a reply
    to outreach has no review and is named by its own id."""
    found: dict[int, str] = {}
    reviews = [review for review in action_review.values() if review is not None]
    for chunk in _chunks(reviews):
        rows = session.execute(select(Review.id, Review.external_id).where(Review.id.in_(chunk)))
        found.update(rows.all())
    return {
        action: found[review] if review is not None else f"action {action}"
        for action, review in action_review.items()
    }


def close_actions(
    session: Session,
    action_ids: Sequence[int],
    outcome: ActionOutcome,
    note: str | None,
    *,
    at: datetime,
    actor: str,
) -> list[int]:
    """Close those of *action_ids* still open with one outcome and note; returns the ids closed.

    Each closed action gets its own audit entry, as when it is closed alone (``bulk`` says how
    many were closed together)."""
    cleaned = (note or "").strip() or None
    closed: dict[int, int | None] = {}  # action id → review id
    for chunk in _chunks(action_ids):
        rows = session.execute(
            update(Action)
            .where(Action.id.in_(chunk), Action.closed_at.is_(None))
            .values(closed_at=at, closed_by=actor, outcome=outcome, note=cleaned)
            .returning(Action.id, Action.review_id)
            .execution_options(synchronize_session=False)
        )
        closed.update(rows.all())
    reviews = _review_ids(session, closed)
    for ident in sorted(closed):
        audit.record(
            session,
            at=at,
            actor=actor,
            action="action.closed",
            entity_type="review",
            entity_id=reviews[ident],
            outcome=outcome.value,
            note=cleaned,
            bulk=len(closed),
        )
    return sorted(closed)


def reopen_actions(
    session: Session,
    action_ids: Sequence[int],
    *,
    closed_at: datetime,
    outcome: ActionOutcome,
    at: datetime,
    actor: str,
) -> list[int]:
    """Undo a bulk close: reopen those of *action_ids* still closed with *outcome* at
    *closed_at* (one changed since is left alone); returns the ids reopened.

    They are open again as they were before (same opened time, no outcome or note); each gets an
    ``action.reopened`` audit entry with what its closing had said."""
    before: dict[int, tuple[str | None, str | None]] = {}  # action id → (note, closed by)
    for chunk in _chunks(action_ids):
        before.update(
            (ident, (note, closed_by))
            for ident, note, closed_by in session.execute(
                select(Action.id, Action.note, Action.closed_by)
                .where(
                    Action.id.in_(chunk),
                    Action.closed_at == closed_at,
                    Action.outcome == outcome,
                )
                .with_for_update()
            )
        )
    reopened: dict[int, int | None] = {}
    for chunk in _chunks(before):
        rows = session.execute(
            update(Action)
            .where(Action.id.in_(chunk), Action.closed_at == closed_at, Action.outcome == outcome)
            .values(closed_at=None, closed_by=None, outcome=None, note=None)
            .returning(Action.id, Action.review_id)
            .execution_options(synchronize_session=False)
        )
        reopened.update(rows.all())
    reviews = _review_ids(session, reopened)
    for ident in sorted(reopened):
        note, closed_by = before[ident]
        audit.record(
            session,
            at=at,
            actor=actor,
            action="action.reopened",
            entity_type="review",
            entity_id=reviews[ident],
            old_outcome=outcome.value,
            old_note=note,
            old_closed_at=closed_at.isoformat(),
            old_closed_by=closed_by,
            undo=True,
        )
    return sorted(reopened)
