"""Reading a CSV file as studios export them: decoding, delimiter, physical line numbers.

The file must be UTF-8 text (a byte-order mark is accepted). Anything else is refused with a
message that names the file and says what it looks like, so the user knows how to re-export it.
Every record keeps the physical line it starts on (a quoted value may span several lines), so
that problems point at the line a text editor shows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from feedback_desk.services.importing.problems import ImportRejected, Problem

DELIMITERS = (",", ";")
_UTF8_BOM = b"\xef\xbb\xbf"
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "an Excel workbook (.xlsx) or another zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3\x00", "a SQLite database"),
)
_HOW_TO_FIX = 'save it from the spreadsheet as "CSV UTF-8" and import that file'


@dataclass(frozen=True)
class CsvRow:
    line: int  # the physical line the record starts on (the header is line 1)
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvTable:
    source: str  # the file as the user named it, used in every message
    delimiter: str
    header_line: int
    raw_header: tuple[str, ...]
    header: tuple[str, ...]  # normalized names, same positions as raw_header
    rows: tuple[CsvRow, ...]
    # A problem that stopped the reading part-way (a quote never closed...); rows before it stand.
    problems: tuple[Problem, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.header


def normalize_header(name: str) -> str:
    """``" First Name"`` → ``first_name``: header cells compared as people type them."""
    return re.sub(r"[\s\-]+", "_", name.strip().casefold())


def read_table(path: Path, source: str, expected_columns: Iterable[str]) -> CsvTable:
    """The file's header and records; ImportRejected when the file cannot be read as CSV text."""
    text = decode(read_bytes(path, source), source)
    delimiter = detect_delimiter(first_record_text(text), frozenset(expected_columns))
    return parse_text(text, source, delimiter)


def read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportRejected([Problem(source, None, "no such file")]) from None
    except IsADirectoryError:
        raise ImportRejected([Problem(source, None, "is a folder, not a CSV file")]) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ImportRejected([Problem(source, None, f"cannot be read: {reason}")]) from None


def decode(data: bytes, source: str) -> str:
    """UTF-8 text without its byte-order mark; ImportRejected for binary or other encodings."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise ImportRejected(
                [
                    Problem(
                        source, None, f"is not a CSV text file: it looks like {what}; {_HOW_TO_FIX}"
                    )
                ]
            )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRejected(
            [
                Problem(
                    source,
                    None,
                    f'is UTF-16 text (Excel\'s "Unicode text"), not UTF-8; {_HOW_TO_FIX}',
                )
            ]
        )
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ImportRejected(
            [
                Problem(
                    source,
                    _line_of(data, nul),
                    f"is not a CSV text file: it holds binary data (a NUL byte); {_HOW_TO_FIX}",
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportRejected([_not_utf8(data, exc, source)]) from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _not_utf8(data: bytes, exc: UnicodeDecodeError, source: str) -> Problem:
    byte = data[exc.start : exc.start + 1]
    line = _line_of(data, exc.start)
    guess = ""
    try:
        as_windows = byte.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        line_bytes = data.splitlines()[line - 1] if data.splitlines() else b""
        context = line_bytes.decode("cp1252", errors="replace").strip()
        if len(context) > 40:
            context = context[:40] + "…"
        guess = (
            f"; the file looks saved as Windows-1252/Latin-1, where that byte is "
            f'"{as_windows}" (in "{context}")'
        )
    return Problem(
        source,
        line,
        f"is not UTF-8 text: byte 0x{byte.hex().upper()} cannot be read{guess}; {_HOW_TO_FIX}",
    )


def first_record_text(text: str) -> str:
    """The header's text (up to the first line break outside quotes)."""
    in_quotes = False
    for index, char in enumerate(text):
        if char == '"':
            in_quotes = not in_quotes
        elif char in "\r\n" and not in_quotes:
            return text[:index]
    return text


def detect_delimiter(header_text: str, expected_columns: frozenset[str]) -> str:
    """Comma or semicolon: the one whose header names more of the kind's columns.

    Counting recognized names (not bare characters) copes with headers such as
    ``id;name, first;...`` where a delimiter character also appears inside a name.
    """

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header_text], delimiter=delimiter), [])
        known = sum(1 for cell in cells if normalize_header(cell) in expected_columns)
        return known, len(cells)

    return max(DELIMITERS, key=score)  # ties keep the first: comma


def parse_text(text: str, source: str, delimiter: str) -> CsvTable:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: tuple[str, ...] = ()
    header_line = 1
    rows: list[CsvRow] = []
    problems: list[Problem] = []
    start = 1
    try:
        for record in reader:
            line, start = start, reader.line_num + 1
            cells = tuple(cell.strip() for cell in record)
            if not any(cells):
                continue  # blank lines (and lines of empty cells) carry nothing
            if not header:
                header, header_line = cells, line
            else:
                rows.append(CsvRow(line, cells))
    except csv.Error as exc:
        problems.append(Problem(source, start, _csv_error_message(str(exc))))
    return CsvTable(
        source=source,
        delimiter=delimiter,
        header_line=header_line,
        raw_header=header,
        header=tuple(normalize_header(name) for name in header),
        rows=tuple(rows),
        problems=tuple(problems),
    )


def _csv_error_message(error: str) -> str:
    if "unexpected end of data" in error or "field larger than field limit" in error:
        return (
            'a quoted value starting on this line is never closed (its closing " is missing), '
            "so the rest of the file cannot be read"
        )
    if "expected after" in error:
        return (
            "a quoted value is followed by other characters before the next delimiter; "
            'write a " inside a quoted value as ""'
        )
    return f"this line cannot be read as CSV ({error})"
