"""Everything the review details dialog shows about one review, and short review summaries for
the lists (most recent reviews, a client's reviews)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from feedback_desk.domain.kinds import ActionOutcome, Channel, Polarity, ReviewKind
from feedback_desk.store.models import (
    Action,
    Aspect,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Prompt,
    Review,
    ReviewAspect,
    ReviewEdit,
)


@dataclass(frozen=True)
class EditEntry:
    old_stars: int
    new_stars: int
    edited_by: str
    edited_at: datetime
    note: str | None


@dataclass(frozen=True)
class AspectEntry:
    label_fr: str
    label_en: str
    polarity: Polarity

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


@dataclass(frozen=True)
class ActionState:
    action_id: int
    contacts: int
    opened_at: datetime
    closed_at: datetime | None
    closed_by: str | None
    outcome: ActionOutcome | None
    note: str | None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class ReviewDetails:
    review_id: int
    review: str
    client_id: int
    client: str
    client_name: str
    kind: ReviewKind
    stars: int
    created_at: datetime
    channel: Channel
    comment: str | None
    edited_manually: bool
    session: str | None
    session_starts_at: datetime | None
    class_name: str | None
    coach: str | None
    coach_name: str | None
    aspects: tuple[AspectEntry, ...]
    edits: tuple[EditEntry, ...]
    action: ActionState | None
    prompt_shown_at: datetime | None


@dataclass(frozen=True)
class ReviewSummary:
    """One line about a review in a list."""

    review_id: int
    review: str
    client_id: int
    client: str
    client_name: str
    kind: ReviewKind
    stars: int
    created_at: datetime
    comment: str | None
    class_name: str | None
    coach_name: str | None
    edited_manually: bool


def review_details(session: Session, review_id: int) -> ReviewDetails | None:
    """The review with store id *review_id*, or None when it no longer exists."""
    review = session.get(Review, review_id)
    if review is None:
        return None
    client = session.get(Client, review.client_id)
    assert client is not None
    class_session = (
        session.get(ClassSession, review.session_id) if review.session_id is not None else None
    )
    aspects = session.execute(
        select(Aspect.label_fr, Aspect.label_en, Aspect.polarity)
        .join(ReviewAspect, ReviewAspect.aspect_id == Aspect.id)
        .where(ReviewAspect.review_id == review.id)
        .order_by(Aspect.polarity.desc(), Aspect.id)
    ).all()
    edits = session.scalars(
        select(ReviewEdit).where(ReviewEdit.review_id == review.id).order_by(ReviewEdit.edited_at)
    ).all()
    action = session.scalar(select(Action).where(Action.review_id == review.id))
    prompt_shown = (
        session.scalar(select(Prompt.shown_at).where(Prompt.id == review.prompt_id))
        if review.prompt_id is not None
        else None
    )
    return ReviewDetails(
        review_id=review.id,
        review=review.external_id,
        client_id=client.id,
        client=client.external_id,
        client_name=client.full_name,
        kind=review.kind,
        stars=review.stars,
        created_at=review.created_at,
        channel=review.channel,
        comment=review.comment,
        edited_manually=review.edited_manually,
        session=class_session.external_id if class_session else None,
        session_starts_at=class_session.starts_at if class_session else None,
        class_name=class_session.class_type.name if class_session else None,
        coach=class_session.coach.external_id if class_session else None,
        coach_name=class_session.coach.full_name if class_session else None,
        aspects=tuple(AspectEntry(fr, en, polarity) for fr, en, polarity in aspects),
        edits=tuple(
            EditEntry(e.old_stars, e.new_stars, e.edited_by, e.edited_at, e.note) for e in edits
        ),
        action=(
            ActionState(
                action.id,
                len(action.contacts),
                action.opened_at,
                action.closed_at,
                action.closed_by,
                action.outcome,
                action.note,
            )
            if action is not None
            else None
        ),
        prompt_shown_at=prompt_shown,
    )


def review_id_of(session: Session, review_ref: str) -> int | None:
    """The store id of the review the studio calls *review_ref*."""
    return session.scalar(select(Review.id).where(Review.external_id == review_ref))


def review_summaries(
    session: Session,
    *,
    limit: int,
    client_id: int | None = None,
    until: datetime | None = None,
) -> list[ReviewSummary]:
    """The newest reviews (of one client, or all; dated at or before *until*), newest first."""
    coach = aliased(Coach)
    stmt = (
        select(
            Review.id,
            Review.external_id,
            Client.id,
            Client.external_id,
            Client.first_name,
            Client.last_name,
            Review.kind,
            Review.stars,
            Review.created_at,
            Review.comment,
            ClassType.name,
            coach.first_name,
            coach.last_name,
            Review.edited_manually,
        )
        .join(Client, Client.id == Review.client_id)
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .outerjoin(coach, coach.id == ClassSession.coach_id)
        .order_by(Review.created_at.desc(), Review.id.desc())
        .limit(limit)
    )
    if client_id is not None:
        stmt = stmt.where(Review.client_id == client_id)
    if until is not None:
        stmt = stmt.where(Review.created_at <= until)
    return [
        ReviewSummary(
            review_id=row[0],
            review=row[1],
            client_id=row[2],
            client=row[3],
            client_name=f"{row[4]} {row[5]}".strip(),
            kind=row[6],
            stars=row[7],
            created_at=row[8],
            comment=row[9],
            class_name=row[10],
            coach_name=f"{row[11]} {row[12]}".strip() if row[11] is not None else None,
            edited_manually=row[13],
        )
        for row in session.execute(stmt)
    ]
