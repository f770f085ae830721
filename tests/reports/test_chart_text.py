"""Client text on a chart is shown as typed: never read as matplotlib's math ($...$)."""

from __future__ import annotations

from feedback_desk.ui.charts import painters, style
from feedback_desk.ui.charts.spec import AspectsChart, RenderRequest

LABELS = ("Drop-in $20 and pass $150", "$x^{2$", "Prix: 15 $ / cours")


def test_dollar_signs_in_aspects_are_plain_text_and_do_not_break_the_chart() -> None:
    spec = AspectsChart("Aspects to improve", LABELS, (5, 4, 3), style.TO_IMPROVE)
    # Drawing now: "$x^{2$" read as math would raise here.
    figure, _canvas, _bands = painters.draw(RenderRequest(1, 1, spec, 600, 300, 1.0))
    texts = [text for axes in figure.axes for text in axes.get_yticklabels()]
    shown = [text.get_text() for text in texts]
    assert all(label in shown for label in LABELS)
    assert not any(text.get_parse_math() for text in texts)
