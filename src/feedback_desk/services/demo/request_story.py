"""Email review requests in the demo's last weeks, decided by the real rules.

From :attr:`DemoCalendar.requests_start` the studio has ``requests.email_enabled`` on, and its
outbox runs all day. For each client who may get a request, a :class:`RequestMail` asks
:func:`feedback_desk.domain.requests.due_request` — the rule behind ``requests`` and
``send-outbox`` — at every instant a request can become due: when requests were switched on, each
attended session's class send time and the first earliest hour after it ended (a business
moment), the business rule's own due moment, and the end of the contact pressure. The history it
hands over is the client's :class:`ClientLedger`, which also holds the kiosk's prompts and
reviews, so kiosk and email see each other as they do in the store.

A queued request is sent by the outbox about a minute later and becomes an ``email`` prompt. Its
client then answers it on the answer page (a ``web`` review) or by replying (an ``email``
review), taps "Ignore for now" on the page, or lets it go. An answer comes before the client's
next class ends (the next moment anything else could be asked or recorded), within
``requests.answer_days`` and before the demo's end; one that would come later is not given.
"""

from __future__ import annotations

import bisect
import heapq
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from feedback_desk.domain.kinds import Channel, PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import days_after
from feedback_desk.domain.prompts import ClientHistory
from feedback_desk.domain.requests import (
    DueRequest,
    RequestHistory,
    RequestRules,
    business_due_from,
    class_send_at,
    due_request,
    first_earliest_hour_from,
    history_since,
    under_contact_pressure,
)
from feedback_desk.services.demo.prompting import ClientLedger
from feedback_desk.services.demo.records import (
    DemoClient,
    DemoDelivery,
    DemoPrompt,
    DemoRequest,
    DemoReview,
    DemoSession,
)

# Of the answers, the share given on the answer page (the email's star links open it); the
# others reply to the email with a number.
WEB_SHARE = 0.7
# A client answers a request about half as often as they answer the kiosk once it asks them.
ANSWER_SCALE = 0.55
# Of those who do not answer, the share who tap "Ignore for now" on the answer page.
IGNORE_SHARE = 0.06
# Every attendee of a session shares its moments: each is worked out once.
_class_send_at = lru_cache(maxsize=8192)(class_send_at)
_first_earliest_hour_from = lru_cache(maxsize=8192)(first_earliest_hour_from)
# A visit's moments come at most this long after it ended (the delay, then the night).
_LATEST_MOMENT = timedelta(days=2)


@dataclass(frozen=True)
class RequestTerms:
    """What every client's requests share: the rules, when they were on, how long to answer."""

    rules: RequestRules
    start: datetime
    horizon: datetime
    answer_days: int
    longest_minutes: int


@dataclass
class RequestMail:
    client: DemoClient
    ledger: ClientLedger
    terms: RequestTerms
    rng: random.Random
    _instants: list[datetime] = field(default_factory=list)
    _seen: set[datetime] = field(default_factory=set)
    _ends: list[datetime] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ends = sorted(s.ends_at for s in self.ledger.visits)
        self._look_at(self.terms.start)

    @property
    def requests(self) -> list[DemoRequest]:
        return self.ledger.requests

    def _look_at(self, instant: datetime) -> None:
        if self.terms.start <= instant <= self.terms.horizon and instant not in self._seen:
            self._seen.add(instant)
            heapq.heappush(self._instants, instant)

    def after_visit(self, session: DemoSession) -> None:
        """The moments the visit can make a request due (see the module's docstring)."""
        rules = self.terms.rules
        if session.ends_at < self.terms.start - _LATEST_MOMENT:
            return
        self._look_at(_class_send_at(session.ends_at, rules))
        self._look_at(_first_earliest_hour_from(session.ends_at, rules))

    def catch_up(self, until: datetime) -> None:
        """Run the outbox at every moment up to *until* when a request may have become due."""
        while self._instants and self._instants[0] <= until:
            self._ask(heapq.heappop(self._instants))

    # What the rules see -----------------------------------------------------------------------
    def _history(self, at: datetime) -> RequestHistory:
        """As services.requests.planning loads it from the store at *at*."""
        terms = self.terms
        since = history_since(at, terms.rules, terms.longest_minutes)
        history = self.ledger.history_between(since, at)
        last_review, last_ignore = self.ledger.last_business(at)
        spent = [r for r in self.requests if r.delivery.queued_at <= at]
        contacted = [(r.kind, r.delivery.sent_at or r.delivery.queued_at) for r in spent]
        ends = [b.ends_at for b in history.bookings]
        return RequestHistory(
            history=history,
            first_attendance_end=(
                min(ends) if ends and not history.attended_before_window else None
            ),
            last_business_review=last_review,
            last_business_ignore=last_ignore,
            last_business_request=max(
                (t for kind, t in contacted if kind is ReviewKind.BUSINESS), default=None
            ),
            last_request=max((t for _kind, t in contacted), default=None),
            requested_sessions=frozenset(
                r.session_id for r in spent if r.session_id is not None and r.send_at >= since
            ),
        )

    def _last_contact(self, at: datetime) -> datetime | None:
        spent = [r.delivery for r in self.requests if r.delivery.queued_at <= at]
        return max((d.sent_at or d.queued_at for d in spent), default=None)

    def _ask(self, at: datetime) -> None:
        rules = self.terms.rules
        # The contact pressure first (due_request's first test), on the only fact it reads.
        last = self._last_contact(at)
        if under_contact_pressure(RequestHistory(ClientHistory(), last_request=last), rules, at):
            assert last is not None
            self._look_at(days_after(last, rules.email_every_days, rules.tz))
            return
        request_history = self._history(at)
        due = due_request(request_history, rules, at)
        if due is not None:
            self._queue(due, at)
            return
        # Not due now: when the business rule may become due without a visit.
        due_from = business_due_from(request_history, rules)
        if due_from is not None:
            moment = first_earliest_hour_from(due_from, rules)
            if moment > at:
                self._look_at(moment)

    # What happened ----------------------------------------------------------------------------
    def _queue(self, due: DueRequest, at: datetime) -> None:
        client = self.client
        delivery = DemoDelivery.soon(at, self.terms.horizon)
        delivery.recipient = client.email or ""
        assert delivery.sent_at is not None
        prompt = DemoPrompt(
            client.id,
            due.kind,
            due.session_id,
            delivery.sent_at,
            PromptOutcome.ABANDONED,
            None,
            channel=Channel.EMAIL,
        )
        request = DemoRequest(
            client.id, due.kind, due.session_id, due.send_at, due.dedup_suffix, delivery, prompt
        )
        self.requests.append(request)
        review = self._answer(request)
        self.ledger.add_prompt(prompt)
        if review is not None:
            session = (
                self.ledger.session(review.session_id) if review.session_id is not None else None
            )
            self.ledger.add_review(review, session)

    def _answer_limit(self, sent: datetime) -> datetime:
        rules = self.terms.rules
        limit = min(self.terms.horizon, days_after(sent, self.terms.answer_days, rules.tz))
        index = bisect.bisect_right(self._ends, sent)
        if index < len(self._ends):
            limit = min(limit, self._ends[index])
        return limit

    def _delay(self) -> timedelta:
        roll = self.rng.random()
        if roll < 0.5:
            return timedelta(minutes=self.rng.randint(4, 180))
        if roll < 0.85:
            return timedelta(minutes=self.rng.randint(180, 24 * 60))
        return timedelta(minutes=self.rng.randint(24 * 60, 4 * 24 * 60))

    def _reviewed_since(self, request: DemoRequest, sent: datetime) -> bool:
        """The client reviewed the session (ever) or, for a business request, the studio since
        the email went: the inbox would not take the answer."""
        for review in self.ledger.reviews:
            if request.session_id is not None and review.session_id == request.session_id:
                return True
            if (
                request.kind is ReviewKind.BUSINESS
                and review.kind is ReviewKind.BUSINESS
                and review.created_at >= sent
            ):
                return True
        return False

    def _answer(self, request: DemoRequest) -> DemoReview | None:
        prompt = request.prompt
        sent = prompt.shown_at
        answers = self.rng.random() < ANSWER_SCALE * self.client.habits.answer_rate
        on_page = self.rng.random() < WEB_SHARE
        at = sent + self._delay()
        if at >= self._answer_limit(sent) or self._reviewed_since(request, sent):
            return None
        if not answers:
            if on_page and self.rng.random() < IGNORE_SHARE / WEB_SHARE:
                prompt.outcome = PromptOutcome.IGNORED
                prompt.outcome_at = at
            return None
        prompt.outcome = PromptOutcome.ANSWERED
        prompt.outcome_at = at
        channel = Channel.WEB if on_page else Channel.EMAIL
        review = DemoReview(
            request.client_id, request.kind, request.session_id, at, channel, prompt=prompt
        )
        request.review = review
        return review
