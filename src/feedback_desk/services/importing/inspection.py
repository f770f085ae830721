"""The window's mapping step: a quick look at a file's first rows under a mapping.

``inspect_file`` reads only the first rows (a 100 MB export answers at once): the encoding and
delimiter found, every column's guessed field with its evidence, how each date column writes its
dates, and the problems of the rows shown, each on its cell. The ids rows refer to are not looked
up and nothing is counted: ``preview_import`` does that over the whole file before importing.
"""

from __future__ import annotations

from pathlib import Path

from feedback_desk.clock import Clock, SystemClock
from feedback_desk.services.importing.checking import check_file
from feedback_desk.services.importing.checks import Defined
from feedback_desk.services.importing.columns import ImportKind
from feedback_desk.services.importing.mapping import Mapping
from feedback_desk.services.importing.presets import resolve
from feedback_desk.services.importing.problems import ImportRejected
from feedback_desk.services.importing.report import ImportPreview
from feedback_desk.services.importing.running import preview_of, read_rules
from feedback_desk.services.importing.source import ImportSource
from feedback_desk.services.progress import NullProgress
from feedback_desk.services.settings import load_settings
from feedback_desk.store.database import Store

INSPECTED_ROWS = 200


def inspect_file(
    store: Store,
    kind: ImportKind | str,
    path: Path | str,
    *,
    name: str | None = None,
    mapping: Mapping | None = None,
    rows: int = 20,
    clock: Clock | None = None,
) -> ImportPreview:
    """The first *rows* rows of the file as the mapping reads them (dates judged on more).

    ``columns`` holds each column's field and evidence, ``dates`` each date column's
    detected order, ``issues`` the problems (with their cells) of the first rows.
    """
    source = ImportSource(ImportKind(kind), Path(path), name, mapping or Mapping())
    try:
        source = ImportSource(source.kind, source.path, name, resolve(source.mapping, source.kind))
    except ImportRejected as exc:
        return ImportPreview(kind=source.kind, source=source.source, problems=tuple(exc.problems))
    with store.read() as db:
        rules = read_rules(load_settings(db), (clock or SystemClock()).now())
    check = check_file(
        None,
        source,
        rules,
        Defined(),
        NullProgress(),
        samples=rows,
        limit=max(rows, INSPECTED_ROWS),
    )
    # The header's problems, and those of the rows shown (the rest were read to judge dates).
    shown = {row.line for row in check.samples}
    shown.add(check.layout.header_line if check.layout else 1)
    check.problems[:] = [p for p in check.problems if p.line is None or p.line in shown]
    return preview_of(check, None)
