"""Wall-clock arithmetic in the studio's zone (docs/rules.md#time)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from feedback_desk.domain.localtime import (
    add_months,
    day_bounds,
    days_before,
    format_local,
    iter_months,
    local_day,
    local_to_utc,
    months_before,
    next_day_at,
    parse_instant,
    zone,
)

TORONTO = zone("America/Toronto")


def test_seven_days_before_crosses_the_spring_change_on_the_wall_clock() -> None:
    t = parse_instant("2026-03-08T10:30:00-04:00", TORONTO)
    seven_days_before = days_before(t, 7, TORONTO)
    assert format_local(seven_days_before, TORONTO) == "2026-03-01T10:30:00-05:00"
    session_start = parse_instant("2026-03-01T10:00", TORONTO)
    # Outside the 7 days, as the example of docs/rules.md#daylight-saving says.
    assert session_start < seven_days_before


def test_a_skipped_local_time_moves_forward_by_the_gap() -> None:
    assert (
        format_local(local_to_utc(datetime(2026, 3, 8, 2, 30), TORONTO), TORONTO)
        == "2026-03-08T03:30:00-04:00"
    )


def test_a_repeated_local_time_is_its_first_occurrence() -> None:
    assert (
        format_local(local_to_utc(datetime(2026, 11, 1, 1, 30), TORONTO), TORONTO)
        == "2026-11-01T01:30:00-04:00"
    )


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 5, 31), -3, date(2026, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
    ],
)
def test_calendar_months_clamp_to_the_last_day(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_months_before_keeps_the_local_clock_time_across_dst() -> None:
    t = parse_instant("2026-05-31T09:00", TORONTO)  # EDT
    assert format_local(months_before(t, 3, TORONTO), TORONTO) == "2026-02-28T09:00:00-05:00"


def test_local_day_of_a_late_evening_instant_is_the_studio_day_not_the_utc_day() -> None:
    assert local_day(datetime(2026, 5, 15, 2, 0, tzinfo=UTC), TORONTO) == date(2026, 5, 14)


def test_day_bounds_cover_a_short_dst_day() -> None:
    start, end = day_bounds(date(2026, 3, 8), date(2026, 3, 8), TORONTO)
    assert (end - start).total_seconds() == 23 * 3600


def test_next_day_at_ten() -> None:
    t = parse_instant("2026-03-14T23:30", TORONTO)
    assert format_local(next_day_at(t, 10, TORONTO), TORONTO) == "2026-03-15T10:00:00-04:00"


def test_iter_months_lists_every_month_in_order() -> None:
    assert [d.isoformat() for d in iter_months(date(2025, 11, 20), date(2026, 2, 3))] == [
        "2025-11-01",
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
    ]


def test_parse_instant_explains_a_bad_value() -> None:
    with pytest.raises(ValueError, match="not an ISO 8601 date-time"):
        parse_instant("next tuesday", TORONTO)


def test_an_unknown_zone_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="Mars/Olympus"):
        zone("Mars/Olympus")
