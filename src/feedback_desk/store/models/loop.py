"""What "did closing the loop work?" reads: each closed action's next review, and daily counts.

Both are kept by database triggers (store/rollups/loop.py) in the transaction of every write to
reviews and actions; the application never writes them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index
from sqlalchemy.orm import Mapped, mapped_column

from feedback_desk.store.base import Base


class ActionFollowup(Base):
    """A closed action, with its review's client and stars, and the client's first review dated
    after the closing (none yet: the three ``next_`` columns are null)."""

    __tablename__ = "action_followups"

    action_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    client_id: Mapped[int]
    closed_at: Mapped[datetime]
    stars: Mapped[int]
    next_review_id: Mapped[int | None]
    next_review_at: Mapped[datetime | None]
    next_stars: Mapped[int | None]

    __table_args__ = (
        # A new review of the client: which of their closed actions it follows.
        Index("ix_action_followups_client_closed", "client_id", "closed_at"),
        Index("ix_action_followups_next_review", "next_review_id"),
        # The day of "now", which the daily counts do not cover yet.
        Index("ix_action_followups_closed", "closed_at"),
        Index("ix_action_followups_next_at", "next_review_at"),
    )


class LoopDayRollup(Base):
    """By UTC day: actions closed that day, and next reviews dated that day (those with more
    stars than the action's review: ``improved``)."""

    __tablename__ = "loop_day_rollups"

    utc_day: Mapped[date] = mapped_column(primary_key=True)
    closed: Mapped[int]
    followed: Mapped[int]
    improved: Mapped[int]

    __table_args__ = {"sqlite_with_rowid": False}
