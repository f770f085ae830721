"""Actions to take: every review of 3 stars or fewer stays open until staff close it, and so
does the action a client's reply to the non-respondent outreach opened (no review: the reply
names it).

Closing needs an outcome and takes a note; both, with who and when, stay on the action and in the
audit log. Bulk closing (for imported history) closes everything opened for reviews dated before a
chosen local day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, func, select, update
from sqlalchemy.orm import Session, aliased

from feedback_desk.domain.kinds import ActionOutcome, ReviewKind
from feedback_desk.domain.segments import is_at_risk
from feedback_desk.domain.state_words import state_word
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import (
    Action,
    ClassSession,
    ClassType,
    Client,
    Coach,
    InboundMessage,
    Review,
)
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class OpenAction:
    """One line of the Actions list: the review, its client, and where it happened."""

    action_id: int
    review_id: int
    review: str  # the studio's (or the app's) review id
    client_id: int
    client: str
    client_name: str
    kind: ReviewKind
    stars: int
    at: datetime  # the review's date
    comment: str | None
    class_name: str | None
    coach_name: str | None
    opened_at: datetime
    edited_manually: bool


@dataclass(frozen=True)
class ReplyAction:
    """An open action with no review: the client's reply to the outreach opened it."""

    action_id: int
    inbound_message_id: int
    client_id: int
    client: str
    client_name: str
    received_at: datetime
    subject: str
    text: str
    opened_at: datetime


def open_action_if_at_risk(session: Session, review: Review, *, at: datetime) -> Action | None:
    """Open the review's action when its stars are 3 or fewer and none exists yet."""
    if not is_at_risk(review.stars):
        return None
    existing = session.scalar(select(Action).where(Action.review_id == review.id))
    if existing is not None:
        return existing
    action = Action(review_id=review.id, opened_at=at)
    session.add(action)
    return action


def ensure_open_action(
    session: Session, review: Review, *, at: datetime, actor: str
) -> tuple[Action, bool]:
    """An open action for *review*: a new one, or its closed one reopened (audit-logged).

    Also says whether anything was opened (False when the action was open already).
    """
    action = session.scalar(select(Action).where(Action.review_id == review.id))
    if action is None:
        action = Action(review_id=review.id, opened_at=at)
        session.add(action)
        session.flush()
        return action, True
    if action.closed_at is None:
        return action, False
    audit.record(
        session,
        at=at,
        actor=actor,
        action="action.reopened",
        entity_type="review",
        entity_id=review.external_id,
        old_outcome=action.outcome,
        old_note=action.note,
        old_closed_at=action.closed_at.isoformat(),
        old_closed_by=action.closed_by,
    )
    action.closed_at = None
    action.closed_by = None
    action.outcome = None
    action.note = None
    action.opened_at = at
    return action, True


def _open_actions_query() -> Select[Action, Review, Client, str, str, str]:
    coach = aliased(Coach)
    return (
        select(
            Action,
            Review,
            Client,
            ClassType.name,
            coach.first_name,
            coach.last_name,
        )
        .join(Review, Review.id == Action.review_id)
        .join(Client, Client.id == Review.client_id)
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(ClassType, ClassType.id == ClassSession.class_id)
        .outerjoin(coach, coach.id == ClassSession.coach_id)
        .where(Action.closed_at.is_(None))
    )


def list_open_actions(
    session: Session, *, limit: int | None = None, client_id: int | None = None
) -> list[OpenAction]:
    """Open actions, newest review first (then by review id, for a stable order).

    The page is chosen first over actions and their reviews' dates only; clients, sessions,
    classes and coaches are joined to the chosen rows alone (thousands of actions stay open in a
    big studio, the Overview shows 30)."""
    newest_first = (Review.created_at.desc(), Review.external_id.desc())
    stmt = _open_actions_query().order_by(*newest_first)
    if client_id is not None:
        stmt = stmt.where(Review.client_id == client_id)
    if limit is not None:
        page = (
            select(Action.id)
            .join(Review, Review.id == Action.review_id)
            .where(Action.closed_at.is_(None))
            .order_by(*newest_first)
            .limit(limit)
        )
        if client_id is not None:
            page = page.where(Review.client_id == client_id)
        stmt = stmt.where(Action.id.in_(page))
    entries = []
    for action, review, client, class_name, coach_first, coach_last in session.execute(stmt):
        coach_name = f"{coach_first} {coach_last}".strip() if coach_first is not None else None
        entries.append(
            OpenAction(
                action_id=action.id,
                review_id=review.id,
                review=review.external_id,
                client_id=client.id,
                client=client.external_id,
                client_name=client.full_name,
                kind=review.kind,
                stars=review.stars,
                at=review.created_at,
                comment=review.comment,
                class_name=class_name,
                coach_name=coach_name,
                opened_at=action.opened_at,
                edited_manually=review.edited_manually,
            )
        )
    return entries


def list_open_reply_actions(
    session: Session, *, limit: int | None = None, client_id: int | None = None
) -> list[ReplyAction]:
    """Open actions opened by a reply (no review), newest reply first."""
    stmt = (
        select(Action.id, Action.opened_at, InboundMessage, Client)
        .join(InboundMessage, InboundMessage.id == Action.inbound_message_id)
        .join(Client, Client.id == InboundMessage.client_id)
        .where(Action.closed_at.is_(None), Action.review_id.is_(None))
        .order_by(InboundMessage.received_at.desc(), Action.id.desc())
    )
    if client_id is not None:
        stmt = stmt.where(InboundMessage.client_id == client_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        ReplyAction(
            action_id=action_id,
            inbound_message_id=message.id,
            client_id=client.id,
            client=client.external_id,
            client_name=client.full_name,
            received_at=message.received_at,
            subject=message.subject,
            text=message.text,
            opened_at=opened_at,
        )
        for action_id, opened_at, message, client in session.execute(stmt)
    ]


def count_open_actions(session: Session) -> int:
    return session.scalar(select(func.count()).where(Action.closed_at.is_(None))) or 0


def close_action(
    session: Session,
    review_ref: str,
    outcome: ActionOutcome,
    note: str | None,
    *,
    at: datetime,
    actor: str,
) -> Action:
    """Close the action of the review called *review_ref*; UserInputError when there is none."""
    review = session.scalar(select(Review).where(Review.external_id == review_ref))
    if review is None:
        raise UserInputError(
            Wording(
                "unknown review {review_ref!r}",
                review_ref=review_ref,
            )
        )
    action = session.scalar(select(Action).where(Action.review_id == review.id))
    if action is None:
        raise UserInputError(
            Wording(
                "review {review_ref} has no action to take (it has {stars} stars)",
                review_ref=review_ref,
                stars=review.stars,
            )
        )
    if action.closed_at is not None:
        raise UserInputError(
            Wording(
                "the action of review {review_ref} is already closed ({outcome} by "
                "{closed_by} on {closed_at:%Y-%m-%d})",
                review_ref=review_ref,
                outcome=state_word(action.outcome) if action.outcome else "",
                closed_by=action.closed_by,
                closed_at=action.closed_at,
            )
        )
    cleaned = (note or "").strip() or None
    action.closed_at = at
    action.closed_by = actor
    action.outcome = outcome
    action.note = cleaned
    audit.record(
        session,
        at=at,
        actor=actor,
        action="action.closed",
        entity_type="review",
        entity_id=review.external_id,
        outcome=outcome.value,
        note=cleaned,
    )
    return action


def count_open_before(session: Session, day: date) -> int:
    """Open actions whose review is dated before the local *day* (what a bulk close would close)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(Action)
            .join(Review, Review.id == Action.review_id)
            .where(Action.closed_at.is_(None), Review.local_day < day)
        )
        or 0
    )


def close_actions_before(
    session: Session,
    day: date,
    outcome: ActionOutcome,
    note: str | None,
    *,
    at: datetime,
    actor: str,
) -> int:
    """Close every open action whose review is dated before the local *day*; returns how many.

    One UPDATE, however many actions (imported history can hold thousands); the audit log keeps
    one entry saying what was closed, and each action keeps its outcome, note, who and when.
    """
    cleaned = (note or "").strip() or None
    result = session.execute(
        update(Action)
        .where(
            Action.closed_at.is_(None),
            Action.review_id.in_(select(Review.id).where(Review.local_day < day)),
        )
        .values(closed_at=at, closed_by=actor, outcome=outcome, note=cleaned)
        .execution_options(synchronize_session=False)
    )
    closed = int(getattr(result, "rowcount", 0) or 0)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="actions.closed_before",
        entity_type="action",
        entity_id=f"before {day.isoformat()}",
        closed=closed,
        outcome=outcome.value,
        note=cleaned,
    )
    return closed
