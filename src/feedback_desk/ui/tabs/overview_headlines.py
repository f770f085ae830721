"""The Overview's headline figures: the last 30 days, each with its change against the 30 days
before (two spans of the same length: a month in progress is never compared with a whole one)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QLocale

from feedback_desk.services.overview import HEADLINE_DAYS, LastDays
from feedback_desk.services.reports import Figures
from feedback_desk.ui.formatting import (
    format_average,
    format_count,
    format_day,
    format_nps,
    format_rate,
    reviews_count,
    segments_count,
)
from feedback_desk.ui.widgets.headline import Headline


def captions() -> dict[str, str]:
    return {
        "reviews": QCoreApplication.translate("OverviewTab", "reviews, last 30 days"),
        "average": QCoreApplication.translate("OverviewTab", "average, last 30 days"),
        "nps": QCoreApplication.translate("OverviewTab", "NPS, last 30 days"),
        "rate": QCoreApplication.translate("OverviewTab", "response rate, last 30 days"),
    }


def _change(
    now: float | None, before: float | None, decimals: int, points: bool, locale: QLocale
) -> tuple[str, bool | None]:
    """ "▲ 5 vs the 30 days before" (or ▼, or "= as…"), and whether that is better."""
    if now is None or before is None:
        return QCoreApplication.translate(
            "OverviewTab", "nothing to compare with in the 30 days before"
        ), None
    difference = round(now - before, decimals)
    amount = (
        locale.toString(abs(difference), "f", decimals) if decimals else str(abs(round(difference)))
    )
    if difference == 0:
        return QCoreApplication.translate("OverviewTab", "= same as the 30 days before"), None
    arrow = "▲" if difference > 0 else "▼"
    text = (
        QCoreApplication.translate("OverviewTab", "{arrow} {amount} points vs the 30 days before")
        if points
        else QCoreApplication.translate("OverviewTab", "{arrow} {amount} vs the 30 days before")
    )
    return text.format(arrow=arrow, amount=amount), difference > 0


@dataclass(frozen=True)
class _Card:
    value: Callable[[Figures], float | None]  # what is compared
    shown: Callable[[Figures], str]  # the big number
    detail: Callable[[Figures], str]  # the tooltip's line for one span
    decimals: int
    points: bool  # a change of a percentage or an NPS is in points


def _cards(locale: QLocale) -> dict[str, _Card]:
    def rate(f: Figures) -> float | None:
        return None if f.response_rate is None else f.response_rate * 100

    def segments(f: Figures) -> str:
        return QCoreApplication.translate("OverviewTab", "{nps} ({segments})").format(
            nps=format_nps(f.nps), segments=segments_count(f.promoters, f.passives, f.detractors)
        )

    def prompts(f: Figures) -> str:
        return QCoreApplication.translate(
            "OverviewTab", "{rate} ({answered} of {shown} prompts answered)"
        ).format(
            rate=format_rate(f.response_rate, locale),
            answered=format_count(f.prompts_answered, locale),
            shown=format_count(f.prompts_shown, locale),
        )

    return {
        "reviews": _Card(
            lambda f: f.reviews,
            lambda f: format_count(f.reviews, locale),
            lambda f: reviews_count(f.reviews, locale),
            0,
            False,
        ),
        "average": _Card(
            lambda f: f.average,
            lambda f: format_average(f.average, locale),
            lambda f: format_average(f.average, locale),
            2,
            False,
        ),
        "nps": _Card(lambda f: f.nps, lambda f: format_nps(f.nps), segments, 0, True),
        "rate": _Card(rate, lambda f: format_rate(f.response_rate, locale), prompts, 1, True),
    }


def show(headlines: Mapping[str, Headline], days: LastDays, locale: QLocale | None = None) -> None:
    """Fill the reviews, average, NPS and response-rate cards from *days*."""
    locale = locale or QLocale()
    now, before = days.current, days.previous
    span = QCoreApplication.translate(
        "OverviewTab", "{first} – {last}, against {before_first} – {before_last}"
    ).format(
        first=format_day(days.first, locale),
        last=format_day(days.last, locale),
        before_first=format_day(days.first - timedelta(days=HEADLINE_DAYS), locale),
        before_last=format_day(days.first - timedelta(days=1), locale),
    )
    for name, card in _cards(locale).items():
        headline = headlines[name]
        headline.set_value(
            card.shown(now),
            QCoreApplication.translate(
                "OverviewTab", "{span}\nlast 30 days: {now}\nthe 30 days before: {before}"
            ).format(span=span, now=card.detail(now), before=card.detail(before)),
        )
        change = _change(card.value(now), card.value(before), card.decimals, card.points, locale)
        headline.set_change(*change)
