"""Queueing the requests that are due: their outbox email and the request row, once.

``send-outbox --at T`` calls :func:`queue_due_requests` (as it queues Google invitations); from
then on the outbox rules apply. The email's Message-ID is fixed here and kept with the request's
outbox message, so the inbox recognizes every reply to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind, RequestState
from feedback_desk.errors import UserInputError
from feedback_desk.services.email.message import new_message_id
from feedback_desk.services.outbox.queue import Queued, queue_message
from feedback_desk.services.prompting.describe import summarize_session
from feedback_desk.services.requests.content import new_token, request_content
from feedback_desk.services.requests.planning import PlannedRequest, due_requests
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.fill import language_for
from feedback_desk.store.models import Client, ReviewRequest
from feedback_desk.wording import Wording


@dataclass
class RequestQueueing:
    queued: int = 0
    skipped: list[Wording] = field(default_factory=list)


def queue_request(
    session: Session, settings: Settings, planned: PlannedRequest, *, at: datetime, actor: str
) -> Queued | None:
    """Queue one due request; None when the outbox already holds it. UserInputError when its
    email cannot be made (no answer address, a refused recipient...)."""
    client = session.get_one(Client, planned.client_id)
    language = language_for(client, settings)
    token = new_token()
    summary = (
        summarize_session(session, planned.due.session_id)
        if planned.due.session_id is not None
        else None
    )
    content = request_content(
        session, settings, client, language=language, summary=summary, token=token, sent_at=at
    )
    queued = queue_message(
        session,
        kind=MessageKind.REVIEW_REQUEST,
        recipients=[client.email or ""],
        content=content,
        at=at,
        scheduled_at=planned.send_at,
        client=client,
        dedup_key=planned.dedup_key,
        actor=actor,
        consent_needed=settings.flag("requests.require_consent"),
        message_id=new_message_id(settings.text("smtp.sender").strip()),
    )
    if not queued.created:
        return None
    session.add(
        ReviewRequest(
            token=token,
            client_id=client.id,
            kind=planned.kind,
            session_id=planned.due.session_id,
            send_at=planned.send_at,
            state=RequestState.QUEUED,
            queued_at=at,
            outbox_message_id=queued.message.id,
            dedup_key=planned.dedup_key,
            language=language,
        )
    )
    session.flush()
    return queued


def queue_due_requests(
    session: Session, settings: Settings, at: datetime, *, actor: str
) -> RequestQueueing:
    """Queue every request due at *at* (each in its own savepoint: one bad address skips one)."""
    report = RequestQueueing()
    for planned in due_requests(session, settings, at):
        try:
            with session.begin_nested():
                queued = queue_request(session, settings, planned, at=at, actor=actor)
        except UserInputError as exc:
            report.skipped.append(
                Wording(
                    "{client}: {why}", client=planned.client, why=Wording.joined(exc.wordings, "; ")
                )
            )
            continue
        if queued is not None:
            report.queued += 1
    return report
