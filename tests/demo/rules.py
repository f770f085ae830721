"""Satisfaction trends (feedback-rules.md) as plain queries, to check the demo's dropping story.

Only until the trends service (`feedback-desk trends`, services/trends.py) is on main: every
other story is checked through the product's own services and commands.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from statistics import mean
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import (
    days_before,
)
from feedback_desk.store.models import (
    ClassSession,
    Client,
    Coach,
    Review,
)


def _dropping(
    stars_by: dict[str, list[tuple[datetime, int]]],
    at: datetime,
    tz: ZoneInfo,
    min_usual: int,
    min_recent: int,
) -> dict[str, tuple[float, float]]:
    window = days_before(at, 30, tz)
    found = {}
    for who, rows in stars_by.items():
        usual = [s for t, s in rows if t < window]
        recent = [s for t, s in rows if window <= t <= at]
        enough = len(usual) >= min_usual and len(recent) >= min_recent
        if enough and mean(usual) - mean(recent) >= 1.0 - 1e-9:
            found[who] = (mean(usual), mean(recent))
    return found


def dropping_clients(
    session: Session, at: datetime, tz: ZoneInfo
) -> dict[str, tuple[float, float]]:
    rows = session.execute(
        select(Client.external_id, Review.created_at, Review.stars)
        .join(Review, Review.client_id == Client.id)
        .where(Review.created_at <= at)
    )
    by: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for who, created, stars in rows:
        by[who].append((created, stars))
    return _dropping(by, at, tz, 3, 2)


def dropping_coaches(
    session: Session, at: datetime, tz: ZoneInfo
) -> dict[str, tuple[float, float]]:
    rows = session.execute(
        select(Coach.external_id, Review.created_at, Review.stars)
        .join(ClassSession, ClassSession.coach_id == Coach.id)
        .join(Review, Review.session_id == ClassSession.id)
        .where(Review.kind == ReviewKind.CLASS, Review.created_at <= at)
    )
    by: dict[str, list[tuple[datetime, int]]] = defaultdict(list)
    for who, created, stars in rows:
        by[who].append((created, stars))
    return _dropping(by, at, tz, 10, 3)
