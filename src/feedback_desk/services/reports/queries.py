"""The SQL aggregates behind the reports.

Counts of reviews and prompts come from the rollups (store/models/rollups.py), which triggers
keep exact in every write's transaction: a period reads one row per day and key instead of every
review, and reports by month sum the days of each month in SQL. Studio-wide figures read the daily
rollups by kind and channel; a coach's or a class's (and the by-coach and by-class tallies) read
the rollups by session coach and class, whole months from the monthly one. Aspects are counted
from the reviews themselves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from feedback_desk.domain.kinds import Polarity, PromptOutcome, ReviewKind
from feedback_desk.services.reports.figures import (
    AspectCount,
    ChannelFigures,
    PromptTally,
    RecommendTally,
    Tally,
)
from feedback_desk.services.reports.periods import split_months
from feedback_desk.services.reports.scope import ReportScope
from feedback_desk.store.models import (
    Aspect,
    ClassPromptDayRollup,
    ClassReviewDayRollup,
    ClassReviewMonthRollup,
    ClassSession,
    ClassType,
    Coach,
    PromptDayRollup,
    Review,
    ReviewAspect,
    ReviewDayRollup,
)
from feedback_desk.store.queries.months import month_key, month_of_key

_S = TypeVar("_S", bound="Select[*tuple[Any, ...]]")

DayKey = tuple[ReviewKind, date]


def _review_scope(stmt: _S, scope: ReportScope) -> _S:
    """*stmt* (whose FROM holds reviews) narrowed to the scope's reviews."""
    stmt = stmt.where(
        Review.kind.in_(scope.kinds), Review.local_day.between(scope.first, scope.last)
    )
    if scope.narrowed:
        stmt = stmt.join(ClassSession, ClassSession.id == Review.session_id)
        if scope.coach_id is not None:
            stmt = stmt.where(ClassSession.coach_id == scope.coach_id)
        if scope.class_id is not None:
            stmt = stmt.where(ClassSession.class_id == scope.class_id)
    return stmt


def _narrowed(stmt: _S, rollup: Any, scope: ReportScope) -> _S:
    """*stmt* over a by-session rollup, narrowed to the scope's coach and class."""
    if scope.coach_id is not None:
        stmt = stmt.where(rollup.coach_id == scope.coach_id)
    if scope.class_id is not None:
        stmt = stmt.where(rollup.class_id == scope.class_id)
    return stmt


@dataclass(frozen=True)
class _Counted:
    """Reviews or prompts: their studio-wide rollup, their by-session ones (daily, and monthly
    when there is one), what they are counted by (stars, outcome) and the count column."""

    studio: type[ReviewDayRollup] | type[PromptDayRollup]
    by_session: type[ClassReviewDayRollup] | type[ClassPromptDayRollup]
    by_session_month: type[ClassReviewMonthRollup] | None
    measure: str
    count: str


_REVIEWS = _Counted(
    ReviewDayRollup, ClassReviewDayRollup, ClassReviewMonthRollup, "stars", "reviews"
)
_PROMPTS = _Counted(PromptDayRollup, ClassPromptDayRollup, None, "outcome", "prompts")


@dataclass(frozen=True)
class _Piece:
    """Part of a period, read from one by-session rollup."""

    rollup: Any
    period: InstrumentedAttribute[date]  # its local_day or month column
    first: date
    last: date

    @property
    def monthly(self) -> bool:
        return self.period.key == "month"


def _session_pieces(scope: ReportScope, counted: _Counted, *, months: bool) -> list[_Piece]:
    """The scope's days as by-session rollup reads: whole months from the monthly rollup when
    *months* are wanted and there is one, every other day from the daily one."""
    daily = counted.by_session
    monthly = counted.by_session_month
    if not months or monthly is None:
        return [_Piece(daily, daily.local_day, scope.first, scope.last)]
    split = split_months(scope.first, scope.last)
    pieces = [_Piece(daily, daily.local_day, first, last) for first, last in split.days]
    if split.months is not None:
        pieces.append(_Piece(monthly, monthly.month, *split.months))
    return pieces


def _counts(
    session: Session, scope: ReportScope, counted: _Counted, by_month: bool
) -> Iterator[tuple[ReviewKind, date, Any, int]]:
    """(kind, day or first day of the month, stars or outcome, count) of the scope's rows."""
    if scope.narrowed:
        for piece in _session_pieces(scope, counted, months=by_month):
            table = piece.rollup
            period = piece.period if piece.monthly or not by_month else month_key(piece.period)
            measure = getattr(table, counted.measure)
            stmt = _narrowed(
                select(period, measure, func.sum(getattr(table, counted.count)))
                .where(piece.period.between(piece.first, piece.last))
                .group_by(period, measure),
                table,
                scope,
            )
            for key, value, count in session.execute(stmt):
                day = month_of_key(key) if by_month and not piece.monthly else key
                yield ReviewKind.CLASS, day, value, int(count)
        return
    studio: Any = counted.studio
    period = month_key(studio.local_day) if by_month else studio.local_day
    measure = getattr(studio, counted.measure)
    for kind, key, value, count in session.execute(
        select(studio.kind, period, measure, func.sum(getattr(studio, counted.count)))
        .where(studio.local_day.between(scope.first, scope.last), studio.kind.in_(scope.kinds))
        .group_by(studio.kind, period, measure)
    ):
        yield kind, month_of_key(key) if by_month else key, value, int(count)


def review_tallies(
    session: Session, scope: ReportScope, *, by_month: bool = False
) -> dict[DayKey, Tally]:
    """Each (kind, local day) of the scope that has reviews, with its counts by segment; with
    *by_month*, each (kind, first day of the month), summed in SQL."""
    tallies: dict[DayKey, Tally] = defaultdict(Tally)
    for kind, day, stars, count in _counts(session, scope, _REVIEWS, by_month):
        tallies[(kind, day)].add_stars(stars, count)
    return dict(tallies)


def prompt_tallies(
    session: Session, scope: ReportScope, *, by_month: bool = False
) -> dict[DayKey, PromptTally]:
    """Prompts shown and answered, by kind and by the local day they were shown (with
    *by_month*, by the first day of that month)."""
    tallies: dict[DayKey, PromptTally] = defaultdict(PromptTally)
    for kind, day, outcome, count in _counts(session, scope, _PROMPTS, by_month):
        tally = tallies[(kind, day)]
        tally.shown += count  # ignored and abandoned prompts were shown too
        if outcome is PromptOutcome.ANSWERED:
            tally.answered += count
    return dict(tallies)


def recommend_tallies(
    session: Session, scope: ReportScope, *, by_month: bool = False
) -> dict[date, RecommendTally]:
    """The 0-10 answers of the scope's business reviews, by local day (with *by_month*, by the
    first day of the month)."""
    if ReviewKind.BUSINESS not in scope.kinds:
        return {}
    rollup = ReviewDayRollup
    period: Any = month_key(rollup.local_day) if by_month else rollup.local_day
    stmt = (
        select(period, rollup.recommend, func.sum(rollup.reviews))
        .where(
            rollup.kind == ReviewKind.BUSINESS,
            rollup.local_day.between(scope.first, scope.last),
            rollup.recommend >= 0,  # -1: no answer
        )
        .group_by(period, rollup.recommend)
    )
    days: dict[date, RecommendTally] = defaultdict(RecommendTally)
    for key, score, count in session.execute(stmt):
        days[month_of_key(key) if by_month else key].add_score(score, int(count))
    return dict(days)


def channel_tallies(session: Session, scope: ReportScope) -> list[ChannelFigures]:
    """Prompts shown and answered in the scope, by the channel that asked, in channel order."""
    rollup: Any = ClassPromptDayRollup if scope.narrowed else PromptDayRollup
    answered = func.sum(case((rollup.outcome == PromptOutcome.ANSWERED, rollup.prompts), else_=0))
    stmt = (
        select(rollup.channel, func.sum(rollup.prompts), answered)
        .where(rollup.local_day.between(scope.first, scope.last))
        .group_by(rollup.channel)
    )
    if scope.narrowed:
        stmt = _narrowed(stmt, rollup, scope)
    else:
        stmt = stmt.where(rollup.kind.in_(scope.kinds))
    rows = [
        ChannelFigures(channel.value, int(shown), int(done or 0))
        for channel, shown, done in session.execute(stmt)
    ]
    return sorted(rows, key=lambda row: row.channel)


def _class_review_tallies(session: Session, scope: ReportScope, group: str) -> dict[int, Tally]:
    """Class reviews of the scope, tallied by a column of their session (``coach_id`` or
    ``class_id``): whole months from the monthly rollup, the other days from the daily one."""
    tallies: dict[int, Tally] = defaultdict(Tally)
    for piece in _session_pieces(scope, _REVIEWS, months=True):
        table = piece.rollup
        column = getattr(table, group)
        stmt = _narrowed(
            select(column, table.stars, func.sum(table.reviews))
            .where(piece.period.between(piece.first, piece.last))
            .group_by(column, table.stars),
            table,
            scope,
        )
        for key, stars, count in session.execute(stmt):
            tallies[key].add_stars(stars, int(count))
    return tallies


def coach_tallies(session: Session, scope: ReportScope) -> dict[int, tuple[Coach, Tally]]:
    """Class reviews of the scope by the coach of their session (store coach id → tally)."""
    if not scope.includes_class_reviews:
        return {}
    tallies = _class_review_tallies(session, scope, "coach_id")
    coaches = {
        coach.id: coach
        for coach in session.scalars(select(Coach).where(Coach.id.in_(list(tallies))))
    }
    return {coach_id: (coaches[coach_id], tally) for coach_id, tally in tallies.items()}


def class_tallies(session: Session, scope: ReportScope) -> dict[int, tuple[str, Tally]]:
    """Class reviews of the scope by class (store class id → (name, tally))."""
    if not scope.includes_class_reviews:
        return {}
    tallies = _class_review_tallies(session, scope, "class_id")
    names = {
        row.id: row.name
        for row in session.execute(
            select(ClassType.id, ClassType.name).where(ClassType.id.in_(list(tallies)))
        )
    }
    return {class_id: (names[class_id], tally) for class_id, tally in tallies.items()}


def aspect_counts(session: Session, scope: ReportScope) -> dict[Polarity, list[AspectCount]]:
    """How many reviews of the scope ticked each aspect, by polarity, most ticked first.

    A merged aspect's votes count for the aspect it was merged into.
    """
    stmt = _review_scope(
        select(ReviewAspect.aspect_id, func.count())
        .join(Review, Review.id == ReviewAspect.review_id)
        .group_by(ReviewAspect.aspect_id),
        scope,
    )
    counts: dict[int, int] = {row[0]: row[1] for row in session.execute(stmt)}
    if not counts:
        return {Polarity.TO_IMPROVE: [], Polarity.EXCEL: []}
    catalogue = {aspect.id: aspect for aspect in session.scalars(select(Aspect))}
    merged: dict[int, int] = defaultdict(int)
    for aspect_id, count in counts.items():
        merged[_survivor_id(catalogue, aspect_id)] += count
    result: dict[Polarity, list[AspectCount]] = {Polarity.TO_IMPROVE: [], Polarity.EXCEL: []}
    for aspect_id, count in merged.items():
        aspect = catalogue[aspect_id]
        result[aspect.polarity].append(
            AspectCount(aspect.id, aspect.label_fr, aspect.label_en, count)
        )
    for entries in result.values():
        entries.sort(key=lambda entry: (-entry.count, entry.label_en.casefold(), entry.aspect_id))
    return result


def _survivor_id(catalogue: dict[int, Aspect], aspect_id: int) -> int:
    seen = {aspect_id}
    current = catalogue[aspect_id]
    while current.merged_into_id is not None and current.merged_into_id not in seen:
        seen.add(current.merged_into_id)
        current = catalogue[current.merged_into_id]
    return current.id
