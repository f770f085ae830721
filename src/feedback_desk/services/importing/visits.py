"""Visit histories: one row per booking, the session named by its class, start and coach.

The session gets a stable id made from them (``V202603142200-3fa2b1c9d0e1``: the start in UTC,
then a digest of the class, start and coach), so re-importing a visit history, or a later export
that overlaps it, finds the same sessions. A coach named only by name is the coach whose id is
made from that name (``julie-tremblay``) if there is one, else the one coach with that name,
else a new coach with that id; several coaches with the name are an error.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from feedback_desk.domain.text import fold, name_tokens
from feedback_desk.services.importing.bookings import Bookings
from feedback_desk.services.importing.cells import ABSENT, Absent, RowReader
from feedback_desk.services.importing.columns import DATE, ID_CHARS, TIME
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.records import VisitRecord
from feedback_desk.store.models import Coach

NAME_CHARS = 100
# The columns that describe a visit's session (every other column is the booking's own).
SESSION_FIELDS = (
    "class_name",
    "starts_at",
    DATE,
    TIME,
    "coach_id",
    "coach_name",
    "duration_min",
    "location",
)


def visit_session_id(class_key: str, starts_at: datetime, coach_id: str) -> str:
    """The stable id of the session of *class_key* at *starts_at* (UTC) with *coach_id*."""
    utc = starts_at.astimezone(UTC)
    digest = hashlib.sha1(
        f"{class_key}\x1f{utc.isoformat()}\x1f{coach_id}".encode(), usedforsecurity=False
    ).hexdigest()
    return f"V{utc:%Y%m%d%H%M}-{digest[:12]}"


def coach_id_from_name(name: str) -> str:
    """``"Marie-Ève St-Pierre"`` → ``marie-eve-st-pierre``."""
    return "-".join(name_tokens(name))[:ID_CHARS].rstrip("-")


def split_name(name: str) -> tuple[str, str]:
    """First and last name: ``"Tremblay, Julie"`` or ``"Julie Tremblay"`` (first word first)."""
    if "," in name:
        last, first = (part.strip() for part in name.split(",", 1))
        return first, last
    first, _, last = name.partition(" ")
    return first, last.strip()


@dataclass(frozen=True)
class CoachRef:
    external_id: str
    first_name: str = ""
    last_name: str = ""
    new: bool = False  # to be created by the import


@dataclass
class CoachDirectory:
    """The coaches a visits file may name: the store's and those of the same import's files."""

    ids: set[str]
    by_name: dict[str, list[str]]
    _resolved: dict[tuple[str | None, str | None], CoachRef | tuple[Code, dict[str, object]]] = (
        field(default_factory=dict)
    )

    @classmethod
    def load(cls, db: Session | None, defined: dict[str, str]) -> CoachDirectory:
        """*defined*: coach id → full name, for the coaches files of the same import."""
        ids = set(defined)
        by_name: dict[str, list[str]] = {}
        stored = (
            db.execute(select(Coach.external_id, Coach.first_name, Coach.last_name))
            if db is not None
            else ()
        )
        for external_id, first, last in stored:
            ids.add(external_id)
            by_name.setdefault(fold(f"{first} {last}"), []).append(external_id)
        for external_id, name in defined.items():
            ids_for_name = by_name.setdefault(fold(name), [])
            if external_id not in ids_for_name:
                ids_for_name.append(external_id)
        return cls(ids, by_name)

    def resolve(
        self, coach_id: str | None, coach_name: str | None
    ) -> CoachRef | tuple[Code, dict[str, object]]:
        """The coach of a row, or the problem's code and parameters."""
        key = (coach_id, coach_name)
        found = self._resolved.get(key)
        if found is None:
            found = self._resolved[key] = self._resolve(coach_id, coach_name)
        return found

    def _resolve(
        self, coach_id: str | None, coach_name: str | None
    ) -> CoachRef | tuple[Code, dict[str, object]]:
        if coach_id:
            if coach_id in self.ids:
                return CoachRef(coach_id)
            if not coach_name:
                return Code.COACH_ID_WITHOUT_NAME, {"id": coach_id}
            return self._new(coach_id, coach_name)
        assert coach_name is not None
        made = coach_id_from_name(coach_name)
        if not made:
            return Code.REQUIRED_EMPTY, {"field": "coach_name"}
        if made in self.ids:
            return CoachRef(made)
        named = self.by_name.get(fold(coach_name), [])
        if len(named) == 1:
            return CoachRef(named[0])
        if named:
            return Code.AMBIGUOUS_COACH_NAME, {"name": coach_name, "ids": ", ".join(sorted(named))}
        return self._new(made, coach_name)

    def _new(self, external_id: str, name: str) -> CoachRef | tuple[Code, dict[str, object]]:
        first, last = split_name(name)
        for part in (first, last):
            if len(part) > NAME_CHARS:
                return Code.TOO_LONG, {
                    "field": "coach_name",
                    "length": len(part),
                    "limit": NAME_CHARS,
                }
        # Later rows naming this coach (by id or by name) find the one this import creates.
        self.ids.add(external_id)
        self.by_name.setdefault(fold(name), []).append(external_id)
        return CoachRef(external_id, first or name, last, new=True)


@dataclass
class SessionDraft:
    """A session as the visits file describes it (its first row; later rows must agree)."""

    external_id: str
    class_name: str
    class_key: str
    starts_at: datetime
    coach: CoachRef
    duration_min: int | Absent
    location: str | Absent | None
    line: int


@dataclass
class VisitSessions:
    """Sessions and bookings of a visits file, in the order they first appear."""

    bookings: Bookings = field(default_factory=Bookings)
    drafts: list[SessionDraft] = field(default_factory=list)
    # (class as written, start, coach id) → session number: a session's rows repeat them.
    _numbers: dict[tuple[str, datetime, str], int] = field(default_factory=dict)

    def session_of(self, record: VisitRecord, coach: CoachRef) -> tuple[int, SessionDraft]:
        key = (record.class_name, record.starts_at, coach.external_id)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = self._number(record, coach)
        return number, self.drafts[number]

    def _number(self, record: VisitRecord, coach: CoachRef) -> int:
        class_key = fold(record.class_name)
        external_id = visit_session_id(class_key, record.starts_at, coach.external_id)
        number = self.bookings.session(external_id)
        if number == len(self.drafts):
            self.drafts.append(
                SessionDraft(
                    external_id=external_id,
                    class_name=record.class_name,
                    class_key=class_key,
                    starts_at=record.starts_at,
                    coach=coach,
                    duration_min=record.duration_min,
                    location=record.location,
                    line=record.line,
                )
            )
        return number


def read_visit(row: RowReader) -> VisitRecord:
    client_id = row.required("client_id")
    class_name = " ".join(row.required("class_name").split())
    starts_at = row.instant("starts_at", needs_time=True)
    coach_id = _text(row.optional("coach_id"))
    coach_name = _text(row.optional("coach_name"))
    if coach_name is not None:
        coach_name = " ".join(coach_name.split())
    if not coach_id and not coach_name:
        row.problem(Code.REQUIRED_EMPTY, "coach_name" if row.has("coach_name") else "coach_id")
    return VisitRecord(
        line=row.line,
        client_id=client_id,
        class_name=class_name,
        starts_at=starts_at,
        coach_id=coach_id,
        coach_name=coach_name,
        duration_min=row.whole_number("duration_min", low=1, high=None, required=False, default=60),
        location=row.optional("location"),
        present=row.presence("present", empty=True),
    )


def _text(value: str | Absent | None) -> str | None:
    return value if isinstance(value, str) and value else None


def conflicts(draft: SessionDraft, record: VisitRecord) -> list[tuple[str, object, object]]:
    """The session fields a later row gives differently: (field, this row's, the first row's)."""
    found: list[tuple[str, object, object]] = []
    for name, given, first in (
        ("duration_min", record.duration_min, draft.duration_min),
        ("location", record.location, draft.location),
    ):
        if given is not ABSENT and given != first:
            found.append((name, given, first))
    return found
