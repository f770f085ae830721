"""Inbound messages for staff ("Replies to read", the client card): listed until handled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import InboundAbout
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import Action, Client, InboundMessage, Review


@dataclass(frozen=True)
class InboundEntry:
    """One inbound message as plain values, safe to hand to another thread."""

    id: int
    client_id: int | None
    client: str | None
    client_name: str | None
    received_at: datetime
    from_address: str
    subject: str
    text: str
    about: InboundAbout
    review: str | None
    handled_at: datetime | None
    handled_by: str | None
    # The action to take this reply opened (a non-respondent's answer), open or not.
    action_open: bool | None

    @property
    def handled(self) -> bool:
        return self.handled_at is not None


def list_inbound(
    session: Session,
    *,
    include_handled: bool = False,
    client_id: int | None = None,
    limit: int | None = None,
) -> list[InboundEntry]:
    """Newest first: the unhandled ones, or every one; optionally one client's."""
    stmt = (
        select(InboundMessage, Client, Review.external_id, Action.closed_at, Action.id)
        .outerjoin(Client, Client.id == InboundMessage.client_id)
        .outerjoin(Review, Review.id == InboundMessage.review_id)
        .outerjoin(Action, Action.inbound_message_id == InboundMessage.id)
        .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc())
    )
    if not include_handled:
        stmt = stmt.where(InboundMessage.handled_at.is_(None))
    if client_id is not None:
        stmt = stmt.where(InboundMessage.client_id == client_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        InboundEntry(
            id=message.id,
            client_id=message.client_id,
            client=client.external_id if client is not None else None,
            client_name=client.full_name if client is not None else None,
            received_at=message.received_at,
            from_address=message.from_address,
            subject=message.subject,
            text=message.text,
            about=message.about,
            review=review,
            handled_at=message.handled_at,
            handled_by=message.handled_by,
            action_open=None if action_id is None else closed_at is None,
        )
        for message, client, review, closed_at, action_id in session.execute(stmt)
    ]


def count_unhandled(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(InboundMessage)
            .where(InboundMessage.handled_at.is_(None))
        )
        or 0
    )


def mark_handled(session: Session, inbound_id: int, *, at: datetime, actor: str) -> InboundMessage:
    """Staff read it (and did what it asked): it leaves the list of replies to read."""
    message = session.get(InboundMessage, inbound_id)
    if message is None:
        raise UserInputError(f"there is no inbound message {inbound_id}")
    if message.handled_at is not None:
        raise UserInputError(
            f"inbound message {inbound_id} was already marked handled by {message.handled_by}"
        )
    message.handled_at = at
    message.handled_by = actor
    audit.record(
        session,
        at=at,
        actor=actor,
        action="inbound.handled",
        entity_type="inbound_message",
        entity_id=inbound_id,
        subject=message.subject,
    )
    return message
