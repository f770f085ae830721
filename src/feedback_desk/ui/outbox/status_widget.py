"""The outbox's counts for the status bar: "Outbox: 3 queued · 1 failed". Click to open it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


class OutboxStatusWidget(QWidget):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self._label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Open the outbox"))
        self.queued = self.failed = self.uncertain = 0
        self.set_counts(0, 0, 0)

    @Slot(int, int, int)
    def set_counts(self, queued: int, failed: int, uncertain: int) -> None:
        self.queued, self.failed, self.uncertain = queued, failed, uncertain
        parts = [self.tr("%n queued", "", queued)]
        if failed:
            parts.append(self.tr("%n failed", "", failed))
        if uncertain:
            parts.append(self.tr("%n uncertain", "", uncertain))
        self._label.setText(self.tr("Outbox: %1").replace("%1", " · ".join(parts)))
        attention = failed + uncertain > 0
        self._label.setStyleSheet("color: #b00020; font-weight: bold;" if attention else "")
        self.setAccessibleName(self._label.text())

    def text(self) -> str:
        return self._label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
