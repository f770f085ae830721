"""How often Python's lock changes hands in the window's process.

A worker thread that calls into SQLite (an import, a sync, a long query) lets go of Python's lock
around every call and takes it straight back. With Python's default switch interval (5 ms) the
GUI thread, asking for the lock meanwhile, could lose that race again and again and wait for it
for hundreds of milliseconds (an import of 200,000 rows froze the window for up to 0.9 s at a
time, on 2 cores with one idle). Every millisecond, the waiting GUI thread gets the lock within a
few (bench/gui_bench.py); the workers' throughput did not measurably change.
"""

from __future__ import annotations

import sys

SWITCH_INTERVAL_S = 0.001


def hand_the_lock_over_often() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
