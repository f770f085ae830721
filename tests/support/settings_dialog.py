"""The Settings dialog as the window opens it, on a real store: for the tests of its pages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from feedback_desk.clock import Clock
from feedback_desk.store.database import Store
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.settings.dialog import SettingsDialog
from tests.support.window_context import window_context


@contextmanager
def settings_dialog(qtbot: Any, store: Store, clock: Clock, key: str) -> Iterator[Any]:
    """The dialog open on page *key* once the studio's settings are shown; yields the dialog
    (``dialog.page(key)`` is the page). Its threads are joined afterwards."""
    with window_context(qtbot, store, clock) as context, _dialog(qtbot, context, key) as dialog:
        yield dialog


@contextmanager
def _dialog(qtbot: Any, context: WindowContext, key: str) -> Iterator[SettingsDialog]:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show_page(key)
    dialog.show()
    qtbot.waitUntil(lambda: not context.busy, timeout=10_000)
    try:
        yield dialog
    finally:
        dialog.close()


def save(qtbot: Any, dialog: SettingsDialog) -> list[str] | None:
    """Press Save and wait for the outcome: the keys saved, or None when the dialog refused
    (its problems shown) or the save failed (its message shown)."""
    saved: list[list[str]] = []
    dialog.saved.connect(saved.append)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: bool(saved) or dialog.buttons.isEnabled(), timeout=10_000)
    return saved[0] if saved else None
