"""`rollups check`: recount the rollups from the reviews and prompts and compare; repair them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from feedback_desk.store.rollups import recount
from feedback_desk.store.rollups.recount import Difference
from feedback_desk.store.rollups.specs import CURRENT

# How many differing rows a message shows (the count says how many there are).
SHOWN_DIFFERENCES = 5


@dataclass(frozen=True)
class TableCheck:
    table: str
    rows: int  # rows stored in the rollup
    differences: list[Difference]


def check_rollups(session: Session) -> list[TableCheck]:
    """Every rollup table against a full recount of its source rows."""
    connection = session.connection()
    return [
        TableCheck(
            spec.table, recount.row_count(connection, spec), recount.differences(connection, spec)
        )
        for spec in CURRENT
    ]


def repair_rollups(session: Session) -> None:
    """Rebuild every rollup from its source rows (in the session's write transaction)."""
    recount.rebuild(session.connection(), CURRENT)


def describe(difference: Difference) -> str:
    """One differing row: ``local_day=2026-03-14 kind=class stars=5: 12 stored, 13 counted``."""
    key = " ".join(f"{name}={value}" for name, value in difference.key.items())
    return f"{key}: {difference.stored} stored, {difference.counted} counted"


def mismatch_lines(checks: list[TableCheck]) -> list[str]:
    """What a studio's admin reads about each table whose rollup disagrees with the recount."""
    lines = []
    for check in checks:
        if not check.differences:
            continue
        lines.append(
            f"{check.table}: {len(check.differences)} row(s) differ from a recount of the "
            "reviews and prompts"
        )
        lines.extend(f"  {describe(d)}" for d in check.differences[:SHOWN_DIFFERENCES])
        if len(check.differences) > SHOWN_DIFFERENCES:
            lines.append(f"  … and {len(check.differences) - SHOWN_DIFFERENCES} more")
    return lines
