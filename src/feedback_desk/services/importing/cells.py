"""Reading typed values out of one CSV row, collecting a clear problem for each bad cell.

A column missing from the header reads as :data:`ABSENT` ("leave the field as it is"); an empty
cell of an optional column reads as None ("clear the field").
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime
from typing import Final, TypeVar
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import parse_instant
from feedback_desk.domain.settings_schema import check_email
from feedback_desk.domain.values import parse_bool
from feedback_desk.services.importing.columns import Column
from feedback_desk.services.importing.problems import Problem, quoted
from feedback_desk.services.importing.reading import CsvRow, CsvTable

T = TypeVar("T")


class Absent(enum.Enum):
    """The column is not in the file."""

    ABSENT = "absent"


ABSENT: Final = Absent.ABSENT

BOOLEAN_HINT = "yes/no, oui/non, true/false or 1/0"
LANGUAGES = ("fr", "en")


class RowReader:
    """Typed access to one row's cells; every bad cell adds a problem and marks the row failed."""

    def __init__(
        self,
        table: CsvTable,
        row: CsvRow,
        columns: dict[str, Column],
        positions: dict[str, int],
        problems: list[Problem],
        timezone: ZoneInfo,
    ) -> None:
        self.table = table
        self.row = row
        self._columns = columns
        self._positions = positions
        self._problems = problems
        self.timezone = timezone
        self.failed = False

    @property
    def line(self) -> int:
        return self.row.line

    def problem(self, message: str) -> None:
        self._problems.append(Problem(self.table.source, self.row.line, message))
        self.failed = True

    def has(self, name: str) -> bool:
        return name in self._positions

    def raw(self, name: str) -> str | Absent:
        position = self._positions.get(name)
        if position is None:
            return ABSENT
        cells = self.row.cells
        return cells[position] if position < len(cells) else ""

    def _checked_length(self, name: str, value: str) -> str:
        limit = self._columns[name].max_chars
        if limit is not None and len(value) > limit:
            self.problem(f"{name} is {len(value)} characters long; at most {limit} are allowed")
        return value

    def required(self, name: str) -> str:
        value = self.raw(name)
        if value is ABSENT or not value:
            self.problem(f"{name} is empty; it is required")
            return ""
        return self._checked_length(name, value)

    def optional(self, name: str) -> str | Absent | None:
        value = self.raw(name)
        if value is ABSENT:
            return ABSENT
        return self._checked_length(name, value) if value else None

    def _converted(
        self, name: str, text: str, convert: Callable[[str], T], expected: str
    ) -> T | None:
        try:
            return convert(text)
        except ValueError:
            self.problem(f"{name}: {quoted(text)} is not {expected}")
            return None

    def boolean(self, name: str, *, empty: bool | None = None) -> bool | Absent:
        """yes/no (French and English); an empty cell is *empty*, or a problem when None."""
        value = self.raw(name)
        if value is ABSENT:
            return ABSENT
        if not value:
            if empty is None:
                self.problem(f"{name} is empty; it is required ({BOOLEAN_HINT})")
                return False
            return empty
        parsed = self._converted(name, value, parse_bool, BOOLEAN_HINT)
        return bool(parsed)

    def instant(self, name: str, *, needs_time: bool = False) -> datetime:
        """A required ISO 8601 date-time, local to the studio unless it carries an offset."""
        text = self.required(name)
        if not text:
            return datetime.min
        try:
            instant = parse_instant(text, self.timezone)
        except ValueError:
            self.problem(
                f"{name}: {quoted(text)} is not an ISO 8601 date-time (e.g. 2026-03-14T18:00)"
            )
            return datetime.min
        if needs_time and not _has_time_of_day(text):
            self.problem(f"{name}: {quoted(text)} has no time of day (e.g. 2026-03-14T18:00)")
        return instant

    def day(self, name: str) -> date | Absent | None:
        value = self.optional(name)
        if value is ABSENT or value is None:
            return value
        return self._converted(name, value, _day, "an ISO date (e.g. 2026-03-14)")

    def email(self, name: str) -> str | Absent | None:
        value = self.optional(name)
        if value is ABSENT or value is None:
            return value
        try:
            return check_email(value)
        except ValueError:
            self.problem(f"{name}: {quoted(value)} is not an email address")
            return None

    def language(self, name: str) -> str | Absent | None:
        value = self.optional(name)
        if value is ABSENT or value is None:
            return value
        folded = value.casefold()
        if folded not in LANGUAGES:
            self.problem(f"{name}: {quoted(value)} is not a language (fr or en)")
            return None
        return folded

    def whole_number(
        self, name: str, *, low: int, high: int | None, required: bool, default: int
    ) -> int | Absent:
        raw = self.raw(name)
        if raw is ABSENT:
            return ABSENT
        if not raw:
            if required:
                self.problem(f"{name} is empty; it is required")
            return default
        span = f"from {low} to {high}" if high is not None else f"of at least {low}"
        expected = f"a whole number {span}"
        number = self._converted(name, raw, _strict_int, expected)
        if number is None:
            return default
        if number < low or (high is not None and number > high):
            self.problem(f"{name}: {quoted(raw)} is not {expected}")
            return default
        return number

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        text = self.required(name)
        if not text:
            return ""
        folded = text.casefold()
        if folded not in choices:
            self.problem(f"{name}: {quoted(text)} is not one of {', '.join(choices)}")
            return ""
        return folded


def _day(text: str) -> date:
    # Spreadsheets often write a date cell as "2026-03-14 00:00:00": the day is what counts.
    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.fromisoformat(text).date()


def _has_time_of_day(text: str) -> bool:
    # ISO 8601 puts a "T" (or, as spreadsheets write it, a space) between the date and the time.
    return "T" in text.upper() or " " in text.strip()


def _strict_int(text: str) -> int:
    # int() alone accepts "1_000" and "+3"; a file's number is plain digits.
    if not text.isdigit() or not text.isascii():
        raise ValueError(text)
    return int(text)
