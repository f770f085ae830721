"""The periods of the review tabs: whole calendar months up to today."""

from __future__ import annotations

from datetime import date

import pytest

from feedback_desk.domain.periods import PeriodChoice, period_bounds


@pytest.mark.parametrize(
    ("choice", "first"),
    [
        (PeriodChoice.THIS_MONTH, date(2026, 3, 1)),
        (PeriodChoice.LAST_3_MONTHS, date(2026, 1, 1)),
        (PeriodChoice.LAST_12_MONTHS, date(2025, 4, 1)),
    ],
)
def test_periods_end_today_and_start_on_a_month(choice: PeriodChoice, first: date) -> None:
    assert period_bounds(choice, date(2026, 3, 31)) == (first, date(2026, 3, 31))


def test_a_custom_period_has_no_fixed_bounds() -> None:
    with pytest.raises(ValueError, match="custom"):
        period_bounds(PeriodChoice.CUSTOM, date(2026, 3, 31))
