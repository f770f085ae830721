"""The window never stutters: the GUI thread's longest block (a 10 ms heartbeat QTimer records
its longest gap; the bar is 50 ms) while

- the Overview refreshes on the large store (1,000,000 reviews; five refreshes after a warm
  one), and how long a refresh takes (queries, lists and charts on screen);
- the window opens on the large store (on the Overview, until it and what starts after its first
  screen have finished), then every tab is shown: the Class table's first page, scrolling and
  sorting it, and the peak memory of the window's process and of the chart renderer's;
- a Google sync of 1,000 reviews runs (tests/support/fake_google.py, a loopback Google);
- an outbox run of 1,000 messages (a loopback aiosmtpd server, tests/support/smtp_server.py);
- an import of 200,000 attendance rows.

    python bench/gui_bench.py [--store bench/out/large.sqlite] [--only overview,window,...]
                              [--stalls]

``--stalls`` prints where the GUI thread was when it stalled (bench/stalls.py). The large store
is built once by bench/large_store.py; the other scenarios use small stores in a temp folder.
Imports are inside the functions: the chart renderer process re-imports this file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GAP_BAR_MS = 50
MEMORY_BAR_MB = 300
SYNC_REVIEWS = 1000
OUTBOX_MESSAGES = 1000
IMPORT_ROWS = 200_000


def _setup() -> None:
    """Off screen, in folders of its own (data, settings, the keyring of the tests)."""
    home = Path(tempfile.mkdtemp(prefix="gui-bench-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["FEEDBACK_DESK_DATA_DIR"] = str(home / "data")
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.keyring_backend.TestKeyring"
    os.environ["FEEDBACK_DESK_TEST_KEYRING"] = str(home / "keyring.json")
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    from feedback_desk.ui.app import create_application

    return QApplication.instance() or create_application()


def _wait(condition: Callable[[], bool], timeout_s: float = 600.0) -> float:
    """Run the event loop (idle, not spinning) until *condition()* holds; the seconds it took."""
    from PySide6.QtCore import QEventLoop, QTimer

    started = time.perf_counter()
    loop = QEventLoop()

    def check() -> None:
        if condition() or time.perf_counter() - started > timeout_s:
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(check)
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the window did not get there in time")
    return time.perf_counter() - started


def _verdict(gap_ms: float) -> str:
    return f"bar ≤ {GAP_BAR_MS} ms: {'met' if gap_ms <= GAP_BAR_MS else 'NOT MET'}"


def _block(heartbeat: Any) -> str:
    """The longest gap, and how much of the busiest gap was the GUI thread's own work."""
    gap = heartbeat.stop()
    return (
        f"{gap:.0f} ms ({_verdict(gap)}; the GUI thread's own work in a gap at most "
        f"{heartbeat.longest_work:.0f} ms, the rest waiting for a processor or the GIL)"
    )


def _heartbeat(args: argparse.Namespace) -> Any:
    from bench.stalls import Heartbeat

    return Heartbeat(watch=args.stalls)


def _report_stalls(heartbeat: Any, args: argparse.Namespace) -> None:
    if args.stalls:
        heartbeat.print_stalls()


def _at_six_pm(store: Any, day: Any) -> datetime:
    from feedback_desk.domain.localtime import local_to_utc
    from feedback_desk.services.settings import load_settings

    with store.read() as session:
        tz = load_settings(session).timezone
    return local_to_utc(datetime.combine(day, datetime.min.time()) + timedelta(hours=18), tz)


def _open_window(store: Any, clock: Any, **options: Any) -> Any:
    """The window as `feedback-desk` opens it (start-up objects frozen once it is shown)."""
    from PySide6.QtCore import QTimer

    from feedback_desk.ui.gc_tuning import settle_after_startup
    from feedback_desk.ui.main_window import MainWindow

    window = MainWindow(store, clock, remember_state=False, **options)
    window.resize(1400, 900)
    window.show()
    QTimer.singleShot(0, settle_after_startup)
    return window


def _loaded(window: Any) -> bool:
    return bool(window.context.settings_loaded and window.first_screen_done and window.is_idle())


# -- the large store ---------------------------------------------------------------------------


def overview_refreshes(store: Any, until_day: Any, args: argparse.Namespace) -> None:
    """Five refreshes of the Overview tab alone, after a first one that warms the caches."""
    from PySide6.QtCore import QEventLoop

    from feedback_desk.clock import FixedClock
    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.gc_tuning import settle_after_startup
    from feedback_desk.ui.tabs.overview import OverviewTab

    _app()
    context = WindowContext(store, FixedClock(_at_six_pm(store, until_day)))
    tab = OverviewTab(context)
    tab.resize(1400, 900)
    tab.show()
    loop = QEventLoop()
    tab.refreshed.connect(loop.quit)
    tab.refresh()
    loop.exec()
    settle_after_startup()
    heartbeat = _heartbeat(args)
    timings, gaps, work = [], [], []
    for _ in range(args.repeat):
        _wait(tab.is_idle)  # the closing-the-loop figure, read after each refresh
        heartbeat.start()
        started = time.perf_counter()
        tab.refresh()
        loop.exec()
        tab.repaint()  # paint the finished images now, inside the measure
        timings.append((time.perf_counter() - started) * 1000)
        gaps.append(heartbeat.stop())
        work.append(heartbeat.longest_work)
    _wait(tab.is_idle)
    refresh = statistics.median(timings)
    print(
        f"Overview full refresh (queries, lists, three charts drawn by the renderer, 1400×900): "
        f"median {refresh:.0f} ms, worst {max(timings):.0f} ms (bar < 500 ms: "
        f"{'met' if refresh < 500 else 'NOT MET'})"
    )
    print(
        f"GUI thread's longest block during {args.repeat} refreshes: {max(gaps):.0f} ms "
        f"(each: {', '.join(f'{g:.0f}' for g in gaps)}; {_verdict(max(gaps))}; its own work "
        f"in a gap at most {max(work):.0f} ms, the rest waiting for a processor or the GIL)"
    )
    _report_stalls(heartbeat, args)
    heartbeat.close()
    tab.close()
    context.close()


def _peak_mb(pid: int | None = None) -> float:
    """A process's peak resident memory (VmHWM), in MB."""
    status = Path(f"/proc/{pid or 'self'}/status").read_text()
    line = next(row for row in status.splitlines() if row.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


class _HelperMemory:
    """The peak memory of its own (USS: what it does not share with the renderer it was forked
    from) of the helper that draws part of a burst of charts, sampled every 20 ms on a thread
    (the helper lives only while a burst is drawn: /proc keeps no peak of a process gone)."""

    def __init__(self, renderer_pid: int | None) -> None:
        import threading

        self.renderer_pid = renderer_pid
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="helper-memory", daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.wait(0.02):
            try:
                helpers = psutil.Process(self.renderer_pid).children()
                for helper in helpers:
                    self.peak_mb = max(self.peak_mb, helper.memory_full_info().uss / 2**20)
            except psutil.Error:
                continue  # a helper that ended between two reads

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_mb


def window_on_the_large_store(store: Any, until_day: Any, args: argparse.Namespace) -> None:
    """The window opened on the Overview; then every tab; the Class table scrolled and sorted;
    the peak memory of both processes."""
    from feedback_desk.clock import FixedClock

    _app()
    clock = FixedClock(_at_six_pm(store, until_day))
    # Loaded before the application exists, as `feedback-desk` loads it (ui/launch.py).
    import feedback_desk.ui.main_window  # noqa: F401

    heartbeat = _heartbeat(args)
    heartbeat.start()
    started = time.perf_counter()
    window = _open_window(store, clock)
    built = (time.perf_counter() - started) * 1000
    helper_memory = _HelperMemory(window.charts.pid)
    _wait(lambda: "overview" in window.pages)  # built on the event loop's first turn
    overview = window.pages["overview"]
    _wait(lambda: overview.data is not None and not overview.busy)
    drawn = (time.perf_counter() - started) * 1000
    _wait(lambda: _loaded(window))
    settled = (time.perf_counter() - started) * 1000
    print(
        f"window opened on the Overview: built and shown in {built:.0f} ms, the Overview drawn "
        f"after {drawn:.0f} ms, everything started after it (outbox, Google check, closing the "
        f"loop) done after {settled:.0f} ms; GUI thread's longest block {_block(heartbeat)}"
    )
    _report_stalls(heartbeat, args)

    heartbeat.start()
    began = time.perf_counter()
    window.show_tab("class")
    panel = window.pages["class"].panel
    model = panel.model
    _wait(lambda: model.rowCount() > 0)
    first_page = (time.perf_counter() - began) * 1000
    for key in ("business", "google"):
        window.show_tab(key)
        _wait(lambda: _loaded(window))
    window.show_tab("class")
    _wait(lambda: _loaded(window))
    print(
        f"every tab shown in turn (built and loaded when first shown): the Class table's first "
        f"page {first_page:.0f} ms after its tab was chosen (bar < 300 ms: "
        f"{'met' if first_page < 300 else 'NOT MET'}); GUI thread's longest block "
        f"{_block(heartbeat)}"
    )
    _report_stalls(heartbeat, args)

    heartbeat.start()
    pages = []
    for _ in range(10):
        before = model.rowCount()
        began = time.perf_counter()
        panel.table.scrollToBottom()
        _wait(lambda before=before: model.rowCount() > before or model.complete)
        pages.append((time.perf_counter() - began) * 1000)
    print(
        f"scrolling: 10 more pages, {statistics.median(pages):.0f} ms each (median); "
        f"{model.rowCount():,} of {model.count or 0:,} rows loaded; GUI longest block "
        f"{_block(heartbeat)}"
    )
    heartbeat.start()
    began = time.perf_counter()
    panel.order_box.setCurrentIndex(panel.order_box.findText("Lowest"))
    _wait(lambda: model.rowCount() > 0 and not model.loading)
    sorted_ms = (time.perf_counter() - began) * 1000
    print(
        f"sorting lowest first: first page {sorted_ms:.0f} ms (first row {model.row(0).stars} ★), "
        f"GUI longest block {_block(heartbeat)}"
    )
    _report_stalls(heartbeat, args)
    heartbeat.close()
    _wait(lambda: _loaded(window))
    gui_mb, renderer_mb = _peak_mb(), _peak_mb(window.charts.pid)
    helper_mb = helper_memory.stop()
    total = gui_mb + renderer_mb + helper_mb
    print(
        f"peak memory with every tab loaded: window {gui_mb:.0f} MB + chart renderer "
        f"{renderer_mb:.0f} MB + its burst helper's own {helper_mb:.0f} MB = {total:.0f} MB "
        f"(bar ≤ {MEMORY_BAR_MB} MB: {'met' if total <= MEMORY_BAR_MB else 'NOT MET'})"
    )
    window.close()


# -- work in the background, on small stores ---------------------------------------------------


def _small_studio(folder: Path) -> Path:
    """A copy of the demo studio of bench/cold_start.py (written there once), with a keyring of
    its own (copies share the store's id, hence its secrets)."""
    from bench.cold_start import DEMO_DAY, _demo_store

    demo = ROOT / "bench" / "out" / "demo.sqlite"
    _demo_store(str(demo))
    copy = folder / f"studio-{time.monotonic_ns()}.sqlite"
    shutil.copyfile(demo, copy)
    os.environ["FEEDBACK_DESK_TEST_KEYRING"] = str(copy.with_suffix(".keyring.json"))
    print(f"  (on a copy of the demo studio ending {DEMO_DAY})")
    return copy


def _during(window: Any, what: str, done: Callable[[], bool], args: argparse.Namespace) -> None:
    heartbeat = _heartbeat(args)
    heartbeat.start()
    started = time.perf_counter()
    _wait(done)
    _wait(lambda: _loaded(window))  # and the refresh that follows
    elapsed = time.perf_counter() - started
    print(
        f"{what}: {elapsed:.1f} s, window refreshed after it; GUI thread's longest block "
        f"{_block(heartbeat)}"
    )
    _report_stalls(heartbeat, args)
    heartbeat.close()


def google_sync(folder: Path, args: argparse.Namespace) -> None:
    """A connected studio whose profile has 1,000 reviews it has never synced: the window's
    first check after its first screen starts the sync."""
    import json

    from tests.support.fake_google import FakeGoogle

    from bench.cold_start import DEMO_DAY
    from feedback_desk.clock import FixedClock
    from feedback_desk.services.google import auth, connection
    from feedback_desk.services.settings import set_setting
    from feedback_desk.services.studio import open_studio

    _app()
    google = FakeGoogle().start()
    try:
        google.add_account("111111111111111111111", "Owner", kind="PERSONAL")
        account = google.add_account("222222222222222222222", "Studio")
        location = google.add_location(account, "4444444444444444444", "Studio")
        base = datetime(2025, 1, 1, tzinfo=UTC)
        for n in range(SYNC_REVIEWS):
            google.add_review(
                location,
                f"G{n}",
                reviewer=f"Reviewer {n}",
                stars=5 - n % 5,
                comment=f"Review number {n}" if n % 3 else None,
                create_time=(base + timedelta(hours=7 * n)).isoformat().replace("+00:00", "Z"),
            )
        store = open_studio(_small_studio(folder))
        clock = FixedClock(datetime.fromisoformat(f"{DEMO_DAY}T22:00:00+00:00"))
        with store.write() as session:
            set_setting(session, "google.api_base_url", google.url, at=clock.now(), actor="bench")
        sign_in_file = folder / "authorized_user.json"
        sign_in_file.write_text(json.dumps(google.authorized_user()))
        connection.connect(
            store,
            auth.read_authorized_user_file(sign_in_file),
            wanted_location=None,
            clock=clock,
            actor="bench",
        )
        synced: list[object] = []
        window = _open_window(store, clock)
        # Built (the tab in front on the event loop's first turn) before the heartbeat starts,
        # as in the other scenarios: its opening is the window scenario's.
        _wait(lambda: window.context.google_sync is not None and bool(window.pages))
        window.context.google_sync.synced.connect(synced.append)
        _during(window, f"Google sync of {SYNC_REVIEWS:,} reviews", lambda: bool(synced), args)
        window.close()
    finally:
        google.stop()


def outbox_run(folder: Path, args: argparse.Namespace) -> None:
    """1,000 emails waiting when the window opens, a mail server set: the outbox sends them once
    the first screen is drawn."""
    from tests.support.smtp_server import SmtpServer

    from bench.cold_start import DEMO_DAY
    from feedback_desk.clock import FixedClock
    from feedback_desk.domain.kinds import MessageKind
    from feedback_desk.services.outbox.queue import queue_message
    from feedback_desk.services.settings import set_setting
    from feedback_desk.services.studio import open_studio
    from feedback_desk.services.templates.fill import EmailContent
    from feedback_desk.ui.window_features.outbox import OutboxFeature

    _app()
    server = SmtpServer().start()
    try:
        store = open_studio(_small_studio(folder))
        clock = FixedClock(datetime.fromisoformat(f"{DEMO_DAY}T22:00:00+00:00"))
        with store.write() as session:
            for key, value in (
                ("smtp.host", server.host),
                ("smtp.port", str(server.port)),
                ("smtp.security", "none"),
                ("smtp.sender", "hello@studio.example"),
                ("outbox.per_minute", "10000"),
            ):
                set_setting(session, key, value, at=clock.now(), actor="bench")
            for n in range(OUTBOX_MESSAGES):
                queue_message(
                    session,
                    kind=MessageKind.TEST,
                    recipients=[f"client{n}@members.example"],
                    content=EmailContent(f"Message {n}", "Hello", "<p>Hello</p>"),
                    at=clock.now(),
                )
        finished: list[object] = []
        window = _open_window(store, clock)
        [outbox] = [f for f in window.features if isinstance(f, OutboxFeature)]
        _wait(lambda: outbox.worker is not None)
        outbox.worker.run_finished.connect(finished.append)
        _during(window, f"outbox run of {OUTBOX_MESSAGES:,} messages", lambda: bool(finished), args)
        sent = getattr(getattr(finished[0], "send", None), "sent", "?")
        print(f"  ({sent} sent, {len(server.handler.received)} received by the server)")
        window.close()
    finally:
        server.stop()


def attendance_import(folder: Path, args: argparse.Namespace) -> None:
    """200,000 attendance rows imported (as File → Import… does, on a worker with progress)
    while the window shows the studio they belong to."""
    from bench.import_csv import build_files
    from feedback_desk.clock import FixedClock
    from feedback_desk.services.importing import import_file
    from feedback_desk.services.studio import open_studio

    _app()
    clock = FixedClock(datetime(2026, 5, 1, 12, tzinfo=UTC))
    files = build_files(folder, IMPORT_ROWS, 0)
    store = open_studio(folder / "imported.sqlite", clock=clock)
    for kind in ("clients", "coaches", "sessions"):
        import_file(store, kind, files[kind], clock=clock)
    window = _open_window(store, clock)
    _wait(lambda: _loaded(window))
    reports: list[object] = []
    window.run_task(
        lambda progress: import_file(
            store, "attendance", files["attendance"], clock=clock, progress=progress
        ),
        label="Importing attendance…",
        on_done=lambda report: (reports.append(report), window.refresh()),
    )
    _during(window, f"import of {IMPORT_ROWS:,} attendance rows", lambda: bool(reports), args)
    window.close()


def print_overview(store: Any, until_day: Any, repeat: int = 5) -> None:
    """For bench/reports_bench.py: the Overview's refreshes on its store."""
    overview_refreshes(store, until_day, argparse.Namespace(repeat=repeat, stalls=False))


def print_window(store: Any, until_day: Any) -> None:
    """For bench/reports_bench.py: the window on its store."""
    window_on_the_large_store(store, until_day, argparse.Namespace(repeat=5, stalls=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=ROOT / "bench" / "out" / "large.sqlite")
    parser.add_argument(
        "--only", default="overview,window,sync,outbox,import", help="scenarios, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stalls", action="store_true", help="where the GUI thread stalled")
    args = parser.parse_args()
    _setup()
    from bench.large_store import LargeStoreSpec, machine_description, open_or_build
    from feedback_desk.ui.app import filter_known_qt_messages

    _app()
    filter_known_qt_messages()
    print(machine_description(), f"load average {os.getloadavg()[0]:.1f}")
    only = set(args.only.split(","))
    if only & {"overview", "window"}:
        spec = LargeStoreSpec()
        store, counts = open_or_build(args.store, spec)
        print(f"large store: {counts['reviews']:,} reviews, {counts['clients']:,} clients")
        if "overview" in only:
            overview_refreshes(store, spec.until, args)
        if "window" in only:
            window_on_the_large_store(store, spec.until, args)
        store.close()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        if "sync" in only:
            google_sync(folder, args)
        if "outbox" in only:
            outbox_run(folder, args)
        if "import" in only:
            attendance_import(folder, args)


if __name__ == "__main__":
    main()
