"""The closed vocabularies of the domain (stored as their string values)."""

from __future__ import annotations

from enum import StrEnum


class ReviewKind(StrEnum):
    CLASS = "class"
    BUSINESS = "business"


class Channel(StrEnum):
    KIOSK = "kiosk"
    STAFF = "staff"
    IMPORT = "import"
    CLI = "cli"  # `feedback-desk answer`: recorded exactly as the kiosk records it
    EMAIL = "email"  # an email review request: its prompt, and a review given by replying
    WEB = "web"  # a review given on a client page in a browser (e.g. a request's answer page)


class Polarity(StrEnum):
    TO_IMPROVE = "to_improve"
    EXCEL = "excel"


class AspectOrigin(StrEnum):
    PREDEFINED = "predefined"
    CLIENT = "client"


class AspectStatus(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"


class PromptOutcome(StrEnum):
    ANSWERED = "answered"
    IGNORED = "ignored"
    ABANDONED = "abandoned"


class ActionOutcome(StrEnum):
    CONTACTED = "contacted"
    RESOLVED = "resolved"
    NO_ACTION = "no_action"


class ContactChannel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    IN_PERSON = "in_person"
    SMS = "sms"
    OTHER = "other"


class MessageKind(StrEnum):
    INVITATION = "invitation"
    ALERT = "alert"
    REPLY = "reply"
    FOLLOW_UP = "follow_up"
    OUTREACH = "outreach"
    THANKS = "thanks"
    TEST = "test"
    REVIEW_REQUEST = "review_request"
    # To a client: the testimonial invitation and the confirmation of their consent.
    TESTIMONIAL = "testimonial"
    # To the managers: a client declined to recommend the studio.
    TESTIMONIAL_REFUSAL = "testimonial_refusal"


class OutboxState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    CANCELLED = "cancelled"


class InvitationReason(StrEnum):
    FIVE_STAR_PAIR = "five_star_pair"
    AFTER_SESSIONS = "after_sessions"


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class RequestState(StrEnum):
    """An email review request's life (docs/rules.md#request-states).

    ``due`` is computed, never stored; ``ignored`` is "Ignore for now" on the answer page.
    """

    DUE = "due"
    QUEUED = "queued"
    SENT = "sent"
    ANSWERED = "answered"
    IGNORED = "ignored"
    ABANDONED = "abandoned"
    CANCELLED = "cancelled"


class InboundAbout(StrEnum):
    """What an inbound message answers: the kind of studio email it replies to."""

    REVIEW_REQUEST = "review_request"
    FOLLOW_UP = "follow_up"
    REPLY = "reply"
    OUTREACH = "outreach"
    THANKS = "thanks"
    INVITATION = "invitation"
    TESTIMONIAL = "testimonial"
    OTHER = "other"
