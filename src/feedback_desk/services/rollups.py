"""`rollups check`: recount the derived tables from the reviews, prompts and actions and compare
them; repair them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from feedback_desk.store.rollups import loop, recount
from feedback_desk.store.rollups.recount import Derived, Difference
from feedback_desk.store.rollups.specs import CURRENT

# How many differing rows a message shows (the count says how many there are).
SHOWN_DIFFERENCES = 5


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int  # rows stored
    differences: list[Difference]


def _derived(session: Session) -> list[Derived]:
    postgresql = session.get_bind().dialect.name == "postgresql"
    return [
        *(recount.of_rollup(spec, postgresql) for spec in CURRENT),
        *recount.loop_tables(postgresql),
    ]


def check_rollups(session: Session) -> list[TableCheck]:
    """Every derived table against a full recount."""
    connection = session.connection()
    return [
        TableCheck(
            derived.table,
            recount.row_count(connection, derived.table),
            recount.differences(connection, derived),
        )
        for derived in _derived(session)
    ]


def repair_rollups(session: Session) -> None:
    """Rebuild every derived table (in the session's write transaction)."""
    connection = session.connection()
    recount.rebuild(connection, CURRENT)
    loop.rebuild(connection)


def describe(difference: Difference) -> str:
    """One differing row: ``local_day=2026-03-14 kind=class stars=5: reviews 12 stored, 13
    counted``."""
    key = " ".join(f"{name}={value}" for name, value in difference.key.items())
    if difference.stored is None:
        return f"{key}: missing"
    if difference.counted is None:
        return f"{key}: stored, but a recount has no such row"
    changed = [
        f"{name} {value} stored, {difference.counted[name]} counted"
        for name, value in difference.stored.items()
        if value != difference.counted[name]
    ]
    return f"{key}: {'; '.join(changed)}"


def mismatch_lines(checks: list[TableCheck]) -> list[str]:
    """What a studio's admin reads about each table that disagrees with the recount."""
    lines = []
    for check in checks:
        if not check.differences:
            continue
        lines.append(
            f"{check.table}: {len(check.differences)} row(s) differ from a recount of the "
            "reviews, prompts and actions"
        )
        lines.extend(f"  {describe(d)}" for d in check.differences[:SHOWN_DIFFERENCES])
        if len(check.differences) > SHOWN_DIFFERENCES:
            lines.append(f"  … and {len(check.differences) - SHOWN_DIFFERENCES} more")
    return lines
