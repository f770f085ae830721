"""What the demo studio shows on its last day, read from the written store by the product's own
services — the same answers ``invitations``, ``prompt``, ``trends``, ``actions``,
``testimonials`` and the non-respondents screen give at that instant.

The staging makes sure each story exists (its cast); this module never trusts the staging: it asks
the services, and reports what they say.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from feedback_desk.domain.localtime import local_to_utc
from feedback_desk.domain.testimonials import Approval, TestimonialStatus
from feedback_desk.services.actions import count_open_actions
from feedback_desk.services.demo.builder import DemoData
from feedback_desk.services.demo.scenarios import Role
from feedback_desk.services.invitations import due_invitations
from feedback_desk.services.loop import nonrespondents
from feedback_desk.services.prompting.direct import check_prompt
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials.listing import list_testimonials
from feedback_desk.services.trends import satisfaction_trends
from feedback_desk.store.models import Invitation, OutboxMessage

# The manager opens the demo on the last morning, when the outbox runs (google.invitation_hour).
STORY_HOUR = 10


@dataclass(frozen=True)
class PromptDue:
    client: str
    kind: str  # "class" or "business"
    session: str | None  # the session's own id, for a class review

    def describe(self) -> str:
        if self.session is None:
            return f"{self.client} ({self.kind} review)"
        return f"{self.client} ({self.kind} review of {self.session})"


@dataclass(frozen=True)
class Story:
    at: datetime
    open_actions: int
    invitations_sent: int
    invitations_due: list[str]
    non_respondents: list[str]
    prompts_due: list[PromptDue]
    dropping_clients: list[str]  # largest drop first, as `trends` lists them
    dropping_coaches: list[str]  # "E2 (Marc-André Bérubé)"
    # Accepted testimonials staff have not approved or hidden yet (the Testimonials tab's
    # "To review"), newest invitation first as `testimonials` lists them.
    testimonials_to_review: list[str]


def story_instant(data: DemoData) -> datetime:
    cal = data.calendar
    return local_to_utc(datetime.combine(cal.until, time(STORY_HOUR)), cal.tz)


def read_story(session: Session, data: DemoData) -> Story:
    settings = load_settings(session)
    at = story_instant(data)
    external = {c.id: c.external_id for c in data.world.clients}
    prompts = []
    for client_id in sorted(data.cast.with_role(Role.PROMPT_DUE)):
        check = check_prompt(session, settings, external[client_id], at)
        if check.due is not None:
            session_id = check.session.external_id if check.session is not None else None
            prompts.append(PromptDue(check.client, check.due.kind.value, session_id))
    trends = satisfaction_trends(session, settings, at)
    sent = session.scalar(
        select(func.count())
        .select_from(Invitation)
        .join(OutboxMessage, OutboxMessage.id == Invitation.outbox_message_id)
        .where(OutboxMessage.sent_at.is_not(None))
    )
    return Story(
        at=at,
        open_actions=count_open_actions(session),
        invitations_sent=sent or 0,
        invitations_due=[d.client for d in due_invitations(session, settings, at)],
        non_respondents=sorted(n.client for n in nonrespondents(session, settings, at)),
        prompts_due=prompts,
        dropping_clients=[t.client for t in trends.clients],
        dropping_coaches=[f"{t.coach} ({t.name})" for t in trends.coaches],
        testimonials_to_review=[
            row.client
            for row in list_testimonials(session, settings, at)
            if row.status is TestimonialStatus.ACCEPTED and row.approval is Approval.PENDING
        ],
    )
