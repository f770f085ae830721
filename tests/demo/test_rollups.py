"""On the demo studio (bulk-written, edited, a year and more of history) the rollups are exactly a
full recount, and the reports read from them give what counting the raw rows one by one gives."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain import segments
from feedback_desk.domain.kinds import PromptOutcome, ReviewKind
from feedback_desk.domain.localtime import add_months, month_start
from feedback_desk.services.reports import ReportScope, period_report
from feedback_desk.services.rollups import check_rollups, mismatch_lines
from feedback_desk.store.database import Store
from feedback_desk.store.models import ClassSession, Coach, Prompt, Review
from tests.demo.conftest import UNTIL


@dataclass
class Counted:
    stars: Counter[int] = field(default_factory=Counter)
    shown: int = 0
    answered: int = 0
    recommend: Counter[int] = field(default_factory=Counter)  # business reviews' 0-10 answers


@dataclass
class Rows:
    """What a scope's report says, counted in Python from every raw row."""

    months: dict[date, Counted] = field(default_factory=lambda: defaultdict(Counted))
    coaches: Counter[str] = field(default_factory=Counter)
    channels: dict[str, Counter[bool]] = field(default_factory=lambda: defaultdict(Counter))


def test_the_rollups_agree_with_a_full_recount(demo_store: Store) -> None:
    with demo_store.read() as session:
        checks = check_rollups(session)
    assert mismatch_lines(checks) == []
    assert all(check.rows > 0 for check in checks)


def _in_scope(
    scope: ReportScope, kind: str, day: date, coach: int | None, klass: int | None
) -> bool:
    if not scope.first <= day <= scope.last or kind not in scope.kinds:
        return False
    if scope.narrowed and coach is None:
        return False
    return scope.coach_id in (None, coach) and scope.class_id in (None, klass)


def _count_rows(session: Session, scope: ReportScope) -> Rows:
    rows = Rows()
    for kind, day, stars, recommend, coach, klass, coach_ref in session.execute(
        select(
            Review.kind,
            Review.local_day,
            Review.stars,
            Review.recommend,
            ClassSession.coach_id,
            ClassSession.class_id,
            Coach.external_id,
        )
        .outerjoin(ClassSession, ClassSession.id == Review.session_id)
        .outerjoin(Coach, Coach.id == ClassSession.coach_id)
    ):
        if _in_scope(scope, kind, day, coach, klass):
            month = rows.months[month_start(day)]
            month.stars[stars] += 1
            if kind is ReviewKind.CLASS:
                rows.coaches[coach_ref] += 1
            elif recommend is not None:
                month.recommend[recommend] += 1
    for kind, day, outcome, channel, coach, klass in session.execute(
        select(
            Prompt.kind,
            Prompt.local_day,
            Prompt.outcome,
            Prompt.channel,
            ClassSession.coach_id,
            ClassSession.class_id,
        ).outerjoin(ClassSession, ClassSession.id == Prompt.session_id)
    ):
        if _in_scope(scope, kind, day, coach, klass):
            answered = outcome is PromptOutcome.ANSWERED
            rows.months[month_start(day)].shown += 1
            rows.months[month_start(day)].answered += answered
            rows.channels[channel.value][answered] += 1
    return rows


def _scopes(store: Store) -> list[ReportScope]:
    with store.read() as session:
        coach, klass = session.execute(select(ClassSession.coach_id, ClassSession.class_id)).first()  # type: ignore[misc]
    year = add_months(month_start(UNTIL), -12)
    return [
        ReportScope(year, UNTIL),
        ReportScope(year, UNTIL, ReviewKind.BUSINESS),
        ReportScope(year, UNTIL, ReviewKind.CLASS),
        ReportScope(date(2026, 3, 1), date(2026, 3, 14)),  # the spring DST change ends the period
        ReportScope(year, UNTIL, coach_id=coach),
        ReportScope(year, UNTIL, class_id=klass),
        ReportScope(year, UNTIL, coach_id=coach, class_id=klass),
        ReportScope(UNTIL - timedelta(days=400), UNTIL),
    ]


@pytest.mark.parametrize("index", range(8))
def test_reports_from_the_rollups_are_the_raw_rows_counted_one_by_one(
    demo_store: Store, index: int
) -> None:
    scope = _scopes(demo_store)[index]
    with demo_store.read() as session:
        report = period_report(session, scope, with_coaches=True, with_recommend=True)
        rows = _count_rows(session, scope)
    assert report.totals.reviews > 0
    for month in report.by_month:
        counted = rows.months.get(month.month, Counted())
        figures = month.figures
        assert figures.reviews == sum(counted.stars.values()), month.key
        assert (figures.promoters, figures.passives, figures.detractors) == (
            counted.stars[5],
            counted.stars[4],
            sum(counted.stars[s] for s in (1, 2, 3)),
        ), month.key
        star_sum = sum(s * n for s, n in counted.stars.items())
        assert figures.average == segments.average(star_sum, figures.reviews), month.key
        assert (figures.prompts_shown, figures.prompts_answered) == (
            counted.shown,
            counted.answered,
        ), month.key
        scores = counted.recommend
        assert (month.recommend.responses, month.recommend.promoters) == (
            sum(scores.values()),
            scores[9] + scores[10],
        ), month.key
    assert set(rows.months) <= {m.month for m in report.by_month}
    assert {c.coach: c.reviews for c in report.by_coach} == dict(rows.coaches)
    assert {c.channel: (c.prompts_shown, c.prompts_answered) for c in report.by_channel} == {
        channel: (sum(counts.values()), counts[True]) for channel, counts in rows.channels.items()
    }
