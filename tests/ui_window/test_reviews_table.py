"""The reviews tables: newest first, the four orders, header sorting, filters, lazy pages."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from feedback_desk.domain.localtime import month_start
from feedback_desk.domain.text import fold
from feedback_desk.services.review_listing import NEWEST, ReviewFilter
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.models.reviews_table import (
    Column,
    ReviewIdRole,
    ReviewsTableModel,
    plain_tooltip,
)
from feedback_desk.ui.widgets.periods import Period
from tests.ui_window.conftest import UNTIL, wait_model


def _all_rows(qtbot, model):  # type: ignore[no-untyped-def]
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.loading, timeout=20_000)
    return [model.row(i) for i in range(model.rowCount())]


def _choose(box, text: str) -> None:  # type: ignore[no-untyped-def]
    index = box.findText(text)
    assert index >= 0, text
    box.setCurrentIndex(index)


def test_class_reviews_are_newest_first_and_sort_by_the_four_orders(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = open_window(demo_path).page("class").panel
    model = panel.model
    wait_model(qtbot, model)
    newest = _all_rows(qtbot, model)
    dates = [r.created_at for r in newest]
    assert dates == sorted(dates, reverse=True)
    assert len(newest) == model.count

    _choose(panel.order_box, "Lowest")
    wait_model(qtbot, model)
    lowest = _all_rows(qtbot, model)
    assert [r.stars for r in lowest] == sorted(r.stars for r in newest)
    assert lowest[0].stars == 1 or lowest[0].stars == min(r.stars for r in newest)
    # Within one star value, the newest come first.
    ones = [r.created_at for r in lowest if r.stars == lowest[0].stars]
    assert ones == sorted(ones, reverse=True)

    _choose(panel.order_box, "Highest")
    wait_model(qtbot, model)
    assert model.row(0).stars == 5

    _choose(panel.order_box, "Oldest")
    wait_model(qtbot, model)
    oldest = _all_rows(qtbot, model)
    assert [r.id for r in oldest] == [r.id for r in reversed(newest)]


def test_clicking_a_header_sorts_by_that_column(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = open_window(demo_path).page("class").panel
    model = panel.model
    wait_model(qtbot, model)
    header = panel.table.horizontalHeader()
    client_section = [model.column_at(i) for i in range(model.columnCount())].index(Column.CLIENT)
    header.setSortIndicator(client_section, Qt.SortOrder.AscendingOrder)
    wait_model(qtbot, model)
    rows = _all_rows(qtbot, model)
    keys = [fold(f"{r.client_name} {r.client_external_id}") for r in rows]
    assert keys == sorted(keys)
    assert panel.order_box.currentIndex() == -1  # none of the four named orders

    stars_section = [model.column_at(i) for i in range(model.columnCount())].index(Column.STARS)
    header.setSortIndicator(stars_section, Qt.SortOrder.DescendingOrder)
    wait_model(qtbot, model)
    assert panel.order_box.currentText() == "Highest"


def test_filters_change_the_table(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = open_window(demo_path).page("class").panel
    model = panel.model
    wait_model(qtbot, model)
    everything = model.count
    accented = next(
        model.row(i)
        for i in range(model.rowCount())
        if fold(model.row(i).client_name) != model.row(i).client_name.lower()
    )
    last_name = accented.client_name.split(" ", 1)[1]
    # Typed without accents and in capitals: still found.
    panel.search_edit.setText(fold(last_name).upper())
    panel._apply_search()
    wait_model(qtbot, model)
    found = _all_rows(qtbot, model)
    assert found
    assert all(fold(last_name) in fold(r.client_name) for r in found)
    assert model.count < everything
    assert panel.count_label.text() in (f"{model.count} reviews", "1 review")

    panel.search_edit.clear()
    panel._apply_search()
    wait_model(qtbot, model)
    qtbot.waitUntil(lambda: panel.coach_box.count() > 1, timeout=20_000)
    _choose(panel.coach_box, "Marc-André Bérubé")
    wait_model(qtbot, model)
    coach_rows = _all_rows(qtbot, model)
    assert coach_rows
    assert {r.coach_name for r in coach_rows} == {"Marc-André Bérubé"}

    _choose(panel.period_box, "This month")
    wait_model(qtbot, model)
    month = _all_rows(qtbot, model)
    tz = panel.context.tz
    assert all(month_start(UNTIL) <= r.created_at.astimezone(tz).date() <= UNTIL for r in month)
    assert len(month) < len(coach_rows)

    _choose(panel.class_box, "Yin")  # Marc-André does not teach Yin
    wait_model(qtbot, model)
    assert model.rowCount() == 0
    assert panel.stack.currentWidget() is panel.empty_label
    assert panel.empty_label.text() == "No reviews match these filters."


def test_custom_period_uses_the_day_pickers(qtbot, open_window, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = open_window(demo_path).page("business").panel
    model = panel.model
    wait_model(qtbot, model)
    _choose(panel.period_box, "Custom…")
    assert panel.first_day_edit.isVisibleTo(panel)
    first = UNTIL - timedelta(days=20)
    panel.first_day_edit.setDate(first)
    panel.last_day_edit.setDate(UNTIL - timedelta(days=10))
    wait_model(qtbot, model)
    tz = panel.context.tz
    rows = _all_rows(qtbot, model)
    assert rows
    assert all(
        first <= r.created_at.astimezone(tz).date() <= UNTIL - timedelta(days=10) for r in rows
    )
    assert panel._period() is Period.CUSTOM


def test_pages_load_lazily_and_never_everything_at_once(
    qtbot, open_window, demo_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_path)
    context: WindowContext = window.context
    model = ReviewsTableModel(context, filters=ReviewFilter(), order=NEWEST, page_size=25)
    model.reload()
    wait_model(qtbot, model)
    assert model.rowCount() == 25
    assert model.count > 25
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 50, timeout=20_000)
    ids = [model.index(i, 0).data(ReviewIdRole) for i in range(50)]
    assert len(set(ids)) == 50
    assert ids[0] == model.review_id(0)


def test_comments_and_names_stay_plain_text() -> None:
    tooltip = plain_tooltip('<img src="file:///etc/passwd"> <b>bold</b> & co')
    assert "<img" not in tooltip
    assert "&lt;img" in tooltip
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in tooltip
