"""The five kinds of CSV file and their columns (docs/rules.md#csv-import)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ImportKind(StrEnum):
    # In dependency order: a file may refer to ids defined by the kinds before it.
    CLIENTS = "clients"
    COACHES = "coaches"
    SESSIONS = "sessions"
    ATTENDANCE = "attendance"
    REVIEWS = "reviews"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool = False
    # The store's column width: longer values are refused with a message rather than truncated.
    max_chars: int | None = None


ID_CHARS = 64

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


def column_names(kind: ImportKind) -> tuple[str, ...]:
    return tuple(column.name for column in COLUMNS[kind])


def required_names(kind: ImportKind) -> tuple[str, ...]:
    return tuple(column.name for column in COLUMNS[kind] if column.required)


def column(kind: ImportKind, name: str) -> Column:
    for candidate in COLUMNS[kind]:
        if candidate.name == name:
            return candidate
    raise KeyError(name)
