"""The GUI thread while File → Import… reads, checks and imports a big visit history.

    python bench/import_window.py [--visits 200000] [--sessions 12000]

Writes the French Excel visit history of ``bench/import_visits.py`` (Windows-1252, semicolons,
day/month/year, headers only a mapping knows), saves that mapping as a studio preset, imports
the clients (not measured), then drives the real import dialog offscreen, as the window runs it
(the window's garbage collection on the GUI thread included): the kind and the preset picked,
the file chosen (the first rows at once, then the whole file checked in the background), then
Import. A 10 ms heartbeat timer on the GUI thread records its longest gap in each phase (how
long the window could not answer) and the longest the GUI thread itself computed between two
beats (its CPU time: the dialog's own work, which no load or lock inflates). Two baselines
come first: the heartbeat idle, and beside a thread that only runs Python (no file, no store,
no Qt): on a loaded machine, the scheduler and Python's lock alone make the window wait that
long whenever any worker computes.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.gui_bench import Heartbeat  # noqa: E402
from bench.import_visits import MAPPING, write_files  # noqa: E402

BAR_MS = 50


def wait(condition: Callable[[], bool], timeout_s: float = 1800.0) -> None:
    """Run the event loop until *condition()* holds."""
    started = time.perf_counter()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(
        lambda: loop.quit() if condition() or time.perf_counter() - started > timeout_s else None
    )
    timer.start()
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError("the dialog did not get there in time")


def spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        sum(range(100))


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class CpuHeartbeat(Heartbeat):
    """Also the GUI thread's own CPU time between two beats: the longest stretch it computed
    (the window's own work), whatever the machine's load or Python's lock made it wait."""

    def start(self) -> None:
        self.longest_cpu = 0.0
        self._cpu = time.thread_time()
        super().start()

    def _beat(self) -> None:
        now = time.thread_time()
        self.longest_cpu = max(self.longest_cpu, (now - self._cpu) * 1000)
        self._cpu = now
        super()._beat()


def phase(label: str, start: Callable[[], object], done: Callable[[], bool]) -> None:
    heartbeat = CpuHeartbeat()
    heartbeat.start()
    began, cpu = time.perf_counter(), cpu_seconds()
    start()
    wait(done)
    elapsed = time.perf_counter() - began
    gap = heartbeat.stop()
    verdict = "met" if gap < BAR_MS else "NOT MET"
    print(
        f"{label}: {elapsed:.1f} s ({cpu_seconds() - cpu:.1f} s of CPU); GUI thread's longest "
        f"block {gap:.0f} ms (bar < {BAR_MS} ms: {verdict}), of which its own work at most "
        f"{heartbeat.longest_cpu:.0f} ms of CPU"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=200_000)
    parser.add_argument("--sessions", type=int, default=12_000)
    parser.add_argument("--switch-interval-ms", type=float, default=None)
    options = parser.parse_args()
    if options.switch_interval_ms is not None:
        sys.setswitchinterval(options.switch_interval_ms / 1000)
    print(f"{platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["FEEDBACK_DESK_DATA_DIR"] = str(folder / "data")
        run(folder, options.visits, options.sessions)


def run(folder: Path, visits: int, sessions: int) -> None:
    from feedback_desk.clock import FixedClock
    from feedback_desk.services.importing import (
        ImportKind,
        import_file,
        mapping_from_json,
        save_preset,
    )
    from feedback_desk.services.studio import open_studio
    from feedback_desk.ui.app import filter_known_qt_messages
    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.dialogs.import_dialog import ImportDialog
    from feedback_desk.ui.gc_tuning import collect_on_gui_thread, settle_after_startup

    clients, path, _mapping_file = write_files(folder, visits, sessions)
    size = path.stat().st_size / 2**20
    print(f"{visits:,} visits of {sessions:,} sessions ({size:.0f} MB, Windows-1252)")
    save_preset("Bench", ImportKind.VISITS, mapping_from_json(MAPPING, "bench"))
    clock = FixedClock(datetime(2026, 5, 1, 16, tzinfo=UTC))
    store = open_studio(folder / "bench.sqlite", clock=clock)
    import_file(store, ImportKind.CLIENTS, clients, clock=clock)

    app = QApplication.instance() or QApplication([])
    filter_known_qt_messages()
    collect_on_gui_thread(app)  # as the application runs
    context = WindowContext(store, clock)
    context.reload_settings()
    wait(lambda: context.settings_loaded)
    dialog = ImportDialog(context)
    dialog.resize(1000, 720)
    dialog.show()
    settle_after_startup()
    dialog.set_kind(ImportKind.VISITS)
    wait(lambda: dialog.presets.combo.findText("Bench") > 0)
    dialog.presets.combo.setCurrentIndex(dialog.presets.combo.findText("Bench"))
    wait(lambda: not dialog.busy)

    # The same heartbeat with nothing to do, then beside a worker thread that only runs Python:
    # what the machine's load alone, and any Python worker (Python's lock), cost it.
    idle_until = time.perf_counter() + 5
    phase("baseline, idle for 5 s", lambda: None, lambda: time.perf_counter() > idle_until)
    spinner = threading.Thread(target=spin, args=(5.0,))
    phase("baseline, a pure-Python worker for 5 s", spinner.start, lambda: not spinner.is_alive())

    def choose() -> None:
        dialog.set_file(path)

    phase(
        "file chosen (kind and preset picked before): the first rows shown",
        choose,
        lambda: dialog.inspection is not None,
    )
    phase("the whole file checked", lambda: None, lambda: dialog.check is not None)
    assert dialog.import_button.isEnabled(), dialog.problems_model.stringList()[:5]
    reports: list[object] = []
    dialog.imported.connect(reports.append)
    phase("Import pressed: imported", dialog.import_button.click, lambda: bool(reports))
    print(f"    {dialog.result_label.text().splitlines()[0]}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:.0f} MB")
    dialog.close()
    context.close()


if __name__ == "__main__":
    main()
