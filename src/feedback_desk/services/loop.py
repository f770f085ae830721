"""Closing the loop (docs/rules.md#closing-the-loop): contacts on actions, follow-ups,
non-respondents, thanking the promoters, and whether clients came back happier after their
action was closed.

The Actions list itself (listing, closing) belongs to services/actions.py; this module only adds
to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from feedback_desk.domain.kinds import ContactChannel, MessageKind, PromptOutcome
from feedback_desk.domain.localtime import days_before, local_day
from feedback_desk.domain.segments import response_rate
from feedback_desk.errors import Said, UserInputError
from feedback_desk.services.drafts import Draft, draft_from_template
from feedback_desk.services.outbox.queue import commercial_refusal, queue_message
from feedback_desk.services.settings import Settings
from feedback_desk.services.templates.catalogue import LANGUAGES, TemplateName, get_template
from feedback_desk.services.templates.fill import (
    EmailContent,
    client_values,
    fill,
    language_for,
)
from feedback_desk.store.models import (
    Action,
    ActionContact,
    ActionFollowup,
    Client,
    InboundMessage,
    LoopDayRollup,
    Prompt,
    Review,
)
from feedback_desk.wording import Wording

MAX_NOTE_CHARS = 2000


# --- Contacts on an action ---------------------------------------------------------------------


@dataclass(frozen=True)
class ContactEntry:
    id: int
    contacted_at: datetime
    channel: ContactChannel
    note: str | None
    staff: str
    outbox_message_id: int | None


def _action(session: Session, action_id: int) -> Action:
    action = session.get(Action, action_id)
    if action is None:
        raise UserInputError(
            Wording(
                "there is no action {action_id}",
                action_id=action_id,
            )
        )
    return action


def action_client(session: Session, action: Action) -> Client:
    """The client an action is about: its review's, or the client whose reply opened it."""
    if action.review is not None:
        return action.review.client
    inbound = session.get_one(InboundMessage, action.inbound_message_id)
    return session.get_one(Client, inbound.client_id)


def action_for_review(session: Session, review_external_id: str) -> Action:
    action = session.scalar(
        select(Action).join(Review).where(Review.external_id == review_external_id.strip())
    )
    if action is None:
        raise UserInputError(
            Wording(
                "review {review_external_id!r} has no action to take",
                review_external_id=review_external_id,
            )
        )
    return action


def contacts(session: Session, action_id: int) -> list[ContactEntry]:
    rows = session.execute(
        select(
            ActionContact.id,
            ActionContact.contacted_at,
            ActionContact.channel,
            ActionContact.note,
            ActionContact.staff,
            ActionContact.outbox_message_id,
        )
        .where(ActionContact.action_id == action_id)
        .order_by(ActionContact.contacted_at, ActionContact.id)
    ).all()
    return [ContactEntry(*row) for row in rows]


def add_contact(
    session: Session,
    action_id: int,
    *,
    contacted_at: datetime,
    channel: ContactChannel,
    note: str | None,
    staff: str,
    at: datetime,
) -> ActionContact:
    """Log a contact with the client (a call, a talk at the desk...); never in the future."""
    _action(session, action_id)
    problems: list[Said] = []
    if contacted_at > at:
        problems.append(Wording("a contact cannot be dated in the future"))
    text = (note or "").strip()
    if len(text) > MAX_NOTE_CHARS:
        problems.append(
            Wording(
                "the note has {text_count} characters; at most {max_note_chars}",
                text_count=len(text),
                max_note_chars=MAX_NOTE_CHARS,
            )
        )
    if problems:
        raise UserInputError(problems)
    contact = ActionContact(
        action_id=action_id,
        contacted_at=contacted_at,
        channel=channel,
        note=text or None,
        staff=staff,
    )
    session.add(contact)
    session.flush()
    return contact


def draft_follow_up(session: Session, settings: Settings, action_id: int, *, at: datetime) -> Draft:
    """The "here is what we changed" email for the action's client, for staff to complete."""
    action = _action(session, action_id)
    review = action.review
    return draft_from_template(
        session,
        settings,
        TemplateName.FOLLOW_UP,
        kind=MessageKind.FOLLOW_UP,
        client=action_client(session, action),
        review=review,
        action=action,
        at=at,
    )


# --- Bulk messages: non-respondents, promoters ------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    client_id: int
    client: str
    name: str
    email: str | None
    # Why the client cannot get this commercial email, or None.
    refusal: Wording | None


@dataclass(frozen=True)
class NonRespondent(Recipient):
    prompts_shown: int = 0
    last_shown_at: datetime | None = None


@dataclass
class BulkReport:
    queued: int = 0
    already: int = 0
    skipped: list[Wording] = field(default_factory=list)


def nonrespondents(session: Session, settings: Settings, at: datetime) -> list[NonRespondent]:
    """Clients shown ``loop.nonrespondent_prompts`` prompts or more in the last
    ``loop.nonrespondent_days`` days who answered none; most prompts first."""
    since = days_before(at, settings.integer("loop.nonrespondent_days"), settings.timezone)
    answered = func.sum(case((Prompt.outcome == PromptOutcome.ANSWERED, 1), else_=0))
    shown = func.count(Prompt.id)
    per_client = (
        select(
            Prompt.client_id.label("client_id"),
            shown.label("shown"),
            func.max(Prompt.shown_at).label("last_shown"),
        )
        .where(Prompt.shown_at >= since, Prompt.shown_at <= at)
        .group_by(Prompt.client_id)
        .having(shown >= settings.integer("loop.nonrespondent_prompts"), answered == 0)
        .subquery()
    )
    rows = session.execute(
        select(Client, per_client.c.shown, per_client.c.last_shown)
        .join(per_client, per_client.c.client_id == Client.id)
        .order_by(per_client.c.shown.desc(), Client.external_id)
    ).all()
    return [
        NonRespondent(
            client.id,
            client.external_id,
            client.full_name,
            client.email,
            commercial_refusal(client, at),
            prompts_shown=int(count),
            last_shown_at=_aware(last),
        )
        for client, count, last in rows
    ]


def _aware(value: datetime | str | None) -> datetime | None:
    """MAX() over a UTC column comes back raw on SQLite: make it the aware UTC instant."""
    if value is None:
        return None
    instant = datetime.fromisoformat(value) if isinstance(value, str) else value
    return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)


def promoters(
    session: Session, settings: Settings, first: date, last: date, *, at: datetime
) -> list[Recipient]:
    """Clients with a 5-star review dated in the local days *first* to *last*."""
    ids = select(Review.client_id).where(
        Review.stars == 5, Review.local_day >= first, Review.local_day <= last
    )
    clients = session.scalars(
        select(Client).where(Client.id.in_(ids.distinct())).order_by(Client.external_id)
    ).all()
    return [
        Recipient(c.id, c.external_id, c.full_name, c.email, commercial_refusal(c, at))
        for c in clients
    ]


def _send_bulk(
    session: Session,
    settings: Settings,
    recipients: list[Recipient],
    *,
    template: TemplateName,
    kind: MessageKind,
    dedup: str,
    at: datetime,
    actor: str,
) -> BulkReport:
    report = BulkReport()
    for recipient in recipients:
        if recipient.refusal is not None:
            report.skipped.append(_skipped(recipient.client, recipient.refusal))
            continue
        client = session.get(Client, recipient.client_id)
        assert client is not None
        language = language_for(client, settings)
        content = fill(
            get_template(session, template, language),
            settings=settings,
            client=client,
            values=client_values(client, settings),
        )
        try:
            with session.begin_nested():
                queued = queue_message(
                    session,
                    kind=kind,
                    recipients=[client.email or ""],
                    content=content,
                    at=at,
                    client=client,
                    dedup_key=f"{dedup}:{client.id}",
                    actor=actor,
                )
        except UserInputError as exc:
            report.skipped.append(_skipped(recipient.client, Wording.joined(exc.wordings, "; ")))
            continue
        if queued.created:
            report.queued += 1
        else:
            report.already += 1
    return report


def bulk_preview(
    session: Session, settings: Settings, template: TemplateName, client_id: int
) -> dict[str, EmailContent]:
    """The bulk email in each language, filled for the client *client_id* as a bulk send would
    fill it (what staff read before queueing; each client gets it in their own language)."""
    client = session.get(Client, client_id)
    if client is None:
        raise UserInputError(
            Wording(
                "there is no client {client_id}",
                client_id=client_id,
            )
        )
    values = client_values(client, settings)
    return {
        language: fill(
            get_template(session, template, language),
            settings=settings,
            client=client,
            values=values,
        )
        for language in LANGUAGES
    }


def send_outreach(
    session: Session,
    settings: Settings,
    recipients: list[Recipient],
    *,
    at: datetime,
    actor: str,
) -> BulkReport:
    """The non-respondent outreach to each recipient that may get it (once a day at most)."""
    day = local_day(at, settings.timezone).isoformat()
    return _send_bulk(
        session,
        settings,
        recipients,
        template=TemplateName.OUTREACH,
        kind=MessageKind.OUTREACH,
        dedup=f"outreach:{day}",
        at=at,
        actor=actor,
    )


def thank_promoters(
    session: Session,
    settings: Settings,
    first: date,
    last: date,
    *,
    at: datetime,
    actor: str,
) -> BulkReport:
    """Thank (and ask for referrals) every promoter of the period; once per period."""
    chosen = promoters(session, settings, first, last, at=at)
    return thank(session, settings, chosen, first, last, at=at, actor=actor)


def thank(
    session: Session,
    settings: Settings,
    recipients: list[Recipient],
    first: date,
    last: date,
    *,
    at: datetime,
    actor: str,
) -> BulkReport:
    """The thank-you email to the chosen promoters of the period (once per client and period)."""
    return _send_bulk(
        session,
        settings,
        recipients,
        template=TemplateName.THANKS,
        kind=MessageKind.THANKS,
        dedup=f"thanks:{first.isoformat()}:{last.isoformat()}",
        at=at,
        actor=actor,
    )


# --- Did closing the loop work? ------------------------------------------------------------


@dataclass(frozen=True)
class ClosedActionOutcome:
    action_id: int
    review: str
    client: str
    stars: int
    closed_at: datetime
    next_review: str | None
    next_stars: int | None

    @property
    def improved(self) -> bool | None:
        """None while the client has not reviewed again since the action was closed."""
        return None if self.next_stars is None else self.next_stars > self.stars


@dataclass(frozen=True)
class ImprovementShare:
    closed: int
    with_next_review: int
    improved: int

    @property
    def share(self) -> float | None:
        """Improved ÷ closed actions whose client reviewed again (3 decimals); None when none."""
        return response_rate(self.improved, self.with_next_review)


def _next_review_id(at: datetime) -> Any:
    """The client's first review dated after the action was closed (an index seek per action
    on ``ix_reviews_client_created``), correlated to the outer Action and Review."""
    later = aliased(Review)
    return (
        select(later.id)
        .where(
            later.client_id == Review.client_id,
            later.created_at > Action.closed_at,
            later.created_at <= at,
        )
        .order_by(later.created_at, later.id)
        .limit(1)
        .correlate(Action, Review)
        .scalar_subquery()
    )


def _closed_by(at: datetime) -> Any:
    return (Action.closed_at.is_not(None), Action.closed_at <= at)


def closed_action_outcomes(session: Session, *, at: datetime) -> list[ClosedActionOutcome]:
    """Every action closed by *at*, with the client's first review dated after the closing."""
    following = aliased(Review)
    base = (
        select(
            Action.id.label("action_id"),
            Review.external_id.label("review"),
            Client.external_id.label("client"),
            Review.stars.label("stars"),
            Action.closed_at.label("closed_at"),
            _next_review_id(at).label("next_id"),
        )
        .join(Review, Review.id == Action.review_id)
        .join(Client, Client.id == Review.client_id)
        .where(*_closed_by(at))
        .subquery()
    )
    rows = session.execute(
        select(
            base.c.action_id,
            base.c.review,
            base.c.client,
            base.c.stars,
            base.c.closed_at,
            following.external_id,
            following.stars,
        )
        .outerjoin(following, following.id == base.c.next_id)
        .order_by(base.c.closed_at.desc(), base.c.action_id.desc())
    ).all()
    return [
        ClosedActionOutcome(
            int(action_id), review, client, int(stars), _aware(closed) or at, nxt, nxt_stars
        )
        for action_id, review, client, stars, closed, nxt, nxt_stars in rows
    ]


def improvement_share(session: Session, *, at: datetime) -> ImprovementShare:
    """The Overview's figure: of the closed actions whose client reviewed again, how many
    came back with more stars.

    Read from what the triggers keep (store/models/loop.py): the daily counts of the UTC days
    before *at*'s, plus *at*'s own day from the followups, up to *at* itself.
    """
    day = at.astimezone(UTC).date()
    day_start = datetime.combine(day, time(), UTC)
    closed, followed, improved = session.execute(
        select(
            func.coalesce(func.sum(LoopDayRollup.closed), 0),
            func.coalesce(func.sum(LoopDayRollup.followed), 0),
            func.coalesce(func.sum(LoopDayRollup.improved), 0),
        ).where(LoopDayRollup.utc_day < day)
    ).one()
    closed += (
        session.scalar(
            select(func.count()).where(
                ActionFollowup.closed_at >= day_start, ActionFollowup.closed_at <= at
            )
        )
        or 0
    )
    followed_today, improved_today = session.execute(
        select(
            func.count(),
            func.coalesce(
                func.sum(case((ActionFollowup.next_stars > ActionFollowup.stars, 1), else_=0)), 0
            ),
        ).where(ActionFollowup.next_review_at >= day_start, ActionFollowup.next_review_at <= at)
    ).one()
    return ImprovementShare(
        int(closed), int(followed) + int(followed_today), int(improved) + int(improved_today)
    )


def _skipped(client: str, why: Wording) -> Wording:
    return Wording("{client}: {why}", client=client, why=why)
