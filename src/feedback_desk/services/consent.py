"""Unsubscribing: a client who asks for no more commercial email gets none, from that moment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import OutboxState
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import Client, OutboxMessage
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class Unsubscribed:
    client: Client
    already: bool
    # Commercial messages to the client that were waiting and are now cancelled.
    cancelled: int


def find_client(session: Session, external_id: str) -> Client:
    client = session.scalar(select(Client).where(Client.external_id == external_id.strip()))
    if client is None:
        raise UserInputError(
            Wording(
                "there is no client {external_id!r}",
                external_id=external_id,
            )
        )
    return client


def unsubscribe(session: Session, external_id: str, *, at: datetime, actor: str) -> Unsubscribed:
    """Record the request (keeping the first date) and cancel waiting commercial messages."""
    client = find_client(session, external_id)
    already = client.unsubscribed_at is not None
    if not already:
        client.unsubscribed_at = at
        client.updated_at = at
        audit.record(
            session,
            at=at,
            actor=actor,
            action="client.unsubscribed",
            entity_type="client",
            entity_id=client.external_id,
        )
    cancelled = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.client_id == client.id,
            OutboxMessage.list_unsubscribe.is_not(None),
            OutboxMessage.state.in_([OutboxState.QUEUED, OutboxState.FAILED]),
        )
        .values(state=OutboxState.CANCELLED, last_error="not sent: the client unsubscribed")
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    return Unsubscribed(client, already, int(cancelled or 0))


def resubscribe(session: Session, external_id: str, *, at: datetime, actor: str) -> Client:
    """Staff's undo, when the client asks to receive the studio's emails again."""
    client = find_client(session, external_id)
    if client.unsubscribed_at is not None:
        client.unsubscribed_at = None
        client.updated_at = at
        audit.record(
            session,
            at=at,
            actor=actor,
            action="client.resubscribed",
            entity_type="client",
            entity_id=client.external_id,
        )
    return client


@dataclass(frozen=True)
class ConsentState:
    """What staff see before changing a client's email consent (plain values, thread-safe)."""

    external_id: str
    full_name: str
    email: str | None
    email_consent: bool
    unsubscribed_at: datetime | None
    client_id: int  # the store's id (opens the client card)


def consent_state(session: Session, external_id: str) -> ConsentState:
    client = find_client(session, external_id)
    return ConsentState(
        client.external_id,
        client.full_name,
        client.email,
        client.email_consent,
        client.unsubscribed_at,
        client.id,
    )
