"""Every review request with its state (``requests list``), newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import RequestState, ReviewKind
from feedback_desk.domain.localtime import format_local
from feedback_desk.services.requests.content import answer_url
from feedback_desk.services.requests.lifecycle import state_at, state_condition
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import ClassSession, Client, Review, ReviewRequest


@dataclass(frozen=True)
class RequestEntry:
    id: int
    client: str
    kind: ReviewKind
    session: str | None
    token: str
    state: RequestState
    send_at: datetime
    sent_at: datetime | None
    answered_at: datetime | None
    review: str | None
    answer_url: str | None

    def as_json(self, settings: Settings) -> dict[str, Any]:
        tz = settings.timezone
        return {
            "request": self.id,
            "client": self.client,
            "kind": f"{self.kind.value}_review",
            "session": self.session,
            "token": self.token,
            "state": self.state.value,
            "sent_at": format_local(self.sent_at, tz) if self.sent_at else None,
            "answered_at": format_local(self.answered_at, tz) if self.answered_at else None,
            "review": self.review,
            "answer_url": self.answer_url,
        }


def list_requests(
    session: Session,
    settings: Settings,
    *,
    at: datetime,
    state: RequestState | None = None,
    limit: int | None = None,
) -> list[RequestEntry]:
    stmt = (
        select(ReviewRequest, Client.external_id, ClassSession.external_id, Review.external_id)
        .join(Client, Client.id == ReviewRequest.client_id)
        .outerjoin(ClassSession, ClassSession.id == ReviewRequest.session_id)
        .outerjoin(Review, Review.id == ReviewRequest.review_id)
        .order_by(ReviewRequest.queued_at.desc(), ReviewRequest.id.desc())
    )
    if state is not None:
        stmt = stmt.where(state_condition(state, settings, at))
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        RequestEntry(
            id=request.id,
            client=client,
            kind=request.kind,
            session=session_ref,
            token=request.token,
            state=state_at(request, settings, at),
            send_at=request.send_at,
            sent_at=request.sent_at,
            answered_at=request.answered_at,
            review=review,
            answer_url=answer_url(settings, request.token),
        )
        for request, client, session_ref, review in session.execute(stmt)
    ]
