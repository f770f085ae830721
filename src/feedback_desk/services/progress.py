"""How long work reports progress and learns it was cancelled, without knowing about Qt."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import Protocol


class Cancelled(Exception):
    """The user cancelled the work; whatever was committed before stays, the rest is not done."""


class Progress(Protocol):
    def report(self, done: int, total: int | None, message: str) -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NullProgress:
    """For the command line and tests: reports go nowhere, never cancelled."""

    def report(self, done: int, total: int | None, message: str) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


class ThrottledProgress:
    """Passes on at most one report every *interval* seconds (and always the last of a phase,
    done == total): a window shows them on its GUI thread, where each costs a wait for
    Python's lock while the worker computes."""

    def __init__(
        self, progress: Progress, interval: float = 0.2, clock: Callable[[], float] = monotonic
    ) -> None:
        self._progress = progress
        self._interval = interval
        self._clock = clock
        self._last = -interval

    def report(self, done: int, total: int | None, message: str) -> None:
        now = self._clock()
        if now - self._last >= self._interval or done == total:
            self._last = now
            self._progress.report(done, total, message)

    @property
    def cancelled(self) -> bool:
        return self._progress.cancelled


def check_cancelled(progress: Progress) -> None:
    if progress.cancelled:
        raise Cancelled()
