"""Emails that staff read and edit before sending: replies to reviews, follow-ups.

A :class:`Draft` is filled from a template (plain text, in the client's language); staff may
change the recipient, subject and body; :func:`send_draft` queues what they approved. Commercial
drafts (a reply to a promoter asks for referrals) still get the studio's identity, the unsubscribe
line and header at queueing, and need the client's consent. A draft queues at most once, however
often Send is pressed.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ContactChannel, MessageKind
from feedback_desk.errors import UserInputError
from feedback_desk.services.outbox.queue import Queued, commercial_refusal, queue_message
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import TemplateName, get_template
from feedback_desk.services.templates.fill import (
    client_values,
    from_plain_text,
    language_for,
    review_values,
)
from feedback_desk.services.templates.render import render_text
from feedback_desk.store.models import Action, ActionContact, Client, Review
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class Draft:
    to: str
    subject: str
    body: str
    language: str
    kind: MessageKind
    template: TemplateName
    client_id: int
    review_id: int | None = None
    action_id: int | None = None
    # Why it cannot be sent as it stands (no address, no consent), shown before staff edit it.
    problem: Wording | None = None
    token: str = field(default_factory=lambda: uuid.uuid4().hex[:16])
    # The template's instructions to staff ("[Describe here what changed.]"), to be replaced.
    instructions: tuple[str, ...] = ()

    @property
    def commercial(self) -> bool:
        return self.template.commercial

    def edited(self, *, to: str, subject: str, body: str) -> Draft:
        return replace(self, to=to.strip(), subject=subject, body=body)

    def instructions_left(self) -> list[str]:
        """The template's instructions still in the text: staff have not written their part."""
        return [text for text in self.instructions if text in self.body]


# A line of a template between square brackets is an instruction to staff, never client text.
INSTRUCTION = re.compile(r"\[[^\[\]\n]{3,}\]")


def draft_from_template(
    session: Session,
    settings: Settings,
    template_name: TemplateName,
    *,
    kind: MessageKind,
    client: Client,
    review: Review | None = None,
    action: Action | None = None,
    at: datetime,
    values: Callable[[str], Mapping[str, str]] | None = None,
) -> Draft:
    """*values*: more placeholders, given the draft's language."""
    language = language_for(client, settings)
    template = get_template(session, template_name, language)
    filled = client_values(client, settings)
    if review is not None:
        filled |= review_values(review, settings, language)
    if values is not None:
        filled |= values(language)
    problem: Wording | None = None
    if not client.email:
        who = f"{client.full_name} ({client.external_id})"
        problem = Wording("{who} has no email address", who=who)
    elif template_name.commercial:
        problem = commercial_refusal(client, at)
    return Draft(
        to=client.email or "",
        subject=" ".join(render_text(template.subject, filled).split()),
        body=render_text(template.body, filled),
        instructions=tuple(INSTRUCTION.findall(template.body)),
        language=language,
        kind=kind,
        template=template_name,
        client_id=client.id,
        review_id=review.id if review is not None else None,
        action_id=action.id if action is not None else None,
        problem=problem,
    )


def _action_for(session: Session, draft: Draft) -> Action | None:
    if draft.action_id is not None:
        return session.get(Action, draft.action_id)
    if draft.review_id is not None:
        return session.scalar(select(Action).where(Action.review_id == draft.review_id))
    return None


def send_draft(
    session: Session, settings: Settings, draft: Draft, *, at: datetime, actor: str
) -> Queued:
    """Queue the approved draft; when it concerns an action, log it as an email contact."""
    client = session.get(Client, draft.client_id)
    if client is None:
        raise UserInputError(Wording("the client of this email no longer exists"))
    if not draft.to.strip():
        raise UserInputError(Wording("the email has no recipient"))
    left = draft.instructions_left()
    if left:
        raise UserInputError(
            Wording(
                "replace {left} with your own words before sending",
                left=left[0],
            )
        )
    content = from_plain_text(
        draft.subject,
        draft.body,
        settings=settings,
        client=client,
        language=draft.language,
        commercial=draft.commercial,
    )
    review = session.get(Review, draft.review_id) if draft.review_id is not None else None
    queued = queue_message(
        session,
        kind=draft.kind,
        recipients=[draft.to],
        content=content,
        at=at,
        client=client,
        review=review,
        dedup_key=f"{draft.kind.value}:{draft.client_id}:{draft.token}",
        actor=actor,
    )
    action = _action_for(session, draft)
    if queued.created and action is not None:
        session.add(
            ActionContact(
                action_id=action.id,
                contacted_at=at,
                channel=ContactChannel.EMAIL,
                note=f"{draft.template.label}: {draft.subject.strip()}",
                staff=actor,
                outbox_message_id=queued.message.id,
            )
        )
    return queued
