"""What an import did, and what a preview shows before it: plain data for the CLI and the window."""

from __future__ import annotations

from dataclasses import dataclass, field

from feedback_desk.services.importing.columns import ImportKind


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

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        return (
            f"{self.source}: {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )


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
    """The first rows of a file and every problem the import would refuse it for."""

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

    @property
    def can_import(self) -> bool:
        return not self.problems and self.delimiter is not None
