"""What an import did, and what a preview shows before it: plain data for the CLI and the window."""

from __future__ import annotations

from dataclasses import dataclass, field

from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.dates import DateDetection
from feedback_desk.services.importing.headers import ColumnGuess
from feedback_desk.services.importing.problems import Problem


@dataclass(frozen=True)
class FileReport:
    kind: ImportKind
    source: str
    created: int
    updated: int
    unchanged: int
    warnings: tuple[str, ...] = ()
    new_classes: tuple[str, ...] = ()
    new_aspects: tuple[str, ...] = ()
    new_coaches: tuple[str, ...] = ()
    sessions_created: int = 0
    encoding: str = "UTF-8"
    encoding_guessed: bool = False  # not UTF-8: read as Windows-1252
    warning_issues: tuple[Problem, ...] = ()  # the warnings with their codes, for the window

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        text = (
            f"{self.source}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )
        if self.encoding_guessed:
            text += f" (not UTF-8: read as {self.encoding})"
        return text

    def details(self) -> list[str]:
        """The lines that follow the summary on the command line (and in a folder's log)."""
        lines = []
        if self.sessions_created:
            lines.append(f"new sessions: {self.sessions_created}")
        if self.new_coaches:
            lines.append(f"new coaches: {', '.join(self.new_coaches)}")
        if self.new_classes:
            lines.append(f"new classes: {', '.join(self.new_classes)}")
        if self.new_aspects:
            lines.append(
                "new aspects awaiting a manager's approval: " + ", ".join(self.new_aspects)
            )
        return lines


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileReport, ...]

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for f in self.files for w in f.warnings)

    def summaries(self) -> list[str]:
        return [f.summary() for f in self.files]


@dataclass(frozen=True)
class PreviewRow:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class ImportPreview:
    """The first rows of a file, how its columns are read, and every problem it would be
    refused for (``issues``: with codes, parameters and cells, for the window)."""

    kind: ImportKind
    source: str
    delimiter: str | None = None
    header: tuple[str, ...] = ()
    rows: tuple[PreviewRow, ...] = ()
    row_count: int = 0
    ignored_columns: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    would_create: int = 0
    would_update: int = 0
    unchanged: int = 0
    new_classes: tuple[str, ...] = field(default=())
    new_aspects: tuple[str, ...] = field(default=())
    new_coaches: tuple[str, ...] = field(default=())
    sessions_created: int = 0
    encoding: str | None = None
    encoding_guessed: bool = False
    columns: tuple[ColumnGuess, ...] = ()
    dates: dict[str, DateDetection] = field(default_factory=dict)
    issues: tuple[Problem, ...] = ()
    warning_issues: tuple[Problem, ...] = ()

    @property
    def can_import(self) -> bool:
        return not self.problems and self.delimiter is not None
