"""The Google reviews in the store, as rows for a table (newest first)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.store.models import Client, GoogleLink, GoogleReview


@dataclass(frozen=True)
class GoogleReviewRow:
    id: int
    review_id: str
    created_at: datetime
    reviewer: str | None
    anonymous: bool
    stars: int | None
    comment: str | None
    reply: str | None
    reply_state: str | None
    client_name: str | None
    removed: bool


def google_review_rows(session: Session) -> list[GoogleReviewRow]:
    query = (
        select(
            GoogleReview,
            Client.first_name,
            Client.last_name,
        )
        .outerjoin(GoogleLink, GoogleLink.google_review_id == GoogleReview.id)
        .outerjoin(Client, Client.id == GoogleLink.client_id)
        .order_by(GoogleReview.created_at.desc(), GoogleReview.id.desc())
    )
    rows = []
    for review, first, last in session.execute(query):
        rows.append(
            GoogleReviewRow(
                id=review.id,
                review_id=review.review_id,
                created_at=review.created_at,
                reviewer=review.reviewer_name,
                anonymous=review.anonymous,
                stars=review.stars,
                comment=review.comment,
                reply=review.reply_comment,
                reply_state=review.reply_state,
                client_name=f"{first} {last}".strip() if first is not None else None,
                removed=review.removed_at is not None,
            )
        )
    return rows
