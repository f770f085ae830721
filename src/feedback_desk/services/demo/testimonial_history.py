"""The demo's testimonials, recorded by the product's own services at the instants they happened.

Each batch is invited as Clients → Invite to recommend… invites it (``invite_many``, after
checking that the list with "only promoters" and "only clients who can receive the email" shows
those clients), each answer goes through ``accept`` or ``refuse`` as the client page or the kiosk
records it, the manager's approvals through the testimonial and aspect services, and a withdrawal
through the confirmation's link. Their emails (invitations, confirmations, the managers' notice
of a decline) are queued by that code and left as the outbox's sender leaves them, a minute later.

The steps are handed to :func:`~feedback_desk.services.demo.outbox_history.write_outbox`, which
runs them in time order with the rest of the outbox history.
"""

from __future__ import annotations

import random
from datetime import datetime
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.services import aspects
from feedback_desk.services.demo import names
from feedback_desk.services.demo.builder import DemoData
from feedback_desk.services.demo.outbox_history import Step, settle
from feedback_desk.services.demo.records import DemoDelivery
from feedback_desk.services.demo.testimonial_story import DemoOwnQuality, DemoTestimonial
from feedback_desk.services.requests.content import token_of
from feedback_desk.services.settings import load_settings
from feedback_desk.services.testimonials import answering, staff
from feedback_desk.services.testimonials.bulk import ClientFilter, candidates, invite_many
from feedback_desk.services.testimonials.invitations import latest_invitation
from feedback_desk.services.testimonials.qualities import POLARITY, qualities_by_labels
from feedback_desk.store.models import Aspect, OutboxMessage, Testimonial
from feedback_desk.wording import Wording


class _Recorder:
    def __init__(self, session: Session, data: DemoData) -> None:
        self.session = session
        self.horizon = data.calendar.horizon
        self.settings = load_settings(session)
        self.sender = self.settings.text("smtp.sender")
        self.testimonial_of: dict[int, int] = {}
        # The links' tokens, drawn from the seed so that the same arguments give the same store
        # (the demo's clients are fictional: nothing is guarded by them).
        numbers = random.Random(f"{data.options.seed}/tokens")
        self.tokens = lambda: token_of(numbers.getrandbits(128))
        self.aspect_of = {
            code: ident
            for code, ident in session.execute(select(Aspect.code, Aspect.id))
            if code is not None
        }

    def _sent(self, dedup_key: str, at: datetime) -> None:
        message = self.session.scalars(
            select(OutboxMessage).where(OutboxMessage.dedup_key == dedup_key)
        ).one()
        settle(message, DemoDelivery.soon(at, self.horizon), self.sender)

    def invite(self, at: datetime, client_ids: list[int]) -> None:
        self.session.flush()
        wanted = ClientFilter(
            promoters_only=True, reachable_only=True, client_ids=tuple(client_ids)
        )
        listed = candidates(self.session, self.settings, at, wanted).rows
        if sorted(c.client_id for c in listed if c.can_be_invited) != client_ids:
            raise FeedbackDeskError(
                Wording(
                    "the invite list at {at} does not offer {client_ids}",
                    at=at,
                    client_ids=client_ids,
                )
            )
        made = invite_many(
            self.session,
            self.settings,
            client_ids,
            at=at,
            actor=names.MANAGER,
            tokens=self.tokens,
        )
        if made.invited != made.emailed or made.invited != len(client_ids):
            raise FeedbackDeskError(
                Wording(
                    "the demo's invitations at {at}: {skipped}",
                    at=at,
                    skipped=made.skipped,
                )
            )
        for client_id in client_ids:
            testimonial = latest_invitation(self.session, client_id)
            assert testimonial is not None
            self.testimonial_of[client_id] = testimonial.id
            self._sent(f"testimonial:invitation:{testimonial.id}", at)

    def answer(self, t: DemoTestimonial) -> None:
        assert t.answered_at is not None
        assert t.place is not None
        self.session.flush()
        ident = self.testimonial_of[t.client_id]
        if t.refusal is not None:
            refusal = answering.Refusal(*t.refusal)
            answering.refuse(
                self.session, self.settings, ident, refusal, at=t.answered_at, place=t.place
            )
            self._sent(f"testimonial:refusal:{ident}", t.answered_at)
            return
        yes = t.yes
        assert yes is not None
        added, unknown = qualities_by_labels(self.session, yes.added)
        if unknown:
            raise FeedbackDeskError(
                Wording(
                    "the demo's qualities are not offered: {unknown}",
                    unknown=unknown,
                )
            )
        acceptance = answering.Acceptance(
            quality_ids=[self.aspect_of[code] for code in yes.codes] + added,
            own_qualities=yes.own_words,
            text_1=yes.text_1,
            text_2=yes.text_2,
            job_title=yes.job_title,
            full_name=yes.full_name,
            consents=yes.consents,
        )
        answering.accept(
            self.session,
            self.settings,
            ident,
            acceptance,
            at=t.answered_at,
            place=t.place,
            tokens=self.tokens,
        )
        self._sent(f"testimonial:confirmation:{ident}", t.answered_at)

    def approve_quality(self, quality: DemoOwnQuality) -> None:
        """The manager words the client's quality in both languages and offers it."""
        self.session.flush()
        found = [
            a
            for a in aspects.find_by_label(self.session, ReviewKind.BUSINESS, quality.label)
            if a.polarity is POLARITY
        ]
        at = quality.approved_at
        aspect = aspects.rename(
            self.session,
            found[0].id,
            label_fr=quality.label_fr,
            label_en=quality.label_en,
            at=at,
            actor=names.MANAGER,
        )
        aspects.approve(self.session, aspect.id, at=at, actor=names.MANAGER)

    def review(self, t: DemoTestimonial) -> None:
        assert t.reviewed_at is not None
        assert t.approval is not None
        self.session.flush()
        staff.set_approval(
            self.session,
            self.testimonial_of[t.client_id],
            t.approval,
            at=t.reviewed_at,
            actor=names.MANAGER,
        )

    def withdraw(self, t: DemoTestimonial) -> None:
        assert t.withdrawn_at is not None
        self.session.flush()
        testimonial = self.session.get_one(Testimonial, self.testimonial_of[t.client_id])
        assert testimonial.withdraw_token is not None
        if not staff.withdraw_by_token(self.session, testimonial.withdraw_token, at=t.withdrawn_at):
            raise FeedbackDeskError(
                Wording(
                    "the demo could not withdraw testimonial {id}",
                    id=testimonial.id,
                )
            )


def testimonial_steps(session: Session, data: DemoData) -> list[Step]:
    recorder = _Recorder(session, data)
    story = data.testimonials
    steps: list[Step] = []
    for at, client_ids in story.batches:
        steps.append((at, partial(recorder.invite, at, client_ids)))
    for t in story.testimonials:
        if t.answered_at is not None:
            steps.append((t.answered_at, partial(recorder.answer, t)))
        if t.reviewed_at is not None:
            steps.append((t.reviewed_at, partial(recorder.review, t)))
        if t.withdrawn_at is not None:
            steps.append((t.withdrawn_at, partial(recorder.withdraw, t)))
    for quality in story.own_qualities:
        steps.append((quality.approved_at, partial(recorder.approve_quality, quality)))
    return steps
