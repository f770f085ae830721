"""Outgoing email: the outbox and the Google invitations queued into it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.domain.kinds import InvitationReason, MessageKind, OutboxState
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column
from feedback_desk.store.models.people import Client


class OutboxMessage(Base):
    """One outgoing email and its delivery state; claimed atomically, never sent twice."""

    __tablename__ = "outbox_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MessageKind] = mapped_column(enum_column(MessageKind))
    # Comma-separated addresses.
    recipients: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(String(500))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    list_unsubscribe: Mapped[str | None] = mapped_column(String(500))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="SET NULL"))
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    # One alert per review, one invitation per client and trigger: a second insert fails.
    dedup_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    state: Mapped[OutboxState] = mapped_column(enum_column(OutboxState))
    scheduled_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(300))
    claim_token: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str | None] = mapped_column(String(100))

    client: Mapped[Client | None] = relationship()

    __table_args__ = (
        Index("ix_outbox_state_next", "state", "next_attempt_at"),
        Index("ix_outbox_client_kind", "client_id", "kind"),
        # The inbox recognizes replies by the Message-ID they answer.
        Index("ix_outbox_message_id", "message_id"),
    )


class Invitation(Base):
    """A Google invitation once it has been queued into the outbox.

    Invitations that are only due are computed from the history
    (docs/rules.md#google-invitations); this row exists from the moment one is queued, so it is
    never queued twice.
    """

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    reason: Mapped[InvitationReason] = mapped_column(enum_column(InvitationReason))
    trigger_review_id: Mapped[int | None] = mapped_column(
        ForeignKey("reviews.id", ondelete="SET NULL")
    )
    trigger_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL")
    )
    send_at: Mapped[datetime]
    queued_at: Mapped[datetime]
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL")
    )
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)

    client: Mapped[Client] = relationship()
    outbox_message: Mapped[OutboxMessage | None] = relationship()

    __table_args__ = (Index("ix_invitations_client", "client_id", "send_at"),)
