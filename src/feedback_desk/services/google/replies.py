"""Replying to a Google review on Google: published through the API, replacing any earlier
reply, and kept in the local copy. A reply over 4,096 UTF-8 bytes is refused before sending."""

from __future__ import annotations

from sqlalchemy import select

from feedback_desk.clock import Clock
from feedback_desk.domain.google_reviews import REPLY_MAX_BYTES, ReplyData, reply_size
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.google.api import RandomSource, Sleeper
from feedback_desk.services.google.connection import open_api
from feedback_desk.services.google.errors import ReplyTooLong
from feedback_desk.services.google.linking import find_review
from feedback_desk.store.database import Store
from feedback_desk.store.models import GoogleReview
from feedback_desk.wording import Wording


def check_reply(text: str) -> str:
    body = text.strip()
    if not body:
        raise UserInputError(Wording("the reply is empty"))
    size = reply_size(body)
    if size > REPLY_MAX_BYTES:
        raise ReplyTooLong(size, REPLY_MAX_BYTES)
    return body


def _resource(store: Store, review_id: str) -> str:
    with store.read() as session:
        review = find_review(session, review_id)
        if review.removed_at is not None:
            raise UserInputError(
                Wording(
                    "Google review {review_id!r} was removed from Google; it cannot be answered",
                    review_id=review_id,
                )
            )
        return review.resource_name


def publish_reply(
    store: Store,
    review_id: str,
    text: str,
    *,
    clock: Clock,
    actor: str,
    sleeper: Sleeper | None = None,
    random_source: RandomSource | None = None,
) -> ReplyData:
    """PUT …/reply; the local copy takes Google's answer (usually PENDING moderation)."""
    body = check_reply(text)
    resource = _resource(store, review_id)
    api, _location_id = open_api(store, sleeper=sleeper, random_source=random_source)
    with api:
        reply = ReplyData.from_api(api.put_reply(resource, body))
    with store.write() as session:
        review = session.scalar(select(GoogleReview).where(GoogleReview.review_id == review_id))
        assert review is not None
        review.reply_comment = reply.comment or body
        review.reply_update_time = reply.update_time
        review.reply_state = reply.state
        review.reply_policy_violation = reply.policy_violation
        audit.record(
            session,
            at=clock.now(),
            actor=actor,
            action="google.replied",
            entity_type="google_review",
            entity_id=review_id,
            bytes=reply_size(body),
            state=reply.state,
        )
    return reply


def delete_reply(
    store: Store,
    review_id: str,
    *,
    clock: Clock,
    actor: str,
    sleeper: Sleeper | None = None,
    random_source: RandomSource | None = None,
) -> None:
    resource = _resource(store, review_id)
    api, _location_id = open_api(store, sleeper=sleeper, random_source=random_source)
    with api:
        api.delete_reply(resource)
    with store.write() as session:
        review = session.scalar(select(GoogleReview).where(GoogleReview.review_id == review_id))
        assert review is not None
        review.reply_comment = None
        review.reply_update_time = None
        review.reply_state = None
        review.reply_policy_violation = None
        audit.record(
            session,
            at=clock.now(),
            actor=actor,
            action="google.reply_deleted",
            entity_type="google_review",
            entity_id=review_id,
        )
