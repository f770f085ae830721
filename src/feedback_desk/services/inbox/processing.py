"""What one of our messages becomes, written in one transaction with the record that it was
processed (docs/rules.md#answers-that-become-reviews and docs/rules.md#other-replies).

- An answer to a request becomes its review (channel ``email``) when it comes from the client's
  address or carries the request's token (in the subject, or anywhere in the text, the quoted
  request included), holds a usable number, the request is still answerable on the reply's date,
  and the client has not reviewed that session (class) or the studio (business) since the
  request was sent. The review is dated by the reply's ``Date`` header when it lies between the
  request's sending and the fetch, else at the fetch.
- Anything else of ours becomes an inbound message of that client for staff; about a review with
  an open action, it is also logged as a contact of that action; a reply to the non-respondent
  outreach opens an action to take for that client.
- An automatic reply (out of office) is processed and moved, and produces nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import (
    Channel,
    ContactChannel,
    InboundAbout,
    ReviewKind,
)
from feedback_desk.domain.replies import own_text, read_answer, stars_in_subject
from feedback_desk.errors import UserInputError
from feedback_desk.services.inbox.reading import IncomingMail
from feedback_desk.services.inbox.recognizing import Target
from feedback_desk.services.prompting.recording import Answer
from feedback_desk.services.requests.answering import record_answer
from feedback_desk.services.review_recording import MAX_COMMENT_CHARS
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import (
    Action,
    ActionContact,
    Client,
    InboundMessage,
    OutboxMessage,
    ProcessedMail,
    Review,
    ReviewRequest,
)

MAX_INBOUND_CHARS = 20_000
INBOX_STAFF = "inbox"
_ABOUT = {about.value: about for about in InboundAbout}


@dataclass(frozen=True)
class Produced:
    review_id: int | None = None
    inbound_id: int | None = None


@dataclass(frozen=True)
class Place:
    """Where a message was found: the processed record names it when it has no Message-ID."""

    folder: str
    uidvalidity: int
    uid: int


def message_key(message_id: str | None, place: Place) -> str:
    return message_id or f"uid:{place.uidvalidity}:{place.uid}:{place.folder}"[:500]


def _dated(mail: IncomingMail, sent_at: datetime | None, at: datetime) -> datetime:
    """The reply's Date when it lies between the sending and the fetch, else the fetch."""
    date = mail.head.date
    if date is None or date > at or (sent_at is not None and date < sent_at):
        return at
    return date


def _same_address(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.strip().casefold() == b.strip().casefold())


def _already_reviewed(session: Session, request: ReviewRequest, until: datetime) -> bool:
    """The client reviewed the request's session (any time), or the studio since it was sent."""
    mine = Review.client_id == request.client_id
    if request.kind is ReviewKind.CLASS:
        condition = exists().where(mine, Review.session_id == request.session_id)
    else:
        condition = exists().where(
            mine,
            Review.kind == ReviewKind.BUSINESS,
            Review.created_at >= (request.sent_at or until),
            Review.created_at <= until,
        )
    return bool(session.scalar(select(condition)))


def _answer_request(
    session: Session, settings: Settings, mail: IncomingMail, request: ReviewRequest, date: datetime
) -> Review | None:
    client = session.get_one(Client, request.client_id)
    carries_token = request.token in mail.head.subject or request.token in mail.text
    if not (carries_token or _same_address(mail.head.from_address, client.email)):
        return None
    subject_stars = (
        stars_in_subject(mail.head.subject) if request.token in mail.head.subject else None
    )
    read = read_answer(mail.text, subject_stars=subject_stars)
    if read.stars is None or _already_reviewed(session, request, date):
        return None
    comment = read.comment
    if comment is not None and len(comment) > MAX_COMMENT_CHARS:
        comment = comment[: MAX_COMMENT_CHARS - 1].rstrip() + "…"
    try:
        with session.begin_nested():
            return record_answer(
                session,
                settings,
                request,
                Answer(stars=read.stars, comment=comment),
                at=date,
                channel=Channel.EMAIL,
            )
    except UserInputError:
        return None


def _inbound_text(mail: IncomingMail) -> str:
    text = own_text(mail.text) or mail.text.strip()
    if mail.attachments:
        text += "\n\n(" + ", ".join(mail.attachments) + ": left in the mailbox)"
    return text[:MAX_INBOUND_CHARS]


def _action_about(session: Session, review_id: int | None, message_id: int | None) -> Action | None:
    """The open action a reply concerns: its review's, or the one whose email it answers."""
    if review_id is not None:
        action = session.scalar(select(Action).where(Action.review_id == review_id))
        if action is not None:
            return action if action.is_open else None
    if message_id is not None:
        action = session.scalar(
            select(Action)
            .join(ActionContact, ActionContact.action_id == Action.id)
            .where(ActionContact.outbox_message_id == message_id)
        )
        if action is not None and action.is_open:
            return action
    return None


def _keep_inbound(
    session: Session,
    mail: IncomingMail,
    *,
    about: InboundAbout,
    client_id: int | None,
    date: datetime,
    outbox_message_id: int | None,
    request_id: int | None = None,
    review_id: int | None = None,
) -> InboundMessage:
    inbound = InboundMessage(
        client_id=client_id,
        received_at=date,
        from_address=mail.head.from_address[:320],
        subject=mail.head.subject[:500],
        text=_inbound_text(mail),
        about=about,
        outbox_message_id=outbox_message_id,
        request_id=request_id,
        review_id=review_id,
    )
    session.add(inbound)
    session.flush()
    if about is InboundAbout.OUTREACH and client_id is not None:
        # Seed 004: a non-respondent who answers is treated like a detractor.
        session.add(Action(review_id=None, inbound_message_id=inbound.id, opened_at=date))
        return inbound
    action = _action_about(session, review_id, outbox_message_id)
    if action is not None:
        session.add(
            ActionContact(
                action_id=action.id,
                contacted_at=date,
                channel=ContactChannel.EMAIL,
                note=f"{inbound.subject}\n\n{inbound.text}"[:2000],
                staff=INBOX_STAFF,
                inbound_message_id=inbound.id,
            )
        )
    return inbound


def process_mail(
    session: Session,
    settings: Settings,
    mail: IncomingMail,
    target: Target,
    place: Place,
    *,
    at: datetime,
) -> Produced:
    """Record what the message produces and that it was processed, in the caller's transaction.

    The processed record is written first: a second reader of the same message fails on its
    unique key (IntegrityError) and its whole transaction rolls back.
    """
    record = ProcessedMail(
        message_key=message_key(mail.head.message_id, place),
        folder=place.folder[:300],
        uidvalidity=place.uidvalidity,
        uid=place.uid,
        processed_at=at,
    )
    session.add(record)
    session.flush()
    if mail.head.automatic:
        return Produced()
    request = session.get(ReviewRequest, target.request_id) if target.request_id else None
    if request is not None:
        date = _dated(mail, request.sent_at, at)
        review = _answer_request(session, settings, mail, request, date)
        if review is not None:
            record.review_id = review.id
            return Produced(review_id=review.id)
        inbound = _keep_inbound(
            session,
            mail,
            about=InboundAbout.REVIEW_REQUEST,
            client_id=request.client_id,
            date=date,
            outbox_message_id=request.outbox_message_id,
            request_id=request.id,
            review_id=request.review_id,
        )
    else:
        message = session.get_one(OutboxMessage, target.outbox_message_id)
        inbound = _keep_inbound(
            session,
            mail,
            about=_ABOUT.get(message.kind.value, InboundAbout.OTHER),
            client_id=message.client_id,
            date=_dated(mail, message.sent_at, at),
            outbox_message_id=message.id,
            review_id=message.review_id,
        )
    record.inbound_message_id = inbound.id
    return Produced(inbound_id=inbound.id)
