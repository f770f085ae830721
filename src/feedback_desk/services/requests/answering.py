"""Answers to email review requests: by email (the inbox) or on the request's answer page.

A request is answerable while it is ``sent`` and within ``requests.answer_days`` of its sending.
Unknown, answered, ignored, cancelled, not yet sent and expired tokens all look the same from
outside (:func:`answerable_request` returns None, :func:`answer_request` raises the same
sentence), so a page never reveals anything about anyone.

An answer is claimed with an atomic ``UPDATE ... WHERE state = 'sent'`` before its review is
recorded, in the caller's transaction: an email and a page answering the same request at the same
moment record one review, never two. The review goes through the prompt recording of the kiosk
(``answer_prompt``, so through ``record_review``): the prompt stays an ``email`` prompt, the
review records where it was given (``email`` or ``web``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Channel, RequestState, ReviewKind
from feedback_desk.errors import UserInputError
from feedback_desk.services.prompting.describe import SessionSummary, summarize_session
from feedback_desk.services.prompting.recording import (
    Answer,
    OwnAspect,
    answer_prompt,
    ignore_prompt,
)
from feedback_desk.services.requests.content import question
from feedback_desk.services.requests.lifecycle import state_at
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Client, Review, ReviewRequest
from feedback_desk.wording import Wording

NOT_ANSWERABLE = Wording(
    "this link is no longer valid: the question was answered, withdrawn or has expired"
)


@dataclass(frozen=True)
class AnswerableRequest:
    """What an answer page shows: plain values, safe to hand to another thread."""

    request_id: int
    token: str
    kind: ReviewKind
    language: str
    first_name: str
    studio: str
    question: str
    session: SessionSummary | None
    # Business requests ask the 0-10 question too when ``nps.enabled``.
    asks_recommend: bool


def request_by_token(session: Session, token: str) -> ReviewRequest | None:
    cleaned = token.strip()
    if not cleaned or len(cleaned) > 40:
        return None
    return session.scalar(select(ReviewRequest).where(ReviewRequest.token == cleaned))


def is_answerable(request: ReviewRequest | None, settings: Settings, at: datetime) -> bool:
    return request is not None and state_at(request, settings, at) is RequestState.SENT


def answerable_request(
    session: Session, settings: Settings, token: str, *, at: datetime
) -> AnswerableRequest | None:
    """The request behind *token* when it can be answered at *at*, else None (whatever why)."""
    request = request_by_token(session, token)
    if request is None or not is_answerable(request, settings, at):
        return None
    assert request.sent_at is not None
    summary = (
        summarize_session(session, request.session_id) if request.session_id is not None else None
    )
    client = session.get_one(Client, request.client_id)
    return AnswerableRequest(
        request_id=request.id,
        token=request.token,
        kind=request.kind,
        language=request.language,
        first_name=client.first_name,
        studio=settings.studio_name,
        question=question(settings, request.language, summary, request.sent_at),
        session=summary,
        asks_recommend=request.kind is ReviewKind.BUSINESS and settings.flag("nps.enabled"),
    )


def _claim(session: Session, request: ReviewRequest, state: RequestState, at: datetime) -> bool:
    taken = session.execute(
        update(ReviewRequest)
        .where(ReviewRequest.id == request.id, ReviewRequest.state == RequestState.SENT)
        .values(state=state, answered_at=at)
        .execution_options(synchronize_session=False)
    ).rowcount  # type: ignore[attr-defined]
    session.refresh(request)
    return bool(taken == 1)


def record_answer(
    session: Session,
    settings: Settings,
    request: ReviewRequest,
    answer: Answer,
    *,
    at: datetime,
    channel: Channel,
) -> Review | None:
    """Record *answer* as the request's review dated *at*; None when the request was no longer
    answerable (someone else answered it first). UserInputError when the answer is invalid."""
    if not is_answerable(request, settings, at) or request.prompt_id is None:
        return None
    # A savepoint: an invalid answer leaves the request answerable, whatever the caller does.
    with session.begin_nested():
        if not _claim(session, request, RequestState.ANSWERED, at):
            return None
        review = answer_prompt(session, settings, request.prompt_id, answer, at=at, channel=channel)
        request.review_id = review.id
    return review


def answer_request(
    session: Session,
    settings: Settings,
    token: str,
    *,
    stars: int | None = None,
    aspects: Sequence[int] = (),
    added_aspects: Sequence[OwnAspect] = (),
    comment: str | None = None,
    recommend: int | None = None,
    ignore: bool = False,
    channel: Channel = Channel.WEB,
    at: datetime,
) -> str | None:
    """The answer given on a request's answer page: the new review's id, or None for "Ignore
    for now". UserInputError (one line per problem) when the answer is invalid, or
    :data:`NOT_ANSWERABLE` whatever makes the token unusable; nothing is written then."""
    request = request_by_token(session, token)
    if request is None or request.prompt_id is None or not is_answerable(request, settings, at):
        raise UserInputError(NOT_ANSWERABLE)
    if ignore:
        if not _claim(session, request, RequestState.IGNORED, at):
            raise UserInputError(NOT_ANSWERABLE)
        ignore_prompt(session, request.prompt_id, at=at)
        return None
    if stars is None:
        raise UserInputError(Wording("choose from 1 to 5 stars"))
    answer = Answer(
        stars=stars,
        aspect_ids=tuple(aspects),
        own_aspects=tuple(added_aspects),
        comment=comment,
        recommend=recommend,
    )
    review = record_answer(session, settings, request, answer, at=at, channel=channel)
    if review is None:
        raise UserInputError(NOT_ANSWERABLE)
    return review.external_id
