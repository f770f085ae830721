"""Client text on a chart is shown as typed: never read as matplotlib's math ($...$)."""

from __future__ import annotations

from feedback_desk.services.reports import AspectCount
from feedback_desk.ui.charts import style
from feedback_desk.ui.charts.canvas import ChartCanvas
from feedback_desk.ui.charts.report_charts import draw_aspects

LABELS = ("Drop-in $20 and pass $150", "$x^{2$", "Prix: 15 $ / cours")


def test_dollar_signs_in_aspects_are_plain_text_and_do_not_break_the_chart(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ChartCanvas()
    qtbot.addWidget(chart)
    aspects = [AspectCount(i, label, label, 5 - i) for i, label in enumerate(LABELS)]
    draw_aspects(
        chart,
        aspects,
        title="Aspects to improve",
        color=style.TO_IMPROVE,
        language="en",
        empty_message="No aspects yet",
    )
    chart.canvas.draw()  # renders now: "$x^{2$" read as math would raise here
    assert chart.empty_message is None
    labels = chart.figure.axes[0].get_yticklabels()
    assert [label.get_text() for label in labels][: len(LABELS)] == list(LABELS)
    assert not any(label.get_parse_math() for label in labels)
