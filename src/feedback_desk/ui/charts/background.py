"""A chart whose figure is rendered on a worker thread, so that the GUI thread never waits for
matplotlib.

Same drawing API as :class:`~feedback_desk.ui.charts.canvas.ChartCanvas` (``draw(paint,
hover=)``, ``show_empty(message)``, ``empty_message``), so every chart function works with both.
Each render builds a fresh Figure on an Agg canvas in a task (never shared between threads: fonts
are cached per thread by matplotlib), and hands back the pixels and the figure; the widget paints
the image and answers hover from the figure's transforms. A newer draw or a resize supersedes a
render in flight; while one runs, the previous image stays on screen, scaled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from feedback_desk.services.progress import Cancelled, Progress
from feedback_desk.ui.charts import style
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.formatting import plain_tooltip

HoverText = Callable[[MouseEvent], str | None]
Paint = Callable[[Axes], None]

# One look for every chart, set once: rc_context() would change global state from worker threads.
matplotlib.rcParams.update(style.RC_PARAMS)

_BASE_DPI = 100  # what matplotlib's Qt canvas uses, so both kinds of chart look the same
_RESIZE_DELAY_MS = 80


@dataclass(frozen=True)
class _Rendered:
    generation: int
    figure: Figure
    pixels: bytes
    width: int
    height: int
    ratio: float


def _render(paint: Paint, width: int, height: int, ratio: float, generation: int) -> _Rendered:
    figure = Figure(
        figsize=(width / _BASE_DPI, height / _BASE_DPI), dpi=_BASE_DPI * ratio, layout="constrained"
    )
    agg = FigureCanvasAgg(figure)
    paint(figure.add_subplot())
    agg.draw()
    pixels_wide, pixels_high = agg.get_width_height(physical=True)
    return _Rendered(generation, figure, bytes(agg.buffer_rgba()), pixels_wide, pixels_high, ratio)


class BackgroundChart(QWidget):
    rendered = Signal()  # the widget shows the latest draw (or empty state)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        height: float = 2.6,
        context: WindowContext,
    ) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(int(height * 60))
        self.setMouseTracking(True)
        self._preferred = QSize(600, int(height * _BASE_DPI))
        # Renders run on the window's tasks (so that "is the window idle" counts them, and
        # nothing starts or comes back once the store is closed or this chart is gone); a render
        # superseded before it starts is skipped.
        self._context = context
        self._tasks = context.tasks_for(self)
        self._paint: Paint | None = None
        self._hover: HoverText | None = None
        self._image: QImage | None = None
        self._figure: Figure | None = None
        self._generation = 0
        self._pending = False
        self.empty_message: str | None = None
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(_RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._start_render)

    def sizeHint(self) -> QSize:
        return self._preferred

    @property
    def figure(self) -> Figure | None:
        """The figure on screen (None for an empty state or before the first render)."""
        return self._figure

    @property
    def rendering(self) -> bool:
        return self._pending

    @property
    def settled(self) -> bool:
        """No render running and none about to start after a resize."""
        return not self._pending and not self._resize_timer.isActive()

    def draw(self, paint: Paint, *, hover: HoverText | None = None) -> None:
        self.empty_message = None
        self._paint = paint
        self._hover = hover
        self._start_render()

    def show_empty(self, message: str) -> None:
        """A sentence in the middle of the chart's space instead of empty axes."""
        self._generation += 1
        self._pending = False
        self.empty_message = message
        self._paint = None
        self._hover = None
        self._image = None
        self._figure = None
        self.setToolTip("")
        self.update()
        self.rendered.emit()

    def _start_render(self) -> None:
        if self._paint is None or self._context.closed:
            return
        self._generation += 1
        generation = self._generation
        paint = self._paint
        width, height = max(self.width(), 50), max(self.height(), 50)
        ratio = self.devicePixelRatioF()
        self._pending = True

        def work(_progress: Progress) -> _Rendered:
            if generation != self._generation:
                raise Cancelled()
            return _render(paint, width, height, ratio, generation)

        self._tasks.run(work, name=self.tr("a chart"), on_done=self._show, on_error=self._failed)

    def _show(self, result: _Rendered) -> None:
        if result.generation != self._generation:
            return  # superseded by a newer draw or size
        image = QImage(
            result.pixels, result.width, result.height, QImage.Format.Format_RGBA8888
        ).copy()
        image.setDevicePixelRatio(result.ratio)
        self._image = image
        self._figure = result.figure
        self._pending = False
        self.update()
        self.rendered.emit()

    def _failed(self, _error: BaseException) -> None:
        # A chart that cannot be drawn is a bug (the traceback is in the log): say so in place.
        self._pending = False
        self.show_empty(self.tr("This chart could not be drawn; the details are in the log."))

    # -- Qt events ----------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._paint is not None:
            self._resize_timer.start()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self._image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRectF(self.rect()), self._image)
        elif self.empty_message:
            painter.setPen(QColor("#555555"))
            font = painter.font()
            font.setPointSizeF(11)
            painter.setFont(font)
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_message,
            )
        painter.end()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self._hover is None or self._figure is None or self._image is None:
            return
        # Display coordinates of the rendered figure: pixels from its bottom-left corner.
        scale_x = self._image.width() / max(self.width(), 1)
        scale_y = self._image.height() / max(self.height(), 1)
        position = event.position()
        x = position.x() * scale_x
        y = self._image.height() - position.y() * scale_y
        canvas = self._figure.canvas
        mouse = MouseEvent("motion_notify_event", canvas, x, y)
        text = self._hover(mouse) if mouse.inaxes is not None else None
        self.setToolTip(plain_tooltip(text) or "")
