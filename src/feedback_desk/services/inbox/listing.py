"""Inbound messages for staff ("Replies to read", the client card): listed until handled."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import InboundAbout
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import Action, ActionContact, Client, InboundMessage, Review
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class LinkedAction:
    """The action to take a reply belongs to: the one it opened (a reply to the non-respondent
    outreach, no review), or the one it was logged on as a contact (a reply about a review with
    an open action)."""

    action_id: int
    is_open: bool
    review_id: int | None
    review: str | None  # the review's id as the studio knows it
    opened_by_reply: bool


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
    review_id: int | None = None
    # Filled by list_inbound: the action the reply opened or was logged on.
    action: LinkedAction | None = field(default=None, compare=False)

    @property
    def handled(self) -> bool:
        return self.handled_at is not None


def list_inbound(
    session: Session,
    *,
    include_handled: bool = False,
    client_id: int | None = None,
    inbound_id: int | None = None,
    limit: int | None = None,
) -> list[InboundEntry]:
    """Newest first: the unhandled ones, or every one; optionally one client's, or one."""
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
    if inbound_id is not None:
        stmt = stmt.where(InboundMessage.id == inbound_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    entries = [
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
            review_id=message.review_id,
        )
        for message, client, review, closed_at, action_id in session.execute(stmt)
    ]
    linked = linked_actions(session, [entry.id for entry in entries])
    return [replace(entry, action=linked.get(entry.id)) for entry in entries]


def linked_actions(session: Session, inbound_ids: Sequence[int]) -> dict[int, LinkedAction]:
    """The action each of *inbound_ids* opened or was logged on (two queries, whatever the
    number of messages)."""
    if not inbound_ids:
        return {}
    ids = list(inbound_ids)
    found: dict[int, tuple[int, bool]] = {}  # message → (action, opened by it)
    for action_id, message_id in session.execute(
        select(ActionContact.action_id, ActionContact.inbound_message_id).where(
            ActionContact.inbound_message_id.in_(ids)
        )
    ):
        if message_id is not None:
            found[message_id] = (action_id, False)
    for action_id, message_id in session.execute(
        select(Action.id, Action.inbound_message_id).where(Action.inbound_message_id.in_(ids))
    ):
        if message_id is not None:
            found[message_id] = (action_id, True)
    actions = {
        action.id: (action, external_id)
        for action, external_id in session.execute(
            select(Action, Review.external_id)
            .outerjoin(Review, Review.id == Action.review_id)
            .where(Action.id.in_({action_id for action_id, _ in found.values()}))
        )
    }
    return {
        message_id: LinkedAction(
            action_id=action_id,
            is_open=actions[action_id][0].closed_at is None,
            review_id=actions[action_id][0].review_id,
            review=actions[action_id][1],
            opened_by_reply=opened,
        )
        for message_id, (action_id, opened) in found.items()
        if action_id in actions
    }


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
        raise UserInputError(
            Wording(
                "there is no inbound message {inbound_id}",
                inbound_id=inbound_id,
            )
        )
    if message.handled_at is not None:
        raise UserInputError(
            Wording(
                "inbound message {inbound_id} was already marked handled by {handled_by}",
                inbound_id=inbound_id,
                handled_by=message.handled_by,
            )
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
