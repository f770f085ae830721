"""The XLSX workbook: by coach, by date (one row a day), comments.

Written in openpyxl's write-only mode, so a year of comments streams to disk instead of living in
memory. Dates are real Excel dates (studio local time: Excel has no time zones), numbers are
numbers with number formats, header rows are frozen, and client text is always stored as text
(a comment starting with "=" never becomes a formula). Sheet names, headers and the app's own words
(kind, yes/no) are in the language asked for (services/export/language.py); English is today's
workbook, word for word.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from gettext import NullTranslations
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.export.language import N_
from feedback_desk.services.export.rows import ReviewRow
from feedback_desk.services.reports.figures import CoachFigures, DayFigures

SHEET_BY_COACH = N_("By coach")
SHEET_BY_DATE = N_("By date")
SHEET_COMMENTS = N_("Comments")

# Translators: a review's kind in the Comments sheet (English keeps the stored value).
KIND_WORDS = {ReviewKind.CLASS: N_("class"), ReviewKind.BUSINESS: N_("business")}
# Translators: the Comments sheet's "Edited manually" column.
YES, NO = N_("yes"), N_("no")

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
    Column(N_("Coach id"), 12, TEXT),
    Column(N_("Coach"), 26, TEXT),
    Column(N_("Reviews"), 10, INTEGER),
    Column(N_("Average"), 10, AVERAGE),
    Column(N_("NPS"), 8, INTEGER),
    Column(N_("Promoters"), 11, INTEGER),
    Column(N_("Passives"), 10, INTEGER),
    Column(N_("Detractors"), 11, INTEGER),
)

BY_DATE_COLUMNS = (
    Column(N_("Date"), 12, DATE),
    Column(N_("Reviews"), 10, INTEGER),
    Column(N_("Average"), 10, AVERAGE),
    Column(N_("Promoters"), 11, INTEGER),
    Column(N_("Passives"), 10, INTEGER),
    Column(N_("Detractors"), 11, INTEGER),
    Column(N_("NPS"), 8, INTEGER),
    Column(N_("Prompts shown"), 15, INTEGER),
    Column(N_("Prompts answered"), 17, INTEGER),
    Column(N_("Response rate"), 14, PERCENT),
    Column(N_("0-10 answers"), 13, INTEGER),
    Column(N_("0-10 NPS"), 10, INTEGER),
)

COMMENT_COLUMNS = (
    Column(N_("Date (studio time)"), 18, DATETIME),
    Column(N_("Review"), 12, TEXT),
    Column(N_("Client id"), 12, TEXT),
    Column(N_("Client"), 24, TEXT),
    Column(N_("Kind"), 10, TEXT),
    Column(N_("Class"), 20, TEXT),
    Column(N_("Coach"), 22, TEXT),
    Column(N_("Stars"), 7, INTEGER),
    Column(N_("Comment"), 80, TEXT, wrap=True),
    Column(N_("Edited manually"), 15, TEXT),
    Column(N_("Recommend (0-10)"), 17, INTEGER),
)


def write_workbook(
    path: Path,
    *,
    coaches: Sequence[CoachFigures],
    days: Sequence[DayFigures],
    comments: Iterable[ReviewRow],
    tz: ZoneInfo,
    words: NullTranslations,
) -> int:
    """Write the three sheets to *path*, their names, headers and words translated by *words*;
    returns the number of comment rows."""
    book = Workbook(write_only=True)
    sheet = _sheet(book, words, SHEET_BY_COACH, BY_COACH_COLUMNS)
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
    sheet = _sheet(book, words, SHEET_BY_DATE, BY_DATE_COLUMNS)
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
    sheet = _sheet(book, words, SHEET_COMMENTS, COMMENT_COLUMNS)
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
                words.gettext(KIND_WORDS[row.kind]),
                row.class_name,
                row.coach_name,
                row.stars,
                row.comment,
                words.gettext(YES if row.edited_manually else NO),
                row.recommend,
            ),
        )
        count += 1
    book.save(path)
    return count


def _sheet(
    book: Workbook, words: NullTranslations, title: str, columns: Sequence[Column]
) -> WriteOnlyWorksheet:
    sheet = book.create_sheet(words.gettext(title))
    sheet.freeze_panes = "A2"
    titles = [words.gettext(column.title) for column in columns]
    for index, (column, shown) in enumerate(zip(columns, titles, strict=True), start=1):
        # A translated header is often longer: widen its column so that it shows whole.
        width = column.width if shown == column.title else max(column.width, len(shown) + 2)
        sheet.column_dimensions[get_column_letter(index)].width = width
    header = []
    for shown in titles:
        cell = WriteOnlyCell(sheet, shown)
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
