"""Which review prompt is due for a client at T (docs/rules.md#prompts).

Pure rules over plain values: the caller hands over the client's history (any superset of what
the rules look at will do) and gets back the prompt due, if any. Everything is evaluated "as of
T": what is dated after T does not exist yet, and a prompt's outcome counts only once it was
given. Days and months are wall-clock days and months in the studio's zone.

What the rules look at, so that a store can hand over only that:
- the sessions the client attended that started in the 7 days before T (and whether an earlier
  attended session exists, for the business prompt); absences may be included, they are skipped;
- the client's reviews dated in those 7 days, any review of those sessions, and the latest
  business review;
- the client's prompts shown in those 7 days, and the latest ignored business prompt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import day_start, days_before, local_day, months_before

CLASS_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Booking:
    """A session the client was booked in, and whether they were there (presence yes/no)."""

    session_id: int
    starts_at: datetime
    ends_at: datetime
    class_id: int
    coach_id: int
    present: bool = True


@dataclass(frozen=True)
class PastReview:
    """One of the client's reviews; class and coach are those of its session (class reviews)."""

    kind: ReviewKind
    created_at: datetime
    session_id: int | None = None
    class_id: int | None = None
    coach_id: int | None = None


@dataclass(frozen=True)
class PastPrompt:
    """A prompt shown to the client, with its outcome and when it was given."""

    kind: ReviewKind
    shown_at: datetime
    outcome: PromptOutcome
    session_id: int | None = None
    outcome_at: datetime | None = None

    def outcome_as_of(self, at: datetime) -> PromptOutcome:
        """The outcome known at *at*: an answer or ignore given later was not given yet."""
        if self.outcome is PromptOutcome.ABANDONED:
            return PromptOutcome.ABANDONED
        given_at = self.outcome_at or self.shown_at
        return self.outcome if given_at <= at else PromptOutcome.ABANDONED

    def decided_at(self) -> datetime:
        return self.outcome_at or self.shown_at


@dataclass(frozen=True)
class ClientHistory:
    bookings: Sequence[Booking] = ()
    reviews: Sequence[PastReview] = ()
    prompts: Sequence[PastPrompt] = ()
    # An attended session that ended before the class window began, when `bookings` does not
    # list it (a store hands over the window only, plus this flag).
    attended_before_window: bool = False


@dataclass(frozen=True)
class PromptRules:
    """The studio's settings that shape prompting."""

    enabled: bool = True
    class_enabled: bool = True
    business_enabled: bool = True
    business_every_months: int = 3


@dataclass(frozen=True)
class DuePrompt:
    kind: ReviewKind
    session_id: int | None = None


@dataclass(frozen=True)
class Windows:
    """The instants the rules compare against, for one T."""

    at: datetime
    day_start: datetime
    class_since: datetime
    business_since: datetime


@lru_cache(maxsize=4096)
def windows(at: datetime, tz: ZoneInfo, rules: PromptRules) -> Windows:
    """Cached: request planning evaluates the same few instants for thousands of clients."""
    return Windows(
        at=at,
        day_start=day_start(local_day(at, tz), tz),
        class_since=days_before(at, CLASS_WINDOW_DAYS, tz),
        business_since=months_before(at, rules.business_every_months, tz),
    )


def _reviews_until(reviews: Iterable[PastReview], at: datetime) -> list[PastReview]:
    return [r for r in reviews if r.created_at <= at]


def _prompts_until(prompts: Iterable[PastPrompt], at: datetime) -> list[PastPrompt]:
    return [p for p in prompts if p.shown_at <= at]


def asked_enough_today(history: ClientHistory, w: Windows) -> bool:
    """At most once a day: a prompt answered or ignored, or any review, on T's local day."""
    if any(w.day_start <= r.created_at for r in _reviews_until(history.reviews, w.at)):
        return True
    return any(
        w.day_start <= p.decided_at()
        and p.outcome_as_of(w.at) in (PromptOutcome.ANSWERED, PromptOutcome.IGNORED)
        for p in _prompts_until(history.prompts, w.at)
    )


def has_ended_attendance(history: ClientHistory, at: datetime) -> bool:
    return history.attended_before_window or any(
        b.present and b.ends_at <= at for b in history.bookings
    )


def business_prompt_due(history: ClientHistory, w: Windows) -> bool:
    """After the first attended session, then every N months; "Ignore" waits N months too."""
    if not has_ended_attendance(history, w.at):
        return False
    reviews = _reviews_until(history.reviews, w.at)
    if any(r.kind is ReviewKind.BUSINESS and r.created_at >= w.business_since for r in reviews):
        return False
    return not any(
        p.kind is ReviewKind.BUSINESS
        and p.outcome_as_of(w.at) is PromptOutcome.IGNORED
        and p.decided_at() >= w.business_since
        for p in _prompts_until(history.prompts, w.at)
    )


def class_prompt_session(history: ClientHistory, w: Windows) -> int | None:
    """The most recent attended session (by start) meeting conditions 1, 3 and 4 of
    docs/rules.md#class-prompt.

    Condition 2 (no review on T's local day) is part of :func:`asked_enough_today`.
    """
    reviews = _reviews_until(history.reviews, w.at)
    prompts = _prompts_until(history.prompts, w.at)
    reviewed_sessions = {r.session_id for r in reviews if r.session_id is not None}
    recent_class_coach = {
        (r.class_id, r.coach_id)
        for r in reviews
        if r.kind is ReviewKind.CLASS and r.created_at >= w.class_since
    }
    ignored_sessions = {
        p.session_id
        for p in prompts
        if p.kind is ReviewKind.CLASS and p.outcome_as_of(w.at) is PromptOutcome.IGNORED
    }
    candidates = sorted(
        (
            b
            for b in history.bookings
            if b.present and w.class_since <= b.starts_at and b.ends_at <= w.at
        ),
        key=lambda s: (s.starts_at, s.session_id),
        reverse=True,
    )
    for session in candidates:
        if session.session_id in ignored_sessions:
            continue
        if session.session_id in reviewed_sessions:
            continue
        if (session.class_id, session.coach_id) in recent_class_coach:
            continue
        return session.session_id
    return None


def due_prompt(
    history: ClientHistory, at: datetime, tz: ZoneInfo, rules: PromptRules | None = None
) -> DuePrompt | None:
    """The one prompt due at *at*: business first, then class; None when nothing is due."""
    rules = rules or PromptRules()
    if not rules.enabled:
        return None
    w = windows(at, tz, rules)
    if asked_enough_today(history, w):
        return None
    if rules.business_enabled and business_prompt_due(history, w):
        return DuePrompt(ReviewKind.BUSINESS)
    if rules.class_enabled:
        session_id = class_prompt_session(history, w)
        if session_id is not None:
            return DuePrompt(ReviewKind.CLASS, session_id)
    return None
