"""What the report charts say: a month in progress is marked as such (hatched, lighter, a
note), month names carry their year in the interface language, forty coaches stay readable,
clicking a month shows its reviews, the charts fold away for the table, and the Overview's
cards compare the last 30 days with the 30 before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor

from feedback_desk.services.reports import CoachFigures, MonthFigures
from feedback_desk.store.database import Store
from feedback_desk.ui import i18n, preferences
from feedback_desk.ui.charts import report_charts, style
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.spec import CoachesChart, SegmentsChart
from feedback_desk.ui.formatting import format_day, format_month
from feedback_desk.ui.tabs.business import BusinessReviewsTab
from feedback_desk.ui.tabs.classes import ClassReviewsTab
from feedback_desk.ui.tabs.overview import OverviewTab
from tests.charts.test_renderer import _figures
from tests.reports.builders import StudioBuilder, local
from tests.reports.ui_fixtures import fill_studio

WAIT_MS = 30_000


def _pixel(chart: ChartView, x: float, y: float) -> QColor:
    assert chart.image is not None
    ratio = chart.image.devicePixelRatio()
    return QColor(chart.image.pixel(round(x * ratio), round(y * ratio)))


def _bar_colours(chart: ChartView, index: int) -> list[QColor]:
    """The coloured pixels met going up the middle of bucket *index*'s column from the axis:
    its lowest layer (the detractors)."""
    [region] = [r for r in chart.regions if r.index == index]
    x = (region.left + region.right) / 2
    colours = []
    y = region.bottom
    while y > region.top and len(colours) < 12:
        colour = _pixel(chart, x, y)
        if colour.hslSaturationF() > 0.3:
            colours.append(colour)
        y -= 1
    return colours


def _shown(qtbot, tab, size=(1400, 900)):  # type: ignore[no-untyped-def]
    qtbot.addWidget(tab)
    tab.resize(*size)
    tab.show()
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.refresh()
    return tab


def test_the_month_in_progress_is_hatched_lighter_and_said_to_be_in_progress(qtbot) -> None:  # type: ignore[no-untyped-def]
    months = [
        MonthFigures(date(2026, 9, 1), _figures(10, 5, 20)),
        MonthFigures(date(2026, 10, 1), _figures(10, 5, 20)),
        MonthFigures(date(2026, 11, 1), _figures(10, 5, 20)),
    ]
    buckets = report_charts.month_buckets(
        months, date(2026, 9, 1), date(2026, 11, 20), today=date(2026, 11, 20)
    )
    assert [b.complete for b in buckets] == [True, True, False]
    assert buckets[2].days == (date(2026, 11, 1), date(2026, 11, 20))
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(700, 340)
    chart.show()
    with qtbot.waitSignal(chart.rendered, timeout=WAIT_MS):
        report_charts.draw_segments(chart, buckets, title="Reviews per month")
    spec = chart.spec
    assert isinstance(spec, SegmentsChart)
    assert spec.axis.partial == (2,)
    assert spec.axis.labels == ("Sep 2026", "Oct 2026", "Nov 2026*")
    assert spec.axis.note == "* Nov 2026: in progress (to 20 Nov)"
    assert chart.tooltips[2].startswith("Nov 2026 (in progress, up to 20 Nov 2026): 35 reviews")
    # The same figures, drawn lighter (and hatched) for the month in progress.
    complete, running = _bar_colours(chart, 1), _bar_colours(chart, 2)
    assert [c.name().upper() for c in complete].count(style.DETRACTOR) >= 8
    lightness = sum(c.lightness() for c in running) / len(running)
    assert lightness > QColor(style.DETRACTOR).lightness() + 20


def test_a_month_cut_by_the_period_is_marked_too() -> None:
    months = [MonthFigures(date(2026, 2, 1), _figures(1, 0, 0))]
    [bucket] = report_charts.month_buckets(
        months, date(2026, 2, 10), date(2026, 2, 28), today=date(2026, 11, 20)
    )
    assert not bucket.complete
    assert not bucket.running
    assert bucket.days == (date(2026, 2, 10), date(2026, 2, 28))


def test_month_names_carry_their_year_in_the_interface_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert format_month(date(2026, 1, 1)) == "Jan 2026"
    assert format_day(date(2026, 11, 20)) == "20 Nov 2026"
    i18n.install_language("fr")
    try:
        assert format_month(date(2026, 1, 1)) == "janv. 2026"
        assert format_month(date(2026, 8, 1)) == "août 2026"
        assert format_day(date(2026, 11, 20)) == "20 nov. 2026"
        months = [MonthFigures(date(2026, 1, 1), _figures(1, 0, 0))]
        [bucket] = report_charts.month_buckets(
            months, date(2026, 1, 1), date(2026, 1, 31), today=date(2026, 11, 20)
        )
        assert bucket.label == "janv. 2026"
    finally:
        i18n.install_language("en")


def _forty_coaches() -> list[CoachFigures]:
    return [
        CoachFigures(
            coach_id=n,
            coach=f"E{n}",
            name=f"Coach {n:02d}",
            reviews=10,
            average=4.0,
            nps=100 - 5 * n,  # Coach 00 the best, Coach 39 the worst
            promoters=5,
            passives=3,
            detractors=2,
        )
        for n in range(40)
    ]


def test_forty_coaches_show_the_best_and_the_worst_on_rows_that_never_overlap(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ChartView(height=2.8)
    qtbot.addWidget(chart)
    chart.resize(420, 300)
    chart.show()
    coaches = _forty_coaches()
    with qtbot.waitSignal(chart.rendered, timeout=WAIT_MS):
        report_charts.draw_coaches(chart, list(reversed(coaches)))
    spec = chart.spec
    assert isinstance(spec, CoachesChart)
    assert spec.names[0] == "Coach 00"  # best first, whatever the report's order
    assert spec.names[-1] == "Coach 39"
    shown = [r.index for r in chart.regions]
    assert 5 < len(shown) < 40
    assert shown[0] == 0
    assert shown[-1] == 39
    heights = [r.bottom - r.top for r in chart.regions]
    assert min(heights) >= 11  # a row a name, none on top of another
    assert chart.tooltips[39].startswith("Coach 39: 10 reviews, average 4.00, NPS -95")


def test_the_coach_table_lists_coaches_by_name(qtbot, studio: Store, context) -> None:  # type: ignore[no-untyped-def]
    with studio.write() as session:
        b = StudioBuilder(session)
        client = b.client("C1", "Ann", "Lee")
        for external_id, first, last in (("E1", "Zoé", "Zed"), ("E2", "Anne", "Alpha")):
            coach = b.coach(external_id, first, last)
            lesson = b.class_session(f"S-{external_id}", "Spin 45", coach, local(2026, 5, 5, 9))
            b.review(client, 5, local(2026, 5, 5, 11), session=lesson)
    tab = _shown(qtbot, ClassReviewsTab(context))
    names = [tab.coach_table.index(r, 0).data() for r in range(tab.coach_table.rowCount())]
    assert names == ["Anne Alpha", "Zoé Zed"]


def test_clicking_a_month_shows_that_months_reviews_in_the_table(
    qtbot, studio: Store, context
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessReviewsTab(context))
    chart = tab.period_chart
    assert chart.clickable
    february = [b.label for b in tab._buckets].index("Feb 2026")
    [region] = [r for r in chart.regions if r.index == february]
    where = QPoint(round((region.left + region.right) / 2), round(region.bottom - 40))
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=where)
    panel = tab.panel
    assert panel.period_box.currentText() == "Custom…"
    assert panel.first_day_edit.date() == QDate(2026, 2, 1)
    assert panel.last_day_edit.date() == QDate(2026, 2, 28)
    qtbot.waitUntil(lambda: panel.model.count == 3, timeout=WAIT_MS)  # Ann's three reviews
    assert (tab.data.scope.first, tab.data.scope.last) == (date(2026, 2, 1), date(2026, 2, 28))


def test_the_charts_fold_away_for_the_table_and_the_choice_is_remembered(
    qtbot, studio: Store, context
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessReviewsTab(context), size=(1280, 720))
    assert tab.charts_shown
    table_height = tab.panel.height()
    qtbot.mouseClick(tab.charts_toggle, Qt.MouseButton.LeftButton)
    assert not tab.charts_area.isVisible()
    qtbot.waitUntil(lambda: tab.panel.height() > table_height + 150, timeout=WAIT_MS)
    assert preferences.charts_folded("business")
    assert not preferences.charts_folded("class")
    again = BusinessReviewsTab(context)
    qtbot.addWidget(again)
    assert not again.charts_shown
    other = ClassReviewsTab(context)
    qtbot.addWidget(other)
    assert other.charts_shown  # each tab its own choice
    qtbot.mouseClick(tab.charts_toggle, Qt.MouseButton.LeftButton)
    assert tab.charts_area.isVisible()
    assert not preferences.charts_folded("business")


def test_the_cards_compare_the_last_30_days_with_the_30_before(
    qtbot, studio: Store, context
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    with studio.write() as session:
        b = StudioBuilder(session)
        for n in (1, 2):
            earlier = b.client(f"C-before-{n}", "Earlier", "Client")
            b.review(earlier, 5, local(2026, 4, 1), external_id=f"R-before-{n}")
    tab = _shown(qtbot, OverviewTab(context))
    cards = tab.headlines
    assert cards["reviews"].value.text() == "6"
    assert cards["reviews"].change.text() == "▲ 4 vs the 30 days before"
    assert cards["average"].value.text() == "3.17"
    assert cards["average"].change.text() == "▼ 1.83 vs the 30 days before"
    assert cards["nps"].change.text() == "▼ 167 points vs the 30 days before"
    assert "21 Apr 2026 – 20 May 2026, against 22 Mar 2026 – 20 Apr 2026" in (
        cards["nps"].toolTip()
    )
    # Green when better, vermillion when worse: the arrow says it too.
    assert style.PROMOTER in cards["reviews"].change.styleSheet()
    assert style.DETRACTOR in cards["nps"].change.styleSheet()
    assert tab.segments_chart.spec is not None
    assert tab.segments_chart.spec.axis.partial == (11,)  # May 2026, in progress
