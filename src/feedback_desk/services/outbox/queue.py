"""Putting a message in the outbox.

``queue_message`` is the one way any feature sends email (alerts, invitations, replies, follow-ups,
outreach, thanks, test messages, and the Google issue's email replies to Google reviews). Build the
content with :func:`feedback_desk.services.templates.fill.fill` (a template) or
:func:`~feedback_desk.services.templates.fill.from_plain_text` (staff's own text), then::

    queued = queue_message(
        session,
        kind=MessageKind.REPLY,
        recipients=[client.email],
        content=content,
        at=clock.now(),
        client=client,
        review=review,                      # optional
        dedup_key=f"reply:{review.id}:...",  # optional: a second call with it queues nothing
        actor=default_actor(),
    )

Everything is checked before anything is written: addresses, control characters in the subject,
and consent for content with a List-Unsubscribe header (unless ``consent_needed`` is off: a review
request is a service message). ``message_id`` fixes the Message-ID in advance (a review request
keeps it, so the inbox knows the replies to it). It raises
UserInputError with one line per problem; the caller's transaction decides the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services.email.addresses import SUBJECT, check_addresses, check_header_value
from feedback_desk.services.templates.fill import EmailContent
from feedback_desk.store.models import Client, OutboxMessage, Review
from feedback_desk.wording import Wording

MAX_SUBJECT_CHARS = 500


@dataclass(frozen=True)
class Queued:
    message: OutboxMessage
    # False when a message with the same dedup key was already in the outbox (nothing was added).
    created: bool


def commercial_refusal(client: Client | None, at: datetime) -> Wording | None:
    """Why *client* may not get commercial email, or None when they may.

    An unsubscribe holds from the moment it is recorded, whatever *at* a run looks at.
    """
    return unsubscribable_refusal(client, consent_needed=True)


def unsubscribable_refusal(client: Client | None, *, consent_needed: bool) -> Wording | None:
    """Why *client* may not get a message that carries an unsubscribe (commercial email, or a
    review request, which needs consent only when ``requests.require_consent`` is on)."""
    if client is None:
        return Wording("a commercial email goes to one client")
    who = f"{client.full_name} ({client.external_id})"
    if not client.email:
        return Wording("{who} has no email address", who=who)
    if consent_needed and not client.email_consent:
        return Wording("{who} has not agreed to receive email from the studio", who=who)
    if client.unsubscribed_at is not None:
        return Wording("{who} unsubscribed", who=who)
    return None


def find_by_dedup_key(session: Session, dedup_key: str) -> OutboxMessage | None:
    return session.scalar(select(OutboxMessage).where(OutboxMessage.dedup_key == dedup_key))


def queue_message(
    session: Session,
    *,
    kind: MessageKind,
    recipients: Sequence[str],
    content: EmailContent,
    at: datetime,
    scheduled_at: datetime | None = None,
    client: Client | None = None,
    review: Review | None = None,
    dedup_key: str | None = None,
    actor: str | None = None,
    consent_needed: bool = True,
    message_id: str | None = None,
) -> Queued:
    """Queue one email (see the module's docstring); at most one row per dedup key."""
    if dedup_key is not None:
        existing = find_by_dedup_key(session, dedup_key)
        if existing is not None:
            return Queued(existing, created=False)
    addresses = check_addresses(recipients)
    subject = check_header_value(SUBJECT, content.subject.strip())
    problems: list[Said] = []
    if not subject:
        problems.append(Wording("the subject is empty"))
    if len(subject) > MAX_SUBJECT_CHARS:
        problems.append(
            Wording(
                "the subject is longer than {max_subject_chars} characters",
                max_subject_chars=MAX_SUBJECT_CHARS,
            )
        )
    if not content.text.strip():
        problems.append(Wording("the message is empty"))
    if content.list_unsubscribe is not None:
        refusal = unsubscribable_refusal(client, consent_needed=consent_needed)
        if refusal:
            problems.append(refusal)
    if problems:
        raise UserInputError(problems)
    when = scheduled_at or at
    message = OutboxMessage(
        kind=kind,
        recipients=", ".join(addresses),
        subject=subject,
        body_text=content.text,
        body_html=content.html,
        list_unsubscribe=content.list_unsubscribe,
        client_id=client.id if client is not None else None,
        review_id=review.id if review is not None else None,
        dedup_key=dedup_key,
        state=OutboxState.QUEUED,
        scheduled_at=when,
        next_attempt_at=when,
        attempts=0,
        created_at=at,
        created_by=actor,
        message_id=message_id,
    )
    if dedup_key is None:
        session.add(message)
        session.flush()
        return Queued(message, created=True)
    # Another process may queue the same key between our look-up and this insert: the unique
    # index decides, and the loser returns the winner's row.
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:
        existing = find_by_dedup_key(session, dedup_key)
        if existing is None:
            raise
        return Queued(existing, created=False)
    return Queued(message, created=True)
