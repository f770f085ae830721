"""Staff's links between Google reviews and clients, the "reviewed on Google" mark, and the
ranked suggestions they choose from (the product never links on its own)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from feedback_desk.domain import google_matching as matching
from feedback_desk.domain.kinds import MessageKind, OutboxState
from feedback_desk.domain.localtime import days_before
from feedback_desk.domain.text import fold, name_tokens
from feedback_desk.errors import UserInputError
from feedback_desk.services import audit
from feedback_desk.store.models import (
    Attendance,
    ClassSession,
    Client,
    GoogleLink,
    GoogleReview,
    OutboxMessage,
)
from feedback_desk.store.queries.google_reviewed import is_considered_reviewed
from feedback_desk.wording import Wording


@dataclass(frozen=True)
class ClientSuggestion:
    """A ranked suggestion with what staff need to judge it."""

    suggestion: matching.Suggestion
    client_external_id: str
    client_name: str
    email: str | None


def find_review(session: Session, review_id: str) -> GoogleReview:
    review = session.scalar(select(GoogleReview).where(GoogleReview.review_id == review_id))
    if review is None:
        raise UserInputError(
            Wording(
                "unknown Google review {review_id!r} (see `google reviews --json`)",
                review_id=review_id,
            )
        )
    return review


def find_client(session: Session, external_id: str) -> Client:
    client = session.scalar(select(Client).where(Client.external_id == external_id))
    if client is None:
        raise UserInputError(
            Wording(
                "unknown client {external_id!r}",
                external_id=external_id,
            )
        )
    return client


def link_review(
    session: Session, review_id: str, client_external_id: str, *, at: datetime, actor: str
) -> GoogleLink:
    """Link (or re-link) a review to a client; who and when are kept, and audited."""
    review = find_review(session, review_id)
    client = find_client(session, client_external_id)
    link = review.link
    previous = link.client.external_id if link is not None else None
    if link is not None and link.client_id == client.id:
        return link
    if link is None:
        link = GoogleLink(
            google_review_id=review.id, client_id=client.id, linked_by=actor, linked_at=at
        )
        session.add(link)
    else:
        link.client_id = client.id
        link.linked_by = actor
        link.linked_at = at
    audit.record(
        session,
        at=at,
        actor=actor,
        action="google.linked",
        entity_type="google_review",
        entity_id=review.review_id,
        client=client.external_id,
        previous_client=previous,
    )
    session.flush()
    return link


def unlink_review(session: Session, review_id: str, *, at: datetime, actor: str) -> str:
    """Remove a review's link; returns the client's id. UserInputError when it was not linked."""
    review = find_review(session, review_id)
    link = review.link
    if link is None:
        raise UserInputError(
            Wording(
                "Google review {review_id!r} is not linked to a client",
                review_id=review_id,
            )
        )
    client_id = link.client.external_id
    session.delete(link)
    audit.record(
        session,
        at=at,
        actor=actor,
        action="google.unlinked",
        entity_type="google_review",
        entity_id=review.review_id,
        client=client_id,
    )
    session.flush()
    return client_id


def mark_reviewed(
    session: Session, client_external_id: str, *, undo: bool, at: datetime, actor: str
) -> Client:
    """Staff's "this client has reviewed us on Google" (or its undoing)."""
    client = find_client(session, client_external_id)
    old = client.google_reviewed_marked_at
    if undo:
        client.google_reviewed_marked_at = None
        client.google_reviewed_marked_by = None
    elif old is None:
        client.google_reviewed_marked_at = at
        client.google_reviewed_marked_by = actor
    audit.record(
        session,
        at=at,
        actor=actor,
        action="google.unmarked_reviewed" if undo else "google.marked_reviewed",
        entity_type="client",
        entity_id=client.external_id,
        previously_marked=old is not None,
    )
    session.flush()
    return client


def considered_reviewed(session: Session, client_external_id: str) -> bool:
    return is_considered_reviewed(session, find_client(session, client_external_id).id)


def search_clients(session: Session, text: str, *, limit: int = 50) -> list[Client]:
    """Clients whose folded "first last id" contains every typed word (accents, case ignored)."""
    words = name_tokens(text) or ([fold(text)] if fold(text) else [])
    query = select(Client)
    for word in words:
        query = query.where(Client.search_key.contains(word, autoescape=True))
    return list(
        session.scalars(query.order_by(Client.last_name, Client.first_name, Client.id).limit(limit))
    )


class SuggestionFinder:
    """Ranks clients for reviews; client names are read once, however many reviews are asked."""

    def __init__(self, session: Session, tz: ZoneInfo) -> None:
        self._session = session
        self._tz = tz
        self._clients: list[tuple[int, str, str, str, str | None]] | None = None

    def _all_clients(self) -> list[tuple[int, str, str, str, str | None]]:
        if self._clients is None:
            rows = self._session.execute(
                select(
                    Client.id, Client.external_id, Client.first_name, Client.last_name, Client.email
                )
            ).all()
            self._clients = [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
        return self._clients

    def _invited(self, since: datetime, until: datetime) -> dict[int, datetime]:
        rows = self._session.execute(
            select(OutboxMessage.client_id, func.max(OutboxMessage.sent_at))
            .where(
                OutboxMessage.kind == MessageKind.INVITATION,
                OutboxMessage.state == OutboxState.SENT,
                OutboxMessage.client_id.is_not(None),
                OutboxMessage.sent_at >= since,
                OutboxMessage.sent_at <= until,
            )
            .group_by(OutboxMessage.client_id)
        ).all()
        return {int(r[0]): r[1] for r in rows if r[0] is not None and r[1] is not None}

    def _attended(self, since: datetime, until: datetime) -> dict[int, tuple[int, datetime]]:
        rows = self._session.execute(
            select(Attendance.client_id, func.count(), func.max(ClassSession.starts_at))
            .join(ClassSession, Attendance.session_id == ClassSession.id)
            .where(
                and_(
                    Attendance.present.is_(True),
                    ClassSession.starts_at >= since,
                    ClassSession.starts_at <= until,
                )
            )
            .group_by(Attendance.client_id)
        ).all()
        return {int(r[0]): (int(r[1]), r[2]) for r in rows if r[0] is not None}

    def for_review(self, review: GoogleReview, *, limit: int = 10) -> list[ClientSuggestion]:
        written = review.created_at
        invited = self._invited(
            days_before(written, matching.INVITATION_WINDOW_DAYS, self._tz), written
        )
        attended = self._attended(
            days_before(written, matching.ATTENDANCE_WINDOW_DAYS, self._tz), written
        )
        clients = self._all_clients()
        candidates = [
            matching.Candidate(
                client_id=client_id,
                first_name=first,
                last_name=last,
                invited_at=invited.get(client_id),
                attended_sessions=attended.get(client_id, (0, None))[0],
                last_attended_at=attended.get(client_id, (0, None))[1],
            )
            for client_id, _ext, first, last, _email in clients
        ]
        ranked = matching.rank(
            candidates, review.reviewer_name, anonymous=review.anonymous, limit=limit
        )
        by_id = {c[0]: c for c in clients}
        return [
            ClientSuggestion(
                suggestion=s,
                client_external_id=by_id[s.client_id][1],
                client_name=f"{by_id[s.client_id][2]} {by_id[s.client_id][3]}".strip(),
                email=by_id[s.client_id][4],
            )
            for s in ranked
        ]


def strong_suggestions(
    session: Session, tz: ZoneInfo, review_ids: Sequence[int], *, at_most: int = 200
) -> list[tuple[GoogleReview, ClientSuggestion]]:
    """For the newest unlinked reviews among *review_ids*: their best suggestion when strong."""
    if not review_ids:
        return []
    reviews = list(
        session.scalars(
            select(GoogleReview)
            .outerjoin(GoogleLink, GoogleLink.google_review_id == GoogleReview.id)
            .where(GoogleReview.id.in_(list(review_ids)), GoogleLink.id.is_(None))
            .order_by(GoogleReview.created_at.desc())
            .limit(at_most)
        )
    )
    finder = SuggestionFinder(session, tz)
    found = []
    for review in reviews:
        best = finder.for_review(review, limit=1)
        if best and best[0].suggestion.strong:
            found.append((review, best[0]))
    return found
