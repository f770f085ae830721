"""Gathering the satisfaction trends at T from the store (rules in domain/trends.py).

SQL first picks the subjects whose recent reviews could make a drop at all (enough of them, and a
recent mean of at most 5 − drop; for coaches, the window's whole local days come from the daily
rollup by coach); only their recent reviews are fetched one by one, and their usual means are SQL
aggregates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.localtime import days_before, local_day
from feedback_desk.domain.trends import (
    MAX_STARS,
    DatedStars,
    Drop,
    History,
    TrendThresholds,
    dropping,
    may_be_dropping,
    may_be_dropping_counted,
)
from feedback_desk.services.settings import Settings
from feedback_desk.store.models import ClassReviewDayRollup, ClassSession, Client, Coach, Review

_CHUNK = 500
_Person = TypeVar("_Person", Client, Coach)


@dataclass(frozen=True)
class ClientTrend:
    client_id: int
    client: str  # the studio's own id
    name: str
    entry: Drop


@dataclass(frozen=True)
class CoachTrend:
    coach_id: int
    coach: str
    name: str
    entry: Drop


@dataclass(frozen=True)
class Trends:
    at: datetime
    window_start: datetime
    clients: list[ClientTrend]
    coaches: list[CoachTrend]


def client_thresholds(settings: Settings) -> TrendThresholds:
    return TrendThresholds.of(
        settings.integer("trends.client_min_usual"),
        settings.integer("trends.client_min_recent"),
        settings.raw("trends.drop_stars"),
    )


def coach_thresholds(settings: Settings) -> TrendThresholds:
    return TrendThresholds.of(
        settings.integer("trends.coach_min_usual"),
        settings.integer("trends.coach_min_recent"),
        settings.raw("trends.drop_stars"),
    )


def satisfaction_trends(session: Session, settings: Settings, at: datetime) -> Trends:
    """Clients and coaches whose satisfaction is dropping at *at*, largest drop first."""
    start = days_before(at, settings.integer("trends.window_days"), settings.timezone)
    return Trends(
        at=at,
        window_start=start,
        clients=_client_trends(session, client_thresholds(settings), start, at),
        coaches=_coach_trends(session, settings, coach_thresholds(settings), start, at),
    )


def _candidates(
    rows: Iterable[tuple[int, datetime, int]], thresholds: TrendThresholds
) -> dict[int, list[DatedStars]]:
    recent: dict[int, list[DatedStars]] = defaultdict(list)
    for subject_id, created_at, stars in rows:
        recent[subject_id].append(DatedStars(created_at, stars))
    return {
        subject_id: reviews
        for subject_id, reviews in recent.items()
        if may_be_dropping([r.stars for r in reviews], thresholds)
    }


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    for index in range(0, len(ids), _CHUNK):
        yield list(ids[index : index + _CHUNK])


def _could_drop(count: Any, star_sum: Any, thresholds: TrendThresholds) -> ColumnElement[bool]:
    """SQL for :func:`may_be_dropping`: enough recent reviews, and a recent mean of at most
    5 − drop (compared in integers, exactly)."""
    most = MAX_STARS - thresholds.drop_stars
    return and_(
        count >= thresholds.min_recent,
        star_sum * most.denominator <= count * most.numerator,
    )


def _client_trends(
    session: Session, thresholds: TrendThresholds, start: datetime, at: datetime
) -> list[ClientTrend]:
    in_window = (Review.created_at >= start, Review.created_at <= at)
    candidates = list(
        session.scalars(
            select(Review.client_id)
            .where(*in_window)
            .group_by(Review.client_id)
            .having(_could_drop(func.count(), func.sum(Review.stars), thresholds))
            .order_by(Review.client_id)
        )
    )
    rows: list[tuple[int, datetime, int]] = []
    usual: dict[int, tuple[int, int]] = {}
    for chunk in _chunks(candidates):
        rows.extend(
            (r[0], r[1], r[2])
            for r in session.execute(
                select(Review.client_id, Review.created_at, Review.stars).where(
                    Review.client_id.in_(chunk), *in_window
                )
            )
        )
        for client_id, count, star_sum in session.execute(
            select(Review.client_id, func.count(), func.sum(Review.stars))
            .where(Review.client_id.in_(chunk), Review.created_at < start)
            .group_by(Review.client_id)
        ):
            usual[client_id] = (count, int(star_sum))
    recent = _candidates(rows, thresholds)
    drops = dropping(_histories(recent, usual), thresholds)
    clients = _by_id(session, Client, [d.subject_id for d in drops])
    return [
        ClientTrend(
            d.subject_id, clients[d.subject_id].external_id, clients[d.subject_id].full_name, d
        )
        for d in drops
    ]


def _coach_trends(
    session: Session,
    settings: Settings,
    thresholds: TrendThresholds,
    start: datetime,
    at: datetime,
) -> list[CoachTrend]:
    in_window = (
        Review.kind == ReviewKind.CLASS,
        Review.created_at >= start,
        Review.created_at <= at,
    )
    candidates = _coach_candidates(session, settings.timezone, thresholds, start, at)
    rows: list[tuple[int, datetime, int]] = []
    for chunk in _chunks(candidates):
        rows.extend(
            (r[0], r[1], r[2])
            for r in session.execute(
                select(ClassSession.coach_id, Review.created_at, Review.stars)
                .select_from(Review)
                .join(ClassSession, ClassSession.id == Review.session_id)
                .where(ClassSession.coach_id.in_(chunk), *in_window)
            )
        )
    recent = _candidates(rows, thresholds)
    usual = _coach_usual(session, sorted(recent), start, local_day(start, settings.timezone))
    drops = dropping(_histories(recent, usual), thresholds)
    coaches = _by_id(session, Coach, [d.subject_id for d in drops])
    return [
        CoachTrend(
            d.subject_id, coaches[d.subject_id].external_id, coaches[d.subject_id].full_name, d
        )
        for d in drops
    ]


def _coach_candidates(
    session: Session, tz: ZoneInfo, thresholds: TrendThresholds, start: datetime, at: datetime
) -> list[int]:
    """Coaches whose class reviews from *start* to *at* could make a drop.

    The window's whole local days are read from the daily rollup by coach; only its first and
    last days' reviews need their own times.
    """
    first_day, last_day = local_day(start, tz), local_day(at, tz)
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    rollup = ClassReviewDayRollup
    whole_days = session.execute(
        select(rollup.coach_id, func.sum(rollup.reviews), func.sum(rollup.stars * rollup.reviews))
        .where(rollup.local_day > first_day, rollup.local_day < last_day)
        .group_by(rollup.coach_id)
    )
    edges = or_(
        and_(Review.local_day == first_day, Review.created_at >= start, Review.created_at <= at),
        and_(Review.local_day == last_day, Review.created_at >= start, Review.created_at <= at),
    )
    edge_days = session.execute(
        select(ClassSession.coach_id, func.count(), func.sum(Review.stars))
        .select_from(Review)
        .join(ClassSession, ClassSession.id == Review.session_id)
        .where(Review.kind == ReviewKind.CLASS, Review.local_day.in_({first_day, last_day}), edges)
        .group_by(ClassSession.coach_id)
    )
    for coach_id, count, star_sum in (*whole_days, *edge_days):
        totals[coach_id][0] += int(count)
        totals[coach_id][1] += int(star_sum)
    return sorted(
        coach_id
        for coach_id, (count, star_sum) in totals.items()
        if may_be_dropping_counted(count, star_sum, thresholds)
    )


def _coach_usual(
    session: Session, coach_ids: list[int], start: datetime, start_day: date
) -> dict[int, tuple[int, int]]:
    """Class reviews before *start* by coach.

    Whole days before the window's first day are read from the covering (kind, local_day, stars,
    session_id) index; only the first day's early hours need the reviews' own times.
    """
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for chunk in _chunks(coach_ids):
        base = (
            select(ClassSession.coach_id, func.count(), func.sum(Review.stars))
            .select_from(Review)
            .join(ClassSession, ClassSession.id == Review.session_id)
            .where(Review.kind == ReviewKind.CLASS, ClassSession.coach_id.in_(chunk))
            .group_by(ClassSession.coach_id)
        )
        for stmt in (
            base.where(Review.local_day < start_day),
            base.where(Review.local_day == start_day, Review.created_at < start),
        ):
            for coach_id, count, star_sum in session.execute(stmt):
                totals[coach_id][0] += count
                totals[coach_id][1] += int(star_sum)
    return {coach_id: (count, star_sum) for coach_id, (count, star_sum) in totals.items()}


def _histories(
    recent: dict[int, list[DatedStars]], usual: dict[int, tuple[int, int]]
) -> Iterator[History]:
    for subject_id, reviews in recent.items():
        count, star_sum = usual.get(subject_id, (0, 0))
        yield History(subject_id, count, star_sum, tuple(reviews))


def _by_id(session: Session, model: type[_Person], ids: list[int]) -> dict[int, _Person]:
    found: dict[int, _Person] = {}
    for chunk in _chunks(ids):
        for row in session.scalars(select(model).where(model.id.in_(chunk))):
            found[row.id] = row
    return found
