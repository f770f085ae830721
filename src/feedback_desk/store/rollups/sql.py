"""The SQL statements shared by the triggers, the recount and the migrations (SQLite and
PostgreSQL both accept every statement made here; *postgresql* picks a dimension's spelling
where the two differ)."""

from __future__ import annotations

from collections.abc import Sequence

from feedback_desk.store.rollups.specs import Rollup

SESSIONS = "sessions"


def upsert(spec: Rollup, select: str) -> str:
    """Add the counts *select* gives (one row per key) to the rollup's rows."""
    columns = ", ".join((*spec.key, spec.count))
    return (
        f"INSERT INTO {spec.table} ({columns}) {select} "
        f"ON CONFLICT ({', '.join(spec.key)}) DO UPDATE "
        f"SET {spec.count} = {spec.table}.{spec.count} + excluded.{spec.count}"
    )


def row_select(spec: Rollup, row: str, delta: int) -> str:
    """One source row (``NEW`` or ``OLD`` of a SQLite row trigger) as a rollup key and *delta*."""
    values = [d.over(row) for d in spec.dimensions]
    conditions = []
    source = ""
    if spec.per_session:
        source = f" FROM {SESSIONS} AS s"
        conditions.append(f"s.id = {row}.session_id")
    if spec.keeps:
        conditions.append(spec.keeps.format(row=row))
    # A WHERE clause always: it also keeps SQLite from reading ON CONFLICT as a join's ON.
    return f"SELECT {', '.join(values)}, {delta}{source} WHERE {' AND '.join(conditions) or 'true'}"


def set_select(
    spec: Rollup,
    rows: str,
    count: str,
    *,
    postgresql: bool,
    where: Sequence[str] = (),
    session: str | None = None,
) -> str:
    """Source rows grouped by the rollup's key. *rows* is a FROM clause naming them ``r``;
    *count* the aggregate to give (``count(*)``, ``-count(*)``). A per-session rollup joins each
    row's session, unless *session* names the one session row every row belongs to."""
    exprs = [d.over("r", session or "s", postgresql=postgresql) for d in spec.dimensions]
    source = rows
    if spec.per_session and session is None:
        source += f" JOIN {SESSIONS} AS s ON s.id = r.session_id"
    conditions = list(where)
    if spec.keeps:
        conditions.append(spec.keeps.format(row="r"))
    # Group only by what varies between rows (the given session's columns are constants).
    grouped = [
        expr
        for dimension, expr in zip(spec.dimensions, exprs, strict=True)
        if "{row}" in dimension.source or session is None
    ]
    return (
        f"SELECT {', '.join(exprs)}, {count} FROM {source} "
        f"WHERE {' AND '.join(conditions) or 'true'} GROUP BY {', '.join(grouped)}"
    )


def prune_row(spec: Rollup, row: str) -> str:
    """Drop the rollup rows of *row*'s period that fell to zero (SQLite row triggers)."""
    period = spec.dimensions[0]
    return (
        f"DELETE FROM {spec.table} WHERE {spec.count} = 0 AND {period.column} = {period.over(row)}"
    )


def prune_set(spec: Rollup, rows: str, *, postgresql: bool, where: Sequence[str] = ()) -> str:
    """Drop the rollup rows that fell to zero in the periods of the rows of *rows* (aliased r)."""
    period = spec.dimensions[0]
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    return (
        f"DELETE FROM {spec.table} WHERE {spec.count} = 0 AND {period.column} IN "
        f"(SELECT {period.over('r', postgresql=postgresql)} FROM {rows}{condition})"
    )
