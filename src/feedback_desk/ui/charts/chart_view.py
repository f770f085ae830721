"""A chart on screen: a picture drawn by the renderer process, painted by Qt.

:meth:`ChartView.show_chart` takes a chart described as data (``spec.py``) with one tooltip per
bucket or row; the renderer sends back the pixels and where each bar is, so hovering answers
here, without matplotlib. A chart that is hidden (a tab not in front, collapsed charts) is drawn
when it is shown; a resize draws it again at the new size once the resizing pauses, the previous
picture scaled meanwhile. A chart the renderer could not draw says so in place (the details go
to the log), as does a chart with nothing to show.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from feedback_desk.ui.charts.renderer import ChartRenderer, chart_renderer
from feedback_desk.ui.charts.spec import Answer, ChartSpec, Region, RenderFailed
from feedback_desk.ui.formatting import plain_tooltip

log = logging.getLogger("feedback_desk.charts")

_BASE_DPI = 100
_RESIZE_DELAY_MS = 80


class ChartView(QWidget):
    rendered = Signal()  # the widget shows its latest chart (or a sentence)
    clicked = Signal(int)  # a clickable chart's bucket or row was clicked (its index)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        height: float = 2.6,
        renderer: ChartRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(int(height * 60))
        self.setMouseTracking(True)
        self._preferred = QSize(600, int(height * _BASE_DPI))
        self._renderer = renderer or chart_renderer()
        self._slot = self._renderer.register()
        renderer_, slot = self._renderer, self._slot
        self.destroyed.connect(lambda *_: renderer_.forget(slot))
        self.spec: ChartSpec | None = None
        self.tooltips: tuple[str, ...] = ()
        self.clickable = False
        self.empty_message: str | None = None
        self.regions: tuple[Region, ...] = ()
        self._image: QImage | None = None
        self._pending = False  # a request is out
        self._dirty = False  # to draw once shown
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(_RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self._start_render)
        self._renderer.stopped.connect(self._renderer_stopped)

    def sizeHint(self) -> QSize:
        return self._preferred

    @property
    def image(self) -> QImage | None:
        """The picture on screen (None for a sentence, or before the first one)."""
        return self._image

    @property
    def rendering(self) -> bool:
        return self._pending

    @property
    def settled(self) -> bool:
        """No drawing under way and none about to start after a resize."""
        return not self._pending and not self._resize_timer.isActive()

    def show_chart(
        self, spec: ChartSpec, tooltips: Sequence[str] = (), *, clickable: bool = False
    ) -> None:
        """Draw *spec*; *tooltips* has one text per bucket or row (hover), and *clickable*
        makes a click on one emit :attr:`clicked` with its index."""
        self.empty_message = None
        self.spec = spec
        self.tooltips = tuple(tooltips)
        self.clickable = clickable
        self._start_render()

    def show_empty(self, message: str) -> None:
        """A sentence in the middle of the chart's space instead of empty axes."""
        self._renderer.forget(self._slot)
        self._pending = False
        self._dirty = False
        self.empty_message = message
        self.spec = None
        self.tooltips = ()
        self.regions = ()
        self._image = None
        self.setToolTip("")
        self.unsetCursor()
        self.update()
        self.rendered.emit()

    def _start_render(self) -> None:
        self._resize_timer.stop()
        if self.spec is None:
            return
        if not self.isVisible():
            self._dirty = True  # drawn when shown
            self._renderer.forget(self._slot)
            self._pending = False
            return
        self._dirty = False
        self._pending = True
        self._renderer.request(
            self._slot,
            self.spec,
            max(self.width(), 50),
            max(self.height(), 50),
            self.devicePixelRatioF(),
            self._answered,
        )

    def _renderer_stopped(self) -> None:
        if self._pending:
            self._pending = False
            self._dirty = True  # drawn when next shown

    def _answered(self, answer: Answer) -> None:
        self._pending = False
        if isinstance(answer, RenderFailed):
            log.error("a chart could not be drawn:\n%s", answer.details)
            self.show_empty(self.tr("This chart could not be drawn; the details are in the log."))
            return
        image = QImage(answer.pixels, answer.width, answer.height, QImage.Format.Format_RGBA8888)
        image = image.copy()  # its own pixels: the answer's bytes go with it
        image.setDevicePixelRatio(answer.ratio)
        self._image = image
        self.regions = answer.regions
        self.update()
        self.rendered.emit()

    # -- hover and click ---------------------------------------------------------------------

    def region_at(self, x: float, y: float) -> Region | None:
        """The bucket or row under a point of the widget (the picture may be stretched while a
        resize is being drawn)."""
        if self._image is None:
            return None
        ratio = self._image.devicePixelRatio()
        scale_x = self._image.width() / ratio / max(self.width(), 1)
        scale_y = self._image.height() / ratio / max(self.height(), 1)
        x, y = x * scale_x, y * scale_y
        return next((r for r in self.regions if r.contains(x, y)), None)

    def tooltip_at(self, x: float, y: float) -> str | None:
        region = self.region_at(x, y)
        if region is None or not 0 <= region.index < len(self.tooltips):
            return None
        return self.tooltips[region.index]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        position = event.position()
        text = self.tooltip_at(position.x(), position.y())
        self.setToolTip(plain_tooltip(text) or "")
        if self.clickable and self.region_at(position.x(), position.y()) is not None:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if not self.clickable or event.button() != Qt.MouseButton.LeftButton:
            return
        position = event.position()
        region = self.region_at(position.x(), position.y())
        if region is not None:
            self.clicked.emit(region.index)

    # -- Qt events ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._start_render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.spec is not None:
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
