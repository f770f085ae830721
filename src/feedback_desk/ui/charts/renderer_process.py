"""The chart renderer: a separate process that draws charts with matplotlib, and the link the
window keeps to it.

Why a process: a chart drawn by matplotlib on a thread of the window's process holds the GIL for
tens or hundreds of milliseconds, and the window cannot paint meanwhile. In its own process,
matplotlib is also never imported by the window: it loads beside the window's start-up instead
of before it.

The process reads :class:`~feedback_desk.ui.charts.spec.RenderRequest` objects from one pipe
and answers each with ``Rendered`` (pixels and bar regions) or ``RenderFailed`` (a traceback) on
another. Requests that arrived while it was drawing are read together and only the newest of
each chart is drawn (a window being resized asks for many); such a burst is drawn two charts at a
time where the platform allows (``burst.py``). It ends when the window's end of
the pipe closes (the window stopped it, or died) or on ``None``.

This module imports neither Qt nor matplotlib in the window's process (matplotlib is imported
by :func:`serve`, in the renderer's).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import queue
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from feedback_desk.ui.charts.burst import GATHER_SECONDS, draw_burst
from feedback_desk.ui.charts.spec import Answer, RenderFailed, RenderRequest

log = logging.getLogger("feedback_desk.charts")

STOP_TIMEOUT_S = 2.0


def serve(requests: Connection, answers: Connection) -> None:
    """The renderer process's main loop."""
    # matplotlib's import and the warm-up build only objects that live as long as the
    # process: no collection while they load (about a tenth of the time), and frozen once
    # loaded so the collections after each burst walk only what the charts made.
    gc.disable()
    from feedback_desk.ui.charts import painters

    painters.warm_up()
    gc.freeze()
    gc.enable()
    while True:
        try:
            batch = [requests.recv()]
            while requests.poll(GATHER_SECONDS):
                batch.append(requests.recv())
        except (EOFError, OSError):
            return
        newest: dict[int, RenderRequest] = {}
        for request in batch:
            if request is None:
                return
            newest.pop(request.slot, None)  # keep the arrival order of the newest ones
            newest[request.slot] = request
        try:
            draw_burst(list(newest.values()), _draw, answers.send, inherited=(requests, answers))
        except (BrokenPipeError, OSError):
            return
        if not requests.poll():
            # A drawn figure is a web of cycles that only a full collection frees: freed while
            # idle, its memory is reused by the next charts (and not copied by the next helper).
            gc.collect()


def _draw(request: RenderRequest) -> Answer:
    """One chart's answer: its pixels, or why it could not be drawn."""
    from feedback_desk.ui.charts import painters

    try:
        return painters.render(request)
    except Exception:
        return RenderFailed(request.slot, request.generation, traceback.format_exc())


class RendererLink:
    """The window's end: starts the process, sends requests from a thread of its own (the
    caller never waits on a pipe), and hands every answer, then the process's end, to the
    callbacks on a receiving thread. No Qt here: ``renderer.ChartRenderer`` brings the answers
    to the GUI thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._on_answer: Callable[[Answer], None] | None = None
        self._on_exit: Callable[[RendererLink], None] | None = None
        self.exited = False
        context = multiprocessing.get_context("spawn")
        request_reader, self._requests = context.Pipe(duplex=False)
        self._answers, answer_writer = context.Pipe(duplex=False)
        self.process: BaseProcess = context.Process(
            target=serve,
            args=(request_reader, answer_writer),
            name="feedback-desk-charts",
            daemon=True,  # never outlives the window's process
        )
        self._outgoing: queue.SimpleQueue[RenderRequest | None] = queue.SimpleQueue()
        self.stopping = False
        self.process.start()
        # Only the renderer holds these ends now: its exit closes the answers' pipe.
        request_reader.close()
        answer_writer.close()
        self._sender = threading.Thread(target=self._send, name="chart-requests", daemon=True)
        self._receiver = threading.Thread(target=self._receive, name="chart-answers", daemon=True)
        self._sender.start()
        self._receiver.start()

    def attach(
        self, on_answer: Callable[[Answer], None], on_exit: Callable[[RendererLink], None]
    ) -> None:
        """Where answers go (on the receiving thread), and who hears of the process's end
        (at once if it already ended)."""
        with self._lock:
            self._on_answer, self._on_exit = on_answer, on_exit
            exited = self.exited
        if exited:
            on_exit(self)

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.is_alive()

    def send(self, request: RenderRequest) -> None:
        self._outgoing.put(request)

    def _send(self) -> None:
        while True:
            request = self._outgoing.get()
            try:
                self._requests.send(request)
            except (BrokenPipeError, OSError, ValueError):
                return  # the renderer is gone: the receiver reports it
            if request is None:
                return

    def _receive(self) -> None:
        while True:
            try:
                answer = self._answers.recv()
            except (EOFError, OSError):
                break
            with self._lock:
                on_answer = self._on_answer
            if on_answer is not None:
                on_answer(answer)
        self._answers.close()
        with self._lock:
            self.exited = True
            on_exit = self._on_exit
        if on_exit is not None:
            on_exit(self)

    def stop(self) -> None:
        """Ask the renderer to end, wait for it (terminate it if it does not), join the
        threads."""
        self.stopping = True
        self._outgoing.put(None)
        self.process.join(STOP_TIMEOUT_S)
        if self.process.is_alive():
            log.warning("the chart renderer did not stop in %s s: terminated", STOP_TIMEOUT_S)
            self.process.terminate()
            self.process.join(STOP_TIMEOUT_S)
        self._sender.join(STOP_TIMEOUT_S)
        self._receiver.join(STOP_TIMEOUT_S)
        self._requests.close()
        self.process.close()


_started_early: list[RendererLink] = []
_starting: list[threading.Thread] = []


def start_early() -> None:
    """Start the renderer before the window's own start-up (``feedback-desk`` does, first
    thing), so that matplotlib loads while Qt and the store do; the window adopts it. Started
    from a thread: launching a process takes a good tenth of a second the start-up need not
    wait for."""
    if _started_early or _starting:
        return
    starter = threading.Thread(
        target=lambda: _started_early.append(RendererLink()), name="chart-renderer-start"
    )
    _starting.append(starter)
    starter.start()


def adopt_early() -> RendererLink | None:
    """The renderer :func:`start_early` started (waiting for its start to finish), if any."""
    while _starting:
        _starting.pop().join()
    return _started_early.pop() if _started_early else None
