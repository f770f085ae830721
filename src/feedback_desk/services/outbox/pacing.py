"""At most N messages a minute: a sliding window over an injected clock and sleeper.

The command line and the window pace on the real monotonic clock; tests give a clock they move
by hand and a sleeper that moves it, so no test sleeps.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from feedback_desk.clock import ManualClock

WINDOW_SECONDS = 60.0


@dataclass(frozen=True)
class Pacing:
    now: Callable[[], float]
    sleep: Callable[[float], None]

    @classmethod
    def realtime(cls, sleep: Callable[[float], None] = time.sleep) -> Pacing:
        return cls(time.monotonic, sleep)

    @classmethod
    def on_clock(cls, clock: ManualClock, slept: list[float] | None = None) -> Pacing:
        """Paces on a hand-moved clock: sleeping moves the clock (and is noted in *slept*)."""
        from datetime import timedelta

        def sleep(seconds: float) -> None:
            if slept is not None:
                slept.append(seconds)
            clock.advance(timedelta(seconds=seconds))

        return cls(lambda: clock.now().timestamp(), sleep)


class Pacer:
    def __init__(self, per_minute: int, pacing: Pacing) -> None:
        self._per_minute = max(1, per_minute)
        self._pacing = pacing
        self._sent: deque[float] = deque()

    def wait_for_turn(self) -> float:
        """Sleep until one more message fits in the last minute; returns the seconds slept."""
        slept = 0.0
        while True:
            now = self._pacing.now()
            while self._sent and self._sent[0] <= now - WINDOW_SECONDS:
                self._sent.popleft()
            if len(self._sent) < self._per_minute:
                return slept
            pause = self._sent[0] + WINDOW_SECONDS - now
            self._pacing.sleep(pause)
            slept += pause

    def record(self) -> None:
        self._sent.append(self._pacing.now())
