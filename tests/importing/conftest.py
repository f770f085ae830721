"""Fixtures for the CSV import tests: a studio store with its aspect catalogue, CSV writers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportReport, import_file
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store

WriteCsv = Callable[..., Path]


@pytest.fixture
def studio(store_path: Path, clock: ManualClock) -> Iterator[Store]:
    """The test store opened as the CLI opens it (migrated, with the aspect catalogue)."""
    opened = open_studio(store_path, clock=clock)
    yield opened
    opened.close()


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Write *content* (str, encoded as *encoding*, or raw bytes) to tmp_path/name."""

    def write(name: str, content: str | bytes, *, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return path

    return write


@pytest.fixture
def do_import(studio: Store, clock: ManualClock) -> Callable[..., ImportReport]:
    def run(kind: str, path: Path, **options: Any) -> ImportReport:
        return import_file(studio, kind, path, clock=clock, name=path.name, **options)

    return run


def snapshot(store: Store, *, skip: tuple[str, ...] = ("audit_log",)) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of every table (but *skip*), in a stable order: two equal snapshots, one store."""
    tables = sorted(inspect(store.engine).get_table_names())
    with store.engine.connect() as connection:
        return {
            table: sorted(
                (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{table}"'))),
                key=repr,
            )
            for table in tables
            if table not in skip and table != "alembic_version"
        }
