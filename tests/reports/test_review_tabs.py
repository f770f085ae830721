"""The Business and Class tabs: charts, filters, the by-coach table (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date

from feedback_desk.domain.periods import PeriodChoice
from feedback_desk.store.database import Store
from feedback_desk.ui.charts.report_charts import no_reviews_message
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.tabs.business import BusinessTab
from feedback_desk.ui.tabs.classes import ClassesTab
from tests.reports.ui_fixtures import fill_studio

WAIT_MS = 10_000


def _shown(qtbot, tab):  # type: ignore[no-untyped-def]
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.show()
    return tab


def test_the_business_tab_charts_its_period_and_aspects(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessTab(opener))
    assert tab.period.selected is PeriodChoice.LAST_12_MONTHS
    assert tab.period.bounds() == (date(2025, 6, 1), date(2026, 5, 20))
    totals = tab.data.report.totals
    assert (totals.reviews, totals.average) == (5, 4.0)
    assert tab.summary.text().startswith("2025-06-01 – 2026-05-20: 5 reviews · average 4.00")
    assert tab.period_chart.figure is not None
    assert tab.data.days is None  # twelve months: one bar a month
    assert [a.label_en for a in tab.data.report.excel] == ["Cleanliness"]
    assert [a.label_en for a in tab.data.report.to_improve] == ["Changing rooms"]
    assert tab.improve_chart.figure is not None
    assert tab.excel_chart.figure is not None


def test_a_shorter_period_is_charted_day_by_day(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessTab(opener))
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.period.set_choice(PeriodChoice.THIS_MONTH)
    assert tab.period.bounds() == (date(2026, 5, 1), date(2026, 5, 20))
    assert tab.data.days is not None
    assert len(tab.data.days) == 20
    assert tab.data.report.totals.reviews == 2
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.period.set_custom(date(2026, 2, 1), date(2026, 2, 2))
    assert tab.data.report.totals.reviews == 2
    assert tab.improve_chart.empty_message  # nothing to improve on those days


def test_the_class_tab_filters_by_coach_and_class_and_lists_coaches(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, ClassesTab(opener))
    assert tab.data.report.totals.reviews == 14
    rows = [
        [tab.coach_table.index(r, c).data() for c in range(5)]
        for r in range(tab.coach_table.rowCount())
    ]
    assert rows == [
        ["E1", "Julie Tremblay", "13", "4.54", "54"],
        ["E2", "Marc Roy", "1", "5.00", "100"],
    ]
    assert tab.coach_chart.figure is not None

    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.coach_view.activated.emit(tab.coach_table.index(1, 0))
    assert tab.coach.currentText() == "Marc Roy"
    assert tab.data.report.totals.reviews == 1

    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.coach.setCurrentIndex(0)
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.class_type.setCurrentIndex(tab.class_type.findText("Spin 45"))
    assert tab.data.report.totals.reviews == 13
    assert tab.data.report.totals.detractors == 3


def test_show_coach_comes_from_the_overview(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, ClassesTab(opener))
    julie = tab.coach.itemData(tab.coach.findText("Julie Tremblay"))
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.show_coach(julie)
    assert [c.name for c in tab.data.report.by_coach] == ["Julie Tremblay"]


def test_empty_tabs_show_empty_states(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    for tab in (_shown(qtbot, BusinessTab(opener)), _shown(qtbot, ClassesTab(opener))):
        assert tab.period_chart.empty_message == no_reviews_message()
        assert tab.improve_chart.empty_message
        assert tab.excel_chart.empty_message
        assert "0 reviews · average —" in tab.summary.text()
    assert tab.coach_chart.empty_message == no_reviews_message()
    assert tab.coach_table.rowCount() == 0
