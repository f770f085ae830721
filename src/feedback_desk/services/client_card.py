"""Everything the client card shows: the client, their reviews, prompts and their outcomes,
actions to take (their reviews' and those their replies opened), their emails read from the
inbox, and their link to Google."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import null, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ActionOutcome, PromptOutcome, ReviewKind
from feedback_desk.services.inbox.listing import InboundEntry, list_inbound
from feedback_desk.services.review_details import ReviewSummary, review_summaries
from feedback_desk.store.models import (
    Action,
    ClassSession,
    ClassType,
    Client,
    GoogleLink,
    GoogleReview,
    InboundMessage,
    Prompt,
    Review,
)

CARD_LIMIT = 200


@dataclass(frozen=True)
class PromptEntry:
    shown_at: datetime
    kind: ReviewKind
    class_name: str | None
    outcome: PromptOutcome


@dataclass(frozen=True)
class ActionEntry:
    # None (with stars) for an action the client's reply opened: inbound_message_id names it.
    review_id: int | None
    review: str | None
    stars: int | None
    opened_at: datetime
    closed_at: datetime | None
    outcome: ActionOutcome | None
    note: str | None
    closed_by: str | None
    inbound_message_id: int | None = None


@dataclass(frozen=True)
class GoogleEntry:
    reviewer: str | None
    stars: int | None
    created_at: datetime
    comment: str | None
    linked_by: str
    linked_at: datetime


@dataclass(frozen=True)
class ClientCard:
    client_id: int
    client: str
    name: str
    email: str | None
    phone: str | None
    language: str | None
    email_consent: bool
    unsubscribed_at: datetime | None
    joined_on: date | None
    google_marked_at: datetime | None
    google_marked_by: str | None
    reviews: list[ReviewSummary]
    prompts: list[PromptEntry]
    actions: list[ActionEntry]
    google: list[GoogleEntry]
    # Their emails read from the inbox (handled or not), newest first.
    inbound: list[InboundEntry]

    @property
    def reviewed_on_google(self) -> bool:
        return bool(self.google) or self.google_marked_at is not None


def client_card(session: Session, client_id: int) -> ClientCard | None:
    client = session.get(Client, client_id)
    if client is None:
        return None
    prompts = session.execute(
        select(Prompt.shown_at, Prompt.kind, ClassType.name, Prompt.outcome)
        .outerjoin(ClassSession, ClassSession.id == Prompt.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .where(Prompt.client_id == client_id)
        .order_by(Prompt.shown_at.desc())
        .limit(CARD_LIMIT)
    ).all()
    review_actions = session.execute(
        select(Action, Review.id, Review.external_id, Review.stars)
        .join(Review, Review.id == Action.review_id)
        .where(Review.client_id == client_id)
        .order_by(Action.opened_at.desc())
        .limit(CARD_LIMIT)
    ).all()
    # Each query starts from the client's own rows (an index), never from every action.
    reply_actions = session.execute(
        select(Action, null(), null(), null())
        .join(InboundMessage, InboundMessage.id == Action.inbound_message_id)
        .where(InboundMessage.client_id == client_id)
        .order_by(Action.opened_at.desc())
        .limit(CARD_LIMIT)
    ).all()
    actions = sorted(
        [*review_actions, *reply_actions], key=lambda row: row[0].opened_at, reverse=True
    )[:CARD_LIMIT]
    google = session.execute(
        select(GoogleReview, GoogleLink)
        .join(GoogleLink, GoogleLink.google_review_id == GoogleReview.id)
        .where(GoogleLink.client_id == client_id)
        .order_by(GoogleReview.created_at.desc())
    ).all()
    return ClientCard(
        client_id=client.id,
        client=client.external_id,
        name=client.full_name,
        email=client.email,
        phone=client.phone,
        language=client.language,
        email_consent=client.email_consent,
        unsubscribed_at=client.unsubscribed_at,
        joined_on=client.joined_on,
        google_marked_at=client.google_reviewed_marked_at,
        google_marked_by=client.google_reviewed_marked_by,
        reviews=review_summaries(session, limit=CARD_LIMIT, client_id=client.id),
        prompts=[PromptEntry(p[0], p[1], p[2], p[3]) for p in prompts],
        actions=[
            ActionEntry(
                review_id=review_id,
                review=review_ref,
                stars=stars,
                opened_at=action.opened_at,
                closed_at=action.closed_at,
                outcome=action.outcome,
                note=action.note,
                closed_by=action.closed_by,
                inbound_message_id=action.inbound_message_id,
            )
            for action, review_id, review_ref, stars in actions
        ],
        google=[
            GoogleEntry(
                reviewer=review.reviewer_name,
                stars=review.stars,
                created_at=review.created_at,
                comment=review.comment,
                linked_by=link.linked_by,
                linked_at=link.linked_at,
            )
            for review, link in google
        ],
        inbound=list_inbound(session, include_handled=True, client_id=client.id, limit=CARD_LIMIT),
    )
