"""One valid row of each kind of file, typed. ABSENT fields leave the store's value as it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from feedback_desk.domain.kinds import ReviewKind
from feedback_desk.services.importing.cells import Absent


@dataclass(frozen=True)
class ClientRecord:
    line: int
    id: str
    first_name: str
    last_name: str
    email: str | Absent | None
    phone: str | Absent | None
    language: str | Absent | None
    email_consent: bool | Absent
    joined_on: date | Absent | None


@dataclass(frozen=True)
class CoachRecord:
    line: int
    id: str
    first_name: str
    last_name: str
    email: str | Absent | None


@dataclass(frozen=True)
class SessionRecord:
    line: int
    id: str
    class_name: str
    coach_id: str
    starts_at: datetime
    duration_min: int | Absent
    location: str | Absent | None


class AttendanceRecord(NamedTuple):
    # Tuples, like VisitRecord: files of these run to millions of rows.
    line: int
    session_id: str
    client_id: str
    present: bool


@dataclass(frozen=True)
class ReviewRecord:
    line: int
    id: str
    client_id: str
    kind: ReviewKind
    session_id: str | None
    stars: int
    created_at: datetime
    comment: str | Absent | None
    aspects: tuple[str, ...] | Absent
    # The 0-10 answer of a business review; ABSENT when the file has no such column.
    recommend: int | Absent | None = None


class VisitRecord(NamedTuple):
    """One booking of a visit history: the session is named by class, start and coach."""

    line: int
    client_id: str
    class_name: str
    starts_at: datetime
    coach_id: str | None
    coach_name: str | None
    duration_min: int | Absent
    location: str | Absent | None
    present: bool


Record = ClientRecord | CoachRecord | SessionRecord | AttendanceRecord | ReviewRecord | VisitRecord
