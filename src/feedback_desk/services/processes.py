"""Whether a process of this computer is still running, told apart from a later process that
reused its id: a process is named by its id and its start time."""

from __future__ import annotations

import os

import psutil


def start_time(pid: int) -> int | None:
    """The process's start time in hundredths of a second, or None when there is no such process."""
    try:
        return int(psutil.Process(pid).create_time() * 100)
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return None


def this_process() -> tuple[int, int]:
    """This process's id and start time."""
    pid = os.getpid()
    return pid, start_time(pid) or 0


def is_gone(pid: int, started: int) -> bool:
    """True when process *pid* started at *started* no longer runs (ended, a zombie, or its id
    now belongs to another process); False when it runs or cannot be looked at."""
    try:
        process = psutil.Process(pid)
        if abs(int(process.create_time() * 100) - started) > 100:
            return True  # the pid was reused by another process
        return bool(process.status() == psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return True
    except psutil.AccessDenied:
        return False
