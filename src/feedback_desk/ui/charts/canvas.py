"""A chart widget: a matplotlib figure on a Qt canvas that resizes with the window, shows a
helpful empty state instead of blank axes, and shows values on hover."""

from __future__ import annotations

from collections.abc import Callable

import matplotlib
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from feedback_desk.ui.charts import style

HoverText = Callable[[MouseEvent], str | None]


class ChartCanvas(QWidget):
    """Hosts one figure. Draw with :meth:`draw` (a function of the axes) or :meth:`show_empty`."""

    def __init__(self, parent: QWidget | None = None, *, height: float = 2.6) -> None:
        super().__init__(parent)
        with matplotlib.rc_context(style.RC_PARAMS):
            self.figure = Figure(figsize=(6, height), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(int(height * 60))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._hover: HoverText | None = None
        self.empty_message: str | None = None
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)

    def draw(self, paint: Callable[[Axes], None], *, hover: HoverText | None = None) -> Axes:
        """Clear the figure, let *paint* draw on fresh axes, and redraw the canvas."""
        self.figure.clear()
        self.empty_message = None
        with matplotlib.rc_context(style.RC_PARAMS):
            axes = self.figure.add_subplot()
            paint(axes)
        self._hover = hover
        self.canvas.setToolTip("")
        self.canvas.draw_idle()
        return axes

    def show_empty(self, message: str) -> None:
        """A sentence in the middle of the chart's space instead of empty axes."""
        self.figure.clear()
        self.empty_message = message
        self._hover = None
        self.figure.text(
            0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#555555", wrap=True
        )
        self.canvas.setToolTip("")
        self.canvas.draw_idle()

    def _on_motion(self, event: MouseEvent) -> None:
        if self._hover is None:
            return
        text = self._hover(event) if event.inaxes is not None else None
        self.canvas.setToolTip(text or "")
