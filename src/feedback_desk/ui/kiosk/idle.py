"""The kiosk's "no touch for a while" watch, injectable so tests never wait for real."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class IdleWatch(QObject):
    """Emits ``expired`` when nobody touched the kiosk for a while.

    This base never expires on its own: tests inject it and emit ``expired`` themselves.
    """

    expired = Signal()

    def restart(self) -> None:
        """Someone touched the kiosk: start counting again."""

    def stop(self) -> None:
        """Nothing to wait for (the idle screen with nothing typed)."""


class TimerIdleWatch(IdleWatch):
    """Expires after *seconds* without a touch (setting ``kiosk.idle_seconds``)."""

    def __init__(self, seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, seconds) * 1000)
        self._timer.timeout.connect(self.expired)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def restart(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
