"""Google invitations: who is due one at T (``invitations --at T``) and queueing them.

Only clients who could be due are looked at: invitable ones (email, consent, not unsubscribed, not
considered to have reviewed on Google) with a trigger recent enough not to be stale, i.e. a
5-star review or an attended session since the day before T minus the expiry. Their histories are
read in a few batched queries; the rules themselves are in domain/invitations.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from feedback_desk.domain.invitations import (
    ClientHistory,
    InvitationRules,
    QueuedInvitation,
    ReviewFact,
    SessionFact,
    Trigger,
    due_invitation,
)
from feedback_desk.domain.kinds import InvitationReason, MessageKind, OutboxState
from feedback_desk.domain.localtime import day_start, days_before, format_local, local_day
from feedback_desk.errors import UserInputError
from feedback_desk.services.outbox.queue import Queued, queue_message
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import Template, TemplateName, get_template
from feedback_desk.services.templates.fill import client_values, fill, language_for
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    Client,
    GoogleLink,
    Invitation,
    OutboxMessage,
    Review,
)
from feedback_desk.wording import Wording

_CHUNK = 500
_SETTLED = (OutboxState.SENT, OutboxState.FAILED, OutboxState.CANCELLED)


def rules_from(settings: Settings) -> InvitationRules:
    return InvitationRules(
        mode=InvitationReason(settings.text("google.invitation_mode")),
        sessions_needed=settings.integer("google.invitation_sessions"),
        reinvite_months=settings.integer("google.reinvite_months"),
        hour=settings.integer("google.invitation_hour"),
        expiry_days=settings.integer("google.invitation_expiry_days"),
        tz=settings.timezone,
    )


def invitations_active(settings: Settings) -> bool:
    return bool(settings.text("google.review_link").strip())


@dataclass(frozen=True)
class DueInvitation:
    client_id: int
    client: str
    trigger: Trigger

    @property
    def send_at(self) -> datetime:
        return self.trigger.send_at

    @property
    def reason(self) -> InvitationReason:
        return self.trigger.reason

    @property
    def dedup_key(self) -> str:
        return f"invitation:{self.client_id}:{self.trigger.dedup_suffix}"

    def as_json(self, settings: Settings) -> dict[str, str]:
        return {
            "client": self.client,
            "send_at": format_local(self.send_at, settings.timezone),
            "channel": "email",
            "reason": self.reason.value,
        }


def invitable() -> list[ColumnElement[bool]]:
    """SQL conditions: email, consent, not unsubscribed, not considered reviewed on Google.

    These are the client's standing *now*, whatever T: unsubscribing, marking and linking are
    requests that hold from the moment they are made (their commands take no ``--at``), and a
    client who asked for no more email must not get one because a run looks at an earlier T.
    """
    linked = exists().where(GoogleLink.client_id == Client.id)
    return [
        Client.email.is_not(None),
        Client.email != "",
        Client.email_consent.is_(True),
        Client.unsubscribed_at.is_(None),
        Client.google_reviewed_marked_at.is_(None),
        ~linked,
    ]


def _window_start(rules: InvitationRules, at: datetime) -> datetime:
    """No trigger before this can still be due at *at*: its send time would be stale."""
    oldest_send = days_before(at, rules.expiry_days, rules.tz)
    return day_start(local_day(oldest_send, rules.tz) - timedelta(days=1), rules.tz)


def candidate_clients(session: Session, rules: InvitationRules, at: datetime) -> dict[int, str]:
    since = _window_start(rules, at)
    if rules.mode is InvitationReason.FIVE_STAR_PAIR:
        recent = select(Review.client_id).where(
            Review.stars == 5, Review.created_at >= since, Review.created_at <= at
        )
    else:
        recent = (
            select(Attendance.client_id)
            .join(ClassSession, ClassSession.id == Attendance.session_id)
            .where(
                Attendance.present.is_(True),
                ClassSession.starts_at >= since,
                ClassSession.starts_at <= at,
            )
        )
    rows = session.execute(
        select(Client.id, Client.external_id).where(
            Client.id.in_(recent.distinct().scalar_subquery()), *invitable()
        )
    ).all()
    return {row[0]: row[1] for row in rows}


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _queued_invitations(
    session: Session, chunk: Sequence[int], at: datetime
) -> dict[int, list[QueuedInvitation]]:
    trigger_review = Review.__table__.alias("trigger_review")
    trigger_session = ClassSession.__table__.alias("trigger_session")
    found: dict[int, list[QueuedInvitation]] = defaultdict(list)
    for client_id, trigger_at, queued_at, state, sent_at in session.execute(
        select(
            Invitation.client_id,
            func.coalesce(
                trigger_review.c.created_at, trigger_session.c.starts_at, Invitation.send_at
            ),
            Invitation.queued_at,
            OutboxMessage.state,
            OutboxMessage.sent_at,
        )
        .outerjoin(trigger_review, trigger_review.c.id == Invitation.trigger_review_id)
        .outerjoin(trigger_session, trigger_session.c.id == Invitation.trigger_session_id)
        .outerjoin(OutboxMessage, OutboxMessage.id == Invitation.outbox_message_id)
        .where(Invitation.client_id.in_(chunk), Invitation.queued_at <= at)
    ):
        found[client_id].append(
            QueuedInvitation(
                trigger_at=_aware(trigger_at),
                queued_at=queued_at,
                sent_at=sent_at if state is OutboxState.SENT else None,
                settled=state is None or state in _SETTLED,
            )
        )
    return found


def _reviews(session: Session, chunk: Sequence[int], at: datetime) -> dict[int, list[ReviewFact]]:
    found: dict[int, list[ReviewFact]] = defaultdict(list)
    for client_id, ref, created, stars in session.execute(
        select(Review.client_id, Review.id, Review.created_at, Review.stars).where(
            Review.client_id.in_(chunk), Review.created_at <= at
        )
    ):
        found[client_id].append(ReviewFact(ref, created, stars))
    return found


def _attended(
    session: Session, chunk: Sequence[int], at: datetime, since: datetime | None = None
) -> dict[int, list[SessionFact]]:
    query = (
        select(Attendance.client_id, ClassSession.id, ClassSession.starts_at)
        .join(ClassSession, ClassSession.id == Attendance.session_id)
        .where(
            Attendance.client_id.in_(chunk),
            Attendance.present.is_(True),
            ClassSession.starts_at <= at,
        )
    )
    if since is not None:
        query = query.where(ClassSession.starts_at >= since)
    found: dict[int, list[SessionFact]] = defaultdict(list)
    for client_id, ref, starts in session.execute(query):
        found[client_id].append(SessionFact(ref, starts))
    return found


def _sessions_for(
    session: Session,
    chunk: Sequence[int],
    invitations: dict[int, list[QueuedInvitation]],
    rules: InvitationRules,
    at: datetime,
) -> dict[int, list[SessionFact]]:
    """Only the attendance that can matter. A client never invited is due only when their Nth
    session is recent: one with N sessions before the window is skipped without reading them.
    A client invited before counts only from that invitation on."""
    since = _window_start(rules, at)
    last_sent = {
        client_id: max(sent)
        for client_id, queued in invitations.items()
        if (sent := [i.sent_at for i in queued if i.sent_at is not None and i.sent_at <= at])
    }
    never = [c for c in chunk if c not in last_sent]
    old_counts = dict(
        session.execute(
            select(Attendance.client_id, func.count())
            .join(ClassSession, ClassSession.id == Attendance.session_id)
            .where(
                Attendance.client_id.in_(never),
                Attendance.present.is_(True),
                ClassSession.starts_at < since,
            )
            .group_by(Attendance.client_id)
        ).all()
    )
    fresh = [c for c in never if old_counts.get(c, 0) < rules.sessions_needed]
    found = _attended(session, fresh, at) if fresh else {}
    invited = [c for c in chunk if c in last_sent]
    if invited:
        earliest = min(last_sent[c] for c in invited)
        for client_id, attended in _attended(session, invited, at, earliest).items():
            found[client_id] = [s for s in attended if s.starts_at > last_sent[client_id]]
    return found


def load_histories(
    session: Session, client_ids: Sequence[int], rules: InvitationRules, at: datetime
) -> dict[int, ClientHistory]:
    """What the rules need of each client's history as of *at*, in a few queries per 500."""
    histories: dict[int, ClientHistory] = {}
    for chunk in _chunks(list(client_ids)):
        invitations = _queued_invitations(session, chunk, at)
        if rules.mode is InvitationReason.FIVE_STAR_PAIR:
            reviews = _reviews(session, chunk, at)
            sessions: dict[int, list[SessionFact]] = {}
        else:
            reviews = {}
            sessions = _sessions_for(session, chunk, invitations, rules, at)
        for client_id in chunk:
            histories[client_id] = ClientHistory(
                reviews.get(client_id, []),
                sessions.get(client_id, []),
                invitations.get(client_id, []),
            )
    return histories


def _aware(value: datetime | str) -> datetime:
    """COALESCE over UTC columns comes back raw on SQLite: make it the aware UTC instant."""
    from datetime import UTC

    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


def due_invitations(session: Session, settings: Settings, at: datetime) -> list[DueInvitation]:
    """The invitations due at *at*, by send time then client id (reads only)."""
    if not invitations_active(settings):
        return []
    rules = rules_from(settings)
    candidates = candidate_clients(session, rules, at)
    histories = load_histories(session, list(candidates), rules, at)
    due = []
    for client_id, history in histories.items():
        trigger = due_invitation(history, rules, at)
        if trigger is not None:
            due.append(DueInvitation(client_id, candidates[client_id], trigger))
    return sorted(due, key=lambda d: (d.send_at, d.client))


@dataclass
class QueueingReport:
    queued: int = 0
    skipped: list[Wording] = field(default_factory=list)


def queue_invitation(
    session: Session,
    settings: Settings,
    due: DueInvitation,
    *,
    at: datetime,
    actor: str,
    template: Template | None = None,
) -> Queued | None:
    """Queue one due invitation: its outbox message and the Invitation row that marks the
    trigger spent. None when the outbox already holds it (same client and trigger).
    UserInputError when the message cannot be made (e.g. the address is refused)."""
    client = session.get(Client, due.client_id)
    assert client is not None
    content = fill(
        template or get_template(session, TemplateName.INVITATION, language_for(client, settings)),
        settings=settings,
        client=client,
        values=client_values(client, settings),
    )
    review = (
        session.get(Review, due.trigger.ref)
        if due.reason is InvitationReason.FIVE_STAR_PAIR
        else None
    )
    queued = queue_message(
        session,
        kind=MessageKind.INVITATION,
        recipients=[client.email or ""],
        content=content,
        at=at,
        scheduled_at=due.send_at,
        client=client,
        review=review,
        dedup_key=due.dedup_key,
        actor=actor,
    )
    if not queued.created:
        return None
    session.add(
        Invitation(
            client_id=client.id,
            reason=due.reason,
            trigger_review_id=review.id if review is not None else None,
            trigger_session_id=due.trigger.ref if review is None else None,
            send_at=due.send_at,
            queued_at=at,
            outbox_message_id=queued.message.id,
            dedup_key=due.dedup_key,
        )
    )
    return queued


def queue_due_invitations(
    session: Session, settings: Settings, at: datetime, *, actor: str
) -> QueueingReport:
    """Queue every invitation due at *at*: an Invitation row and its outbox message, once."""
    report = QueueingReport()
    for due in due_invitations(session, settings, at):
        try:
            with session.begin_nested():
                queued = queue_invitation(session, settings, due, at=at, actor=actor)
        except UserInputError as exc:
            report.skipped.append(
                Wording(
                    "{client}: {why}", client=due.client, why=Wording.joined(exc.wordings, "; ")
                )
            )
            continue
        if queued is not None:
            report.queued += 1
    return report
