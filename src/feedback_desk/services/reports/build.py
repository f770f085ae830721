"""Assembling a period's report from the SQL aggregates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Polarity, ReviewKind
from feedback_desk.domain.localtime import iter_days, iter_months
from feedback_desk.services.reports import queries
from feedback_desk.services.reports.figures import (
    ClassFigures,
    CoachFigures,
    DayFigures,
    Figures,
    MonthFigures,
    PeriodReport,
    PromptTally,
    RecommendTally,
    Tally,
)
from feedback_desk.services.reports.scope import ReportScope


def period_report(
    session: Session,
    scope: ReportScope,
    *,
    with_coaches: bool = True,
    with_classes: bool = False,
    with_aspects: bool = False,
    with_recommend: bool = False,
) -> PeriodReport:
    """Totals, every month of the period in order, and optionally coaches, classes, aspects,
    the 0-10 answers (totals and by month) and the prompts by channel."""
    review_months = queries.review_tallies(session, scope, by_month=True)
    prompt_months = queries.prompt_tallies(session, scope, by_month=True)
    report = _monthly(scope, scope.kinds, review_months, prompt_months)
    if with_recommend:
        report = _with_recommend(session, scope, report)
    if with_coaches:
        report.by_coach.extend(_coach_figures(session, scope))
    if with_classes:
        report.by_class.extend(_class_figures(session, scope))
    if with_aspects:
        aspects = queries.aspect_counts(session, scope)
        report.to_improve.extend(aspects[Polarity.TO_IMPROVE])
        report.excel.extend(aspects[Polarity.EXCEL])
    return report


def reports_by_kind(
    session: Session, first: date, last: date
) -> dict[ReviewKind | None, PeriodReport]:
    """Monthly reports of both kinds together and of each kind, from one pass of the queries
    (what the Overview needs; no coaches)."""
    scope = ReportScope(first, last)
    review_months = queries.review_tallies(session, scope, by_month=True)
    prompt_months = queries.prompt_tallies(session, scope, by_month=True)
    reports: dict[ReviewKind | None, PeriodReport] = {
        None: _monthly(scope, scope.kinds, review_months, prompt_months)
    }
    for kind in ReviewKind:
        reports[kind] = _monthly(
            ReportScope(first, last, kind), (kind,), review_months, prompt_months
        )
    return reports


def _monthly(
    scope: ReportScope,
    kinds: tuple[ReviewKind, ...],
    review_months: dict[queries.DayKey, Tally],
    prompt_months: dict[queries.DayKey, PromptTally],
) -> PeriodReport:
    """The report of *kinds* from tallies keyed by (kind, first day of the month)."""
    months: dict[date, tuple[Tally, PromptTally]] = {
        month: (Tally(), PromptTally()) for month in iter_months(scope.first, scope.last)
    }
    total, total_prompts = Tally(), PromptTally()
    for (kind, month), tally in review_months.items():
        if kind in kinds:
            months[month][0].merge(tally)
            total.merge(tally)
    for (kind, month), prompts in prompt_months.items():
        if kind in kinds:
            months[month][1].merge(prompts)
            total_prompts.merge(prompts)
    return PeriodReport(
        first=scope.first,
        last=scope.last,
        kind=scope.kind.value if scope.kind is not None else None,
        totals=Figures.of(total, total_prompts),
        by_month=[
            MonthFigures(month, Figures.of(tally, prompts))
            for month, (tally, prompts) in months.items()
        ],
    )


def _with_recommend(session: Session, scope: ReportScope, report: PeriodReport) -> PeriodReport:
    months = queries.recommend_tallies(session, scope, by_month=True)
    for tally in months.values():
        report.recommend.merge(tally)
    report.by_month[:] = [
        replace(m, recommend=months.get(m.month, RecommendTally())) for m in report.by_month
    ]
    report.by_channel.extend(queries.channel_tallies(session, scope))
    return report


def daily_figures(session: Session, scope: ReportScope) -> list[DayFigures]:
    """One entry for every local day of the period, empty days included, with its 0-10
    answers."""
    review_days: dict[date, Tally] = defaultdict(Tally)
    for (_kind, day), tally in queries.review_tallies(session, scope).items():
        review_days[day].merge(tally)
    prompt_days: dict[date, PromptTally] = defaultdict(PromptTally)
    for (_kind, day), prompts in queries.prompt_tallies(session, scope).items():
        prompt_days[day].merge(prompts)
    recommend = queries.recommend_tallies(session, scope)
    return [
        DayFigures(
            day,
            Figures.of(review_days.get(day, Tally()), prompt_days.get(day, PromptTally())),
            recommend.get(day, RecommendTally()),
        )
        for day in iter_days(scope.first, scope.last)
    ]


def _coach_figures(session: Session, scope: ReportScope) -> list[CoachFigures]:
    entries = [
        CoachFigures(
            coach_id=coach.id,
            coach=coach.external_id,
            name=coach.full_name,
            reviews=tally.reviews,
            average=tally.average,
            nps=tally.nps,
            promoters=tally.promoters,
            passives=tally.passives,
            detractors=tally.detractors,
        )
        for coach, tally in queries.coach_tallies(session, scope).values()
    ]
    # "Ordered by coach id": the studio's own id, compared as plain text on every database.
    entries.sort(key=lambda entry: entry.coach)
    return entries


def _class_figures(session: Session, scope: ReportScope) -> list[ClassFigures]:
    by_name: dict[str, list[ClassFigures]] = defaultdict(list)
    for class_id, (name, tally) in queries.class_tallies(session, scope).items():
        by_name[name].append(ClassFigures(class_id, name, tally.reviews, tally.average, tally.nps))
    return [entry for name in sorted(by_name, key=str.casefold) for entry in by_name[name]]
