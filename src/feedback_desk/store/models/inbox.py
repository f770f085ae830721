"""The studio's mailbox as the app reads it: inbound messages for staff, what was processed,
and where the last pass stopped."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.domain.kinds import InboundAbout
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column
from feedback_desk.store.models.people import Client


class InboundMessage(Base):
    """A client's email that is not (or no longer) an answer: listed for staff until handled."""

    __tablename__ = "inbound_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    received_at: Mapped[datetime]
    from_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(500))
    # The reply's own text, as plain text (quotes and signature kept: staff read it whole).
    text: Mapped[str] = mapped_column(Text)
    about: Mapped[InboundAbout] = mapped_column(enum_column(InboundAbout))
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL")
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("review_requests.id", ondelete="SET NULL")
    )
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    handled_at: Mapped[datetime | None]
    handled_by: Mapped[str | None] = mapped_column(String(100))

    client: Mapped[Client | None] = relationship()

    __table_args__ = (
        Index("ix_inbound_handled_received", "handled_at", "received_at"),
        Index("ix_inbound_client_received", "client_id", "received_at"),
    )


class ProcessedMail(Base):
    """One of our messages, processed once: written in the transaction of what it produced."""

    __tablename__ = "inbox_processed"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The Message-ID, or the folder, UID validity and UID of a message without one.
    message_key: Mapped[str] = mapped_column(String(500), unique=True)
    folder: Mapped[str] = mapped_column(String(300))
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    uid: Mapped[int] = mapped_column(BigInteger)
    processed_at: Mapped[datetime]
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    inbound_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("inbound_messages.id", ondelete="SET NULL")
    )


class InboxCursor(Base):
    """The highest UID of a folder that every later pass may skip (for that UID validity)."""

    __tablename__ = "inbox_cursors"

    folder: Mapped[str] = mapped_column(String(300), primary_key=True)
    uidvalidity: Mapped[int] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime]
