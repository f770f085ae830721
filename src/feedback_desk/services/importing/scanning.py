"""Checking rows one at a time: width, duplicates, references, cells (the first pass's core).

Files with ids (clients, coaches, sessions, reviews) must not repeat one; attendance and visits
files must not book a client twice in a session, and keep their bookings compactly for the
write. Ids rows refer to are looked up in the store in batches, and among the ids the import's
earlier files define, so every unknown id is reported on its line.
"""

from __future__ import annotations

from operator import itemgetter

from sqlalchemy.orm import Session

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.importing.bookings import Bookings
from feedback_desk.services.importing.cells import FileContext, RowReader
from feedback_desk.services.importing.checks import TARGETS, Defined, FileCheck
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.lookups import ids_by_external_id
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.parsing import (
    KEY_COLUMNS,
    NOUNS,
    REFERENCE_COLUMNS,
    ROW_PARSERS,
)
from feedback_desk.services.importing.problems import cell_problem, problem
from feedback_desk.services.importing.reading import CsvRow
from feedback_desk.services.importing.records import CoachRecord, VisitRecord
from feedback_desk.services.importing.visits import (
    SESSION_FIELDS,
    CoachDirectory,
    CoachRef,
    VisitSessions,
    conflicts,
)


class _References:
    """Ids rows refer to, checked in batches against the store and the import's own files."""

    def __init__(self, db: Session | None, defined: Defined, context: FileContext) -> None:
        self._db = db
        self._defined = defined
        self._context = context
        self._known: dict[ImportKind, set[str]] = {kind: set() for kind in TARGETS}
        self._missing: dict[ImportKind, set[str]] = {kind: set() for kind in TARGETS}
        self._pending: list[tuple[int, str, ImportKind, str]] = []

    def add(self, line: int, column: str, target: ImportKind, external_id: str) -> None:
        if external_id not in self._known[target]:  # most rows name an id already found
            self._pending.append((line, column, target, external_id))

    def flush(self) -> None:
        if self._db is None:
            self._pending.clear()
        if not self._pending or self._db is None:
            return
        for target, model in TARGETS.items():
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


def scanner(
    db: Session | None, check: FileCheck, context: FileContext, defined: Defined
) -> Scanner:
    kind = context.kind
    if kind is ImportKind.VISITS:
        return _VisitScanner(db, check, context, defined)
    if kind is ImportKind.ATTENDANCE:
        return _AttendanceScanner(db, check, context, defined)
    return _RecordScanner(db, check, context, defined)


class Scanner:
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


class _RecordScanner(Scanner):
    """Files whose rows have ids (clients, coaches, sessions, reviews): ids must be unique."""

    def __init__(
        self, db: Session | None, check: FileCheck, context: FileContext, defined: Defined
    ) -> None:
        super().__init__(db, check, context, defined)
        [key_column] = KEY_COLUMNS[context.kind]
        self._id_position = context.positions[key_column]
        self._first_line: dict[str, int] = {}
        target = context.kind if context.kind in TARGETS else None
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


class _AttendanceScanner(Scanner):
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


class _VisitScanner(Scanner):
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
