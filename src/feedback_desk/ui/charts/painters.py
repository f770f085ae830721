"""Drawing each kind of chart with matplotlib: the registry the renderer process draws from.

One function per kind of :mod:`~feedback_desk.ui.charts.spec`, on a fresh Figure and Agg canvas;
:func:`render` turns the figure into RGBA pixels and the places of its bars (hover and click
regions, in logical pixels). This module runs in the renderer process only: it imports
matplotlib, never Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator, PercentFormatter
from matplotlib.transforms import Bbox

from feedback_desk.ui.charts import style
from feedback_desk.ui.charts.spec import (
    AspectsChart,
    CoachesChart,
    GoogleGrowthChart,
    RatingsChart,
    Region,
    Rendered,
    RenderRequest,
    ReviewsChart,
    SegmentsChart,
    TimeAxis,
)

BASE_DPI = 100  # what Qt's logical pixels are worth: a chart looks the same at every ratio
# A fixed title height: matplotlib's automatic placement measures every tick label of every
# axes (twin ones included) and costs more than drawing the bars.
TITLE_Y = 1.02
PARTIAL_HATCH = "////"
PARTIAL_ALPHA = 0.45
LABEL_GAP_PX = 8  # at least this much room between two month names
LEGEND_ENTRY_EMS = 4.8
# The share of a time chart's width its axes get (the rest: the axes' names and numbers, left
# and right), a little under what the layout gives, so that a second drawing is rare.
AXES_SHARE_GUESS = 0.74
FIT_PAD_PX = 6  # room around the chart's parts, in logical pixels
ROW_PX = 16  # a horizontal bar's row, text included, in logical pixels
LONGEST_NAME = 26  # characters of a name beside a bar before it is cut with "…"

matplotlib.rcParams.update(style.RC_PARAMS)


@dataclass(frozen=True)
class Bands:
    """How the drawn figure maps to regions: a column per bucket ("x") or a row per entry
    ("y"); *rows* gives, for each row shown, the index of the entry it stands for."""

    axes: Axes
    direction: str
    rows: tuple[int | None, ...]
    # A time chart's names under its buckets (and a second line), placed once the layout is
    # known.
    ticks: tuple[str, ...] = ()
    second_line: tuple[str, ...] = ()
    # A title over the whole figure rather than over the axes (it needs the figure's width).
    heading: Text | None = None


def _short(text: str) -> str:
    return text if len(text) <= LONGEST_NAME else text[: LONGEST_NAME - 1].rstrip() + "…"


def _partial_style(bars: Any, partial: Sequence[int]) -> None:
    """Buckets not complete: lighter and hatched, so they never read as complete ones."""
    for index in partial:
        bar = bars[index]
        bar.set_alpha(PARTIAL_ALPHA)
        bar.set_hatch(PARTIAL_HATCH)
        bar.set_edgecolor(bar.get_facecolor()[:3])
        bar.set_linewidth(0)


def _partial_handle(axis: TimeAxis) -> list[Patch]:
    if not axis.partial or not axis.note:
        return []
    return [
        Patch(
            facecolor="#BBBBBB",
            edgecolor="#777777",
            hatch=PARTIAL_HATCH,
            linewidth=0,
            label=axis.note,
        )
    ]


def _line(
    axes: Axes, values: Sequence[float | None], partial: Sequence[int], **style_: Any
) -> None:
    """A line through the complete buckets; an incomplete one joined by dashes, its point
    hollow."""
    points = [math.nan if v is None else float(v) for v in values]
    positions = list(range(len(points)))
    complete = [math.nan if i in partial else p for i, p in enumerate(points)]
    axes.plot(positions, complete, marker="o", markersize=3, linewidth=1.6, **style_)
    colour = style_["color"]
    for index in partial:
        if math.isnan(points[index]):
            continue
        for neighbour in (index - 1, index + 1):
            if 0 <= neighbour < len(points) and not math.isnan(points[neighbour]):
                axes.plot(
                    [neighbour, index],
                    [points[neighbour], points[index]],
                    color=colour,
                    linestyle="--",
                    linewidth=1.2,
                )
        axes.plot(
            [index], [points[index]], marker="o", markersize=4, color=colour, fillstyle="none"
        )


# Widths of lines of text already measured, by (text, font size, dots per inch): month names
# and legends come back in every chart, and measuring one costs a quarter of a millisecond.
_measured: dict[tuple[str, float, float], float] = {}
MEASURED_KEPT = 20_000


def _text_width(renderer: Any, text: str) -> float:
    size = float(matplotlib.rcParams["font.size"])
    widest = 0.0
    for line in text.split("\n"):
        key = (line, size, float(renderer.dpi))
        width = _measured.get(key)
        if width is None:
            if len(_measured) >= MEASURED_KEPT:
                _measured.clear()
            font = FontProperties(size=size)
            width = renderer.get_text_width_height_descent(line, font, ismath=False)[0]
            _measured[key] = width
        widest = max(widest, width)
    return widest


def _step(labels: Sequence[str], room: float, renderer: Any, gap: float) -> int:
    """Name every bucket, or every second, third...: whatever keeps two names from touching."""
    widest = max((_text_width(renderer, label) for label in labels), default=0.0)
    return max(1, math.ceil((widest + gap) / room)) if room > 0 else max(len(labels), 1)


@dataclass(frozen=True)
class _Ticks:
    named: int  # every how many buckets a name shows
    second: int  # every how many a second line (the NPS) shows


def _tick_steps(axes: Axes, bands: Bands, axes_width: float) -> _Ticks:
    figure = axes.get_figure()
    assert isinstance(figure, Figure)
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    renderer = canvas.get_renderer()
    room = axes_width / max(len(bands.ticks), 1)
    gap = LABEL_GAP_PX * figure.dpi / BASE_DPI
    second = _step(bands.second_line, room, renderer, gap) if bands.second_line else 1
    return _Ticks(_step(bands.ticks, room, renderer, gap), second)


def _set_ticks(axes: Axes, bands: Bands, steps: _Ticks) -> None:
    """Names under the buckets (and the second line, thinned out on its own: it is narrower),
    counted back from the last bucket (the current month is always named)."""
    count = len(bands.ticks)
    axes.set_xlim(-0.6, count - 0.4)
    named = {i for i in range(count) if (count - 1 - i) % steps.named == 0}
    seconds = (
        {i for i in range(count) if (count - 1 - i) % steps.second == 0}
        if bands.second_line
        else set()
    )
    shown = sorted(named | seconds)
    texts = [bands.ticks[i] if i in named else "" for i in shown]
    if bands.second_line:
        texts = [
            f"{text}\n{bands.second_line[i] if i in seconds else ''}"
            for text, i in zip(texts, shown, strict=True)
        ]
    axes.set_xticks(shown, texts)


def _legend_width(widths: Sequence[float], columns: int, per_entry: float) -> float:
    """The width of a legend of entries this wide in *columns* (filled column by column)."""
    rows = math.ceil(len(widths) / columns)
    return sum(max(widths[i : i + rows]) + per_entry for i in range(0, len(widths), rows))


def _bottom_legend(
    axes: Axes, others: Sequence[Axes], *, reverse: bool, extra: list[Patch]
) -> None:
    handles, names = axes.get_legend_handles_labels()
    if reverse:
        handles, names = list(reversed(handles)), list(reversed(names))
    for other in others:
        more_handles, more_names = other.get_legend_handles_labels()
        handles, names = [*handles, *more_handles], [*names, *more_names]
    handles, names = [*handles, *extra], [*names, *(p.get_label() for p in extra)]
    figure = axes.get_figure()
    assert isinstance(figure, Figure)
    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)
    # As many columns as fit: the legend wraps instead of being cut. An entry is its text, its
    # handle and the spaces around them (2 + 0.8 + 2 font sizes, matplotlib's defaults).
    renderer = canvas.get_renderer()
    point = figure.dpi / 72
    widths = [_text_width(renderer, name) * 8 / matplotlib.rcParams["font.size"] for name in names]
    room = figure.bbox.width * 0.92
    columns = next(
        (
            n
            for n in range(len(names), 1, -1)
            if _legend_width(widths, n, LEGEND_ENTRY_EMS * 8 * point) <= room
        ),
        1,
    )
    figure.legend(handles, names, loc="lower center", ncols=columns, fontsize=8)


# -- the kinds ----------------------------------------------------------------------------------


def paint_segments(axes: Axes, spec: SegmentsChart) -> Bands:
    count = len(spec.axis.labels)
    positions = list(range(count))
    detractors, passives, promoters = spec.detractors, spec.passives, spec.promoters
    bottoms = [d + p for d, p in zip(detractors, passives, strict=True)]
    layers = (
        (detractors, [0] * count, style.DETRACTOR, spec.legend[0]),
        (passives, list(detractors), style.PASSIVE, spec.legend[1]),
        (promoters, bottoms, style.PROMOTER, spec.legend[2]),
    )
    for values, bottom, colour, name in layers:
        bars = axes.bar(positions, values, bottom=bottom, color=colour, label=name)
        _partial_style(bars, spec.axis.partial)
    axes.set_title(spec.title, y=TITLE_Y)
    axes.set_ylabel(spec.reviews_label)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    tops = [b + p for b, p in zip(bottoms, promoters, strict=True)]
    axes.set_ylim(0, max(tops, default=0) * 1.08 + 1)
    rate_axes = axes.twinx()
    _line(rate_axes, spec.rates, spec.axis.partial, color=style.LINE, label=spec.legend[3])
    rate_axes.set_ylim(0, 105)
    rate_axes.yaxis.set_major_formatter(PercentFormatter(decimals=0))
    rate_axes.grid(visible=False)
    rate_axes.set_ylabel(spec.rate_label)
    # Each bucket's NPS under its name, the row titled once at the left.
    axes.annotate(
        spec.nps_label,
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(-6, -22),
        textcoords="offset points",
        ha="right",
        va="center",
        fontsize=8,
        fontweight="bold",
    )
    _bottom_legend(axes, [rate_axes], reverse=True, extra=_partial_handle(spec.axis))
    return Bands(axes, "x", tuple(positions), spec.axis.labels, spec.nps)


def paint_reviews(axes: Axes, spec: ReviewsChart) -> Bands:
    positions = list(range(len(spec.counts)))
    bars = axes.bar(positions, spec.counts, color=style.ACCENT, label=spec.legend[0])
    _partial_style(bars, spec.axis.partial)
    axes.set_title(spec.title, y=TITLE_Y)
    axes.set_ylabel(spec.reviews_label)
    axes.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.set_ylim(0, max(spec.counts, default=0) * 1.1 + 1)
    average_axes = axes.twinx()
    _line(average_axes, spec.averages, spec.axis.partial, color=style.LINE, label=spec.legend[1])
    for position, value, text in zip(positions, spec.averages, spec.average_texts, strict=True):
        if value is not None:
            average_axes.annotate(
                text,
                (position, value),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                fontsize=7,
                color=style.LINE,
                fontstyle="italic" if position in spec.axis.partial else "normal",
            )
    average_axes.set_ylim(1, 5.4)
    average_axes.set_yticks([1, 2, 3, 4, 5])
    average_axes.grid(visible=False)
    average_axes.set_ylabel(spec.average_label)
    _bottom_legend(axes, [average_axes], reverse=False, extra=_partial_handle(spec.axis))
    return Bands(axes, "x", tuple(positions), spec.axis.labels)


def paint_google_growth(axes: Axes, spec: GoogleGrowthChart) -> Bands:
    positions = list(range(len(spec.cumulative)))
    bars = axes.bar(
        positions,
        spec.cumulative,
        color=[style.BEFORE if before else style.LINE for before in spec.before],
        width=0.8,
    )
    _partial_style(bars, spec.axis.partial)
    axes.set_title(spec.title, y=TITLE_Y)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    handles = [Patch(color=style.LINE, label=spec.legend[1])]
    if any(spec.before):
        handles.insert(0, Patch(color=style.BEFORE, label=spec.legend[0]))
    handles.extend(_partial_handle(spec.axis))
    axes.legend(handles=handles, loc="upper left", fontsize=8)
    return Bands(axes, "x", tuple(positions), spec.axis.labels)


def _horizontal_bars(
    axes: Axes,
    labels: Sequence[str],
    values: Sequence[float],
    notes: Sequence[str],
    colours: Sequence[str],
    *,
    slots: int,
) -> None:
    positions = list(range(len(values)))
    axes.barh(positions, values, color=colours, height=0.65)
    axes.set_yticks(positions, [_short(label) for label in labels])
    # At least a few slots, so that two bars do not become two huge slabs.
    axes.set_ylim(max(len(values), slots) - 0.5, -0.5)
    axes.grid(axis="x", alpha=0.3)
    axes.grid(axis="y", visible=False)
    for position, value, note in zip(positions, values, notes, strict=True):
        if note:
            axes.annotate(note, (max(value, 0), position), va="center", fontsize=7)


def paint_aspects(axes: Axes, spec: AspectsChart) -> Bands:
    counts = list(spec.counts)
    _horizontal_bars(
        axes, spec.labels, counts, [f" {c}" for c in counts], [spec.color] * len(counts), slots=5
    )
    axes.set_title(spec.title, y=TITLE_Y)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.set_xlim(0, max(counts, default=0) * 1.15 + 0.5)
    return Bands(axes, "y", tuple(range(len(counts))))


def _rows_that_fit(total: int, height_px: float) -> tuple[int | None, ...]:
    """Which coaches get a row: all when they fit, else the best and the worst with an empty
    row between them (None)."""
    room = max(int((height_px - 70) // ROW_PX), 5)
    if total <= room:
        return tuple(range(total))
    worst = (room - 1) // 2
    best = room - 1 - worst
    return (*range(best), None, *range(total - worst, total))


def paint_coaches(axes: Axes, spec: CoachesChart) -> Bands:
    figure = axes.get_figure()
    assert isinstance(figure, Figure)
    height_px = figure.get_figheight() * BASE_DPI
    rows = _rows_that_fit(len(spec.names), height_px)
    shown = [i for i in rows if i is not None]
    values = [spec.nps[i] if i is not None else 0 for i in rows]
    _horizontal_bars(
        axes,
        [spec.names[i] if i is not None else "⋮" for i in rows],
        values,
        [spec.notes[i] if i is not None else "" for i in rows],
        [style.PROMOTER if v >= 0 else style.DETRACTOR for v in values],
        slots=4,
    )
    axes.axvline(0, color="#555555", linewidth=0.8)
    axes.set_xlim(min(-10, min(values, default=0) - 30), 125)
    title = spec.title
    if len(shown) < len(spec.names):
        title += "\n" + spec.partial_note.format(shown=len(shown), total=len(spec.names))
    # Over the whole figure: the names take the left of it, and the axes alone are narrow.
    heading = figure.text(
        0.5, 1.0, title, ha="center", va="top", fontsize=10, fontweight="bold", wrap=True
    )
    return Bands(axes, "y", rows, heading=heading)


def paint_ratings(axes: Axes, spec: RatingsChart) -> Bands:
    _horizontal_bars(axes, spec.labels, list(spec.counts), spec.notes, spec.colors, slots=5)
    axes.set_title(spec.title, y=TITLE_Y)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(0, max(spec.counts, default=0) * 1.3 + 0.5)
    return Bands(axes, "y", tuple(range(len(spec.counts))))


Painter = Callable[[Axes, Any], Bands]
PAINTERS: dict[type, Painter] = {
    SegmentsChart: paint_segments,
    ReviewsChart: paint_reviews,
    GoogleGrowthChart: paint_google_growth,
    AspectsChart: paint_aspects,
    CoachesChart: paint_coaches,
    RatingsChart: paint_ratings,
}


# -- rendering ----------------------------------------------------------------------------------


def _regions(bands: Bands, figure: Figure, canvas: FigureCanvasAgg) -> tuple[Region, ...]:
    """Each bucket's column (or each row) in logical pixels from the top left, labels included."""
    renderer = canvas.get_renderer()
    scale = figure.dpi / BASE_DPI
    height = figure.bbox.height
    frame = bands.axes.get_window_extent(renderer)
    to_display = bands.axes.transData.transform

    def region(index: int, left: float, top: float, right: float, bottom: float) -> Region:
        """From display pixels (origin at the bottom left) to logical ones from the top left,
        as plain floats (numpy's would make the window import numpy to read them)."""
        return Region(
            index,
            float(left / scale),
            float((height - top) / scale),
            float(right / scale),
            float((height - bottom) / scale),
        )

    regions = []
    if bands.direction == "x":
        labels = bands.axes.xaxis.get_tightbbox(renderer)
        bottom = min(frame.y0, labels.y0) if labels is not None else frame.y0
        for position, index in enumerate(bands.rows):
            if index is not None:
                left = to_display((position - 0.5, 0))[0]
                right = to_display((position + 0.5, 0))[0]
                regions.append(region(index, left, frame.y1, right, bottom))
    else:
        labels = bands.axes.yaxis.get_tightbbox(renderer)
        left = min(frame.x0, labels.x0) if labels is not None else frame.x0
        for position, index in enumerate(bands.rows):
            if index is not None:
                edges = (to_display((0, position - 0.5))[1], to_display((0, position + 0.5))[1])
                regions.append(region(index, left, max(edges), frame.x1, min(edges)))
    return tuple(regions)


def _fit(figure: Figure, canvas: FigureCanvasAgg, heading: Text | None) -> None:
    """Place the axes so that their titles, names and numbers, and the legend under them, fit
    the figure with a little room around: matplotlib's own layout engines measure everything
    several times over and cost four times the drawing itself."""
    renderer = canvas.get_renderer()
    width, height = figure.bbox.width, figure.bbox.height
    pad = FIT_PAD_PX * figure.dpi / BASE_DPI
    main = figure.axes[0]
    frame = main.get_window_extent(renderer)
    extents = [a.get_tightbbox(renderer) for a in figure.axes]
    tight = Bbox.union([e for e in extents if e is not None])
    legend_height = 0.0
    for legend in figure.legends:
        legend.set_bbox_to_anchor((0.5, pad / height), transform=figure.transFigure)
        legend_height = legend.get_window_extent(renderer).height + pad
    heading_height = 0.0
    if heading is not None:
        heading.set_y(1 - pad / height)
        heading_height = heading.get_window_extent(renderer).height + pad
    left = (frame.x0 - tight.x0 + pad) / width
    right = 1 - (tight.x1 - frame.x1 + pad) / width
    bottom = (frame.y0 - tight.y0 + pad + legend_height) / height
    top = 1 - (tight.y1 - frame.y1 + pad + heading_height) / height
    if left < right and bottom < top:
        figure.subplots_adjust(left=left, right=right, bottom=bottom, top=top)


def draw(request: RenderRequest) -> tuple[Figure, FigureCanvasAgg, Bands]:
    """Draw *request*'s chart at its size, laid out."""
    figure = Figure(
        figsize=(request.width / BASE_DPI, request.height / BASE_DPI),
        dpi=BASE_DPI * request.ratio,
    )
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bands = PAINTERS[type(request.spec)](axes, request.spec)
    if bands.ticks:
        # Which names fit under the buckets depends on the room the axes get, and the other
        # way round (a second line of names is taller): a first guess, then the real width.
        steps = _tick_steps(axes, bands, figure.bbox.width * AXES_SHARE_GUESS)
        _set_ticks(axes, bands, steps)
        _fit(figure, canvas, bands.heading)
        needed = _tick_steps(axes, bands, axes.get_window_extent().width)
        if needed != steps:
            _set_ticks(axes, bands, needed)
    else:
        _fit(figure, canvas, bands.heading)
    canvas.draw()
    return figure, canvas, bands


def render(request: RenderRequest) -> Rendered:
    """The pixels of *request*'s chart and the regions of its bars."""
    figure, canvas, bands = draw(request)
    width, height = canvas.get_width_height(physical=True)
    return Rendered(
        request.slot,
        request.generation,
        bytes(canvas.buffer_rgba()),
        width,
        height,
        request.ratio,
        _regions(bands, figure, canvas),
    )


def warm_up() -> None:
    """A first, tiny drawing: fonts found and loaded, glyphs cached, before the first chart is
    asked for (the renderer starts while the window does, and has the time)."""
    figure = Figure(figsize=(1, 1), dpi=BASE_DPI)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.bar([0], [1], hatch=PARTIAL_HATCH)
    axes.set_title("0123456789 Jan–Dec ★", fontweight="bold")
    canvas.draw()
