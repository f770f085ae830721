"""The demo studio in memory: plain records with their final ids, written in bulk at the end."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from feedback_desk.domain.kinds import (
    ActionOutcome,
    Channel,
    ContactChannel,
    PromptOutcome,
    ReviewKind,
)


@dataclass(slots=True)
class Habits:
    """How a client comes to the studio and answers the kiosk."""

    temperament: str  # enthusiast, satisfied, lukewarm, critic
    slots: list[int]  # indexes into the timetable
    attend_rate: float  # chance to come to one of their slots in a given week
    kiosk_rate: float  # chance to stop at the kiosk after a class
    answer_rate: float  # chance to answer a prompt once shown
    ignore_rate: float  # chance to tap "Ignore for now" when not answering
    app_rate: float  # chance to rate the class in the member app instead (imported)
    active_from: date
    active_until: date | None  # the day they stopped coming (None: still a member)


@dataclass(slots=True)
class DemoClient:
    id: int
    external_id: str
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    language: str
    email_consent: bool
    joined_on: date
    created_at: datetime
    habits: Habits
    unsubscribed_at: datetime | None = None
    google_marked_at: datetime | None = None
    # An address first entered with a typo, corrected by the front desk once an email bounced.
    mistyped_email: str | None = None
    email_fixed_at: datetime | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def email_at(self, at: datetime) -> str | None:
        """The address the store held at *at*."""
        if self.mistyped_email is not None and (
            self.email_fixed_at is None or at < self.email_fixed_at
        ):
            return self.mistyped_email
        return self.email

    @property
    def invitable(self) -> bool:
        return bool(self.email) and self.email_consent


@dataclass(slots=True)
class DemoSession:
    id: int
    external_id: str
    class_id: int
    coach_id: int
    starts_at: datetime
    duration_min: int
    location: str
    capacity: int

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_min)


@dataclass(slots=True)
class DemoAttendance:
    session_id: int
    client_id: int
    present: bool


@dataclass(slots=True)
class DemoPrompt:
    client_id: int
    kind: ReviewKind
    session_id: int | None
    shown_at: datetime
    outcome: PromptOutcome
    outcome_at: datetime | None
    channel: Channel = Channel.KIOSK
    id: int = 0


@dataclass(slots=True)
class DemoReview:
    client_id: int
    kind: ReviewKind
    session_id: int | None
    created_at: datetime
    channel: Channel
    prompt: DemoPrompt | None = None
    stars: int = 0
    comment: str | None = None
    # Predefined aspects by code; client-added ones as "client:<label>".
    aspects: list[str] = field(default_factory=list)
    id: int = 0
    external_id: str = ""
    edits: list[DemoEdit] = field(default_factory=list)

    @property
    def original_stars(self) -> int:
        return self.edits[0].old_stars if self.edits else self.stars


@dataclass(slots=True)
class DemoEdit:
    old_stars: int
    new_stars: int
    edited_by: str
    edited_at: datetime
    note: str | None


@dataclass(slots=True)
class DemoContact:
    contacted_at: datetime
    channel: ContactChannel
    note: str | None
    staff: str


@dataclass(slots=True)
class DemoAction:
    review: DemoReview
    opened_at: datetime
    closed_at: datetime | None = None
    closed_by: str | None = None
    outcome: ActionOutcome | None = None
    note: str | None = None
    contacts: list[DemoContact] = field(default_factory=list)


@dataclass(slots=True)
class DemoDelivery:
    """One message's life in the outbox: queued, then claimed and sent (or refused for good)."""

    queued_at: datetime
    claimed_at: datetime
    sent_at: datetime | None  # None: the server refused it for good (failed)
    recipient: str = ""  # the client's address then (invitations)
    error: str | None = None
    # A refused message staff then cancelled (once they had corrected the address).
    cancelled_at: datetime | None = None

    @classmethod
    def soon(cls, queued_at: datetime, horizon: datetime) -> DemoDelivery:
        """Sent by the outbox about a minute after it was queued (never after the demo ends)."""
        sent = min(queued_at + timedelta(seconds=70), horizon)
        return cls(queued_at, max(queued_at, sent - timedelta(milliseconds=700)), sent)


@dataclass(slots=True)
class DemoAlert:
    """The at-risk email the manager got for a review of 3 stars or fewer."""

    review: DemoReview
    delivery: DemoDelivery


@dataclass(slots=True)
class DemoInvitation:
    client_id: int
    trigger: DemoReview
    send_at: datetime
    delivery: DemoDelivery


@dataclass(slots=True)
class DemoRequest:
    """An email review request: queued when the rules said it was due, sent by the outbox, then
    answered (its review), ignored on its answer page, or left unanswered."""

    client_id: int
    kind: ReviewKind
    session_id: int | None
    send_at: datetime  # the rules' send time (the outbox message is scheduled for it)
    dedup_suffix: str
    delivery: DemoDelivery
    prompt: DemoPrompt  # shown on channel email when the email went
    review: DemoReview | None = None
    id: int = 0
    token: str = ""


@dataclass(slots=True)
class DemoGoogleReview:
    review_id: str
    reviewer_name: str
    anonymous: bool
    stars: int
    comment: str | None
    created_at: datetime
    language: str
    comment_original: str | None = None
    updated_at: datetime | None = None
    reply_comment: str | None = None
    reply_at: datetime | None = None
    reply_state: str | None = None
    reply_policy_violation: str | None = None
    first_seen_at: datetime | None = None
    last_seen_at: datetime | None = None
    removed_at: datetime | None = None
    client_id: int | None = None
    linked_at: datetime | None = None
    linked_by: str | None = None
