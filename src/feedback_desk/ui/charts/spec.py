"""Charts described as data: what the renderer process draws (see ``renderer.py``).

A chart crosses to another process, so it is plain, picklable values: its kind (the class), the
figures, and every text already translated and formatted in the interface language (the
renderer knows neither Qt nor the studio's locale). Client text (names, aspects) is drawn as
plain text: the renderer never interprets ``$…$`` (matplotlib's ``text.parse_math`` is off).

Nothing here imports Qt or matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TimeAxis:
    """The buckets of a time chart (months, days or years) under its bars."""

    labels: tuple[str, ...]
    # Buckets not complete (today's month, a month cut by the period's ends): drawn lighter and
    # hatched, never compared as if complete.
    partial: tuple[int, ...] = ()
    # The legend's words for the hatched bars ("" when there are none).
    note: str = ""


@dataclass(frozen=True)
class SegmentsChart:
    """Promoters, passives and detractors stacked per bucket, the response rate as a line on
    its own axis, each bucket's NPS under its name."""

    title: str
    axis: TimeAxis
    detractors: tuple[int, ...]
    passives: tuple[int, ...]
    promoters: tuple[int, ...]
    nps: tuple[str, ...]  # formatted, one per bucket ("—" when nobody reviewed)
    rates: tuple[float | None, ...]  # response rate in percent
    # Detractors, passives, promoters, response rate.
    legend: tuple[str, str, str, str]
    reviews_label: str
    rate_label: str
    nps_label: str


@dataclass(frozen=True)
class ReviewsChart:
    """Reviews per bucket as bars, their average (1-5 stars) as a line with its values."""

    title: str
    axis: TimeAxis
    counts: tuple[int, ...]
    averages: tuple[float | None, ...]
    average_texts: tuple[str, ...]  # formatted in the interface language
    legend: tuple[str, str]  # reviews, average stars
    reviews_label: str
    average_label: str


@dataclass(frozen=True)
class AspectsChart:
    """The most ticked aspects as horizontal bars, most ticked on top."""

    title: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    color: str


@dataclass(frozen=True)
class CoachesChart:
    """NPS per coach as horizontal bars, best first. When they do not all fit the chart's
    height, the best and the worst are shown and the note says how many are left out (the
    table beside the chart lists them all)."""

    title: str
    names: tuple[str, ...]
    nps: tuple[int, ...]
    notes: tuple[str, ...]  # beside each bar: "62 · 4.51 ★"
    # "{shown} of {total} coaches: the best and the worst" with {shown} and {total} to fill.
    partial_note: str


@dataclass(frozen=True)
class GoogleGrowthChart:
    """The cumulative number of Google reviews per month; grey before the connection."""

    title: str
    axis: TimeAxis
    cumulative: tuple[int, ...]
    before: tuple[bool, ...]
    legend: tuple[str, str]  # before the connection, since the connection


@dataclass(frozen=True)
class RatingsChart:
    """Horizontal bars: how many reviews gave 5, 4, 3, 2 and 1 stars."""

    title: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    notes: tuple[str, ...]
    colors: tuple[str, ...]


ChartSpec = (
    SegmentsChart | ReviewsChart | AspectsChart | CoachesChart | GoogleGrowthChart | RatingsChart
)


@dataclass(frozen=True)
class RenderRequest:
    """Draw *spec* at this size: logical pixels times the screen's device pixel ratio."""

    slot: int  # the chart widget that asked
    generation: int  # only the newest request of a slot is drawn and answered
    spec: ChartSpec
    width: int
    height: int
    ratio: float


@dataclass(frozen=True)
class Region:
    """Where the figure of bucket or row *index* is, in logical pixels from the top left:
    hovering it shows its tooltip, clicking it may filter the table."""

    index: int
    left: float
    top: float
    right: float
    bottom: float

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


@dataclass(frozen=True)
class Rendered:
    slot: int
    generation: int
    pixels: bytes  # RGBA, row by row
    width: int  # in physical pixels
    height: int
    ratio: float
    regions: tuple[Region, ...]


@dataclass(frozen=True)
class RenderFailed:
    slot: int
    generation: int
    details: str  # the renderer's traceback, for the log


# What the renderer sends back for a request.
Answer = Rendered | RenderFailed
