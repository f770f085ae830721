"""Fixtures for the CSV import tests: a studio store with its aspect catalogue, CSV writers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text

from feedback_desk.clock import ManualClock
from feedback_desk.services.importing import ImportRejected, ImportReport, import_file
from feedback_desk.services.studio import open_studio
from feedback_desk.store.database import Store
from feedback_desk.store.models import Client, Coach

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


def refused(
    importer: Callable[..., ImportReport], kind: str, path: Path, **options: Any
) -> list[str]:
    """The problems an import is refused for (it must be refused)."""
    with pytest.raises(ImportRejected) as caught:
        importer(kind, path, **options)
    return caught.value.problems


def add_people(
    store: Store,
    clients: dict[str, tuple[str, str]] | None = None,
    coaches: dict[str, tuple[str, str]] | None = None,
) -> None:
    """Clients and coaches by id → (first name, last name), written straight to the store."""
    at = datetime(2026, 1, 1, tzinfo=UTC)
    with store.write() as session:
        for external_id, (first, last) in (clients or {}).items():
            session.add(
                Client(
                    external_id=external_id,
                    first_name=first,
                    last_name=last,
                    created_at=at,
                    updated_at=at,
                )
            )
        for external_id, (first, last) in (coaches or {}).items():
            session.add(Coach(external_id=external_id, first_name=first, last_name=last))
