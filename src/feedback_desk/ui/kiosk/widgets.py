"""Touch-sized building blocks of the kiosk screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QWidget,
)

from feedback_desk.ui.kiosk.style import MIN_TOUCH_PX, STAR_PX


class TouchButton(QPushButton):
    """A push button at least MIN_TOUCH_PX square; ``role`` picks its style."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if role:
            self.setProperty("role", role)


def button_text(text: str) -> str:
    """Client or studio text for a button: an ``&`` is shown, not taken as a shortcut mark."""
    return text.replace("&", "&&")


def plain_label(role: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets rich text (client and studio text is shown as typed)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class StarRow(QWidget):
    """Five large stars; tapping the Nth lights stars 1..N and emits ``rated(N)``."""

    rated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setSpacing(12)
        layout.addStretch(1)
        self.buttons: list[TouchButton] = []
        for stars in range(1, 6):
            button = TouchButton("star", self)
            button.setText("★")
            button.setCheckable(True)
            button.setMinimumSize(STAR_PX, STAR_PX)
            button.clicked.connect(lambda _checked=False, n=stars: self.set_stars(n, emit=True))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self._stars = 0

    @property
    def stars(self) -> int:
        return self._stars

    def set_stars(self, stars: int, *, emit: bool = False) -> None:
        self._stars = stars
        for index, button in enumerate(self.buttons, start=1):
            button.setChecked(index <= stars)
        if emit:
            self.rated.emit(stars)

    def set_accessible_names(self, names: list[str]) -> None:
        for button, name in zip(self.buttons, names, strict=True):
            button.setAccessibleName(name)
            button.setToolTip(name)


def touch_scroll_area(content: QWidget) -> QScrollArea:
    """*content* in a vertical scroll area a finger drags (kinetic scrolling, as on any tablet):
    a screen taller than the tablet scrolls instead of squeezing what it shows."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.viewport().setAutoFillBackground(False)
    QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return scroll


def reveal(scroll: QScrollArea, *widgets: QWidget) -> None:
    """Scroll so that *widgets* show, the first one first (a widget taller than the screen
    shows its top). Layouts are settled first: what just opened has its place already."""
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    for widget in reversed(widgets):
        scroll.ensureWidgetVisible(widget, 0, 8)


class ScoreRow(QWidget):
    """Eleven buttons, 0 to 10, one of them chosen (or none: the answer is optional); tapping
    the chosen one again takes the answer back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setSpacing(6)
        layout.addStretch(1)
        self.buttons: list[TouchButton] = []
        for score in range(11):
            button = TouchButton("", self)
            button.setText(str(score))
            button.setAccessibleName(str(score))
            button.setCheckable(True)
            button.setMinimumSize(MIN_TOUCH_PX, MIN_TOUCH_PX)
            button.clicked.connect(lambda checked, n=score: self.set_score(n if checked else None))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self._score: int | None = None

    @property
    def score(self) -> int | None:
        return self._score

    def set_score(self, score: int | None) -> None:
        self._score = score
        for value, button in enumerate(self.buttons):
            button.setChecked(value == score)
