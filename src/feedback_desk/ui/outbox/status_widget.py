"""The outbox's counts for the status bar: "Outbox: 3 queued · 1 failed". Click to open it.

While email is not set up (no mail server or no sender), it says so beside the counts, with a
button to Settings → Email: messages never wait silently."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from feedback_desk.ui.retranslating import Retranslating


class OutboxStatusWidget(Retranslating, QWidget):
    clicked = Signal()
    setup_requested = Signal()  # "Set up email…"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self.not_set_up = QLabel(self)
        self.not_set_up.setTextFormat(Qt.TextFormat.PlainText)
        self.not_set_up.setStyleSheet("color: #8A5300;")
        # Never what makes the window wider: a narrow window cuts it, its tooltip keeps it whole.
        self.not_set_up.setMinimumWidth(1)
        self.setup_button = QToolButton(self)
        self.setup_button.clicked.connect(self.setup_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self._label)
        layout.addWidget(self.not_set_up)
        layout.addWidget(self.setup_button)
        self.set_configured(True)  # until the settings say otherwise
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.queued = self.failed = self.uncertain = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.not_set_up.setText(self.tr("Email is not set up: messages wait in the outbox."))
        self.not_set_up.setToolTip(self.not_set_up.text())
        self.setup_button.setText(self.tr("Set up email…"))
        self.setToolTip(self.tr("Open the outbox"))
        self.set_counts(self.queued, self.failed, self.uncertain)

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

    def set_configured(self, configured: bool) -> None:
        self.not_set_up.setVisible(not configured)
        self.setup_button.setVisible(not configured)

    def text(self) -> str:
        return self._label.text()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
