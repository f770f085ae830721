"""Which email review requests are due at T (``requests --at T``); reads only.

Only clients who could be due are looked at: those who may get a request (an email address, not
unsubscribed, consent when ``requests.require_consent``) and who either attended a session
recently enough for its request to be in the expiry window, or whose business review, ignored
business prompt or business request is N months old (the business rule becoming due again).
Their histories are read in a few batched queries per 1,000 clients; the rules themselves are in
domain/requests.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, literal, or_, select, union
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from feedback_desk.domain.kinds import PromptOutcome, RequestState, ReviewKind
from feedback_desk.domain.localtime import format_local, months_before
from feedback_desk.domain.prompts import Booking, ClientHistory, PastPrompt, PastReview
from feedback_desk.domain.requests import (
    DueRequest,
    RequestHistory,
    RequestRules,
    due_request,
    history_since,
)
from feedback_desk.services.prompting.history import rules_from as prompt_rules_from
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    Client,
    Prompt,
    Review,
    ReviewRequest,
)
from feedback_desk.store.queries.instants import aware_utc

_CHUNK = 1000
_NIGHT = timedelta(hours=24)


def rules_from(settings: Settings) -> RequestRules:
    return RequestRules(
        tz=settings.timezone,
        prompts=prompt_rules_from(settings),
        delay_hours=settings.integer("requests.delay_hours"),
        earliest_hour=settings.integer("requests.earliest_hour"),
        latest_hour=settings.integer("requests.latest_hour"),
        email_every_days=settings.integer("requests.email_every_days"),
        expiry_hours=settings.integer("requests.expiry_hours"),
    )


def requests_active(settings: Settings) -> bool:
    return settings.flag("requests.email_enabled") and settings.flag("reviews.enabled")


def requestable(settings: Settings) -> list[ColumnElement[bool]]:
    """SQL conditions on Client: who may get a request, as they stand now (like invitations)."""
    conditions: list[ColumnElement[bool]] = [
        Client.email.is_not(None),
        Client.email != "",
        Client.unsubscribed_at.is_(None),
    ]
    if settings.flag("requests.require_consent"):
        conditions.append(Client.email_consent.is_(True))
    return conditions


@dataclass(frozen=True)
class PlannedRequest:
    client_id: int
    client: str
    due: DueRequest
    session: str | None

    @property
    def send_at(self) -> datetime:
        return self.due.send_at

    @property
    def kind(self) -> ReviewKind:
        return self.due.kind

    @property
    def dedup_key(self) -> str:
        return f"request:{self.client_id}:{self.due.dedup_suffix}"

    def as_json(self, settings: Settings) -> dict[str, Any]:
        return {
            "client": self.client,
            "kind": f"{self.kind.value}_review",
            "session": self.session,
            "send_at": format_local(self.send_at, settings.timezone),
            "channel": "email",
        }


def _longest_session_minutes(session: Session) -> int:
    return int(session.scalar(select(func.max(ClassSession.duration_min))) or 60)


def _candidates(
    session: Session, settings: Settings, rules: RequestRules, at: datetime, longest: int
) -> dict[int, str]:
    oldest_send = at - rules.expiry
    # A session that started before this ended too early for any request of it (a class
    # request's time is its end plus the delay, moved at most a night on) to be due at *at*.
    visits_from = (
        oldest_send - timedelta(hours=rules.delay_hours) - _NIGHT - timedelta(minutes=longest)
    )
    every = rules.prompts.business_every_months
    # Resets N months before the window make the business rule due again inside it.
    reset_from = months_before(oldest_send - _NIGHT, every, rules.tz)
    reset_to = months_before(at, every, rules.tz)
    recent = union(
        select(Attendance.client_id)
        .join(ClassSession, ClassSession.id == Attendance.session_id)
        .where(
            Attendance.present.is_(True),
            ClassSession.starts_at >= visits_from,
            ClassSession.starts_at <= at,
        ),
        select(Review.client_id).where(
            Review.kind == ReviewKind.BUSINESS,
            Review.created_at.between(reset_from, reset_to),
        ),
        select(Prompt.client_id).where(
            Prompt.kind == ReviewKind.BUSINESS,
            Prompt.outcome == PromptOutcome.IGNORED,
            Prompt.outcome_at.between(reset_from, reset_to),
        ),
        select(ReviewRequest.client_id).where(
            ReviewRequest.kind == ReviewKind.BUSINESS,
            ReviewRequest.queued_at.between(reset_from, reset_to),
        ),
    ).subquery()
    rows = session.execute(
        select(Client.id, Client.external_id).where(
            Client.id.in_(select(recent.c.client_id)), *requestable(settings)
        )
    ).all()
    return {row[0]: row[1] for row in rows}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


@dataclass
class _Gathered:
    bookings: list[Booking]
    reviews: list[PastReview]
    prompts: list[PastPrompt]


def _gather(
    session: Session, chunk: Sequence[int], at: datetime, since: datetime
) -> dict[int, _Gathered]:
    found: dict[int, _Gathered] = defaultdict(lambda: _Gathered([], [], []))
    sessions_of: dict[int, set[int]] = defaultdict(set)
    for client_id, session_id, starts, minutes, class_id, coach_id in session.execute(
        select(
            Attendance.client_id,
            ClassSession.id,
            ClassSession.starts_at,
            ClassSession.duration_min,
            ClassSession.class_id,
            ClassSession.coach_id,
        )
        .join(ClassSession, ClassSession.id == Attendance.session_id)
        .where(
            Attendance.client_id.in_(chunk),
            Attendance.present.is_(True),
            ClassSession.starts_at >= since,
            ClassSession.starts_at <= at,
        )
    ):
        ends = starts + timedelta(minutes=minutes)
        found[client_id].bookings.append(Booking(session_id, starts, ends, class_id, coach_id))
        sessions_of[client_id].add(session_id)
    review_rows = select(
        Review.client_id,
        Review.kind,
        Review.created_at,
        Review.session_id,
        ClassSession.class_id,
        ClassSession.coach_id,
    ).outerjoin(ClassSession, ClassSession.id == Review.session_id)
    all_sessions = [s for ids in sessions_of.values() for s in ids]
    conditions = [Review.created_at.between(since, at)]
    if all_sessions:
        conditions.append(Review.session_id.in_(all_sessions))
    for client_id, kind, created, reviewed, class_id, coach_id in session.execute(
        review_rows.where(Review.client_id.in_(chunk), Review.created_at <= at, or_(*conditions))
    ):
        found[client_id].reviews.append(PastReview(kind, created, reviewed, class_id, coach_id))
    for client_id, kind, shown, outcome, prompted, outcome_at in session.execute(
        select(
            Prompt.client_id,
            Prompt.kind,
            Prompt.shown_at,
            Prompt.outcome,
            Prompt.session_id,
            Prompt.outcome_at,
        ).where(Prompt.client_id.in_(chunk), Prompt.shown_at.between(since, at))
    ):
        found[client_id].prompts.append(PastPrompt(kind, shown, outcome, prompted, outcome_at))
    return found


def _latest(session: Session, query: Any) -> dict[int, datetime]:
    return {
        client_id: instant
        for client_id, raw in session.execute(query)
        if (instant := aware_utc(raw)) is not None
    }


def _attended_before(session: Session, chunk: Sequence[int], since: datetime) -> set[int]:
    earlier = exists(
        select(literal(1))
        .select_from(Attendance)
        .join(ClassSession, ClassSession.id == Attendance.session_id)
        .where(
            Attendance.client_id == Client.id,
            Attendance.present.is_(True),
            ClassSession.starts_at < since,
        )
    )
    return set(session.scalars(select(Client.id).where(Client.id.in_(chunk), earlier)))


def load_request_histories(
    session: Session, client_ids: Sequence[int], at: datetime, since: datetime
) -> dict[int, RequestHistory]:
    """What the request rules need of each client as of *at*, in a few queries per 1,000."""
    histories: dict[int, RequestHistory] = {}
    for chunk in _chunks(list(client_ids)):
        gathered = _gather(session, chunk, at, since)
        before = _attended_before(session, chunk, since)
        last_review = _latest(
            session,
            select(Review.client_id, func.max(Review.created_at))
            .where(
                Review.client_id.in_(chunk),
                Review.kind == ReviewKind.BUSINESS,
                Review.created_at <= at,
            )
            .group_by(Review.client_id),
        )
        last_ignore = _latest(
            session,
            select(Prompt.client_id, func.max(Prompt.outcome_at))
            .where(
                Prompt.client_id.in_(chunk),
                Prompt.kind == ReviewKind.BUSINESS,
                Prompt.outcome == PromptOutcome.IGNORED,
                Prompt.outcome_at <= at,
            )
            .group_by(Prompt.client_id),
        )
        spent = (
            ReviewRequest.client_id.in_(chunk),
            ReviewRequest.state != RequestState.CANCELLED,
            ReviewRequest.queued_at <= at,
        )
        contacted = func.max(func.coalesce(ReviewRequest.sent_at, ReviewRequest.queued_at))
        last_request = _latest(
            session,
            select(ReviewRequest.client_id, contacted)
            .where(*spent)
            .group_by(ReviewRequest.client_id),
        )
        last_business_request = _latest(
            session,
            select(ReviewRequest.client_id, contacted)
            .where(*spent, ReviewRequest.kind == ReviewKind.BUSINESS)
            .group_by(ReviewRequest.client_id),
        )
        requested: dict[int, set[int]] = defaultdict(set)
        for client_id, session_id in session.execute(
            select(ReviewRequest.client_id, ReviewRequest.session_id).where(
                ReviewRequest.client_id.in_(chunk),
                ReviewRequest.session_id.is_not(None),
                ReviewRequest.send_at >= since,
            )
        ):
            if session_id is not None:
                requested[client_id].add(session_id)
        for client_id in chunk:
            got = gathered.get(client_id) or _Gathered([], [], [])
            reviews = list(got.reviews)
            if client_id in last_review:
                reviews.append(PastReview(ReviewKind.BUSINESS, last_review[client_id]))
            prompts = list(got.prompts)
            if client_id in last_ignore:
                ignored_at = last_ignore[client_id]
                prompts.append(
                    PastPrompt(
                        ReviewKind.BUSINESS, ignored_at, PromptOutcome.IGNORED, None, ignored_at
                    )
                )
            attended_before = client_id in before
            present_ends = [b.ends_at for b in got.bookings]
            histories[client_id] = RequestHistory(
                history=ClientHistory(
                    bookings=got.bookings,
                    reviews=reviews,
                    prompts=prompts,
                    attended_before_window=attended_before,
                ),
                first_attendance_end=(
                    min(present_ends) if present_ends and not attended_before else None
                ),
                last_business_review=last_review.get(client_id),
                last_business_ignore=last_ignore.get(client_id),
                last_business_request=last_business_request.get(client_id),
                last_request=last_request.get(client_id),
                requested_sessions=frozenset(requested.get(client_id, ())),
            )
    return histories


def due_requests(session: Session, settings: Settings, at: datetime) -> list[PlannedRequest]:
    """The requests due at *at*, not yet queued, by send time then client id (reads only)."""
    if not requests_active(settings):
        return []
    rules = rules_from(settings)
    longest = _longest_session_minutes(session)
    since = history_since(at, rules, longest)
    candidates = _candidates(session, settings, rules, at, longest)
    histories = load_request_histories(session, list(candidates), at, since)
    planned = [
        PlannedRequest(client_id, candidates[client_id], due, None)
        for client_id, history in histories.items()
        if (due := due_request(history, rules, at)) is not None
    ]
    session_ids = [p.due.session_id for p in planned if p.due.session_id is not None]
    names = (
        dict(
            session.execute(
                select(ClassSession.id, ClassSession.external_id).where(
                    ClassSession.id.in_(session_ids)
                )
            ).all()
        )
        if session_ids
        else {}
    )
    planned = [
        PlannedRequest(p.client_id, p.client, p.due, names.get(p.due.session_id or 0))
        for p in planned
    ]
    return sorted(planned, key=lambda p: (p.send_at, p.client))
