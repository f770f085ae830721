"""Reading typed values out of one CSV row, collecting a coded problem for each bad cell.

A column missing from the header reads as :data:`ABSENT` ("leave the field as it is"); an empty
cell of an optional column reads as None ("clear the field"). A mapping's ``values`` replace a
cell's text before it is read (``"Signed in"`` → ``yes``).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import local_to_utc
from feedback_desk.domain.settings_schema import check_email
from feedback_desk.domain.values import parse_bool
from feedback_desk.services.importing.aliases import header_key
from feedback_desk.services.importing.columns import (
    DATE,
    DATETIME_FIELD,
    TIME,
    Column,
    ImportKind,
)
from feedback_desk.services.importing.dates import CellError, DateReader
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import Problem, cell_problem
from feedback_desk.services.importing.reading import CsvRow


class Absent(enum.Enum):
    """The column is not in the file."""

    ABSENT = "absent"


ABSENT: Final = Absent.ABSENT

LANGUAGES = ("fr", "en")
# Booking systems' attendance words (matched as headers are: case, accents, punctuation aside).
PRESENT_WORDS = (
    "signed in",
    "checked in",
    "check in",
    "attended",
    "present",
    "présent",
    "présente",
)
ABSENT_WORDS = (
    "no-show",
    "absent",
    "absente",
    "late cancel",
    "late cancelled",
    "late canceled",
    "cancelled",
    "canceled",
    "annulé",
    "annulée",
    "annulation tardive",
)
_STATUS = {header_key(w): True for w in PRESENT_WORDS} | {
    header_key(w): False for w in ABSENT_WORDS
}
STATUS_HINT = "signed in, attended, présent; no-show, absent, late cancel, cancelled, annulé"
_WHOLE = re.compile(r"^(\d+)(?:[.,]0+)?$")
CACHE_LIMIT = 100_000


def parse_presence(text: str) -> bool:
    """yes/no words, or a booking system's status word; ValueError otherwise."""
    try:
        return parse_bool(text)
    except ValueError:
        pass
    found = _STATUS.get(header_key(text))
    if found is None:
        raise ValueError(text)
    return found


@dataclass
class FileContext:
    """What every row of one file is read with."""

    source: str
    kind: ImportKind
    columns: dict[str, Column]
    positions: dict[str, int]
    width: int
    timezone: ZoneInfo
    dates: DateReader
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # What cells already read gave (files repeat the same values over millions of rows).
    _mapped: dict[str, dict[str, str]] = field(default_factory=dict)
    _presence: dict[str, bool | None] = field(default_factory=dict)
    _instants: dict[tuple[str, str], tuple[datetime, bool]] = field(default_factory=dict)

    def mapped(self, name: str, value: str) -> str:
        """The cell's value after the mapping's ``values`` for its field."""
        table = self.values.get(name)
        if not table:
            return value
        seen = self._mapped.setdefault(name, {})
        found = seen.get(value)
        if found is None:
            if len(seen) > CACHE_LIMIT:
                seen.clear()
            found = seen[value] = table.get(header_key(value), value)
        return found

    def presence(self, value: str) -> bool | None:
        """yes/no or a status word as True/False; None when it is neither."""
        cache = self._presence
        if value not in cache:
            if len(cache) > CACHE_LIMIT:
                cache.clear()
            try:
                cache[value] = parse_presence(value)
            except ValueError:
                cache[value] = None
        return cache[value]

    def instant(self, day_text: str, time_text: str) -> tuple[datetime, bool]:
        """The UTC instant of a date cell (and time cell), and whether it has a time of day.

        CellError when a cell cannot be read; the time cell's error says ``time``.
        """
        key = (day_text, time_text)
        found = self._instants.get(key)
        if found is None:
            stamp = self.dates.stamp(day_text)
            at = stamp.time_of_day
            if time_text:
                try:
                    at = self.dates.time_of_day(time_text)
                except CellError as exc:
                    raise CellError(exc.code, **exc.params, in_time=True) from None
            if len(self._instants) > CACHE_LIMIT:
                self._instants.clear()
            found = self._instants[key] = (
                local_to_utc(stamp.local(at), self.timezone),
                at is not None,
            )
        return found


class RowReader:
    """Typed access to one row's cells; every bad cell adds a problem and marks the row failed."""

    __slots__ = ("_context", "failed", "row")

    def __init__(self, context: FileContext, row: CsvRow) -> None:
        self._context = context
        self.row = row
        self.failed = False

    @property
    def line(self) -> int:
        return self.row.line

    @property
    def timezone(self) -> ZoneInfo:
        return self._context.timezone

    def problem(self, code: Code, name: str | None = None, /, **params: object) -> None:
        context = self._context
        column = context.positions.get(name) if name is not None else None
        if name is not None:
            params = {"field": name, **params}
        context.problems.append(cell_problem(context.source, self.row.line, code, column, **params))
        self.failed = True

    def has(self, name: str) -> bool:
        return name in self._context.positions

    def raw(self, name: str) -> str | Absent:
        context = self._context
        position = context.positions.get(name)
        if position is None:
            return ABSENT
        cells = self.row.cells
        value = cells[position] if position < len(cells) else ""
        return context.mapped(name, value) if value else value

    def _checked_length(self, name: str, value: str) -> str:
        limit = self._context.columns[name].max_chars
        if limit is not None and len(value) > limit:
            self.problem(Code.TOO_LONG, name, length=len(value), limit=limit)
        return value

    def required(self, name: str) -> str:
        value = self.raw(name)
        if value is ABSENT or not value:
            self.problem(Code.REQUIRED_EMPTY, name)
            return ""
        return self._checked_length(name, value)

    def optional(self, name: str) -> str | Absent | None:
        value = self.raw(name)
        if value is ABSENT:
            return ABSENT
        return self._checked_length(name, value) if value else None

    def boolean(self, name: str, *, empty: bool | None = None) -> bool | Absent:
        """yes/no (French and English); an empty cell is *empty*, or a problem when None."""
        value = self.raw(name)
        if value is ABSENT:
            return ABSENT
        if not value:
            if empty is None:
                self.problem(Code.BOOLEAN_EMPTY, name)
                return False
            return empty
        try:
            return parse_bool(value)
        except ValueError:
            self.problem(Code.NOT_BOOLEAN, name, value=value)
            return False

    def presence(self, name: str, *, empty: bool | None) -> bool:
        """yes/no or a status word (signed in, no-show...); an empty cell is *empty*."""
        value = self.raw(name)
        if value is ABSENT or not value:
            if empty is None:
                self.problem(Code.BOOLEAN_EMPTY, name)
                return False
            return empty
        found = self._context.presence(value)
        if found is None:
            self.problem(Code.NOT_STATUS, name, value=value, words=STATUS_HINT)
            return False
        return found

    def instant(self, name: str, *, needs_time: bool = False) -> datetime:
        """A required date-time (or the date and time columns), as a UTC instant.

        Local to the studio unless the cell carries an offset.
        """
        context = self._context
        split = name not in context.positions and DATETIME_FIELD.get(context.kind) == name
        day_name = DATE if split else name
        text = self.required(day_name)
        time_text = self.raw(TIME) if split else ""
        time_text = time_text if isinstance(time_text, str) else ""
        if not text:
            return datetime.min
        try:
            instant, has_time = context.instant(text, time_text)
        except CellError as exc:
            in_time = exc.params.pop("in_time", False)
            code = Code.NOT_DATETIME if exc.code is Code.NOT_DATE and not split else exc.code
            self.problem(code, TIME if in_time else day_name, **exc.params)
            return datetime.min
        if needs_time and not has_time:
            if split:
                self.problem(Code.REQUIRED_EMPTY, TIME)
            else:
                self.problem(Code.NO_TIME_OF_DAY, name, value=text)
        return instant

    def day(self, name: str) -> date | Absent | None:
        value = self.optional(name)
        if value is ABSENT or value is None:
            return value
        try:
            return self._context.dates.stamp(value).day
        except CellError as exc:
            code = Code.NOT_DATE if exc.code is Code.NOT_DATETIME else exc.code
            self.problem(code, name, **exc.params)
            return None

    def email(self, name: str) -> str | Absent | None:
        value = self.optional(name)
        if value is ABSENT or value is None:
            return value
        try:
            return check_email(value)
        except ValueError:
            self.problem(Code.NOT_EMAIL, name, value=value)
            return None

    def language(self, name: str) -> str | Absent | None:
        value = self.optional(name)
        if value is ABSENT or value is None:
            return value
        folded = value.casefold()
        if folded not in LANGUAGES:
            self.problem(Code.NOT_LANGUAGE, name, value=value)
            return None
        return folded

    def whole_number(
        self, name: str, *, low: int, high: int | None, required: bool, default: int
    ) -> int | Absent:
        """Plain digits; a decimal comma or point with only zeros after it is accepted (45,0)."""
        raw = self.raw(name)
        if raw is ABSENT:
            return ABSENT
        if not raw:
            if required:
                self.problem(Code.REQUIRED_EMPTY, name)
            return default
        span = f"from {low} to {high}" if high is not None else f"of at least {low}"
        match = _WHOLE.match(raw)
        number = int(match[1]) if match and raw.isascii() else None
        if number is None or number < low or (high is not None and number > high):
            self.problem(Code.NOT_WHOLE_NUMBER, name, value=raw, span=span, low=low, high=high)
            return default
        return number

    def choice(self, name: str, choices: tuple[str, ...]) -> str:
        text = self.required(name)
        if not text:
            return ""
        folded = text.casefold()
        if folded not in choices:
            self.problem(Code.NOT_CHOICE, name, value=text, choices=", ".join(choices))
            return ""
        return folded
