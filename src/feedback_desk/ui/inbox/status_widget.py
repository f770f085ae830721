"""The replies waiting for staff, in the status bar: "Replies to read: 3". Click to open them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from feedback_desk.ui.retranslating import Retranslating


class InboxStatusWidget(Retranslating, QWidget):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self._label)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.count = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.setToolTip(self.tr("Open the replies to read"))
        self.set_count(self.count)

    @Slot(int)
    def set_count(self, count: int) -> None:
        self.count = count
        self._label.setText(self.tr("Replies to read: %n", "", count))
        self._label.setStyleSheet("font-weight: bold;" if count else "")
        self.setAccessibleName(self._label.text())

    def text(self) -> str:
        return self._label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
