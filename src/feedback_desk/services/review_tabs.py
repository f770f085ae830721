"""What the Business and Class tabs chart for a period: figures by day (short periods) or by
month, aspects to improve and where you excel, and (class reviews) by coach."""

from __future__ import annotations

from dataclasses import dataclass

from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.reports import (
    DayFigures,
    PeriodReport,
    ReportScope,
    daily_figures,
    period_report,
)
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store

DAILY_UP_TO_DAYS = 62  # two months or less: one bar a day, else one a month


@dataclass(frozen=True)
class TabReport:
    scope: ReportScope
    report: PeriodReport
    days: list[DayFigures] | None  # set when the period is charted day by day
    settings: Settings


def load_tab_report(
    store: Store, scope: ReportScope, *, with_coaches: bool, progress: Progress | None = None
) -> TabReport:
    progress = progress or NullProgress()
    with store.read() as session:
        settings = load_settings(session)
        report = period_report(
            session, scope, with_coaches=with_coaches, with_classes=False, with_aspects=True
        )
        check_cancelled(progress)
        short = (scope.last - scope.first).days < DAILY_UP_TO_DAYS
        days = daily_figures(session, scope) if short else None
    return TabReport(scope, report, days, settings)
