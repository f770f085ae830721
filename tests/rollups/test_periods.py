"""Whole months are read from the monthly rollup and only the days around them from the daily
one: the cut must cover every day of the period exactly once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from feedback_desk.domain.localtime import add_months, iter_days
from feedback_desk.services.reports.periods import MonthSplit, split_months

D = date


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (D(2025, 11, 1), D(2026, 10, 31), MonthSplit((D(2025, 11, 1), D(2026, 10, 1)), [])),
        (
            D(2026, 1, 1),
            D(2026, 11, 15),
            MonthSplit((D(2026, 1, 1), D(2026, 10, 1)), [(D(2026, 11, 1), D(2026, 11, 15))]),
        ),
        (D(2026, 3, 14), D(2026, 3, 20), MonthSplit(None, [(D(2026, 3, 14), D(2026, 3, 20))])),
        (
            D(2026, 3, 2),
            D(2026, 4, 30),
            MonthSplit((D(2026, 4, 1), D(2026, 4, 1)), [(D(2026, 3, 2), D(2026, 3, 31))]),
        ),
        (D(2026, 2, 28), D(2026, 3, 1), MonthSplit(None, [(D(2026, 2, 28), D(2026, 3, 1))])),
        (D(2026, 2, 1), D(2026, 2, 28), MonthSplit((D(2026, 2, 1), D(2026, 2, 1)), [])),
        (
            D(2025, 12, 31),
            D(2027, 1, 1),
            MonthSplit(
                (D(2026, 1, 1), D(2026, 12, 1)),
                [(D(2025, 12, 31), D(2025, 12, 31)), (D(2027, 1, 1), D(2027, 1, 1))],
            ),
        ),
    ],
)
def test_periods_are_cut_at_month_boundaries(first: date, last: date, expected: MonthSplit) -> None:
    assert split_months(first, last) == expected


def test_every_day_is_covered_once() -> None:
    start = D(2024, 1, 1)
    for first in (start + timedelta(days=n) for n in range(0, 400, 13)):
        for last in (first + timedelta(days=n) for n in range(0, 500, 17)):
            split = split_months(first, last)
            covered = [day for a, b in split.days for day in iter_days(a, b)]
            if split.months is not None:
                month = split.months[0]
                while month <= split.months[1]:
                    covered.extend(iter_days(month, add_months(month, 1) - timedelta(days=1)))
                    month = add_months(month, 1)
            assert sorted(covered) == list(iter_days(first, last)), (first, last)
