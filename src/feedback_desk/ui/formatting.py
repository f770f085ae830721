"""How the window writes times, days and stars: studio local time, in the UI language."""

from __future__ import annotations

import html
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def stars_text(stars: int) -> str:
    """★★★☆☆ — five glyphs, so that a row of them reads at a glance."""
    return "★" * stars + "☆" * (5 - stars)


def local_datetime(instant: datetime, tz: ZoneInfo) -> QDateTime:
    local = instant.astimezone(tz)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def format_instant(instant: datetime, tz: ZoneInfo, locale: QLocale | None = None) -> str:
    """A date and time on the studio's wall clock, month named in the UI language:
    "14 Mar 2026 18:00" / "14 mars 2026 18:00"."""
    return (locale or QLocale()).toString(local_datetime(instant, tz), "d MMM yyyy HH:mm")


def format_day(day: date, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def format_average(value: float | None, locale: QLocale | None = None) -> str:
    return "—" if value is None else (locale or QLocale()).toString(value, "f", 2)


def format_rate(value: float | None, locale: QLocale | None = None) -> str:
    return "—" if value is None else f"{(locale or QLocale()).toString(value * 100, 'f', 1)} %"


def format_nps(value: int | None) -> str:
    return "—" if value is None else str(value)


def edited_badge() -> str:
    return QCoreApplication.translate("Reviews", "edited manually")


def kind_name(kind: str) -> str:
    return {
        "class": QCoreApplication.translate("Reviews", "Class"),
        "business": QCoreApplication.translate("Reviews", "Business"),
    }.get(kind, kind)


def channel_name(channel: str) -> str:
    return {
        "kiosk": QCoreApplication.translate("Reviews", "Kiosk"),
        "staff": QCoreApplication.translate("Reviews", "Staff entry"),
        "import": QCoreApplication.translate("Reviews", "Import"),
        "cli": QCoreApplication.translate("Reviews", "Command line"),
        "email": QCoreApplication.translate("Reviews", "Email"),
        "web": QCoreApplication.translate("Reviews", "Client page"),
    }.get(channel, channel)


def outcome_name(outcome: str) -> str:
    return {
        "contacted": QCoreApplication.translate("Reviews", "Contacted"),
        "resolved": QCoreApplication.translate("Reviews", "Resolved"),
        "no_action": QCoreApplication.translate("Reviews", "No action"),
        "answered": QCoreApplication.translate("Reviews", "Answered"),
        "ignored": QCoreApplication.translate("Reviews", "Ignored"),
        "abandoned": QCoreApplication.translate("Reviews", "Abandoned"),
    }.get(outcome, outcome)


def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that shows *text* literally: Qt renders tooltips that look like HTML as rich
    text, so client text is escaped and wrapped (line breaks kept)."""
    if not text:
        return None
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
