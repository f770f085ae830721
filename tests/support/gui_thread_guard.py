"""Fails a test whose window code touches the store or the keyring on the GUI thread.

Every SQL statement (on any engine) and every keyring access made on the main thread is checked:
when the Python stack at that moment runs through window code (``feedback_desk/ui/``), the
window would have waited for the database or the keyring, which it must never do (a write lock
held by a scheduled ``send-outbox`` can last 15 s, a locked keyring waits for its unlock prompt).
Test code itself may read and write on the main thread: its stack holds no window frame.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_UI_DIR = str(Path(__file__).resolve().parents[2] / "src" / "feedback_desk" / "ui") + "/"
# Start-up steps that run before the window exists and its event loop starts.
_BEFORE_THE_WINDOW = {"_demo_is_current"}


def _window_frame() -> str | None:
    """The innermost window-code function on the current stack, if any."""
    frame = sys._getframe(2)
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(_UI_DIR):
            if code.co_name in _BEFORE_THE_WINDOW:
                return None
            relative = code.co_filename[len(_UI_DIR) :]
            return f"ui/{relative}:{frame.f_lineno} in {code.co_name}"
        frame = frame.f_back
    return None


class GuiThreadGuard:
    active: GuiThreadGuard | None = None

    def __init__(self) -> None:
        self.violations: list[str] = []

    def install(self) -> None:
        GuiThreadGuard.active = self
        event.listen(Engine, "before_cursor_execute", self._statement)

    def uninstall(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._statement)
        GuiThreadGuard.active = None

    def _statement(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.note("SQL " + " ".join(statement.split())[:80])

    def note(self, what: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        where = _window_frame()
        if where is not None:
            self.violations.append(f"{where}: {what}")


def note_keyring(what: str) -> None:
    guard = GuiThreadGuard.active
    if guard is not None:
        guard.note("keyring " + what)
