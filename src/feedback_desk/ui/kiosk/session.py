"""Tools → Kiosk mode: the kiosk takes the screen and the window steps aside until staff leave
with the PIN (clients at the front desk never reach the studio's data behind it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from feedback_desk.ui.kiosk.window import KioskWindow

if TYPE_CHECKING:
    from feedback_desk.ui.main_window import MainWindow


def open_kiosk(window: MainWindow) -> KioskWindow:
    """Open the kiosk full screen on the window's context and hide the window; it comes back
    (and refreshes, showing the reviews just left) when staff leave the kiosk. Opening it again
    while it runs brings the running kiosk to the front."""
    running = getattr(window, "kiosk", None)
    if isinstance(running, KioskWindow):
        running.showFullScreen()
        running.activateWindow()
        return running
    kiosk = KioskWindow(window.context)
    kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.kiosk = kiosk
    app = QCoreApplication.instance()

    def left() -> None:
        window.kiosk = None
        if app is not None:
            app.aboutToQuit.disconnect(kiosk.shutdown)
        if not window.closing:
            window.show()
            window.activateWindow()
            window.refresh()

    kiosk.closed.connect(left)
    if app is not None:
        # The session ends (logout, Ctrl+C): the kiosk closes without asking for the PIN.
        app.aboutToQuit.connect(kiosk.shutdown)
    kiosk.showFullScreen()
    window.hide()
    return kiosk
