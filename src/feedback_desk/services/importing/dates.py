"""Dates and times as exports write them, read without guessing.

Accepted: ISO 8601 (``2026-03-14``, ``2026-03-14T18:00``, with an optional offset);
``14/03/2026``, ``14-03-2026`` and ``14.03.2026`` (day and month in the order of the setting
``import.date_order``, ``dmy`` or ``mdy``); ``2026/03/14``; each with an optional time of day:
``18:00``, ``18:00:00``, ``6:00 PM``, ``6 PM`` or the Québec ``18 h 00``. A mapping file's
``date_format`` / ``time_format`` (strptime directives) replaces these rules for its file.

Nothing is guessed: a day/month date that is impossible in the configured order is refused with
the setting (or mapping) that would read it, a two-digit year is refused, and a date before 1900
or more than a year after today is refused as the typo it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from enum import StrEnum
from typing import TypeVar

from feedback_desk.domain.localtime import add_months
from feedback_desk.services.importing.messages import Code

EARLIEST = date(1900, 1, 1)
_CACHE_LIMIT = 100_000
T = TypeVar("T")


class DateOrder(StrEnum):
    DMY = "dmy"
    MDY = "mdy"

    @property
    def words(self) -> str:
        return "day/month/year" if self is DateOrder.DMY else "month/day/year"

    @property
    def other(self) -> DateOrder:
        return DateOrder.MDY if self is DateOrder.DMY else DateOrder.DMY


class CellError(ValueError):
    """A cell that is not a date or time: the problem's code and parameters (no field yet)."""

    def __init__(self, code: Code, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Stamp:
    """A cell read as a day, maybe a time of day, maybe an offset from UTC."""

    day: date
    time_of_day: time | None = None
    offset: tzinfo | None = None

    def local(self, at: time | None = None) -> datetime:
        """The wall-clock date-time (naive unless the cell carried an offset)."""
        return datetime.combine(self.day, self.time_of_day or at or time(), self.offset)


_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?:(?:\s+|T|,\s*)(.+))?$")
_YEAR_FIRST = re.compile(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T|,\s*)(.+))?$")
_ISO_START = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}")
_CLOCK = re.compile(
    r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([ap])\.?\s*m\.?)?$", re.IGNORECASE
)
_HOUR_AMPM = re.compile(r"^(\d{1,2})\s*([ap])\.?\s*m\.?$", re.IGNORECASE)
_QUEBEC = re.compile(r"^(\d{1,2})\s*h\s*(\d{2})?$", re.IGNORECASE)


def parse_time(text: str) -> time:
    """``18:00``, ``18:00:00``, ``6:00 PM``, ``6 p.m.``, ``18 h 00``; CellError otherwise."""
    raw = text.strip()
    match = _CLOCK.match(raw)
    if match:
        hour, minute = int(match[1]), int(match[2])
        second = int(match[3] or 0)
        return _clock(raw, hour, minute, second, match[4])
    match = _HOUR_AMPM.match(raw)
    if match:
        return _clock(raw, int(match[1]), 0, 0, match[2])
    match = _QUEBEC.match(raw)
    if match:
        return _clock(raw, int(match[1]), int(match[2] or 0), 0, None)
    raise CellError(Code.NOT_TIME, value=text)


def _clock(raw: str, hour: int, minute: int, second: int, half: str | None) -> time:
    if half is not None:
        if not 1 <= hour <= 12:
            raise CellError(Code.NOT_TIME, value=raw)
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    try:
        return time(hour, minute, second)
    except ValueError:
        raise CellError(Code.NOT_TIME, value=raw) from None


def _remembered(memory: dict[str, T | CellError], text: str, read: Callable[[], T]) -> T:
    """What *read* gives for *text*, read once (files repeat the same dates many times)."""
    found = memory.get(text)
    if found is None:
        if len(memory) > _CACHE_LIMIT:
            memory.clear()
        try:
            found = read()
        except CellError as exc:
            found = exc
        memory[text] = found
    if isinstance(found, CellError):
        raise found
    return found


class DateReader:
    """Reads a file's date and time cells by one set of rules, remembering what it read."""

    def __init__(
        self,
        order: DateOrder,
        today: date,
        *,
        date_format: str | None = None,
        time_format: str | None = None,
    ) -> None:
        self.order = order
        self.today = today
        self.latest = add_months(today, 12)
        self.date_format = date_format
        self.time_format = time_format
        self._stamps: dict[str, Stamp | CellError] = {}
        self._times: dict[str, time | CellError] = {}

    def stamp(self, text: str) -> Stamp:
        """A date cell, with or without a time of day; CellError when it cannot be read."""
        return _remembered(
            self._stamps, text, lambda: self._checked(self._stamp(text.strip()), text)
        )

    def time_of_day(self, text: str) -> time:
        """A time cell; CellError when it cannot be read."""
        return _remembered(self._times, text, lambda: self._time(text))

    def _time(self, text: str) -> time:
        if self.time_format is None:
            return parse_time(text)
        try:
            return datetime.strptime(text.strip(), self.time_format).time()
        except ValueError:
            raise CellError(Code.NOT_DATE_FORMAT, value=text, format=self.time_format) from None

    def _checked(self, stamp: Stamp, text: str) -> Stamp:
        if stamp.day < EARLIEST:
            raise CellError(Code.DATE_TOO_EARLY, value=text)
        if stamp.day > self.latest:
            raise CellError(Code.DATE_TOO_LATE, value=text, today=self.today.isoformat())
        return stamp

    def _stamp(self, text: str) -> Stamp:
        if self.date_format is not None:
            return self._formatted(text, self.date_format)
        if _ISO_START.match(text):
            return _iso(text)
        match = _YEAR_FIRST.match(text)
        if match:
            day = _day(text, int(match[1]), int(match[3]), int(match[4]))
            return Stamp(day, self._rest(match[5], text))
        match = _NUMERIC.match(text)
        if match:
            if len(match[4]) == 2:
                raise CellError(Code.TWO_DIGIT_YEAR, value=text)
            first, second, year = int(match[1]), int(match[3]), int(match[4])
            return Stamp(self._ordered(text, first, second, year), self._rest(match[5], text))
        raise CellError(Code.NOT_DATE, value=text)

    def _formatted(self, text: str, fmt: str) -> Stamp:
        formats = [f"{fmt} {self.time_format}", fmt] if self.time_format else [fmt]
        for candidate in formats:
            try:
                read = datetime.strptime(text, candidate)
            except ValueError:
                continue
            has_time = any(d in candidate for d in ("%H", "%I"))
            return Stamp(read.date(), read.time() if has_time else None)
        raise CellError(Code.NOT_DATE_FORMAT, value=text, format=" / ".join(formats))

    def _ordered(self, text: str, first: int, second: int, year: int) -> date:
        day, month = (first, second) if self.order is DateOrder.DMY else (second, first)
        try:
            return date(year, month, day)
        except ValueError:
            pass
        other_day, other_month = month, day
        try:
            date(year, other_month, other_day)
        except ValueError:
            raise CellError(Code.NOT_DATE, value=text) from None
        other = self.order.other
        raise CellError(
            Code.DATE_ORDER,
            value=text,
            order=self.order.words,
            other=other.words,
            other_setting=other.value,
        )

    def _rest(self, rest: str | None, text: str) -> time | None:
        if rest is None:
            return None
        try:
            return self.time_of_day(rest)
        except CellError:
            raise CellError(Code.NOT_DATETIME, value=text) from None


def _day(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(Code.NOT_DATE, value=text) from None


_ISO_LOOSE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:\s+|T)(.+))?$")


def _iso(text: str) -> Stamp:
    raw = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        read = datetime.fromisoformat(raw)
    except ValueError:
        return _iso_loose(text)
    # A bare date, or a spreadsheet's "2026-03-14 00:00:00", has no time of day of its own.
    has_time = len(raw) > 10
    return Stamp(read.date(), read.timetz().replace(tzinfo=None) if has_time else None, read.tzinfo)


def _iso_loose(text: str) -> Stamp:
    """``2026-3-14`` or ``2026-03-14 6:00 PM``: an ISO day with a time as people write it."""
    match = _ISO_LOOSE.match(text)
    if match is None:
        raise CellError(Code.NOT_DATETIME, value=text)
    day = _day(text, int(match[1]), int(match[2]), int(match[3]))
    if match[4] is None:
        return Stamp(day)
    try:
        return Stamp(day, parse_time(match[4]))
    except CellError:
        raise CellError(Code.NOT_DATETIME, value=text) from None


@dataclass(frozen=True)
class DateDetection:
    """What a column's dates look like, for the window's mapping step.

    ``order`` is ``iso``, ``dmy``, ``mdy`` (the file proves it), ``setting`` (every sample fits
    both orders: the setting decides), ``mixed`` (some samples prove each order: an error),
    ``format`` (a mapping's date_format) or ``unknown`` (no sample is a date we read).
    ``evidence`` is the sample that proves the order, if any.
    """

    order: str
    evidence: str | None = None

    def describe(self, setting: DateOrder) -> str:
        if self.order == "setting":
            return f"{setting.words} (from the import.date_order setting)"
        if self.order in (DateOrder.DMY, DateOrder.MDY):
            return f"{DateOrder(self.order).words} (e.g. {self.evidence})"
        return self.order


def detect_date_order(samples: Iterable[str], *, date_format: str | None = None) -> DateDetection:
    """The order a column's dates are written in, judged from its samples."""
    if date_format is not None:
        return DateDetection("format", date_format)
    proofs: dict[str, str] = {}
    numeric = iso = False
    for sample in samples:
        text = sample.strip()
        if not text:
            continue
        if _ISO_START.match(text) or _YEAR_FIRST.match(text):
            iso = True
            continue
        match = _NUMERIC.match(text)
        if not match:
            continue
        numeric = True
        first, second = int(match[1]), int(match[3])
        if first > 12 >= second:
            proofs.setdefault(DateOrder.DMY, text)
        elif second > 12 >= first:
            proofs.setdefault(DateOrder.MDY, text)
    if len(proofs) == 2:
        return DateDetection("mixed", f"{proofs[DateOrder.DMY]} / {proofs[DateOrder.MDY]}")
    if proofs:
        [(order, evidence)] = proofs.items()
        return DateDetection(order, evidence)
    if numeric:
        return DateDetection("setting")
    return DateDetection("iso" if iso else "unknown")
