"""What the GUI thread was doing when it stalled: a 10 ms heartbeat on the GUI thread, and a
watcher thread that, whenever the heartbeat is late, notes the GUI thread's Python stack.

    heartbeat = Heartbeat(watch=True)   # watch: keep the stacks of the stalls
    heartbeat.start(); ...; longest_ms = heartbeat.stop()
    heartbeat.print_stalls()             # the places the longest stalls were in

A stall whose stack is the event loop itself (``exec``/``processEvents``) is time the thread
spent outside Python: Qt painting (state R), waiting for the GIL (S) or for a processor (R).
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer

HEARTBEAT_MS = 10
STALL_MS = 30  # a heartbeat this late counts as a stall worth a stack


class Heartbeat:
    """A 10 ms timer on the GUI thread; its longest gap is how long the thread was blocked."""

    def __init__(self, *, watch: bool = False) -> None:
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self.clock = QElapsedTimer()
        self.longest = 0.0
        # The GUI thread's own work (its CPU time) in the busiest gap: what is left of a gap is
        # the thread waiting, for a processor (a loaded machine) or for the GIL.
        self.longest_work = 0.0
        self._last = 0.0
        self._cpu_last = 0.0
        self._watch = watch
        self._beat_at = time.perf_counter()
        self._gui_thread = threading.get_ident()
        self._gui_native = threading.get_native_id()
        self._watching = False
        self._watcher: threading.Thread | None = None
        self.stalls: Counter[str] = Counter()  # stack → milliseconds stalled there

    def start(self) -> None:
        self.longest = 0.0
        self.longest_work = 0.0
        self.clock.start()
        self._last = 0.0
        self._cpu_last = time.thread_time()
        self._beat_at = time.perf_counter()
        self.timer.start()
        if self._watch and self._watcher is None:
            self._watching = True
            self._watcher = threading.Thread(target=self._watch_stalls, daemon=True)
            self._watcher.start()

    def _beat(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        cpu = time.thread_time()
        self.longest = max(self.longest, now - self._last)
        self.longest_work = max(self.longest_work, (cpu - self._cpu_last) * 1000)
        self._last = now
        self._cpu_last = cpu
        self._beat_at = time.perf_counter()

    def stop(self) -> float:
        self._beat()
        self.timer.stop()
        return self.longest

    def close(self) -> None:
        self._watching = False
        if self._watcher is not None:
            self._watcher.join()
            self._watcher = None

    def _watch_stalls(self) -> None:
        while self._watching:
            time.sleep(0.005)
            late = (time.perf_counter() - self._beat_at) * 1000
            if late < STALL_MS or not self.timer.isActive():
                continue
            frame = sys._current_frames().get(self._gui_thread)
            if frame is None:
                continue
            stack = traceback.extract_stack(frame)[-6:]
            where = " < ".join(
                f"{entry.filename.rsplit('/', 2)[-1]}:{entry.lineno} {entry.name}"
                for entry in reversed(stack)
            )
            self.stalls[f"[{self._state()}] {where}"] += 5

    def _state(self) -> str:
        """The GUI thread's scheduling state: R running (or waiting for a processor), S
        sleeping (for the GIL, when its stack is Python's)."""
        try:
            stat = Path(f"/proc/self/task/{self._gui_native}/stat").read_text()
        except OSError:
            return "?"
        return stat.rsplit(")", 1)[1].split()[0]

    def print_stalls(self, top: int = 8) -> None:
        for where, ms in self.stalls.most_common(top):
            print(f"    {ms:5d} ms stalled in {where}")
        self.stalls.clear()
