"""Segments, NPS, averages and response rate (docs/rules.md#reports)."""

from __future__ import annotations

import pytest

from feedback_desk.domain.segments import Segment, average, nps, response_rate, segment_of


@pytest.mark.parametrize(
    ("stars", "segment"),
    [(5, Segment.PROMOTER), (4, Segment.PASSIVE), (3, Segment.DETRACTOR), (1, Segment.DETRACTOR)],
)
def test_segment_boundaries(stars: int, segment: Segment) -> None:
    assert segment_of(stars) is segment


def test_nps_rounds_half_away_from_zero() -> None:
    assert nps(promoters=1, detractors=0, total=8) == 13  # 12.5 → 13
    assert nps(promoters=0, detractors=1, total=8) == -13  # −12.5 → −13
    assert nps(promoters=2, detractors=1, total=3) == 33


def test_nps_of_an_empty_period_is_null_not_zero() -> None:
    assert nps(0, 0, 0) is None
    assert average(0, 0) is None
    assert response_rate(0, 0) is None


def test_average_and_response_rate_rounding() -> None:
    assert average(9, 2) == 4.5
    assert average(14, 3) == 4.67
    assert average(1, 8) == 0.13  # 0.125 → 0.13
    assert response_rate(1, 3) == 0.333
    assert response_rate(2, 3) == 0.667
    assert response_rate(1, 16) == 0.063  # 0.0625 → 0.063
