"""Testimonials: one row per invitation to recommend the studio, the qualities its client voted
for, and the history of every consent given or withdrawn."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_desk.domain.testimonials import (
    Approval,
    ConsentPart,
    Place,
    RefusalReason,
    TestimonialState,
)
from feedback_desk.store.base import Base
from feedback_desk.store.models._columns import enum_column
from feedback_desk.store.models.messaging import OutboxMessage
from feedback_desk.store.models.people import Client


class Testimonial(Base):
    """An invitation and, once answered, the client's answer.

    The consent columns hold the current state; ``testimonial_consents`` keeps every change with
    when and where it happened. ``photo`` (a re-encoded JPEG, metadata stripped) is kept only while
    the invitation is open or with the client's consent: it is deleted on a refusal, on an answer
    without photo consent and on withdrawal.
    """

    __tablename__ = "testimonials"
    __test__ = False  # not a test class, whatever pytest thinks of the name

    id: Mapped[int] = mapped_column(primary_key=True)
    # At least 128 random bits: the client page /t/{token}.
    token: Mapped[str] = mapped_column(String(40), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    state: Mapped[TestimonialState] = mapped_column(enum_column(TestimonialState))
    # The client's language when invited (pages and emails), "fr" or "en".
    language: Mapped[str] = mapped_column(String(2))
    invited_at: Mapped[datetime]
    invited_by: Mapped[str] = mapped_column(String(100))
    outbox_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("outbox_messages.id", ondelete="SET NULL")
    )
    answered_at: Mapped[datetime | None]
    answered_where: Mapped[Place | None] = mapped_column(enum_column(Place))
    # The questions as the client read them (the studio may reword them later).
    question_1: Mapped[str | None] = mapped_column(Text)
    question_2: Mapped[str | None] = mapped_column(Text)
    text_1: Mapped[str | None] = mapped_column(Text)
    text_2: Mapped[str | None] = mapped_column(Text)
    job_title: Mapped[str | None] = mapped_column(String(100))
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    has_photo: Mapped[bool] = mapped_column(Boolean, default=False)
    # The name shown: first name and last initial, or the full name when the client chose it.
    full_name: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_name: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_photo: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_job_title: Mapped[bool] = mapped_column(Boolean, default=False)
    refusal_reason: Mapped[RefusalReason | None] = mapped_column(enum_column(RefusalReason))
    refusal_text: Mapped[str | None] = mapped_column(Text)
    approval: Mapped[Approval] = mapped_column(enum_column(Approval), default=Approval.PENDING)
    reviewed_at: Mapped[datetime | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    # The link in the confirmation email that lets the client withdraw (another 128-bit token).
    withdraw_token: Mapped[str | None] = mapped_column(String(40), unique=True)
    withdrawn_at: Mapped[datetime | None]

    client: Mapped[Client] = relationship()
    outbox_message: Mapped[OutboxMessage | None] = relationship()

    __table_args__ = (
        Index("ix_testimonials_client_invited", "client_id", "invited_at"),
        Index("ix_testimonials_state_approval", "state", "approval"),
    )

    def consents(self) -> frozenset[ConsentPart]:
        given = {
            ConsentPart.NAME: self.consent_name,
            ConsentPart.PHOTO: self.consent_photo,
            ConsentPart.JOB_TITLE: self.consent_job_title,
        }
        return frozenset(part for part, on in given.items() if on)

    def set_consent(self, part: ConsentPart, given: bool) -> None:
        if part is ConsentPart.NAME:
            self.consent_name = given
        elif part is ConsentPart.PHOTO:
            self.consent_photo = given
        else:
            self.consent_job_title = given


class TestimonialQuality(Base):
    """A quality (a business "where you excel" aspect) a client voted for."""

    __tablename__ = "testimonial_qualities"
    __test__ = False

    testimonial_id: Mapped[int] = mapped_column(
        ForeignKey("testimonials.id", ondelete="CASCADE"), primary_key=True
    )
    aspect_id: Mapped[int] = mapped_column(ForeignKey("aspects.id"), primary_key=True)

    __table_args__ = (Index("ix_testimonial_qualities_aspect", "aspect_id", "testimonial_id"),)


class ConsentEvent(Base):
    """One consent given or withdrawn: which part, when, where and by whom."""

    __tablename__ = "testimonial_consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    testimonial_id: Mapped[int] = mapped_column(
        ForeignKey("testimonials.id", ondelete="CASCADE"), index=True
    )
    part: Mapped[ConsentPart] = mapped_column(enum_column(ConsentPart))
    given: Mapped[bool] = mapped_column(Boolean)
    at: Mapped[datetime]
    place: Mapped[Place] = mapped_column(enum_column(Place))
    # "client" when the client did it themselves, else the staff member on their request.
    actor: Mapped[str] = mapped_column(String(100))
