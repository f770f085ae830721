"""A headline figure: a big number, its caption, and how it changed (e.g. "NPS, last 30 days:
62", "▲ 5 vs the 30 days before")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from feedback_desk.ui.charts import style

_BETTER_COLOUR = style.PROMOTER
_WORSE_COLOUR = style.DETRACTOR
_SAME_COLOUR = "#555555"


class Headline(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet("color: #555555;")
        self.change = QLabel()
        self.change.setTextFormat(Qt.TextFormat.PlainText)
        self.change.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.change.hide()
        # Long captions (French: "▼ 0,27 par rapport aux 30 jours précédents") wrap rather than
        # widen the row of cards past a 1280-pixel window.
        for label in (self.caption, self.change):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.change)

    def set_value(self, value: str, tooltip: str | None = None) -> None:
        self.value.setText(value)
        self.setToolTip(tooltip or "")

    def set_change(self, text: str, better: bool | None) -> None:
        """The change against the earlier span, its arrow in the text (so colour is never the
        only sign): green when better, vermillion when worse, grey when equal or unknown."""
        colour = _SAME_COLOUR if better is None else _BETTER_COLOUR if better else _WORSE_COLOUR
        self.change.setStyleSheet(f"color: {colour};")
        self.change.setText(text)
        self.change.setVisible(bool(text))
