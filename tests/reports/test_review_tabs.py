"""The Business and Class tabs: charts following the table's filters, the by-coach table, the
"edited manually" mark in the table (pytest-qt, offscreen)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from feedback_desk.store.database import Store
from feedback_desk.ui.charts.report_charts import no_reviews_message
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.models.reviews_table import EDITED_MARK, Column
from feedback_desk.ui.tabs.business import BusinessReviewsTab
from feedback_desk.ui.tabs.classes import ClassReviewsTab
from tests.reports.ui_fixtures import fill_studio

WAIT_MS = 10_000


def _shown(qtbot, tab):  # type: ignore[no-untyped-def]
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.refresh()
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() > 0 or tab.panel.model.complete)
    return tab


def _choose(qtbot, tab, box, text: str) -> None:  # type: ignore[no-untyped-def]
    index = box.findText(text)
    assert index >= 0, text
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        box.setCurrentIndex(index)


def test_the_business_tab_charts_what_its_table_shows(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessReviewsTab(context))
    # All time: from the first business review to today.
    assert (tab.data.scope.first, tab.data.scope.last) == (date(2026, 2, 1), date(2026, 5, 20))
    totals = tab.data.report.totals
    assert (totals.reviews, totals.average) == (5, 4.0)
    assert tab.summary.text().startswith("1 Feb 2026 – 20 May 2026: 5 reviews · average 4.00")
    assert tab.panel.model.rowCount() == 5
    assert tab.data.days is None  # four months: one bar a month
    assert tab.period_chart.image is not None
    assert [a.label_en for a in tab.data.report.excel] == ["Cleanliness"]
    assert [a.label_en for a in tab.data.report.to_improve] == ["Changing rooms"]
    assert tab.improve_chart.image is not None
    assert tab.excel_chart.image is not None


def test_the_period_of_the_table_is_the_period_of_the_charts(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessReviewsTab(context))
    _choose(qtbot, tab, tab.panel.period_box, "This month")
    assert (tab.data.scope.first, tab.data.scope.last) == (date(2026, 5, 1), date(2026, 5, 20))
    assert tab.data.days is not None
    assert len(tab.data.days) == 20  # a short period: one bar a day
    assert tab.data.report.totals.reviews == 2
    # Custom starts from the days shown: nothing to reload until a day changes.
    tab.panel.period_box.setCurrentIndex(tab.panel.period_box.findText("Custom…"))
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.panel.first_day_edit.setDate(QDate(2026, 2, 1))
        tab.panel.last_day_edit.setDate(QDate(2026, 2, 2))
    assert (tab.data.scope.first, tab.data.scope.last) == (date(2026, 2, 1), date(2026, 2, 2))
    assert tab.data.report.totals.reviews == 2
    assert tab.improve_chart.empty_message  # nothing to improve on those days


def test_the_class_tab_lists_coaches_and_filters_by_coach_and_class(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, ClassReviewsTab(context))
    assert tab.data.report.totals.reviews == 14
    rows = [
        [tab.coach_table.index(r, c).data() for c in range(4)]
        for r in range(tab.coach_table.rowCount())
    ]
    assert rows == [
        ["Julie Tremblay", "13", "4.54", "54"],
        ["Marc Roy", "1", "5.00", "100"],
    ]
    assert tab.coach_chart.image is not None

    qtbot.waitUntil(lambda: tab.panel.coach_box.count() > 1, timeout=WAIT_MS)
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.coach_view.activated.emit(tab.coach_table.index(1, 0))
    assert tab.panel.coach_box.currentText() == "Marc Roy"
    assert tab.data.report.totals.reviews == 1
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == 1, timeout=WAIT_MS)

    _choose(qtbot, tab, tab.panel.coach_box, "All coaches")
    _choose(qtbot, tab, tab.panel.class_box, "Spin 45")
    assert (tab.data.report.totals.reviews, tab.data.report.totals.detractors) == (13, 3)


def test_a_coach_asked_for_before_the_coach_list_loaded_is_shown_once_it_has(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = ClassReviewsTab(context)
    qtbot.addWidget(tab)
    with studio.read() as session:
        from sqlalchemy import select

        from feedback_desk.store.models import Coach

        julie = session.scalars(select(Coach.id).where(Coach.external_id == "E1")).one()
    tab.show()
    tab.show_coach(julie)  # the list is still empty
    tab.refresh()
    qtbot.waitUntil(lambda: tab.panel.coach_box.currentText() == "Julie Tremblay", timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: (
            tab.data is not None
            and [c.name for c in tab.data.report.by_coach] == ["Julie Tremblay"]
        ),
        timeout=WAIT_MS,
    )


def test_a_manual_edit_marks_the_row_and_moves_the_figures(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, BusinessReviewsTab(context))
    stars_column = [tab.panel.model.column_at(c) for c in range(tab.panel.model.columnCount())]
    stars = stars_column.index(Column.STARS)
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        opener.edit_stars(None, "R-meh", 5, "misread")
    model = tab.panel.model
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=WAIT_MS)
    marks = {
        model.row(r).external_id: model.index(r, stars).data() for r in range(model.rowCount())
    }
    assert marks["R-meh"] == "★★★★★ " + EDITED_MARK
    assert EDITED_MARK not in marks["R-bad"]
    assert tab.data.report.totals.average == 4.4  # 5, 5, 5, 2 and now 5


def test_empty_tabs_show_empty_states(qtbot, studio: Store, context, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    business = _shown(qtbot, BusinessReviewsTab(context))
    classes = _shown(qtbot, ClassReviewsTab(context))
    for tab in (business, classes):
        assert tab.period_chart.empty_message == no_reviews_message()
        assert tab.improve_chart.empty_message
        assert tab.excel_chart.empty_message
        assert "0 reviews · average —" in tab.summary.text()
        assert tab.panel.stack.currentWidget() is tab.panel.empty_label
    assert classes.coach_chart.empty_message == no_reviews_message()
    assert classes.coach_table.rowCount() == 0


def test_a_hidden_tab_loads_its_table_now_and_its_figures_when_shown(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = BusinessReviewsTab(context)
    qtbot.addWidget(tab)
    tab.refresh()
    qtbot.waitUntil(lambda: tab.panel.model.rowCount() == 5, timeout=WAIT_MS)
    assert tab.data is None
    assert tab.figures_pending
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.show()
    assert tab.data is not None
    assert not tab.figures_pending


def test_a_review_dated_in_year_26_neither_stalls_the_tab_nor_stretches_its_period(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    """A typo in an imported file (0026 for 2026) once asked the chart for 24,000 bars: the
    Business tab never finished loading."""
    from datetime import UTC, datetime

    from sqlalchemy import select

    from feedback_desk.store.models import Review

    fill_studio(studio)
    with studio.write() as session:
        typo = session.scalars(select(Review).where(Review.kind == "business")).first()
        assert typo is not None
        typo.created_at = datetime(26, 5, 15, 14, 0, tzinfo=UTC)
        typo.local_day = date(26, 5, 15)
    tab = _shown(qtbot, BusinessReviewsTab(context))
    assert tab.data.scope.first.year == 2026  # not twenty centuries
    assert tab.period_chart.image is not None
    assert "Reviews dated before 1900" in tab.summary.text()
    assert tab.summary.text().endswith("left out of these figures: 1")


def test_a_row_of_the_reviews_table_is_answered_by_email(
    qtbot, studio: Store, context, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.ui.dialogs.compose_email import ComposeEmailDialog

    fill_studio(studio)
    tab = _shown(qtbot, BusinessReviewsTab(context))
    panel = tab.panel
    assert not panel.reply_button.isEnabled()  # nothing chosen yet
    panel.table.selectRow(0)
    assert panel.reply_button.isEnabled()
    qtbot.mouseClick(panel.reply_button, Qt.MouseButton.LeftButton)
    compose = opener.open_dialogs[-1]
    assert isinstance(compose, ComposeEmailDialog)
    qtbot.waitUntil(lambda: compose.is_ready, timeout=WAIT_MS)
    assert compose.subject_edit.text()
    compose.reject()
    # The same from the row's context menu.
    menu = panel.review_menu(panel.model.index(1, 0))
    assert [a.text() for a in menu.actions()] == ["Open the review", "Reply by email…"]
    menu.actions()[1].trigger()
    assert isinstance(opener.open_dialogs[-1], ComposeEmailDialog)
    assert opener.open_dialogs[-1] is not compose
    menu.close()
