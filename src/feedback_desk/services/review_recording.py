"""The one way a review enters the store: kiosk, staff entry, `answer` and import all come here.

Later features hook in here, in one place: actions to take and the at-risk alert. Reviews given by
email (channel ``email``) or on a client page (``web``) come here too, and alert like the kiosk's.
(Google invitations need no hook: they are computed from the history when due.)
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kind_words import kind_word
from feedback_desk.domain.kinds import Channel, ReviewKind
from feedback_desk.domain.localtime import local_day
from feedback_desk.domain.segments import is_at_risk
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services.alerts import queue_at_risk_alert
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Action, Aspect, ClassSession, Client, Prompt, Review
from feedback_desk.wording import Wording

MAX_COMMENT_CHARS = 2000
APP_ID_PREFIX = "FD-"


def app_review_id(internal_id: int) -> str:
    """Ids of reviews made in the app; imports refuse this prefix, so they never collide."""
    return f"{APP_ID_PREFIX}{internal_id:06d}"


@dataclass(frozen=True)
class NewReview:
    client: Client
    kind: ReviewKind
    stars: int
    created_at: datetime
    channel: Channel
    session: ClassSession | None = None
    comment: str | None = None
    aspects: Sequence[Aspect] = ()
    external_id: str | None = None
    prompt: Prompt | None = None
    # The 0-10 recommendation answer (business reviews only).
    recommend: int | None = None


def recommend_problems(kind: ReviewKind, recommend: int | None) -> list[Said]:
    """The 0-10 question belongs to business reviews, answered from 0 to 10."""
    if recommend is None:
        return []
    if kind is not ReviewKind.BUSINESS:
        return ["the 0-10 recommendation question goes with a business review, not a class review"]
    if not 0 <= recommend <= 10:
        return [f"the recommendation must be from 0 to 10, not {recommend}"]
    return []


def problems_with(new: NewReview) -> list[Said]:
    problems: list[Said] = []
    if not 1 <= new.stars <= 5:
        problems.append(
            Wording(
                "stars must be between 1 and 5, not {stars}",
                stars=new.stars,
            )
        )
    if new.comment is not None and len(new.comment) > MAX_COMMENT_CHARS:
        problems.append(
            Wording(
                "the comment has {comment_count} characters; at most {max_comment_chars} are "
                "allowed",
                comment_count=len(new.comment),
                max_comment_chars=MAX_COMMENT_CHARS,
            )
        )
    if new.kind is ReviewKind.CLASS and new.session is None:
        problems.append(Wording("a class review needs the session it is about"))
    if new.kind is ReviewKind.BUSINESS and new.session is not None:
        problems.append(Wording("a business review is about the studio, not a session"))
    problems += recommend_problems(new.kind, new.recommend)
    for aspect in new.aspects:
        if aspect.kind is not new.kind:
            problems.append(
                Wording(
                    "the aspect {label_en!r} is for {kind} reviews",
                    label_en=aspect.label_en,
                    kind=kind_word(aspect.kind),
                )
            )
    return problems


def record_review(session: Session, settings: Settings, new: NewReview) -> Review:
    """Insert the review, its aspects and what follows from it; UserInputError when invalid."""
    problems = problems_with(new)
    if problems:
        raise UserInputError(problems)
    comment = new.comment.strip() if new.comment else None
    review = Review(
        external_id=new.external_id or f"{APP_ID_PREFIX}pending-{uuid.uuid4().hex}",
        client_id=new.client.id,
        kind=new.kind,
        session_id=new.session.id if new.session is not None else None,
        stars=new.stars,
        comment=comment or None,
        channel=new.channel,
        created_at=new.created_at,
        local_day=local_day(new.created_at, settings.timezone),
        prompt_id=new.prompt.id if new.prompt is not None else None,
        recommend=new.recommend,
    )
    review.aspects = list(dict.fromkeys(new.aspects))
    session.add(review)
    if new.external_id is None:
        # The app's id is built from the internal key, so only app-made reviews need a flush
        # here; imports of thousands of reviews are flushed in bulk.
        session.flush()
        review.external_id = app_review_id(review.id)
    if is_at_risk(review.stars):
        session.add(Action(review=review, opened_at=new.created_at))
    queue_at_risk_alert(session, settings, review, at=new.created_at)
    return review
