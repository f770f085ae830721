"""CSV import of clients, coaches, sessions, visits, attendance and reviews
(docs/rules.md#csv-import).

All or nothing: every row of every file is checked first (streaming, in a read session); one bad
row and nothing is written, every bad row reported as ``FILE:LINE: message``. Rows are matched by
the studio's ids (a visit's session by its class, start and coach), so importing the same file
twice changes nothing.

Modules: ``reading`` (bytes → rows: encoding, delimiter, physical line numbers), ``aliases``,
``mapping``, ``presets`` and ``headers`` (which column is which field), ``dates`` and ``cells``
(typed values), ``parsing`` and ``visits`` (rows → records), ``checks``, ``checking`` and
``scanning`` (the first pass), ``apply_*`` and ``writing`` (the second pass), ``running`` (the
transaction, the preview), ``inspection`` (the window's mapping step), ``folder`` (the watch
folder).
"""

from feedback_desk.services.importing.aliases import aliases_of, header_key
from feedback_desk.services.importing.columns import (
    COLUMNS,
    ImportKind,
    column_names,
    field_names,
)
from feedback_desk.services.importing.dates import DateDetection, DateOrder, detect_date_order
from feedback_desk.services.importing.headers import ColumnGuess, ColumnPlan, Evidence, plan_columns
from feedback_desk.services.importing.mapping import Mapping, load_mapping, mapping_from_json
from feedback_desk.services.importing.messages import TEMPLATES, Code
from feedback_desk.services.importing.presets import (
    Preset,
    delete_preset,
    list_presets,
    load_preset,
    preset_mapping,
    save_preset,
)
from feedback_desk.services.importing.problems import ImportRejected, Problem
from feedback_desk.services.importing.report import (
    FileReport,
    ImportPreview,
    ImportReport,
    PreviewRow,
)
from feedback_desk.services.importing.running import import_file, import_files, preview_import
from feedback_desk.services.importing.source import ImportSource

__all__ = [
    "COLUMNS",
    "TEMPLATES",
    "Code",
    "ColumnGuess",
    "ColumnPlan",
    "DateDetection",
    "DateOrder",
    "Evidence",
    "FileReport",
    "ImportKind",
    "ImportPreview",
    "ImportRejected",
    "ImportReport",
    "ImportSource",
    "Mapping",
    "Preset",
    "PreviewRow",
    "Problem",
    "aliases_of",
    "column_names",
    "delete_preset",
    "detect_date_order",
    "field_names",
    "header_key",
    "import_file",
    "import_files",
    "list_presets",
    "load_mapping",
    "load_preset",
    "mapping_from_json",
    "plan_columns",
    "preset_mapping",
    "preview_import",
    "save_preset",
]
