"""Drawing a burst of charts two at a time, in the renderer process.

A tab asks for all its charts at once (the Overview three, on start-up); drawn one after
another they take about 100 ms each while the window waits with a core idle. Where a process can
be forked cheaply, the renderer forks a helper for the burst: a copy of itself with matplotlib
loaded and warmed up (about a millisecond; its memory is shared with the renderer's until
either writes to it), which draws part of the charts and hands them back, then ends.

Only on Linux: Windows has no fork, and on macOS the system libraries numpy may use are not safe
in a forked child. Elsewhere, and for a single chart, the charts are drawn one after another.

If the helper dies (a chart that crashes matplotlib), the renderer draws what it had not sent
back itself, exactly as without a helper; the window's restart logic covers the renderer's own
death. Nothing here imports matplotlib or Qt.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection
from typing import NoReturn

from feedback_desk.ui.charts.spec import Answer, RenderRequest

log = logging.getLogger("feedback_desk.charts")

Draw = Callable[[RenderRequest], Answer]
Send = Callable[[Answer], None]

CAN_FORK = sys.platform.startswith("linux")
# How long the renderer waits for another request of the same burst once one has come: a tab's
# charts are asked for within a few milliseconds, and drawn two at a time only when read together.
GATHER_SECONDS = 0.01 if CAN_FORK else 0.0


def share(requests: Sequence[RenderRequest]) -> tuple[list[RenderRequest], list[RenderRequest]]:
    """The renderer's part and the helper's: the largest charts first, each to whichever of the
    two has fewer pixels to draw so far (a chart's cost grows with its size)."""
    parts: tuple[list[RenderRequest], list[RenderRequest]] = ([], [])
    loads = [0, 0]
    for request in sorted(requests, key=_pixels, reverse=True):
        lighter = 0 if loads[0] <= loads[1] else 1
        parts[lighter].append(request)
        loads[lighter] += _pixels(request)
    mine, theirs = parts
    # Each part in the order asked, so that a chart asked first comes back first.
    order = {id(request): index for index, request in enumerate(requests)}
    return sorted(mine, key=lambda r: order[id(r)]), sorted(theirs, key=lambda r: order[id(r)])


def _pixels(request: RenderRequest) -> int:
    return request.width * request.height


def draw_burst(
    requests: Sequence[RenderRequest],
    draw: Draw,
    send: Send,
    inherited: Iterable[Connection] = (),
) -> None:
    """Draw *requests* and *send* each answer (in the renderer's process, in any order).

    *inherited* are the renderer's own connections, which a helper closes first: it answers only
    through its own pipe."""
    if not CAN_FORK or len(requests) < 2:
        for request in requests:
            send(draw(request))
        return
    mine, theirs = share(requests)
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    pid = os.fork()
    if pid == 0:  # the helper
        _help(theirs, draw, writer, [reader, *inherited])
    writer.close()
    answered: set[int] = set()
    try:
        for request in mine:
            send(draw(request))
            _pass_on(reader, send, answered, wait=False)
        _pass_on(reader, send, answered, wait=True)
    finally:
        reader.close()
        os.waitpid(pid, 0)
    missing = [request for request in theirs if request.slot not in answered]
    if missing:
        log.warning("the chart helper ended before drawing %s chart(s): drawn here", len(missing))
    for request in missing:
        send(draw(request))


def _pass_on(reader: Connection, send: Send, answered: set[int], *, wait: bool) -> None:
    """Send on what the helper has drawn: what is there (or, waiting, all of it until it ends)."""
    try:
        while wait or reader.poll():
            answer = reader.recv()
            answered.add(answer.slot)
            send(answer)
    except (EOFError, OSError):
        return  # the helper has ended


def _help(
    requests: Sequence[RenderRequest],
    draw: Draw,
    answers: Connection,
    others: Iterable[Connection],
) -> NoReturn:
    """The forked helper: draw its part, hand it back, end at once (no clean-up of the
    renderer's state, which is the renderer's)."""
    code = 0
    # The collector would walk (and so copy) every object shared with the renderer; the helper
    # lives for one burst.
    gc.disable()
    try:
        for connection in others:
            connection.close()
        drawn = [draw(request) for request in requests]
        # Sent once all are drawn: a picture is larger than a pipe holds and the renderer reads
        # only between its own charts, so sending each at once would leave the helper waiting.
        for answer in drawn:
            answers.send(answer)
    except BaseException:  # whatever happened, the renderer draws the rest
        code = 1
    finally:
        os._exit(code)
