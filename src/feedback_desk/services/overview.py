"""What the Overview tab shows, gathered in one call meant for a worker thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import add_months, local_day, month_start
from feedback_desk.services.actions import (
    OpenAction,
    ReplyAction,
    count_open_actions,
    list_open_actions,
    list_open_reply_actions,
)
from feedback_desk.services.google.queries import (
    MonthlyCount,
    google_monthly_counts,
    integration_day,
)
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.reports import (
    Figures,
    PeriodReport,
    ReportScope,
    period_report,
    reports_by_kind,
)
from feedback_desk.services.review_details import ReviewSummary, review_summaries
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.services.trends import Trends, satisfaction_trends
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client

OVERVIEW_MONTHS = 12
LIST_LIMIT = 30
# The headline figures cover the last 30 days, compared with the 30 days before: two spans of
# the same length, so a month in progress is never compared with a complete one.
HEADLINE_DAYS = 30


@dataclass(frozen=True)
class LastDays:
    """The figures of the last HEADLINE_DAYS days up to today and of as many days before."""

    first: date
    last: date
    current: Figures
    previous: Figures


def last_days(session: Session, today: date) -> LastDays:
    first = today - timedelta(days=HEADLINE_DAYS - 1)
    before = first - timedelta(days=HEADLINE_DAYS)
    current = period_report(session, ReportScope(first, today), with_coaches=False)
    previous = period_report(
        session, ReportScope(before, first - timedelta(days=1)), with_coaches=False
    )
    return LastDays(first, today, current.totals, previous.totals)


@dataclass(frozen=True)
class OverviewData:
    at: datetime
    settings: Settings
    first: date
    last: date
    all_reviews: PeriodReport
    business: PeriodReport
    actions: list[OpenAction]
    open_actions: int
    recent: list[ReviewSummary]
    google_months: list[MonthlyCount]
    google_integrated_on: date | None
    headline: LastDays
    # No client and no review yet: the studio has not brought its data in.
    store_is_empty: bool = False
    # Open actions opened by a client's reply (no review), newest first.
    reply_actions: list[ReplyAction] = field(default_factory=list)
    # This month: the 0-10 answers and the prompts by channel (beside the star figures).
    this_month: PeriodReport | None = None

    @property
    def shows_recommend(self) -> bool:
        """The 0-10 figure shows when the question is asked, or was answered this month."""
        month = self.this_month
        return self.settings.flag("nps.enabled") or (
            month is not None and month.recommend.responses > 0
        )


def overview_period(at: datetime, settings: Settings) -> tuple[date, date]:
    """The twelve calendar months ending with the current one (up to today, local)."""
    today = local_day(at, settings.timezone)
    return add_months(month_start(today), -(OVERVIEW_MONTHS - 1)), today


def load_overview(store: Store, at: datetime, progress: Progress | None = None) -> OverviewData:
    """The charts' figures and the lists (trends excepted: see :func:`load_trends`)."""
    progress = progress or NullProgress()
    with store.read() as session:
        settings = load_settings(session)
        first, last = overview_period(at, settings)
        reports = reports_by_kind(session, first, last)
        check_cancelled(progress)
        actions = list_open_actions(session, limit=LIST_LIMIT)
        reply_actions = list_open_reply_actions(session, limit=LIST_LIMIT)
        open_actions = count_open_actions(session)
        this_month = period_report(
            session, ReportScope(month_start(last), last), with_coaches=False, with_recommend=True
        )
        recent = review_summaries(session, limit=LIST_LIMIT, until=at)
        google_months = google_monthly_counts(session, settings.timezone, until=last)
        google_integrated_on = integration_day(session, settings.timezone)
        headline = last_days(session, last)
        store_is_empty = session.scalar(select(Client.id).limit(1)) is None and not recent
    return OverviewData(
        at=at,
        settings=settings,
        first=first,
        last=last,
        all_reviews=reports[None],
        business=reports[ReviewKind.BUSINESS],
        actions=actions,
        open_actions=open_actions,
        recent=recent,
        google_months=google_months,
        google_integrated_on=google_integrated_on,
        headline=headline,
        store_is_empty=store_is_empty,
        reply_actions=reply_actions,
        this_month=this_month,
    )


def load_trends(store: Store, at: datetime) -> tuple[Trends, Settings]:
    """The satisfaction trends at *at* (their own task: the slowest query of the Overview)."""
    with store.read() as session:
        settings = load_settings(session)
        return satisfaction_trends(session, settings, at), settings
