"""Promoters, passives, detractors and the figures built on them (docs/rules.md#reports)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from feedback_desk.domain.kinds import Polarity


class Segment(StrEnum):
    PROMOTER = "promoter"
    PASSIVE = "passive"
    DETRACTOR = "detractor"


def segment_of(stars: int) -> Segment:
    if not 1 <= stars <= 5:
        raise ValueError(f"stars must be 1-5, not {stars}")
    if stars == 5:
        return Segment.PROMOTER
    if stars == 4:
        return Segment.PASSIVE
    return Segment.DETRACTOR


def is_at_risk(stars: int) -> bool:
    """A review of 3 stars or fewer enters Actions to take."""
    return stars <= 3


def round_half_away(value: Decimal | float, places: int = 0) -> Decimal:
    """Round half away from zero (Python's round() is banker's rounding)."""
    quantum = Decimal(1).scaleb(-places)
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def nps(promoters: int, detractors: int, total: int) -> int | None:
    """% promoters − % detractors, an integer rounded half away from zero; None when no review."""
    if total <= 0:
        return None
    exact = Decimal(100 * (promoters - detractors)) / Decimal(total)
    return int(round_half_away(exact))


def average(star_sum: int, count: int) -> float | None:
    """Mean stars to two decimals, half away from zero; None when no review."""
    if count <= 0:
        return None
    return float(round_half_away(Decimal(star_sum) / Decimal(count), 2))


def response_rate(answered: int, shown: int) -> float | None:
    """Prompts answered ÷ prompts shown to three decimals; None when none was shown."""
    if shown <= 0:
        return None
    return float(round_half_away(Decimal(answered) / Decimal(shown), 3))


def offered_polarities(stars: int) -> frozenset[Polarity]:
    """Aspects offered for a rating: 5 → where you excel; 4 → both lists; 1-3 → to improve."""
    if stars >= 5:
        return frozenset({Polarity.EXCEL})
    if stars == 4:
        return frozenset({Polarity.EXCEL, Polarity.TO_IMPROVE})
    return frozenset({Polarity.TO_IMPROVE})


def recommend_segment(score: int) -> Segment:
    """Seed 003's 0-10 scale: 9-10 promoters, 7-8 passives, 0-6 detractors (never mixed with
    the star segments)."""
    if not 0 <= score <= 10:
        raise ValueError(f"a recommendation is 0-10, not {score}")
    if score >= 9:
        return Segment.PROMOTER
    if score >= 7:
        return Segment.PASSIVE
    return Segment.DETRACTOR
