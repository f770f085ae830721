"""Aggregates over instant columns (MAX, COALESCE) bypass the column type on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime


def aware_utc(value: datetime | str | None) -> datetime | None:
    """The aware UTC instant of an aggregate's raw value (a string or naive UTC on SQLite)."""
    if value is None:
        return None
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)
