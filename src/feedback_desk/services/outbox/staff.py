"""What staff do with outbox messages: look, retry, cancel, resolve an uncertain one; counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.domain.state_words import either, state_word
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.requests.lifecycle import after_delivery
from feedback_desk.store.models import Client, OutboxMessage
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class OutboxCounts:
    queued: int = 0
    sending: int = 0
    sent: int = 0
    failed: int = 0
    uncertain: int = 0
    cancelled: int = 0

    @property
    def needs_attention(self) -> int:
        """Failed and uncertain messages wait for staff."""
        return self.failed + self.uncertain


def counts(session: Session) -> OutboxCounts:
    rows = session.execute(
        select(OutboxMessage.state, func.count()).group_by(OutboxMessage.state)
    ).all()
    return OutboxCounts(**{state.value: number for state, number in rows})


class OutboxRow(NamedTuple):
    id: int
    kind: MessageKind
    recipients: str
    subject: str
    state: OutboxState
    attempts: int
    scheduled_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None
    client: str | None
    created_at: datetime


def page(
    session: Session,
    *,
    states: Sequence[OutboxState] = (),
    before_id: int | None = None,
    limit: int = 200,
) -> list[OutboxRow]:
    """Newest first, *limit* at a time (keyset: pass the last id seen as *before_id*)."""
    query = (
        select(
            OutboxMessage.id,
            OutboxMessage.kind,
            OutboxMessage.recipients,
            OutboxMessage.subject,
            OutboxMessage.state,
            OutboxMessage.attempts,
            OutboxMessage.scheduled_at,
            OutboxMessage.next_attempt_at,
            OutboxMessage.sent_at,
            OutboxMessage.last_error,
            Client.external_id,
            OutboxMessage.created_at,
        )
        .outerjoin(Client, Client.id == OutboxMessage.client_id)
        .order_by(OutboxMessage.id.desc())
        .limit(limit)
    )
    if states:
        query = query.where(OutboxMessage.state.in_(list(states)))
    if before_id is not None:
        query = query.where(OutboxMessage.id < before_id)
    return [OutboxRow._make(row) for row in session.execute(query)]


@dataclass(frozen=True)
class OutboxDetails:
    """One message as staff read it: who, what, and how its delivery went."""

    row: OutboxRow
    text: str


def details(session: Session, message_id: int) -> OutboxDetails:
    """The message *message_id* with its plain text; UserInputError when there is none."""
    message = _get(session, message_id)
    row = OutboxRow(
        message.id,
        message.kind,
        message.recipients,
        message.subject,
        message.state,
        message.attempts,
        message.scheduled_at,
        message.next_attempt_at,
        message.sent_at,
        message.last_error,
        message.client.external_id if message.client is not None else None,
        message.created_at,
    )
    return OutboxDetails(row, message.body_text)


def _get(session: Session, message_id: int) -> OutboxMessage:
    message = session.get(OutboxMessage, message_id)
    if message is None:
        raise UserInputError(
            Wording(
                "there is no outbox message {message_id}",
                message_id=message_id,
            )
        )
    return message


def _require(message: OutboxMessage, allowed: Sequence[OutboxState], doing: Wording) -> None:
    if message.state not in allowed:
        raise UserInputError(
            Wording(
                "message {id} is {state}: only a {names} message can be {doing}",
                id=message.id,
                state=state_word(message.state),
                names=either(allowed),
                doing=doing,
            )
        )


def _audit(session: Session, message: OutboxMessage, action: str, at: datetime, actor: str) -> None:
    audit.record(
        session,
        at=at,
        actor=actor,
        action=f"outbox.{action}",
        entity_type="outbox_message",
        entity_id=message.id,
        subject=message.subject,
        state=message.state.value,
    )


def retry(session: Session, message_id: int, *, at: datetime, actor: str) -> OutboxMessage:
    """A failed (or uncertain) message goes back in the queue, due now."""
    message = _get(session, message_id)
    _require(message, (OutboxState.FAILED, OutboxState.UNCERTAIN), Wording("retried"))
    message.state = OutboxState.QUEUED
    message.next_attempt_at = at
    message.claim_token = None
    _audit(session, message, "retried", at, actor)
    return message


def cancel(session: Session, message_id: int, *, at: datetime, actor: str) -> OutboxMessage:
    message = _get(session, message_id)
    _require(
        message,
        (OutboxState.QUEUED, OutboxState.FAILED, OutboxState.UNCERTAIN),
        Wording("cancelled"),
    )
    message.state = OutboxState.CANCELLED
    message.claim_token = None
    after_delivery(session, message.id, OutboxState.CANCELLED, at=at)
    _audit(session, message, "cancelled", at, actor)
    return message


def resolve_as_sent(
    session: Session, message_id: int, *, at: datetime, actor: str
) -> OutboxMessage:
    """Staff checked: the uncertain message did arrive. It is dated when it was being sent."""
    message = _get(session, message_id)
    _require(message, (OutboxState.UNCERTAIN,), Wording("marked sent"))
    message.state = OutboxState.SENT
    message.sent_at = message.claimed_at or at
    message.claim_token = None
    after_delivery(session, message.id, OutboxState.SENT, at=message.sent_at)
    _audit(session, message, "resolved_sent", at, actor)
    return message


def resolve_by_requeueing(
    session: Session, message_id: int, *, at: datetime, actor: str
) -> OutboxMessage:
    """Staff checked: the uncertain message did not arrive; send it again."""
    message = _get(session, message_id)
    _require(message, (OutboxState.UNCERTAIN,), Wording("sent again"))
    return retry(session, message_id, at=at, actor=actor)
