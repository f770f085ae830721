"""The one place that answers "what time is it".

Everything that needs "now" receives a :class:`Clock`; the command line's ``--at`` builds a
:class:`FixedClock`, tests use :class:`ManualClock` and move it forward instead of sleeping.
All instants are timezone-aware UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...


def _require_aware(at: datetime) -> datetime:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("clock instants must be timezone-aware")
    return at.astimezone(UTC)


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """Always answers the same instant (the command line's ``--at``)."""

    def __init__(self, at: datetime) -> None:
        self._at = _require_aware(at)

    def now(self) -> datetime:
        return self._at


class ManualClock(FixedClock):
    """A fixed clock that tests move by hand."""

    def advance(self, delta: timedelta) -> None:
        self._at = self._at + delta

    def set(self, at: datetime) -> None:
        self._at = _require_aware(at)
