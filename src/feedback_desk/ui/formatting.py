"""How the window writes times, days and stars: studio local time, in the UI language."""

from __future__ import annotations

import html
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from feedback_desk.ui.i18n import current_language


def stars_text(stars: int) -> str:
    """★★★☆☆ — five glyphs, so that a row of them reads at a glance."""
    return "★" * stars + "☆" * (5 - stars)


def stars_label(stars: int) -> str:
    """A number of stars as a category (a bar of ratings, a threshold): "4 ★"."""
    return f"{stars} ★"


def local_datetime(instant: datetime, tz: ZoneInfo) -> QDateTime:
    local = instant.astimezone(tz)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def format_instant(instant: datetime, tz: ZoneInfo, locale: QLocale | None = None) -> str:
    """A date and time on the studio's wall clock, month named in the UI language:
    "14 Mar 2026 18:00" / "14 mars 2026 18:00"."""
    return (locale or QLocale()).toString(local_datetime(instant, tz), "d MMM yyyy HH:mm")


DAY_FORMAT = "d MMM yyyy"  # 20 Nov 2026 / 20 nov. 2026: the window's one way to write a day


def format_day(day: date, locale: QLocale | None = None) -> str:
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), DAY_FORMAT)


def format_month(month: date, locale: QLocale | None = None) -> str:
    """A month with its year, never ambiguous: "Jan 2026" / "janv. 2026"."""
    return (locale or QLocale()).toString(QDate(month.year, month.month, 1), "MMM yyyy")


def short_day(day: date, locale: QLocale | None = None) -> str:
    """A day under a chart's bar, where the period already gives the year: "20 Nov"."""
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), "d MMM")


def format_count(count: int, locale: QLocale | None = None) -> str:
    """A whole number with the language's digit grouping: 12,345 / 12 345."""
    return (locale or QLocale()).toString(count)


def count_text(
    count: int, one: str, many: str, locale: QLocale | None = None, **values: str
) -> str:
    """*one* or *many* (both translated, with ``{n}`` and any other *values*) by the plural
    rule of the interface language: English says "1 review", "0 reviews"; French "0 avis",
    "1 avis", "2 avis" (singular below 2)."""
    singular = abs(count) < 2 if current_language() == "fr" else abs(count) == 1
    return (one if singular else many).format(n=format_count(count, locale), **values)


def format_average(value: float | None, locale: QLocale | None = None) -> str:
    return "—" if value is None else (locale or QLocale()).toString(value, "f", 2)


def format_rate(value: float | None, locale: QLocale | None = None) -> str:
    return "—" if value is None else f"{(locale or QLocale()).toString(value * 100, 'f', 1)} %"


def format_nps(value: int | None) -> str:
    return "—" if value is None else str(value)


def reviews_count(count: int, locale: QLocale | None = None) -> str:
    """ "1 review", "12 reviews" ("1 avis", "12 avis"): one wording for a number of reviews."""
    return count_text(
        count,
        QCoreApplication.translate("Figures", "{n} review"),
        QCoreApplication.translate("Figures", "{n} reviews"),
        locale,
    )


def segments_count(promoters: int, passives: int, detractors: int) -> str:
    """ "3 promoters, 1 passive, 0 detractors": the segments of some reviews, with plurals."""
    return QCoreApplication.translate("Figures", "{promoters}, {passives}, {detractors}").format(
        promoters=count_text(
            promoters,
            QCoreApplication.translate("Figures", "{n} promoter"),
            QCoreApplication.translate("Figures", "{n} promoters"),
        ),
        passives=count_text(
            passives,
            QCoreApplication.translate("Figures", "{n} passive"),
            QCoreApplication.translate("Figures", "{n} passives"),
        ),
        detractors=count_text(
            detractors,
            QCoreApplication.translate("Figures", "{n} detractor"),
            QCoreApplication.translate("Figures", "{n} detractors"),
        ),
    )


def language_name(code: str) -> str:
    """A client's language as people say it ("French"), never its code."""
    return {
        "fr": QCoreApplication.translate("Reviews", "French"),
        "en": QCoreApplication.translate("Reviews", "English"),
    }.get(code, code)


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
