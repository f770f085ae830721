"""File → Import…: choose the kind and the file, map its columns, see every problem, import.

The mapping step reads the file's first rows at once: each column with the field it goes to and
why, how its dates are written, its encoding and separator, the first rows with every bad cell
tinted; then the whole file is checked in the background (every problem, and what importing
would create or update). Changing a column's field, the order of day and month, the kind or the
preset reads the file again after a short pause (``import_reading``). Everything is read and
written on the window's workers; Import is enabled once the first rows have no problem, and an
import can be stopped (or the dialog closed), which rolls it back whole.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.importing import (
    ImportKind,
    ImportPreview,
    ImportRejected,
    ImportReport,
    Mapping,
    import_file,
)
from feedback_desk.services.progress import Progress, ThrottledProgress
from feedback_desk.ui.context import WindowContext, describe_error
from feedback_desk.ui.dialogs.import_choices import MappingChoices, kind_from_name
from feedback_desk.ui.dialogs.import_layout import FileLayout, plain_label
from feedback_desk.ui.dialogs.import_presets import PresetChooser
from feedback_desk.ui.dialogs.import_problems import ProblemTexts
from feedback_desk.ui.dialogs.import_reading import REREAD_DELAY_MS, FileReader, ReadRequest
from feedback_desk.ui.dialogs.import_step import ERROR_STYLE, MappingStep
from feedback_desk.ui.dialogs.import_summary import ImportSummary
from feedback_desk.workers.tasks import Task


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
        self._choices = MappingChoices()
        self._inspection: ImportPreview | None = None
        self._check: ImportPreview | None = None
        self._inspected_path = ""
        self._import_task: Task | None = None
        self._imported = False
        self._percent = -1  # shown by the progress bar
        self.file_dialog: QFileDialog | None = None
        self.reader = FileReader(context, self._read_request, delay_ms=reread_delay_ms, parent=self)
        self.reader.inspected.connect(self._inspected_file)
        self.reader.checked.connect(self._checked_file)
        self.reader.failed.connect(self._read_failed)
        self.reader.checking.connect(self._checking)
        self.reader.progressed.connect(self._show_percent)
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
        self.step = MappingStep(self._texts, self)
        self.step.columns_table.field_chosen.connect(self.choose_field)
        self.step.reset_button.clicked.connect(self.reset_choices)
        # What the tests and the window reach directly.
        self.columns_table, self.reset_button = self.step.columns_table, self.step.reset_button
        self.preview_model, self.problems_model = self.step.preview_model, self.step.problems_model
        self.problems_label = self.step.problems_label
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
        for button in (self.import_button, self.cancel_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the file field must not start an import
        for button in (self.browse_button, self.recheck_button):
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.layout_box)
        layout.addWidget(self.step, 1)
        for widget in (self.summary_label, self.progress_bar, self.result_label, self.buttons):
            layout.addWidget(widget)

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
        guessed = kind_from_name(path)
        self.path_edit.setText(str(path))
        self._new_file()
        if guessed is not None and guessed is not self.kind:
            self.set_kind(guessed)  # reads through _on_kind_changed
        else:
            self.read_now()

    def _new_file(self) -> None:
        self._imported = False
        self.result_label.clear()
        self._choices.new_file()

    def _on_path_edited(self) -> None:
        if self.path is not None and str(self.path) != self._inspected_path:
            self._new_file()
            self.read_now()

    def _on_kind_changed(self) -> None:
        self._choices.forget_columns()
        self.presets.load(self.kind)
        self.read_now()

    def _on_preset_chosen(self, _preset: object) -> None:
        self._choices.forget_columns()
        self.read_later()

    def choose_field(self, header: str, field: str | None) -> None:
        """Send column *header* to *field* (None: ignore it); see MappingChoices.choose."""
        guesses = self._inspection.columns if self._inspection else ()
        self._choices.choose(self.kind, header, field, guesses)
        self.read_later()

    def reset_choices(self) -> None:
        self._choices.reset()
        self.read_now()

    def set_date_order(self, order: str) -> None:
        """Read this file's day/month dates in *order* ("dmy" or "mdy")."""
        self._choices.choose_date_order(order)
        self.read_later()

    def mapping(self) -> Mapping:
        """The preset's mapping for the kind, with the choices made here over it."""
        preset = self.presets.preset
        base = preset.kinds.get(self.kind, Mapping()) if preset is not None else Mapping()
        return self._choices.mapping(base)

    def _date_order(self) -> str:
        return self.mapping().date_order or self._context.settings.raw("import.date_order")

    # Reading ----------------------------------------------------------------------------------

    def _read_request(self) -> ReadRequest | None:
        path = self.path
        return ReadRequest(path, self.kind, self.mapping()) if path is not None else None

    def read_later(self) -> None:
        """Read the file again once the user pauses (several changes, one read)."""
        self._imported = False
        self.reader.read_later()
        self._refresh_buttons()

    def read_now(self) -> None:
        self._inspection = self._check = None
        path = self.path
        if path is None:
            self.step.clear()
            self.layout_box.clear()
            self.summary_label.clear()
        else:
            self.summary_label.setText(self.tr("Reading {file}…").format(file=path.name))
        self.reader.read_now()
        self._refresh_buttons()

    def _inspected_file(self, shown: ImportPreview) -> None:
        self._inspected_path = str(self.path)
        date_format = self.mapping().date_format is not None
        if self._choices.adopt_proven_order(shown.dates, self._date_order(), formatted=date_format):
            self.read_now()  # in the order the file proves
            return
        self._inspection = shown
        self._show(shown, whole=False)
        self.inspected.emit(shown)

    def _checked_file(self, whole: ImportPreview) -> None:
        self._check = whole
        self._show(whole, whole=True)
        self.checked.emit(whole)

    def _read_failed(self, why: str) -> None:
        self.summary_label.setText(self.tr("The file could not be read: {why}").format(why=why))
        self._refresh_buttons()

    def _checking(self, running: bool) -> None:
        if running:
            self._percent = -1
            self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(running or self._import_task is not None)
        self._refresh_buttons()

    def _show(self, shown: ImportPreview, *, whole: bool) -> None:
        self.layout_box.show_file(shown)
        self.layout_box.set_date_order(self._date_order())
        preset = self.presets.preset.name if self.presets.preset else None
        reasons = [
            self.columns_table.reason(
                guess, shown.columns, mine=self._choices.is_mine(guess.header), preset=preset
            )
            for guess in shown.columns
        ]
        self.step.show_file(shown, self.kind, reasons, whole=whole)
        self.summary_label.setText(self._summary.preview(shown) if whole else "")
        self._refresh_buttons()

    def _say(self, text: str, error: bool) -> None:
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setText(text)

    def _show_percent(self, percent: int) -> None:
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
        self.reader.stop()  # the import checks the whole file anyway
        store, clock = self._context.store, self._context.clock
        kind, mapping = self.kind, self.mapping()

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
            on_progress=lambda done, total, _message: (
                self._show_percent(min(done, total) * 100 // total) if total > 0 else None
            ),
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
            header = self._inspection.header if self._inspection else ()
            self.step.show_problems(exc.details, header, whole=True)
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
        return self._tasks.busy or self.presets.busy or self.reader.busy

    def _can_import(self) -> bool:
        shown = self._inspection
        if shown is None or not shown.can_import or self._imported or self._import_task:
            return False
        return self._check is None or self._check.can_import

    def _refresh_buttons(self) -> None:
        importing = self._import_task is not None
        self.import_button.setEnabled(self._can_import() and not self.reader.waiting)
        self.cancel_button.setVisible(importing)
        changes: tuple[QWidget, ...] = (
            self.kind_box,
            self.path_edit,
            self.browse_button,
            self.presets,
            self.layout_box,
            self.columns_table,
            self.reset_button,
        )
        for widget in changes:
            widget.setEnabled(not importing)
        self.recheck_button.setEnabled(not importing and self.path is not None)

    def done(self, result: int) -> None:
        # Closing stops an import under way: it rolls back whole on its worker (nothing waits).
        self._cancel_import()
        self.reader.stop()
        super().done(result)
