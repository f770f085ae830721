"""Choosing the format from the file name and writing it atomically."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from feedback_desk.errors import FeedbackDeskError, UserInputError
from feedback_desk.files import create_private_file
from feedback_desk.services.export.csv_file import write_csv
from feedback_desk.services.export.language import translations
from feedback_desk.services.export.rows import review_rows
from feedback_desk.services.export.workbook import write_workbook
from feedback_desk.services.reports import ReportScope, daily_figures, period_report
from feedback_desk.services.settings import Settings
from feedback_desk.wording import Wording

FORMATS = (".xlsx", ".csv")


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    format: str
    rows: int  # comment rows (xlsx) or review rows (csv)
    days: int
    coaches: int


def export_period(
    session: Session, settings: Settings, scope: ReportScope, path: Path, *, language: str
) -> ExportSummary:
    """Write the period's export to *path* (.xlsx or .csv).

    The workbook's sheet names, headers and words are in *language* (``fr`` or ``en``); the CSV
    is a machine format, the same in every language. The file is written next to its
    destination and renamed into place, so a failure never leaves a half-written file where the
    old one was.
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise UserInputError(
            Wording(
                "{path}: the export must end in .xlsx or .csv",
                path=path,
            )
        )
    if not path.parent.is_dir():
        raise UserInputError(
            Wording(
                "{path}: the folder {parent} does not exist",
                path=path,
                parent=path.parent,
            )
        )
    tz = settings.timezone
    words = translations(language)
    # A new name beside the destination, private to the user (it holds client comments).
    temporary = path.with_name(f".export-{uuid.uuid4().hex}{suffix}")
    try:
        create_private_file(temporary)
        if suffix == ".csv":
            rows = write_csv(
                temporary, review_rows(session, scope, tz=tz, language=settings.language), tz=tz
            )
            summary = ExportSummary(path, "csv", rows, 0, 0)
        else:
            report = period_report(session, scope, with_coaches=True)
            days = daily_figures(session, scope)
            rows = write_workbook(
                temporary,
                coaches=report.by_coach,
                days=days,
                comments=review_rows(
                    session, scope, tz=tz, language=settings.language, commented_only=True
                ),
                tz=tz,
                words=words,
            )
            summary = ExportSummary(path, "xlsx", rows, len(days), len(report.by_coach))
        os.replace(temporary, path)
    except OSError as exc:
        raise FeedbackDeskError(
            Wording(
                "cannot write {path}: {error}",
                path=path,
                error=exc.strerror or exc,
            )
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
    return summary
