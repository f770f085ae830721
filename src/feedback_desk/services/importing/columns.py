"""The six kinds of CSV file and their fields (docs/rules.md#csv-import).

A kind with a date-time field (``starts_at``, ``created_at``) also takes it as two columns,
``date`` and ``time``, combined on each row: booking systems export them apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ImportKind(StrEnum):
    # In dependency order: a file may refer to ids defined by the kinds before it.
    CLIENTS = "clients"
    COACHES = "coaches"
    SESSIONS = "sessions"
    VISITS = "visits"
    ATTENDANCE = "attendance"
    REVIEWS = "reviews"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    # The store's column width: longer values are refused with a message rather than truncated.
    max_chars: int | None = None


ID_CHARS = 64
DATE = "date"
TIME = "time"

COLUMNS: dict[ImportKind, tuple[Column, ...]] = {
    ImportKind.CLIENTS: (
        Column("id", required=True, max_chars=ID_CHARS),
        Column("first_name", required=True, max_chars=100),
        Column("last_name", required=True, max_chars=100),
        Column("email", max_chars=254),
        Column("phone", max_chars=40),
        Column("language"),
        Column("email_consent"),
        Column("joined_on"),
    ),
    ImportKind.COACHES: (
        Column("id", required=True, max_chars=ID_CHARS),
        Column("first_name", required=True, max_chars=100),
        Column("last_name", required=True, max_chars=100),
        Column("email", max_chars=254),
    ),
    ImportKind.SESSIONS: (
        Column("id", required=True, max_chars=ID_CHARS),
        Column("class_name", required=True, max_chars=120),
        Column("coach_id", required=True, max_chars=ID_CHARS),
        Column("starts_at", required=True),
        Column("duration_min"),
        Column("location", max_chars=120),
    ),
    ImportKind.VISITS: (
        Column("client_id", required=True, max_chars=ID_CHARS),
        Column("class_name", required=True, max_chars=120),
        Column("starts_at", required=True),
        Column("coach_id", max_chars=ID_CHARS),
        Column("coach_name"),  # first and last name, each checked against the store's width
        Column("duration_min"),
        Column("location", max_chars=120),
        Column("present"),
    ),
    ImportKind.ATTENDANCE: (
        Column("session_id", required=True, max_chars=ID_CHARS),
        Column("client_id", required=True, max_chars=ID_CHARS),
        Column("present", required=True),
    ),
    ImportKind.REVIEWS: (
        Column("id", required=True, max_chars=ID_CHARS),
        Column("client_id", required=True, max_chars=ID_CHARS),
        Column("kind", required=True),
        Column("session_id", max_chars=ID_CHARS),
        Column("stars", required=True),
        Column("created_at", required=True),
        Column("comment"),
        Column("aspects"),
        Column("recommend"),
    ),
}

# The date-time field a kind also takes as separate date and time columns.
DATETIME_FIELD: dict[ImportKind, str] = {
    ImportKind.SESSIONS: "starts_at",
    ImportKind.VISITS: "starts_at",
    ImportKind.REVIEWS: "created_at",
}

# Date-time fields that need a time of day (a session starts at a time; a review may be a day).
NEEDS_TIME = frozenset({"starts_at"})


def column_names(kind: ImportKind) -> tuple[str, ...]:
    return tuple(column.name for column in COLUMNS[kind])


def field_names(kind: ImportKind) -> tuple[str, ...]:
    """Every field a header may be mapped to: the columns, and date and time where they apply."""
    split = (DATE, TIME) if kind in DATETIME_FIELD else ()
    return column_names(kind) + split


def required_names(kind: ImportKind) -> tuple[str, ...]:
    return tuple(column.name for column in COLUMNS[kind] if column.required)


def column(kind: ImportKind, name: str) -> Column:
    for candidate in COLUMNS[kind]:
        if candidate.name == name:
            return candidate
    if name in (DATE, TIME) and kind in DATETIME_FIELD:
        return Column(name)
    raise KeyError(name)
