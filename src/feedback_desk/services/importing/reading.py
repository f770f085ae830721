"""Reading a CSV file as studios export them, streaming: encoding, delimiter, line numbers.

Encodings: UTF-8 (with or without byte-order mark) and UTF-16 with its byte-order mark are read
as such; any other file that is valid UTF-8 is UTF-8, and one that is not is read as
Windows-1252 (what French Excel writes as "CSV"), which the import's summary says. Workbooks,
PDFs and other binary files are refused with a message saying how to save the file as CSV.

The delimiter (comma, semicolon or tab) is the one whose header names the most known columns.
Rows are read one at a time, never the whole file at once; each keeps the physical line it
starts on (a quoted value may span several lines), so that problems point at the line a text
editor shows.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.problems import Problem, problem, rejected

DELIMITERS = (",", ";", "\t")
UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16 = "utf-16"
WINDOWS_1252 = "cp1252"
ENCODING_LABELS = {
    UTF8: "UTF-8",
    UTF8_BOM: "UTF-8",
    UTF16: "UTF-16",
    WINDOWS_1252: "Windows-1252",
}
_BLOCK = 1 << 20
# Signature, a short name of the format (the window says it in its language), what it is.
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"PK\x03\x04", "xlsx", "an Excel workbook (.xlsx) or another zip archive"),
    (b"\xd0\xcf\x11\xe0", "xls", "an old Excel workbook (.xls)"),
    (b"%PDF", "pdf", "a PDF document"),
    (b"\x89PNG", "png", "a PNG image"),
    (b"\xff\xd8\xff", "jpeg", "a JPEG image"),
    (b"SQLite format 3\x00", "sqlite", "a SQLite database"),
)


class CsvRow(NamedTuple):
    # A tuple, not a dataclass: millions are made, and a tuple is made several times faster.
    line: int  # the physical line the record starts on (the header is line 1)
    cells: tuple[str, ...]


@dataclass(frozen=True)
class FileStamp:
    """Size and modification time: a file that changes between two reads is noticed."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        status = path.stat()
        return cls(status.st_size, status.st_mtime_ns)


@dataclass(frozen=True)
class CsvLayout:
    """What a file is, found before its rows are read."""

    path: Path
    source: str  # the file as the user named it, used in every message
    encoding: str
    delimiter: str
    header_line: int
    raw_header: tuple[str, ...]
    stamp: FileStamp

    @property
    def is_empty(self) -> bool:
        return not self.raw_header

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS[self.encoding]

    @property
    def encoding_guessed(self) -> bool:
        """True when the file was not UTF-8 and is read as Windows-1252 (the summary says so)."""
        return self.encoding == WINDOWS_1252


@dataclass
class RowReader:
    """The rows of a file after its header; ``problems`` holds what stopped the reading."""

    layout: CsvLayout
    bytes_read: Callable[[], int] = field(default=lambda: 0)
    problems: list[Problem] = field(default_factory=list)

    def __iter__(self) -> Iterator[CsvRow]:
        layout = self.layout
        with _open_text(layout) as (binary, text):
            self.bytes_read = binary.tell
            reader = csv.reader(text, delimiter=layout.delimiter, strict=True)
            start = 1
            seen_header = False
            try:
                for record in reader:
                    line, start = start, reader.line_num + 1
                    cells = tuple(map(str.strip, record))
                    if not any(cells):
                        continue  # blank lines (and lines of empty cells) carry nothing
                    if not seen_header:
                        seen_header = True
                        continue
                    yield CsvRow(line, cells)
            except csv.Error as exc:
                self.problems.append(_csv_problem(layout.source, start, str(exc)))
            except UnicodeDecodeError:
                self.problems.append(problem(layout.source, None, Code.FILE_CHANGED))


class _open_text:
    def __init__(self, layout: CsvLayout) -> None:
        self._layout = layout
        self._binary: BinaryIO | None = None

    def __enter__(self) -> tuple[BinaryIO, io.TextIOWrapper]:
        self._binary = self._layout.path.open("rb")
        text = io.TextIOWrapper(self._binary, encoding=self._layout.encoding, newline="")
        return self._binary, text

    def __exit__(self, *exc: object) -> None:
        if self._binary is not None:
            self._binary.close()


def open_csv(path: Path, source: str, known: Callable[[str], bool]) -> CsvLayout:
    """The file's encoding, delimiter and header; ImportRejected when it is not CSV text.

    *known* tells whether a header cell names a column of the kind being imported: the delimiter
    is the one that makes the header name the most of them.
    """
    try:
        stamp = FileStamp.of(path)
        if path.is_dir():
            raise rejected(source, None, Code.IS_FOLDER)
        with path.open("rb") as handle:
            encoding = sniff_encoding(handle, source)
    except FileNotFoundError:
        raise rejected(source, None, Code.NO_SUCH_FILE) from None
    except OSError as exc:
        raise rejected(source, None, Code.UNREADABLE, reason=exc.strerror or str(exc)) from None
    header_line, header_text = _first_record(path, encoding)
    delimiter = detect_delimiter(header_text, known)
    cells: tuple[str, ...] = ()
    if header_text.strip():
        parsed = next(csv.reader([header_text], delimiter=delimiter), [])
        cells = tuple(cell.strip() for cell in parsed)
    return CsvLayout(
        path=path,
        source=source,
        encoding=encoding,
        delimiter=delimiter,
        header_line=header_line,
        raw_header=cells if any(cells) else (),
        stamp=stamp,
    )


def sniff_encoding(handle: BinaryIO, source: str) -> str:
    """UTF-16 or UTF-8 by their byte-order mark, else UTF-8 when valid, else Windows-1252."""
    start = handle.read(16)  # the longest signature's length
    for signature, format_name, what in _SIGNATURES:
        if start.startswith(signature):
            raise rejected(source, None, Code.NOT_CSV, what=what, format=format_name)
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return UTF16
    handle.seek(0)
    utf8 = codecs.getincrementaldecoder(UTF8)()
    lines = 0
    bad_line: int | None = None
    while block := handle.read(_BLOCK):
        nul = block.find(b"\x00")
        if nul >= 0:
            raise rejected(source, lines + block.count(b"\n", 0, nul) + 1, Code.BINARY)
        if bad_line is None:
            try:
                utf8.decode(block)
            except UnicodeDecodeError as exc:
                bad_line = lines + block.count(b"\n", 0, exc.start) + 1
        lines += block.count(b"\n")
    if bad_line is None:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            bad_line = lines + 1  # the file ends in the middle of a character
    if bad_line is None:
        return UTF8_BOM if start.startswith(codecs.BOM_UTF8) else UTF8
    _check_windows_1252(handle, source, bad_line)
    return WINDOWS_1252


# Two bytes that UTF-8 writes for "é", "à", "ç"...: in a Windows-1252 file they would be "Ã©".
_UTF8_PAIR = re.compile(rb"[\xc2-\xdf][\x80-\xbf]")


def _check_windows_1252(handle: BinaryIO, source: str, not_utf8_line: int) -> None:
    """Every byte means something in Windows-1252, and the file is not half UTF-8."""
    handle.seek(0)
    lines = 0
    while block := handle.read(_BLOCK):
        try:
            block.decode(WINDOWS_1252)
        except UnicodeDecodeError as exc:
            line = lines + block.count(b"\n", 0, exc.start) + 1
            byte = block[exc.start : exc.start + 1].hex().upper()
            raise rejected(source, line, Code.UNDECODABLE, byte=byte) from None
        pair = _UTF8_PAIR.search(block)
        if pair is not None:
            line = lines + block.count(b"\n", 0, pair.start()) + 1
            raise rejected(source, not_utf8_line, Code.MIXED_ENCODING, utf8_line=line)
        lines += block.count(b"\n")


def _first_record(path: Path, encoding: str) -> tuple[int, str]:
    """The line of the first non-blank record and its text (up to its end, quotes respected)."""
    with path.open("r", encoding=encoding, newline="") as text:
        line = 1
        for raw in text:
            if raw.strip(' \t\r\n,;"'):
                record = raw
                # A header cell with a quoted line break continues on the next lines.
                while record.count('"') % 2:
                    more = text.readline()
                    if not more:
                        break
                    record += more
                return line, record.rstrip("\r\n")
            line += 1
    return 1, ""


def detect_delimiter(header_text: str, known: Callable[[str], bool]) -> str:
    """Comma, semicolon or tab: the one whose header names more of the kind's columns.

    Counting recognized names (not bare characters) copes with headers such as
    ``id;name, first;...`` where a delimiter character also appears inside a name.
    """

    def score(delimiter: str) -> tuple[int, int]:
        cells = next(csv.reader([header_text], delimiter=delimiter), [])
        return sum(1 for cell in cells if known(cell)), len(cells)

    return max(DELIMITERS, key=score)  # ties keep the first: comma


def _csv_problem(source: str, line: int, error: str) -> Problem:
    if "unexpected end of data" in error or "field larger than field limit" in error:
        return problem(source, line, Code.UNCLOSED_QUOTE)
    if "expected after" in error:
        return problem(source, line, Code.STRAY_QUOTE)
    return problem(source, line, Code.CSV_ERROR, error=error)


def file_size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
