"""The Google invitations sent since the studio connected its profile, decided by the real rules.

The outbox ran every morning at the invitation hour (10:00): each run queued what
:func:`feedback_desk.domain.invitations.due_invitation` — the rule behind ``invitations`` and
``send-outbox`` — said was due, in the order ``invitations`` lists them, and sent the messages
about two seconds apart. The rules see each client's history as it stood at that run: the reviews
dated by then with the stars they had then (an edit counts from when it was made), and the
invitations already queued with whether they were sent. A client's invitations stop once they
unsubscribed, were marked as reviewed on Google or had a Google review linked to them (the
product's "invitable" test reads their standing now, so nothing after that may be queued).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from feedback_desk.domain.invitations import (
    ClientHistory,
    InvitationRules,
    QueuedInvitation,
    ReviewFact,
    due_invitation,
)
from feedback_desk.domain.kinds import InvitationReason
from feedback_desk.domain.localtime import local_day, local_to_utc, next_day_at
from feedback_desk.services.demo.records import (
    DemoClient,
    DemoDelivery,
    DemoInvitation,
    DemoReview,
)
from feedback_desk.services.demo.timeframe import DemoCalendar

# The outbox sends about one message every two seconds.
SEND_GAP = timedelta(seconds=2)
CLAIM_LEAD = timedelta(milliseconds=700)
# The front desk corrects a mistyped address when the client next comes in.
EMAIL_FIX_DELAY = timedelta(days=2, hours=7, minutes=25)


def mistype(address: str) -> str:
    """The address with two letters of its domain swapped, as typed in a hurry."""
    local, _, domain = address.partition("@")
    label, dot, rest = domain.partition(".")
    if len(label) >= 4:
        label = label[:2] + label[3] + label[2] + label[4:]
    return f"{local}@{label}{dot}{rest}"


def bounce_error(address: str) -> str:
    """What the SMTP sender records when the server refuses the recipient for good."""
    return (
        f"recipient {address} refused: 550 5.1.1 <{address}>: Recipient address rejected: "
        "User unknown in virtual mailbox table"
    )


def stars_at(review: DemoReview, at: datetime) -> int:
    """The review's stars as the store held them at *at* (manual edits count from their date)."""
    stars = review.original_stars
    for edit in review.edits:
        if edit.edited_at <= at:
            stars = edit.new_stars
    return stars


def first_run(instant: datetime, rules: InvitationRules) -> datetime:
    """The first morning run of the outbox at or after *instant*."""
    same_day = local_to_utc(
        datetime.combine(local_day(instant, rules.tz), time(rules.hour)), rules.tz
    )
    return same_day if same_day >= instant else next_day_at(instant, rules.hour, rules.tz)


@dataclass
class _Client:
    client: DemoClient
    reviews: list[DemoReview]
    queued: list[QueuedInvitation] = field(default_factory=list)
    times: list[datetime] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.times = [r.created_at for r in self.reviews]

    def history(self, at: datetime, rules: InvitationRules) -> ClientHistory:
        """The client's history as the rules read it at *at*: the reviews that can make an
        invitation due then (a trigger older than the expiry is stale, so an older review can
        only be the one just before the first recent one), and every invitation queued."""
        recent_from = at - timedelta(days=rules.expiry_days + 3)
        upto = bisect.bisect_right(self.times, at)
        start = max(0, bisect.bisect_left(self.times, recent_from) - 1)
        facts = [ReviewFact(r.id, r.created_at, stars_at(r, at)) for r in self.reviews[start:upto]]
        return ClientHistory(reviews=facts, invitations=list(self.queued))


def _runs_to_check(reviews: Sequence[DemoReview], rules: InvitationRules) -> set[datetime]:
    """Every run at which something may have become due: the send time of each 5-star review
    (a trigger's send time) and the first run after an edit to or from 5 stars."""
    runs = set()
    for review in reviews:
        if review.original_stars == 5 or any(e.new_stars == 5 for e in review.edits):
            runs.add(next_day_at(review.created_at, rules.hour, rules.tz))
        for edit in review.edits:
            if 5 in (edit.old_stars, edit.new_stars):
                runs.add(first_run(edit.edited_at, rules))
    return runs


def plan_invitations(
    clients: Sequence[DemoClient],
    reviews_by_client: Mapping[int, list[DemoReview]],
    cal: DemoCalendar,
    rules: InvitationRules,
    stop_at: Mapping[int, datetime],
) -> list[DemoInvitation]:
    """The invitations queued by every morning run since the review link was set.

    A client whose address was mistyped gets a refusal; the front desk corrects the address
    two days later (``email_fixed_at`` is set here) and cancels the refused message, and the next
    invitation gets through.
    """
    if rules.mode is not InvitationReason.FIVE_STAR_PAIR:
        raise ValueError("the demo stages five_star_pair invitations")
    # The first run after the switch-on also queues what became due in the week before it.
    switch_on = first_run(cal.integration, rules)
    runs: dict[datetime, list[_Client]] = defaultdict(list)
    for client in clients:
        if not client.invitable:
            continue
        stops = [t for t in (stop_at.get(client.id), client.unsubscribed_at) if t is not None]
        stop = min(stops, default=None)
        reviews = sorted(reviews_by_client.get(client.id, []), key=lambda r: (r.created_at, r.id))
        state = _Client(client, reviews)
        for run in {switch_on} | _runs_to_check(reviews, rules):
            if switch_on <= run < cal.until_start and (stop is None or run < stop):
                runs[run].append(state)
    by_id = {review.id: review for reviews in reviews_by_client.values() for review in reviews}
    invitations = []
    for run in sorted(runs):
        due = []
        for state in runs[run]:
            trigger = due_invitation(state.history(run, rules), rules, run)
            if trigger is not None:
                due.append((trigger.send_at, state.client.external_id, state, trigger))
        due.sort(key=lambda item: (item[0], item[1]))
        for index, (send_at, _ext, state, trigger) in enumerate(due, start=1):
            done = run + SEND_GAP * index
            client = state.client
            email = client.email_at(run) or ""
            bounces = email != client.email
            if bounces and client.email_fixed_at is None:
                client.email_fixed_at = run + EMAIL_FIX_DELAY
            delivery = DemoDelivery(
                queued_at=run,
                claimed_at=done - CLAIM_LEAD,
                sent_at=None if bounces else done,
                recipient=email,
                error=bounce_error(email) if bounces else None,
                cancelled_at=client.email_fixed_at if bounces else None,
            )
            state.queued.append(
                QueuedInvitation(
                    trigger_at=trigger.at, queued_at=run, sent_at=delivery.sent_at, settled=True
                )
            )
            invitations.append(
                DemoInvitation(state.client.id, by_id[trigger.ref], send_at, delivery)
            )
    return invitations
