"""Assembling a period's report from the SQL aggregates."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import Polarity
from feedback_desk.domain.localtime import iter_days, iter_months, month_start
from feedback_desk.services.reports import queries
from feedback_desk.services.reports.figures import (
    ClassFigures,
    CoachFigures,
    DayFigures,
    Figures,
    MonthFigures,
    PeriodReport,
    PromptTally,
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
) -> PeriodReport:
    """Totals, every month of the period in order, and optionally coaches, classes, aspects."""
    review_days = queries.review_day_tallies(session, scope)
    prompt_days = queries.prompt_day_tallies(session, scope)

    months: dict[date, tuple[Tally, PromptTally]] = {
        month: (Tally(), PromptTally()) for month in iter_months(scope.first, scope.last)
    }
    total, total_prompts = Tally(), PromptTally()
    for day, tally in review_days.items():
        months[month_start(day)][0].merge(tally)
        total.merge(tally)
    for day, prompts in prompt_days.items():
        months[month_start(day)][1].merge(prompts)
        total_prompts.merge(prompts)

    report = PeriodReport(
        first=scope.first,
        last=scope.last,
        kind=scope.kind.value if scope.kind is not None else None,
        totals=Figures.of(total, total_prompts),
        by_month=[
            MonthFigures(month, Figures.of(tally, prompts))
            for month, (tally, prompts) in months.items()
        ],
    )
    if with_coaches:
        report.by_coach.extend(_coach_figures(session, scope))
    if with_classes:
        report.by_class.extend(_class_figures(session, scope))
    if with_aspects:
        aspects = queries.aspect_counts(session, scope)
        report.to_improve.extend(aspects[Polarity.TO_IMPROVE])
        report.excel.extend(aspects[Polarity.EXCEL])
    return report


def daily_figures(session: Session, scope: ReportScope) -> list[DayFigures]:
    """One entry for every local day of the period, empty days included."""
    review_days = queries.review_day_tallies(session, scope)
    prompt_days = queries.prompt_day_tallies(session, scope)
    empty_prompts: PromptTally = PromptTally()
    return [
        DayFigures(
            day,
            Figures.of(review_days.get(day, Tally()), prompt_days.get(day, empty_prompts)),
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
