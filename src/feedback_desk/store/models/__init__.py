"""Every table of the store; importing this module registers them all on ``Base.metadata``."""

from feedback_desk.store.base import Base
from feedback_desk.store.models.actions import Action, ActionContact
from feedback_desk.store.models.admin import AuditEntry, Setting
from feedback_desk.store.models.google import GoogleLink, GoogleLocation, GoogleReview
from feedback_desk.store.models.inbox import InboundMessage, InboxCursor, ProcessedMail
from feedback_desk.store.models.loop import ActionFollowup, LoopDayRollup
from feedback_desk.store.models.messaging import Invitation, OutboxMessage
from feedback_desk.store.models.people import Client, Coach
from feedback_desk.store.models.requests import ReviewRequest
from feedback_desk.store.models.reviews import Aspect, Prompt, Review, ReviewAspect, ReviewEdit
from feedback_desk.store.models.rollups import (
    ClassPromptDayRollup,
    ClassReviewDayRollup,
    ClassReviewMonthRollup,
    PromptDayRollup,
    ReviewDayRollup,
)
from feedback_desk.store.models.testimonials import ConsentEvent, Testimonial, TestimonialQuality
from feedback_desk.store.models.timetable import Attendance, ClassSession, ClassType
from feedback_desk.store.models.web import PairedDevice, PairingCode

__all__ = [
    "Action",
    "ActionContact",
    "ActionFollowup",
    "Aspect",
    "Attendance",
    "AuditEntry",
    "Base",
    "ClassPromptDayRollup",
    "ClassReviewDayRollup",
    "ClassReviewMonthRollup",
    "ClassSession",
    "ClassType",
    "Client",
    "Coach",
    "ConsentEvent",
    "GoogleLink",
    "GoogleLocation",
    "GoogleReview",
    "InboundMessage",
    "InboxCursor",
    "Invitation",
    "LoopDayRollup",
    "OutboxMessage",
    "PairedDevice",
    "PairingCode",
    "ProcessedMail",
    "Prompt",
    "PromptDayRollup",
    "Review",
    "ReviewAspect",
    "ReviewDayRollup",
    "ReviewEdit",
    "ReviewRequest",
    "Setting",
    "Testimonial",
    "TestimonialQuality",
]
