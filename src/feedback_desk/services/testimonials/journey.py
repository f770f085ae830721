"""The client's journey as the kiosk window, the browser kiosk and the client page show it, one
short transaction per step (each opens its own session and returns plain values, so the kiosk
can run it on a worker thread)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.clock import Clock
from feedback_desk.domain.testimonials import Place, TestimonialState, is_open, shown_name
from feedback_desk.services.prompting.kiosk import AspectOption
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.services.testimonials import answering, staff
from feedback_desk.services.testimonials.answering import Acceptance, Answered, Refusal
from feedback_desk.services.testimonials.invitations import (
    by_token,
    expiry_days,
    open_invitation,
)
from feedback_desk.services.testimonials.qualities import offered_qualities
from feedback_desk.services.testimonials.questions import question
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client, Testimonial


@dataclass(frozen=True)
class Journey:
    """An open invitation, and everything its pages show."""

    testimonial_id: int
    client_id: int
    first_name: str
    # How the name would be shown: first name and last initial, or the full name.
    short_name: str
    full_name: str
    language: str
    studio: str
    qualities: tuple[AspectOption, ...]
    question_1: str
    question_2: str
    has_photo: bool


def journey_of(session: Session, settings: Settings, testimonial: Testimonial) -> Journey:
    client = session.get_one(Client, testimonial.client_id)
    language = testimonial.language
    return Journey(
        testimonial_id=testimonial.id,
        client_id=client.id,
        first_name=client.first_name,
        short_name=shown_name(client.first_name, client.last_name, full_name=False),
        full_name=shown_name(client.first_name, client.last_name, full_name=True),
        language=language,
        studio=settings.studio_name,
        qualities=tuple(offered_qualities(session)),
        question_1=question(settings, 1, language),
        question_2=question(settings, 2, language),
        has_photo=testimonial.has_photo,
    )


def for_client(store: Store, clock: Clock, client_id: int) -> Journey | None:
    """The client's open invitation, as the kiosk offers it after any prompt due."""
    with store.read() as session:
        settings = load_settings(session)
        found = open_invitation(session, settings, client_id, clock.now())
        return journey_of(session, settings, found) if found is not None else None


def by_link(store: Store, clock: Clock, token: str) -> Journey | None:
    """The invitation of a client page's link, while it can be answered (else None: the page
    then says only that the link expired or was used)."""
    return _open(store, clock, lambda session: by_token(session, token))


def by_id(store: Store, clock: Clock, testimonial_id: int) -> Journey | None:
    return _open(store, clock, lambda session: session.get(Testimonial, testimonial_id))


def _open(
    store: Store, clock: Clock, find: Callable[[Session], Testimonial | None]
) -> Journey | None:
    with store.read() as session:
        settings = load_settings(session)
        found = find(session)
        if found is None or not _answerable(settings, found, clock):
            return None
        return journey_of(session, settings, found)


def _answerable(settings: Settings, testimonial: Testimonial, clock: Clock) -> bool:
    return is_open(
        testimonial.state,
        testimonial.invited_at,
        clock.now(),
        expiry_days(settings),
        settings.timezone,
    )


def accept(
    store: Store, clock: Clock, testimonial_id: int, acceptance: Acceptance, *, place: Place
) -> Answered:
    with store.write() as session:
        settings = load_settings(session)
        return answering.accept(
            session, settings, testimonial_id, acceptance, at=clock.now(), place=place
        )


def refuse(
    store: Store, clock: Clock, testimonial_id: int, refusal: Refusal, *, place: Place
) -> Answered:
    with store.write() as session:
        settings = load_settings(session)
        return answering.refuse(
            session, settings, testimonial_id, refusal, at=clock.now(), place=place
        )


def keep_photo(store: Store, clock: Clock, testimonial_id: int, photo: bytes) -> None:
    with store.write() as session:
        answering.keep_photo(session, load_settings(session), testimonial_id, photo, at=clock.now())


def remove_photo(store: Store, clock: Clock, testimonial_id: int) -> None:
    with store.write() as session:
        answering.remove_photo(session, load_settings(session), testimonial_id, at=clock.now())


def photo_of(store: Store, clock: Clock, token: str) -> bytes | None:
    """The photo uploaded on an open invitation's page (for its preview), else None."""
    with store.read() as session:
        settings = load_settings(session)
        found = by_token(session, token)
        if found is None or not _answerable(settings, found, clock):
            return None
        return found.photo


@dataclass(frozen=True)
class Withdrawal:
    """What the withdrawal page of a confirmation's link shows."""

    language: str
    studio: str


def withdrawal_by_link(store: Store, token: str) -> Withdrawal | None:
    """The accepted testimonial a withdrawal link names; None when unknown or already
    withdrawn (the page then reveals nothing)."""
    with store.read() as session:
        found = session.scalars(
            select(Testimonial).where(Testimonial.withdraw_token == token)
        ).first()
        if not token or found is None or found.state is not TestimonialState.ACCEPTED:
            return None
        return Withdrawal(found.language, load_settings(session).studio_name)


def withdraw_by_link(store: Store, clock: Clock, token: str) -> bool:
    with store.write() as session:
        return staff.withdraw_by_token(session, token, at=clock.now())
