"""Answering a Google review by email (docs/rules.md#google-replies): when staff have linked the
review to a client with an email address, a private email instead of (or besides) the public reply.

The draft is filled from the Google-reply template of the review's segment (its stars), in the
client's language, and staff edit it before it is queued. These emails are not commercial: they
ask for no referral and no review, so they need no consent and carry no unsubscribe line. Each
draft queues at most once (a double click on Send); a later, new draft to the same review queues
again, since answering twice over time is staff's call. Staff see the earlier ones first.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.segments import Segment, segment_of
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.drafts import Draft
from feedback_desk.services.google.linking import find_review
from feedback_desk.services.outbox.queue import Queued, queue_message
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import GOOGLE_REPLY_FOR_SEGMENT, get_template
from feedback_desk.services.templates.fill import (
    client_values,
    format_day,
    from_plain_text,
    language_for,
)
from feedback_desk.services.templates.render import render_text
from feedback_desk.store.models import Client, GoogleReview, OutboxMessage
from feedback_desk.wording import Wording

_KIND = {"fr": "avis Google", "en": "Google review"}
_NO_COMMENT = {"fr": "(aucun commentaire)", "en": "(no comment)"}


@dataclass(frozen=True)
class EarlierEmail:
    """An email reply already queued for the same Google review."""

    message_id: int
    created_at: datetime
    created_by: str | None
    state: OutboxState
    subject: str


def dedup_prefix(review_id: str) -> str:
    """The outbox dedup keys of this review's email replies start with this (then the draft's
    token). Keys hold 200 characters: a review id too long to fit is hashed."""
    if len(review_id) > 150:
        review_id = "sha256-" + hashlib.sha256(review_id.encode("utf-8")).hexdigest()[:40]
    return f"reply:google:{review_id}:"


def linked_client(review: GoogleReview) -> Client:
    """The client the review is linked to, with an email; UserInputError saying why not."""
    if review.link is None:
        raise UserInputError(
            Wording(
                "Google review {review_id!r} is not linked to a client: link it to its "
                "author first to answer it by email",
                review_id=review.review_id,
            )
        )
    client = review.link.client
    if not client.email:
        raise UserInputError(
            Wording(
                "{full_name} ({external_id}), linked to Google review {review_id!r}, has no "
                "email address",
                full_name=client.full_name,
                external_id=client.external_id,
                review_id=review.review_id,
            )
        )
    return client


def _segment(stars: int | None) -> Segment:
    # A rating Google did not give (STAR_RATING_UNSPECIFIED) gets the neutral template.
    return segment_of(stars) if stars is not None else Segment.PASSIVE


def _review_values(review: GoogleReview, settings: Settings, language: str) -> dict[str, str]:
    # The client's own words: the original when Google translated the comment.
    comment = review.comment_original or review.comment
    return {
        "stars": "" if review.stars is None else str(review.stars),
        "kind": _KIND[language],
        "date": format_day(local_day(review.created_at, settings.timezone), language),
        "comment": comment or _NO_COMMENT[language],
    }


def draft_email_reply(
    session: Session, settings: Settings, review_id: str, *, at: datetime
) -> Draft:
    """The email answering Google review *review_id* (Google's reviewId), ready for staff."""
    review = find_review(session, review_id)
    client = linked_client(review)
    language = language_for(client, settings)
    name = GOOGLE_REPLY_FOR_SEGMENT[_segment(review.stars)]
    template = get_template(session, name, language)
    values = client_values(client, settings) | _review_values(review, settings, language)
    return Draft(
        to=client.email or "",
        subject=" ".join(render_text(template.subject, values).split()),
        body=render_text(template.body, values),
        language=language,
        kind=MessageKind.REPLY,
        template=name,
        client_id=client.id,
    )


def earlier_emails(session: Session, review_id: str) -> list[EarlierEmail]:
    """Email replies already queued for this review, oldest first (whatever their state)."""
    rows = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.dedup_key.startswith(dedup_prefix(review_id), autoescape=True))
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    )
    return [
        EarlierEmail(row.id, row.created_at, row.created_by, row.state, row.subject) for row in rows
    ]


def send_email_reply(
    session: Session,
    settings: Settings,
    review_id: str,
    draft: Draft,
    *,
    at: datetime,
    actor: str,
) -> Queued:
    """Queue the email staff approved (kind ``reply``, the linked client's), audited once.

    Refused when the review is no longer linked to the client the draft was written for.
    """
    review = find_review(session, review_id)
    client = linked_client(review)
    if client.id != draft.client_id:
        raise UserInputError(
            Wording(
                "Google review {review_id!r} is now linked to {full_name} ({external_id}), "
                "not to the client this email was written for: start the email again",
                review_id=review_id,
                full_name=client.full_name,
                external_id=client.external_id,
            )
        )
    if not draft.to.strip():
        raise UserInputError(Wording("the email has no recipient"))
    content = from_plain_text(
        draft.subject,
        draft.body,
        settings=settings,
        client=client,
        language=draft.language,
        commercial=draft.commercial,
    )
    queued = queue_message(
        session,
        kind=MessageKind.REPLY,
        recipients=[draft.to],
        content=content,
        at=at,
        client=client,
        dedup_key=dedup_prefix(review.review_id) + draft.token,
        actor=actor,
    )
    if queued.created:
        audit.record(
            session,
            at=at,
            actor=actor,
            action="google.email_reply_queued",
            entity_type="google_review",
            entity_id=review.review_id,
            client=client.external_id,
            outbox_message=queued.message.id,
            language=draft.language,
            template=draft.template.value,
        )
    return queued


def reply_by_email(
    session: Session,
    settings: Settings,
    review_id: str,
    text: str,
    *,
    subject: str | None,
    at: datetime,
    actor: str,
) -> tuple[Draft, Queued]:
    """The command line's reply: *text* as the body, the template's subject unless given.

    Running the very same command again at the same instant queues nothing more.
    """
    draft = draft_email_reply(session, settings, review_id, at=at)
    chosen_subject = draft.subject if subject is None else subject
    token = hashlib.sha256(
        "\x1f".join((at.isoformat(), chosen_subject, text)).encode("utf-8")
    ).hexdigest()[:16]
    approved = replace(draft, subject=chosen_subject, body=text, token=token)
    return approved, send_email_reply(session, settings, review_id, approved, at=at, actor=actor)
