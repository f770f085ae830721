"""The Google charts: the cumulative count, grey before the integration month, blue from it
on, the month in progress hatched; the ratings; their empty states."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from feedback_desk.services.google.queries import MonthlyCount
from feedback_desk.ui.charts import style
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.google_growth import draw_google_growth, draw_rating_distribution
from feedback_desk.ui.charts.spec import GoogleGrowthChart

WAIT_MS = 20_000


def _bar_colour(chart: ChartView, index: int) -> str:
    """The colour of bucket *index*'s bar, read from the picture just above the axis."""
    [region] = [r for r in chart.regions if r.index == index]
    assert chart.image is not None
    ratio = chart.image.devicePixelRatio()
    x = round((region.left + region.right) / 2 * ratio)
    labels_height = 30  # the month names under the axis
    y = round((region.bottom - labels_height) * ratio)
    return QColor(chart.image.pixel(x, y)).name().upper()


def test_months_before_the_integration_are_grey(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(600, 320)
    chart.show()
    counts = [
        MonthlyCount(date(2026, 1, 1), 2, 2),
        MonthlyCount(date(2026, 2, 1), 1, 3),
        MonthlyCount(date(2026, 3, 1), 4, 7),
    ]
    with qtbot.waitSignal(chart.rendered, timeout=WAIT_MS):
        draw_google_growth(chart, counts, date(2026, 2, 17), today=date(2026, 3, 20))
    spec = chart.spec
    assert isinstance(spec, GoogleGrowthChart)
    assert spec.cumulative == (2, 3, 7)
    assert spec.axis.labels == ("Jan 2026", "Feb 2026", "Mar 2026*")
    assert spec.axis.partial == (2,)  # March is still running
    assert _bar_colour(chart, 0) == style.BEFORE
    assert _bar_colour(chart, 1) == style.LINE
    assert chart.empty_message is None
    assert chart.tooltips[2] == "Mar 2026: 7 reviews (4 new)"


def test_empty_states(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ChartView()
    qtbot.addWidget(chart)
    draw_google_growth(chart, [], None, today=date(2026, 3, 20))
    assert chart.empty_message is not None
    assert "No Google reviews yet" in chart.empty_message
    draw_rating_distribution(chart, {1: 0, 2: 0, 3: 0, 4: 0, 5: 0})
    assert chart.empty_message == "No rated Google reviews yet."
    assert chart.image is None
