"""Testimonials as plain values: for `testimonials [--json]`, the Testimonials tab and the client
card (rows, the consent history), in a few queries whatever their number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.localtime import format_local
from feedback_desk.domain.testimonials import (
    Approval,
    ConsentPart,
    Place,
    RefusalReason,
    TestimonialStatus,
    shown_name,
    status,
)
from feedback_desk.services.settings import Settings
from feedback_desk.services.testimonials.invitations import expiry_days
from feedback_desk.services.testimonials.qualities import labels_of
from feedback_desk.store.models import Client, ConsentEvent, OutboxMessage, Testimonial

LIST_LIMIT = 2000


@dataclass(frozen=True)
class ConsentEntry:
    part: ConsentPart
    given: bool
    at: datetime
    place: Place
    actor: str


@dataclass(frozen=True)
class TestimonialRow:
    __test__ = False  # not a test class, whatever pytest thinks of the name

    id: int
    client_id: int
    client: str
    name: str
    # The name as a published testimonial would show it (first name and initial, or full).
    display_name: str
    language: str
    status: TestimonialStatus
    invited_at: datetime
    invited_by: str
    # The invitation email's state in the outbox (None: no email was queued).
    email_state: str | None
    answered_at: datetime | None
    answered_where: Place | None
    qualities_fr: tuple[str, ...]
    qualities_en: tuple[str, ...]
    question_1: str | None
    question_2: str | None
    text_1: str | None
    text_2: str | None
    job_title: str | None
    has_photo: bool
    full_name: bool
    consents: frozenset[ConsentPart]
    refusal_reason: RefusalReason | None
    refusal_text: str | None
    approval: Approval
    reviewed_by: str | None
    withdrawn_at: datetime | None

    def qualities(self, language: str) -> tuple[str, ...]:
        return self.qualities_fr if language == "fr" else self.qualities_en

    @property
    def approved(self) -> bool:
        return self.approval is Approval.APPROVED


def list_testimonials(
    session: Session,
    settings: Settings,
    at: datetime,
    *,
    client_id: int | None = None,
    limit: int = LIST_LIMIT,
) -> list[TestimonialRow]:
    """Invitations and their answers, newest invitation first (made at or before *at*)."""
    query = (
        select(Testimonial, Client, OutboxMessage.state)
        .join(Client, Client.id == Testimonial.client_id)
        .outerjoin(OutboxMessage, OutboxMessage.id == Testimonial.outbox_message_id)
        .where(Testimonial.invited_at <= at)
        .order_by(Testimonial.invited_at.desc(), Testimonial.id.desc())
        .limit(limit)
    )
    if client_id is not None:
        query = query.where(Testimonial.client_id == client_id)
    found = session.execute(query).all()
    qualities = labels_of(session, [t.id for t, _c, _s in found])
    days, tz = expiry_days(settings), settings.timezone
    return [
        TestimonialRow(
            id=t.id,
            client_id=c.id,
            client=c.external_id,
            name=c.full_name,
            display_name=shown_name(c.first_name, c.last_name, full_name=t.full_name),
            language=t.language,
            status=status(t.state, t.invited_at, at, days, tz),
            invited_at=t.invited_at,
            invited_by=t.invited_by,
            email_state=email_state.value if email_state is not None else None,
            answered_at=t.answered_at,
            answered_where=t.answered_where,
            qualities_fr=tuple(a.label_fr for a in qualities.get(t.id, [])),
            qualities_en=tuple(a.label_en for a in qualities.get(t.id, [])),
            question_1=t.question_1,
            question_2=t.question_2,
            text_1=t.text_1,
            text_2=t.text_2,
            job_title=t.job_title,
            has_photo=t.has_photo,
            full_name=t.full_name,
            consents=t.consents(),
            refusal_reason=t.refusal_reason,
            refusal_text=t.refusal_text,
            approval=t.approval,
            reviewed_by=t.reviewed_by,
            withdrawn_at=t.withdrawn_at,
        )
        for t, c, email_state in found
    ]


def consent_history(session: Session, testimonial_id: int) -> list[ConsentEntry]:
    return [
        ConsentEntry(e.part, e.given, e.at, e.place, e.actor)
        for e in session.scalars(
            select(ConsentEvent)
            .where(ConsentEvent.testimonial_id == testimonial_id)
            .order_by(ConsentEvent.at, ConsentEvent.id)
        )
    ]


def as_json(row: TestimonialRow, tz: ZoneInfo, language: str) -> dict[str, Any]:
    """The contract's shape (qualities in *language*, the studio's)."""
    return {
        "client": row.client,
        "status": row.status.value,
        "invited_at": format_local(row.invited_at, tz),
        "answered_at": format_local(row.answered_at, tz) if row.answered_at else None,
        "qualities": list(row.qualities(language)),
        "text_1": row.text_1,
        "text_2": row.text_2,
        "job_title": row.job_title,
        "consent": {part.value: part in row.consents for part in ConsentPart},
        "full_name": row.full_name,
        "refusal": (
            {"reason": row.refusal_reason.value, "text": row.refusal_text}
            if row.refusal_reason is not None
            else None
        ),
        "approved": row.approved,
    }
