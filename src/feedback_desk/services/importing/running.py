"""Running an import, all or nothing, and previewing one without writing anything."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from feedback_desk.clock import Clock, SystemClock
from feedback_desk.services import audit
from feedback_desk.services.importing.apply_people import plan_clients, plan_coaches
from feedback_desk.services.importing.apply_reviews import plan_reviews
from feedback_desk.services.importing.apply_timetable import plan_attendance, plan_sessions
from feedback_desk.services.importing.columns import ImportKind, column_names
from feedback_desk.services.importing.parsing import ParsedFile, parse_file
from feedback_desk.services.importing.plans import ImportContext, KindPlan
from feedback_desk.services.importing.problems import ImportRejected, Problem, sort_problems
from feedback_desk.services.importing.reading import CsvTable, read_table
from feedback_desk.services.importing.references import check_references
from feedback_desk.services.importing.report import (
    FileReport,
    ImportPreview,
    ImportReport,
    PreviewRow,
)
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store

Planner = Callable[[ImportContext, str, Sequence[Any]], KindPlan]

_PLANNERS: dict[ImportKind, Planner] = {
    ImportKind.CLIENTS: plan_clients,
    ImportKind.COACHES: plan_coaches,
    ImportKind.SESSIONS: plan_sessions,
    ImportKind.ATTENDANCE: plan_attendance,
    ImportKind.REVIEWS: plan_reviews,
}
_ORDER = list(ImportKind)


@dataclass(frozen=True)
class ImportSource:
    """One file to import; *name* is how messages call it (as typed on the command line)."""

    kind: ImportKind
    path: Path
    name: str | None = None

    @property
    def source(self) -> str:
        return self.name if self.name is not None else str(self.path)


def import_file(
    store: Store,
    kind: ImportKind | str,
    path: Path | str,
    *,
    clock: Clock,
    name: str | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one CSV file; ImportRejected (nothing written) when any row is invalid."""
    source = ImportSource(ImportKind(kind), Path(path), name)
    return import_files(store, [source], clock=clock, actor=actor, progress=progress)


def import_files(
    store: Store,
    sources: Sequence[ImportSource],
    *,
    clock: Clock,
    actor: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import several files in one transaction (ids defined by one file count for the others)."""
    progress = progress or NullProgress()
    kinds = [s.kind for s in sources]
    repeated = sorted({k for k in kinds if kinds.count(k) > 1})
    if repeated:
        raise ImportRejected(
            Problem(s.source, None, f"a second {s.kind} file in the same import")
            for s in sources
            if s.kind in repeated and kinds.index(s.kind) != sources.index(s)
        )
    progress.report(0, None, "reading the files")
    tables = _read_all(sources)
    ordered = sorted(zip(sources, tables, strict=True), key=lambda pair: _ORDER.index(pair[0].kind))
    with store.write() as db:
        settings = load_settings(db)
        check_cancelled(progress)
        progress.report(0, None, "checking every row")
        parsed = [parse_file(s.kind, table, settings.timezone) for s, table in ordered]
        problems = [p for f in parsed for p in f.problems] + check_references(db, parsed)
        if problems:
            raise ImportRejected(sort_problems(problems, [s.source for s in sources]))
        ctx = ImportContext(db=db, settings=settings, now=clock.now(), progress=progress)
        reports = [_import_parsed(ctx, f, actor) for f in parsed]
    order = {s.source: index for index, s in enumerate(sources)}
    return ImportReport(tuple(sorted(reports, key=lambda r: order[r.source])))


def _read_all(sources: Sequence[ImportSource]) -> list[CsvTable]:
    tables: list[CsvTable] = []
    problems: list[Problem] = []
    for s in sources:
        try:
            tables.append(read_table(s.path, s.source, column_names(s.kind)))
        except ImportRejected as exc:
            problems.extend(exc.details)
    if problems:
        raise ImportRejected(problems)
    return tables


def _import_parsed(ctx: ImportContext, parsed: ParsedFile, actor: str | None) -> FileReport:
    # Planned only now, after the files it depends on were written, so every id resolves.
    plan = _PLANNERS[parsed.kind](ctx, parsed.source, parsed.records)
    plan.execute()
    report = _file_report(plan)
    audit.record(
        ctx.db,
        at=ctx.now,
        actor=actor or audit.default_actor(),
        action="import_csv",
        entity_type="csv_file",
        entity_id=parsed.source[-200:],
        kind=str(parsed.kind),
        file=parsed.source,
        rows=report.rows,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        warnings=len(report.warnings),
        new_classes=list(report.new_classes),
        new_aspects=list(report.new_aspects),
    )
    return report


def _file_report(plan: KindPlan) -> FileReport:
    return FileReport(
        kind=plan.kind,
        source=plan.source,
        created=plan.created,
        updated=plan.updated,
        unchanged=plan.unchanged,
        warnings=tuple(str(w) for w in plan.warnings),
        new_classes=tuple(plan.new_classes),
        new_aspects=tuple(plan.new_aspects),
    )


def preview_import(
    store: Store,
    kind: ImportKind | str,
    path: Path | str,
    *,
    name: str | None = None,
    max_rows: int = 20,
    clock: Clock | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """What importing the file would do: first rows, every problem, the counts; writes nothing."""
    source = ImportSource(ImportKind(kind), Path(path), name)
    try:
        table = read_table(source.path, source.source, column_names(source.kind))
    except ImportRejected as exc:
        return ImportPreview(kind=source.kind, source=source.source, problems=tuple(exc.problems))
    with store.read() as db:
        settings = load_settings(db)
        parsed = parse_file(source.kind, table, settings.timezone)
        problems = parsed.problems + check_references(db, [parsed])
        plan = _plan_for_preview(db, settings, parsed, clock, progress or NullProgress())
    width = len(table.header)
    return ImportPreview(
        kind=source.kind,
        source=source.source,
        delimiter=table.delimiter,
        header=table.raw_header,
        rows=tuple(
            PreviewRow(row.line, tuple(row.cells[:width]) + ("",) * (width - len(row.cells)))
            for row in table.rows[:max_rows]
        ),
        row_count=len(table.rows),
        ignored_columns=parsed.ignored_columns,
        problems=tuple(str(p) for p in sort_problems(problems, [source.source])),
        warnings=tuple(str(w) for w in plan.warnings),
        would_create=plan.created,
        would_update=plan.updated,
        unchanged=plan.unchanged,
        new_classes=tuple(plan.new_classes),
        new_aspects=tuple(plan.new_aspects),
    )


def _plan_for_preview(
    db: Session,
    settings: Settings,
    parsed: ParsedFile,
    clock: Clock | None,
    progress: Progress,
) -> KindPlan:
    # "now" only dates what execute would write, which a preview never runs.
    now = (clock or SystemClock()).now()
    ctx = ImportContext(db=db, settings=settings, now=now, progress=progress)
    return _PLANNERS[parsed.kind](ctx, parsed.source, parsed.records)
