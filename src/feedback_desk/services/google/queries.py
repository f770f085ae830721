"""What the Google tab, its charts and ``google reviews --json`` read: windowed pages of reviews
with their links, and the monthly and per-star counts computed in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from feedback_desk.domain.localtime import add_months, day_start, iter_months, local_day
from feedback_desk.store.models import Client, GoogleLink, GoogleLocation, GoogleReview


@dataclass(frozen=True)
class ReviewFilter:
    not_linked: bool = False
    not_replied: bool = False
    removed: bool = False
    # Folded words typed in the tab's search box, matched on reviewer and comment.
    text: str = ""


@dataclass(frozen=True)
class ReviewRow:
    id: int
    review_id: str
    reviewer: str | None
    anonymous: bool
    stars: int | None
    comment: str | None
    comment_original: str | None
    create_time: str
    created_at: datetime
    update_time: str | None
    reply_comment: str | None
    reply_update_time: str | None
    reply_state: str | None
    reply_policy_violation: str | None
    client_external_id: str | None
    client_name: str | None
    client_email: str | None
    removed: bool

    def contract_json(self) -> dict[str, Any]:
        """The shape of ``google reviews --json`` (docs/rules.md#json-shapes)."""
        reply = (
            {
                "comment": self.reply_comment,
                "updated_at": self.reply_update_time,
                "state": self.reply_state,
            }
            if self.reply_comment is not None
            else None
        )
        return {
            "review": self.review_id,
            "reviewer": self.reviewer,
            "anonymous": self.anonymous,
            "stars": self.stars,
            "comment": self.comment,
            "created_at": self.create_time,
            "updated_at": self.update_time,
            "reply": reply,
            "client": self.client_external_id,
            "removed": self.removed,
        }


@dataclass(frozen=True)
class MonthlyCount:
    month: date  # first day of the studio-local month
    new: int
    cumulative: int


def _rows_query(criteria: ReviewFilter) -> Select[Any]:
    query: Select[Any] = (
        select(  # type: ignore[assignment]
            GoogleReview,
            Client.external_id,
            Client.first_name,
            Client.last_name,
            Client.email,
        )
        .outerjoin(GoogleLink, GoogleLink.google_review_id == GoogleReview.id)
        .outerjoin(Client, Client.id == GoogleLink.client_id)
    )
    if criteria.not_linked:
        query = query.where(GoogleLink.id.is_(None))
    if criteria.not_replied:
        query = query.where(GoogleReview.reply_comment.is_(None))
    if criteria.removed:
        query = query.where(GoogleReview.removed_at.is_not(None))
    for word in criteria.text.split():
        pattern = f"%{word}%"
        query = query.where(
            func.lower(func.coalesce(GoogleReview.reviewer_name, "")).like(pattern)
            | func.lower(func.coalesce(GoogleReview.comment, "")).like(pattern)
        )
    return query


def count_reviews(session: Session, criteria: ReviewFilter = ReviewFilter()) -> int:
    inner = _rows_query(criteria).with_only_columns(GoogleReview.id).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


def review_rows(
    session: Session,
    criteria: ReviewFilter = ReviewFilter(),
    *,
    offset: int = 0,
    limit: int | None = None,
    after: ReviewRow | None = None,
) -> list[ReviewRow]:
    """Newest first; one query for the page, links and clients included. *after* (the last row
    of the previous page) seeks past it on the ``created_at`` index instead of an OFFSET, so a
    late page costs what the first one does."""
    query = _rows_query(criteria).order_by(GoogleReview.created_at.desc(), GoogleReview.id.desc())
    if after is not None:
        query = query.where(
            or_(
                GoogleReview.created_at < after.created_at,
                and_(GoogleReview.created_at == after.created_at, GoogleReview.id < after.id),
            )
        )
    if offset:
        query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for review, external_id, first, last, email in session.execute(query).all():
        rows.append(
            ReviewRow(
                id=review.id,
                review_id=review.review_id,
                reviewer=review.reviewer_name,
                anonymous=review.anonymous,
                stars=review.stars,
                comment=review.comment,
                comment_original=review.comment_original,
                create_time=review.create_time,
                created_at=review.created_at,
                update_time=review.update_time,
                reply_comment=review.reply_comment,
                reply_update_time=review.reply_update_time,
                reply_state=review.reply_state,
                reply_policy_violation=review.reply_policy_violation,
                client_external_id=external_id,
                client_name=f"{first} {last}".strip() if external_id else None,
                client_email=email,
                removed=review.removed_at is not None,
            )
        )
    return rows


@dataclass(frozen=True)
class ReviewPage:
    """The first rows of a filter, and how many there are in all."""

    criteria: ReviewFilter
    rows: list[ReviewRow]
    total: int


def first_page(session: Session, criteria: ReviewFilter, *, limit: int) -> ReviewPage:
    rows = review_rows(session, criteria, limit=limit)
    total = len(rows) if len(rows) < limit else count_reviews(session, criteria)
    return ReviewPage(criteria, rows, total)


def reviews_json(session: Session) -> list[dict[str, Any]]:
    return [row.contract_json() for row in review_rows(session)]


def integration_day(session: Session, tz: ZoneInfo) -> date | None:
    """The local day the studio connected its location (the selected one, else the first)."""
    instant = session.scalar(
        select(GoogleLocation.integrated_at)
        .order_by(GoogleLocation.selected.desc(), GoogleLocation.integrated_at)
        .limit(1)
    )
    return local_day(instant, tz) if instant is not None else None


def google_monthly_counts(
    session: Session, tz: ZoneInfo, *, until: date, first: date | None = None
) -> list[MonthlyCount]:
    """New and cumulative Google reviews per studio-local month, from *first*'s month (default:
    the first review's) to *until*'s month; removed reviews are not counted (Google no longer
    shows them). Empty when there is no review at all. Counted in SQL: one query."""
    alive = GoogleReview.removed_at.is_(None)
    earliest = session.scalar(select(func.min(GoogleReview.created_at)).where(alive))
    if earliest is None:
        return []
    start_month = (first or local_day(earliest, tz)).replace(day=1)
    months = list(iter_months(start_month, until))
    if not months:
        return []
    bounds = [day_start(m, tz) for m in months] + [day_start(add_months(months[-1], 1), tz)]
    bucket = case(
        *((GoogleReview.created_at < bound, index) for index, bound in enumerate(bounds[1:])),
        else_=-1,
    ).label("bucket")
    before_start = case((GoogleReview.created_at < bounds[0], -2), else_=bucket)
    counted: dict[int, int] = dict(
        session.execute(
            select(before_start, func.count())
            .where(alive, GoogleReview.created_at < bounds[-1])
            .group_by(before_start)
        ).all()
    )
    running = int(counted.get(-2, 0))
    result = []
    for index, month in enumerate(months):
        new = int(counted.get(index, 0))
        running += new
        result.append(MonthlyCount(month=month, new=new, cumulative=running))
    return result


def rating_distribution(session: Session) -> dict[int, int]:
    """Reviews (not removed) per star, 1 to 5, zero included."""
    counts = dict(
        session.execute(
            select(GoogleReview.stars, func.count())
            .where(GoogleReview.removed_at.is_(None), GoogleReview.stars.is_not(None))
            .group_by(GoogleReview.stars)
        ).all()
    )
    return {stars: int(counts.get(stars, 0)) for stars in range(1, 6)}
