"""The demo's outbox history, written by the product's own code.

Each at-risk alert is queued by :func:`~feedback_desk.services.alerts.queue_at_risk_alert` and
each Google invitation exactly as ``send-outbox`` queues one (the invitation template in the
client's language, :func:`~feedback_desk.services.outbox.queue.queue_message`, the invitation's
dedup key and its ``invitations`` row); then each message is marked as the sender leaves it
(sent, or refused for good), with its claim time, one attempt and a Message-ID, and a refused one
is cancelled by staff's own Outbox action. So a real ``send-outbox`` on the demo reads this
history as its own: nothing is sent twice.

Clients who unsubscribed later are still subscribed while their messages are queued (the caller
records unsubscribes afterwards), as they were at the time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.invitations import Trigger
from feedback_desk.domain.kinds import InvitationReason, OutboxState
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services.alerts import queue_at_risk_alert
from feedback_desk.services.demo import names
from feedback_desk.services.demo.builder import DemoData
from feedback_desk.services.demo.records import (
    DemoAlert,
    DemoClient,
    DemoDelivery,
    DemoInvitation,
)
from feedback_desk.services.email.addresses import domain_of
from feedback_desk.services.invitations import DueInvitation, queue_invitation
from feedback_desk.services.outbox import staff as outbox_staff
from feedback_desk.services.outbox.queue import Queued
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.services.templates.catalogue import Template, TemplateName, get_template
from feedback_desk.services.templates.fill import language_for
from feedback_desk.store.models import Client, OutboxMessage, Review
from feedback_desk.wording import Wording

_Row = TypeVar("_Row", Client, Review)

# The front-desk PC runs the outbox: its staff account is the actor send-outbox records.
OUTBOX_ACTOR = names.STAFF[1]

# Something else the product recorded at an instant (testimonials), run in time order with the
# outbox history so that rows are numbered as the product numbers them.
Step = tuple[datetime, Callable[[], None]]


class Templates:
    """The studio's templates, read once per name and language for the whole history."""

    def __init__(self) -> None:
        self._found: dict[tuple[TemplateName, str], Template] = {}

    def get(self, session: Session, name: TemplateName, language: str) -> Template:
        key = (name, language)
        if key not in self._found:
            self._found[key] = get_template(session, name, language)
        return self._found[key]


@dataclass(frozen=True)
class _Entry:
    delivery: DemoDelivery
    client_id: int
    alert: DemoAlert | None = None
    invitation: DemoInvitation | None = None


def _queue_alert(session: Session, settings: Settings, alert: DemoAlert) -> Queued:
    review = session.get(Review, alert.review.id)
    assert review is not None
    queued = queue_at_risk_alert(session, settings, review, at=alert.delivery.queued_at)
    if queued is None:
        raise FeedbackDeskError(
            Wording(
                "the demo's alert for review {external_id} is not due",
                external_id=review.external_id,
            )
        )
    return queued


def _queue_invitation(
    session: Session, settings: Settings, invitation: DemoInvitation, templates: Templates
) -> Queued:
    """Queued exactly as the morning run of `send-outbox` queues a due invitation."""
    client = session.get(Client, invitation.client_id)
    review = session.get(Review, invitation.trigger.id)
    assert client is not None
    assert review is not None
    due = DueInvitation(
        client.id,
        client.external_id,
        Trigger(InvitationReason.FIVE_STAR_PAIR, review.id, review.created_at, invitation.send_at),
    )
    queued = queue_invitation(
        session,
        settings,
        due,
        at=invitation.delivery.queued_at,
        actor=OUTBOX_ACTOR,
        template=templates.get(session, TemplateName.INVITATION, language_for(client, settings)),
    )
    if queued is None:
        raise FeedbackDeskError(
            Wording(
                "the demo queued the invitation of {external_id} twice",
                external_id=client.external_id,
            )
        )
    return queued


def settle(message: OutboxMessage, delivery: DemoDelivery, sender: str) -> None:
    """What the sender leaves on a message it sent (or that the server refused for good)."""
    centis = int(delivery.claimed_at.timestamp() * 100)
    message.attempts = 1
    message.claimed_at = delivery.claimed_at
    message.claim_token = None
    message.message_id = f"<{centis}.4820.{message.id}@{domain_of(sender)}>"
    if delivery.sent_at is not None:
        message.state = OutboxState.SENT
        message.sent_at = delivery.sent_at
        message.last_error = None
    else:
        message.state = OutboxState.FAILED
        message.last_error = delivery.error


def load_rows(session: Session, model: type[_Row], ids: set[int]) -> list[_Row]:
    ordered = sorted(ids)
    rows: list[_Row] = []
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        rows += session.scalars(select(model).where(model.id.in_(chunk))).all()
    return rows


def _queue_one(
    session: Session,
    settings: Settings,
    entry: _Entry,
    templates: Templates,
    people: dict[int, DemoClient],
    sender: str,
) -> None:
    # The address the client had then (a mistyped one is corrected later).
    client = session.get(Client, entry.client_id)
    assert client is not None
    address = people[entry.client_id].email_at(entry.delivery.queued_at)
    if client.email != address:
        client.email = address
    if entry.alert is not None:
        queued = _queue_alert(session, settings, entry.alert)
    else:
        assert entry.invitation is not None
        queued = _queue_invitation(session, settings, entry.invitation, templates)
    if not queued.created:
        raise FeedbackDeskError(
            Wording(
                "the demo queued {dedup_key} twice",
                dedup_key=queued.message.dedup_key,
            )
        )
    settle(queued.message, entry.delivery, sender)
    if entry.delivery.cancelled_at is not None:
        outbox_staff.cancel(
            session, queued.message.id, at=entry.delivery.cancelled_at, actor=OUTBOX_ACTOR
        )


def write_outbox(session: Session, data: DemoData, others: Sequence[Step] = ()) -> None:
    settings = load_settings(session)
    sender = settings.text("smtp.sender")
    entries = [_Entry(a.delivery, a.review.client_id, alert=a) for a in data.alerts]
    entries += [_Entry(i.delivery, i.client_id, invitation=i) for i in data.invitations]
    entries.sort(key=lambda e: (e.delivery.queued_at, e.delivery.claimed_at))
    # Load the clients and reviews concerned at once (the queueing code then finds them).
    client_ids = {e.client_id for e in entries}
    review_ids = {e.invitation.trigger.id for e in entries if e.invitation is not None}
    review_ids |= {e.alert.review.id for e in entries if e.alert is not None}
    loaded = [*load_rows(session, Client, client_ids), *load_rows(session, Review, review_ids)]
    templates = Templates()
    people = {c.id: c for c in data.world.clients}
    steps: list[Step] = [
        (
            entry.delivery.queued_at,
            partial(_queue_one, session, settings, entry, templates, people, sender),
        )
        for entry in entries
    ]
    # A stable sort: messages queued at one instant keep their order, before the other steps.
    steps = sorted([*steps, *others], key=lambda step: step[0])
    # Each message is flushed as it is queued (queue_message's savepoint); holding the other
    # writes until then halves the flushes.
    with session.no_autoflush:
        for _at, run in steps:
            run()
    session.flush()
    del loaded
