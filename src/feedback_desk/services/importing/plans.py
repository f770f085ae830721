"""What an import of one file will do, worked out before anything is written.

A planner compares a batch of records with the store (looked up in bulk) and counts what would
be created, updated or left unchanged; its ``execute`` then writes exactly that. A file is
planned and written batch after batch (the counts add up); the preview only plans, so the counts
it shows are the ones the import will report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from feedback_desk.domain.text import fold
from feedback_desk.services.importing.cells import ABSENT
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.problems import Problem
from feedback_desk.services.progress import Progress, check_cancelled
from feedback_desk.services.settings import Settings


class _Pending:
    """A reference to a row this import has not written yet: it differs from every value."""

    def __eq__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return "PENDING"


PENDING: Any = _Pending()


@dataclass
class ImportContext:
    db: Session
    settings: Settings
    now: datetime
    progress: Progress


def _nothing() -> None:
    return None


@dataclass
class KindPlan:
    kind: ImportKind
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: list[Problem] = field(default_factory=list)
    new_classes: list[str] = field(default_factory=list)
    new_aspects: list[str] = field(default_factory=list)
    new_coaches: list[str] = field(default_factory=list)
    sessions_created: int = 0
    execute: Callable[[], None] = _nothing

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def add(self, batch: KindPlan) -> None:
        """Count a batch of the same file in (names already listed are not listed twice)."""
        self.created += batch.created
        self.updated += batch.updated
        self.unchanged += batch.unchanged
        self.sessions_created += batch.sessions_created
        self.warnings.extend(batch.warnings)
        for mine, theirs in (
            (self.new_classes, batch.new_classes),
            (self.new_aspects, batch.new_aspects),
            (self.new_coaches, batch.new_coaches),
        ):
            seen = {fold(name) for name in mine}
            mine.extend(name for name in theirs if fold(name) not in seen)


def changed_values(current: object, values: Mapping[str, object]) -> dict[str, object]:
    """The values that differ from the row's; ABSENT ones (column not in the file) never do."""
    return {
        name: value
        for name, value in values.items()
        if value is not ABSENT and (value is PENDING or getattr(current, name) != value)
    }


def present(values: Mapping[str, object]) -> dict[str, object]:
    """The values the file gives (for a new row; the model's defaults fill the rest)."""
    return {name: value for name, value in values.items() if value is not ABSENT}


class Ticker:
    """Reports progress every so many rows and stops at a cancel (the transaction rolls back)."""

    def __init__(self, ctx: ImportContext, total: int, message: str, every: int = 1000) -> None:
        self._progress = ctx.progress
        self._total = total
        self._message = message
        self._every = every
        self._done = 0

    def tick(self, count: int = 1) -> None:
        before = self._done // self._every
        self._done += count
        if self._done // self._every != before or self._done == self._total:
            check_cancelled(self._progress)
            self._progress.report(self._done, self._total, self._message)
