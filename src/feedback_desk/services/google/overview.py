"""Everything the Google tab shows, read in one go off the GUI thread: whether a profile is
connected (its sign-in is in the system keyring, which may be slow or ask to be unlocked), the
first page of the archive for the tab's filter, and the data of its two charts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import local_day
from feedback_desk.services.google.connection import ConnectionStatus, status
from feedback_desk.services.google.queries import (
    MonthlyCount,
    ReviewFilter,
    ReviewPage,
    first_page,
    google_monthly_counts,
    integration_day,
    rating_distribution,
)
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store


@dataclass(frozen=True)
class GoogleOverview:
    status: ConnectionStatus
    timezone: ZoneInfo
    page: ReviewPage
    monthly: list[MonthlyCount]
    integrated: date | None
    ratings: dict[int, int]


def load_overview(
    store: Store, criteria: ReviewFilter, *, now: datetime, page_size: int
) -> GoogleOverview:
    connection = status(store)
    with store.read() as session:
        tz = load_settings(session).timezone
        page = first_page(session, criteria, limit=page_size)
        monthly = google_monthly_counts(session, tz, until=local_day(now, tz))
        integrated = integration_day(session, tz)
        ratings = rating_distribution(session)
    return GoogleOverview(connection, tz, page, monthly, integrated, ratings)
