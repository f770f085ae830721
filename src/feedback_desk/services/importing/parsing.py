"""From one CSV row to a typed record of its kind, every bad cell reported (no store access)."""

from __future__ import annotations

from collections.abc import Callable

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.domain.text import fold
from feedback_desk.services.aspects import MAX_LABEL_CHARS
from feedback_desk.services.importing.cells import ABSENT, Absent, RowReader
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.records import (
    AttendanceRecord,
    ClientRecord,
    CoachRecord,
    Record,
    ReviewRecord,
    SessionRecord,
)
from feedback_desk.services.importing.visits import read_visit
from feedback_desk.services.review_recording import APP_ID_PREFIX, MAX_COMMENT_CHARS

ASPECT_SEPARATOR = "|"

# What identifies a row of a file that has ids: two rows with the same key are an error on the
# second (attendance and visits are keyed by their bookings, see checking.py).
KEY_COLUMNS: dict[ImportKind, tuple[str, ...]] = {
    ImportKind.CLIENTS: ("id",),
    ImportKind.COACHES: ("id",),
    ImportKind.SESSIONS: ("id",),
    ImportKind.ATTENDANCE: ("session_id", "client_id"),
    ImportKind.REVIEWS: ("id",),
}

# The columns holding an id defined by another kind of file.
REFERENCE_COLUMNS: dict[ImportKind, tuple[tuple[str, ImportKind], ...]] = {
    ImportKind.SESSIONS: (("coach_id", ImportKind.COACHES),),
    ImportKind.VISITS: (("client_id", ImportKind.CLIENTS),),
    ImportKind.ATTENDANCE: (
        ("session_id", ImportKind.SESSIONS),
        ("client_id", ImportKind.CLIENTS),
    ),
    ImportKind.REVIEWS: (("client_id", ImportKind.CLIENTS), ("session_id", ImportKind.SESSIONS)),
}

NOUNS = {ImportKind.CLIENTS: "client", ImportKind.COACHES: "coach", ImportKind.SESSIONS: "session"}


def _client(row: RowReader) -> ClientRecord:
    return ClientRecord(
        line=row.line,
        id=row.required("id"),
        first_name=row.required("first_name"),
        last_name=row.required("last_name"),
        email=row.email("email"),
        phone=row.optional("phone"),
        language=row.language("language"),
        email_consent=row.boolean("email_consent", empty=False),
        joined_on=row.day("joined_on"),
    )


def _coach(row: RowReader) -> CoachRecord:
    return CoachRecord(
        line=row.line,
        id=row.required("id"),
        first_name=row.required("first_name"),
        last_name=row.required("last_name"),
        email=row.email("email"),
    )


def _session(row: RowReader) -> SessionRecord:
    return SessionRecord(
        line=row.line,
        id=row.required("id"),
        class_name=" ".join(row.required("class_name").split()),
        coach_id=row.required("coach_id"),
        starts_at=row.instant("starts_at", needs_time=True),
        duration_min=row.whole_number("duration_min", low=1, high=None, required=False, default=60),
        location=row.optional("location"),
    )


def _attendance(row: RowReader) -> AttendanceRecord:
    return AttendanceRecord(
        line=row.line,
        session_id=row.required("session_id"),
        client_id=row.required("client_id"),
        present=row.presence("present", empty=None),
    )


def _review(row: RowReader) -> ReviewRecord:
    review_id = row.required("id")
    if review_id.casefold().startswith(APP_ID_PREFIX.casefold()):
        row.problem(Code.RESERVED_ID, id=review_id, prefix=APP_ID_PREFIX)
    client_id = row.required("client_id")
    kind_text = row.choice("kind", tuple(kind.value for kind in ReviewKind))
    session_id = row.optional("session_id")
    if kind_text == ReviewKind.CLASS and session_id is ABSENT:
        row.problem(Code.CLASS_REVIEW_NO_SESSION_COLUMN)
    elif kind_text == ReviewKind.CLASS and session_id is None:
        row.problem(Code.CLASS_REVIEW_SESSION_EMPTY, "session_id")
    if session_id is ABSENT:
        session_id = None
    if kind_text == ReviewKind.BUSINESS and session_id is not None:
        row.problem(Code.BUSINESS_REVIEW_WITH_SESSION, "session_id", session=session_id)
    stars = row.whole_number("stars", low=1, high=5, required=True, default=0)
    created_at = row.instant("created_at")
    comment = row.optional("comment")
    if isinstance(comment, str) and len(comment) > MAX_COMMENT_CHARS:
        row.problem(Code.TOO_LONG, "comment", length=len(comment), limit=MAX_COMMENT_CHARS)
    return ReviewRecord(
        line=row.line,
        id=review_id,
        client_id=client_id,
        kind=ReviewKind(kind_text) if kind_text else ReviewKind.BUSINESS,
        session_id=session_id,
        stars=0 if stars is ABSENT else stars,
        created_at=created_at,
        comment=comment,
        aspects=_aspect_labels(row.raw("aspects")),
        recommend=_recommend(row, kind_text),
    )


def _recommend(row: RowReader, kind_text: str) -> int | Absent | None:
    """The 0-10 answer (business reviews only); an empty cell is no answer."""
    raw = row.raw("recommend")
    if raw is ABSENT:
        return ABSENT
    if not raw:
        return None
    if kind_text == ReviewKind.CLASS:
        row.problem(Code.CLASS_REVIEW_WITH_RECOMMEND, "recommend", value=raw)
        return None
    number = row.whole_number("recommend", low=0, high=10, required=False, default=-1)
    return None if number is ABSENT or number == -1 else number


def _aspect_labels(raw: str | Absent) -> tuple[str, ...] | Absent:
    """Labels separated by |, each as a client-added aspect would keep it, duplicates dropped."""
    if raw is ABSENT:
        return ABSENT
    labels: dict[str, str] = {}
    for part in raw.split(ASPECT_SEPARATOR):
        label = " ".join(part.split())[:MAX_LABEL_CHARS].strip()
        if label:
            labels.setdefault(fold(label), label)
    return tuple(labels.values())


ROW_PARSERS: dict[ImportKind, Callable[[RowReader], Record]] = {
    ImportKind.CLIENTS: _client,
    ImportKind.COACHES: _coach,
    ImportKind.SESSIONS: _session,
    ImportKind.VISITS: read_visit,
    ImportKind.ATTENDANCE: _attendance,
    ImportKind.REVIEWS: _review,
}
