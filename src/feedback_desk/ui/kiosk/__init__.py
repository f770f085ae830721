"""The client-facing kiosk: a full-screen, touch-friendly window for a tablet at the front desk."""

from feedback_desk.ui.kiosk.idle import IdleWatch, TimerIdleWatch
from feedback_desk.ui.kiosk.session import open_kiosk
from feedback_desk.ui.kiosk.window import KioskWindow

__all__ = ["IdleWatch", "KioskWindow", "TimerIdleWatch", "open_kiosk"]
