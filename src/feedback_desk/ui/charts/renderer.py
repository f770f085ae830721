"""The application's chart renderer, seen from the GUI thread.

One renderer process serves every chart of the application (``renderer_process.py``). Each
chart widget has a slot; its newest request is the only one it waits for, and the answer comes
back on the GUI thread. If the process dies, it is started again and the charts that were
waiting are asked for again (a chart whose drawing kills the renderer twice is reported as
failed instead); it is stopped when the window closes (and started again if a chart asks later,
as tests and the kiosk's host window do).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid

from feedback_desk.ui.charts.renderer_process import RendererLink, adopt_early
from feedback_desk.ui.charts.spec import Answer, ChartSpec, RenderFailed, RenderRequest

log = logging.getLogger("feedback_desk.charts")

MAX_ATTEMPTS = 2  # a chart whose drawing killed the renderer twice fails
RESTARTS_PER_MINUTE = 3  # beyond that the renderer is broken: charts fail instead of looping

Deliver = Callable[[Answer], None]


@dataclass
class _Waiting:
    request: RenderRequest
    deliver: Deliver
    attempts: int = 1


@dataclass(frozen=True)
class _Exited:
    link: RendererLink


class ChartRenderer(QObject):
    # From the receiving thread: answers (or the process's end) wait in the inbox.
    _arrived = Signal()
    restarted = Signal()
    # Stopped on purpose (the window closed): what was waiting is drawn again when asked again.
    stopped = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._link: RendererLink | None = None
        self._inbox: deque[Answer | _Exited] = deque()
        self._waiting: dict[int, _Waiting] = {}
        self._slots = itertools.count(1)
        self._generations = itertools.count(1)
        self._restarts: deque[float] = deque()
        self._arrived.connect(self._deliver)

    # -- the process ---------------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """The renderer process's id (None when none runs)."""
        return self._link.pid if self._link is not None and self._link.alive() else None

    @property
    def running(self) -> bool:
        return self._link is not None and self._link.alive()

    def start(self) -> None:
        """Start the renderer now (at launch, so that the first charts need not wait for it)."""
        if self._link is not None:
            return
        link = adopt_early() or RendererLink()
        self._link = link
        link.attach(self._answer, self._exited)

    def stop(self) -> None:
        """End the renderer and forget what was asked (the window is closing)."""
        link, self._link = self._link, None
        self._waiting.clear()
        if link is not None:
            link.stop()
            self.stopped.emit()

    # -- requests ----------------------------------------------------------------------------

    def register(self) -> int:
        """A slot for a new chart widget."""
        return next(self._slots)

    def request(
        self, slot: int, spec: ChartSpec, width: int, height: int, ratio: float, deliver: Deliver
    ) -> None:
        """Draw *spec* for *slot*; *deliver* gets the answer on the GUI thread, unless a newer
        request of the slot (or :meth:`forget`) came first."""
        request = RenderRequest(slot, next(self._generations), spec, width, height, ratio)
        self._waiting[slot] = _Waiting(request, deliver)
        self.start()
        assert self._link is not None
        self._link.send(request)

    def forget(self, slot: int) -> None:
        """The chart is gone: drop its answer when it comes."""
        self._waiting.pop(slot, None)

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    # -- answers -----------------------------------------------------------------------------

    def _answer(self, answer: Answer) -> None:  # on the receiving thread
        self._inbox.append(answer)
        self._wake()

    def _exited(self, link: RendererLink) -> None:  # on the receiving thread (or the GUI's)
        self._inbox.append(_Exited(link))
        self._wake()

    def _wake(self) -> None:
        # RuntimeError: the application is being torn down, nobody waits any more.
        with contextlib.suppress(RuntimeError):
            self._arrived.emit()

    def _deliver(self) -> None:
        while self._inbox:
            item = self._inbox.popleft()
            if isinstance(item, _Exited):
                self._link_ended(item.link)
                continue
            waiting = self._waiting.get(item.slot)
            if waiting is None or waiting.request.generation != item.generation:
                continue  # superseded, or its chart is gone
            del self._waiting[item.slot]
            waiting.deliver(item)

    def _link_ended(self, link: RendererLink) -> None:
        if link is not self._link or link.stopping:
            return  # stopped on purpose
        exit_code = link.process.exitcode
        link.stop()
        self._link = None
        now = time.monotonic()
        while self._restarts and now - self._restarts[0] > 60:
            self._restarts.popleft()
        may_restart = len(self._restarts) < RESTARTS_PER_MINUTE
        log.error(
            "the chart renderer ended unexpectedly (exit code %s)%s",
            exit_code,
            "; starting it again" if may_restart else "; it ended too often, charts fail",
        )
        waiting = list(self._waiting.items())
        for slot, entry in waiting:
            if not may_restart or entry.attempts >= MAX_ATTEMPTS:
                del self._waiting[slot]
                entry.deliver(
                    RenderFailed(
                        slot,
                        entry.request.generation,
                        f"the chart renderer ended while drawing this chart (exit code "
                        f"{exit_code})",
                    )
                )
        if not may_restart:
            return
        self._restarts.append(now)
        self.start()
        assert self._link is not None
        for entry in self._waiting.values():
            entry.attempts += 1
            self._link.send(entry.request)
        self.restarted.emit()


_shared: list[ChartRenderer] = []


def chart_renderer() -> ChartRenderer:
    """The application's renderer (made on first use, a child of the application; stopped
    when the application quits)."""
    app = QCoreApplication.instance()
    if _shared and isValid(_shared[0]) and _shared[0].parent() is app:
        return _shared[0]
    renderer = ChartRenderer(app)
    if app is not None:
        app.aboutToQuit.connect(renderer.stop)
    _shared[:] = [renderer]
    return renderer
