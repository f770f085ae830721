"""The cumulative Google chart: grey before the integration month, blue from it on."""

from __future__ import annotations

from datetime import date

from matplotlib.colors import to_hex

from feedback_desk.services.google.queries import MonthlyCount
from feedback_desk.ui.charts import style
from feedback_desk.ui.charts.canvas import ChartCanvas
from feedback_desk.ui.charts.google_growth import draw_google_growth, draw_rating_distribution


def test_months_before_the_integration_are_grey(qtbot) -> None:  # type: ignore[no-untyped-def]
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    counts = [
        MonthlyCount(date(2026, 1, 1), 2, 2),
        MonthlyCount(date(2026, 2, 1), 1, 3),
        MonthlyCount(date(2026, 3, 1), 4, 7),
    ]
    draw_google_growth(canvas, counts, date(2026, 2, 17))
    axes = canvas.figure.axes[0]
    bars = axes.patches
    assert [round(b.get_height()) for b in bars] == [2, 3, 7]
    assert [to_hex(b.get_facecolor()).upper() for b in bars] == [
        style.BEFORE,
        style.LINE,
        style.LINE,
    ]
    assert canvas.empty_message is None


def test_empty_states(qtbot) -> None:  # type: ignore[no-untyped-def]
    canvas = ChartCanvas()
    qtbot.addWidget(canvas)
    draw_google_growth(canvas, [], None)
    assert canvas.empty_message is not None
    assert "No Google reviews yet" in canvas.empty_message
    draw_rating_distribution(canvas, {1: 0, 2: 0, 3: 0, 4: 0, 5: 0})
    assert canvas.empty_message == "No rated Google reviews yet."
