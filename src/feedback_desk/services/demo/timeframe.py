"""The demo's time frame: the local days it covers and the moment its data ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import add_months, day_start, local_to_utc, months_before

# The demo shows the studio as its manager finds it on the morning of the last day: the early
# classes are over, the outbox has not run yet (invitations are due at 10:00).
HORIZON_TIME = time(9, 0)

# Québec's statutory holidays that close the studio (month, day).
CLOSED_DAYS = ((1, 1), (6, 24), (7, 1), (12, 25))


@dataclass(frozen=True)
class DemoCalendar:
    until: date
    months: int
    tz: ZoneInfo

    @property
    def first_day(self) -> date:
        return add_months(self.until, -self.months) + timedelta(days=1)

    @property
    def horizon(self) -> datetime:
        """Nothing in the demo is dated after this instant (the last day, 09:00)."""
        return self.at(self.until, HORIZON_TIME)

    @property
    def until_start(self) -> datetime:
        return day_start(self.until, self.tz)

    @property
    def integration(self) -> datetime:
        """When the studio connected Google: about five months before the end."""
        months = min(5, max(1, self.months - 1))
        return months_before(self.at(self.until, time(14, 0)), months, self.tz)

    @property
    def manager_email_set(self) -> datetime:
        """When the manager's address was entered: alerts exist from then on."""
        return self.at(self.until - timedelta(days=6), time(8, 40))

    @property
    def pages_published(self) -> datetime:
        """When the studio gave its client pages an address, before inviting clients to
        recommend it (about four months before the end)."""
        day = max(self.until - timedelta(days=118), self.first_day + timedelta(days=1))
        return self.at(day, time(16, 30))

    @property
    def requests_start(self) -> datetime:
        """When the studio switched email review requests on: eight weeks before the end."""
        return self.at(self.until - timedelta(days=56), time(16, 10))

    @property
    def drop_start(self) -> datetime:
        """Start of the weeks in which one coach and a few clients slip (inside 30 days)."""
        return day_start(self.until - timedelta(days=27), self.tz)

    def at(self, day: date, clock: time) -> datetime:
        return local_to_utc(datetime.combine(day, clock), self.tz)

    def is_open(self, day: date) -> bool:
        return (day.month, day.day) not in CLOSED_DAYS
