"""The CSV export: one row a review of the period.

UTF-8 with a byte-order mark (so that Excel opens accents correctly), comma-separated, times in
ISO 8601 with the studio's UTC offset. A text cell starting with = + - @ (or a tab or carriage
return) is prefixed with an apostrophe so that a spreadsheet never runs it as a formula
(OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from feedback_desk.domain.localtime import format_local
from feedback_desk.services.export.rows import ReviewRow

HEADER = (
    "review",
    "created_at",
    "local_day",
    "client_id",
    "client",
    "kind",
    "session_id",
    "class",
    "coach_id",
    "coach",
    "stars",
    "channel",
    "aspects",
    "comment",
    "edited_manually",
    "recommend",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str | None) -> str:
    if not text:
        return ""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def write_csv(path: Path, rows: Iterable[ReviewRow], *, tz: ZoneInfo) -> int:
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow(
                (
                    row.review,
                    format_local(row.created_at, tz),
                    row.created_at.astimezone(tz).date().isoformat(),
                    row.client,
                    _safe(row.client_name),
                    row.kind.value,
                    row.session or "",
                    _safe(row.class_name),
                    row.coach or "",
                    _safe(row.coach_name),
                    row.stars,
                    row.channel.value,
                    _safe("|".join(row.aspects)),
                    _safe(row.comment),
                    "yes" if row.edited_manually else "no",
                    "" if row.recommend is None else row.recommend,
                )
            )
            count += 1
    return count
