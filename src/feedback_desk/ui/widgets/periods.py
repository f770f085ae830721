"""Period choices for filters: this month, last 3 or 12 months, custom, all time (local days)."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from feedback_desk.domain.localtime import add_months, month_start


class Period(StrEnum):
    ALL = "all"
    THIS_MONTH = "this_month"
    LAST_3_MONTHS = "last_3_months"
    LAST_12_MONTHS = "last_12_months"
    CUSTOM = "custom"


def period_label(period: Period) -> str:
    labels = {
        Period.ALL: QT_TRANSLATE_NOOP("Periods", "All time"),
        Period.THIS_MONTH: QT_TRANSLATE_NOOP("Periods", "This month"),
        Period.LAST_3_MONTHS: QT_TRANSLATE_NOOP("Periods", "Last 3 months"),
        Period.LAST_12_MONTHS: QT_TRANSLATE_NOOP("Periods", "Last 12 months"),
        Period.CUSTOM: QT_TRANSLATE_NOOP("Periods", "Custom…"),
    }
    return QCoreApplication.translate("Periods", labels[period])


def period_days(period: Period, today: date) -> tuple[date | None, date | None]:
    """The first and last local day of *period* as of *today* (None: open-ended)."""
    if period is Period.THIS_MONTH:
        return month_start(today), today
    if period is Period.LAST_3_MONTHS:
        return add_months(today, -3) + timedelta(days=1), today
    if period is Period.LAST_12_MONTHS:
        return add_months(today, -12) + timedelta(days=1), today
    return None, None
