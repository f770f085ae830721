"""Replying by email to a studio review (docs/rules.md#replies): a draft pre-filled from the
template of the review's segment, in the client's language, for staff to edit and send."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind
from feedback_desk.domain.segments import segment_of
from feedback_desk.errors import UserInputError
from feedback_desk.services.drafts import Draft, draft_from_template
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import REPLY_FOR_SEGMENT
from feedback_desk.store.models import Review
from feedback_desk.wording import Wording


def find_review(session: Session, external_id: str) -> Review:
    review = session.scalar(select(Review).where(Review.external_id == external_id.strip()))
    if review is None:
        raise UserInputError(
            Wording(
                "there is no review {external_id!r}",
                external_id=external_id,
            )
        )
    return review


def draft_reply(session: Session, settings: Settings, review_id: str, *, at: datetime) -> Draft:
    """The reply to review *review_id* (the studio's id), ready for staff to edit."""
    review = find_review(session, review_id)
    template = REPLY_FOR_SEGMENT[segment_of(review.stars)]
    return draft_from_template(
        session,
        settings,
        template,
        kind=MessageKind.REPLY,
        client=review.client,
        review=review,
        at=at,
    )
