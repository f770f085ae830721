"""The first pass over a file: every row checked, streaming, nothing written.

Rows are read one at a time (scanning.py checks each); what the write needs later is kept small
(ids seen, or the compact bookings of an attendance or visits file). Past
:data:`PROBLEM_LIMIT` problems, the rest are counted, not listed.
"""

from __future__ import annotations

from functools import partial

from sqlalchemy.orm import Session

from feedback_desk.services.importing.cells import FileContext
from feedback_desk.services.importing.checks import Defined, FileCheck, ReadRules
from feedback_desk.services.importing.columns import COLUMNS, DATE, TIME, Column
from feedback_desk.services.importing.dates import DateOrder, DateReader
from feedback_desk.services.importing.headers import (
    ColumnPlan,
    empty_file_problem,
    is_known_header,
    plan_columns,
)
from feedback_desk.services.importing.mapping import check_mapping
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import (
    ImportRejected,
    Problem,
    problem,
    sort_problems,
)
from feedback_desk.services.importing.reading import CsvLayout, open_csv
from feedback_desk.services.importing.reading import RowReader as CsvRows
from feedback_desk.services.importing.scanning import Scanner, scanner
from feedback_desk.services.importing.source import ImportSource
from feedback_desk.services.progress import Progress, check_cancelled

PROBLEM_LIMIT = 100_000
DATE_SAMPLES = 1000  # rows whose date cells tell the window how the file writes dates
DATE_FIELDS = ("starts_at", "created_at", "joined_on", DATE)
_BATCH = 2000


def file_context(
    source: ImportSource, layout: CsvLayout, columns: ColumnPlan, rules: ReadRules
) -> FileContext:
    mapping = source.mapping
    kind = source.kind
    fields = {c.name: c for c in COLUMNS[kind]} | {DATE: Column(DATE), TIME: Column(TIME)}
    return FileContext(
        source=source.source,
        kind=kind,
        columns=fields,
        positions=columns.positions,
        width=len(layout.raw_header),
        timezone=rules.timezone,
        dates=DateReader(
            DateOrder(mapping.date_order) if mapping.date_order else rules.date_order,
            rules.today,
            date_format=mapping.date_format,
            time_format=mapping.time_format,
        ),
        values={name: mapping.value_map(name) for name in mapping.values},
    )


def open_file(source: ImportSource) -> tuple[CsvLayout | None, ColumnPlan | None, list[Problem]]:
    """The file's layout and the columns' fields; the problems that stop it being read."""
    kind, name, mapping = source.kind, source.source, source.mapping
    problems = check_mapping(mapping, kind, name)
    try:
        layout = open_csv(source.path, name, partial(is_known_header, kind, mapping))
    except ImportRejected as exc:
        return None, None, problems + exc.details
    if layout.is_empty:
        return layout, None, [*problems, empty_file_problem(kind, name)]
    columns = plan_columns(kind, layout.raw_header, mapping, name, layout.header_line)
    return layout, columns, problems + list(columns.problems)


def check_file(
    db: Session | None,
    source: ImportSource,
    rules: ReadRules,
    defined: Defined,
    progress: Progress,
    *,
    samples: int = 0,
    limit: int | None = None,
) -> FileCheck:
    """Check every row of one file; what it defines is added to *defined* for the next files.

    Without a store (*db* None) the ids rows refer to are not checked; *limit* stops after that
    many rows (the window's mapping step looks at the first rows only).
    """
    check = FileCheck(source)
    layout, columns, problems = open_file(source)
    check.layout, check.columns = layout, columns
    check.problems.extend(problems)
    if layout is None or layout.is_empty:
        return check
    rows = CsvRows(layout)
    usable = columns is not None and not problems
    scan: Scanner | None = None
    if usable and columns is not None:
        context = file_context(source, layout, columns, rules)
        context.problems = check.problems
        scan = scanner(db, check, context, defined)
    date_positions = {
        name: position
        for name, position in (columns.positions.items() if columns else ())
        if name in DATE_FIELDS
    }
    counted = ProblemCap(check.problems)
    size = max(layout.stamp.size, 1)
    for row in rows:
        if limit is not None and check.rows >= limit:
            break
        check.rows += 1
        if len(check.samples) < samples:
            check.samples.append(row)
        if check.rows <= DATE_SAMPLES:
            for name, position in date_positions.items():
                if position < len(row.cells) and row.cells[position]:
                    check.date_samples.setdefault(name, []).append(row.cells[position])
        if scan is not None:
            scan(row)
        if check.rows % _BATCH == 0:
            check_cancelled(progress)
            progress.report(rows.bytes_read(), size, f"{check.name}: checking rows")
            if scan is not None:
                scan.flush()
            counted.cap()
    if scan is not None:
        scan.flush()
    check.problems.extend(rows.problems)
    counted.finish(check.name)
    return check


class ProblemCap:
    """Keeps at most *limit* problems (those of the earliest lines), counting the others.

    A file whose every row is wrong (a whole export in the wrong date order) would otherwise
    hold millions of messages; the first hundred thousand say all there is to fix.
    """

    def __init__(self, problems: list[Problem], limit: int = PROBLEM_LIMIT) -> None:
        self._problems = problems
        self._limit = limit
        self._dropped = 0

    def cap(self) -> None:
        if len(self._problems) > self._limit:
            kept = sort_problems(self._problems, [])
            self._dropped += len(kept) - self._limit
            self._problems[:] = kept[: self._limit]

    def finish(self, source: str) -> None:
        self.cap()
        if self._dropped:
            self._problems.append(
                problem(
                    source, None, Code.TOO_MANY_PROBLEMS, more=self._dropped, listed=self._limit
                )
            )
