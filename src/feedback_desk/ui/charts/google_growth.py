"""Google charts: the cumulative number of Google reviews per month (grey before the studio
connected its profile, blue since) and the distribution of their star ratings.

``draw_google_growth`` is shared with the Overview tab; its counts come from
``services.google.queries.google_monthly_counts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from feedback_desk.services.google.queries import MonthlyCount
from feedback_desk.ui.charts import style
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.spec import GoogleGrowthChart, RatingsChart, TimeAxis
from feedback_desk.ui.formatting import format_month, reviews_count, short_day, stars_label


def draw_google_growth(
    chart: ChartView,
    monthly_counts: Sequence[MonthlyCount],
    integrated_on: date | None,
    today: date,
    locale: QLocale | None = None,
) -> None:
    """Bars of the cumulative count per month; months before *integrated_on*'s month grey
    (``style.BEFORE``), the others blue (``style.LINE``); the month of *today* hatched (in
    progress). An empty state when there are none."""
    if not monthly_counts or monthly_counts[-1].cumulative == 0:
        chart.show_empty(
            QCoreApplication.translate(
                "GoogleCharts", "No Google reviews yet: they appear here after the first sync."
            )
        )
        return
    integration_month = integrated_on.replace(day=1) if integrated_on else None
    before = tuple(
        integration_month is not None and item.month < integration_month for item in monthly_counts
    )
    labels = [format_month(item.month, locale) for item in monthly_counts]
    running = next(
        (
            i
            for i, item in enumerate(monthly_counts)
            if (item.month.year, item.month.month) == (today.year, today.month)
        ),
        None,
    )
    partial = () if running is None else (running,)
    note = (
        ""
        if running is None
        else QCoreApplication.translate("GoogleCharts", "* {month}: in progress (to {day})").format(
            month=labels[running], day=short_day(today, locale)
        )
    )
    spec = GoogleGrowthChart(
        title=QCoreApplication.translate("GoogleCharts", "Google reviews, cumulative"),
        axis=TimeAxis(
            tuple(label + ("*" if i in partial else "") for i, label in enumerate(labels)),
            partial,
            note,
        ),
        cumulative=tuple(item.cumulative for item in monthly_counts),
        before=before,
        legend=(
            QCoreApplication.translate("GoogleCharts", "before the connection"),
            QCoreApplication.translate("GoogleCharts", "since the connection"),
        ),
    )
    tooltips = [
        QCoreApplication.translate("GoogleCharts", "{month}: {total} ({new} new)").format(
            month=label,
            total=reviews_count(item.cumulative, locale),
            new=item.new,
        )
        for label, item in zip(labels, monthly_counts, strict=True)
    ]
    chart.show_chart(spec, tooltips)


def draw_rating_distribution(
    chart: ChartView, distribution: Mapping[int, int], locale: QLocale | None = None
) -> None:
    """Horizontal bars: how many Google reviews gave 5, 4, 3, 2 and 1 stars."""
    locale = locale or QLocale()
    total = sum(distribution.values())
    if total == 0:
        chart.show_empty(QCoreApplication.translate("GoogleCharts", "No rated Google reviews yet."))
        return
    stars = [5, 4, 3, 2, 1]
    counts = tuple(distribution.get(s, 0) for s in stars)
    spec = RatingsChart(
        title=QCoreApplication.translate("GoogleCharts", "Google ratings"),
        labels=tuple(stars_label(s) for s in stars),
        counts=counts,
        notes=tuple(
            f" {count} ({locale.toString(100.0 * count / total, 'f', 0)} %)" for count in counts
        ),
        colors=(style.PROMOTER, style.PASSIVE, style.DETRACTOR, style.DETRACTOR, style.DETRACTOR),
    )
    tooltips = [
        QCoreApplication.translate("GoogleCharts", "{stars}: {reviews}").format(
            stars=stars_label(s),
            reviews=reviews_count(count, locale),
        )
        for s, count in zip(stars, counts, strict=True)
    ]
    chart.show_chart(spec, tooltips)
