"""The manual edit of a review's stars (docs/rules.md#manual-edit).

The review's current stars change; the old and new values, who, when and the note are kept in
``review_edits`` and in the audit log. An edit down to 3 stars or fewer opens an action to take
(no alert email); an edit up leaves any open action open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.segments import is_at_risk
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services import audit
from feedback_desk.services.actions import ensure_open_action
from feedback_desk.store.models import Review, ReviewEdit
from feedback_desk.wording import Wording

MAX_NOTE_CHARS = 2000


@dataclass(frozen=True)
class EditResult:
    review: str
    old_stars: int
    new_stars: int
    action_opened: bool


def edit_stars(
    session: Session,
    review_ref: str,
    stars: int,
    note: str | None,
    *,
    at: datetime,
    actor: str,
) -> EditResult:
    """Change the stars of the review called *review_ref*; UserInputError for bad input."""
    problems: list[Said] = []
    if not 1 <= stars <= 5:
        problems.append(
            Wording(
                "--stars must be between 1 and 5, not {stars}",
                stars=stars,
            )
        )
    cleaned = (note or "").strip() or None
    if cleaned is not None and len(cleaned) > MAX_NOTE_CHARS:
        problems.append(
            Wording(
                "the note has {length} characters; at most {max_note_chars}",
                length=len(cleaned),
                max_note_chars=MAX_NOTE_CHARS,
            )
        )
    review = session.scalar(select(Review).where(Review.external_id == review_ref))
    if review is None:
        problems.insert(0, f"unknown review {review_ref!r}")
    if problems:
        raise UserInputError(problems)
    assert review is not None
    old = review.stars
    if old == stars:
        raise UserInputError(
            Wording(
                "review {review_ref} already has {stars} stars; nothing changed",
                review_ref=review_ref,
                stars=stars,
            )
        )
    review.stars = stars
    review.edited_manually = True
    session.add(
        ReviewEdit(
            review_id=review.id,
            old_stars=old,
            new_stars=stars,
            edited_by=actor,
            edited_at=at,
            note=cleaned,
        )
    )
    audit.record(
        session,
        at=at,
        actor=actor,
        action="review.stars_edited",
        entity_type="review",
        entity_id=review.external_id,
        old=old,
        new=stars,
        note=cleaned,
    )
    opened = False
    if stars < old and is_at_risk(stars):
        _action, opened = ensure_open_action(session, review, at=at, actor=actor)
    session.flush()
    return EditResult(review.external_id, old, stars, opened)
