"""Small builders of store rows for the Google tests (clients, attendance, sent invitations,
archived Google reviews)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    ClassType,
    Client,
    Coach,
    GoogleLocation,
    GoogleReview,
    OutboxMessage,
)

EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def add_client(
    session: Session, external_id: str, first: str, last: str, email: str | None = None
) -> Client:
    client = Client(
        external_id=external_id,
        first_name=first,
        last_name=last,
        email=email,
        email_consent=email is not None,
        created_at=EPOCH,
        updated_at=EPOCH,
    )
    client.refresh_search_key()
    session.add(client)
    session.flush()
    return client


def add_attendance(session: Session, client: Client, starts_at: datetime) -> None:
    class_type = session.scalar(select(ClassType)) or ClassType(name="Spin 45")
    coach = session.scalar(select(Coach)) or Coach(
        external_id="K1", first_name="Maya", last_name="Roy"
    )
    count = len(list(session.scalars(select(ClassSession.id))))
    held = ClassSession(
        external_id=f"S{count + 1}", class_type=class_type, coach=coach, starts_at=starts_at
    )
    session.add(held)
    session.flush()
    session.add(Attendance(session_id=held.id, client_id=client.id, present=True))
    session.flush()


def add_sent_invitation(session: Session, client: Client, sent_at: datetime) -> None:
    session.add(
        OutboxMessage(
            kind=MessageKind.INVITATION,
            recipients=client.email or "x@example.com",
            subject="Would you review us on Google?",
            body_text="…",
            client_id=client.id,
            state=OutboxState.SENT,
            scheduled_at=sent_at,
            next_attempt_at=sent_at,
            attempts=1,
            sent_at=sent_at,
            created_at=sent_at - timedelta(hours=1),
        )
    )
    session.flush()


def location(session: Session, integrated_at: datetime = EPOCH) -> GoogleLocation:
    found = session.scalar(select(GoogleLocation))
    if found is not None:
        return found
    made = GoogleLocation(
        account_name="accounts/1",
        location_name="locations/2",
        title="Pulse Fitness Studio",
        integrated_at=integrated_at,
        selected=True,
    )
    session.add(made)
    session.flush()
    return made


def add_google_review(
    session: Session,
    review_id: str,
    *,
    reviewer: str | None = "Ihor K",
    stars: int | None = 5,
    created_at: datetime = EPOCH,
    comment: str | None = None,
    anonymous: bool = False,
    removed: bool = False,
    reply: str | None = None,
) -> GoogleReview:
    stamp = created_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    review = GoogleReview(
        location_id=location(session).id,
        review_id=review_id,
        resource_name=f"accounts/1/locations/2/reviews/{review_id}",
        reviewer_name=reviewer,
        anonymous=anonymous,
        stars=stars,
        comment=comment,
        create_time=stamp,
        update_time=stamp,
        created_at=created_at,
        updated_at=created_at,
        reply_comment=reply,
        reply_state="APPROVED" if reply else None,
        first_seen_at=created_at,
        last_seen_at=created_at,
        removed_at=created_at if removed else None,
    )
    session.add(review)
    session.flush()
    return review
