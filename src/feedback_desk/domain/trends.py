"""Satisfaction trends (docs/rules.md#trends), as pure rules.

A subject (a client, or a coach through the class reviews of their sessions) is dropping when it
has enough reviews before the recent window and in it, and the mean of the recent ones is at least
``drop_stars`` below the usual mean (all reviews before the window). Means are compared exactly
(fractions), so a drop of exactly the threshold counts however the floats would round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

from feedback_desk.domain.segments import average

MAX_STARS = 5


@dataclass(frozen=True)
class DatedStars:
    at: datetime
    stars: int


@dataclass(frozen=True)
class TrendThresholds:
    min_usual: int
    min_recent: int
    drop_stars: Fraction

    @classmethod
    def of(
        cls, min_usual: int, min_recent: int, drop_stars: str | float | Decimal
    ) -> TrendThresholds:
        return cls(min_usual, min_recent, Fraction(Decimal(str(drop_stars))))

    @cached_property
    def highest_dropping_mean(self) -> Fraction:
        """5 − drop: a recent mean above it can never be a drop."""
        return MAX_STARS - self.drop_stars


@dataclass(frozen=True)
class History:
    """What the rule needs about one subject: its usual reviews as a sum, its recent ones listed."""

    subject_id: int
    usual_count: int
    usual_sum: int
    recent: tuple[DatedStars, ...]


@dataclass(frozen=True)
class Drop:
    """One dropping subject, explaining itself: the usual mean and count, the recent reviews."""

    subject_id: int
    usual_count: int
    usual_sum: int
    recent: tuple[DatedStars, ...]  # oldest first

    @property
    def usual_mean(self) -> Fraction:
        return Fraction(self.usual_sum, self.usual_count)

    @property
    def recent_mean(self) -> Fraction:
        return Fraction(sum(r.stars for r in self.recent), len(self.recent))

    @cached_property
    def drop(self) -> Fraction:
        return self.usual_mean - self.recent_mean

    @property
    def usual(self) -> float:
        """The usual mean as shown: two decimals, half away from zero."""
        shown = average(self.usual_sum, self.usual_count)
        assert shown is not None  # a Drop always has usual reviews
        return shown

    @property
    def recent_average(self) -> float:
        shown = average(sum(r.stars for r in self.recent), len(self.recent))
        assert shown is not None
        return shown


def may_be_dropping(recent: Sequence[int], thresholds: TrendThresholds) -> bool:
    """Whether a subject with these recent stars could be dropping whatever its usual.

    The usual mean is at most 5, so a recent mean above 5 − drop can never be a drop: this lets
    the service skip the history of most subjects.
    """
    return may_be_dropping_counted(len(recent), sum(recent), thresholds)


def may_be_dropping_counted(count: int, star_sum: int, thresholds: TrendThresholds) -> bool:
    """:func:`may_be_dropping` from the number of recent reviews and the sum of their stars."""
    if count < thresholds.min_recent:
        return False
    # star_sum / count <= 5 − drop, in integers (the trends ask it of thousands of clients)
    limit = thresholds.highest_dropping_mean
    return star_sum * limit.denominator <= count * limit.numerator


def dropping(histories: Iterable[History], thresholds: TrendThresholds) -> list[Drop]:
    """The dropping subjects, largest drop first (then by subject id, for a stable order)."""
    drops = []
    for history in histories:
        if history.usual_count < thresholds.min_usual:
            continue
        if len(history.recent) < thresholds.min_recent:
            continue
        entry = Drop(
            subject_id=history.subject_id,
            usual_count=history.usual_count,
            usual_sum=history.usual_sum,
            recent=tuple(sorted(history.recent, key=lambda r: r.at)),
        )
        if entry.drop >= thresholds.drop_stars:
            drops.append(entry)
    drops.sort(key=lambda entry: (-entry.drop, entry.subject_id))
    return drops
