"""The mapping step's panes: the columns and their fields, the first rows with bad cells tinted,
and every problem in the window's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from feedback_desk.services.importing import ImportKind, ImportPreview, Problem, field_names
from feedback_desk.ui.dialogs.import_columns import ColumnsTable
from feedback_desk.ui.dialogs.import_layout import plain_label
from feedback_desk.ui.dialogs.import_preview import CsvPreviewModel
from feedback_desk.ui.dialogs.import_problems import ProblemTexts
from feedback_desk.ui.formatting import count_text

ERROR_STYLE = "color: #B00020;"


def _column(parent: QWidget, *widgets: QWidget) -> QWidget:
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return holder


class MappingStep(QSplitter):
    def __init__(self, texts: ProblemTexts, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self._texts = texts
        self.columns_table = ColumnsTable(self)
        self.reset_button = QPushButton(self.tr("Undo my choices"), self)
        self.reset_button.setToolTip(self.tr("Go back to the columns as recognised"))
        self.reset_button.setAutoDefault(False)
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
        columns = _column(self, self.columns_table, self.reset_button)
        problems = _column(self, self.problems_label, self.problems_view)
        for part, stretch in ((columns, 3), (self.preview_view, 3), (problems, 2)):
            self.addWidget(part)
            self.setStretchFactor(self.count() - 1, stretch)

    def clear(self) -> None:
        self.preview_model.clear()
        self.columns_table.setRowCount(0)
        self.problems_model.setStringList([])
        self.problems_label.clear()

    def show_file(
        self, shown: ImportPreview, kind: ImportKind, reasons: Sequence[str], *, whole: bool
    ) -> None:
        """The columns (with *reasons*, why each goes where), the first rows, the problems."""
        header = shown.header
        samples = [shown.rows[0].cells[i] if shown.rows else "" for i in range(len(header))]
        self.columns_table.show_columns(kind, field_names(kind), shown.columns, reasons, samples)
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
        self.show_problems(shown.issues, header, whole=whole)
        if shown.warning_issues and not shown.issues:
            self.problems_model.setStringList(
                [self._texts.line(w, header) for w in shown.warning_issues]
            )
            self.problems_label.setText(self.tr("Warnings (the import can go ahead):"))

    def show_problems(
        self, problems: Sequence[Problem], header: Sequence[str], *, whole: bool
    ) -> None:
        self.problems_model.setStringList([self._texts.line(p, header) for p in problems])
        count = len(problems)
        if count:
            self.problems_label.setText(
                count_text(
                    count,
                    self.tr(
                        "{n} problem: choose the columns or the dates above, or correct the "
                        "file and press Check again. Nothing is imported while any row is invalid."
                    ),
                    self.tr(
                        "{n} problems: choose the columns or the dates above, or correct the "
                        "file and press Check again. Nothing is imported while any row is invalid."
                    ),
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
