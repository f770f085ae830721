"""Rendering a tab of the real window to a PNG, off screen, once its data has loaded."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QSize, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from feedback_desk.clock import Clock
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.store.database import Store

IDLE_ROUNDS = 4  # consecutive quiet checks before the window counts as settled
CHECK_MS = 25


def prefer_offscreen() -> None:
    """Render without showing anything on screen (and without needing a display at all)."""
    if QApplication.instance() is None and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def wait_until_idle(window: object, timeout_ms: int = 60_000) -> None:
    """Run the event loop until *window* has no background work left (``is_idle()`` holds for a
    few checks in a row, so that loads started by other loads' results are waited for too)."""
    is_idle = window.is_idle  # type: ignore[attr-defined]
    deadline = QDeadlineTimer(timeout_ms)
    loop = QEventLoop()
    quiet = 0

    def check() -> None:
        nonlocal quiet
        quiet = quiet + 1 if is_idle() else 0
        if quiet >= IDLE_ROUNDS or deadline.hasExpired():
            loop.quit()

    timer = QTimer()
    timer.setInterval(CHECK_MS)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if quiet < IDLE_ROUNDS:
        raise FeedbackDeskError(
            f"the window was still loading after {timeout_ms // 1000} s; no screenshot written"
        )


def render_screenshot(
    store: Store, clock: Clock, tab: str, out: Path, size: QSize, *, timeout_ms: int = 60_000
) -> Path:
    prefer_offscreen()
    from feedback_desk.ui.app import create_application
    from feedback_desk.ui.main_window import MainWindow

    create_application()
    window = MainWindow(store, clock, remember_state=False)
    try:
        window.show_tab(tab)
        window.resize(size)
        window.show()
        wait_until_idle(window, timeout_ms)
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(1.0)
        image.fill(window.palette().window().color())
        window.render(image)
        if not image.save(str(out), "PNG"):
            raise FeedbackDeskError(f"cannot write {out}")
    finally:
        window.close()
        window.deleteLater()
    return out
