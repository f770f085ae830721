"""The second pass over a checked file: what it changes, batch after batch (or only counted).

Attendance and visits files are written from what the check kept (nothing is read again);
the other kinds are read again, a thousand rows at a time, each batch planned against the store
and written before the next. A file that changed since it was checked is refused whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from feedback_desk.services.importing.apply_bookings import apply_attendance
from feedback_desk.services.importing.apply_people import plan_clients, plan_coaches
from feedback_desk.services.importing.apply_reviews import plan_reviews
from feedback_desk.services.importing.apply_timetable import plan_sessions
from feedback_desk.services.importing.apply_visits import apply_visits
from feedback_desk.services.importing.cells import RowReader
from feedback_desk.services.importing.checking import file_context
from feedback_desk.services.importing.checks import FileCheck, ReadRules
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import batches
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.parsing import ROW_PARSERS
from feedback_desk.services.importing.plans import ImportContext, KindPlan, Ticker
from feedback_desk.services.importing.problems import rejected
from feedback_desk.services.importing.reading import FileStamp
from feedback_desk.services.importing.reading import RowReader as CsvRows
from feedback_desk.services.importing.records import Record

Planner = Callable[[ImportContext, str, Sequence[Any]], KindPlan]

PLANNERS: dict[ImportKind, Planner] = {
    ImportKind.CLIENTS: plan_clients,
    ImportKind.COACHES: plan_coaches,
    ImportKind.SESSIONS: plan_sessions,
    ImportKind.REVIEWS: plan_reviews,
}
RECORD_BATCH = 1000


def apply_file(ctx: ImportContext, check: FileCheck, rules: ReadRules, *, write: bool) -> KindPlan:
    """Count what *check*'s file changes; write it too when *write* (inside ctx's transaction)."""
    kind, name = check.source.kind, check.name
    if kind is ImportKind.VISITS and check.visits is not None:
        return apply_visits(ctx, name, check.visits, write=write)
    if kind is ImportKind.ATTENDANCE and check.bookings is not None:
        return apply_attendance(ctx, name, check.bookings, write=write)
    plan = KindPlan(kind, name)
    planner = PLANNERS[kind]
    doing = "writing" if write else "comparing"
    ticker = Ticker(ctx, check.rows, f"{name}: {doing} {kind}", every=RECORD_BATCH)
    for batch in batches(_records(check, rules), RECORD_BATCH):
        part = planner(ctx, name, batch)
        if write:
            part.execute()
            ctx.db.flush()
        plan.add(part)
        # Written rows need not stay in the session: memory stays flat whatever the file's size.
        ctx.db.expunge_all()
        ticker.tick(len(batch))
    return plan


def _records(check: FileCheck, rules: ReadRules) -> Iterator[Record]:
    layout, columns = check.layout, check.columns
    assert layout is not None
    assert columns is not None
    if FileStamp.of(layout.path) != layout.stamp:
        raise rejected(check.name, None, Code.FILE_CHANGED)
    context = file_context(check.source, layout, columns, rules)
    parse = ROW_PARSERS[check.source.kind]
    rows = CsvRows(layout)
    for row in rows:
        reader = RowReader(context, row)
        record = parse(reader)
        if reader.failed:
            raise rejected(check.name, None, Code.FILE_CHANGED)
        yield record
    if rows.problems or FileStamp.of(layout.path) != layout.stamp:
        raise rejected(check.name, None, Code.FILE_CHANGED)
