"""Email review requests: one row from the moment a request is queued into the outbox.

Requests that are only due are computed from the history (docs/rules.md#email-review-requests),
like Google invitations; this row marks the request spent, holds its token (the
answer links and the inbox find it by it) and follows it to its answer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.domain.kinds import RequestState, ReviewKind
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column
from feedback_desk.store.models.messaging import OutboxMessage
from feedback_desk.store.models.people import Client
from feedback_desk.store.models.timetable import ClassSession


class ReviewRequest(Base):
    __tablename__ = "review_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    # At least 128 random bits; the answer links, the mailto subjects and the answer page use it.
    token: Mapped[str] = mapped_column(String(40), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    kind: Mapped[ReviewKind] = mapped_column(enum_column(ReviewKind))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id"))
    send_at: Mapped[datetime]
    state: Mapped[RequestState] = mapped_column(enum_column(RequestState))
    queued_at: Mapped[datetime]
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL"), unique=True
    )
    sent_at: Mapped[datetime | None]
    # The prompt it counts as, shown on channel email the moment it was sent.
    prompt_id: Mapped[int | None] = mapped_column(ForeignKey("prompts.id"))
    answered_at: Mapped[datetime | None]
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    # One request per client and trigger (a session, or a business due moment).
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    language: Mapped[str] = mapped_column(String(2))

    client: Mapped[Client] = relationship()
    session: Mapped[ClassSession | None] = relationship()
    outbox_message: Mapped[OutboxMessage | None] = relationship()

    __table_args__ = (
        Index("ix_review_requests_client_queued", "client_id", "queued_at"),
        Index("ix_review_requests_state_sent", "state", "sent_at"),
    )
