"""The report charts of the Overview, Business and Class tabs.

Each function draws one chart on a :class:`ChartCanvas` from already computed figures (the
queries ran in a worker): bars and lines in the colour-blind-safe palette, month names in the UI
language, values on hover and in labels, and a sentence instead of empty axes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from typing import NamedTuple, Protocol

from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter
from PySide6.QtCore import QCoreApplication, QDate, QLocale

from feedback_desk.domain import segments
from feedback_desk.services.reports import (
    AspectCount,
    CoachFigures,
    DayFigures,
    Figures,
    MonthFigures,
)
from feedback_desk.ui.charts import style

MAX_ASPECTS = 10
# Beyond five years a bar a month is unreadable (and slow to draw): a bar a year.
MAX_MONTH_BARS = 60
# A fixed title height: matplotlib's automatic placement measures every tick label of every
# axes (twin ones included) and costs more than drawing the bars.
TITLE_Y = 1.02


class Bucket(NamedTuple):
    """One bar of a time chart: its label (a month or a day) and its figures."""

    label: str
    figures: Figures


class Chart(Protocol):
    """What a chart function draws on: a ChartCanvas or a BackgroundChart."""

    def draw(
        self, paint: Callable[[Axes], None], *, hover: Callable[[MouseEvent], str | None] | None
    ) -> object: ...

    def show_empty(self, message: str) -> None: ...


def no_reviews_message() -> str:
    return QCoreApplication.translate("ReportCharts", "No reviews yet in this period")


def month_label(month: date, locale: QLocale | None = None) -> str:
    """A short month name in the UI language, with the year: "Jan 26" / "janv. 26"."""
    return (locale or QLocale()).toString(QDate(month.year, month.month, 1), "MMM yy")


def _number(value: float | None, decimals: int, locale: QLocale) -> str:
    return "—" if value is None else locale.toString(float(value), "f", decimals)


def _percent(rate: float | None, locale: QLocale) -> str:
    return "—" if rate is None else f"{locale.toString(rate * 100, 'f', 1)} %"


def _index(value: float | None, count: int) -> int | None:
    if value is None:
        return None
    index = round(value)
    return index if 0 <= index < count else None


def month_ticks(axes: Axes, labels: Sequence[str]) -> None:
    """Month names under the bars, thinned out by matplotlib as the chart gets narrower."""
    names = list(labels)

    def name(value: float, _position: int | None = None) -> str:
        index = round(value)
        return names[index] if abs(value - index) < 1e-6 and 0 <= index < len(names) else ""

    axes.xaxis.set_major_locator(MaxNLocator(nbins="auto", integer=True, min_n_ticks=1))
    axes.xaxis.set_major_formatter(FuncFormatter(name))
    axes.set_xlim(-0.6, len(names) - 0.4)


def month_buckets(months: Sequence[MonthFigures], locale: QLocale | None = None) -> list[Bucket]:
    return [Bucket(month_label(m.month, locale), m.figures) for m in months]


def year_buckets(months: Sequence[MonthFigures]) -> list[Bucket]:
    """One bar a year, for periods too long to chart a bar a month (a review dated in year 26
    by a typo once asked for 24,000 bars, and the chart never finished). Counts add up; the
    year's average is the months' averages weighted by their reviews (to the rounding of the
    monthly averages)."""
    years: dict[int, list[Figures]] = {}
    for month in months:
        years.setdefault(month.month.year, []).append(month.figures)
    return [Bucket(f"{year:04d}", _combined(figures)) for year, figures in years.items()]


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


def day_buckets(days: Sequence[DayFigures], locale: QLocale | None = None) -> list[Bucket]:
    locale = locale or QLocale()
    return [
        Bucket(locale.toString(QDate(d.day.year, d.day.month, d.day.day), "d MMM"), d.figures)
        for d in days
    ]


def draw_segments_by_month(
    canvas: Chart, months: Sequence[MonthFigures], locale: QLocale | None = None
) -> None:
    """Promoters, passives and detractors stacked per month, the response rate as a line."""
    draw_segments(
        canvas,
        month_buckets(months, locale),
        title=QCoreApplication.translate(
            "ReportCharts", "Promoters, passives and detractors per month"
        ),
        locale=locale,
    )


def draw_segments(
    canvas: Chart, buckets: Sequence[Bucket], *, title: str, locale: QLocale | None = None
) -> None:
    """Promoters, passives and detractors stacked per bucket (month or day), the response rate
    as a line on its own axis, each bucket's NPS under its name."""
    locale = locale or QLocale()
    if not buckets or all(b.figures.reviews == 0 for b in buckets):
        canvas.show_empty(no_reviews_message())
        return
    labels = [b.label for b in buckets]
    detractors = [b.figures.detractors for b in buckets]
    passives = [b.figures.passives for b in buckets]
    promoters = [b.figures.promoters for b in buckets]
    rates = [
        b.figures.response_rate * 100 if b.figures.response_rate is not None else math.nan
        for b in buckets
    ]

    def paint(axes: Axes) -> None:
        positions = list(range(len(buckets)))
        bottoms = list(detractors)
        axes.bar(
            positions,
            detractors,
            color=style.DETRACTOR,
            label=QCoreApplication.translate("ReportCharts", "Detractors (1-3 ★)"),
        )
        axes.bar(
            positions,
            passives,
            bottom=bottoms,
            color=style.PASSIVE,
            label=QCoreApplication.translate("ReportCharts", "Passives (4 ★)"),
        )
        bottoms = [d + p for d, p in zip(detractors, passives, strict=True)]
        axes.bar(
            positions,
            promoters,
            bottom=bottoms,
            color=style.PROMOTER,
            label=QCoreApplication.translate("ReportCharts", "Promoters (5 ★)"),
        )
        axes.set_title(title, y=TITLE_Y)
        axes.set_ylabel(QCoreApplication.translate("ReportCharts", "Reviews"))
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        tops = [b + p for b, p in zip(bottoms, promoters, strict=True)]
        axes.set_ylim(0, max(tops) * 1.08 + 1)
        # Each month's NPS under its name, the row titled once at the left.
        month_ticks(
            axes,
            [
                f"{label}\n{'—' if m.figures.nps is None else m.figures.nps}"
                for label, m in zip(labels, buckets, strict=True)
            ],
        )
        axes.annotate(
            QCoreApplication.translate("ReportCharts", "NPS"),
            xy=(0, 0),
            xycoords="axes fraction",
            xytext=(-6, -22),
            textcoords="offset points",
            ha="right",
            va="center",
            fontsize=8,
            fontweight="bold",
        )
        rate_axes = axes.twinx()
        rate_axes.plot(
            positions,
            rates,
            color=style.LINE,
            marker="o",
            markersize=3,
            linewidth=1.6,
            label=QCoreApplication.translate("ReportCharts", "Response rate"),
        )
        rate_axes.set_ylim(0, 105)
        rate_axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))
        rate_axes.grid(visible=False)
        rate_axes.set_ylabel(QCoreApplication.translate("ReportCharts", "Response rate"))
        handles, names = axes.get_legend_handles_labels()
        more_handles, more_names = rate_axes.get_legend_handles_labels()
        axes.figure.legend(
            [*reversed(handles), *more_handles],
            [*reversed(names), *more_names],
            loc="outside lower center",
            ncols=4,
            fontsize=8,
        )

    def hover(event: MouseEvent) -> str | None:
        index = _index(event.xdata, len(buckets))
        if index is None:
            return None
        f = buckets[index].figures
        return QCoreApplication.translate(
            "ReportCharts",
            "{month}: {reviews} reviews — {promoters} promoters, {passives} passives, "
            "{detractors} detractors; NPS {nps}; average {average}; response rate {rate} "
            "({answered} of {shown} prompts)",
        ).format(
            month=labels[index],
            reviews=f.reviews,
            promoters=f.promoters,
            passives=f.passives,
            detractors=f.detractors,
            nps="—" if f.nps is None else f.nps,
            average=_number(f.average, 2, locale),
            rate=_percent(f.response_rate, locale),
            answered=f.prompts_answered,
            shown=f.prompts_shown,
        )

    canvas.draw(paint, hover=hover)


def draw_reviews_by_month(
    canvas: Chart,
    months: Sequence[MonthFigures],
    *,
    title: str,
    locale: QLocale | None = None,
) -> None:
    """Reviews per month as bars, their average as a line (1-5 stars) with its values."""
    draw_reviews(canvas, month_buckets(months, locale), title=title, locale=locale)


def draw_reviews(
    canvas: Chart, buckets: Sequence[Bucket], *, title: str, locale: QLocale | None = None
) -> None:
    """Reviews per bucket as bars, their average as a line (1-5 stars) with its values."""
    locale = locale or QLocale()
    if not buckets or all(b.figures.reviews == 0 for b in buckets):
        canvas.show_empty(no_reviews_message())
        return
    labels = [b.label for b in buckets]
    counts = [b.figures.reviews for b in buckets]
    averages = [b.figures.average if b.figures.average is not None else math.nan for b in buckets]

    def paint(axes: Axes) -> None:
        positions = list(range(len(buckets)))
        axes.bar(
            positions,
            counts,
            color=style.ACCENT,
            label=QCoreApplication.translate("ReportCharts", "Reviews"),
        )
        axes.set_title(title, y=TITLE_Y)
        axes.set_ylabel(QCoreApplication.translate("ReportCharts", "Reviews"))
        axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        axes.set_ylim(0, max(counts) * 1.1 + 1)
        month_ticks(axes, labels)
        average_axes = axes.twinx()
        average_axes.plot(
            positions,
            averages,
            color=style.LINE,
            marker="o",
            markersize=3,
            linewidth=1.6,
            label=QCoreApplication.translate("ReportCharts", "Average stars"),
        )
        for position, value in zip(positions, averages, strict=True):
            if not math.isnan(value):
                average_axes.annotate(
                    _number(value, 1, locale),
                    (position, value),
                    xytext=(0, 4),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7,
                    color=style.LINE,
                )
        average_axes.set_ylim(1, 5.4)
        average_axes.set_yticks([1, 2, 3, 4, 5])
        average_axes.grid(visible=False)
        average_axes.set_ylabel(QCoreApplication.translate("ReportCharts", "Average stars"))
        handles, names = axes.get_legend_handles_labels()
        more_handles, more_names = average_axes.get_legend_handles_labels()
        axes.figure.legend(
            [*handles, *more_handles],
            [*names, *more_names],
            loc="outside lower center",
            ncols=2,
            fontsize=8,
        )

    def hover(event: MouseEvent) -> str | None:
        index = _index(event.xdata, len(buckets))
        if index is None:
            return None
        f = buckets[index].figures
        return QCoreApplication.translate(
            "ReportCharts", "{month}: {reviews} reviews, average {average}, NPS {nps}"
        ).format(
            month=labels[index],
            reviews=f.reviews,
            average=_number(f.average, 2, locale),
            nps="—" if f.nps is None else f.nps,
        )

    canvas.draw(paint, hover=hover)


def draw_aspects(
    canvas: Chart,
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
        canvas.show_empty(empty_message)
        return
    labels = [a.label(language) for a in shown]
    counts = [a.count for a in shown]

    def paint(axes: Axes) -> None:
        positions = list(range(len(shown)))
        axes.barh(positions, counts, color=color, height=0.65)
        axes.set_yticks(positions, labels)
        # At least five slots, so that two aspects do not become two huge slabs.
        axes.set_ylim(max(len(shown), 5) - 0.5, -0.5)
        axes.set_title(title, y=TITLE_Y)
        axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        axes.grid(axis="x", alpha=0.3)
        axes.grid(axis="y", visible=False)
        axes.set_xlim(0, max(counts) * 1.15 + 0.5)
        for position, count in zip(positions, counts, strict=True):
            axes.annotate(f" {count}", (count, position), va="center", fontsize=8)

    def hover(event: MouseEvent) -> str | None:
        index = _index(event.ydata, len(shown))
        if index is None:
            return None
        return QCoreApplication.translate(
            "ReportCharts", "{aspect}: ticked in {count} reviews"
        ).format(aspect=labels[index], count=counts[index])

    canvas.draw(paint, hover=hover)


def draw_coaches(
    canvas: Chart, coaches: Sequence[CoachFigures], locale: QLocale | None = None
) -> None:
    """NPS per coach as horizontal bars (green above zero, vermillion below), with the average
    and the number of reviews beside each bar."""
    locale = locale or QLocale()
    rated = [c for c in coaches if c.nps is not None]
    if not rated:
        canvas.show_empty(no_reviews_message())
        return
    names = [c.name for c in rated]

    def paint(axes: Axes) -> None:
        positions = list(range(len(rated)))
        values = [c.nps or 0 for c in rated]
        axes.barh(
            positions,
            values,
            color=[style.PROMOTER if v >= 0 else style.DETRACTOR for v in values],
            height=0.65,
        )
        axes.set_yticks(positions, names)
        axes.set_ylim(max(len(rated), 4) - 0.5, -0.5)
        axes.axvline(0, color="#555555", linewidth=0.8)
        axes.set_xlim(min(-10, min(values) - 30), 125)
        axes.set_title(QCoreApplication.translate("ReportCharts", "NPS by coach"), y=TITLE_Y)
        axes.grid(axis="x", alpha=0.3)
        axes.grid(axis="y", visible=False)
        for position, coach in zip(positions, rated, strict=True):
            axes.annotate(
                QCoreApplication.translate("ReportCharts", " {nps} · {average} ★").format(
                    nps=coach.nps, average=_number(coach.average, 2, locale)
                ),
                (max(coach.nps or 0, 0), position),
                va="center",
                fontsize=7,
            )

    def hover(event: MouseEvent) -> str | None:
        index = _index(event.ydata, len(rated))
        if index is None:
            return None
        c = rated[index]
        return QCoreApplication.translate(
            "ReportCharts",
            "{name}: {reviews} reviews, average {average}, NPS {nps} "
            "({promoters} promoters, {passives} passives, {detractors} detractors)",
        ).format(
            name=c.name,
            reviews=c.reviews,
            average=_number(c.average, 2, locale),
            nps=c.nps,
            promoters=c.promoters,
            passives=c.passives,
            detractors=c.detractors,
        )

    canvas.draw(paint, hover=hover)
