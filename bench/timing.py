"""Medians of warm runs, in wall-clock time and in the process's CPU time.

The machine is shared: when other work takes the cores, wall-clock times stretch while the CPU
time a query costs hardly moves, so the benchmarks print both.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Timing:
    wall_ms: float
    cpu_ms: float

    def __str__(self) -> str:
        return f"{self.wall_ms:8.1f} ms (CPU {self.cpu_ms:6.1f} ms)"


def median_timing(run: Callable[[], Any], repeat: int) -> tuple[Timing, Any]:
    result = run()  # warm-up: the page cache, SQLAlchemy's statement cache
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return Timing(statistics.median(walls), statistics.median(cpus)), result
