"""Daily rollups of reviews and prompts: counts by local day and by what the reports group on.

Kept exact by database triggers in the transaction of every write (store/rollups/); never
written by the application, read by the reports instead of the raw rows. On SQLite they are
WITHOUT ROWID tables: rows are stored in primary-key order, so a period is one range read.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Mapped, mapped_column

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column


class ReviewDayRollup(Base):
    """Reviews of a local day by kind, stars, channel and 0-10 answer."""

    __tablename__ = "review_day_rollups"

    local_day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind), primary_key=True)
    stars: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), primary_key=True)
    # The 0-10 recommendation answer of a business review; -1 when none was given.
    recommend: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reviews: Mapped[int]

    __table_args__ = {"sqlite_with_rowid": False}


class ClassReviewDayRollup(Base):
    """Class reviews of a local day by the coach and class of their session, and stars."""

    __tablename__ = "class_review_day_rollups"

    local_day: Mapped[date] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(primary_key=True)
    stars: Mapped[int] = mapped_column(primary_key=True)
    reviews: Mapped[int]

    __table_args__ = {"sqlite_with_rowid": False}


class ClassReviewMonthRollup(Base):
    """Class reviews of a local month (its first day) by session coach and class, and stars."""

    __tablename__ = "class_review_month_rollups"

    month: Mapped[date] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(primary_key=True)
    stars: Mapped[int] = mapped_column(primary_key=True)
    reviews: Mapped[int]

    __table_args__ = {"sqlite_with_rowid": False}


class PromptDayRollup(Base):
    """Prompts shown on a local day by kind, channel and outcome."""

    __tablename__ = "prompt_day_rollups"

    local_day: Mapped[date] = mapped_column(primary_key=True)
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind), primary_key=True)
    outcome: Mapped[PromptOutcome] = mapped_column(enum_column(PromptOutcome), primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), primary_key=True)
    prompts: Mapped[int]

    __table_args__ = {"sqlite_with_rowid": False}


class ClassPromptDayRollup(Base):
    """Class prompts shown on a local day by the coach and class of their session, outcome and
    channel."""

    __tablename__ = "class_prompt_day_rollups"

    local_day: Mapped[date] = mapped_column(primary_key=True)
    coach_id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(primary_key=True)
    outcome: Mapped[PromptOutcome] = mapped_column(enum_column(PromptOutcome), primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel), primary_key=True)
    prompts: Mapped[int]

    __table_args__ = {"sqlite_with_rowid": False}
