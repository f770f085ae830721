""" "Considered to have reviewed on Google" (docs/rules.md#considered-reviewed), as SQL.

A client is while a Google review is linked to them or staff marked them so; unlinking (without
the mark) makes them invitable again. Invitations filter clients with this clause.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import Session

from feedback_desk.store.models import Client, GoogleLink


def considered_reviewed_clause() -> ColumnElement[bool]:
    """True for a :class:`Client` row considered to have reviewed the studio on Google."""
    return or_(
        Client.google_reviewed_marked_at.is_not(None),
        exists().where(GoogleLink.client_id == Client.id),
    )


def is_considered_reviewed(session: Session, client_id: int) -> bool:
    found = session.scalar(
        select(Client.id).where(Client.id == client_id, considered_reviewed_clause())
    )
    return found is not None
