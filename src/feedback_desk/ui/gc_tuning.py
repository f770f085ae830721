"""Python's garbage collector and Qt: collect only on the GUI thread, and briefly.

Two things go wrong when the cyclic collector runs on its own:

- It runs on whichever thread happens to allocate when a threshold is crossed, often a worker.
  If the garbage it finds holds a Qt widget that Python owns, the widget's C++ destructor then
  runs on that worker thread, which Qt does not allow and which corrupts memory. So automatic
  collection is switched off while the window runs, and a timer on the GUI thread collects with
  the same thresholds the collector would have used (the approach pyqtgraph and other Qt
  applications take).
- A full (generation 2) collection walks every tracked object and holds the GIL while it does:
  with the window, the store and matplotlib loaded that is a pause of 100-250 ms. Freezing what
  start-up built moves those long-lived objects out of the collector's walk, so later full
  collections only visit what was made since.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Owns the collection while the application runs (a child of the application)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        self.destroyed.connect(_enable_automatic_collection)

    def collect_due(self) -> None:
        """Collect the generations whose counts crossed their threshold, youngest first."""
        young, middle, old = gc.get_count()
        first, second, third = self._thresholds
        if young <= first:
            return
        if middle > second and old > third:
            gc.collect(2)
        elif middle > second:
            gc.collect(1)
        else:
            gc.collect(0)


def _enable_automatic_collection() -> None:
    gc.enable()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once for *app* (the window, the kiosk and the tests share it)."""
    existing = app.findChild(GuiThreadCollector)
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)


def settle_after_startup() -> None:
    """Call once the window is built and shown: freeze what start-up built. Not collected
    first: `feedback-desk` pauses the collector while it starts (cli/commands/gui.py), so every
    object start-up made is still young, and even a young collection would walk them all
    (40-55 ms with the GUI thread blocked, measured) to find the few hundred cyclic objects the
    imports dropped, a few kilobytes that freezing keeps for good instead."""
    gc.freeze()
