"""Testimonials (seed 000): the vocabulary and the pure rules of a client's public recommendation.

A studio invites a client; the client says Yes (votes on qualities, optionally writes two texts,
checks what would be shown and consents to each part) or No (one of three reasons). What is shown
of a testimonial is decided here and nowhere else: a part without its consent is never shown.
The rules as built are in docs/rules.md#testimonials.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import days_after
from feedback_desk.errors import Said
from feedback_desk.wording import Wording

MAX_TEXT_CHARS = 1000
MAX_JOB_TITLE_CHARS = 100
MAX_REFUSAL_CHARS = 1000


class TestimonialState(StrEnum):
    """What is stored; ``expired`` is computed (an invitation left unanswered too long)."""

    __test__ = False  # not a test class, whatever pytest thinks of the name

    INVITED = "invited"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


class TestimonialStatus(StrEnum):
    """What the list and the JSON say: the stored state, or ``expired``."""

    __test__ = False

    INVITED = "invited"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class RefusalReason(StrEnum):
    NOT_SATISFIED = "not_satisfied"
    NOT_PUBLIC = "not_public"
    OTHER = "other"


class ConsentPart(StrEnum):
    NAME = "name"
    PHOTO = "photo"
    JOB_TITLE = "job_title"


class Approval(StrEnum):
    """Staff's review of an accepted testimonial: only approved ones are published."""

    PENDING = "pending"
    APPROVED = "approved"
    HIDDEN = "hidden"


class Place(StrEnum):
    """Where an answer or a consent was given or withdrawn."""

    CLIENT_PAGE = "client_page"  # the client's own link, /t/{token} (and its withdrawal page)
    KIOSK = "kiosk"  # the kiosk window at the front desk
    WEB_KIOSK = "web_kiosk"  # the kiosk in a paired tablet's browser
    CLI = "cli"  # `feedback-desk testimonials answer|withdraw`
    STAFF = "staff"  # the window, on the client's request


def expires_at(invited_at: datetime, expiry_days: int, tz: ZoneInfo) -> datetime:
    """An invitation is open until the same local time *expiry_days* calendar days later."""
    return days_after(invited_at, expiry_days, tz)


def status(
    state: TestimonialState,
    invited_at: datetime,
    at: datetime,
    expiry_days: int,
    tz: ZoneInfo,
) -> TestimonialStatus:
    if state is TestimonialState.INVITED and at >= expires_at(invited_at, expiry_days, tz):
        return TestimonialStatus.EXPIRED
    return TestimonialStatus(state.value)


def is_open(
    state: TestimonialState, invited_at: datetime, at: datetime, expiry_days: int, tz: ZoneInfo
) -> bool:
    """Can the client answer this invitation at *at*?"""
    return invited_at <= at and status(state, invited_at, at, expiry_days, tz) is (
        TestimonialStatus.INVITED
    )


def shown_name(first_name: str, last_name: str, *, full_name: bool) -> str:
    """ "Audrey T." (first name and last initial), or "Audrey Tremblay" when the client chose it."""
    first, last = first_name.strip(), last_name.strip()
    if full_name:
        return f"{first} {last}".strip()
    return f"{first} {last[:1].upper()}." if last else first


def clean_text(text: str | None) -> str | None:
    """A client's text as kept: browsers' CRLF as LF, outer blank space dropped; empty is None."""
    if text is None:
        return None
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return cleaned or None


def text_problems(text_1: str | None, text_2: str | None) -> list[Said]:
    problems: list[Said] = []
    for number, text in ((1, text_1), (2, text_2)):
        if text is not None and len(text) > MAX_TEXT_CHARS:
            problems.append(
                Wording(
                    "text {number} has {text_count} characters; at most {max_text_chars} are "
                    "allowed",
                    number=number,
                    text_count=len(text),
                    max_text_chars=MAX_TEXT_CHARS,
                )
            )
    return problems


@dataclass(frozen=True)
class Shown:
    """Exactly what a published testimonial shows of the person (None: not shown)."""

    name: str | None
    job_title: str | None
    photo: bool


def shown(
    consents: Collection[ConsentPart],
    *,
    name: str,
    job_title: str | None,
    has_photo: bool,
) -> Shown:
    """Each part only with its consent, and only when there is something to show."""
    return Shown(
        name=name if ConsentPart.NAME in consents else None,
        job_title=job_title if job_title and ConsentPart.JOB_TITLE in consents else None,
        photo=has_photo and ConsentPart.PHOTO in consents,
    )
