"""The studio's Google Business Profile location, its reviews and their links to clients."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.store.base import Base
from feedback_desk.store.models.people import Client


class GoogleLocation(Base):
    __tablename__ = "google_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    # accounts/{account_id}
    account_name: Mapped[str] = mapped_column(Text)
    # locations/{location_id} (Business Information v1: no account prefix)
    location_name: Mapped[str] = mapped_column(Text, unique=True)
    title: Mapped[str] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(Text)
    new_review_uri: Mapped[str | None] = mapped_column(Text)
    maps_uri: Mapped[str | None] = mapped_column(Text)
    # When the studio connected this location: the grey/blue line of the review-growth chart.
    integrated_at: Mapped[datetime]
    selected: Mapped[bool] = mapped_column(default=True)
    last_sync_at: Mapped[datetime | None]

    @property
    def reviews_parent(self) -> str:
        """accounts/{a}/locations/{l}, the parent the v4 reviews API needs."""
        return f"{self.account_name}/{self.location_name}"


class GoogleReview(Base):
    """A local copy of a Google review: never deleted, marked removed once Google drops it."""

    __tablename__ = "google_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("google_locations.id"))
    review_id: Mapped[str] = mapped_column(Text, unique=True)
    resource_name: Mapped[str] = mapped_column(Text)
    reviewer_name: Mapped[str | None] = mapped_column(Text)
    reviewer_photo_url: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(default=False)
    stars: Mapped[int | None]
    # The comment as shown (Google's translation when it translated one), and the original text.
    comment: Mapped[str | None] = mapped_column(Text)
    comment_original: Mapped[str | None] = mapped_column(Text)
    # Google's timestamps exactly as Google gave them, and parsed for sorting and charts.
    create_time: Mapped[str] = mapped_column(String(40))
    update_time: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]
    reply_comment: Mapped[str | None] = mapped_column(Text)
    reply_update_time: Mapped[str | None] = mapped_column(Text)
    reply_state: Mapped[str | None] = mapped_column(Text)
    reply_policy_violation: Mapped[str | None] = mapped_column(Text)
    first_seen_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    removed_at: Mapped[datetime | None]

    location: Mapped[GoogleLocation] = relationship()
    link: Mapped[GoogleLink | None] = relationship(back_populates="google_review", uselist=False)

    __table_args__ = (Index("ix_google_reviews_created", "created_at"),)

    @property
    def removed(self) -> bool:
        return self.removed_at is not None


class GoogleLink(Base):
    """Staff's link between a Google review and the client who wrote it."""

    __tablename__ = "google_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    google_review_id: Mapped[int] = mapped_column(
        ForeignKey("google_reviews.id", ondelete="CASCADE"), unique=True
    )
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    linked_by: Mapped[str] = mapped_column(String(100))
    linked_at: Mapped[datetime]

    google_review: Mapped[GoogleReview] = relationship(back_populates="link")
    client: Mapped[Client] = relationship()

    __table_args__ = (Index("ix_google_links_client", "client_id"),)
