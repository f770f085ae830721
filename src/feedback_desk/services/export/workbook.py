"""The XLSX workbook: by coach, by date (one row a day), comments.

Written in openpyxl's write-only mode, so a year of comments streams to disk instead of living in
memory. Dates are real Excel dates (studio local time: Excel has no time zones), numbers are
numbers with number formats, header rows are frozen, and client text is always stored as text
(a comment starting with "=" never becomes a formula).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from feedback_desk.services.export.rows import ReviewRow
from feedback_desk.services.reports.figures import CoachFigures, DayFigures

SHEET_BY_COACH = "By coach"
SHEET_BY_DATE = "By date"
SHEET_COMMENTS = "Comments"

DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
INTEGER = "0"
AVERAGE = "0.00"
PERCENT = "0.0%"
TEXT = "@"

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="0072B2")


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    number_format: str | None = None
    wrap: bool = False


BY_COACH_COLUMNS = (
    Column("Coach id", 12, TEXT),
    Column("Coach", 26, TEXT),
    Column("Reviews", 10, INTEGER),
    Column("Average", 10, AVERAGE),
    Column("NPS", 8, INTEGER),
    Column("Promoters", 11, INTEGER),
    Column("Passives", 10, INTEGER),
    Column("Detractors", 11, INTEGER),
)

BY_DATE_COLUMNS = (
    Column("Date", 12, DATE),
    Column("Reviews", 10, INTEGER),
    Column("Average", 10, AVERAGE),
    Column("Promoters", 11, INTEGER),
    Column("Passives", 10, INTEGER),
    Column("Detractors", 11, INTEGER),
    Column("NPS", 8, INTEGER),
    Column("Prompts shown", 15, INTEGER),
    Column("Prompts answered", 17, INTEGER),
    Column("Response rate", 14, PERCENT),
    Column("0-10 answers", 13, INTEGER),
    Column("0-10 NPS", 10, INTEGER),
)

COMMENT_COLUMNS = (
    Column("Date (studio time)", 18, DATETIME),
    Column("Review", 12, TEXT),
    Column("Client id", 12, TEXT),
    Column("Client", 24, TEXT),
    Column("Kind", 10, TEXT),
    Column("Class", 20, TEXT),
    Column("Coach", 22, TEXT),
    Column("Stars", 7, INTEGER),
    Column("Comment", 80, TEXT, wrap=True),
    Column("Edited manually", 15, TEXT),
    Column("Recommend (0-10)", 17, INTEGER),
)


def write_workbook(
    path: Path,
    *,
    coaches: Sequence[CoachFigures],
    days: Sequence[DayFigures],
    comments: Iterable[ReviewRow],
    tz: ZoneInfo,
) -> int:
    """Write the three sheets to *path*; returns the number of comment rows."""
    book = Workbook(write_only=True)
    sheet = _sheet(book, SHEET_BY_COACH, BY_COACH_COLUMNS)
    for coach in coaches:
        _append(
            sheet,
            BY_COACH_COLUMNS,
            (
                coach.coach,
                coach.name,
                coach.reviews,
                coach.average,
                coach.nps,
                coach.promoters,
                coach.passives,
                coach.detractors,
            ),
        )
    sheet = _sheet(book, SHEET_BY_DATE, BY_DATE_COLUMNS)
    for day in days:
        f = day.figures
        _append(
            sheet,
            BY_DATE_COLUMNS,
            (
                day.day,
                f.reviews,
                f.average,
                f.promoters,
                f.passives,
                f.detractors,
                f.nps,
                f.prompts_shown,
                f.prompts_answered,
                f.response_rate,
                day.recommend.responses,
                day.recommend.nps,
            ),
        )
    sheet = _sheet(book, SHEET_COMMENTS, COMMENT_COLUMNS)
    count = 0
    for row in comments:
        _append(
            sheet,
            COMMENT_COLUMNS,
            (
                row.created_at.astimezone(tz).replace(tzinfo=None, microsecond=0),
                row.review,
                row.client,
                row.client_name,
                row.kind.value,
                row.class_name,
                row.coach_name,
                row.stars,
                row.comment,
                "yes" if row.edited_manually else "no",
                row.recommend,
            ),
        )
        count += 1
    book.save(path)
    return count


def _sheet(book: Workbook, title: str, columns: Sequence[Column]) -> WriteOnlyWorksheet:
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, column.title)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        header.append(cell)
    sheet.append(header)
    return sheet


def _append(sheet: WriteOnlyWorksheet, columns: Sequence[Column], values: Sequence[Any]) -> None:
    cells = []
    for column, value in zip(columns, values, strict=True):
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell = WriteOnlyCell(sheet, value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the client typed
        elif column.number_format is not None and value is not None:
            cell.number_format = column.number_format
        if column.wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    sheet.append(cells)
