"""When a client is due a Google invitation (docs/rules.md#google-invitations). Pure rules.

The service gathers one client's history as of T (reviews, attended sessions, the invitations
already queued); these functions say which trigger is pending and whether it is due.

Choices where the rules leave a gap (also in the README):

- ``after_sessions``: the first invitation is triggered by the client's Nth attended session
  ever. After an invitation is *sent*, counting starts again once the re-invite wait is over: the
  Nth attended session that started at or after ``sent + reinvite_months`` triggers the next one.
- An invitation already queued and not settled (queued, being sent, or uncertain) is the client's
  one pending invitation: nothing else is pending until it is sent, failed or cancelled.
- A trigger at or before the trigger of any invitation already queued (whatever became of it) is
  spent: it never queues a second invitation, even when the first one failed or was cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from feedback_desk.domain.kinds import InvitationReason
from feedback_desk.domain.localtime import days_after, months_after, next_day_at


@dataclass(frozen=True)
class InvitationRules:
    mode: InvitationReason
    sessions_needed: int
    reinvite_months: int
    hour: int
    expiry_days: int
    tz: ZoneInfo


@dataclass(frozen=True)
class ReviewFact:
    """One review of the client (any kind, any channel), by its current stars."""

    ref: int
    at: datetime
    stars: int


@dataclass(frozen=True)
class SessionFact:
    """One session the client attended (presence yes)."""

    ref: int
    starts_at: datetime


@dataclass(frozen=True)
class QueuedInvitation:
    """An invitation already in the outbox, as of T."""

    trigger_at: datetime
    queued_at: datetime
    # When it was actually sent (at or before T); None when it was not (yet).
    sent_at: datetime | None
    # Sent, failed or cancelled: nothing more will happen to it on its own.
    settled: bool


@dataclass(frozen=True)
class ClientHistory:
    reviews: Sequence[ReviewFact] = ()
    sessions: Sequence[SessionFact] = ()
    invitations: Sequence[QueuedInvitation] = ()


@dataclass(frozen=True)
class Trigger:
    reason: InvitationReason
    # The triggering review's (five_star_pair) or session's (after_sessions) store id.
    ref: int
    at: datetime
    send_at: datetime

    @property
    def dedup_suffix(self) -> str:
        """Names the trigger: one invitation per client and trigger."""
        what = "review" if self.reason is InvitationReason.FIVE_STAR_PAIR else "session"
        return f"{what}:{self.ref}"


def last_sent_at(history: ClientHistory, at: datetime) -> datetime | None:
    sent = [i.sent_at for i in history.invitations if i.sent_at is not None and i.sent_at <= at]
    return max(sent, default=None)


def _spent_until(history: ClientHistory, at: datetime) -> datetime | None:
    """Triggers at or before this instant are spent (an invitation was queued for one of them)."""
    queued = [i.trigger_at for i in history.invitations if i.queued_at <= at]
    return max(queued, default=None)


def _in_flight(history: ClientHistory, at: datetime) -> bool:
    return any(
        i.queued_at <= at and not i.settled and (i.sent_at is None or i.sent_at > at)
        for i in history.invitations
    )


def _five_star_pair_triggers(
    history: ClientHistory, rules: InvitationRules, at: datetime, last_sent: datetime | None
) -> list[Trigger]:
    reviews = sorted((r for r in history.reviews if r.at <= at), key=lambda r: (r.at, r.ref))
    wait_over = (
        months_after(last_sent, rules.reinvite_months, rules.tz) if last_sent is not None else None
    )
    found = []
    for before, review in pairwise(reviews):
        if review.stars != 5 or before.stars != 5:
            continue
        too_early = (
            last_sent is not None
            and wait_over is not None
            and (before.at <= last_sent or review.at < wait_over)
        )
        if too_early:
            continue
        found.append(
            Trigger(
                InvitationReason.FIVE_STAR_PAIR,
                review.ref,
                review.at,
                next_day_at(review.at, rules.hour, rules.tz),
            )
        )
    return found


def _after_sessions_triggers(
    history: ClientHistory, rules: InvitationRules, at: datetime, last_sent: datetime | None
) -> list[Trigger]:
    counted_from = (
        months_after(last_sent, rules.reinvite_months, rules.tz) if last_sent is not None else None
    )
    attended = sorted(
        (
            s
            for s in history.sessions
            if s.starts_at <= at and (counted_from is None or s.starts_at >= counted_from)
        ),
        key=lambda s: (s.starts_at, s.ref),
    )
    if len(attended) < rules.sessions_needed:
        return []
    nth = attended[rules.sessions_needed - 1]
    return [
        Trigger(
            InvitationReason.AFTER_SESSIONS,
            nth.ref,
            nth.starts_at,
            next_day_at(nth.starts_at, rules.hour, rules.tz),
        )
    ]


def triggers(history: ClientHistory, rules: InvitationRules, at: datetime) -> list[Trigger]:
    """Every trigger as of *at* that is not spent, oldest first."""
    last_sent = last_sent_at(history, at)
    if rules.mode is InvitationReason.FIVE_STAR_PAIR:
        found = _five_star_pair_triggers(history, rules, at, last_sent)
    else:
        found = _after_sessions_triggers(history, rules, at, last_sent)
    spent = _spent_until(history, at)
    return [t for t in found if spent is None or t.at > spent]


def pending_invitation(
    history: ClientHistory, rules: InvitationRules, at: datetime
) -> Trigger | None:
    """The client's one pending invitation: the latest trigger replaces any earlier one."""
    if _in_flight(history, at):
        return None
    found = triggers(history, rules, at)
    return found[-1] if found else None


def expires_at(trigger: Trigger, rules: InvitationRules) -> datetime:
    """After this instant an invitation not yet queued is dropped (never sent)."""
    return days_after(trigger.send_at, rules.expiry_days, rules.tz)


def due_invitation(history: ClientHistory, rules: InvitationRules, at: datetime) -> Trigger | None:
    """The invitation to queue at *at*: pending, its send time come, and not stale."""
    pending = pending_invitation(history, rules, at)
    if pending is None or pending.send_at > at or at > expires_at(pending, rules):
        return None
    return pending
