"""Another program writing to a SQLite store: it holds the write lock for a while."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def write_lock_held(path: Path, *, release_after: float | None = None) -> Iterator[None]:
    """The store's write lock is taken by another connection for the block, or only for the
    first *release_after* seconds of it (then that writer commits)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    timer = threading.Timer(release_after or 0, lambda: holder.execute("COMMIT"))
    if release_after is not None:
        timer.start()
    try:
        yield
    finally:
        if release_after is not None:
            timer.cancel()
            timer.join()
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
