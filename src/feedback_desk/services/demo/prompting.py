"""The prompt rules of feedback-rules.md, replayed in memory while the demo's history is made.

One :class:`ClientLedger` per client holds what the rules look at (visits, reviews, prompts); it
answers "what is due at T" exactly as the kiosk must, so the demo's prompts and reviews obey the
rules at every instant: at most once a day, business first (after the first class, then every
3 months), the class prompt for the most recent attended session of the last 7 days.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import days_before, local_day, months_before
from feedback_desk.services.demo.records import DemoPrompt, DemoReview, DemoSession


@dataclass(frozen=True)
class Due:
    kind: ReviewKind
    session: DemoSession | None = None


@dataclass
class ClientLedger:
    tz: ZoneInfo
    visits: list[DemoSession]  # attended sessions, by start
    business_every_months: int = 3
    reviews: list[DemoReview] = field(default_factory=list)
    prompts: list[DemoPrompt] = field(default_factory=list)
    _starts: list[datetime] = field(default_factory=list)
    _first_end: datetime | None = None
    _day_closed: dict[date, datetime] = field(default_factory=dict)
    _ignored_sessions: set[int] = field(default_factory=set)
    _reviewed_sessions: set[int] = field(default_factory=set)
    _pair_reviews: dict[tuple[int, int], list[datetime]] = field(default_factory=dict)
    _business_reviews: list[datetime] = field(default_factory=list)
    _business_ignored: list[datetime] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [s.starts_at for s in self.visits]
        self._first_end = min((s.ends_at for s in self.visits), default=None)

    # What happened -----------------------------------------------------------------------
    def _close_day(self, at: datetime) -> None:
        day = local_day(at, self.tz)
        known = self._day_closed.get(day)
        if known is None or at < known:
            self._day_closed[day] = at

    def add_prompt(self, prompt: DemoPrompt) -> None:
        self.prompts.append(prompt)
        if prompt.outcome is PromptOutcome.ABANDONED or prompt.outcome_at is None:
            return
        self._close_day(prompt.outcome_at)
        if prompt.outcome is PromptOutcome.IGNORED:
            if prompt.kind is ReviewKind.BUSINESS:
                self._business_ignored.append(prompt.shown_at)
            elif prompt.session_id is not None:
                self._ignored_sessions.add(prompt.session_id)

    def add_review(self, review: DemoReview, session: DemoSession | None) -> None:
        self.reviews.append(review)
        self._close_day(review.created_at)
        if review.kind is ReviewKind.BUSINESS:
            self._business_reviews.append(review.created_at)
        elif session is not None:
            self._reviewed_sessions.add(session.id)
            pair = (session.class_id, session.coach_id)
            self._pair_reviews.setdefault(pair, []).append(review.created_at)

    # What is due --------------------------------------------------------------------------
    def asked_enough_today(self, at: datetime) -> bool:
        closed = self._day_closed.get(local_day(at, self.tz))
        return closed is not None and closed <= at

    def business_due(self, at: datetime) -> bool:
        if self._first_end is None or self._first_end > at:
            return False
        since = months_before(at, self.business_every_months, self.tz)
        if any(since <= t <= at for t in self._business_reviews):
            return False
        return not any(since <= t <= at for t in self._business_ignored)

    def class_due(self, at: datetime) -> DemoSession | None:
        cutoff = days_before(at, 7, self.tz)
        index = bisect.bisect_right(self._starts, at)
        while index > 0:
            index -= 1
            session = self.visits[index]
            if session.starts_at < cutoff:
                return None
            if session.ends_at > at:
                continue
            if session.id in self._ignored_sessions or session.id in self._reviewed_sessions:
                continue
            recent = self._pair_reviews.get((session.class_id, session.coach_id), [])
            if any(cutoff <= t <= at for t in recent):
                continue
            return session
        return None

    def due(self, at: datetime) -> Due | None:
        if self.asked_enough_today(at):
            return None
        if self.business_due(at):
            return Due(ReviewKind.BUSINESS)
        session = self.class_due(at)
        return Due(ReviewKind.CLASS, session) if session is not None else None
