"""What happens to an accepted testimonial after the answer: staff approve or hide it, and the
client withdraws their consent (themselves by the link in the confirmation email, or through
staff on the client card or ``testimonials withdraw``).

Withdrawal is final and at once: every consent is recorded as withdrawn, the photo is deleted,
and no later export shows the testimonial. The texts stay in the store for the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.testimonials import Approval, Place, TestimonialState
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.services.testimonials.answering import CLIENT_ACTOR, drop_photo, record_consent
from feedback_desk.store.models import Client, Testimonial
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class Changed:
    testimonial_id: int
    client: str
    approval: Approval
    state: TestimonialState


def _latest_answer(session: Session, client: Client) -> Testimonial:
    """The client's latest accepted (or withdrawn) testimonial; UserInputError when none."""
    found = session.scalars(
        select(Testimonial)
        .where(
            Testimonial.client_id == client.id,
            Testimonial.state.in_([TestimonialState.ACCEPTED, TestimonialState.WITHDRAWN]),
        )
        .order_by(Testimonial.answered_at.desc(), Testimonial.id.desc())
        .limit(1)
        .with_for_update()
    ).first()
    if found is None:
        raise UserInputError(
            Wording(
                "{external_id} has no accepted testimonial",
                external_id=client.external_id,
            )
        )
    return found


def _locked(
    session: Session, testimonial_id: int, *, withdrawn: Wording
) -> tuple[Testimonial, Client]:
    """An accepted testimonial, locked, and its client; UserInputError otherwise (*withdrawn*
    says what a withdrawn one cannot have, after the client's id)."""
    testimonial = session.get(Testimonial, testimonial_id, with_for_update=True)
    if testimonial is None:
        raise UserInputError(
            Wording(
                "testimonial {testimonial_id} does not exist",
                testimonial_id=testimonial_id,
            )
        )
    client = session.get_one(Client, testimonial.client_id)
    if testimonial.state is TestimonialState.WITHDRAWN:
        raise UserInputError(
            Wording(
                "{external_id} {what_withdrawn_cannot}",
                external_id=client.external_id,
                what_withdrawn_cannot=withdrawn,
            )
        )
    if testimonial.state is not TestimonialState.ACCEPTED:
        raise UserInputError(
            Wording(
                "{external_id} has no accepted testimonial",
                external_id=client.external_id,
            )
        )
    return testimonial, client


def _changed(testimonial: Testimonial, client: Client) -> Changed:
    return Changed(testimonial.id, client.external_id, testimonial.approval, testimonial.state)


def set_approval(
    session: Session,
    testimonial_id: int,
    approval: Approval,
    *,
    at: datetime,
    actor: str,
) -> Changed:
    """Approve (publish) or hide an accepted testimonial."""
    testimonial, client = _locked(
        session,
        testimonial_id,
        withdrawn=Wording("withdrew their consent: the testimonial cannot be published"),
    )
    if testimonial.approval is not approval:
        old = testimonial.approval
        testimonial.approval = approval
        testimonial.reviewed_at = at
        testimonial.reviewed_by = actor[:100]
        audit.record(
            session,
            at=at,
            actor=actor,
            action=f"testimonial.{'approved' if approval is Approval.APPROVED else 'hidden'}",
            entity_type="client",
            entity_id=client.external_id,
            testimonial=testimonial.id,
            old=old.value,
        )
    return _changed(testimonial, client)


def set_client_approval(
    session: Session, client: Client, approval: Approval, *, at: datetime, actor: str
) -> Changed:
    return set_approval(session, _latest_answer(session, client).id, approval, at=at, actor=actor)


def withdraw(
    session: Session,
    testimonial_id: int,
    *,
    at: datetime,
    place: Place,
    actor: str,
) -> Changed:
    """Withdraw every consent of an accepted testimonial (on the client's request)."""
    testimonial, client = _locked(
        session, testimonial_id, withdrawn=Wording("already withdrew their consent")
    )
    for part in sorted(testimonial.consents()):
        record_consent(session, testimonial, part, False, at=at, place=place, actor=actor)
    drop_photo(testimonial)
    testimonial.state = TestimonialState.WITHDRAWN
    testimonial.withdrawn_at = at
    audit.record(
        session,
        at=at,
        actor=actor,
        action="testimonial.withdrawn",
        entity_type="client",
        entity_id=client.external_id,
        testimonial=testimonial.id,
        where=place.value,
    )
    return _changed(testimonial, client)


def withdraw_for_client(
    session: Session, client: Client, *, at: datetime, place: Place, actor: str
) -> Changed:
    return withdraw(session, _latest_answer(session, client).id, at=at, place=place, actor=actor)


def by_withdraw_token(session: Session, token: str) -> Testimonial | None:
    """The accepted testimonial a confirmation's withdrawal link names (None: unknown, or
    already withdrawn: the page then reveals nothing)."""
    if not token or len(token) > 40:
        return None
    found = session.scalars(
        select(Testimonial).where(Testimonial.withdraw_token == token).with_for_update()
    ).first()
    if found is None or found.state is not TestimonialState.ACCEPTED:
        return None
    return found


def withdraw_by_token(session: Session, token: str, *, at: datetime) -> bool:
    """The client's own withdrawal from the confirmation's link; False when there was nothing
    to withdraw."""
    found = by_withdraw_token(session, token)
    if found is None:
        return False
    withdraw(session, found.id, at=at, place=Place.CLIENT_PAGE, actor=CLIENT_ACTOR)
    return True
