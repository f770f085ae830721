"""The window's shared context for widget tests: built on a test's store and clock, with the
studio's settings loaded, and closed (its threads joined, late outcomes dropped) afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import shiboken6

from feedback_desk.clock import Clock
from feedback_desk.store.database import Store
from feedback_desk.ui.context import WindowContext


@contextmanager
def window_context(qtbot: Any, store: Store, clock: Clock) -> Iterator[WindowContext]:
    context = WindowContext(store, clock)
    context.reload_settings()
    qtbot.waitUntil(lambda: context.settings_loaded, timeout=10_000)
    try:
        yield context
    finally:
        close_context(qtbot, context)


def close_context(qtbot: Any, context: WindowContext) -> None:
    """As the window does when it closes: join the threads, then let Qt deliver what is left
    (deferred deletions, dropped outcomes) before the test's widgets go.

    Then the context is deleted, as the window deletes it with itself. Left to Python, it would
    be collected with the test's garbage during a later test: the collector clears the runner's
    attributes before deleting it, and a widget of the same garbage deleted in between would
    call the runner's slot on an empty object."""
    context.close()
    qtbot.wait(1)
    shiboken6.delete(context)
