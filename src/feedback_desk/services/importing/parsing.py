"""From a read CSV table to typed records of one kind, every bad row reported (no store access)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.text import fold
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.importing.cells import ABSENT, Absent, RowReader
from feedback_desk.services.importing.columns import (
    COLUMNS,
    ImportKind,
    column_names,
    required_names,
)
from feedback_desk.services.importing.problems import Problem, quoted
from feedback_desk.services.importing.reading import CsvRow, CsvTable
from feedback_desk.services.importing.records import (
    AttendanceRecord,
    ClientRecord,
    CoachRecord,
    Record,
    ReviewRecord,
    SessionRecord,
)
from feedback_desk.services.review_recording import APP_ID_PREFIX, MAX_COMMENT_CHARS

ASPECT_SEPARATOR = "|"


@dataclass(frozen=True)
class Reference:
    line: int
    column: str
    kind: ImportKind
    id: str


# What identifies a row: two rows with the same key are an error on the second.
KEY_COLUMNS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.CLIENTS: ("id",),
    ImportKind.COACHES: ("id",),
    ImportKind.SESSIONS: ("id",),
    ImportKind.ATTENDANCE: ("session_id", "client_id"),
    ImportKind.REVIEWS: ("id",),
}

# The columns holding an id defined by another kind of file.
REFERENCE_COLUMNS: dict[ImportKind, tuple[tuple[str, ImportKind], ...]] = {
    ImportKind.SESSIONS: (("coach_id", ImportKind.COACHES),),
    ImportKind.ATTENDANCE: (
        ("session_id", ImportKind.SESSIONS),
        ("client_id", ImportKind.CLIENTS),
    ),
    ImportKind.REVIEWS: (("client_id", ImportKind.CLIENTS), ("session_id", ImportKind.SESSIONS)),
}


@dataclass
class ParsedFile:
    kind: ImportKind
    table: CsvTable
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Header columns this kind does not use (shown in the preview; ignored by the import).
    ignored_columns: tuple[str, ...] = ()
    # Every id the file defines, bad rows included, so that a file referring to one of them in
    # the same import is not blamed for the bad row's problem.
    defined_ids: set[str] = field(default_factory=set)
    # Every id the rows refer to, bad rows included, so one run reports every unknown id.
    references: list[Reference] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.table.source


def parse_file(kind: ImportKind, table: CsvTable, timezone: ZoneInfo) -> ParsedFile:
    parsed = ParsedFile(kind, table, problems=list(table.problems))
    positions = _header_positions(kind, table, parsed.problems)
    if positions is None:
        return parsed
    known = set(column_names(kind))
    parsed.ignored_columns = tuple(
        raw for raw, name in zip(table.raw_header, table.header, strict=True) if name not in known
    )
    columns = {column.name: column for column in COLUMNS[kind]}
    make = _ROW_PARSERS[kind]
    key_positions = [positions[name] for name in KEY_COLUMNS[kind]]
    first_line_of: dict[tuple[str, ...], int] = {}
    id_position = positions.get("id")
    for row in table.rows:
        if not _row_width_ok(row, table, positions, parsed.problems):
            continue
        if id_position is not None and row.cells[id_position]:
            parsed.defined_ids.add(row.cells[id_position])
        parsed.references.extend(_references(kind, row, positions))
        key = tuple(row.cells[position] for position in key_positions)
        earlier = first_line_of.setdefault(key, row.line) if all(key) else row.line
        if earlier != row.line:
            parsed.problems.append(
                Problem(
                    table.source, row.line, f"{_describe_key(kind, key)}: already on line {earlier}"
                )
            )
        reader = RowReader(table, row, columns, positions, parsed.problems, timezone)
        record = make(reader)
        if not reader.failed and earlier == row.line:
            parsed.records.append(record)
    return parsed


def _header_positions(
    kind: ImportKind, table: CsvTable, problems: list[Problem]
) -> dict[str, int] | None:
    """Where each of the kind's columns is; None (with problems) when the header is unusable."""
    if table.is_empty:
        if not table.problems:
            problems.append(
                Problem(
                    table.source,
                    1,
                    "the file is empty; its first row must be the header: "
                    + ", ".join(column_names(kind)),
                )
            )
        return None
    known = set(column_names(kind))
    positions: dict[str, int] = {}
    bad = False
    for index, name in enumerate(table.header):
        if name not in known:
            continue
        if name in positions:
            problems.append(
                Problem(table.source, table.header_line, f"column {quoted(name)} appears twice")
            )
            bad = True
        positions.setdefault(name, index)
    for name in required_names(kind):
        if name not in positions:
            problems.append(
                Problem(table.source, table.header_line, f"missing required column {quoted(name)}")
            )
            bad = True
    if bad and any("\t" in name for name in table.raw_header):
        problems.append(
            Problem(
                table.source,
                table.header_line,
                "the columns look separated by tabs; save the file as CSV "
                "(comma- or semicolon-separated)",
            )
        )
    return None if bad else positions


def _row_width_ok(
    row: CsvRow, table: CsvTable, positions: dict[str, int], problems: list[Problem]
) -> bool:
    width = len(table.header)
    count = len(row.cells)
    if count > width and any(row.cells[width:]):
        problems.append(
            Problem(
                table.source,
                row.line,
                f"this line has {count} values but the header has {width} columns "
                f"(a value holding {quoted(table.delimiter)} must be between double quotes)",
            )
        )
        return False
    if count < width and max(positions.values()) >= count:
        problems.append(
            Problem(
                table.source,
                row.line,
                f"this line has {count} values but the header has {width} columns",
            )
        )
        return False
    return True


def _references(kind: ImportKind, row: CsvRow, positions: dict[str, int]) -> list[Reference]:
    found = []
    for column, target in REFERENCE_COLUMNS.get(kind, ()):
        position = positions.get(column)
        value = row.cells[position] if position is not None and position < len(row.cells) else ""
        if not value:
            continue
        if kind is ImportKind.REVIEWS and column == "session_id":
            kind_cell = row.cells[positions["kind"]] if positions["kind"] < len(row.cells) else ""
            if kind_cell.casefold() != ReviewKind.CLASS:
                continue  # a business review's session is an error of its own
        found.append(Reference(row.line, column, target, value))
    return found


def _describe_key(kind: ImportKind, key: tuple[str, ...]) -> str:
    if kind is ImportKind.ATTENDANCE:
        session_id, client_id = key
        return f"client {quoted(client_id)} in session {quoted(session_id)} appears twice"
    return f"duplicate id {quoted(key[0])}"


def _client(row: RowReader) -> ClientRecord:
    return ClientRecord(
        line=row.line,
        id=row.required("id"),
        first_name=row.required("first_name"),
        last_name=row.required("last_name"),
        email=row.email("email"),
        phone=row.optional("phone"),
        language=row.language("language"),
        email_consent=row.boolean("email_consent", empty=False),
        joined_on=row.day("joined_on"),
    )


def _coach(row: RowReader) -> CoachRecord:
    return CoachRecord(
        line=row.line,
        id=row.required("id"),
        first_name=row.required("first_name"),
        last_name=row.required("last_name"),
        email=row.email("email"),
    )


def _session(row: RowReader) -> SessionRecord:
    return SessionRecord(
        line=row.line,
        id=row.required("id"),
        class_name=" ".join(row.required("class_name").split()),
        coach_id=row.required("coach_id"),
        starts_at=row.instant("starts_at", needs_time=True),
        duration_min=row.whole_number("duration_min", low=1, high=None, required=False, default=60),
        location=row.optional("location"),
    )


def _attendance(row: RowReader) -> AttendanceRecord:
    return AttendanceRecord(
        line=row.line,
        session_id=row.required("session_id"),
        client_id=row.required("client_id"),
        present=row.boolean("present") is True,
    )


def _review(row: RowReader) -> ReviewRecord:
    review_id = row.required("id")
    if review_id.casefold().startswith(APP_ID_PREFIX.casefold()):
        row.problem(
            f"id {quoted(review_id)}: ids starting with {APP_ID_PREFIX} are reserved for "
            "reviews made in Feedback Desk"
        )
    client_id = row.required("client_id")
    kind_text = row.choice("kind", tuple(kind.value for kind in ReviewKind))
    session_id = row.optional("session_id")
    if kind_text == ReviewKind.CLASS and session_id is ABSENT:
        row.problem("a class review needs the session it is about: the file has no session_id")
    elif kind_text == ReviewKind.CLASS and session_id is None:
        row.problem("session_id is empty; a class review needs the session it is about")
    if session_id is ABSENT:
        session_id = None
    if kind_text == ReviewKind.BUSINESS and session_id is not None:
        row.problem(
            f"session_id {quoted(session_id)}: a business review is about the studio, "
            "not a session (leave session_id empty)"
        )
    stars = row.whole_number("stars", low=1, high=5, required=True, default=0)
    created_at = row.instant("created_at")
    comment = row.optional("comment")
    if isinstance(comment, str) and len(comment) > MAX_COMMENT_CHARS:
        row.problem(
            f"comment is {len(comment)} characters long; at most {MAX_COMMENT_CHARS} are allowed"
        )
    return ReviewRecord(
        line=row.line,
        id=review_id,
        client_id=client_id,
        kind=ReviewKind(kind_text) if kind_text else ReviewKind.BUSINESS,
        session_id=session_id,
        stars=0 if stars is ABSENT else stars,
        created_at=created_at,
        comment=comment,
        aspects=_aspect_labels(row.raw("aspects")),
        recommend=_recommend(row, kind_text),
    )


def _recommend(row: RowReader, kind_text: str) -> int | Absent | None:
    """The 0-10 answer (business reviews only); an empty cell is no answer."""
    raw = row.raw("recommend")
    if raw is ABSENT:
        return ABSENT
    if not raw:
        return None
    if kind_text == ReviewKind.CLASS:
        row.problem(
            f"recommend {quoted(raw)}: the 0-10 question goes with business reviews, "
            "not class reviews (leave it empty)"
        )
        return None
    number = row.whole_number("recommend", low=0, high=10, required=False, default=-1)
    return None if number is ABSENT or number == -1 else number


def _aspect_labels(raw: str | Absent) -> tuple[str, ...] | Absent:
    """Labels separated by |, each as a client-added aspect would keep it, duplicates dropped."""
    if raw is ABSENT:
        return ABSENT
    labels: dict[str, str] = {}
    for part in raw.split(ASPECT_SEPARATOR):
        label = " ".join(part.split())[:MAX_LABEL_CHARS].strip()
        if label:
            labels.setdefault(fold(label), label)
    return tuple(labels.values())


_ROW_PARSERS: dict[ImportKind, Callable[[RowReader], Record]] = {
    ImportKind.CLIENTS: _client,
    ImportKind.COACHES: _coach,
    ImportKind.SESSIONS: _session,
    ImportKind.ATTENDANCE: _attendance,
    ImportKind.REVIEWS: _review,
}
