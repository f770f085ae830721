"""The Overview tab on a small studio and on an empty one (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from feedback_desk.store.database import Store
from feedback_desk.ui.charts.report_charts import no_reviews_message
from feedback_desk.ui.charts.spec import SegmentsChart
from feedback_desk.ui.dialogs.client_card import ClientCardDialog
from feedback_desk.ui.dialogs.opener import DialogOpener
from feedback_desk.ui.dialogs.review_details import ReviewDetailsDialog
from feedback_desk.ui.tabs.overview import OverviewTab
from tests.reports.ui_fixtures import fill_studio

WAIT_MS = 10_000


def _shown(qtbot, opener: DialogOpener) -> OverviewTab:  # type: ignore[no-untyped-def]
    tab = OverviewTab(opener.parent())
    assert tab.opener is opener  # one opener for the whole window
    qtbot.addWidget(tab)
    tab.resize(1400, 900)
    tab.show()
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.refresh()
    return tab


def _texts(entry_list) -> list[str]:  # type: ignore[no-untyped-def]
    model = entry_list.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_the_overview_shows_charts_headlines_and_every_list(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, opener)
    assert tab.segments_chart.empty_message is None
    assert tab.business_chart.empty_message is None
    assert isinstance(tab.segments_chart.spec, SegmentsChart)
    assert tab.segments_chart.image is not None
    # The last 30 days (21 April – 20 May 2026): 3 + 1 class reviews, 2 business reviews → 6
    # reviews, 1 promoter, 5 detractors; nothing in the 30 days before.
    assert tab.headlines["reviews"].value.text() == "6"
    assert tab.headlines["nps"].value.text() == "-67"
    assert tab.headlines["rate"].value.text() == "50.0 %"
    assert tab.headlines["actions"].value.text() == "5"
    assert tab.headlines["reviews"].caption.text() == "reviews, last 30 days"
    assert tab.headlines["reviews"].change.text() == "▲ 6 vs the 30 days before"
    assert tab.headlines["nps"].change.text() == "nothing to compare with in the 30 days before"

    actions = _texts(tab.actions_list)
    assert len(actions) == 5
    assert actions[0].startswith("★★★☆☆  Ann Lee · Business")
    assert "“<b>Cold</b> showers & <i>no</i> towels”" in actions[1]
    # Tooltips would render HTML: client text arrives escaped.
    tooltip = tab.actions_list.model.data(
        tab.actions_list.model.index(1, 0), Qt.ItemDataRole.ToolTipRole
    )
    assert "&lt;b&gt;Cold&lt;/b&gt; showers &amp; &lt;i&gt;no&lt;/i&gt; towels" in tooltip
    assert "<b>" not in tooltip
    assert [t.splitlines()[0] for t in _texts(tab.client_trends)] == ["Ann Lee (C1)"]
    assert "usual 5.00 over 3 reviews → now 2.50 (2 recent)" in _texts(tab.client_trends)[0]
    assert [t.splitlines()[0] for t in _texts(tab.coach_trends)] == ["Julie Tremblay (E1)"]
    assert len(_texts(tab.recent_list)) == 19
    assert not tab.actions_list.showing_empty_state


def test_an_empty_studio_shows_helpful_empty_states(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    tab = _shown(qtbot, opener)
    assert tab.segments_chart.empty_message == no_reviews_message()
    assert tab.business_chart.empty_message == no_reviews_message()
    assert tab.segments_chart.image is None  # a sentence, not empty axes
    for entry_list in (tab.actions_list, tab.client_trends, tab.coach_trends, tab.recent_list):
        assert entry_list.showing_empty_state
        assert entry_list.empty.text()
    assert tab.headlines["nps"].value.text() == "—"
    assert tab.headlines["average"].value.text() == "—"


def test_list_entries_open_their_review_client_or_coach(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, opener)
    view = tab.actions_list.view
    view.activated.emit(tab.actions_list.model.index(1, 0))
    [details] = opener.open_dialogs
    assert isinstance(details, ReviewDetailsDialog)
    qtbot.waitUntil(lambda: details.windowTitle() == "Review R-bad", timeout=10_000)

    tab.client_trends.view.activated.emit(tab.client_trends.model.index(0, 0))
    card = opener.open_dialogs[-1]
    assert isinstance(card, ClientCardDialog)
    qtbot.waitUntil(lambda: card.name.text() == "Ann Lee (C1)", timeout=10_000)

    with qtbot.waitSignal(tab.coach_requested) as requested:
        tab.coach_trends.view.activated.emit(tab.coach_trends.model.index(0, 0))
    assert requested.args is not None
    assert isinstance(requested.args[0], int)


def test_closing_older_actions_from_the_overview_refreshes_it(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, opener)
    qtbot.mouseClick(tab.close_older, Qt.MouseButton.LeftButton)
    from feedback_desk.ui.dialogs.close_action import CloseActionDialog

    dialog = tab.findChild(CloseActionDialog)
    assert dialog is not None
    from PySide6.QtCore import QDate

    assert dialog.before is not None
    dialog.before.setDate(QDate(2026, 5, 11))
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        dialog.accept()
    assert tab.headlines["actions"].value.text() == "1"
    assert [t.split("  ")[1].split(" ·")[0] for t in _texts(tab.actions_list)] == ["Ann Lee"]


def test_charts_are_drawn_at_the_size_of_the_window(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, opener)
    chart = tab.segments_chart
    assert chart.image is not None
    width_before = chart.image.width()
    with qtbot.waitSignal(chart.rendered, timeout=WAIT_MS):
        tab.resize(900, 700)
    assert chart.image.width() < width_before
    assert chart.image.width() / chart.image.devicePixelRatio() == pytest.approx(
        chart.width(), abs=2
    )


def test_hovering_a_month_tells_its_figures(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, opener)
    chart = tab.segments_chart
    # The last bar: May 2026, the month in progress.
    [region] = [r for r in chart.regions if r.index == 11]
    from PySide6.QtCore import QPoint

    middle = QPoint(round((region.left + region.right) / 2), round(region.bottom - 30))
    qtbot.mouseMove(chart, middle)
    assert (
        "May 2026 (in progress, up to 20 May 2026): 6 reviews — 1 promoter, 0 passives, "
        "5 detractors" in chart.toolTip()
    )


def test_the_google_chart_grows_month_by_month(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    from tests.google.builders import add_google_review, location
    from tests.reports.builders import local

    fill_studio(studio)
    with studio.write() as session:
        location(session, integrated_at=local(2026, 3, 15))
        for n, (month, day) in enumerate(((1, 5), (2, 6), (3, 20), (4, 2), (4, 9))):
            add_google_review(session, f"G{n}", created_at=local(2026, month, day))
    tab = _shown(qtbot, opener)
    assert tab.google_chart.empty_message is None
    assert tab.google_chart.image is not None
    assert [(m.month.month, m.cumulative) for m in tab.data.google_months] == [
        (1, 1), (2, 2), (3, 3), (4, 5), (5, 5),
    ]  # fmt: skip
    assert tab.data.google_integrated_on is not None


def test_without_google_reviews_the_google_chart_says_so(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = _shown(qtbot, opener)
    assert tab.google_chart.empty_message
    assert tab.google_chart.image is None


def test_the_overview_reports_how_often_closing_the_loop_worked(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.domain.kinds import ActionOutcome
    from feedback_desk.services.actions import close_action
    from tests.reports.builders import StudioBuilder, local

    fill_studio(studio)
    with studio.write() as session:
        close_action(
            session, "R-bad", ActionOutcome.CONTACTED, None, at=local(2026, 5, 11), actor="mia"
        )
        close_action(
            session, "R-meh", ActionOutcome.RESOLVED, None, at=local(2026, 5, 13), actor="mia"
        )
        b = StudioBuilder(session)
        from sqlalchemy import select

        from feedback_desk.store.models import Client

        ann = session.scalars(select(Client).where(Client.external_id == "C1")).one()
        b.review(ann, 5, local(2026, 5, 15), external_id="R-after")
    tab = _shown(qtbot, opener)
    qtbot.waitUntil(tab.is_idle, timeout=WAIT_MS)
    # Both closed actions' client reviewed again (5 stars) after the closing: both better.
    assert tab.headlines["loop"].value.text() == "100.0 %"
    assert "2 of the 2 clients" in tab.headlines["loop"].toolTip()


def test_a_hidden_overview_waits_to_be_shown(qtbot, studio: Store, opener: DialogOpener) -> None:  # type: ignore[no-untyped-def]
    fill_studio(studio)
    tab = OverviewTab(opener.parent())
    qtbot.addWidget(tab)
    tab.refresh()
    assert not tab.busy
    assert tab.data is None
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.show()
    assert tab.data is not None


def test_an_empty_store_says_how_to_bring_the_studio_in(
    qtbot, studio: Store, opener: DialogOpener
) -> None:  # type: ignore[no-untyped-def]
    tab = _shown(qtbot, opener)
    assert tab.welcome.isVisibleTo(tab)
    assert "File → Import…" in tab.welcome.text()
    fill_studio(studio)
    with qtbot.waitSignal(tab.refreshed, timeout=WAIT_MS):
        tab.refresh()
    assert not tab.welcome.isVisibleTo(tab)
