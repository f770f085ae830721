"""When a client is due an email review request (docs/rules.md#who-is-asked-and-when). Pure.

The service hands over one client's history as of T; these functions say which request, if
any, is due at T. Choices where the rules leave a gap (the same section writes them down):

- A class request for session S is due at the end of S plus the delay, moved to the earliest hour
  (same day when too early, next day when after the latest hour; the latest hour itself is
  allowed). It is due only if the class prompt rules, evaluated at that send time, select S (the
  once-a-day rule included), and, at T, S was not reviewed or ignored since.
- The business prompt rule "becomes due" at the latest of: the end of the client's first
  attended session, and N months (``reviews.business_every_months``) after their last business
  review, their last ignored business prompt and their last business email request (so a client
  who never answers is asked again after N months, not every week). When that moment is too old
  to send (expired), the end of each later attended session while the rule still holds counts as
  a moment it becomes due again, as the kiosk asks "at the next visit".
- Both due: the business request goes. Several class requests due: the most recent session's.
- Contact pressure: no request when one was queued or sent to the client (cancelled ones aside)
  after the same wall-clock time ``requests.email_every_days`` days before T.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import days_before, local_day, local_to_utc, months_after
from feedback_desk.domain.prompts import (
    ClientHistory,
    PromptRules,
    asked_enough_today,
    business_prompt_due,
    class_prompt_session,
    windows,
)


@dataclass(frozen=True)
class RequestRules:
    tz: ZoneInfo
    prompts: PromptRules
    delay_hours: int = 2
    earliest_hour: int = 9
    latest_hour: int = 20
    email_every_days: int = 7
    expiry_hours: int = 48

    @property
    def expiry(self) -> timedelta:
        return timedelta(hours=self.expiry_hours)


@dataclass(frozen=True)
class RequestHistory:
    """One client's history as of T, as the request rules need it.

    ``history`` is what the prompt rules read (see domain/prompts.py), covering the class window
    of the earliest send time that can still be due at T.
    """

    history: ClientHistory
    # When the client's first attended session ended, when it lies in the history's bookings;
    # None when it is older (then only later visits count, see the module's docstring).
    first_attendance_end: datetime | None = None
    last_business_review: datetime | None = None
    last_business_ignore: datetime | None = None
    last_business_request: datetime | None = None
    # The last request queued or sent to the client (any kind, cancelled ones aside).
    last_request: datetime | None = None
    # Sessions that already had a request queued.
    requested_sessions: frozenset[int] = frozenset()


@dataclass(frozen=True)
class DueRequest:
    kind: ReviewKind
    send_at: datetime
    session_id: int | None = None

    @property
    def dedup_suffix(self) -> str:
        """Names the trigger: one request per client and trigger."""
        if self.session_id is not None:
            return f"class:{self.session_id}"
        return f"business:{self.send_at.isoformat()}"


def _at_hour(instant: datetime, hour: int, tz: ZoneInfo, *, days_later: int = 0) -> datetime:
    day = local_day(instant, tz) + timedelta(days=days_later)
    return local_to_utc(datetime.combine(day, time(hour=hour)), tz)


def within_sending_hours(instant: datetime, rules: RequestRules) -> datetime:
    """*instant*, or the earliest hour of the same day (too early) or the next day (too late)."""
    earliest = _at_hour(instant, rules.earliest_hour, rules.tz)
    latest = _at_hour(instant, max(rules.latest_hour, rules.earliest_hour), rules.tz)
    if instant < earliest:
        return earliest
    if instant > latest:
        return _at_hour(instant, rules.earliest_hour, rules.tz, days_later=1)
    return instant


def class_send_at(session_end: datetime, rules: RequestRules) -> datetime:
    return within_sending_hours(session_end + timedelta(hours=rules.delay_hours), rules)


def first_earliest_hour_from(moment: datetime, rules: RequestRules) -> datetime:
    """The first ``earliest_hour`` o'clock at or after *moment*."""
    same_day = _at_hour(moment, rules.earliest_hour, rules.tz)
    if same_day >= moment:
        return same_day
    return _at_hour(moment, rules.earliest_hour, rules.tz, days_later=1)


def _sendable(send_at: datetime, at: datetime, rules: RequestRules) -> bool:
    return send_at <= at <= send_at + rules.expiry


def _settled_by(history: ClientHistory, session_id: int, at: datetime) -> bool:
    """S was reviewed, or its prompt ignored, by *at*."""
    if any(r.session_id == session_id and r.created_at <= at for r in history.reviews):
        return True
    return any(
        p.session_id == session_id
        and p.shown_at <= at
        and p.outcome_as_of(at) is PromptOutcome.IGNORED
        for p in history.prompts
    )


def class_request(request: RequestHistory, rules: RequestRules, at: datetime) -> DueRequest | None:
    """The most recent attended session whose request is due at *at*."""
    if not (rules.prompts.enabled and rules.prompts.class_enabled):
        return None
    history = request.history
    found: list[DueRequest] = []
    for booking in history.bookings:
        if not booking.present or booking.ends_at > at:
            continue
        if booking.session_id in request.requested_sessions:
            continue
        send_at = class_send_at(booking.ends_at, rules)
        if not _sendable(send_at, at, rules):
            continue
        w = windows(send_at, rules.tz, rules.prompts)
        if asked_enough_today(history, w):
            continue
        if class_prompt_session(history, w) != booking.session_id:
            continue
        if _settled_by(history, booking.session_id, at):
            continue
        found.append(DueRequest(ReviewKind.CLASS, send_at, booking.session_id))
    return max(found, key=lambda d: (d.send_at, d.session_id or 0), default=None)


def business_due_from(request: RequestHistory, rules: RequestRules) -> datetime | None:
    """The moment the business prompt rule became due (see the module's docstring)."""
    history = request.history
    starts: list[datetime] = []
    if request.first_attendance_end is not None:
        starts.append(request.first_attendance_end)
    elif not history.attended_before_window:
        return None
    every = rules.prompts.business_every_months
    for last in (
        request.last_business_review,
        request.last_business_ignore,
        request.last_business_request,
    ):
        if last is not None:
            starts.append(months_after(last, every, rules.tz))
    return max(starts, default=None)


def business_request(
    request: RequestHistory, rules: RequestRules, at: datetime
) -> DueRequest | None:
    if not (rules.prompts.enabled and rules.prompts.business_enabled):
        return None
    if not business_prompt_due(request.history, windows(at, rules.tz, rules.prompts)):
        return None
    due_from = business_due_from(request, rules)
    visits = [b.ends_at for b in request.history.bookings if b.present and b.ends_at <= at]
    moments = [due_from] if due_from is not None else []
    moments += [end for end in visits if due_from is None or end >= due_from]
    for moment in sorted(moments):
        send_at = first_earliest_hour_from(moment, rules)
        if _sendable(send_at, at, rules):
            return DueRequest(ReviewKind.BUSINESS, send_at)
    return None


def under_contact_pressure(request: RequestHistory, rules: RequestRules, at: datetime) -> bool:
    last = request.last_request
    return last is not None and last > days_before(at, rules.email_every_days, rules.tz)


def due_request(request: RequestHistory, rules: RequestRules, at: datetime) -> DueRequest | None:
    """The one request due at *at*: the business one when both are, none under contact pressure."""
    if under_contact_pressure(request, rules, at):
        return None
    return business_request(request, rules, at) or class_request(request, rules, at)


def history_since(at: datetime, rules: RequestRules, longest_minutes: int) -> datetime:
    """What the rules look at for a request due at *at* starts here: the 7-day class window of
    the earliest send time still in the expiry window, and sessions that can end by then."""
    earliest_send = at - rules.expiry
    return days_before(earliest_send - timedelta(minutes=longest_minutes), 7, rules.tz)
