"""Finding a client by part of their name or their member id, ignoring case and accents.

Every word typed must appear in the client's folded ``search_key`` ("first last id"); results are
capped, so a search stays quick on a studio of 50,000 clients.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from feedback_desk.domain.text import fold
from feedback_desk.store.models import Client

MIN_QUERY_CHARS = 2


@dataclass(frozen=True)
class ClientMatch:
    """Plain values (safe across threads); the kiosk shows only ``short_name``."""

    id: int
    external_id: str
    first_name: str
    last_name: str
    short_name: str
    full_name: str
    language: str | None


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_clients(session: Session, text: str, *, limit: int = 8) -> list[ClientMatch]:
    """Clients whose name or member id contains every word of *text*; an exact id comes first."""
    words = fold(text).split()
    if len("".join(words)) < MIN_QUERY_CHARS:
        return []
    query = select(Client)
    for word in words:
        query = query.where(Client.search_key.like(_like_pattern(word), escape="\\"))
    exact_id = case((Client.external_id == text.strip(), 0), else_=1)
    rows = session.scalars(
        query.order_by(exact_id, Client.search_key, Client.id).limit(limit)
    ).all()
    return [
        ClientMatch(
            id=c.id,
            external_id=c.external_id,
            first_name=c.first_name,
            last_name=c.last_name,
            short_name=c.short_name,
            full_name=c.full_name,
            language=c.language,
        )
        for c in rows
    ]
