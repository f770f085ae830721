"""The rules of feedback-rules.md, written again as plain queries, to check the demo's story.

These are deliberately independent of the demo generator's own replay of the rules: they read
the store the way the product's commands will, at an instant T.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from datetime import datetime
from statistics import mean
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import (
    days_after,
    days_before,
    local_day,
    months_after,
    months_before,
    next_day_at,
)
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    Client,
    Coach,
    GoogleLink,
    Invitation,
    OutboxMessage,
    Prompt,
    Review,
)


def _dropping(
    stars_by: dict[str, list[tuple[datetime, int]]],
    at: datetime,
    tz: ZoneInfo,
    min_usual: int,
    min_recent: int,
) -> dict[str, tuple[float, float]]:
    window = days_before(at, 30, tz)
    found = {}
    for who, rows in stars_by.items():
        usual = [s for t, s in rows if t < window]
        recent = [s for t, s in rows if window <= t <= at]
        enough = len(usual) >= min_usual and len(recent) >= min_recent
        if enough and mean(usual) - mean(recent) >= 1.0 - 1e-9:
            found[who] = (mean(usual), mean(recent))
    return found


def dropping_clients(
    session: Session, at: datetime, tz: ZoneInfo
) -> dict[str, tuple[float, float]]:
    rows = session.execute(
        select(Client.external_id, Review.created_at, Review.stars)
        .join(Review, Review.client_id == Client.id)
        .where(Review.created_at <= at)
    )
    by: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for who, created, stars in rows:
        by[who].append((created, stars))
    return _dropping(by, at, tz, 3, 2)


def dropping_coaches(
    session: Session, at: datetime, tz: ZoneInfo
) -> dict[str, tuple[float, float]]:
    rows = session.execute(
        select(Coach.external_id, Review.created_at, Review.stars)
        .join(ClassSession, ClassSession.coach_id == Coach.id)
        .join(Review, Review.session_id == ClassSession.id)
        .where(Review.kind == ReviewKind.CLASS, Review.created_at <= at)
    )
    by: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for who, created, stars in rows:
        by[who].append((created, stars))
    return _dropping(by, at, tz, 10, 3)


def non_respondents(session: Session, at: datetime, tz: ZoneInfo) -> set[str]:
    since = days_before(at, 90, tz)
    shown: dict[str, int] = defaultdict(int)
    answered: dict[str, int] = defaultdict(int)
    rows = session.execute(
        select(Client.external_id, Prompt.outcome)
        .join(Prompt, Prompt.client_id == Client.id)
        .where(Prompt.shown_at >= since, Prompt.shown_at <= at)
    )
    for who, outcome in rows:
        shown[who] += 1
        answered[who] += outcome is PromptOutcome.ANSWERED
    return {who for who, count in shown.items() if count >= 2 and answered[who] == 0}


def invitations_due(session: Session, at: datetime, tz: ZoneInfo) -> dict[str, datetime]:
    """Clients with a five_star_pair invitation due at T: send time reached, not queued, fresh."""
    linked = set(session.scalars(select(GoogleLink.client_id).where(GoogleLink.linked_at <= at)))
    queued_triggers = set(session.scalars(select(Invitation.trigger_review_id)))
    last_sent: dict[int, datetime] = {}
    for client_id, sent in session.execute(
        select(Invitation.client_id, OutboxMessage.sent_at)
        .join(OutboxMessage, Invitation.outbox_message_id == OutboxMessage.id)
        .where(OutboxMessage.sent_at.is_not(None), OutboxMessage.sent_at <= at)
    ):
        last_sent[client_id] = max(sent, last_sent.get(client_id, sent))
    reviews: dict[int, list[Review]] = defaultdict(list)
    for review in session.scalars(
        select(Review).where(Review.created_at <= at).order_by(Review.created_at, Review.id)
    ):
        reviews[review.client_id].append(review)
    due = {}
    for client in session.scalars(select(Client)):
        if not (client.email and client.email_consent) or client.id in linked:
            continue
        if client.unsubscribed_at is not None and client.unsubscribed_at <= at:
            continue
        if client.google_reviewed_marked_at is not None and client.google_reviewed_marked_at <= at:
            continue
        sent = last_sent.get(client.id)
        latest = None
        history = reviews[client.id]
        for before, trigger in itertools.pairwise(history):
            if trigger.stars != 5 or before.stars != 5:
                continue
            if sent is not None and not (
                before.created_at > sent and trigger.created_at >= months_after(sent, 4, tz)
            ):
                continue
            latest = trigger
        if latest is None or latest.id in queued_triggers:
            continue
        send_at = next_day_at(latest.created_at, 10, tz)
        if send_at <= at <= days_after(send_at, 7, tz):
            due[client.external_id] = send_at
    return due


def prompt_due(session: Session, client_id: int, at: datetime, tz: ZoneInfo) -> str | None:
    """'business_review', 'class_review:<session>' or None, as the kiosk would decide at T."""
    today = local_day(at, tz)
    closed = session.scalar(
        select(Prompt.id).where(
            Prompt.client_id == client_id,
            Prompt.local_day == today,
            Prompt.shown_at <= at,
            Prompt.outcome.in_([PromptOutcome.ANSWERED, PromptOutcome.IGNORED]),
        )
    ) or session.scalar(
        select(Review.id).where(
            Review.client_id == client_id, Review.local_day == today, Review.created_at <= at
        )
    )
    if closed:
        return None
    attended = [
        s
        for s in session.scalars(
            select(ClassSession)
            .join(Attendance, Attendance.session_id == ClassSession.id)
            .where(
                Attendance.client_id == client_id,
                Attendance.present.is_(True),
                ClassSession.starts_at <= at,
            )
            .order_by(ClassSession.starts_at.desc())
        )
        if s.ends_at <= at
    ]
    if not attended:
        return None
    since = months_before(at, 3, tz)
    business_recent = session.scalar(
        select(Review.id).where(
            Review.client_id == client_id,
            Review.kind == ReviewKind.BUSINESS,
            Review.created_at >= since,
            Review.created_at <= at,
        )
    )
    business_ignored = session.scalar(
        select(Prompt.id).where(
            Prompt.client_id == client_id,
            Prompt.kind == ReviewKind.BUSINESS,
            Prompt.outcome == PromptOutcome.IGNORED,
            Prompt.shown_at >= since,
            Prompt.shown_at <= at,
        )
    )
    if business_recent is None and business_ignored is None:
        return "business_review"
    cutoff = days_before(at, 7, tz)
    ignored = set(
        session.scalars(
            select(Prompt.session_id).where(
                Prompt.client_id == client_id,
                Prompt.outcome == PromptOutcome.IGNORED,
                Prompt.shown_at <= at,
            )
        )
    )
    class_reviews = session.execute(
        select(Review.session_id, Review.created_at, ClassSession.class_id, ClassSession.coach_id)
        .join(ClassSession, Review.session_id == ClassSession.id)
        .where(Review.client_id == client_id, Review.created_at <= at)
    ).all()
    reviewed = {row.session_id for row in class_reviews}
    recent_pairs = {
        (row.class_id, row.coach_id) for row in class_reviews if row.created_at >= cutoff
    }
    for s in attended:
        if s.starts_at < cutoff:
            break
        if s.id in ignored or s.id in reviewed or (s.class_id, s.coach_id) in recent_pairs:
            continue
        return f"class_review:{s.external_id}"
    return None
