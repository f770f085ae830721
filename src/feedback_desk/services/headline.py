"""The Overview's headline figures for a period: one aggregate over ``reviews.local_day``.

A first, small version of the report service (issue 4 replaces it with the full one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import add_months, month_start
from feedback_desk.domain.segments import average, nps
from feedback_desk.store.models import Action, Review


@dataclass(frozen=True)
class Headline:
    first_day: date
    last_day: date
    reviews: int
    average: float | None
    promoters: int
    passives: int
    detractors: int

    @property
    def nps(self) -> int | None:
        return nps(self.promoters, self.detractors, self.reviews)


def headline(
    session: Session, first_day: date, last_day: date, kind: ReviewKind | None = None
) -> Headline:
    query = select(
        func.count(),
        func.coalesce(func.sum(Review.stars), 0),
        func.coalesce(func.sum(case((Review.stars == 5, 1), else_=0)), 0),
        func.coalesce(func.sum(case((Review.stars == 4, 1), else_=0)), 0),
        func.coalesce(func.sum(case((Review.stars <= 3, 1), else_=0)), 0),
    ).where(
        # Naming every kind lets the (kind, local_day, stars) index answer alone.
        Review.kind.in_([kind] if kind is not None else list(ReviewKind)),
        Review.local_day >= first_day,
        Review.local_day <= last_day,
    )
    count, star_sum, promoters, passives, detractors = session.execute(query).one()
    return Headline(
        first_day=first_day,
        last_day=last_day,
        reviews=int(count),
        average=average(int(star_sum), int(count)),
        promoters=int(promoters),
        passives=int(passives),
        detractors=int(detractors),
    )


@dataclass(frozen=True)
class MonthHeadlines:
    this_month: Headline
    last_month: Headline
    open_actions: int


def month_headlines(session: Session, today: date) -> MonthHeadlines:
    """This month to date, and the whole previous month, with the open actions to take."""
    first = month_start(today)
    previous = add_months(first, -1)
    open_actions = session.scalar(
        select(func.count()).select_from(Action).where(Action.closed_at.is_(None))
    )
    return MonthHeadlines(
        this_month=headline(session, first, today),
        last_month=headline(session, previous, first - timedelta(days=1)),
        open_actions=int(open_actions or 0),
    )
