"""Inviting several clients at once, from a filtered list (Clients → Invite to recommend…).

Each invitation is individual: its own row, its own email (when the client may get one), each in
its own savepoint, so one that cannot be made skips that client only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.localtime import months_before
from feedback_desk.domain.testimonials import TestimonialState, expires_at, is_open
from feedback_desk.domain.text import fold
from feedback_desk.errors import UserInputError
from feedback_desk.services.outbox.queue import unsubscribable_refusal
from feedback_desk.services.requests.content import new_token
from feedback_desk.services.settings import Settings
from feedback_desk.services.testimonials.invitations import expiry_days, invite
from feedback_desk.store.models import Client, Review, Testimonial
from feedback_desk.wording import Wording

LIST_LIMIT = 500
# "Promoters": a 5-star review (seed 001's promoters) within this many months.
PROMOTER_MONTHS = 3


@dataclass(frozen=True)
class ClientFilter:
    text: str = ""
    promoters_only: bool = False
    reachable_only: bool = False
    # Exactly these clients (the client card), whatever else the filter says.
    client_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Candidate:
    client_id: int
    client: str
    name: str
    email: str | None
    # Why no email would be sent (the kiosk still offers the invitation), or None.
    no_email_because: Wording | None
    # Until when the client's open invitation can be answered (then they cannot be invited).
    open_until: datetime | None

    @property
    def can_be_invited(self) -> bool:
        return self.open_until is None


@dataclass(frozen=True)
class Candidates:
    rows: list[Candidate]
    # More clients matched than the list shows.
    truncated: bool


def candidates(
    session: Session, settings: Settings, at: datetime, wanted: ClientFilter
) -> Candidates:
    query = select(Client).order_by(Client.last_name, Client.first_name, Client.id)
    if wanted.client_ids:
        query = query.where(Client.id.in_(wanted.client_ids))
    for word in fold(wanted.text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Client.search_key.like(f"%{escaped}%", escape="\\"))
    if wanted.promoters_only:
        since = months_before(at, PROMOTER_MONTHS, settings.timezone)
        promoters = select(Review.client_id).where(
            Review.stars == 5, Review.created_at >= since, Review.created_at <= at
        )
        query = query.where(Client.id.in_(promoters))
    found = list(session.scalars(query.limit(LIST_LIMIT + 1)))
    truncated = len(found) > LIST_LIMIT
    found = found[:LIST_LIMIT]
    pending = _open_until(session, settings, [c.id for c in found], at)
    rows = [
        Candidate(
            client_id=c.id,
            client=c.external_id,
            name=c.full_name,
            email=c.email,
            no_email_because=unsubscribable_refusal(c, consent_needed=True),
            open_until=pending.get(c.id),
        )
        for c in found
    ]
    if wanted.reachable_only:
        rows = [row for row in rows if row.no_email_because is None]
    return Candidates(rows, truncated)


def _open_until(
    session: Session, settings: Settings, client_ids: list[int], at: datetime
) -> dict[int, datetime]:
    if not client_ids:
        return {}
    days, tz = expiry_days(settings), settings.timezone
    rows = session.execute(
        select(Testimonial.client_id, Testimonial.invited_at).where(
            Testimonial.client_id.in_(client_ids),
            Testimonial.state == TestimonialState.INVITED,
            Testimonial.invited_at <= at,
        )
    ).all()
    return {
        client_id: expires_at(invited_at, days, tz)
        for client_id, invited_at in rows
        if is_open(TestimonialState.INVITED, invited_at, at, days, tz)
    }


@dataclass
class InviteReport:
    invited: int = 0
    emailed: int = 0
    skipped: list[Wording] = field(default_factory=list)


def invite_many(
    session: Session,
    settings: Settings,
    client_ids: Sequence[int],
    *,
    at: datetime,
    actor: str,
    tokens: Callable[[], str] = new_token,
) -> InviteReport:
    report = InviteReport()
    for client_id in dict.fromkeys(client_ids):
        try:
            with session.begin_nested():
                made = invite(session, settings, client_id, at=at, actor=actor, tokens=tokens)
        except UserInputError as exc:
            report.skipped.extend(exc.wordings)
            continue
        report.invited += 1
        report.emailed += int(made.emailed)
    return report
