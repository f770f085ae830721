"""A review request after it was queued: kept in step with its email, and how it stands.

- Its email sent: the request is ``sent`` and counts as a prompt shown on channel ``email`` that
  day (so the once-a-day rule and the response rate see it like a kiosk prompt).
- Its email cancelled (by staff, or because the client unsubscribed meanwhile): ``cancelled``.
- Sent and not answered within ``requests.answer_days``: ``abandoned`` (its prompt stays
  abandoned: shown, not answered). This state is read from the clock, never swept into the
  store, so every reader at every T agrees.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from feedback_desk.domain.kinds import Channel, OutboxState, RequestState
from feedback_desk.domain.localtime import days_after, days_before
from feedback_desk.domain.prompts import DuePrompt
from feedback_desk.services.prompting.recording import show_prompt
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.models import Client, ReviewRequest


def after_delivery(
    session: Session, outbox_message_id: int, state: OutboxState, *, at: datetime
) -> None:
    """Call when an outbox message becomes sent or cancelled; a no-op for other messages."""
    if state not in (OutboxState.SENT, OutboxState.CANCELLED):
        return
    request = session.scalar(
        select(ReviewRequest).where(ReviewRequest.outbox_message_id == outbox_message_id)
    )
    if request is None or request.state is not RequestState.QUEUED:
        return
    if state is OutboxState.CANCELLED:
        request.state = RequestState.CANCELLED
        return
    prompt = show_prompt(
        session,
        load_settings(session),
        session.get_one(Client, request.client_id),
        DuePrompt(request.kind, request.session_id),
        at=at,
        channel=Channel.EMAIL,
    )
    request.state = RequestState.SENT
    request.sent_at = at
    request.prompt_id = prompt.id


def answer_deadline(request: ReviewRequest, settings: Settings) -> datetime | None:
    """Until when the client may answer (None before it was sent)."""
    if request.sent_at is None:
        return None
    return days_after(request.sent_at, settings.integer("requests.answer_days"), settings.timezone)


def state_at(request: ReviewRequest, settings: Settings, at: datetime) -> RequestState:
    """The request's state as of *at*: a sent one past its answer days is abandoned."""
    deadline = answer_deadline(request, settings)
    if request.state is RequestState.SENT and deadline is not None and at > deadline:
        return RequestState.ABANDONED
    return request.state


def state_condition(state: RequestState, settings: Settings, at: datetime) -> ColumnElement[bool]:
    """SQL for "the request's state as of *at* is *state*" (see :func:`state_at`)."""
    sent_since = days_before(at, settings.integer("requests.answer_days"), settings.timezone)
    if state is RequestState.ABANDONED:
        return and_(ReviewRequest.state == RequestState.SENT, ReviewRequest.sent_at < sent_since)
    if state is RequestState.SENT:
        return and_(ReviewRequest.state == RequestState.SENT, ReviewRequest.sent_at >= sent_since)
    return or_(ReviewRequest.state == state)
