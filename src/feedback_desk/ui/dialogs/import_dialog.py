"""File → Import…: choose the kind and the file, map its columns, see every problem, import.

The mapping step reads the file's first rows at once (``inspect_file``): each column with the
field it goes to and why, how its dates are written, its encoding and separator, the first rows
with every bad cell tinted; then the whole file is checked in the background (every problem, and
what importing would create or update). Changing a column's field, the order of day and month,
the kind or the preset reads the file again (after a short pause, so that several changes make
one read; a result for an older mapping is dropped). Everything is read and written on the
window's workers; Import is enabled once the first rows have no problem, and an import can be
stopped (or the dialog closed), which rolls it back whole.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.text import fold
from feedback_desk.services.importing import (
    ImportKind,
    ImportPreview,
    ImportRejected,
    ImportReport,
    Mapping,
    Problem,
    field_names,
    import_file,
    preview_import,
)
from feedback_desk.services.importing.columns import DATE, DATETIME_FIELD, TIME
from feedback_desk.services.importing.inspection import inspect_file
from feedback_desk.services.progress import Progress, ThrottledProgress
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.dialogs.import_columns import ColumnsTable
from feedback_desk.ui.dialogs.import_layout import FileLayout, plain_label
from feedback_desk.ui.dialogs.import_presets import PresetChooser
from feedback_desk.ui.dialogs.import_preview import CsvPreviewModel
from feedback_desk.ui.dialogs.import_problems import ProblemTexts
from feedback_desk.ui.dialogs.import_summary import ImportSummary
from feedback_desk.workers.tasks import Task

PREVIEW_ROWS = 20
REREAD_DELAY_MS = 300  # a pause in the user's changes before the file is read again
ERROR_STYLE = "color: #B00020;"


class ImportDialog(QDialog):
    """Import a clients, coaches, sessions, visits, attendance or reviews CSV file."""

    imported = Signal(object)  # the ImportReport, so the window can refresh what it shows
    inspected = Signal(object)  # the first rows' ImportPreview now shown
    checked = Signal(object)  # the whole file's ImportPreview now shown

    def __init__(
        self,
        context: WindowContext,
        parent: QWidget | None = None,
        *,
        reread_delay_ms: int = REREAD_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._tasks = context.tasks_for(self)
        self._texts = ProblemTexts(self)
        self._summary = ImportSummary(self._texts, self)
        self._inspected_path = ""
        # The user's choices, over the preset's mapping: column → field (None: ignore).
        self._columns: dict[str, str | None] = {}
        self._chosen: set[str] = set()
        self._date_order: str | None = None  # chosen here (by the user, or proven by the file)
        self._date_order_by_user = False
        self._inspection: ImportPreview | None = None
        self._check: ImportPreview | None = None
        self._generation = 0
        self._check_task: Task | None = None
        self._import_task: Task | None = None
        self._imported = False
        self._percent = -1  # shown by the progress bar
        self._check_pending = False
        self._reread = QTimer(self)
        self._reread.setSingleShot(True)
        self._reread.setInterval(reread_delay_ms)
        self._reread.timeout.connect(self._read)
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Import a CSV file"))
        self.resize(960, 700)
        self._build()
        self.presets.load(self.kind)
        self._refresh_buttons()

    # Building ---------------------------------------------------------------------------------

    def _kind_labels(self) -> dict[ImportKind, str]:
        return {
            ImportKind.CLIENTS: self.tr("Clients"),
            ImportKind.COACHES: self.tr("Coaches"),
            ImportKind.SESSIONS: self.tr("Sessions"),
            ImportKind.VISITS: self.tr("Visits (sessions and attendance in one file)"),
            ImportKind.ATTENDANCE: self.tr("Attendance"),
            ImportKind.REVIEWS: self.tr("Reviews"),
        }

    def _build(self) -> None:
        self.kind_box = QComboBox(self)
        for kind, label in self._kind_labels().items():
            self.kind_box.addItem(label, kind.value)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.presets = PresetChooser(self._context, self.mapping, self)
        self.presets.chosen.connect(self._on_preset_chosen)
        self.presets.said.connect(self._say)

        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("Choose a .csv file"))
        self.path_edit.editingFinished.connect(self._on_path_edited)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        self.recheck_button = QPushButton(self.tr("Check again"), self)
        self.recheck_button.setToolTip(self.tr("Read the file again after correcting it"))
        self.recheck_button.clicked.connect(self.read_now)
        self.reset_button = QPushButton(self.tr("Undo my choices"), self)
        self.reset_button.setToolTip(self.tr("Go back to the columns as recognised"))
        self.reset_button.clicked.connect(self.reset_choices)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.recheck_button)

        form = QFormLayout()
        form.addRow(self.tr("The file holds:"), self.kind_box)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Preset:"), self.presets)
        self.layout_box = FileLayout(self)
        self.layout_box.date_order_chosen.connect(self.set_date_order)

        self.columns_table = ColumnsTable(self)
        self.columns_table.field_chosen.connect(self.choose_field)
        self.preview_model = CsvPreviewModel(self)
        self.preview_view = QTableView(self)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setWordWrap(False)
        self.problems_label = plain_label(self)
        self.problems_model = QStringListModel(self)
        self.problems_view = QListView(self)
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.setUniformItemSizes(True)  # thousands of lines stay fast
        problems = QWidget(self)
        problems_layout = QVBoxLayout(problems)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_label)
        problems_layout.addWidget(self.problems_view)
        columns = QWidget(self)
        columns_layout = QVBoxLayout(columns)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.addWidget(self.columns_table)
        columns_layout.addWidget(self.reset_button, 0, Qt.AlignmentFlag.AlignLeft)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for part, stretch in ((columns, 3), (self.preview_view, 3), (problems, 2)):
            splitter.addWidget(part)
            splitter.setStretchFactor(splitter.count() - 1, stretch)

        self.summary_label = plain_label(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.result_label = plain_label(self)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            self.tr("Stop"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel_import)
        self.close_button.clicked.connect(self.close)
        self.cancel_button.setVisible(False)
        for button in (
            self.import_button,
            self.cancel_button,
            self.close_button,
            self.browse_button,
            self.recheck_button,
            self.reset_button,
        ):
            # Enter in the file field must not start an import.
            button.setAutoDefault(False)
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.layout_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)

    # Choosing ---------------------------------------------------------------------------------

    @property
    def kind(self) -> ImportKind:
        return ImportKind(self.kind_box.currentData())

    @property
    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def set_kind(self, kind: ImportKind | str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(ImportKind(kind).value))

    def choose_file(self) -> QFileDialog:
        """A file chooser that leaves the event loop running; choosing reads the file."""
        start = str(self.path.parent) if self.path is not None else str(Path.home())
        chooser = QFileDialog(
            self,
            self.tr("Choose a CSV file to import"),
            start,
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(lambda chosen: self.set_file(Path(chosen)))
        self.file_dialog = chooser
        chooser.open()
        return chooser

    def set_file(self, path: Path) -> None:
        """Show *path* and read it (the kind is guessed from a name like clients.csv)."""
        guessed = _kind_from_name(path)
        self.path_edit.setText(str(path))
        self._new_file()
        if guessed is not None and guessed is not self.kind:
            self.set_kind(guessed)  # reads through _on_kind_changed
        else:
            self.read_now()

    def _new_file(self) -> None:
        self._imported = False
        self.result_label.clear()
        if not self._date_order_by_user:
            self._date_order = None  # the next file proves its own order, if any

    def _on_path_edited(self) -> None:
        if self.path is not None and (
            self._inspection is None or str(self.path) != self._inspected_path
        ):
            self._new_file()
            self.read_now()

    def _on_kind_changed(self) -> None:
        # Columns chosen for another kind's fields mean nothing for this one.
        self._columns.clear()
        self._chosen.clear()
        self.presets.load(self.kind)
        self.read_now()

    def _on_preset_chosen(self, _preset: object) -> None:
        self._columns.clear()
        self._chosen.clear()
        self.read_later()

    def choose_field(self, header: str, field: str | None) -> None:
        """Send column *header* to *field* (None: ignore it); a column that gave that field
        (or a field it excludes: a date-time against a date and a time) is then ignored."""
        self._columns[header] = field
        self._chosen.add(header)
        if field is not None:
            taken = {field} | _excluded_by(self.kind, field)
            for guess in self._inspection.columns if self._inspection else ():
                if guess.header != header and guess.field in taken:
                    self._columns[guess.header] = None
                    self._chosen.add(guess.header)
        self.read_later()

    def reset_choices(self) -> None:
        self._columns.clear()
        self._chosen.clear()
        self._date_order = None
        self._date_order_by_user = False
        self.read_now()

    def set_date_order(self, order: str) -> None:
        """Read this file's day/month dates in *order* ("dmy" or "mdy")."""
        self._date_order = order
        self._date_order_by_user = True
        self.read_later()

    def mapping(self) -> Mapping:
        """The preset's mapping for the kind, with the choices made here over it."""
        preset = self.presets.preset
        base = preset.kinds.get(self.kind, Mapping()) if preset is not None else Mapping()
        return replace(
            base,
            columns={**base.columns, **self._columns},
            date_order=self._date_order or base.date_order,
        )

    def _effective_date_order(self) -> str:
        return self.mapping().date_order or self._context.settings.raw("import.date_order")

    # Reading ----------------------------------------------------------------------------------

    def read_later(self) -> None:
        """Read the file again once the user pauses (several changes, one read)."""
        self._imported = False
        self._refresh_buttons()
        self._reread.start()

    def read_now(self) -> None:
        self._reread.stop()
        self._read()

    def _read(self) -> None:
        """Look at the first rows under the current mapping; a result for an older one is
        dropped."""
        self._generation += 1
        generation = self._generation
        self._stop_check()
        self._inspection = self._check = None
        path = self.path
        if path is None:
            self._show_nothing()
            return
        self.summary_label.setText(self.tr("Reading {file}…").format(file=path.name))
        self._refresh_buttons()
        store, kind, mapping, clock = (
            self._context.store,
            self.kind,
            self.mapping(),
            self._context.clock,
        )

        def work(_progress: Progress) -> ImportPreview:
            return inspect_file(
                store, kind, path, name=path.name, mapping=mapping, rows=PREVIEW_ROWS, clock=clock
            )

        self._tasks.run(
            work,
            name="import-inspect",
            on_done=lambda shown: self._inspected_file(generation, path, shown),
            on_error=lambda exc: self._read_failed(generation, exc),
        )

    def _show_nothing(self) -> None:
        self.preview_model.clear()
        self.columns_table.setRowCount(0)
        self.layout_box.clear()
        self.problems_model.setStringList([])
        self.problems_label.clear()
        self.summary_label.clear()
        self._refresh_buttons()

    def _inspected_file(self, generation: int, path: Path, shown: ImportPreview) -> None:
        if generation != self._generation:
            return  # the mapping, the kind or the file changed meanwhile
        self._inspected_path = str(path)
        if self._adopt_proven_date_order(shown):
            return  # read again in the order the file proves
        self._inspection = shown
        self._show(shown, whole=False)
        self.inspected.emit(shown)
        # Once the first rows are drawn: the check's worker then competes with no painting.
        self._check_pending = True
        QTimer.singleShot(0, self, lambda: self._start_check(generation, path))

    def _adopt_proven_date_order(self, shown: ImportPreview) -> bool:
        """A file whose dates prove day/month or month/day is read that way (unless the user
        chose): True when it must be read again."""
        if self._date_order_by_user or self.mapping().date_format:
            return False
        proven = [d.order for d in shown.dates.values() if d.order in ("dmy", "mdy")]
        if len(set(proven)) != 1 or proven[0] == self._effective_date_order():
            return False
        self._date_order = proven[0]
        self.read_now()
        return True

    def _start_check(self, generation: int, path: Path) -> None:
        self._check_pending = False
        if generation != self._generation or self._import_task is not None:
            return
        store, kind, mapping, clock = (
            self._context.store,
            self.kind,
            self.mapping(),
            self._context.clock,
        )

        def work(progress: Progress) -> ImportPreview:
            return preview_import(
                store,
                kind,
                path,
                name=path.name,
                mapping=mapping,
                max_rows=PREVIEW_ROWS,
                clock=clock,
                progress=ThrottledProgress(progress),
            )

        self._percent = -1
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self._check_task = self._tasks.run(
            work,
            name="import-check",
            on_done=lambda whole: self._checked_file(generation, whole),
            on_error=lambda exc: self._read_failed(generation, exc),
            on_progress=self._show_progress,
            on_cancelled=lambda: self._check_ended(generation),
        )

    def _stop_check(self) -> None:
        if self._check_task is not None:
            self._check_task.cancel()
            self._check_task = None
        if self._import_task is None:
            self.progress_bar.setVisible(False)

    def _check_ended(self, generation: int) -> None:
        if generation == self._generation:
            self._check_task = None
            self.progress_bar.setVisible(self._import_task is not None)
            self._refresh_buttons()

    def _checked_file(self, generation: int, whole: ImportPreview) -> None:
        if generation != self._generation:
            return
        self._check_ended(generation)
        self._check = whole
        self._show(whole, whole=True)
        self.checked.emit(whole)

    def _read_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._check_ended(generation)
        self.summary_label.setText(
            self.tr("The file could not be read: {why}").format(why=describe_error(exc))
        )
        self._refresh_buttons()

    # Showing ----------------------------------------------------------------------------------

    def _show(self, shown: ImportPreview, *, whole: bool) -> None:
        header = shown.header
        self.layout_box.show_file(shown)
        self.layout_box.set_date_order(self._effective_date_order())
        reasons = [
            self.columns_table.reason(
                guess,
                shown.columns,
                mine=guess.header in self._chosen,
                preset=self.presets.preset.name if self.presets.preset else None,
            )
            for guess in shown.columns
        ]
        samples = [shown.rows[0].cells[i] if shown.rows else "" for i in range(len(header))]
        self.columns_table.show_columns(
            self.kind, field_names(self.kind), shown.columns, reasons, samples
        )
        shown_lines = {row.line for row in shown.rows}
        cells: dict[tuple[int, int], list[str]] = {}
        rows: dict[int, list[str]] = {}
        for problem in shown.issues:
            if problem.line not in shown_lines:
                continue
            text = self._texts.text(problem)
            if problem.column is not None:
                cells.setdefault((problem.line, problem.column), []).append(text)
            else:
                rows.setdefault(problem.line, []).append(text)
        self.preview_model.set_rows(
            header,
            shown.rows,
            fields=[g.field for g in shown.columns],
            cell_problems={k: "\n".join(v) for k, v in cells.items()},
            row_problems={k: "\n".join(v) for k, v in rows.items()},
        )
        # Sized once per read (a resize-to-contents header would measure every cell again at
        # each change of the dialog's layout).
        self.preview_view.resizeColumnsToContents()
        self._show_problems(list(shown.issues), header, whole=whole)
        if shown.warning_issues and not shown.issues:
            self.problems_model.setStringList(
                [self._texts.line(w, header) for w in shown.warning_issues]
            )
            self.problems_label.setText(self.tr("Warnings (the import can go ahead):"))
        self.summary_label.setText(self._summary.preview(shown) if whole else "")
        self._refresh_buttons()

    def _show_problems(
        self, problems: list[Problem], header: tuple[str, ...], *, whole: bool
    ) -> None:
        self.problems_model.setStringList([self._texts.line(p, header) for p in problems])
        count = len(problems)
        if count:
            self.problems_label.setText(
                self.tr(
                    "%n problem(s): choose the columns or the dates above, or correct the file "
                    "and press Check again. Nothing is imported while any row is invalid.",
                    "",
                    count,
                )
            )
            self.problems_label.setStyleSheet(ERROR_STYLE)
        else:
            self.problems_label.setStyleSheet("")
            self.problems_label.setText(
                self.tr("No problems found.")
                if whole
                else self.tr("No problems in the first rows; checking the whole file…")
            )

    def _say(self, text: str, error: bool) -> None:
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setText(text)

    def _show_progress(self, done: int, total: int, _message: str) -> None:
        # Few calls into Qt while a worker reads: each one waits for the worker to let go of
        # Python's lock, so a percent moves the bar, not every report.
        if total <= 0:
            return
        percent = min(done, total) * 100 // total
        if percent != self._percent:
            self._percent = percent
            if self.progress_bar.maximum() != 100:
                self.progress_bar.setRange(0, 100)
            self.progress_bar.setValue(percent)

    # Import -----------------------------------------------------------------------------------

    def start_import(self) -> None:
        path = self.path
        if not self._can_import() or path is None:
            return
        self._stop_check()
        store, clock, kind, mapping = (
            self._context.store,
            self._context.clock,
            self.kind,
            self.mapping(),
        )

        def work(progress: Progress) -> ImportReport:
            return import_file(
                store,
                kind,
                path,
                clock=clock,
                name=path.name,
                mapping=mapping,
                progress=ThrottledProgress(progress),
            )

        self._say(self.tr("Importing {file}…").format(file=path.name), False)
        self._percent = -1
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self._import_task = self._tasks.run(
            work,
            name="import",
            on_done=self._import_done,
            on_error=self._import_failed,
            on_progress=self._show_progress,
            on_cancelled=self._import_cancelled,
        )
        self._refresh_buttons()

    def _import_finished(self) -> None:
        self._import_task = None
        self.progress_bar.setVisible(False)
        self._refresh_buttons()

    def _import_done(self, report: ImportReport) -> None:
        self._imported = True  # the same file again would change nothing
        self._import_finished()
        self._say(self._summary.report(report), False)
        self.imported.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self._import_finished()
        if isinstance(exc, ImportRejected):
            # The file changed since it was checked: its problems now; nothing was written.
            self._check = None
            self._show_problems(
                exc.details, self._inspection.header if self._inspection else (), whole=True
            )
            self._say(self.tr("Nothing was imported."), True)
            self._imported = True  # until the file is checked again
            self._refresh_buttons()
            return
        self._say(
            self.tr("The import failed and nothing was written: {why}").format(
                why=describe_error(exc)
            ),
            True,
        )

    def _cancel_import(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()

    def _import_cancelled(self) -> None:
        self._import_finished()
        self._say(self.tr("Import stopped; nothing was written."), False)

    # State ------------------------------------------------------------------------------------

    @property
    def inspection(self) -> ImportPreview | None:
        return self._inspection

    @property
    def check(self) -> ImportPreview | None:
        return self._check

    @property
    def busy(self) -> bool:
        return self._tasks.busy or self._reread.isActive() or self._check_pending

    def _can_import(self) -> bool:
        shown = self._inspection
        if shown is None or not shown.can_import or self._imported or self._import_task:
            return False
        return self._check is None or self._check.can_import

    def _refresh_buttons(self) -> None:
        importing = self._import_task is not None
        self.import_button.setEnabled(self._can_import() and not self._reread.isActive())
        self.cancel_button.setVisible(importing)
        for widget in (
            self.kind_box,
            self.path_edit,
            self.browse_button,
            self.presets,
            self.columns_table,
            self.layout_box,
            self.reset_button,
        ):
            widget.setEnabled(not importing)
        self.recheck_button.setEnabled(not importing and self.path is not None)

    def done(self, result: int) -> None:
        # Closing stops an import under way: it rolls back whole on its worker (nothing waits).
        self._cancel_import()
        self._stop_check()
        self._reread.stop()
        super().done(result)


# How booking systems and studios name their exports, in English and French.
_NAME_HINTS: tuple[tuple[str, ImportKind], ...] = (
    ("client", ImportKind.CLIENTS),
    ("member", ImportKind.CLIENTS),
    ("membre", ImportKind.CLIENTS),
    ("coach", ImportKind.COACHES),
    ("entraineur", ImportKind.COACHES),
    ("employe", ImportKind.COACHES),
    ("session", ImportKind.SESSIONS),
    ("seance", ImportKind.SESSIONS),
    ("visit", ImportKind.VISITS),
    ("attendance", ImportKind.ATTENDANCE),
    ("presence", ImportKind.ATTENDANCE),
    ("booking", ImportKind.ATTENDANCE),
    ("reservation", ImportKind.ATTENDANCE),
    ("review", ImportKind.REVIEWS),
    ("avis", ImportKind.REVIEWS),
    ("evaluation", ImportKind.REVIEWS),
)


def _kind_from_name(path: Path) -> ImportKind | None:
    stem = fold(path.stem)
    for hint, kind in _NAME_HINTS:
        if stem.startswith(hint):
            return kind
    return None


def _excluded_by(kind: ImportKind, field: str) -> set[str]:
    """The fields a column giving *field* rules out: a date-time and its date and time columns."""
    combined = DATETIME_FIELD.get(kind)
    if combined is None:
        return set()
    if field == combined:
        return {DATE, TIME}
    return {combined} if field in (DATE, TIME) else set()
