"""Counting the rollups again from the source rows: to fill them (migrations, repair) and to
check that the triggers kept them exact."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from feedback_desk.store.rollups.specs import Rollup
from feedback_desk.store.rollups.sql import set_select

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Difference:
    """One rollup row whose stored count is not what a recount gives (0: no row)."""

    table: str
    key: dict[str, Any]
    stored: int
    counted: int


def recount_select(spec: Rollup) -> str:
    return set_select(spec, f"{spec.source} AS r", "count(*)")


def rebuild(connection: Connection, specs: tuple[Rollup, ...]) -> None:
    """Replace every rollup row by a full recount of the source rows."""
    for spec in specs:
        connection.exec_driver_sql(f"DELETE FROM {spec.table}")
        columns = ", ".join((*spec.key, spec.count))
        connection.exec_driver_sql(f"INSERT INTO {spec.table} ({columns}) {recount_select(spec)}")


def differences(connection: Connection, spec: Rollup) -> list[Difference]:
    """The rows of *spec*'s rollup that disagree with a recount, in key order."""
    stored = _counts(connection, f"SELECT {', '.join(spec.key)}, {spec.count} FROM {spec.table}")
    counted = _counts(connection, recount_select(spec))
    found = []
    for key in sorted(stored.keys() | counted.keys(), key=lambda k: tuple(map(str, k))):
        if stored.get(key, 0) != counted.get(key, 0):
            found.append(
                Difference(
                    spec.table,
                    dict(zip(spec.key, key, strict=True)),
                    stored.get(key, 0),
                    counted.get(key, 0),
                )
            )
    return found


def row_count(connection: Connection, spec: Rollup) -> int:
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {spec.table}").scalar_one())


def _counts(connection: Connection, select: str) -> dict[Key, int]:
    return {tuple(row[:-1]): int(row[-1]) for row in connection.exec_driver_sql(select)}
