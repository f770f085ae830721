"""The first pass over a file: every row checked, streaming, nothing written.

Rows are read one at a time; what the write needs later is kept small (ids seen, or the compact
bookings of an attendance or visits file). Ids a row refers to are looked up in the store in
batches (and among the ids the import's earlier files define), so every unknown id is reported
on its line. Past :data:`PROBLEM_LIMIT` problems, the rest are counted, not listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from operator import itemgetter
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.importing.bookings import Bookings
from feedback_desk.services.importing.cells import FileContext, RowReader
from feedback_desk.services.importing.columns import COLUMNS, DATE, TIME, Column, ImportKind
from feedback_desk.services.importing.dates import DateOrder, DateReader
from feedback_desk.services.importing.headers import (
    ColumnPlan,
    empty_file_problem,
    is_known_header,
    plan_columns,
)
from feedback_desk.services.importing.lookups import ids_by_external_id
from feedback_desk.services.importing.mapping import check_mapping
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.parsing import (
    KEY_COLUMNS,
    NOUNS,
    REFERENCE_COLUMNS,
    ROW_PARSERS,
)
from feedback_desk.services.importing.problems import (
    ImportRejected,
    Problem,
    cell_problem,
    problem,
    sort_problems,
)
from feedback_desk.services.importing.reading import CsvLayout, CsvRow, open_csv
from feedback_desk.services.importing.reading import RowReader as CsvRows
from feedback_desk.services.importing.records import CoachRecord, VisitRecord
from feedback_desk.services.importing.source import ImportSource
from feedback_desk.services.importing.visits import (
    SESSION_FIELDS,
    CoachDirectory,
    CoachRef,
    VisitSessions,
    conflicts,
)
from feedback_desk.services.progress import Progress, check_cancelled
from feedback_desk.store.models import ClassSession, Client, Coach

PROBLEM_LIMIT = 100_000
DATE_SAMPLES = 1000  # rows whose date cells tell the window how the file writes dates
DATE_FIELDS = ("starts_at", "created_at", "joined_on", DATE)
_BATCH = 2000
_TARGETS: dict[ImportKind, type[Client] | type[Coach] | type[ClassSession]] = {
    ImportKind.CLIENTS: Client,
    ImportKind.COACHES: Coach,
    ImportKind.SESSIONS: ClassSession,
}


@dataclass(frozen=True)
class ReadRules:
    """How dates are read: the studio's zone, the setting import.date_order, today's date."""

    timezone: ZoneInfo
    date_order: DateOrder
    today: date


@dataclass
class Defined:
    """Ids defined by the files of the same import checked so far (and coaches' names)."""

    ids: dict[ImportKind, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in _TARGETS}
    )
    coach_names: dict[str, str] = field(default_factory=dict)


@dataclass
class FileCheck:
    source: ImportSource
    layout: CsvLayout | None = None
    columns: ColumnPlan | None = None
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    samples: list[CsvRow] = field(default_factory=list)
    bookings: Bookings | None = None
    visits: VisitSessions | None = None
    date_samples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.source.source

    @property
    def ok(self) -> bool:
        return not self.problems


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
            rules.date_order,
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
    scan: _Scanner | None = None
    if usable and columns is not None:
        context = file_context(source, layout, columns, rules)
        context.problems = check.problems
        scan = _scanner(db, check, context, defined)
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


class _References:
    """Ids rows refer to, checked in batches against the store and the import's own files."""

    def __init__(self, db: Session | None, defined: Defined, context: FileContext) -> None:
        self._db = db
        self._defined = defined
        self._context = context
        self._known: dict[ImportKind, set[str]] = {kind: set() for kind in _TARGETS}
        self._missing: dict[ImportKind, set[str]] = {kind: set() for kind in _TARGETS}
        self._pending: list[tuple[int, str, ImportKind, str]] = []

    def add(self, line: int, column: str, target: ImportKind, external_id: str) -> None:
        if external_id not in self._known[target]:  # most rows name an id already found
            self._pending.append((line, column, target, external_id))

    def flush(self) -> None:
        if self._db is None:
            self._pending.clear()
        if not self._pending or self._db is None:
            return
        for target, model in _TARGETS.items():
            wanted = {
                ref[3]
                for ref in self._pending
                if ref[2] is target
                and ref[3] not in self._known[target]
                and ref[3] not in self._missing[target]
                and ref[3] not in self._defined.ids[target]
            }
            if wanted:
                found = set(ids_by_external_id(self._db, model, wanted))
                self._known[target] |= found
                self._missing[target] |= wanted - found
        context = self._context
        for line, column, target, external_id in self._pending:
            if external_id in self._missing[target]:
                noun = NOUNS[target]
                context.problems.append(
                    cell_problem(
                        context.source,
                        line,
                        Code.UNKNOWN_REFERENCE,
                        context.positions.get(column),
                        field=column,
                        noun=noun,
                        id=external_id,
                    )
                )
        self._pending.clear()


def _scanner(
    db: Session | None, check: FileCheck, context: FileContext, defined: Defined
) -> _Scanner:
    kind = context.kind
    if kind is ImportKind.VISITS:
        return _VisitScanner(db, check, context, defined)
    if kind is ImportKind.ATTENDANCE:
        return _AttendanceScanner(db, check, context, defined)
    return _RecordScanner(db, check, context, defined)


class _Scanner:
    """Checks one row at a time: its width, its references, its cells."""

    def __init__(
        self, db: Session | None, check: FileCheck, context: FileContext, defined: Defined
    ) -> None:
        self.check = check
        self.context = context
        self.defined = defined
        self.references = _References(db, defined, context)
        self.parse = ROW_PARSERS[context.kind]
        self._reference_columns = [
            (name, target, context.positions.get(name))
            for name, target in REFERENCE_COLUMNS.get(context.kind, ())
        ]

    def __call__(self, row: CsvRow) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        self.references.flush()

    def width_ok(self, row: CsvRow) -> bool:
        context = self.context
        width, count = context.width, len(row.cells)
        if count == width:
            return True
        code: Code | None = None
        if count > width and any(row.cells[width:]):
            code = Code.ROW_TOO_LONG
        elif count < width and max(context.positions.values()) >= count:
            code = Code.ROW_TOO_SHORT
        if code is None:
            return True
        context.problems.append(
            problem(
                context.source,
                row.line,
                code,
                count=count,
                width=width,
                delimiter=self.check.layout.delimiter if self.check.layout else ",",
            )
        )
        return False

    def refer(self, row: CsvRow) -> None:
        cells = row.cells
        for name, target, position in self._reference_columns:
            if position is None or position >= len(cells) or not cells[position]:
                continue
            if name == "session_id" and self.context.kind is ImportKind.REVIEWS:
                kind_position = self.context.positions["kind"]
                kind_cell = cells[kind_position] if kind_position < len(cells) else ""
                if kind_cell.casefold() != ReviewKind.CLASS:
                    continue  # a business review's session is an error of its own
            self.references.add(row.line, name, target, cells[position])


class _RecordScanner(_Scanner):
    """Files whose rows have ids (clients, coaches, sessions, reviews): ids must be unique."""

    def __init__(
        self, db: Session | None, check: FileCheck, context: FileContext, defined: Defined
    ) -> None:
        super().__init__(db, check, context, defined)
        [key_column] = KEY_COLUMNS[context.kind]
        self._id_position = context.positions[key_column]
        self._first_line: dict[str, int] = {}
        target = context.kind if context.kind in _TARGETS else None
        self._defines = defined.ids[target] if target is not None else None

    def __call__(self, row: CsvRow) -> None:
        if not self.width_ok(row):
            return
        external_id = row.cells[self._id_position]
        earlier = row.line
        if external_id:
            if self._defines is not None:
                self._defines.add(external_id)
            earlier = self._first_line.setdefault(external_id, row.line)
        problems = self.context.problems
        mark = len(problems)
        reader = RowReader(self.context, row)
        record = self.parse(reader)
        if earlier != row.line:
            problems.insert(
                mark,
                cell_problem(
                    self.context.source,
                    row.line,
                    Code.DUPLICATE_ID,
                    self._id_position,
                    id=external_id,
                    first_line=earlier,
                ),
            )
        self.refer(row)
        if isinstance(record, CoachRecord) and not reader.failed:
            self.defined.coach_names[record.id] = f"{record.first_name} {record.last_name}"


class _AttendanceScanner(_Scanner):
    def __init__(
        self, db: Session | None, check: FileCheck, context: FileContext, defined: Defined
    ) -> None:
        super().__init__(db, check, context, defined)
        self.bookings = check.bookings = Bookings()
        self._session = context.positions["session_id"]
        self._client = context.positions["client_id"]

    def __call__(self, row: CsvRow) -> None:
        if not self.width_ok(row):
            return
        problems = self.context.problems
        mark = len(problems)
        reader = RowReader(self.context, row)
        record = self.parse(reader)
        session_id, client_id = row.cells[self._session], row.cells[self._client]
        if session_id and client_id:
            bookings = self.bookings
            present = bool(getattr(record, "present", False))
            session, client = bookings.session(session_id), bookings.client(client_id)
            earlier = bookings.add(session, client, row.line, present)
            if earlier is not None:
                problems.insert(
                    mark,
                    problem(
                        self.context.source,
                        row.line,
                        Code.DUPLICATE_BOOKING,
                        client=client_id,
                        session=session_id,
                        first_line=earlier,
                    ),
                )
        self.refer(row)


class _VisitScanner(_Scanner):
    """Visits: a session's columns repeat on each of its bookings, so once a session's cells
    have been read, rows with the same cells only read their client and presence."""

    def __init__(
        self, db: Session | None, check: FileCheck, context: FileContext, defined: Defined
    ) -> None:
        super().__init__(db, check, context, defined)
        self.visits = check.visits = VisitSessions()
        self.coaches = CoachDirectory.load(db, defined.coach_names)  # without a store: none
        positions = [
            context.positions[name] for name in SESSION_FIELDS if name in context.positions
        ]
        self._session_cells = itemgetter(*positions, positions[0])  # always a tuple
        self._sessions: dict[tuple[str, ...], tuple[int, CoachRef, VisitRecord]] = {}

    def __call__(self, row: CsvRow) -> None:
        if not self.width_ok(row):
            return
        reader = RowReader(self.context, row)
        cells = self._session_cells(row.cells)
        known = self._sessions.get(cells)
        if known is None:
            self._first_of_session(reader, row, cells)
            return
        # A session already read: the row's own cells are its client and presence.
        number, coach, first = known
        client_id = reader.required("client_id")
        present = reader.presence("present", empty=True)
        self.refer(row)
        if not reader.failed:
            self._book(row, number, coach, first, client_id, present)

    def _first_of_session(self, reader: RowReader, row: CsvRow, cells: tuple[str, ...]) -> None:
        record = self.parse(reader)
        self.refer(row)
        if reader.failed or not isinstance(record, VisitRecord):
            return
        coach = self.coaches.resolve(record.coach_id, record.coach_name)
        if isinstance(coach, tuple):
            code, found = coach
            params = dict(found)
            name = str(params.pop("field", "coach_name" if record.coach_name else "coach_id"))
            reader.problem(code, name, **params)
            return
        number, draft = self.visits.session_of(record, coach)
        for name, given, first in conflicts(draft, record):
            reader.problem(
                Code.INCONSISTENT_SESSION,
                name,
                value="" if given is None else str(given),
                other="" if first is None else str(first),
                first_line=draft.line,
            )
        if reader.failed:
            return
        self._sessions[cells] = (number, coach, record)
        self.defined.ids[ImportKind.SESSIONS].add(draft.external_id)
        if coach.new:
            self.defined.ids[ImportKind.COACHES].add(coach.external_id)
        self._book(row, number, coach, record, record.client_id, record.present)

    def _book(
        self,
        row: CsvRow,
        number: int,
        coach: CoachRef,
        record: VisitRecord,
        client_id: str,
        present: bool,
    ) -> None:
        """Book *client_id* in session *number* (*record*: the session's first row)."""
        bookings = self.visits.bookings
        earlier = bookings.add(number, bookings.client(client_id), row.line, present)
        if earlier is not None:
            RowReader(self.context, row).problem(
                Code.DUPLICATE_VISIT,
                "client_id",
                client=client_id,
                class_name=record.class_name,
                starts_at=record.starts_at.astimezone(self.context.timezone).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                coach=coach.external_id,
                first_line=earlier,
            )
