"""Aspects, prompts, reviews, their chosen aspects and manual edits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.domain.kinds import (
    AspectOrigin,
    AspectStatus,
    Channel,
    Polarity,
    PromptOutcome,
    ReviewKind,
)
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column
from feedback_desk.store.models.people import Client
from feedback_desk.store.models.timetable import ClassSession


class Aspect(Base):
    """A quality a client can tick, for one kind of review and one polarity."""

    __tablename__ = "aspects"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable key of a predefined aspect, so a rename by a manager never duplicates it.
    code: Mapped[str | None] = mapped_column(String(60), unique=True)
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind))
    polarity: Mapped[Polarity] = mapped_column(enum_column(Polarity))
    label_fr: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str] = mapped_column(String(120))
    # Folded labels, to match a typed or imported label ignoring case and accents.
    key_fr: Mapped[str] = mapped_column(String(120))
    key_en: Mapped[str] = mapped_column(String(120))
    origin: Mapped[AspectOrigin] = mapped_column(enum_column(AspectOrigin))
    status: Mapped[AspectStatus] = mapped_column(enum_column(AspectStatus))
    hidden: Mapped[bool] = mapped_column(default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("aspects.id"))
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_aspects_kind_polarity", "kind", "polarity"),)

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


class Prompt(Base):
    """The product asking a client for a review; shown, then answered, ignored or abandoned.

    A prompt is stored as ``abandoned`` the moment it is shown, so one left by a crash or a kiosk
    timeout counts as shown and not answered without any clean-up.
    """

    __tablename__ = "prompts"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"))
    shown_at: Mapped[datetime]
    # The studio-local day it was shown: response rates are counted by this day.
    local_day: Mapped[date]
    outcome: Mapped[PromptOutcome] = mapped_column(enum_column(PromptOutcome))
    outcome_at: Mapped[datetime | None]
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))

    client: Mapped[Client] = relationship()
    session: Mapped[ClassSession | None] = relationship()

    __table_args__ = (
        Index("ix_prompts_client_shown", "client_id", "shown_at"),
        # Covers the response rate by day and by channel (an index-only scan of the period).
        Index("ix_prompts_day_channel_outcome", "local_day", "kind", "channel", "outcome"),
    )


class Review(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"))
    # Current stars: a manual edit changes them; the original is in review_edits.
    stars: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    created_at: Mapped[datetime]
    # The studio-local day of created_at: a review belongs to the day and month of its own date.
    local_day: Mapped[date]
    prompt_id: Mapped[int | None] = mapped_column(ForeignKey("prompts.id"))
    edited_manually: Mapped[bool] = mapped_column(default=False)
    # The 0-10 recommendation answer (seed 003), business reviews only; optional.
    recommend: Mapped[int | None]

    client: Mapped[Client] = relationship()
    session: Mapped[ClassSession | None] = relationship()
    aspects: Mapped[list[Aspect]] = relationship(secondary="review_aspects", order_by="Aspect.id")
    edits: Mapped[list[ReviewEdit]] = relationship(
        back_populates="review", order_by="ReviewEdit.edited_at", cascade="all, delete-orphan"
    )

    __table_args__ = (
        # Covers the period aggregates (counts by day and segment, by coach through session_id).
        Index("ix_reviews_kind_day_stars", "kind", "local_day", "stars", "session_id"),
        Index("ix_reviews_client_created", "client_id", "created_at"),
        Index("ix_reviews_session", "session_id"),
        Index("ix_reviews_created", "created_at"),
    )


class ReviewAspect(Base):
    __tablename__ = "review_aspects"

    review_id: Mapped[int] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True
    )
    aspect_id: Mapped[int] = mapped_column(ForeignKey("aspects.id"), primary_key=True)

    __table_args__ = (Index("ix_review_aspects_aspect", "aspect_id", "review_id"),)


class ReviewEdit(Base):
    """A manual edit of a review's stars: old and new value, who, when, why
    (docs/rules.md#manual-edit)."""

    __tablename__ = "review_edits"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    old_stars: Mapped[int]
    new_stars: Mapped[int]
    edited_by: Mapped[str] = mapped_column(String(100))
    edited_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)

    review: Mapped[Review] = relationship(back_populates="edits")
