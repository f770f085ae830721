"""Actions to take: every review of 3 stars or fewer stays open until staff close it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.segments import is_at_risk
from feedback_desk.store.models import Action, Review


def open_action_if_at_risk(session: Session, review: Review, *, at: datetime) -> Action | None:
    """Open the review's action when its stars are 3 or fewer and none exists yet."""
    if not is_at_risk(review.stars):
        return None
    existing = session.scalar(select(Action).where(Action.review_id == review.id))
    if existing is not None:
        return existing
    action = Action(review_id=review.id, opened_at=at)
    session.add(action)
    return action
