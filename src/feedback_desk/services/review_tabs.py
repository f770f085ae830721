"""What the Business and Class tabs chart for the period their table shows: figures by day
(short periods) or by month, aspects to improve and where you excel, the 0-10 answers and the
response rate by channel, and (class reviews) by coach."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.reports import (
    DayFigures,
    PeriodReport,
    ReportScope,
    daily_figures,
    period_report,
)
from feedback_desk.store.database import Store
from feedback_desk.store.models import Review

DAILY_UP_TO_DAYS = 62  # two months or less: one bar a day, else one a month
# No review of a real studio is older than this (docs/rules.md#impossible-dates): a review dated
# before it (year 26 for 2026, from a typo in an imported file) is left out of "since the first
# review", which would otherwise span twenty centuries.
EARLIEST_PLAUSIBLE_DAY = date(1900, 1, 1)


@dataclass(frozen=True)
class TabRequest:
    kind: ReviewKind
    first: date | None  # None: since the first review
    last: date | None  # None: up to today
    today: date
    coach_id: int | None = None
    class_id: int | None = None
    with_coaches: bool = False


@dataclass(frozen=True)
class TabReport:
    scope: ReportScope
    report: PeriodReport
    days: list[DayFigures] | None  # set when the period is charted day by day
    # Reviews of the kind dated before EARLIEST_PLAUSIBLE_DAY (left out of the default period).
    impossible_dates: int = 0


def _first_day(session: Session, kind: ReviewKind, today: date) -> date:
    """The day of the kind's first plausibly dated review (an index seek), or today."""
    first = session.scalar(
        select(func.min(Review.local_day)).where(
            Review.kind == kind, Review.local_day >= EARLIEST_PLAUSIBLE_DAY
        )
    )
    return min(first, today) if first is not None else today


def _impossible_dates(session: Session, kind: ReviewKind) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Review)
            .where(Review.kind == kind, Review.local_day < EARLIEST_PLAUSIBLE_DAY)
        )
        or 0
    )


def load_tab_report(
    store: Store, request: TabRequest, *, progress: Progress | None = None
) -> TabReport:
    progress = progress or NullProgress()
    with store.read() as session:
        last = request.last or request.today
        first = request.first or _first_day(session, request.kind, last)
        first, last = min(first, last), max(first, last)
        scope = ReportScope(first, last, request.kind, request.coach_id, request.class_id)
        report = period_report(
            session,
            scope,
            with_coaches=request.with_coaches,
            with_aspects=True,
            with_recommend=True,
        )
        check_cancelled(progress)
        short = (scope.last - scope.first).days < DAILY_UP_TO_DAYS
        days = daily_figures(session, scope) if short else None
        impossible = _impossible_dates(session, request.kind)
    return TabReport(scope, report, days, impossible)
