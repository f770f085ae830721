"""Google charts: the cumulative number of Google reviews per month (grey before the studio
connected its profile, blue since) and the distribution of their star ratings.

``draw_google_growth`` is shared with the Overview tab; its counts come from
``services.google.queries.google_monthly_counts``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator
from PySide6.QtCore import QCoreApplication, QDate, QLocale

from feedback_desk.services.google.queries import MonthlyCount
from feedback_desk.ui.charts import style
from feedback_desk.ui.charts.canvas import ChartCanvas
from feedback_desk.ui.charts.report_charts import month_ticks

_CONTEXT = "GoogleCharts"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _month_label(month: date, locale: QLocale) -> str:
    return locale.toString(QDate(month.year, month.month, 1), "MMM yy")


def draw_google_growth(
    canvas: ChartCanvas,
    monthly_counts: Sequence[MonthlyCount],
    integrated_on: date | None,
    locale: QLocale | None = None,
) -> None:
    """Bars of the cumulative count per month; months before *integrated_on*'s month grey
    (``style.BEFORE``), the others blue (``style.LINE``). An empty state when there are none."""
    locale = locale or QLocale()
    if not monthly_counts or monthly_counts[-1].cumulative == 0:
        canvas.show_empty(_tr("No Google reviews yet: they appear here after the first sync."))
        return
    integration_month = integrated_on.replace(day=1) if integrated_on else None
    before = [
        integration_month is not None and item.month < integration_month for item in monthly_counts
    ]
    labels = [_month_label(item.month, locale) for item in monthly_counts]

    def paint(axes: Axes) -> None:
        positions = range(len(monthly_counts))
        axes.bar(
            positions,
            [item.cumulative for item in monthly_counts],
            color=[style.BEFORE if b else style.LINE for b in before],
            width=0.8,
        )
        axes.set_title(_tr("Google reviews, cumulative"))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        # Month names thinned out by matplotlib as the chart gets narrower (the Overview's is).
        month_ticks(axes, labels)
        handles = [Patch(color=style.LINE, label=_tr("since the connection"))]
        if any(before):
            handles.insert(0, Patch(color=style.BEFORE, label=_tr("before the connection")))
        axes.legend(handles=handles, loc="upper left")

    def hover(event: MouseEvent) -> str | None:
        if event.xdata is None:
            return None
        index = round(event.xdata)
        if not 0 <= index < len(monthly_counts):
            return None
        item = monthly_counts[index]
        return _tr("{month}: {total} reviews ({new} new)").format(
            month=labels[index], total=item.cumulative, new=item.new
        )

    canvas.draw(paint, hover=hover)


def draw_rating_distribution(
    canvas: ChartCanvas, distribution: Mapping[int, int], locale: QLocale | None = None
) -> None:
    """Horizontal bars: how many Google reviews gave 5, 4, 3, 2 and 1 stars."""
    locale = locale or QLocale()
    total = sum(distribution.values())
    if total == 0:
        canvas.show_empty(_tr("No rated Google reviews yet."))
        return
    stars = [5, 4, 3, 2, 1]
    counts = [distribution.get(s, 0) for s in stars]
    colours = [style.PROMOTER, style.PASSIVE, style.DETRACTOR, style.DETRACTOR, style.DETRACTOR]

    def paint(axes: Axes) -> None:
        axes.barh(range(5), counts, color=colours)
        axes.set_yticks(range(5), [_tr("{n} ★").format(n=s) for s in stars])
        axes.invert_yaxis()
        axes.set_title(_tr("Google ratings"))
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.grid(axis="x", alpha=0.3)
        axes.grid(axis="y", visible=False)
        for index, count in enumerate(counts):
            share = locale.toString(100.0 * count / total, "f", 0)
            axes.annotate(
                f" {count} ({share} %)",
                (count, index),
                va="center",
                fontsize=8,
            )

    def hover(event: MouseEvent) -> str | None:
        if event.ydata is None:
            return None
        index = round(event.ydata)
        if not 0 <= index < 5:
            return None
        return _tr("{n} stars: {count} reviews").format(n=stars[index], count=counts[index])

    canvas.draw(paint, hover=hover)
