"""The kiosk's prompt rules, asked while the demo's history is made.

One :class:`ClientLedger` per client remembers what the rules look at (visits, reviews, prompts)
and asks :mod:`feedback_desk.domain.prompts` — the very functions the kiosk and ``prompt`` use —
what is due at T, handing over a small slice of history that holds all the rules read at T (the
last days, the latest business review and the latest ignored business prompt). So the demo's
prompts and reviews obey the product's rules at every instant, by construction.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from feedback_desk.domain import prompts as kiosk
from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.services.demo.records import DemoPrompt, DemoRequest, DemoReview, DemoSession

_SLICE = timedelta(days=kiosk.CLASS_WINDOW_DAYS + 1)


@dataclass(frozen=True)
class Due:
    kind: ReviewKind
    session: DemoSession | None = None


@dataclass
class ClientLedger:
    tz: ZoneInfo
    visits: list[DemoSession]  # attended sessions, by start
    rules: kiosk.PromptRules = field(default_factory=kiosk.PromptRules)
    reviews: list[DemoReview] = field(default_factory=list)
    prompts: list[DemoPrompt] = field(default_factory=list)
    # Email review requests (see request_story.py); their prompts are in ``prompts`` too.
    requests: list[DemoRequest] = field(default_factory=list)
    _starts: list[datetime] = field(default_factory=list)
    _bookings: list[kiosk.Booking] = field(default_factory=list)
    _sessions: dict[int, DemoSession] = field(default_factory=dict)
    # Reviews and prompts as the rules see them, each kept sorted by its instant.
    _review_times: list[datetime] = field(default_factory=list)
    _past_reviews: list[kiosk.PastReview] = field(default_factory=list)
    _prompt_times: list[datetime] = field(default_factory=list)
    _past_prompts: list[kiosk.PastPrompt] = field(default_factory=list)
    _business_reviews: list[kiosk.PastReview] = field(default_factory=list)
    _business_ignores: list[kiosk.PastPrompt] = field(default_factory=list)
    _cached: tuple[datetime, kiosk.ClientHistory] | None = None
    _windows_at: kiosk.Windows | None = None

    def __post_init__(self) -> None:
        self._starts = [s.starts_at for s in self.visits]
        self._bookings = [
            kiosk.Booking(s.id, s.starts_at, s.ends_at, s.class_id, s.coach_id) for s in self.visits
        ]
        self._sessions = {s.id: s for s in self.visits}

    def session(self, session_id: int) -> DemoSession:
        return self._sessions[session_id]

    # What happened -----------------------------------------------------------------------
    def add_prompt(self, prompt: DemoPrompt) -> None:
        self.prompts.append(prompt)
        past = kiosk.PastPrompt(
            kind=prompt.kind,
            shown_at=prompt.shown_at,
            outcome=prompt.outcome,
            session_id=prompt.session_id,
            outcome_at=prompt.outcome_at,
        )
        index = bisect.bisect_right(self._prompt_times, prompt.shown_at)
        self._prompt_times.insert(index, prompt.shown_at)
        self._past_prompts.insert(index, past)
        if prompt.kind is ReviewKind.BUSINESS and prompt.outcome is PromptOutcome.IGNORED:
            self._business_ignores.append(past)
        self._cached = None

    def add_review(self, review: DemoReview, session: DemoSession | None) -> None:
        self.reviews.append(review)
        past = kiosk.PastReview(
            kind=review.kind,
            created_at=review.created_at,
            session_id=session.id if session is not None else None,
            class_id=session.class_id if session is not None else None,
            coach_id=session.coach_id if session is not None else None,
        )
        index = bisect.bisect_right(self._review_times, review.created_at)
        self._review_times.insert(index, review.created_at)
        self._past_reviews.insert(index, past)
        if review.kind is ReviewKind.BUSINESS:
            self._business_reviews.append(past)
        self._cached = None

    # What the rules see at T -----------------------------------------------------------------
    def _history(self, at: datetime) -> kiosk.ClientHistory:
        """A superset of what the rules read at *at* (the domain accepts any): the last eight
        days, which hold the 7-day window whatever the clock changes, plus the latest business
        review and ignored business prompt before them."""
        if self._cached is not None and self._cached[0] == at:
            return self._cached[1]
        history = self.history_between(at - _SLICE, at)
        self._cached = (at, history)
        return history

    def history_between(self, since: datetime, at: datetime) -> kiosk.ClientHistory:
        """What happened from *since* to *at*, plus the latest business review and ignored
        business prompt before *since* (the slice a store hands the rules)."""
        first = bisect.bisect_left(self._starts, since)
        last = bisect.bisect_right(self._starts, at)
        reviews = self._past_reviews[
            bisect.bisect_left(self._review_times, since) : bisect.bisect_right(
                self._review_times, at
            )
        ]
        earlier_business = [r for r in self._business_reviews if r.created_at < since]
        prompts = self._past_prompts[
            bisect.bisect_left(self._prompt_times, since) : bisect.bisect_right(
                self._prompt_times, at
            )
        ]
        earlier_ignores = [p for p in self._business_ignores if p.shown_at < since]
        return kiosk.ClientHistory(
            bookings=self._bookings[first:last],
            reviews=[*reviews, *earlier_business[-1:]],
            prompts=[*prompts, *earlier_ignores[-1:]],
            attended_before_window=first > 0,
        )

    def last_business(self, at: datetime) -> tuple[datetime | None, datetime | None]:
        """The latest business review and ignored business prompt dated by *at*."""
        reviews = [r.created_at for r in self._business_reviews if r.created_at <= at]
        ignores = [p.decided_at() for p in self._business_ignores if p.decided_at() <= at]
        return max(reviews, default=None), max(ignores, default=None)

    def _windows(self, at: datetime) -> kiosk.Windows:
        if self._windows_at is None or self._windows_at.at != at:
            self._windows_at = kiosk.windows(at, self.tz, self.rules)
        return self._windows_at

    # What is due --------------------------------------------------------------------------
    def asked_enough_today(self, at: datetime) -> bool:
        return kiosk.asked_enough_today(self._history(at), self._windows(at))

    def business_due(self, at: datetime) -> bool:
        return self.rules.business_enabled and kiosk.business_prompt_due(
            self._history(at), self._windows(at)
        )

    def class_due(self, at: datetime) -> DemoSession | None:
        if not self.rules.class_enabled:
            return None
        session_id = kiosk.class_prompt_session(self._history(at), self._windows(at))
        return self._sessions[session_id] if session_id is not None else None

    def due(self, at: datetime) -> Due | None:
        found = kiosk.due_prompt(self._history(at), at, self.tz, self.rules)
        if found is None:
            return None
        session = self._sessions[found.session_id] if found.session_id is not None else None
        return Due(found.kind, session)
