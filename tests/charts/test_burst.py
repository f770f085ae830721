"""A tab's charts, asked for together, are drawn two at a time (on Linux): the largest by the
renderer, the others by a helper it forks; they come back exactly as drawn one by one, each
once, and whole even when the helper dies part way."""

from __future__ import annotations

import subprocess
import threading

import pytest

from feedback_desk.ui.charts import painters
from feedback_desk.ui.charts.burst import CAN_FORK, share
from feedback_desk.ui.charts.renderer_process import RendererLink
from feedback_desk.ui.charts.spec import Answer, AspectsChart, Rendered, RenderRequest
from tests.conftest import PYTHON, subprocess_env

WAIT_S = 60


def _request(slot: int, width: int, height: int) -> RenderRequest:
    spec = AspectsChart(
        f"Chart {slot}", ("Cleanliness", "Music", "Coach"), (slot + 4, 3, 1), "#0072B2"
    )
    return RenderRequest(slot, 1, spec, width, height, 1.0)


def test_the_largest_chart_is_drawn_alone_while_the_helper_draws_the_two_others() -> None:
    wide, first, second = _request(1, 600, 380), _request(2, 340, 380), _request(3, 340, 380)
    mine, theirs = share([first, wide, second])
    assert mine == [wide]
    assert theirs == [first, second]  # in the order asked
    mine, theirs = share([_request(4, 300, 300), _request(5, 300, 300)])
    assert [r.slot for r in mine] == [4]
    assert [r.slot for r in theirs] == [5]


@pytest.mark.skipif(not CAN_FORK, reason="drawn one after another where there is no cheap fork")
def test_a_burst_comes_back_whole_each_chart_once_as_drawn_alone() -> None:
    requests = [_request(1, 600, 380), _request(2, 340, 380), _request(3, 340, 380)]
    answers: list[Answer] = []
    all_in = threading.Event()

    def arrived(answer: Answer) -> None:
        answers.append(answer)
        if len(answers) == len(requests):
            all_in.set()

    link = RendererLink()
    try:
        link.attach(arrived, lambda _link: all_in.set())
        for request in requests:
            link.send(request)
        assert all_in.wait(WAIT_S)
    finally:
        link.stop()
    assert sorted(a.slot for a in answers) == [1, 2, 3]
    for answer in answers:
        assert isinstance(answer, Rendered)
        alone = painters.render(requests[answer.slot - 1])
        assert (answer.width, answer.height) == (alone.width, alone.height)
        assert answer.pixels == alone.pixels
        assert answer.regions == alone.regions


HELPER_DIES = """
import os
from feedback_desk.ui.charts.burst import draw_burst
from feedback_desk.ui.charts.spec import AspectsChart, Rendered, RenderRequest

renderer = os.getpid()
spec = AspectsChart("Chart", ("A",), (1,), "#0072B2")
requests = [RenderRequest(slot, 1, spec, 600 - 100 * slot, 300, 1.0) for slot in (1, 2, 3)]

def draw(request):
    if os.getpid() != renderer:
        os._exit(3)  # the helper dies at its first chart
    return Rendered(request.slot, request.generation, b"", 0, 0, 1.0, ())

sent = []
draw_burst(requests, draw, sent.append)
print(sorted(answer.slot for answer in sent))
"""


@pytest.mark.skipif(not CAN_FORK, reason="no helper where there is no cheap fork")
def test_charts_a_dead_helper_did_not_send_back_are_drawn_by_the_renderer() -> None:
    run = subprocess.run(
        [PYTHON, "-c", HELPER_DIES],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=WAIT_S,
        check=True,
    )
    assert run.stdout.strip() == "[1, 2, 3]"  # each once
    assert "the chart helper ended before drawing 2 chart(s): drawn here" in run.stderr
