"""The report charts of the Overview, Business and Class tabs, described for the renderer.

Each function turns already computed figures (the queries ran in a worker) into a chart
description and its tooltips, in the interface language, and hands them to a
:class:`~feedback_desk.ui.charts.chart_view.ChartView`; or shows a sentence instead of empty
axes. Buckets that are not complete (today's month, a month cut by the period's ends) are
marked as such, so a month in progress is never read as a bad month.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from feedback_desk.domain import segments
from feedback_desk.services.reports import (
    AspectCount,
    CoachFigures,
    DayFigures,
    Figures,
    MonthFigures,
)
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.spec import (
    AspectsChart,
    CoachesChart,
    ReviewsChart,
    SegmentsChart,
    TimeAxis,
)
from feedback_desk.ui.formatting import (
    count_text,
    format_average,
    format_day,
    format_month,
    format_nps,
    format_rate,
    reviews_count,
    segments_count,
    short_day,
)

MAX_ASPECTS = 10
# Beyond five years a bar a month is unreadable (and slow to draw): a bar a year.
MAX_MONTH_BARS = 60


@dataclass(frozen=True)
class Bucket:
    """One bar of a time chart: its name, its figures, and the days it covers (a month cut by
    the period's ends, or still running, covers fewer than its own)."""

    label: str
    figures: Figures
    first: date
    last: date
    complete: bool = True
    running: bool = False  # today is one of its days

    @property
    def days(self) -> tuple[date, date]:
        return self.first, self.last


def no_reviews_message() -> str:
    return QCoreApplication.translate("ReportCharts", "No reviews yet in this period")


def _covered(
    unit_first: date, unit_last: date, first: date, last: date, today: date
) -> tuple[date, date, bool, bool]:
    """The days of a unit (a day, month or year) inside the period and up to today, whether it
    is all of them, and whether today is one."""
    start, end = max(unit_first, first), min(unit_last, last, today)
    end = max(start, end)
    running = start <= today <= end
    return start, end, (start, end) == (unit_first, unit_last) and not running, running


def month_buckets(
    months: Sequence[MonthFigures],
    first: date,
    last: date,
    today: date,
    locale: QLocale | None = None,
) -> list[Bucket]:
    """A bucket per month of the period *first*–*last*."""
    buckets = []
    for month in months:
        days_in_month = calendar.monthrange(month.month.year, month.month.month)[1]
        unit_last = month.month.replace(day=days_in_month)
        start, end, complete, running = _covered(month.month, unit_last, first, last, today)
        label = format_month(month.month, locale)
        buckets.append(Bucket(label, month.figures, start, end, complete, running))
    return buckets


def year_buckets(
    months: Sequence[MonthFigures], first: date, last: date, today: date
) -> list[Bucket]:
    """One bar a year, for periods too long to chart a bar a month (a review dated in year 26
    by a typo once asked for 24,000 bars, and the chart never finished). Counts add up; the
    year's average is the months' averages weighted by their reviews (to the rounding of the
    monthly averages)."""
    years: dict[int, list[Figures]] = {}
    for month in months:
        years.setdefault(month.month.year, []).append(month.figures)
    buckets = []
    for year, figures in years.items():
        start, end, complete, running = _covered(
            date(year, 1, 1), date(year, 12, 31), first, last, today
        )
        buckets.append(Bucket(f"{year:04d}", _combined(figures), start, end, complete, running))
    return buckets


def day_buckets(
    days: Sequence[DayFigures], today: date, locale: QLocale | None = None
) -> list[Bucket]:
    return [
        Bucket(short_day(d.day, locale), d.figures, d.day, d.day, d.day != today, d.day == today)
        for d in days
    ]


def _combined(parts: Sequence[Figures]) -> Figures:
    reviews = sum(p.reviews for p in parts)
    promoters = sum(p.promoters for p in parts)
    detractors = sum(p.detractors for p in parts)
    shown = sum(p.prompts_shown for p in parts)
    answered = sum(p.prompts_answered for p in parts)
    weighted = sum((p.average or 0) * p.reviews for p in parts)
    return Figures(
        reviews=reviews,
        average=round(weighted / reviews, 2) if reviews else None,
        promoters=promoters,
        passives=sum(p.passives for p in parts),
        detractors=detractors,
        nps=segments.nps(promoters, detractors, reviews),
        prompts_shown=shown,
        prompts_answered=answered,
        response_rate=segments.response_rate(answered, shown),
    )


def _time_axis(buckets: Sequence[Bucket], locale: QLocale | None) -> TimeAxis:
    partial = tuple(i for i, b in enumerate(buckets) if not b.complete)
    labels = tuple(b.label + ("*" if not b.complete else "") for b in buckets)
    note = ""
    if len(partial) == 1 and buckets[partial[0]].running:
        bucket = buckets[partial[0]]
        note = QCoreApplication.translate(
            "ReportCharts", "* {bucket}: in progress (to {day})"
        ).format(bucket=bucket.label, day=short_day(bucket.last, locale))
    elif partial:
        note = QCoreApplication.translate("ReportCharts", "* only part of its days")
    return TimeAxis(labels, partial, note)


def _bucket_name(bucket: Bucket, locale: QLocale | None) -> str:
    """A bucket's name in a tooltip, with the days it covers when it is not complete."""
    if bucket.complete:
        return bucket.label
    if bucket.running:
        return QCoreApplication.translate(
            "ReportCharts", "{bucket} (in progress, up to {day})"
        ).format(bucket=bucket.label, day=format_day(bucket.last, locale))
    return QCoreApplication.translate("ReportCharts", "{bucket} ({first} – {last} only)").format(
        bucket=bucket.label,
        first=format_day(bucket.first, locale),
        last=format_day(bucket.last, locale),
    )


def _segments_tooltip(bucket: Bucket, locale: QLocale | None) -> str:
    f = bucket.figures
    return QCoreApplication.translate(
        "ReportCharts",
        "{bucket}: {reviews} — {segments}; NPS {nps}; average {average}; response rate {rate} "
        "({answered} of {shown} prompts answered)",
    ).format(
        bucket=_bucket_name(bucket, locale),
        reviews=reviews_count(f.reviews, locale),
        segments=segments_count(f.promoters, f.passives, f.detractors),
        nps=format_nps(f.nps),
        average=format_average(f.average, locale),
        rate=format_rate(f.response_rate, locale),
        answered=f.prompts_answered,
        shown=f.prompts_shown,
    )


def draw_segments(
    chart: ChartView,
    buckets: Sequence[Bucket],
    *,
    title: str,
    locale: QLocale | None = None,
    clickable: bool = False,
) -> None:
    """Promoters, passives and detractors stacked per bucket (month, day or year), the response
    rate as a line on its own axis, each bucket's NPS under its name."""
    if not buckets or all(b.figures.reviews == 0 for b in buckets):
        chart.show_empty(no_reviews_message())
        return
    spec = SegmentsChart(
        title=title,
        axis=_time_axis(buckets, locale),
        detractors=tuple(b.figures.detractors for b in buckets),
        passives=tuple(b.figures.passives for b in buckets),
        promoters=tuple(b.figures.promoters for b in buckets),
        nps=tuple(format_nps(b.figures.nps) for b in buckets),
        rates=tuple(
            None if b.figures.response_rate is None else b.figures.response_rate * 100
            for b in buckets
        ),
        legend=(
            QCoreApplication.translate("ReportCharts", "Detractors (1-3 ★)"),
            QCoreApplication.translate("ReportCharts", "Passives (4 ★)"),
            QCoreApplication.translate("ReportCharts", "Promoters (5 ★)"),
            QCoreApplication.translate("ReportCharts", "Response rate"),
        ),
        reviews_label=QCoreApplication.translate("ReportCharts", "Reviews"),
        rate_label=QCoreApplication.translate("ReportCharts", "Response rate"),
        nps_label=QCoreApplication.translate("ReportCharts", "NPS"),
    )
    chart.show_chart(spec, [_segments_tooltip(b, locale) for b in buckets], clickable=clickable)


def draw_reviews(
    chart: ChartView,
    buckets: Sequence[Bucket],
    *,
    title: str,
    locale: QLocale | None = None,
) -> None:
    """Reviews per bucket as bars, their average as a line (1-5 stars) with its values."""
    if not buckets or all(b.figures.reviews == 0 for b in buckets):
        chart.show_empty(no_reviews_message())
        return
    averages = tuple(b.figures.average for b in buckets)
    spec = ReviewsChart(
        title=title,
        axis=_time_axis(buckets, locale),
        counts=tuple(b.figures.reviews for b in buckets),
        averages=tuple(None if a is None or math.isnan(a) else a for a in averages),
        average_texts=tuple(
            "" if a is None else (locale or QLocale()).toString(float(a), "f", 1) for a in averages
        ),
        legend=(
            QCoreApplication.translate("ReportCharts", "Reviews"),
            QCoreApplication.translate("ReportCharts", "Average stars"),
        ),
        reviews_label=QCoreApplication.translate("ReportCharts", "Reviews"),
        average_label=QCoreApplication.translate("ReportCharts", "Average stars"),
    )
    tooltips = [
        QCoreApplication.translate(
            "ReportCharts", "{bucket}: {reviews}, average {average}, NPS {nps}"
        ).format(
            bucket=_bucket_name(b, locale),
            reviews=reviews_count(b.figures.reviews, locale),
            average=format_average(b.figures.average, locale),
            nps=format_nps(b.figures.nps),
        )
        for b in buckets
    ]
    chart.show_chart(spec, tooltips)


def draw_aspects(
    chart: ChartView,
    aspects: Sequence[AspectCount],
    *,
    title: str,
    color: str,
    language: str,
    empty_message: str,
) -> None:
    """The most ticked aspects as horizontal bars, most ticked on top, counts at the bar ends."""
    shown = list(aspects[:MAX_ASPECTS])
    if not shown:
        chart.show_empty(empty_message)
        return
    labels = tuple(a.label(language) for a in shown)
    spec = AspectsChart(title, labels, tuple(a.count for a in shown), color)
    tooltips = [
        QCoreApplication.translate("ReportCharts", "{aspect}: {reviews}").format(
            aspect=label,
            reviews=count_text(
                a.count,
                QCoreApplication.translate("ReportCharts", "ticked in {n} review"),
                QCoreApplication.translate("ReportCharts", "ticked in {n} reviews"),
            ),
        )
        for label, a in zip(labels, shown, strict=True)
    ]
    chart.show_chart(spec, tooltips)


def coaches_best_first(coaches: Sequence[CoachFigures]) -> list[CoachFigures]:
    """The coaches with an NPS, best first (ties by name)."""
    rated = [c for c in coaches if c.nps is not None]
    return sorted(rated, key=lambda c: (-(c.nps or 0), c.name.casefold()))


def draw_coaches(
    chart: ChartView, coaches: Sequence[CoachFigures], locale: QLocale | None = None
) -> None:
    """NPS per coach as horizontal bars, best first (green above zero, vermillion below), with
    the average beside each bar. With more coaches than the chart has rows for, the best and
    the worst are shown (the table lists them all)."""
    ranked = coaches_best_first(coaches)
    if not ranked:
        chart.show_empty(no_reviews_message())
        return
    spec = CoachesChart(
        title=QCoreApplication.translate("ReportCharts", "NPS by coach"),
        names=tuple(c.name for c in ranked),
        nps=tuple(c.nps or 0 for c in ranked),
        notes=tuple(
            QCoreApplication.translate("ReportCharts", " {nps} · {average} ★").format(
                nps=format_nps(c.nps), average=format_average(c.average, locale)
            )
            for c in ranked
        ),
        partial_note=QCoreApplication.translate(
            "ReportCharts", "the best and the worst: {shown} of {total} coaches"
        ),
    )
    tooltips = [
        QCoreApplication.translate(
            "ReportCharts", "{name}: {reviews}, average {average}, NPS {nps} ({segments})"
        ).format(
            name=c.name,
            reviews=reviews_count(c.reviews, locale),
            average=format_average(c.average, locale),
            nps=format_nps(c.nps),
            segments=segments_count(c.promoters, c.passives, c.detractors),
        )
        for c in ranked
    ]
    chart.show_chart(spec, tooltips)
