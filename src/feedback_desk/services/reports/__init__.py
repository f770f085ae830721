"""The report figures of a period (docs/rules.md#reports).

Every count is a SQL aggregate over the ``local_day`` columns; Python only folds the day groups
into months and turns counts into rounded figures.
"""

from feedback_desk.services.reports.build import daily_figures, period_report, reports_by_kind
from feedback_desk.services.reports.figures import (
    AspectCount,
    ClassFigures,
    CoachFigures,
    DayFigures,
    Figures,
    MonthFigures,
    PeriodReport,
    Tally,
)
from feedback_desk.services.reports.scope import ReportScope, parse_period

__all__ = [
    "AspectCount",
    "ClassFigures",
    "CoachFigures",
    "DayFigures",
    "Figures",
    "MonthFigures",
    "PeriodReport",
    "ReportScope",
    "Tally",
    "daily_figures",
    "parse_period",
    "period_report",
    "reports_by_kind",
]
