"""Cutting a period of local days into whole months and the days left at either end, so that
whole months are read from monthly rollups and only the ends from daily ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from feedback_desk.domain.localtime import add_months, month_start


@dataclass(frozen=True)
class MonthSplit:
    months: tuple[date, date] | None  # first days of the first and last whole months
    days: list[tuple[date, date]]  # the days before and after them, inclusive ranges


def split_months(first: date, last: date) -> MonthSplit:
    whole_from = first if first.day == 1 else add_months(month_start(first), 1)
    whole_until = month_start(last + timedelta(days=1))  # the first day after the whole months
    if whole_from >= whole_until:
        return MonthSplit(None, [(first, last)])
    days = []
    if first < whole_from:
        days.append((first, whole_from - timedelta(days=1)))
    if whole_until <= last:
        days.append((whole_until, last))
    return MonthSplit((whole_from, add_months(whole_until, -1)), days)
