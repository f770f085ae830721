"""Staff entry: a review taken by phone or in person, recorded with channel ``staff``.

It has no prompt (so it never changes the response rate) and goes through ``record_review``
like every other review.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.prompting.recording import Answer, answer_problems
from feedback_desk.services.review_recording import NewReview, record_review
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Attendance, ClassSession, Client, Review
from feedback_desk.wording import Wording

SESSION_CHOICES = 60


@dataclass(frozen=True)
class SessionChoice:
    """One of the client's booked sessions, as plain values."""

    id: int
    external_id: str
    starts_at: datetime
    class_name: str
    coach_name: str
    present: bool
    # The client's class review of this session, if they gave one (store id, studio's id).
    review_id: int | None = None
    review: str | None = None


def sessions_for(
    session: Session, client_id: int, *, until: datetime, limit: int = SESSION_CHOICES
) -> list[SessionChoice]:
    """The client's sessions started by *until*: attended ones first, most recent first, each
    with the client's class review of it when there is one (one review per session)."""
    reviewed = (
        select(Review.session_id, Review.id, Review.external_id)
        .where(Review.client_id == client_id, Review.kind == ReviewKind.CLASS)
        .subquery()
    )
    rows = session.execute(
        select(ClassSession, Attendance.present, reviewed.c.id, reviewed.c.external_id)
        .join(Attendance, Attendance.session_id == ClassSession.id)
        .outerjoin(reviewed, reviewed.c.session_id == ClassSession.id)
        .where(Attendance.client_id == client_id, ClassSession.starts_at <= until)
        .order_by(Attendance.present.desc(), ClassSession.starts_at.desc())
        .limit(limit)
    ).all()
    return [
        SessionChoice(
            id=found.id,
            external_id=found.external_id,
            starts_at=found.starts_at,
            class_name=found.class_type.name,
            coach_name=found.coach.full_name,
            present=bool(present),
            review_id=review_id,
            review=review,
        )
        for found, present, review_id, review in rows
    ]


@dataclass(frozen=True)
class StaffReview:
    client_id: int
    kind: ReviewKind
    stars: int
    session_id: int | None = None
    aspect_ids: Sequence[int] = ()
    comment: str | None = None
    recommend: int | None = None


def record_staff_review(
    session: Session, settings: Settings, entry: StaffReview, *, at: datetime, actor: str
) -> Review:
    """Check and record the review; UserInputError listing every problem, nothing written."""
    problems, chosen = answer_problems(
        session,
        entry.kind,
        Answer(
            stars=entry.stars,
            aspect_ids=entry.aspect_ids,
            comment=entry.comment,
            recommend=entry.recommend,
        ),
    )
    client = session.get(Client, entry.client_id)
    if client is None:
        problems.append(Wording("choose the client"))
    class_session = None
    if entry.kind is ReviewKind.CLASS:
        class_session = session.get(ClassSession, entry.session_id) if entry.session_id else None
        if class_session is None:
            problems.append(Wording("choose the session the class review is about"))
        elif class_session.starts_at > at:
            problems.append(Wording("that session has not started yet"))
        else:
            earlier = session.scalar(
                select(Review.external_id).where(
                    Review.client_id == entry.client_id,
                    Review.session_id == class_session.id,
                    Review.kind == ReviewKind.CLASS,
                )
            )
            if earlier is not None:
                problems.append(
                    Wording(
                        "the client already reviewed this session (review {earlier})",
                        earlier=earlier,
                    )
                )
    if problems:
        raise UserInputError(problems)
    assert client is not None
    review = record_review(
        session,
        settings,
        NewReview(
            client=client,
            kind=entry.kind,
            stars=entry.stars,
            created_at=at,
            channel=Channel.STAFF,
            session=class_session,
            comment=entry.comment,
            aspects=chosen,
            recommend=entry.recommend,
        ),
    )
    audit.record(
        session,
        at=at,
        actor=actor,
        action="review.staff_entry",
        entity_type="review",
        entity_id=review.external_id,
        client=client.external_id,
        kind=entry.kind.value,
        stars=entry.stars,
    )
    return review
