"""Inviting a client to recommend the studio: one open invitation per client.

The invitation is recorded whatever happens to its email: the kiosk (window and paired tablet)
offers it at the client's next visit. Its email goes through the outbox when the client may get
commercial email (an address, their consent, not unsubscribed); otherwise the reason is reported
and nothing is queued. An invitation left unanswered ``testimonials.expiry_days`` days expires.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import MessageKind
from feedback_desk.domain.localtime import days_before, format_local
from feedback_desk.domain.testimonials import TestimonialState, expires_at, is_open
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.outbox.queue import unsubscribable_refusal
from feedback_desk.services.prompting.describe import client_language
from feedback_desk.services.requests.content import new_token
from feedback_desk.services.settings import Settings
from feedback_desk.services.testimonials.emails import (
    invitation_content,
    journey_url,
    queue_or_say_why,
)
from feedback_desk.store.models import Client, Testimonial
from feedback_desk.wording import Wording

EXPIRY_KEY = "testimonials.expiry_days"


@dataclass(frozen=True)
class Invited:
    testimonial_id: int
    client: str
    name: str
    token: str
    # The client's page when the studio publishes its client pages, else None.
    url: str | None
    emailed: bool
    # Why no email was queued (no address, no consent...), when none was.
    not_emailed_because: Wording | None


def expiry_days(settings: Settings) -> int:
    return settings.integer(EXPIRY_KEY)


def latest_invitation(session: Session, client_id: int) -> Testimonial | None:
    return session.scalars(
        select(Testimonial)
        .where(Testimonial.client_id == client_id)
        .order_by(Testimonial.invited_at.desc(), Testimonial.id.desc())
        .limit(1)
    ).first()


def open_invitation(
    session: Session, settings: Settings, client_id: int, at: datetime
) -> Testimonial | None:
    """The client's invitation that can still be answered at *at*, if any."""
    latest = session.scalars(
        select(Testimonial)
        .where(
            Testimonial.client_id == client_id,
            Testimonial.state == TestimonialState.INVITED,
            Testimonial.invited_at <= at,
        )
        .order_by(Testimonial.invited_at.desc(), Testimonial.id.desc())
        .limit(1)
    ).first()
    if latest is None or not is_open(
        latest.state, latest.invited_at, at, expiry_days(settings), settings.timezone
    ):
        return None
    return latest


def by_token(session: Session, token: str, *, lock: bool = False) -> Testimonial | None:
    if not token or len(token) > 40:
        return None
    query = select(Testimonial).where(Testimonial.token == token)
    if lock:
        query = query.with_for_update()
    return session.scalars(query).first()


def forget_unanswered_photos(session: Session, settings: Settings, at: datetime) -> int:
    """Delete the photos of invitations that expired unanswered (a photo uploaded on a page that
    was never sent is kept only while the invitation is open)."""
    cutoff = days_before(at, expiry_days(settings), settings.timezone)
    return int(
        session.execute(
            update(Testimonial)
            .where(
                Testimonial.state == TestimonialState.INVITED,
                Testimonial.has_photo.is_(True),
                Testimonial.invited_at <= cutoff,
            )
            .values(photo=None, has_photo=False)
            .execution_options(synchronize_session=False)
        ).rowcount  # type: ignore[attr-defined]
        or 0
    )


def invite(
    session: Session,
    settings: Settings,
    client_id: int,
    *,
    at: datetime,
    actor: str,
    tokens: Callable[[], str] = new_token,
) -> Invited:
    """Record an invitation for the client and queue its email when it may be sent.

    UserInputError when the client already has an open invitation. *tokens* makes the link's
    token (random; the demo studio's are drawn from its seed).
    """
    # Locked (PostgreSQL; SQLite's writers are serialized anyway): two invitations made at once
    # for one client leave one.
    client = session.get(Client, client_id, with_for_update=True)
    if client is None:
        raise UserInputError(
            Wording(
                "client {client_id} does not exist",
                client_id=client_id,
            )
        )
    pending = open_invitation(session, settings, client.id, at)
    if pending is not None:
        until = expires_at(pending.invited_at, expiry_days(settings), settings.timezone)
        raise UserInputError(
            Wording(
                "{external_id} already has an open invitation (made {invited_at}, open until "
                "{until})",
                external_id=client.external_id,
                invited_at=format_local(pending.invited_at, settings.timezone),
                until=format_local(until, settings.timezone),
            )
        )
    forget_unanswered_photos(session, settings, at)
    language = client_language(settings, client)
    testimonial = Testimonial(
        token=tokens(),
        client_id=client.id,
        state=TestimonialState.INVITED,
        language=language,
        invited_at=at,
        invited_by=actor[:100],
    )
    session.add(testimonial)
    session.flush()
    refusal = _queue_invitation_email(session, settings, client, testimonial, at=at, actor=actor)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="testimonial.invited",
        entity_type="client",
        entity_id=client.external_id,
        testimonial=testimonial.id,
        emailed=refusal is None,
    )
    return Invited(
        testimonial_id=testimonial.id,
        client=client.external_id,
        name=client.full_name,
        token=testimonial.token,
        url=journey_url(settings, testimonial.token),
        emailed=refusal is None,
        not_emailed_because=refusal,
    )


def _queue_invitation_email(
    session: Session,
    settings: Settings,
    client: Client,
    testimonial: Testimonial,
    *,
    at: datetime,
    actor: str,
) -> Wording | None:
    """Queue the invitation's email; the reason instead when it cannot be sent."""
    refusal = unsubscribable_refusal(client, consent_needed=True)
    if refusal is not None:
        return refusal
    queued = queue_or_say_why(
        session,
        lambda: invitation_content(
            session, settings, client, language=testimonial.language, token=testimonial.token
        ),
        kind=MessageKind.TESTIMONIAL,
        recipients=[client.email or ""],
        at=at,
        client=client,
        dedup_key=f"testimonial:invitation:{testimonial.id}",
        actor=actor,
    )
    if isinstance(queued, Wording):
        return queued
    testimonial.outbox_message_id = queued.message.id
    return None


def client_by_external_id(session: Session, external_id: str) -> Client:
    client = session.scalar(select(Client).where(Client.external_id == external_id.strip()))
    if client is None:
        raise UserInputError(
            Wording(
                "unknown client {external_id!r}",
                external_id=external_id,
            )
        )
    return client
