"""Actions to take on reviews of 3 stars or fewer, and the contacts made to close the loop."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.domain.kinds import ActionOutcome, ContactChannel
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column
from feedback_desk.store.models.reviews import Review


class Action(Base):
    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The review of 3 stars or fewer; None for an action opened by a client's reply to the
    # non-respondent outreach (seed 004: treat them like detractors), named by that reply.
    review_id: Mapped[int | None] = mapped_column(
        ForeignKey("reviews.id", ondelete="CASCADE"), unique=True
    )
    inbound_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="CASCADE"), unique=True
    )
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(100))
    outcome: Mapped[ActionOutcome | None] = mapped_column(enum_column(ActionOutcome))
    note: Mapped[str | None] = mapped_column(Text)

    review: Mapped[Review | None] = relationship()
    contacts: Mapped[list[ActionContact]] = relationship(
        back_populates="action", order_by="ActionContact.contacted_at", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_actions_closed_opened", "closed_at", "opened_at"),)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ActionContact(Base):
    """One contact with the client about an action: date, channel, note
    (docs/rules.md#contacts-and-follow-ups)."""

    __tablename__ = "action_contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    contacted_at: Mapped[datetime]
    channel: Mapped[ContactChannel] = mapped_column(enum_column(ContactChannel))
    note: Mapped[str | None] = mapped_column(Text)
    staff: Mapped[str] = mapped_column(String(100))
    outbox_message_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_messages.id"))
    # Set on a contact the client made: their email, kept in the inbox's list.
    inbound_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL")
    )

    action: Mapped[Action] = relationship(back_populates="contacts")
