"""The email review requests of the demo's last weeks, written as the product leaves them.

Each request is written at the instant it was queued, in time order with the rest of the outbox
history (outbox_history.py), so its outbox message is numbered as the product numbers it. Its
email is the product's own (:func:`~feedback_desk.services.requests.content.request_content`:
the review_request template in the client's language, the question as seen on the day it went,
the five answer links to the answer page); the message row holds what
:func:`~feedback_desk.services.requests.queueing.queue_request` queues and the sender then leaves
on it (sent, one attempt, its Message-ID fixed when queued), and the ``review_requests`` row what
queueing, :func:`~feedback_desk.services.requests.lifecycle.after_delivery` (sent: its ``email``
prompt) and an answer (answered with its review, or ignored) leave. The prompts and reviews
themselves are written with the others (writer.py). Written as rows rather than through
``queue_message``: a default demo sends several hundred requests, and one ORM savepoint each would
double the build time.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind, OutboxState, PromptOutcome, RequestState
from feedback_desk.services.demo import studio_plan
from feedback_desk.services.demo.builder import DemoData
from feedback_desk.services.demo.outbox_history import OUTBOX_ACTOR, Step, Templates, load_rows
from feedback_desk.services.demo.records import DemoRequest
from feedback_desk.services.email.addresses import domain_of
from feedback_desk.services.prompting.describe import SessionSummary
from feedback_desk.services.requests.content import request_content
from feedback_desk.services.settings import load_settings
from feedback_desk.services.templates.catalogue import TemplateName
from feedback_desk.services.templates.fill import language_for
from feedback_desk.store.models import Client, OutboxMessage, ReviewRequest

_STATE = {
    PromptOutcome.ANSWERED: RequestState.ANSWERED,
    PromptOutcome.IGNORED: RequestState.IGNORED,
    PromptOutcome.ABANDONED: RequestState.SENT,  # abandoned once its answer days are over
}


def _summaries(data: DemoData) -> dict[int, SessionSummary]:
    """The sessions requests ask about, as summarize_session describes them."""
    world = data.world
    coaches = {world.coach_ids[c.external_id]: c for c in studio_plan.COACHES}
    classes = {i: name for name, i in world.class_ids.items()}
    wanted = {r.session_id for r in data.requests if r.session_id is not None}
    found = {}
    for s in world.sessions:
        if s.id in wanted:
            coach = coaches[s.coach_id]
            found[s.id] = SessionSummary(
                s.id,
                s.external_id,
                classes[s.class_id],
                coach.first_name,
                f"{coach.first_name} {coach.last_name}",
                s.starts_at,
            )
    return found


class RequestWriter:
    """Queues each request's message at its instant (:meth:`steps`), then writes the requests."""

    def __init__(self, session: Session, data: DemoData) -> None:
        self.session = session
        self.data = data
        self.settings = load_settings(session)
        self.summaries = _summaries(data)
        self.templates = Templates()
        self.domain = domain_of(self.settings.text("smtp.sender"))
        # Held for the whole history (the session's identity map keeps them only while used).
        self.clients = {
            c.id: c for c in load_rows(session, Client, {r.client_id for r in data.requests})
        }
        self.rows: list[dict[str, Any]] = []

    def steps(self) -> list[Step]:
        return [(r.delivery.queued_at, partial(self._queue, r)) for r in self.data.requests]

    def _queue(self, request: DemoRequest) -> None:
        delivery = request.delivery
        client = self.clients[request.client_id]
        language = language_for(client, self.settings)
        queued_at = delivery.queued_at
        content = request_content(
            self.session,
            self.settings,
            client,
            language=language,
            summary=self.summaries.get(request.session_id or 0),
            token=request.token,
            sent_at=queued_at,
            template=self.templates.get(self.session, TemplateName.REVIEW_REQUEST, language),
        )
        dedup_key = f"request:{client.id}:{request.dedup_suffix}"
        centis = int(queued_at.timestamp() * 100)
        # One row at a time, in time order with the ORM's messages: numbered as queued.
        inserted = self.session.connection().execute(
            insert(OutboxMessage),
            {
                "kind": MessageKind.REVIEW_REQUEST,
                "recipients": delivery.recipient,
                "subject": " ".join(content.subject.split()),
                "body_text": content.text,
                "body_html": content.html,
                "list_unsubscribe": content.list_unsubscribe,
                "client_id": client.id,
                "review_id": None,
                "dedup_key": dedup_key,
                "state": OutboxState.SENT,
                "scheduled_at": request.send_at,
                "next_attempt_at": request.send_at,
                "attempts": 1,
                "last_error": None,
                "message_id": f"<{centis}.{request.id}.4821@{self.domain}>",
                "claim_token": None,
                "claimed_at": delivery.claimed_at,
                "sent_at": delivery.sent_at,
                "created_at": queued_at,
                "created_by": OUTBOX_ACTOR,
            },
        )
        message_key = inserted.inserted_primary_key
        assert message_key is not None
        prompt = request.prompt
        answered = prompt.outcome is not PromptOutcome.ABANDONED
        self.rows.append(
            {
                "id": request.id,
                "token": request.token,
                "client_id": client.id,
                "kind": request.kind,
                "session_id": request.session_id,
                "send_at": request.send_at,
                "state": _STATE[prompt.outcome],
                "queued_at": queued_at,
                "outbox_message_id": message_key[0],
                "sent_at": delivery.sent_at,
                "prompt_id": prompt.id,
                "answered_at": prompt.outcome_at if answered else None,
                "review_id": request.review.id if request.review is not None else None,
                "dedup_key": dedup_key,
                "language": language,
            }
        )

    def write_requests(self) -> None:
        if self.rows:
            self.session.connection().execute(insert(ReviewRequest), self.rows)
