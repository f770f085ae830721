"""Typed report figures, built from raw counts with the rounding rules of domain/segments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from feedback_desk.domain import segments


@dataclass
class Tally:
    """Raw counts of reviews by segment (what SQL gives back), summable."""

    reviews: int = 0
    star_sum: int = 0
    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    def add_stars(self, stars: int, count: int) -> None:
        self.reviews += count
        self.star_sum += stars * count
        segment = segments.segment_of(stars)
        if segment is segments.Segment.PROMOTER:
            self.promoters += count
        elif segment is segments.Segment.PASSIVE:
            self.passives += count
        else:
            self.detractors += count

    def merge(self, other: Tally) -> None:
        self.reviews += other.reviews
        self.star_sum += other.star_sum
        self.promoters += other.promoters
        self.passives += other.passives
        self.detractors += other.detractors

    @property
    def average(self) -> float | None:
        return segments.average(self.star_sum, self.reviews)

    @property
    def nps(self) -> int | None:
        return segments.nps(self.promoters, self.detractors, self.reviews)


@dataclass
class RecommendTally:
    """The 0-10 answers by segment (seed 003), summable; reported beside the stars."""

    responses: int = 0
    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    def add_score(self, score: int, count: int) -> None:
        self.responses += count
        segment = segments.recommend_segment(score)
        if segment is segments.Segment.PROMOTER:
            self.promoters += count
        elif segment is segments.Segment.PASSIVE:
            self.passives += count
        else:
            self.detractors += count

    def merge(self, other: RecommendTally) -> None:
        self.responses += other.responses
        self.promoters += other.promoters
        self.passives += other.passives
        self.detractors += other.detractors

    @property
    def nps(self) -> int | None:
        """% of 9-10 − % of 0-6, rounded half away from zero; None when nobody answered."""
        return segments.nps(self.promoters, self.detractors, self.responses)


@dataclass(frozen=True)
class ChannelFigures:
    """Prompts shown and answered on one channel (an email request answered on its answer
    page counts for ``email``, whose prompt it was)."""

    channel: str
    prompts_shown: int
    prompts_answered: int

    @property
    def response_rate(self) -> float | None:
        return segments.response_rate(self.prompts_answered, self.prompts_shown)


@dataclass
class PromptTally:
    shown: int = 0
    answered: int = 0

    def merge(self, other: PromptTally) -> None:
        self.shown += other.shown
        self.answered += other.answered


@dataclass(frozen=True)
class Figures:
    reviews: int
    average: float | None
    promoters: int
    passives: int
    detractors: int
    nps: int | None
    prompts_shown: int
    prompts_answered: int
    response_rate: float | None

    @classmethod
    def of(cls, tally: Tally, prompts: PromptTally) -> Figures:
        return cls(
            reviews=tally.reviews,
            average=tally.average,
            promoters=tally.promoters,
            passives=tally.passives,
            detractors=tally.detractors,
            nps=tally.nps,
            prompts_shown=prompts.shown,
            prompts_answered=prompts.answered,
            response_rate=segments.response_rate(prompts.answered, prompts.shown),
        )


@dataclass(frozen=True)
class MonthFigures:
    month: date  # the first day of the month
    figures: Figures
    recommend: RecommendTally = field(default_factory=RecommendTally)

    @property
    def key(self) -> str:
        return f"{self.month.year:04d}-{self.month.month:02d}"


@dataclass(frozen=True)
class DayFigures:
    day: date
    figures: Figures
    recommend: RecommendTally = field(default_factory=RecommendTally)


@dataclass(frozen=True)
class CoachFigures:
    coach_id: int
    coach: str  # the studio's own id
    name: str
    reviews: int
    average: float | None
    nps: int | None
    promoters: int
    passives: int
    detractors: int


@dataclass(frozen=True)
class ClassFigures:
    class_id: int
    name: str
    reviews: int
    average: float | None
    nps: int | None


@dataclass(frozen=True)
class AspectCount:
    aspect_id: int
    label_fr: str
    label_en: str
    count: int

    def label(self, language: str) -> str:
        return self.label_fr if language == "fr" else self.label_en


@dataclass(frozen=True)
class PeriodReport:
    first: date
    last: date
    kind: str | None
    totals: Figures
    by_month: list[MonthFigures]
    by_coach: list[CoachFigures] = field(default_factory=list)
    by_class: list[ClassFigures] = field(default_factory=list)
    to_improve: list[AspectCount] = field(default_factory=list)
    excel: list[AspectCount] = field(default_factory=list)
    # The 0-10 answers of the period (business reviews); filled when asked for.
    recommend: RecommendTally = field(default_factory=RecommendTally)
    by_channel: list[ChannelFigures] = field(default_factory=list)
