"""GUI measurements on the large store: the Overview's full refresh and the GUI thread's
longest block while it runs (a 10 ms heartbeat QTimer records its longest gap); then the whole
window opened on the Class reviews tab (first page, scrolling, sorting, peak memory).

Run through ``bench/reports_bench.py`` (which prints the machine and row counts), or alone:

    python bench/gui_bench.py [bench/out/large.sqlite]
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from feedback_desk.clock import FixedClock  # noqa: E402
from feedback_desk.domain.localtime import local_to_utc  # noqa: E402
from feedback_desk.services.settings import load_settings  # noqa: E402
from feedback_desk.store.database import Store  # noqa: E402
from feedback_desk.ui.app import filter_known_qt_messages  # noqa: E402
from feedback_desk.ui.context import WindowContext  # noqa: E402
from feedback_desk.ui.gc_tuning import settle_after_startup  # noqa: E402
from feedback_desk.ui.tabs.overview import OverviewTab  # noqa: E402

HEARTBEAT_MS = 10


@dataclass(frozen=True)
class RefreshTiming:
    refresh_ms: float
    longest_gap_ms: float


class Heartbeat:
    """A 10 ms timer on the GUI thread; its longest gap is how long the thread was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self._last = 0.0

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self._last = 0.0
        self.timer.start()

    def _beat(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return self.longest


def _wait_idle(tab: OverviewTab) -> None:
    """Let the closing-the-loop figure (read after each refresh, seconds on a million reviews)
    finish, so that each measured refresh starts on an idle window."""
    _wait(tab.is_idle)


def _one_refresh(tab: OverviewTab, heartbeat: Heartbeat) -> RefreshTiming:
    """From refresh() to the moment every figure, list and chart image is on screen."""
    _wait_idle(tab)
    loop = QEventLoop()
    tab.refreshed.connect(loop.quit)
    heartbeat.start()
    started = time.perf_counter()
    tab.refresh()
    loop.exec()
    tab.repaint()  # paint the finished images now, inside the measure
    elapsed = (time.perf_counter() - started) * 1000
    gap = heartbeat.stop()
    tab.refreshed.disconnect(loop.quit)
    return RefreshTiming(elapsed, gap)


def overview_refresh(store: Store, until: datetime, repeat: int = 5) -> list[RefreshTiming]:
    _app = QApplication.instance() or QApplication([])
    filter_known_qt_messages()
    context = WindowContext(store, FixedClock(until))
    tab = OverviewTab(context)
    tab.resize(1400, 900)
    heartbeat = Heartbeat()
    loop = QEventLoop()
    tab.refreshed.connect(loop.quit)
    tab.show()
    tab.refresh()  # the first refresh warms the caches
    loop.exec()
    tab.refreshed.disconnect(loop.quit)
    settle_after_startup()  # as the application does once its window is up
    timings = [_one_refresh(tab, heartbeat) for _ in range(repeat)]
    _wait_idle(tab)
    tab.close()
    context.tasks.shutdown()
    return timings


def print_overview(store: Store, until_day: object, repeat: int = 5) -> None:
    with store.read() as session:
        tz = load_settings(session).timezone
    until = local_to_utc(
        datetime.combine(until_day, datetime.min.time()) + timedelta(hours=18),  # type: ignore[arg-type]
        tz,
    )
    timings = overview_refresh(store, until, repeat)
    refresh = statistics.median(t.refresh_ms for t in timings)
    worst_gap = max(t.longest_gap_ms for t in timings)
    print(
        f"Overview full refresh (queries + charts, 1400×900): median {refresh:.0f} ms, "
        f"worst {max(t.refresh_ms for t in timings):.0f} ms (bar < 500 ms: "
        f"{'met' if refresh < 500 else 'NOT MET'})"
    )
    print(
        f"GUI heartbeat longest gap during refreshes: {worst_gap:.0f} ms (bar < 100 ms: "
        f"{'met' if worst_gap < 100 else 'NOT MET'})"
    )


def _wait(condition: object, timeout_s: float = 60.0) -> float:
    """Run the event loop (idle, not spinning) until *condition()* holds; the seconds it took."""
    started = time.perf_counter()
    loop = QEventLoop()

    def check() -> None:
        if condition() or time.perf_counter() - started > timeout_s:  # type: ignore[operator]
            loop.quit()

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(check)
    timer.start()
    if not condition():  # type: ignore[operator]
        loop.exec()
    timer.stop()
    if not condition():  # type: ignore[operator]
        raise TimeoutError("the window did not get there in time")
    return time.perf_counter() - started


def print_window(store: Store, until_day: object) -> None:
    """The whole window on the large store, opened on the Class reviews tab: its first page of
    reviews, everything loaded (every tab's figures and charts), scrolling and sorting the
    table, the GUI thread's longest block and the process's peak memory."""
    import resource

    from feedback_desk.ui.main_window import MainWindow

    _app = QApplication.instance() or QApplication([])
    filter_known_qt_messages()
    with store.read() as session:
        tz = load_settings(session).timezone
    until = local_to_utc(
        datetime.combine(until_day, datetime.min.time()) + timedelta(hours=18),  # type: ignore[arg-type]
        tz,
    )
    heartbeat = Heartbeat()
    started = time.perf_counter()
    window = MainWindow(store, FixedClock(until), remember_state=False)
    window.resize(1400, 900)
    window.show_tab("class")
    window.show()
    built = (time.perf_counter() - started) * 1000
    # As `feedback-desk` does once its window is shown (ui/launch.py).
    QTimer.singleShot(0, settle_after_startup)
    heartbeat.start()  # from here on the event loop runs: every block counts
    panel = window.pages["class"].panel  # type: ignore[attr-defined]
    model = panel.model
    _wait(lambda: model.rowCount() > 0)
    first_page = (time.perf_counter() - started) * 1000
    _wait(window.is_idle)
    everything = (time.perf_counter() - started) * 1000
    opening_gap = heartbeat.stop()
    print(
        f"window on the Class tab (all four tabs load at once): built and shown in {built:.0f} ms; "
        f"the table's first page {first_page - built:.0f} ms after that (bar < 300 ms: "
        f"{'met' if first_page - built < 300 else 'NOT MET'}), {first_page:.0f} ms from the "
        f"start; every tab loaded and drawn after "
        f"{everything:.0f} ms; GUI longest gap once shown {opening_gap:.0f} ms"
    )

    heartbeat.start()
    pages = []
    for _ in range(10):
        before = model.rowCount()
        began = time.perf_counter()
        panel.table.scrollToBottom()
        _wait(lambda before=before: model.rowCount() > before or model.complete)
        pages.append((time.perf_counter() - began) * 1000)
    scroll_gap = heartbeat.stop()
    total = model.count or 0
    print(
        f"scrolling: 10 more pages, {statistics.median(pages):.0f} ms each (median); "
        f"{model.rowCount():,} of {total:,} rows loaded; GUI longest gap {scroll_gap:.0f} ms"
    )

    heartbeat.start()
    began = time.perf_counter()
    panel.order_box.setCurrentIndex(panel.order_box.findText("Lowest"))
    _wait(lambda: model.rowCount() > 0 and not model.loading)
    sorted_ms = (time.perf_counter() - began) * 1000
    sort_gap = heartbeat.stop()
    lowest = model.row(0).stars
    print(
        f"sorting lowest first: first page {sorted_ms:.0f} ms ({model.rowCount():,} rows loaded, "
        f"first row {lowest} ★), GUI longest gap {sort_gap:.0f} ms"
    )
    _wait(window.is_idle)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory of the process: {peak_mb:.0f} MB (bar < 500 MB: "
        f"{'met' if peak_mb < 500 else 'NOT MET'})"
    )
    window.close()


if __name__ == "__main__":
    from bench.large_store import LargeStoreSpec, open_or_build

    spec = LargeStoreSpec()
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "out" / "large.sqlite"
    opened, _counts = open_or_build(path, spec)
    print_overview(opened, spec.until)
    print_window(opened, spec.until)
    opened.close()
