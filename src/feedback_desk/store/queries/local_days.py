"""Keeping the studio-local day columns true when the studio's time zone changes."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from feedback_desk.domain.localtime import local_day
from feedback_desk.store.models import Prompt, Review

_BATCH = 5000


def recompute_local_days(session: Session, tz: ZoneInfo) -> None:
    for model, column in ((Review, Review.created_at), (Prompt, Prompt.shown_at)):
        last_id = 0
        while True:
            rows = session.execute(
                select(model.id, column).where(model.id > last_id).order_by(model.id).limit(_BATCH)
            ).all()
            if not rows:
                break
            session.execute(
                update(model),
                [{"id": row_id, "local_day": local_day(instant, tz)} for row_id, instant in rows],
            )
            last_id = rows[-1][0]
