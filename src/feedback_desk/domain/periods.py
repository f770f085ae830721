"""The periods offered by the review tabs, as local days (inclusive)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from feedback_desk.domain.localtime import add_months, month_start


class PeriodChoice(StrEnum):
    THIS_MONTH = "this_month"
    LAST_3_MONTHS = "last_3_months"
    LAST_12_MONTHS = "last_12_months"
    CUSTOM = "custom"


def period_bounds(choice: PeriodChoice, today: date) -> tuple[date, date]:
    """First and last local day: the current calendar month, or it and the 2 (11) before it.

    Whole calendar months, so that the monthly charts never show a partial first month.
    """
    months = {
        PeriodChoice.THIS_MONTH: 1,
        PeriodChoice.LAST_3_MONTHS: 3,
        PeriodChoice.LAST_12_MONTHS: 12,
    }.get(choice)
    if months is None:
        raise ValueError("a custom period has no fixed bounds")
    return add_months(month_start(today), -(months - 1)), today
