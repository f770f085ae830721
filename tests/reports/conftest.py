"""Fixtures of the reports tests: a studio store (aspect catalogue included), a clock on the
small studio's "now", and the dialog opener the tabs share (Qt tests only)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from feedback_desk.clock import ManualClock
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store
from tests.reports.ui_fixtures import NOW


@pytest.fixture
def studio(store_path: Path) -> Iterator[Store]:
    opened = open_studio(store_path)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def context(qtbot, studio: Store, clock: ManualClock):  # type: ignore[no-untyped-def]
    """The window's shared context (store, clock, task runner), as the tabs get it."""
    from tests.support.window_context import window_context

    with window_context(qtbot, studio, clock) as made:
        yield made


@pytest.fixture
def opener(context):  # type: ignore[no-untyped-def]
    from feedback_desk.ui.dialogs.opener import opener_for

    made = opener_for(context)
    yield made
    for dialog in made.open_dialogs:
        dialog.close()
