"""Counting the derived tables again from the rows they derive from: to fill them (migrations,
repair) and to check that the triggers kept them exact."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection

from feedback_desk.store.rollups import loop
from feedback_desk.store.rollups.specs import Rollup
from feedback_desk.store.rollups.sql import set_select

Key = tuple[Any, ...]


@dataclass(frozen=True)
class Derived:
    """A table the triggers keep, and the SELECT that computes it again (key, then values)."""

    table: str
    key: tuple[str, ...]
    values: tuple[str, ...]
    recount: str
    # What a missing row means: zero counts for a rollup; None when a row must be there.
    absent: Key | None = None


@dataclass(frozen=True)
class Difference:
    """One row whose stored values are not what a recount gives (None: no such row)."""

    table: str
    key: dict[str, Any]
    stored: dict[str, Any] | None
    counted: dict[str, Any] | None


def of_rollup(spec: Rollup, postgresql: bool) -> Derived:
    recount = recount_select(spec, postgresql)
    return Derived(spec.table, spec.key, (spec.count,), recount, absent=(0,))


def loop_tables(postgresql: bool) -> list[Derived]:
    return [
        Derived(
            loop.FOLLOWUPS,
            ("action_id",),
            loop.FOLLOWUP_COLUMNS[1:],
            loop.followups_of("actions"),
        ),
        Derived(loop.DAYS, ("utc_day",), loop.DAY_VALUES, loop.days_recount(postgresql), (0, 0, 0)),
    ]


def recount_select(spec: Rollup, postgresql: bool) -> str:
    return set_select(spec, f"{spec.source} AS r", "count(*)", postgresql=postgresql)


def rebuild(connection: Connection, specs: tuple[Rollup, ...]) -> None:
    """Replace every rollup row by a full recount of the source rows."""
    postgresql = connection.dialect.name == "postgresql"
    for spec in specs:
        connection.exec_driver_sql(f"DELETE FROM {spec.table}")
        columns = ", ".join((*spec.key, spec.count))
        recount = recount_select(spec, postgresql)
        connection.exec_driver_sql(f"INSERT INTO {spec.table} ({columns}) {recount}")


def differences(connection: Connection, derived: Derived) -> list[Difference]:
    """The rows of *derived* that disagree with a recount, in key order."""
    columns = ", ".join((*derived.key, *derived.values))
    stored = _rows(connection, f"SELECT {columns} FROM {derived.table}", derived)
    counted = _rows(connection, derived.recount, derived)
    found = []
    for key in sorted(stored.keys() | counted.keys(), key=lambda k: tuple(map(str, k))):
        mine, theirs = stored.get(key, derived.absent), counted.get(key, derived.absent)
        if mine != theirs:
            found.append(
                Difference(
                    derived.table,
                    dict(zip(derived.key, key, strict=True)),
                    None if mine is None else dict(zip(derived.values, mine, strict=True)),
                    None if theirs is None else dict(zip(derived.values, theirs, strict=True)),
                )
            )
    return found


def row_count(connection: Connection, table: str) -> int:
    return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


def _rows(connection: Connection, select: str, derived: Derived) -> dict[Key, Key]:
    width = len(derived.key)
    return {
        tuple(row[:width]): tuple(_plain(v) for v in row[width:])
        for row in connection.exec_driver_sql(select)
    }


def _plain(value: Any) -> Any:
    """Counts as int whatever the driver gives (PostgreSQL's sum() of bigint is a numeric)."""
    return int(value) if isinstance(value, Decimal) else value
