"""Wall-clock arithmetic in the studio's time zone.

Instants are aware UTC datetimes; "days" and "months" are calendar days and months on the
studio's wall clock (docs/rules.md#time). A local time skipped by a daylight-saving change is
moved forward by the gap; a repeated one is its first occurrence. Python's ``zoneinfo`` with
``fold=0`` does exactly that, so every conversion from local goes through :func:`local_to_utc`.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str) -> ZoneInfo:
    """The IANA zone called *name*; ValueError with a readable message when it does not exist."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown time zone {name!r} (expected an IANA name such as America/Toronto)"
        ) from exc


def local_to_utc(local: datetime, tz: ZoneInfo) -> datetime:
    """The UTC instant of a naive local wall-clock time."""
    if local.tzinfo is not None:
        return local.astimezone(UTC)
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def to_local(instant: datetime, tz: ZoneInfo) -> datetime:
    return instant.astimezone(tz)


def local_day(instant: datetime, tz: ZoneInfo) -> date:
    return instant.astimezone(tz).date()


def day_start(day: date, tz: ZoneInfo) -> datetime:
    """The UTC instant at which the local *day* begins."""
    return local_to_utc(datetime.combine(day, time.min), tz)


def day_bounds(first: date, last: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC ``[start, end)`` covering the local days *first* to *last* inclusive."""
    return day_start(first, tz), day_start(last + timedelta(days=1), tz)


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28 or 29)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@lru_cache(maxsize=8192)
def _shift_wall_clock(
    instant: datetime, tz: ZoneInfo, *, days: int = 0, months: int = 0
) -> datetime:
    # Cached: planning asks the same few shifts (of T, of a day's sessions) for every client.
    local = instant.astimezone(tz).replace(tzinfo=None)
    shifted_day = add_months(local.date(), months) + timedelta(days=days)
    return local_to_utc(datetime.combine(shifted_day, local.time()), tz)


def days_before(instant: datetime, days: int, tz: ZoneInfo) -> datetime:
    """The same local clock time *days* calendar days earlier (not days x 24 hours)."""
    return _shift_wall_clock(instant, tz, days=-days)


def days_after(instant: datetime, days: int, tz: ZoneInfo) -> datetime:
    return _shift_wall_clock(instant, tz, days=days)


def months_before(instant: datetime, months: int, tz: ZoneInfo) -> datetime:
    return _shift_wall_clock(instant, tz, months=-months)


def months_after(instant: datetime, months: int, tz: ZoneInfo) -> datetime:
    return _shift_wall_clock(instant, tz, months=months)


def next_day_at(instant: datetime, hour: int, tz: ZoneInfo) -> datetime:
    """The local day after *instant*'s local day, at *hour*:00 local time."""
    following = local_day(instant, tz) + timedelta(days=1)
    return local_to_utc(datetime.combine(following, time(hour=hour)), tz)


def month_start(day: date) -> date:
    return day.replace(day=1)


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def iter_months(first: date, last: date) -> Iterator[date]:
    """The first day of every month from *first*'s month to *last*'s month, in order."""
    current = month_start(first)
    while current <= last:
        yield current
        current = add_months(current, 1)


def iter_days(first: date, last: date) -> Iterator[date]:
    current = first
    while current <= last:
        yield current
        current += timedelta(days=1)


def parse_instant(text: str, tz: ZoneInfo) -> datetime:
    """An ISO 8601 date-time, local to the studio unless it carries an offset, as UTC.

    A bare date means the start of that local day.
    """
    raw = text.strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00") if raw.endswith("Z") else raw)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 date-time (e.g. 2026-03-14T18:00)") from None
    return local_to_utc(parsed, tz)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO date (e.g. 2026-03-14)") from None


def format_local(instant: datetime, tz: ZoneInfo) -> str:
    """ISO 8601 with the studio's UTC offset, to the second: ``2026-03-14T18:00:00-04:00``."""
    return instant.astimezone(tz).replace(microsecond=0).isoformat()
