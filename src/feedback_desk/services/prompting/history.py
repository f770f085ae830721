"""What is due for a client at T: the minimal slice of history the rules need, read with indexed
range queries (never the client's whole history):

- attendance in the 7 days before T, joined to the sessions (``ix_attendance_client_session``);
- whether an earlier attended session exists (one row, ``LIMIT 1``);
- the client's reviews in those 7 days and any review of those sessions
  (``ix_reviews_client_created``, ``ix_reviews_session``), plus one business review in the
  cadence window;
- the client's prompts of those 7 days and the latest ignored business prompt
  (``ix_prompts_client_shown``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import literal, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.prompts import (
    Booking,
    ClientHistory,
    DuePrompt,
    PastPrompt,
    PastReview,
    PromptRules,
    Windows,
    due_prompt,
    windows,
)
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import Attendance, ClassSession, Prompt, Review

IGNORE_SLACK = timedelta(days=1)


def rules_from(settings: Settings) -> PromptRules:
    return PromptRules(
        enabled=settings.flag("reviews.enabled"),
        class_enabled=settings.flag("reviews.class_enabled"),
        business_enabled=settings.flag("reviews.business_enabled"),
        business_every_months=settings.integer("reviews.business_every_months"),
    )


def _bookings(session: Session, client_id: int, w: Windows) -> list[Booking]:
    rows = session.execute(
        select(
            ClassSession.id,
            ClassSession.starts_at,
            ClassSession.duration_min,
            ClassSession.class_id,
            ClassSession.coach_id,
        )
        .join(Attendance, Attendance.session_id == ClassSession.id)
        .where(
            Attendance.client_id == client_id,
            Attendance.present.is_(True),
            ClassSession.starts_at >= w.class_since,
            ClassSession.starts_at <= w.at,
        )
    ).all()
    return [
        Booking(
            session_id=row.id,
            starts_at=row.starts_at,
            ends_at=row.starts_at + timedelta(minutes=row.duration_min),
            class_id=row.class_id,
            coach_id=row.coach_id,
        )
        for row in rows
    ]


def _attended_before_window(session: Session, client_id: int, w: Windows) -> bool:
    """An attended session started before the window and ended by T.

    A session that started before the window and lasts no longer than the window has ended by
    T; sessions are classes (minutes or hours), so that bound never leaves one out in practice.
    """
    span_minutes = int((w.at - w.class_since).total_seconds() // 60)
    found = session.scalar(
        select(literal(1))
        .select_from(Attendance)
        .join(ClassSession, ClassSession.id == Attendance.session_id)
        .where(
            Attendance.client_id == client_id,
            Attendance.present.is_(True),
            ClassSession.starts_at < w.class_since,
            ClassSession.duration_min <= span_minutes,
        )
        .limit(1)
    )
    return found is not None


def _reviews(
    session: Session, client_id: int, w: Windows, session_ids: Sequence[int]
) -> list[PastReview]:
    base = select(
        Review.kind,
        Review.created_at,
        Review.session_id,
        ClassSession.class_id,
        ClassSession.coach_id,
    ).outerjoin(ClassSession, ClassSession.id == Review.session_id)
    recent = session.execute(
        base.where(
            Review.client_id == client_id,
            Review.created_at >= w.class_since,
            Review.created_at <= w.at,
        )
    ).all()
    of_sessions = (
        session.execute(
            base.where(
                Review.client_id == client_id,
                Review.session_id.in_(session_ids),
                Review.created_at < w.class_since,
            )
        ).all()
        if session_ids
        else []
    )
    business = session.execute(
        base.where(
            Review.client_id == client_id,
            Review.kind == ReviewKind.BUSINESS,
            Review.created_at >= w.business_since,
            Review.created_at < w.class_since,
        ).limit(1)
    ).all()
    return [
        PastReview(
            kind=row.kind,
            created_at=row.created_at,
            session_id=row.session_id,
            class_id=row.class_id,
            coach_id=row.coach_id,
        )
        for row in [*recent, *of_sessions, *business]
    ]


def _prompt_from_row(row: Prompt) -> PastPrompt:
    return PastPrompt(
        kind=row.kind,
        shown_at=row.shown_at,
        outcome=row.outcome,
        session_id=row.session_id,
        outcome_at=row.outcome_at,
    )


def _prompts(session: Session, client_id: int, w: Windows) -> list[PastPrompt]:
    recent = session.scalars(
        select(Prompt).where(
            Prompt.client_id == client_id,
            Prompt.shown_at >= w.class_since,
            Prompt.shown_at <= w.at,
        )
    ).all()
    # An ignore is given during the visit its prompt was shown in (the kiosk resets after a
    # minute without a touch; `answer` records both at T), so a day of slack before the cadence
    # window finds every ignore dated in it while keeping the read a bounded index range.
    last_business_ignore = session.scalars(
        select(Prompt)
        .where(
            Prompt.client_id == client_id,
            Prompt.shown_at >= w.business_since - IGNORE_SLACK,
            Prompt.shown_at < w.class_since,
            Prompt.kind == ReviewKind.BUSINESS,
            Prompt.outcome == PromptOutcome.IGNORED,
        )
        .order_by(Prompt.shown_at.desc())
        .limit(1)
    ).all()
    return [_prompt_from_row(p) for p in [*recent, *last_business_ignore]]


def load_history(session: Session, client_id: int, w: Windows) -> ClientHistory:
    """What the rules need to know about the client at ``w.at``, and nothing more."""
    bookings = _bookings(session, client_id, w)
    ended_in_window = any(b.ends_at <= w.at for b in bookings)
    return ClientHistory(
        bookings=bookings,
        reviews=_reviews(session, client_id, w, [b.session_id for b in bookings]),
        prompts=_prompts(session, client_id, w),
        attended_before_window=(
            not ended_in_window and _attended_before_window(session, client_id, w)
        ),
    )


def due_for(session: Session, settings: Settings, client_id: int, at: datetime) -> DuePrompt | None:
    """The prompt due for the client at *at* (records nothing)."""
    rules = rules_from(settings)
    if not rules.enabled:
        return None
    tz = settings.timezone
    history = load_history(session, client_id, windows(at, tz, rules))
    return due_prompt(history, at, tz, rules)
