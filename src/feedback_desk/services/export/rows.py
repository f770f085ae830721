"""The reviews of a period, streamed page by page with their class, coach and aspects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.domain.localtime import day_bounds
from feedback_desk.services.reports.scope import ReportScope
from feedback_desk.store.models import (
    Aspect,
    ClassSession,
    ClassType,
    Client,
    Coach,
    Review,
    ReviewAspect,
)

PAGE = 2000


@dataclass(frozen=True)
class ReviewRow:
    review: str
    created_at: datetime
    client: str
    client_name: str
    kind: ReviewKind
    session: str | None
    class_name: str | None
    coach: str | None
    coach_name: str | None
    stars: int
    channel: Channel
    comment: str | None
    aspects: tuple[str, ...]
    edited_manually: bool
    recommend: int | None = None


def review_rows(
    session: Session,
    scope: ReportScope,
    *,
    tz: ZoneInfo,
    language: str,
    commented_only: bool = False,
) -> Iterator[ReviewRow]:
    """Reviews of the scope, oldest first, streamed *PAGE* rows at a time.

    One query: the period as its UTC bounds lets the ``created_at`` index give the order, so
    nothing is sorted and nothing but the current page is held in memory.
    """
    start, end = day_bounds(scope.first, scope.last, tz)
    coach = aliased(Coach)
    stmt = (
        select(
            Review.id,
            Review.external_id,
            Review.created_at,
            Client.external_id,
            Client.first_name,
            Client.last_name,
            Review.kind,
            ClassSession.external_id,
            ClassType.name,
            coach.external_id,
            coach.first_name,
            coach.last_name,
            Review.stars,
            Review.channel,
            Review.comment,
            Review.edited_manually,
            Review.recommend,
        )
        .join(Client, Client.id == Review.client_id)
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .outerjoin(coach, coach.id == ClassSession.coach_id)
        .where(
            Review.created_at >= start,
            Review.created_at < end,
            Review.kind.in_(scope.kinds),
        )
        .order_by(Review.created_at, Review.id)
        .execution_options(yield_per=PAGE)
    )
    if commented_only:
        stmt = stmt.where(Review.comment.is_not(None), Review.comment != "")
    for page in session.execute(stmt).partitions():
        labels = _aspect_labels(session, [row[0] for row in page], language)
        for row in page:
            yield ReviewRow(
                review=row[1],
                created_at=row[2],
                client=row[3],
                client_name=f"{row[4]} {row[5]}".strip(),
                kind=row[6],
                session=row[7],
                class_name=row[8],
                coach=row[9],
                coach_name=f"{row[10]} {row[11]}".strip() if row[10] is not None else None,
                stars=row[12],
                channel=row[13],
                comment=row[14],
                aspects=tuple(labels.get(row[0], ())),
                edited_manually=row[15],
                recommend=row[16],
            )


def _aspect_labels(session: Session, review_ids: list[int], language: str) -> dict[int, list[str]]:
    label = Aspect.label_fr if language == "fr" else Aspect.label_en
    labels: dict[int, list[str]] = defaultdict(list)
    for review_id, text in session.execute(
        select(ReviewAspect.review_id, label)
        .join(Aspect, Aspect.id == ReviewAspect.aspect_id)
        .where(ReviewAspect.review_id.in_(review_ids))
        .order_by(ReviewAspect.review_id, Aspect.id)
    ):
        labels[review_id].append(text)
    return labels
