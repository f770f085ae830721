"""Throttling repeated attempts (wrong pairing codes, searches) on the studio's clock.

A sliding window per key: at most ``limit`` attempts counted in any ``window``; past that the key
is held until its oldest counted attempt leaves the window. Time comes from the caller (the
injected clock), so tests move a manual clock instead of waiting. Thread-safe: the page server
answers on several threads.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Hashable
from datetime import datetime, timedelta


class Throttle:
    def __init__(self, *, limit: int, window: timedelta) -> None:
        if limit < 1:
            raise ValueError("a throttle allows at least one attempt")
        self.limit = limit
        self.window = window
        self._attempts: dict[Hashable, deque[datetime]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: Hashable, now: datetime) -> deque[datetime]:
        times = self._attempts.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._attempts[key]
        return times

    def blocked(self, key: Hashable, now: datetime) -> bool:
        """True while *key* has used up its attempts in the window."""
        with self._lock:
            return len(self._recent(key, now)) >= self.limit

    def count(self, key: Hashable, now: datetime) -> None:
        """Count one attempt of *key* (a failure, or any attempt for a plain rate limit)."""
        with self._lock:
            self._recent(key, now)
            self._attempts.setdefault(key, deque()).append(now)
