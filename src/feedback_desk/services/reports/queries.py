"""The SQL aggregates behind the reports.

Reviews are grouped by (kind, local_day, stars) and counted: that is the order of the covering
index ``ix_reviews_kind_day_stars``, so the database walks one index range and never sorts.
Filtering on ``kind IN (...)`` (rather than no kind) keeps the range seek usable for both kinds.
"""

from __future__ import annotations

from collections import defaultdict
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
from feedback_desk.services.reports.scope import ReportScope
from feedback_desk.store.models import (
    Aspect,
    ClassSession,
    ClassType,
    Coach,
    Prompt,
    Review,
    ReviewAspect,
)

_S = TypeVar("_S", bound="Select[*tuple[Any, ...]]")


def _review_scope(stmt: _S, scope: ReportScope, *, join_sessions: bool = False) -> _S:
    """*stmt* (whose FROM holds reviews) narrowed to the scope's reviews."""
    stmt = stmt.where(
        Review.kind.in_(scope.kinds), Review.local_day.between(scope.first, scope.last)
    )
    if scope.narrowed or join_sessions:
        stmt = stmt.join(ClassSession, ClassSession.id == Review.session_id)
        if scope.coach_id is not None:
            stmt = stmt.where(ClassSession.coach_id == scope.coach_id)
        if scope.class_id is not None:
            stmt = stmt.where(ClassSession.class_id == scope.class_id)
    return stmt


DayKey = tuple[ReviewKind, date]


def review_day_tallies(session: Session, scope: ReportScope) -> dict[DayKey, Tally]:
    """Each (kind, local day) of the scope that has reviews, with its counts by segment."""
    stmt = _review_scope(
        select(Review.kind, Review.local_day, Review.stars, func.count())
        .select_from(Review)
        .group_by(Review.kind, Review.local_day, Review.stars),
        scope,
    )
    days: dict[DayKey, Tally] = defaultdict(Tally)
    for kind, day, stars, count in session.execute(stmt):
        days[(kind, day)].add_stars(stars, count)
    return dict(days)


def prompt_day_tallies(session: Session, scope: ReportScope) -> dict[DayKey, PromptTally]:
    """Prompts shown and answered, by kind and by the local day they were shown."""
    stmt = (
        select(Prompt.kind, Prompt.local_day, Prompt.outcome, func.count())
        .where(
            Prompt.local_day.between(scope.first, scope.last),
            Prompt.kind.in_(scope.kinds),
        )
        .group_by(Prompt.local_day, Prompt.kind, Prompt.outcome)
    )
    if scope.narrowed:
        stmt = stmt.join(ClassSession, ClassSession.id == Prompt.session_id)
        if scope.coach_id is not None:
            stmt = stmt.where(ClassSession.coach_id == scope.coach_id)
        if scope.class_id is not None:
            stmt = stmt.where(ClassSession.class_id == scope.class_id)
    days: dict[DayKey, PromptTally] = defaultdict(PromptTally)
    for kind, day, outcome, count in session.execute(stmt):
        tally = days[(kind, day)]
        tally.shown += count  # ignored and abandoned prompts were shown too
        if outcome is PromptOutcome.ANSWERED:
            tally.answered += count
    return dict(days)


def recommend_day_tallies(session: Session, scope: ReportScope) -> dict[date, RecommendTally]:
    """The 0-10 answers of the scope's business reviews, by local day."""
    days: dict[date, RecommendTally] = defaultdict(RecommendTally)
    if ReviewKind.BUSINESS not in scope.kinds:
        return {}
    stmt = (
        select(Review.local_day, Review.recommend, func.count())
        .where(
            Review.kind == ReviewKind.BUSINESS,
            Review.local_day.between(scope.first, scope.last),
            Review.recommend.is_not(None),
        )
        .group_by(Review.local_day, Review.recommend)
    )
    for day, score, count in session.execute(stmt):
        if score is not None:
            days[day].add_score(score, count)
    return dict(days)


def channel_tallies(session: Session, scope: ReportScope) -> list[ChannelFigures]:
    """Prompts shown and answered in the scope, by the channel that asked, in channel order."""
    answered = func.sum(case((Prompt.outcome == PromptOutcome.ANSWERED, 1), else_=0))
    stmt = (
        select(Prompt.channel, func.count(), answered)
        .where(
            Prompt.local_day.between(scope.first, scope.last),
            Prompt.kind.in_(scope.kinds),
        )
        .group_by(Prompt.channel)
    )
    if scope.narrowed:
        stmt = stmt.join(ClassSession, ClassSession.id == Prompt.session_id)
        if scope.coach_id is not None:
            stmt = stmt.where(ClassSession.coach_id == scope.coach_id)
        if scope.class_id is not None:
            stmt = stmt.where(ClassSession.class_id == scope.class_id)
    rows = [
        ChannelFigures(channel.value, int(shown), int(done or 0))
        for channel, shown, done in session.execute(stmt)
    ]
    return sorted(rows, key=lambda row: row.channel)


def _class_review_tallies(
    session: Session, scope: ReportScope, group: InstrumentedAttribute[int]
) -> dict[int, Tally]:
    """Class reviews of the scope, tallied by a column of their session (coach or class)."""
    class_scope = ReportScope(
        scope.first, scope.last, ReviewKind.CLASS, scope.coach_id, scope.class_id
    )
    stmt = _review_scope(
        select(group, Review.stars, func.count()).select_from(Review),
        class_scope,
        join_sessions=True,
    ).group_by(group, Review.stars)
    tallies: dict[int, Tally] = defaultdict(Tally)
    for key, stars, count in session.execute(stmt):
        tallies[key].add_stars(stars, count)
    return tallies


def coach_tallies(session: Session, scope: ReportScope) -> dict[int, tuple[Coach, Tally]]:
    """Class reviews of the scope by the coach of their session (store coach id → tally)."""
    if not scope.includes_class_reviews:
        return {}
    tallies = _class_review_tallies(session, scope, ClassSession.coach_id)
    coaches = {
        coach.id: coach
        for coach in session.scalars(select(Coach).where(Coach.id.in_(list(tallies))))
    }
    return {coach_id: (coaches[coach_id], tally) for coach_id, tally in tallies.items()}


def class_tallies(session: Session, scope: ReportScope) -> dict[int, tuple[str, Tally]]:
    """Class reviews of the scope by class (store class id → (name, tally))."""
    if not scope.includes_class_reviews:
        return {}
    tallies = _class_review_tallies(session, scope, ClassSession.class_id)
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
