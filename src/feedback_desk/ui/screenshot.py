"""Rendering a tab of the real window to a PNG, off screen, once its data has loaded."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QPoint, QSize, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from feedback_desk.clock import Clock
from feedback_desk.errors import FeedbackDeskError
from feedback_desk.store.database import Store

if TYPE_CHECKING:
    from feedback_desk.ui.main_window import MainWindow

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
    store: Store,
    clock: Clock,
    tab: str,
    out: Path,
    size: QSize,
    *,
    dialog: str | None = None,
    language: str | None = None,
    timeout_ms: int = 60_000,
) -> Path:
    """*tab* of the window at *size*; with *dialog* ("worklist", or "reply" to the tab's newest
    review) that dialog drawn over it, centred, as a user would see it."""
    prefer_offscreen()
    from feedback_desk.ui import i18n
    from feedback_desk.ui.app import create_application
    from feedback_desk.ui.main_window import MainWindow

    create_application()
    if language:
        i18n.install_language(language)
    window = MainWindow(store, clock, remember_state=False)
    try:
        window.show_tab(tab)
        window.resize(size)
        window.show()
        wait_until_idle(window, timeout_ms)
        opened = _open_dialog(window, tab, dialog) if dialog else None
        if opened is not None:
            wait_until_idle(window, timeout_ms)
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(1.0)
        image.fill(window.palette().window().color())
        window.render(image)
        if opened is not None:
            corner = QPoint(
                max(0, (size.width() - opened.width()) // 2),
                max(0, (size.height() - opened.height()) // 2),
            )
            opened.render(image, corner)
            _frame(image, corner, opened.size())
        if not image.save(str(out), "PNG"):
            raise FeedbackDeskError(f"cannot write {out}")
    finally:
        window.close()
        window.deleteLater()
    return out


def _frame(image: QImage, corner: QPoint, size: QSize) -> None:
    """The border a window manager would draw: off screen, a dialog has none."""
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#5f6368"), 2))
    painter.drawRect(corner.x() - 1, corner.y() - 1, size.width() + 1, size.height() + 1)
    painter.end()


def _open_dialog(window: MainWindow, tab: str, dialog: str) -> QWidget:
    from feedback_desk.ui.dialogs.opener import opener_for

    opener = opener_for(window.context)
    if dialog == "worklist":
        return opener.open_worklist()
    from feedback_desk.ui.models.reviews_table import ReviewExternalIdRole

    panel = window.page(tab).panel  # type: ignore[attr-defined]
    newest = panel.model.index(0, 0).data(ReviewExternalIdRole)
    if not isinstance(newest, str):
        raise FeedbackDeskError(f"the {tab} tab lists no review to reply to")
    panel.table.selectRow(0)
    return opener.reply_to(newest)
