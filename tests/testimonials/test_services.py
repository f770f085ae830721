"""The testimonial rules on SQLite and PostgreSQL: one open invitation per client, expiry, the
answer recorded once, consent only for what exists, votes counted once per testimonial, a
withdrawal that deletes the photo and is final."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from feedback_desk.clock import ManualClock
from feedback_desk.domain.testimonials import (
    Approval,
    ConsentPart,
    Place,
    RefusalReason,
    TestimonialState,
)
from feedback_desk.errors import UserInputError
from feedback_desk.services import aspects as aspect_catalogue
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials import journey, staff
from feedback_desk.services.testimonials.answering import Acceptance, Refusal
from feedback_desk.services.testimonials.invitations import invite, open_invitation
from feedback_desk.services.testimonials.listing import consent_history, list_testimonials
from feedback_desk.services.testimonials.qualities import offered_qualities, quality_votes
from feedback_desk.store.database import Store
from feedback_desk.store.models import Testimonial
from tests.testimonials.conftest import Lotus, lotus_studio

JPEG = b"\xff\xd8\xff\xe0 a photo"


def invite_now(store: Store, client_id: int, clock: ManualClock) -> int:
    with store.write() as session:
        return invite(
            session, load_settings(session), client_id, at=clock.now(), actor="tester"
        ).testimonial_id


def quality_id(store: Store, label_en: str) -> int:
    with store.read() as session:
        return next(q.id for q in offered_qualities(session) if q.label_en == label_en)


@pytest.fixture
def lotus_any(any_store: Store) -> Lotus:
    return lotus_studio(any_store)


def test_one_open_invitation_per_client_until_it_expires(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    first = invite_now(any_store, lotus_any.audrey, may_first)
    may_first.advance(timedelta(days=29))
    with pytest.raises(UserInputError, match="already has an open invitation"):
        invite_now(any_store, lotus_any.audrey, may_first)
    with any_store.read() as session:
        settings = load_settings(session)
        found = open_invitation(session, settings, lotus_any.audrey, may_first.now())
        assert found is not None
        assert found.id == first
    may_first.advance(timedelta(days=1))
    with any_store.read() as session:
        assert (
            open_invitation(session, load_settings(session), lotus_any.audrey, may_first.now())
            is None
        )
    assert journey.for_client(any_store, may_first, lotus_any.audrey) is None
    second = invite_now(any_store, lotus_any.audrey, may_first)
    assert second != first


def test_the_expiry_follows_the_setting(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    lotus_any.builder.setting("testimonials.expiry_days", "3")
    invite_now(any_store, lotus_any.zoe, may_first)
    may_first.advance(timedelta(days=3))
    with any_store.read() as session:
        [row] = list_testimonials(session, load_settings(session), may_first.now())
        assert row.status.value == "expired"


def test_a_yes_consents_only_to_what_exists_and_drops_a_photo_not_consented(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    testimonial_id = invite_now(any_store, lotus_any.audrey, may_first)
    journey.keep_photo(any_store, may_first, testimonial_id, JPEG)
    everything = frozenset(ConsentPart)
    journey.accept(
        any_store,
        may_first,
        testimonial_id,
        Acceptance(quality_ids=[quality_id(any_store, "Warm welcome")], consents=everything),
        place=Place.CLIENT_PAGE,
    )
    with any_store.read() as session:
        kept = session.get_one(Testimonial, testimonial_id)
        # No job title typed: there is nothing to consent to for it.
        assert kept.consents() == {ConsentPart.NAME, ConsentPart.PHOTO}
        assert kept.photo == JPEG
        history = consent_history(session, testimonial_id)
        assert [(e.part, e.given, e.place) for e in history] == [
            (ConsentPart.NAME, True, Place.CLIENT_PAGE),
            (ConsentPart.PHOTO, True, Place.CLIENT_PAGE),
        ]
    other = invite_now(any_store, lotus_any.zoe, may_first)
    journey.keep_photo(any_store, may_first, other, JPEG)
    journey.accept(
        any_store,
        may_first,
        other,
        Acceptance(
            quality_ids=[quality_id(any_store, "Cleanliness")],
            job_title="  Nurse  ",
            consents=frozenset({ConsentPart.NAME, ConsentPart.JOB_TITLE}),
        ),
        place=Place.KIOSK,
    )
    with any_store.read() as session:
        kept = session.get_one(Testimonial, other)
        assert (kept.photo, kept.has_photo, kept.job_title) == (None, False, "Nurse")
        assert kept.consents() == {ConsentPart.NAME, ConsentPart.JOB_TITLE}


def test_an_answer_is_recorded_once(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    testimonial_id = invite_now(any_store, lotus_any.zoe, may_first)
    journey.refuse(
        any_store, may_first, testimonial_id, Refusal(RefusalReason.OTHER), place=Place.KIOSK
    )
    with pytest.raises(UserInputError, match="already answered"):
        journey.accept(
            any_store,
            may_first,
            testimonial_id,
            Acceptance(quality_ids=[quality_id(any_store, "Location")]),
            place=Place.CLIENT_PAGE,
        )
    with any_store.read() as session:
        kept = session.get_one(Testimonial, testimonial_id)
        assert kept.state is TestimonialState.REFUSED
        assert kept.answered_where is Place.KIOSK


def test_votes_count_once_per_testimonial_follow_merges_and_leave_out_withdrawn_and_hidden(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    welcome = quality_id(any_store, "Warm welcome")
    community = quality_id(any_store, "Community spirit")
    ids = []
    for client in (lotus_any.audrey, lotus_any.zoe):
        testimonial_id = invite_now(any_store, client, may_first)
        journey.accept(
            any_store,
            may_first,
            testimonial_id,
            Acceptance(quality_ids=[welcome, community]),
            place=Place.CLI,
        )
        ids.append(testimonial_id)
    with any_store.write() as session:
        aspect_catalogue.merge(session, community, welcome, at=may_first.now(), actor="tester")
    with any_store.read() as session:
        assert [(q.label_en, q.votes) for q in quality_votes(session)] == [("Warm welcome", 2)]
    with any_store.write() as session:
        staff.set_approval(session, ids[0], Approval.HIDDEN, at=may_first.now(), actor="tester")
    with any_store.read() as session:
        assert [(q.label_en, q.votes) for q in quality_votes(session)] == [("Warm welcome", 1)]
    with any_store.write() as session:
        staff.withdraw(session, ids[1], at=may_first.now(), place=Place.STAFF, actor="tester")
    with any_store.read() as session:
        assert quality_votes(session) == []


def test_withdrawal_by_the_link_records_every_consent_withdrawn_and_deletes_the_photo(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    testimonial_id = invite_now(any_store, lotus_any.audrey, may_first)
    journey.keep_photo(any_store, may_first, testimonial_id, JPEG)
    journey.accept(
        any_store,
        may_first,
        testimonial_id,
        Acceptance(
            quality_ids=[quality_id(any_store, "Facilities")],
            job_title="Architecte",
            consents=frozenset(ConsentPart),
        ),
        place=Place.CLIENT_PAGE,
    )
    with any_store.read() as session:
        token = session.get_one(Testimonial, testimonial_id).withdraw_token
    assert token is not None
    may_first.advance(timedelta(days=40))  # at any time
    with any_store.write() as session:
        assert staff.withdraw_by_token(session, token, at=may_first.now())
    with any_store.write() as session:
        assert not staff.withdraw_by_token(session, token, at=may_first.now())
    with any_store.read() as session:
        kept = session.get_one(Testimonial, testimonial_id)
        assert kept.state is TestimonialState.WITHDRAWN
        assert (kept.photo, kept.has_photo, kept.consents()) == (None, False, frozenset())
        withdrawn = [e for e in consent_history(session, testimonial_id) if not e.given]
        assert sorted(e.part.value for e in withdrawn) == ["job_title", "name", "photo"]
        assert {(e.place, e.actor, e.at) for e in withdrawn} == {
            (Place.CLIENT_PAGE, "client", may_first.now())
        }


def test_a_photo_left_on_an_expired_invitation_is_deleted(
    any_store: Store, lotus_any: Lotus, may_first: ManualClock
) -> None:
    left = invite_now(any_store, lotus_any.audrey, may_first)
    journey.keep_photo(any_store, may_first, left, JPEG)
    may_first.advance(timedelta(days=31))
    invite_now(any_store, lotus_any.zoe, may_first)
    with any_store.read() as session:
        kept = session.get_one(Testimonial, left)
        assert (kept.photo, kept.has_photo) == (None, False)
        assert session.scalars(select(Testimonial.id)).all() == [left, left + 1]
