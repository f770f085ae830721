"""The chart renderer process: it draws a chart described as data, sends back where each bar
is (hover answers in the window), is started again when it dies, says so in place when a chart
cannot be drawn, and is gone once the window has closed."""

from __future__ import annotations

import itertools
import logging
import os
import signal
import subprocess
import threading
from datetime import date
from pathlib import Path

import psutil
from matplotlib.font_manager import FontProperties
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from feedback_desk.services.reports import Figures
from feedback_desk.ui.charts import painters, report_charts
from feedback_desk.ui.charts.chart_view import ChartView
from feedback_desk.ui.charts.renderer import chart_renderer
from feedback_desk.ui.charts.spec import AspectsChart, RenderRequest, SegmentsChart, TimeAxis
from tests.conftest import PYTHON, subprocess_env

WAIT_MS = 30_000
FAILED = "This chart could not be drawn; the details are in the log."


def _figures(promoters: int, passives: int, detractors: int) -> Figures:
    reviews = promoters + passives + detractors
    return Figures(
        reviews=reviews,
        average=4.0,
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        nps=round(100 * (promoters - detractors) / reviews),
        prompts_shown=10,
        prompts_answered=5,
        response_rate=0.5,
    )


def _months() -> list[report_charts.Bucket]:
    return [
        report_charts.Bucket("Jan 2026", _figures(8, 2, 1), date(2026, 1, 1), date(2026, 1, 31)),
        report_charts.Bucket("Feb 2026", _figures(5, 1, 4), date(2026, 2, 1), date(2026, 2, 28)),
        report_charts.Bucket("Mar 2026", _figures(1, 0, 0), date(2026, 3, 1), date(2026, 3, 31)),
    ]


def _shown_chart(qtbot) -> ChartView:  # type: ignore[no-untyped-def]
    chart = ChartView()
    qtbot.addWidget(chart)
    chart.resize(640, 320)
    chart.show()
    return chart


def _draw(qtbot, chart: ChartView) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(chart.rendered, timeout=WAIT_MS):
        report_charts.draw_segments(chart, _months(), title="Reviews per month")


def test_a_chart_is_drawn_and_its_bars_answer_hover(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _shown_chart(qtbot)
    _draw(qtbot, chart)
    assert chart.image is not None
    assert chart.image.width() / chart.image.devicePixelRatio() == 640
    assert [r.index for r in chart.regions] == [0, 1, 2]
    # Something was drawn (the bars' colours), not a blank picture.
    colours = {
        QColor(chart.image.pixel(x, y)).name()
        for x in range(0, chart.image.width(), 7)
        for y in range(0, chart.image.height(), 7)
    }
    assert len(colours) > 5
    february = chart.regions[1]
    middle = QPoint(round((february.left + february.right) / 2), round(february.bottom - 40))
    qtbot.mouseMove(chart, middle)
    assert "Feb 2026: 10 reviews — 5 promoters, 1 passive, 4 detractors" in chart.toolTip()
    assert chart.tooltip_at(1, 1) is None  # the corner is no bar's


def test_the_renderer_starts_again_after_it_dies(qtbot) -> None:  # type: ignore[no-untyped-def]
    renderer = chart_renderer()
    chart = _shown_chart(qtbot)
    _draw(qtbot, chart)
    first = renderer.pid
    assert first is not None
    with qtbot.waitSignal(renderer.restarted, timeout=WAIT_MS):
        os.kill(first, signal.SIGKILL)
    assert renderer.pid not in (None, first)
    assert not psutil.pid_exists(first) or psutil.Process(first).status() == psutil.STATUS_ZOMBIE
    _draw(qtbot, chart)  # and it draws
    assert chart.image is not None
    assert chart.empty_message is None


def test_a_chart_that_cannot_be_drawn_says_so_and_logs_why(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    chart = _shown_chart(qtbot)
    broken = SegmentsChart(
        title="Broken",
        axis=TimeAxis(("Jan 2026", "Feb 2026")),
        detractors=(1, 2),
        passives=(1,),  # one value short: the renderer cannot draw it
        promoters=(1, 2),
        nps=("0", "0"),
        rates=(None, None),
        legend=("D", "P", "Pr", "R"),
        reviews_label="Reviews",
        rate_label="Rate",
        nps_label="NPS",
    )
    with (
        caplog.at_level(logging.ERROR, logger="feedback_desk.charts"),
        qtbot.waitSignal(chart.rendered, timeout=WAIT_MS),
    ):
        chart.show_chart(broken)
    assert chart.empty_message == FAILED
    assert chart.image is None
    [record] = [r for r in caplog.records if r.name == "feedback_desk.charts"]
    assert "a chart could not be drawn" in record.getMessage()
    assert "Traceback" in record.getMessage()
    _draw(qtbot, chart)  # the renderer lives on
    assert chart.empty_message is None


def test_nothing_is_left_running_once_the_window_has_closed(qtbot, clock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from feedback_desk.services.studio import open_studio
    from feedback_desk.ui.main_window import MainWindow

    window = MainWindow(open_studio(tmp_path / "s.sqlite"), clock)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.first_screen_done and window.is_idle(), timeout=WAIT_MS)
    pid = window.charts.pid
    assert pid is not None
    assert psutil.pid_exists(pid)
    window.close()
    assert window.charts.pid is None
    assert not psutil.pid_exists(pid)
    names = {thread.name for thread in threading.enumerate()}
    assert not names & {"chart-requests", "chart-answers"}


def test_client_text_is_drawn_as_it_is_written() -> None:
    """matplotlib would read "$…$" as mathematics (and fail on an unbalanced one): a studio's
    aspect or a coach's name is plain text."""
    spec = AspectsChart(
        "Aspects", ("Price $$ too high", "A $\\frac{ bad", "<b>Bold</b>"), (3, 2, 1), "#D55E00"
    )
    drawn = painters.render(RenderRequest(1, 1, spec, 400, 240, 1.0))
    assert len(drawn.regions) == 3
    assert painters.matplotlib.rcParams["text.parse_math"] is False


def test_the_renderer_process_loads_no_qt() -> None:
    probe = subprocess.run(
        [
            PYTHON,
            "-c",
            "import sys; from feedback_desk.ui.charts import painters, renderer_process; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6'}))",
        ],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=True,
    )
    assert probe.stdout.strip() == "[]"


def test_names_under_the_bars_never_overlap_however_narrow_the_chart() -> None:
    months = tuple(f"{name} 2026" for name in ("Jan", "Feb", "Mar", "Apr", "May", "Jun")) * 10
    spec = SegmentsChart(
        title="Reviews per month",
        axis=TimeAxis(months, (59,), "* Dec 2030: in progress (to 20 Dec)"),
        detractors=(1,) * 60,
        passives=(2,) * 60,
        promoters=(3,) * 60,
        nps=("33",) * 60,
        rates=(50.0,) * 60,
        legend=("Detractors", "Passives", "Promoters", "Response rate"),
        reviews_label="Reviews",
        rate_label="Response rate",
        nps_label="NPS",
    )
    font = FontProperties(size=painters.matplotlib.rcParams["font.size"])
    for width in (320, 700, 1400):
        figure, canvas, _bands = painters.draw(RenderRequest(1, 1, spec, width, 300, 1.0))
        renderer = canvas.get_renderer()
        axes = figure.axes[0]
        labels = axes.get_xticklabels()
        for line in (0, 1):  # the months, then the NPS under them
            spans = []
            for label in labels:
                text = label.get_text().split("\n")[line]
                if text:
                    middle = label.get_window_extent(renderer).x0
                    middle += label.get_window_extent(renderer).width / 2
                    half = renderer.get_text_width_height_descent(text, font, ismath=False)[0] / 2
                    spans.append((middle - half, middle + half))
            assert len(spans) >= 2
            assert all(a[1] < b[0] for a, b in itertools.pairwise(sorted(spans)))
        # The last month (the one in progress) is always named.
        assert labels[-1].get_text().startswith("Jun 2026")
