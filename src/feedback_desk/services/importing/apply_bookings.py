"""Writing bookings (attendance and visits) in bulk: inserts and updates in batches.

Bookings are compared with the store a few hundred sessions at a time (their attendance read in
one query), so a million bookings never sit in memory as rows or objects. Within the import's one
transaction, writes go out in batches of :data:`WRITE_BATCH`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from sqlalchemy import Table, bindparam

from feedback_desk.services.importing.bookings import Bookings
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import (
    CHUNK,
    attendance_of_sessions,
    ids_by_external_id,
)
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.plans import ImportContext, KindPlan, Ticker
from feedback_desk.services.importing.problems import ImportRejected, problem
from feedback_desk.store.models import Attendance, ClassSession, Client

WRITE_BATCH = 5000


_TABLE = cast(Table, Attendance.__table__)
_INSERT = _TABLE.insert()
_UPDATE = _TABLE.update().where(_TABLE.c.id == bindparam("row")).values(present=bindparam("now"))


class _Writes:
    """Attendance rows to insert or update, sent in batches (or only counted, for a preview)."""

    def __init__(self, ctx: ImportContext, write: bool, ticker: Ticker) -> None:
        self._ctx = ctx
        self._write = write
        self._ticker = ticker
        self.inserts: list[dict[str, object]] = []
        self.updates: list[dict[str, object]] = []

    def flush(self, *, force: bool = False) -> None:
        # Core statements (no ORM objects): a million rows go out as plain executemany batches.
        for rows, statement in ((self.inserts, _INSERT), (self.updates, _UPDATE)):
            if rows and (force or len(rows) >= WRITE_BATCH):
                if self._write:
                    self._ctx.db.execute(statement, rows)
                self._ticker.tick(len(rows))
                rows.clear()


def apply_bookings(
    ctx: ImportContext,
    plan: KindPlan,
    bookings: Bookings,
    session_ids: Sequence[int | None],
    *,
    write: bool,
) -> None:
    """Count (and, when *write*, write) every booking; *session_ids* are the sessions' store ids
    by session number (None for a session a preview would create)."""
    client_ids = _store_ids(ctx, plan.source, Client, bookings.client_ids, "client_id")
    doing = "writing" if write else "comparing"
    ticker = Ticker(ctx, len(bookings), f"{plan.source}: {doing} {plan.kind}", every=WRITE_BATCH)
    writes = _Writes(ctx, write, ticker)
    for group in bookings.by_session(CHUNK):
        stored = {session_ids[number] for number in group} - {None}
        existing = attendance_of_sessions(ctx.db, {sid for sid in stored if sid is not None})
        for number, booked in group.items():
            session_id = session_ids[number]
            for client, present in booked:
                client_id = client_ids[client]
                found = existing.get((session_id, client_id)) if session_id is not None else None
                if found is None:
                    plan.created += 1
                    writes.inserts.append(
                        {"session_id": session_id, "client_id": client_id, "present": present}
                    )
                elif found[1] != present:
                    plan.updated += 1
                    writes.updates.append({"row": found[0], "now": present})
                else:
                    plan.unchanged += 1
            writes.flush()
    writes.flush(force=True)


def _store_ids(
    ctx: ImportContext,
    source: str,
    model: type[Client] | type[ClassSession],
    external_ids: list[str],
    column: str,
) -> list[int]:
    """The store ids of *external_ids*, in order: all exist, the check made sure (only a row
    deleted since then, by someone else, is missing here)."""
    found = ids_by_external_id(ctx.db, model, external_ids)
    noun = "client" if model is Client else "session"
    missing = [external_id for external_id in external_ids if external_id not in found]
    if missing:
        raise ImportRejected(
            problem(source, None, Code.UNKNOWN_REFERENCE, field=column, noun=noun, id=external_id)
            for external_id in missing
        )
    return [found[external_id] for external_id in external_ids]


def apply_attendance(
    ctx: ImportContext, source: str, bookings: Bookings, *, write: bool
) -> KindPlan:
    plan = KindPlan(ImportKind.ATTENDANCE, source)
    session_ids = _store_ids(ctx, source, ClassSession, bookings.session_ids, "session_id")
    apply_bookings(ctx, plan, bookings, session_ids, write=write)
    return plan
