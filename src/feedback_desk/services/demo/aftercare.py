"""What staff did with the reviews: manual edits, actions closed with notes and contacts, and
the at-risk alerts emailed to the manager once an address was set."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from feedback_desk.domain.kinds import ActionOutcome, Channel, ContactChannel
from feedback_desk.domain.localtime import add_months, month_start
from feedback_desk.domain.segments import is_at_risk
from feedback_desk.services.alerts import ALERTING_CHANNELS
from feedback_desk.services.demo import names, texts
from feedback_desk.services.demo.records import (
    DemoAction,
    DemoAlert,
    DemoContact,
    DemoDelivery,
    DemoEdit,
    DemoReview,
)
from feedback_desk.services.demo.timeframe import DemoCalendar


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    span = max(int((end - start).total_seconds()), 1)
    return start + timedelta(seconds=rng.randint(0, span))


def edit_some(
    reviews: list[DemoReview],
    cal: DemoCalendar,
    protected: set[int],
    scale: float,
    rng: random.Random,
) -> None:
    """Staff corrected a few stars: mostly a wrong tap on the kiosk, twice a change of heart."""
    editable = [
        r
        for r in reviews
        if r.channel is Channel.KIOSK
        and r.client_id not in protected
        and r.created_at < cal.horizon - timedelta(days=10)
    ]
    # A wrong tap skips the aspects and the comment (an edit keeps what the client ticked).
    wrong_taps = [r for r in editable if r.stars <= 2 and r.comment is None and not r.aspects]
    for review in rng.sample(wrong_taps, min(len(wrong_taps), max(2, round(6 * scale)))):
        new = 5 if rng.random() < 0.7 else 4
        at = review.created_at + timedelta(minutes=rng.randint(90, 3 * 24 * 60))
        review.edits.append(
            DemoEdit(
                review.stars, new, rng.choice(names.STAFF), at, rng.choice(texts.EDIT_UP_NOTES)
            )
        )
        review.stars = new
    window = cal.horizon - timedelta(days=60)
    regrets = [r for r in editable if r.stars == 4 and not r.edits and r.created_at >= window]
    for review in rng.sample(regrets, min(len(regrets), max(1, round(2 * scale)))):
        at = review.created_at + timedelta(minutes=rng.randint(24 * 60, 2 * 24 * 60))
        review.edits.append(DemoEdit(4, 2, names.MANAGER, at, rng.choice(texts.EDIT_DOWN_NOTES)))
        review.stars = 2


def _close(action: DemoAction, cal: DemoCalendar, rng: random.Random) -> None:
    opened = action.opened_at
    closed = opened + timedelta(minutes=rng.randint(4 * 60, 6 * 24 * 60))
    if closed >= cal.horizon:
        return
    outcome = rng.choices(
        (ActionOutcome.CONTACTED, ActionOutcome.RESOLVED, ActionOutcome.NO_ACTION),
        weights=(50, 35, 15),
    )[0]
    action.closed_at = closed
    action.closed_by = rng.choice(names.STAFF)
    action.outcome = outcome
    action.note = rng.choice(texts.ACTION_NOTES[outcome.value])
    if outcome is not ActionOutcome.NO_ACTION:
        first = _between(rng, opened + timedelta(minutes=30), closed)
        contacts = [first]
        if rng.random() < 0.3:
            contacts.append(_between(rng, first, closed))
        for at in contacts:
            channel = rng.choices(
                (ContactChannel.PHONE, ContactChannel.EMAIL, ContactChannel.IN_PERSON),
                weights=(5, 3, 2),
            )[0]
            action.contacts.append(
                DemoContact(at, channel, rng.choice(texts.CONTACT_NOTES), action.closed_by)
            )


def open_actions(
    reviews: list[DemoReview], cal: DemoCalendar, rng: random.Random
) -> list[DemoAction]:
    """One action per review of 3 stars or fewer (or edited down to it), most closed since."""
    actions: list[DemoAction] = []
    for review in reviews:
        if review.original_stars <= 3:
            action = DemoAction(review, review.created_at)
        elif review.stars <= 3 and review.edits:
            action = DemoAction(review, review.edits[-1].edited_at)
        else:
            continue
        actions.append(action)
        age = cal.horizon - action.opened_at
        if review.channel is Channel.IMPORT:
            # Imported history is closed in bulk at the start of each month.
            day = add_months(month_start(action.opened_at.astimezone(cal.tz).date()), 1)
            closed = cal.at(day, cal.horizon.astimezone(cal.tz).time())
            if closed < cal.horizon:
                action.closed_at = closed
                action.closed_by = names.MANAGER
                action.outcome = ActionOutcome.NO_ACTION
                action.note = texts.IMPORT_CLOSE_NOTE
        elif review.edits and review.stars > 3:
            action.closed_at = review.edits[-1].edited_at + timedelta(minutes=5)
            action.closed_by = review.edits[-1].edited_by
            action.outcome = ActionOutcome.NO_ACTION
            action.note = review.edits[-1].note
        else:
            # Staff keep up: old actions are almost all closed, this week's mostly still open.
            chance = (
                0.985 if age > timedelta(days=21) else 0.75 if age > timedelta(days=7) else 0.25
            )
            if rng.random() < chance:
                _close(action, cal, rng)
        if action.closed_at is None and age > timedelta(days=3) and rng.random() < 0.3:
            action.contacts.append(
                DemoContact(
                    action.opened_at + timedelta(hours=rng.randint(20, 60)),
                    ContactChannel.PHONE,
                    texts.CONTACT_NOTES[0],
                    rng.choice(names.STAFF),
                )
            )
    return actions


def alerts(reviews: list[DemoReview], cal: DemoCalendar) -> list[DemoAlert]:
    """The at-risk emails the manager got since the address was set: one per kiosk or staff
    review of 3 stars or fewer, sent by the outbox about a minute later (the real alert rule)."""
    found = []
    for review in reviews:
        if (
            review.channel not in ALERTING_CHANNELS
            or not is_at_risk(review.original_stars)
            or review.created_at < cal.manager_email_set
        ):
            continue
        found.append(DemoAlert(review, DemoDelivery.soon(review.created_at, cal.horizon)))
    return found
