"""CSV import of clients, coaches, sessions, attendance and reviews (docs/rules.md#csv-import).

All or nothing: every row of every file is checked first; one bad row and nothing is written,
every bad row reported as ``FILE:LINE: message``. Rows are matched by the studio's ids, so
importing the same file twice changes nothing.

Modules: ``reading`` (bytes → CSV rows with physical line numbers), ``cells`` and ``parsing``
(rows → typed records, per kind), ``references`` (ids that must exist), ``apply_*`` (plans:
what would be created or updated, then the writes), ``running`` (the transaction, the preview).
"""

from feedback_desk.services.importing.columns import COLUMNS, ImportKind, column_names
from feedback_desk.services.importing.problems import ImportRejected
from feedback_desk.services.importing.report import (
    FileReport,
    ImportPreview,
    ImportReport,
    PreviewRow,
)
from feedback_desk.services.importing.running import (
    ImportSource,
    import_file,
    import_files,
    preview_import,
)

__all__ = [
    "COLUMNS",
    "FileReport",
    "ImportKind",
    "ImportPreview",
    "ImportRejected",
    "ImportReport",
    "ImportSource",
    "PreviewRow",
    "column_names",
    "import_file",
    "import_files",
    "preview_import",
]
