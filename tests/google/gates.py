"""Slow parts on demand, to prove the window never waits for them: a keyring whose reads can be
held (as a locked Secret Service holds them while its unlock prompt is up), a store whose
statements can be held, and a heartbeat on the GUI thread that measures its longest gap.

Both gates note which thread each read ran on; a held read waits at most a second, so a test of
code that wrongly reads on the GUI thread fails quickly instead of hanging."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QTimer
from sqlalchemy import event

from feedback_desk.store.database import Store
from tests.support.keyring_backend import TestKeyring

HOLD_SECONDS = 1.0


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


class _Gate:
    def __init__(self) -> None:
        self.held = False
        self.entered = threading.Event()
        self._released = threading.Event()

    def hold(self) -> None:
        """The next reads wait until :meth:`release` (or a second)."""
        self.entered.clear()
        self._released.clear()
        self.held = True

    def let_new_reads_pass(self) -> None:
        """Reads already waiting keep waiting; new ones pass."""
        self.held = False

    def release(self) -> None:
        self.held = False
        self._released.set()

    def _pass(self) -> None:
        if self.held:
            self.entered.set()
            self._released.wait(HOLD_SECONDS)


class GatedKeyring(TestKeyring, _Gate):
    """The file-backed test keyring; a held read returns what it read before waiting."""

    def __init__(self) -> None:
        TestKeyring.__init__(self)
        _Gate.__init__(self)
        self.reads_on_gui_thread = 0
        self.reads = 0

    def get_password(self, service: str, username: str) -> str | None:
        value = super().get_password(service, username)
        self.reads += 1
        if on_gui_thread():
            self.reads_on_gui_thread += 1
        self._pass()
        return value


class StoreWatch(_Gate):
    """Every SQL statement run on *store*: those run on the GUI thread while :attr:`watching`
    are kept; a statement on a worker thread waits while the gate is held."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._engine = store.engine
        self.watching = False
        self.on_gui_thread: list[str] = []
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if on_gui_thread():
            if self.watching:
                self.on_gui_thread.append(" ".join(statement.split())[:120])
            return
        self._pass()

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


class Heartbeat:
    """A 10 ms timer on the GUI thread: how often it beat, and its longest gap."""

    def __init__(self) -> None:
        self.beats = 0
        self._last = 0.0
        self._longest = 0.0
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def _beat(self) -> None:
        now = time.monotonic()
        self._longest = max(self._longest, now - self._last)
        self._last = now
        self.beats += 1

    def longest_gap(self) -> float:
        """Seconds, the gap still open included (a GUI thread blocked right now counts)."""
        return max(self._longest, time.monotonic() - self._last)

    def stop(self) -> None:
        self._timer.stop()
