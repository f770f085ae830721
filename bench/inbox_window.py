"""The window reading the mailbox: M answers (default 1,000) arrive in a loopback Dovecot
(started here, as the tests do) while the main window is open on the store; one background pass
records them all, then the tabs refresh. A 10 ms heartbeat timer on the GUI thread measures its
longest block during the pass (target < 50 ms), then during the tabs' refresh that follows it;
first, the idle window's own longest gap says how loaded the machine is.

    PYTHONPATH=src:. python bench/inbox_window.py [--answers 1000]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from tests.support.dovecot import dovecot_server  # noqa: E402

from bench.gui_bench import Heartbeat, _wait  # noqa: E402
from bench.requests_and_inbox import AT, append_answers, mailbox_store, sent_requests  # noqa: E402
from feedback_desk.clock import FixedClock  # noqa: E402
from feedback_desk.services.inbox.fetch import FetchSummary  # noqa: E402
from feedback_desk.ui.app import filter_known_qt_messages  # noqa: E402
from feedback_desk.ui.gc_tuning import collect_on_gui_thread, settle_after_startup  # noqa: E402
from feedback_desk.ui.main_window import MainWindow  # noqa: E402
from feedback_desk.ui.window_features.inbox import InboxFeature  # noqa: E402

TARGET_MS = 50
IDLE_S = 3.0


def bench_window_fetch(answers: int) -> None:
    app = QApplication.instance() or QApplication([])
    filter_known_qt_messages()
    collect_on_gui_thread(app)  # as the application does
    with dovecot_server() as server, tempfile.TemporaryDirectory() as folder:
        if server is None:
            print("skipped: Dovecot is not installed")
            return
        user = server.add_user()
        store = mailbox_store(Path(folder), server, user)
        refs = sent_requests(store, answers)
        window = MainWindow(store, FixedClock(AT), remember_state=False)
        window.resize(1400, 900)
        window.show()
        # Open and idle: the first pass (an empty mailbox) is over, the tabs are loaded.
        _wait(lambda: window.context.settings_loaded and window.is_idle(), timeout_s=120)
        settle_after_startup()
        [inbox] = [f for f in window.features if isinstance(f, InboxFeature)]
        assert inbox.worker is not None
        append_answers(user, refs)
        # The machine's own noise: the idle window's longest gap (a loaded machine shows it).
        heartbeat = Heartbeat()
        heartbeat.start()
        idle_since = time.perf_counter()
        _wait(lambda: time.perf_counter() - idle_since > IDLE_S, timeout_s=IDLE_S + 5)
        idle = heartbeat.stop()
        summaries: list[FetchSummary] = []
        inbox.worker.fetched.connect(summaries.append)
        heartbeat.start()
        started = time.perf_counter()
        task = inbox.fetch_now()
        assert task is not None
        _wait(lambda: bool(summaries), timeout_s=600)
        fetched = time.perf_counter() - started
        during_pass = heartbeat.stop()
        heartbeat.start()
        _wait(window.is_idle, timeout_s=120)
        refreshed = time.perf_counter() - started
        during_refresh = heartbeat.stop()
        window.close()
        app.processEvents()
        store.close()
    [summary] = summaries
    print(f"window: {answers:,} answers in a loopback Dovecot, the main window open (1400×900)")
    print(
        f"  background pass: {fetched:.1f} s, {summary.reviews:,} reviews recorded; tabs "
        f"refreshed after {refreshed:.1f} s"
    )
    print(
        f"  GUI thread's longest block during the pass: {during_pass:.0f} ms (target < "
        f"{TARGET_MS} ms: {'met' if during_pass < TARGET_MS else 'NOT MET'}); during the tabs' "
        f"refresh after it: {during_refresh:.0f} ms; idle window before it (the machine's "
        f"noise): {idle:.0f} ms"
    )
    print(f"  load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPU(s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--answers", type=int, default=1_000)
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    bench_window_fetch(args.answers)


if __name__ == "__main__":
    main()
