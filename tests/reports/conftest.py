"""Fixtures of the reports tests: a studio store (aspect catalogue included) and its builder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store


@pytest.fixture
def studio(store_path: Path) -> Iterator[Store]:
    opened = open_studio(store_path)
    yield opened
    opened.close()
