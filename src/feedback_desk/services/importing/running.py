"""Running an import, all or nothing, and previewing one without writing anything.

Every file is first checked in a read session (streaming; the store stays free for the kiosk
and the window meanwhile). Only when no file has a problem is everything written, in one write
transaction: a problem, a cancel or a crash leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from feedback_desk.clock import Clock, SystemClock
from feedback_desk.domain.localtime import local_day
from feedback_desk.services import audit
from feedback_desk.services.importing.checking import check_file
from feedback_desk.services.importing.checks import Defined, FileCheck, ReadRules
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.dates import DateOrder, detect_date_order
from feedback_desk.services.importing.mapping import Mapping
from feedback_desk.services.importing.messages import Code
from feedback_desk.services.importing.plans import ImportContext, KindPlan
from feedback_desk.services.importing.presets import resolve
from feedback_desk.services.importing.problems import (
    ImportRejected,
    Problem,
    problem,
    sort_problems,
)
from feedback_desk.services.importing.report import (
    FileReport,
    ImportPreview,
    ImportReport,
    PreviewRow,
)
from feedback_desk.services.importing.source import ImportSource
from feedback_desk.services.importing.writing import apply_file
from feedback_desk.services.progress import NullProgress, Progress, check_cancelled
from feedback_desk.services.settings import Settings, load_settings
from feedback_desk.store.database import Store

_ORDER = list(ImportKind)
DATE_ORDER_KEY = "import.date_order"


def read_rules(settings: Settings, now: datetime) -> ReadRules:
    tz = settings.timezone
    return ReadRules(tz, DateOrder(settings.raw(DATE_ORDER_KEY)), local_day(now, tz))


def import_file(
    store: Store,
    kind: ImportKind | str,
    path: Path | str,
    *,
    clock: Clock,
    name: str | None = None,
    mapping: Mapping | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import one CSV file; ImportRejected (nothing written) when any row is invalid."""
    source = ImportSource(ImportKind(kind), Path(path), name, mapping or Mapping())
    return import_files(store, [source], clock=clock, actor=actor, progress=progress)


def import_files(
    store: Store,
    sources: Sequence[ImportSource],
    *,
    clock: Clock,
    actor: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import several files in one transaction (ids defined by one file count for the others).

    Files are checked and written in dependency order (clients, coaches, sessions, visits,
    attendance, reviews), so `import visits V.csv clients C.csv` finds C.csv's clients.
    """
    progress = progress or NullProgress()
    _refuse_repeated_kinds(sources)
    ordered = sorted((_resolved(s) for s in sources), key=lambda s: _ORDER.index(s.kind))
    now = clock.now()
    with store.read() as db:
        settings = load_settings(db)
        rules = read_rules(settings, now)
        checks = _check_all(db, ordered, rules, progress)
    problems = [p for check in checks for p in check.problems]
    if problems:
        raise ImportRejected(sort_problems(problems, [s.source for s in sources]))
    check_cancelled(progress)
    with store.write() as db:
        ctx = ImportContext(db=db, settings=settings, now=now, progress=progress)
        reports = [_write(ctx, check, rules, actor) for check in checks]
    order = {s.source: index for index, s in enumerate(sources)}
    return ImportReport(tuple(sorted(reports, key=lambda r: order[r.source])))


def _resolved(source: ImportSource) -> ImportSource:
    mapping = resolve(source.mapping, source.kind)
    return ImportSource(source.kind, source.path, source.name, mapping)


def _refuse_repeated_kinds(sources: Sequence[ImportSource]) -> None:
    seen: set[ImportKind] = set()
    repeated: list[Problem] = []
    for s in sources:
        if s.kind in seen:
            repeated.append(problem(s.source, None, Code.SECOND_FILE_OF_KIND, kind=s.kind.value))
        seen.add(s.kind)
    if repeated:
        raise ImportRejected(repeated)


def _check_all(
    db: Session, sources: Sequence[ImportSource], rules: ReadRules, progress: Progress
) -> list[FileCheck]:
    defined = Defined()
    return [check_file(db, source, rules, defined, progress) for source in sources]


def _write(ctx: ImportContext, check: FileCheck, rules: ReadRules, actor: str | None) -> FileReport:
    plan = apply_file(ctx, check, rules, write=True)
    report = _file_report(plan, check)
    audit.record(
        ctx.db,
        at=ctx.now,
        actor=actor or audit.default_actor(),
        action="import_csv",
        entity_type="csv_file",
        entity_id=check.name[-200:],
        kind=str(check.source.kind),
        file=check.name,
        encoding=report.encoding,
        rows=report.rows,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        warnings=len(report.warnings),
        new_classes=list(report.new_classes),
        new_aspects=list(report.new_aspects),
        new_coaches=list(report.new_coaches),
        sessions_created=report.sessions_created,
    )
    return report


def _file_report(plan: KindPlan, check: FileCheck) -> FileReport:
    layout = check.layout
    return FileReport(
        kind=plan.kind,
        source=plan.source,
        created=plan.created,
        updated=plan.updated,
        unchanged=plan.unchanged,
        warnings=tuple(str(w) for w in plan.warnings),
        warning_issues=tuple(plan.warnings),
        new_classes=tuple(plan.new_classes),
        new_aspects=tuple(plan.new_aspects),
        new_coaches=tuple(plan.new_coaches),
        sessions_created=plan.sessions_created,
        encoding=layout.encoding_label if layout else "UTF-8",
        encoding_guessed=bool(layout and layout.encoding_guessed),
    )


def preview_import(
    store: Store,
    kind: ImportKind | str,
    path: Path | str,
    *,
    name: str | None = None,
    mapping: Mapping | None = None,
    max_rows: int = 20,
    clock: Clock | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """What importing the file would do: first rows, every problem, the counts; writes nothing."""
    progress = progress or NullProgress()
    source = ImportSource(ImportKind(kind), Path(path), name, mapping or Mapping())
    now = (clock or SystemClock()).now()
    try:
        source = _resolved(source)
    except ImportRejected as exc:
        return ImportPreview(kind=source.kind, source=source.source, problems=tuple(exc.problems))
    with store.read() as db:
        settings = load_settings(db)
        rules = read_rules(settings, now)
        check = check_file(db, source, rules, Defined(), progress, samples=max_rows)
        plan = None
        if check.ok:
            # "now" only dates what a write would record, which a preview never does.
            ctx = ImportContext(db=db, settings=settings, now=now, progress=progress)
            plan = apply_file(ctx, check, rules, write=False)
    return preview_of(check, plan)


def preview_of(check: FileCheck, plan: KindPlan | None) -> ImportPreview:
    layout, columns = check.layout, check.columns
    header = layout.raw_header if layout else ()
    width = len(header)
    issues = tuple(sort_problems(check.problems, [check.name]))
    return ImportPreview(
        kind=check.source.kind,
        source=check.name,
        delimiter=layout.delimiter if layout else None,
        header=header,
        rows=tuple(
            PreviewRow(row.line, tuple(row.cells[:width]) + ("",) * (width - len(row.cells)))
            for row in check.samples
        ),
        row_count=check.rows,
        ignored_columns=columns.ignored_columns if columns else (),
        problems=tuple(str(p) for p in issues),
        warnings=tuple(str(w) for w in plan.warnings) if plan else (),
        would_create=plan.created if plan else 0,
        would_update=plan.updated if plan else 0,
        unchanged=plan.unchanged if plan else 0,
        new_classes=tuple(plan.new_classes) if plan else (),
        new_aspects=tuple(plan.new_aspects) if plan else (),
        new_coaches=tuple(plan.new_coaches) if plan else (),
        sessions_created=plan.sessions_created if plan else 0,
        encoding=layout.encoding_label if layout else None,
        encoding_guessed=bool(layout and layout.encoding_guessed),
        columns=columns.guesses if columns else (),
        dates={
            name: detect_date_order(samples, date_format=check.source.mapping.date_format)
            for name, samples in check.date_samples.items()
        },
        issues=issues,
        warning_issues=tuple(plan.warnings) if plan else (),
    )
