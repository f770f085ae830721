"""Answering a client's email read from the inbox ("Replies to read" → Reply…): a draft from the
``inbound_reply`` template in the client's language, to the address they wrote from, with their
message quoted under it; staff edit it; queueing it marks their message handled (the answer is
what handling it meant), in the same transaction.

The draft names the message's review (the client's next reply about it finds that review's open
action) and the action the message belongs to, so the answer is logged as a contact of it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind
from feedback_desk.domain.localtime import to_local
from feedback_desk.errors import UserInputError
from feedback_desk.services.drafts import Draft, draft_from_template, send_draft
from feedback_desk.services.inbox.listing import linked_actions, mark_handled
from feedback_desk.services.outbox.queue import Queued
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.services.templates.fill import format_day
from feedback_desk.store.models import Client, InboundMessage, Review
from feedback_desk.wording import Wording

# "Re: ", "RE : ", "Réf. : ", "TR: " ... at the start of a subject (any number of them).
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|réf|ref|tr|fw|fwd)\.?\s*:\s*)+", re.IGNORECASE)
# The attribution lines the inbox itself recognizes (domain/replies.py), so that the client's
# next reply, quoting this one, is read back without it.
_WROTE = {"fr": "Le {when}, {sender} a écrit :", "en": "On {when}, {sender} wrote:"}


def bare_subject(subject: str) -> str:
    return _REPLY_PREFIX.sub("", subject).strip()


def quoted(message: InboundMessage, settings: Settings, language: str) -> str:
    local = to_local(message.received_at, settings.timezone)
    when = f"{format_day(local.date(), language)} {local:%H:%M}"
    lines = [_WROTE[language].format(when=when, sender=message.from_address)]
    lines += [f"> {line}".rstrip() for line in message.text.splitlines()]
    return "\n".join(lines)


def _message(session: Session, inbound_id: int) -> InboundMessage:
    message = session.get(InboundMessage, inbound_id)
    if message is None:
        raise UserInputError(
            Wording(
                "there is no inbound message {inbound_id}",
                inbound_id=inbound_id,
            )
        )
    return message


def draft_inbound_reply(
    session: Session, settings: Settings, inbound_id: int, *, at: datetime
) -> Draft:
    """The answer to inbound message *inbound_id*, ready for staff to edit."""
    message = _message(session, inbound_id)
    client = session.get(Client, message.client_id) if message.client_id is not None else None
    if client is None:
        raise UserInputError(
            Wording(
                "inbound message {inbound_id} is from no client of the studio "
                "({from_address}): answer it from your mail program",
                inbound_id=inbound_id,
                from_address=message.from_address,
            )
        )
    review = session.get(Review, message.review_id) if message.review_id is not None else None
    linked = linked_actions(session, [message.id]).get(message.id)
    draft = draft_from_template(
        session,
        settings,
        TemplateName.INBOUND_REPLY,
        kind=MessageKind.REPLY,
        client=client,
        review=review,
        at=at,
        values=lambda language: {
            "their_subject": bare_subject(message.subject),
            "their_message": quoted(message, settings, language),
        },
    )
    to = message.from_address.strip() or draft.to
    return replace(
        draft,
        to=to,
        action_id=linked.action_id if linked is not None and linked.is_open else None,
        problem=None if to else draft.problem,
    )


def send_inbound_reply(
    session: Session,
    settings: Settings,
    draft: Draft,
    inbound_id: int,
    *,
    at: datetime,
    actor: str,
) -> Queued:
    """Queue staff's answer and mark the client's message handled (unless it already was)."""
    queued = send_draft(session, settings, draft, at=at, actor=actor)
    if _message(session, inbound_id).handled_at is None:
        mark_handled(session, inbound_id, at=at, actor=actor)
    return queued
