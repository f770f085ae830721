"""File → Import…: pick a CSV file, see its first rows and every problem, then import it.

Nothing is written until the user presses Import, and Import is only enabled when the preview
found no problem. The preview and the import run on the window's workers, each opening its own
database session; the import can be stopped (or the dialog closed), which rolls it back whole.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.domain.text import fold
from feedback_desk.services.importing import (
    COLUMNS,
    ImportKind,
    ImportPreview,
    ImportRejected,
    ImportReport,
    import_file,
    preview_import,
)
from feedback_desk.services.progress import Progress
from feedback_desk.ui.context import WindowContext
from feedback_desk.ui.dialogs.import_preview import CsvPreviewModel
from feedback_desk.workers.tasks import Task

PREVIEW_ROWS = 20


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file names and values are shown as written
    label.setWordWrap(True)
    return label


class ImportDialog(QDialog):
    """Import a clients, coaches, sessions, attendance or reviews CSV file into the window's
    store."""

    imported = Signal(object)  # the ImportReport, so the window can refresh what it shows
    previewed = Signal(object)  # the ImportPreview now shown

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = context.store
        self._clock = context.clock
        self._tasks = context.tasks_for(self)
        self._preview: ImportPreview | None = None
        self._preview_generation = 0
        self._previewed_path: Path | None = None
        self._import_task: Task | None = None
        self.setWindowTitle(self.tr("Import a CSV file"))
        self.resize(900, 640)
        self._build()
        self._show_columns()
        self._refresh_buttons()

    # Building ---------------------------------------------------------------------------------

    def _kind_labels(self) -> dict[ImportKind, str]:
        return {
            ImportKind.CLIENTS: self.tr("Clients"),
            ImportKind.COACHES: self.tr("Coaches"),
            ImportKind.SESSIONS: self.tr("Sessions"),
            ImportKind.ATTENDANCE: self.tr("Attendance"),
            ImportKind.REVIEWS: self.tr("Reviews"),
        }

    def _build(self) -> None:
        self.kind_box = QComboBox(self)
        for kind, label in self._kind_labels().items():
            self.kind_box.addItem(label, kind.value)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)

        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText(self.tr("Choose a .csv file"))
        self.path_edit.editingFinished.connect(self._on_path_edited)
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.clicked.connect(self.choose_file)
        self.recheck_button = QPushButton(self.tr("Check again"), self)
        self.recheck_button.setToolTip(self.tr("Read the file again after correcting it"))
        self.recheck_button.clicked.connect(self.refresh_preview)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.recheck_button)

        self.columns_label = _plain_label(self)
        form = QFormLayout()
        form.addRow(self.tr("The file holds:"), self.kind_box)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Columns:"), self.columns_label)

        self.summary_label = _plain_label(self)
        self.preview_model = CsvPreviewModel(self)
        self.preview_view = QTableView(self)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.setWordWrap(False)
        self.preview_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

        self.problems_label = _plain_label(self)
        self.problems_model = QStringListModel(self)
        self.problems_view = QListView(self)
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.setUniformItemSizes(True)  # thousands of lines stay fast

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setVisible(False)
        self.result_label = _plain_label(self)

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
        ):
            # Enter in the file field must not start an import.
            button.setAutoDefault(False)
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.preview_view, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems_view, 2)
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

    def choose_file(self) -> None:
        start = str(self.path.parent) if self.path is not None else str(Path.home())
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a CSV file to import"),
            start,
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        """Show *path* and preview it (the kind is guessed from a name like clients.csv)."""
        guessed = _kind_from_name(path)
        self.path_edit.setText(str(path))
        if guessed is not None and guessed is not self.kind:
            self.set_kind(guessed)  # previews through _on_kind_changed
        else:
            self.refresh_preview()

    def _on_path_edited(self) -> None:
        if self.path != self._previewed_path:
            self.refresh_preview()

    def _on_kind_changed(self) -> None:
        self._show_columns()
        self.refresh_preview()

    def _show_columns(self) -> None:
        names = [c.name + ("*" if c.required else "") for c in COLUMNS[self.kind]]
        self.columns_label.setText(
            self.tr("{columns}  (* required; other columns are ignored)").format(
                columns=", ".join(names)
            )
        )

    # Preview ----------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        path = self.path
        self._previewed_path = path
        self._preview = None
        self._preview_generation += 1
        generation = self._preview_generation
        self.preview_model.clear()
        self.problems_model.setStringList([])
        self.problems_label.clear()
        self.result_label.clear()
        if path is None:
            self.summary_label.clear()
            self._refresh_buttons()
            return
        self.summary_label.setText(self.tr("Reading {file}…").format(file=path.name))
        self._refresh_buttons()
        store, kind = self._store, self.kind

        def work(progress: Progress) -> ImportPreview:
            return preview_import(
                store, kind, path, name=path.name, max_rows=PREVIEW_ROWS, progress=progress
            )

        self._tasks.run(
            work,
            name="import-preview",
            on_done=lambda preview: self._show_preview(generation, preview),
            on_error=lambda exc: self._preview_failed(generation, exc),
        )

    def _show_preview(self, generation: int, preview: ImportPreview) -> None:
        if generation != self._preview_generation:
            return  # the user chose another file or kind meanwhile
        self._preview = preview
        self.preview_model.set_rows(preview.header, preview.rows)
        self.summary_label.setText(self._summary_text(preview))
        lines = list(preview.problems) + list(preview.warnings)
        self.problems_model.setStringList(lines)
        if preview.problems:
            self.problems_label.setText(
                self.tr(
                    "{count} problem(s): correct the file, then press Check again. Nothing is "
                    "imported while any row is invalid."
                ).format(count=len(preview.problems))
            )
        elif preview.warnings:
            self.problems_label.setText(self.tr("Warnings (the import can go ahead):"))
        else:
            self.problems_label.setText(self.tr("No problems found."))
        self._refresh_buttons()
        self.previewed.emit(preview)

    def _summary_text(self, preview: ImportPreview) -> str:
        if preview.delimiter is None:
            return self.tr("{file} cannot be read as a CSV file.").format(file=preview.source)
        delimiter = self.tr("comma") if preview.delimiter == "," else self.tr("semicolon")
        parts = [
            self.tr("{count} rows, separated by {delimiter}").format(
                count=preview.row_count, delimiter=delimiter
            )
        ]
        if preview.row_count > len(preview.rows):
            parts.append(self.tr("first {shown} shown").format(shown=len(preview.rows)))
        if not preview.problems:
            parts.append(
                self.tr("{created} to create, {updated} to update, {unchanged} unchanged").format(
                    created=preview.would_create,
                    updated=preview.would_update,
                    unchanged=preview.unchanged,
                )
            )
        text = "; ".join(parts) + "."
        if preview.ignored_columns:
            text += " " + self.tr("Ignored columns: {names}.").format(
                names=", ".join(preview.ignored_columns)
            )
        if preview.new_classes:
            text += " " + self.tr("New classes: {names}.").format(
                names=", ".join(preview.new_classes)
            )
        if preview.new_aspects:
            text += " " + self.tr("New aspects (awaiting approval): {names}.").format(
                names=", ".join(preview.new_aspects)
            )
        return text

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._preview_generation:
            return
        self.summary_label.setText(self.tr("The preview failed: {error}").format(error=str(exc)))
        self._refresh_buttons()

    # Import -----------------------------------------------------------------------------------

    def start_import(self) -> None:
        preview, path = self._preview, self.path
        if preview is None or not preview.can_import or path is None or self._import_task:
            return
        store, clock, kind = self._store, self._clock, self.kind

        def work(progress: Progress) -> ImportReport:
            return import_file(store, kind, path, clock=clock, name=path.name, progress=progress)

        self.result_label.setText(self.tr("Importing {file}…").format(file=path.name))
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self._import_task = self._tasks.run(
            work,
            name="import",
            on_done=self._import_done,
            on_error=self._import_failed,
            on_progress=self._import_progress,
            on_cancelled=self._import_cancelled,
        )
        self._refresh_buttons()

    def _import_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)

    def _import_finished(self) -> None:
        self._import_task = None
        self.progress_bar.setVisible(False)
        self._refresh_buttons()

    def _import_done(self, report: ImportReport) -> None:
        self._import_finished()
        lines = [self.tr("Imported."), *report.summaries()]
        for file_report in report.files:
            if file_report.new_aspects:
                lines.append(
                    self.tr("New aspects awaiting a manager's approval: {names}").format(
                        names=", ".join(file_report.new_aspects)
                    )
                )
        self.result_label.setText("\n".join(lines))
        self.problems_model.setStringList(list(report.warnings))
        self.problems_label.setText(
            self.tr("Warnings:") if report.warnings else self.tr("No problems found.")
        )
        # The file is now in the store: a second import would change nothing.
        self._preview = None
        self._refresh_buttons()
        self.imported.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self._import_finished()
        if isinstance(exc, ImportRejected):
            # The file changed since its preview: show the new problems; nothing was written.
            self.problems_model.setStringList(list(exc.problems))
            self.problems_label.setText(
                self.tr("{count} problem(s); nothing was imported.").format(count=len(exc.problems))
            )
            self.result_label.setText(self.tr("Nothing was imported."))
            self._preview = None
            self._refresh_buttons()
            return
        self.result_label.setText(
            self.tr("The import failed and nothing was written: {error}").format(error=str(exc))
        )

    def _cancel_import(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()

    def _import_cancelled(self) -> None:
        self._import_finished()
        self.result_label.setText(self.tr("Import stopped; nothing was written."))

    # State ------------------------------------------------------------------------------------

    @property
    def preview(self) -> ImportPreview | None:
        return self._preview

    @property
    def busy(self) -> bool:
        return self._tasks.busy

    def _refresh_buttons(self) -> None:
        importing = self._import_task is not None
        ready = self._preview is not None and self._preview.can_import
        self.import_button.setEnabled(ready and not importing)
        self.cancel_button.setVisible(importing)
        self.kind_box.setEnabled(not importing)
        self.path_edit.setEnabled(not importing)
        self.browse_button.setEnabled(not importing)
        self.recheck_button.setEnabled(not importing and self.path is not None)

    def done(self, result: int) -> None:
        # Closing stops an import under way: it rolls back whole on its worker (nothing waits).
        self._cancel_import()
        super().done(result)


# How booking systems and studios name their exports, in English and French.
_NAME_HINTS: tuple[tuple[str, ImportKind], ...] = (
    ("client", ImportKind.CLIENTS),
    ("member", ImportKind.CLIENTS),
    ("membre", ImportKind.CLIENTS),
    ("coach", ImportKind.COACHES),
    ("employe", ImportKind.COACHES),
    ("session", ImportKind.SESSIONS),
    ("seance", ImportKind.SESSIONS),
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
