"""What the first pass over a file finds, kept for the second (plain data, no store access)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from feedback_desk.services.importing.bookings import Bookings
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.dates import DateOrder
from feedback_desk.services.importing.headers import ColumnPlan
from feedback_desk.services.importing.problems import Problem
from feedback_desk.services.importing.reading import CsvLayout, CsvRow
from feedback_desk.services.importing.source import ImportSource
from feedback_desk.services.importing.visits import VisitSessions
from feedback_desk.store.models import ClassSession, Client, Coach

# The kinds whose ids other files refer to, and their tables.
TARGETS: dict[ImportKind, type[Client] | type[Coach] | type[ClassSession]] = {
    ImportKind.CLIENTS: Client,
    ImportKind.COACHES: Coach,
    ImportKind.SESSIONS: ClassSession,
}


@dataclass(frozen=True)
class ReadRules:
    """How dates are read: the studio's zone, the setting import.date_order, today's date."""

    timezone: ZoneInfo
    date_order: DateOrder
    today: date


@dataclass
class Defined:
    """Ids defined by the files of the same import checked so far (and coaches' names)."""

    ids: dict[ImportKind, set[str]] = field(
        default_factory=lambda: {kind: set() for kind in TARGETS}
    )
    coach_names: dict[str, str] = field(default_factory=dict)


@dataclass
class FileCheck:
    source: ImportSource
    layout: CsvLayout | None = None
    columns: ColumnPlan | None = None
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    samples: list[CsvRow] = field(default_factory=list)
    bookings: Bookings | None = None
    visits: VisitSessions | None = None
    date_samples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.source.source

    @property
    def ok(self) -> bool:
        return not self.problems
