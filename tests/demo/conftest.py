"""One default-size demo studio for the whole session (it takes a couple of seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from feedback_desk.services.demo import DemoOptions, DemoSummary, write_demo
from feedback_desk.store.database import Store, open_store

# A Thursday; the 30-day and 90-day windows cross a month end and the spring DST change.
UNTIL = date(2026, 4, 16)


@pytest.fixture(scope="session")
def default_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "studio.sqlite"
    summary = write_demo(path, DemoOptions(until=UNTIL))
    return path, summary


@pytest.fixture
def demo_store(default_demo: tuple[Path, DemoSummary]) -> Iterator[Store]:
    store = open_store(default_demo[0])
    yield store
    store.close()
