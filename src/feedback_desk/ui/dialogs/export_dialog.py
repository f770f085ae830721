"""File → Export…: the period's workbook (by coach, by date, comments) or a CSV of its reviews,
written on a worker thread; the same service as `feedback-desk export`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from feedback_desk.domain.localtime import add_months, month_start
from feedback_desk.ui.formatting import DAY_FORMAT, plain_tooltip


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    """Asks for the period, the format and the file; ``export_requested`` carries them."""

    export_requested = Signal(object, object, object)  # first day, last day, Path

    def __init__(self, today: date, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self._folder = folder
        first = add_months(month_start(today), -11)
        self.first = QDateEdit(_qdate(first))
        self.last = QDateEdit(_qdate(today))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DAY_FORMAT)
        period = QHBoxLayout()
        period.addWidget(self.first)
        period.addWidget(QLabel("–"))
        period.addWidget(self.last)
        self.format = QComboBox()
        self.format.addItem(self.tr("Excel workbook (*.xlsx)"), "xlsx")
        self.format.addItem(self.tr("CSV, one row a review (*.csv)"), "csv")
        self.path = QLineEdit()
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #D55E00;")
        self.problem.setWordWrap(True)
        explanation = QLabel(
            self.tr(
                "The workbook has three sheets: by coach, by date (one row a day) and the "
                "comments of the period. Only review data is exported."
            )
        )
        explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Period (local days):"), period)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("File:"), where)
        form.addRow(explanation)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.format.currentIndexChanged.connect(self._suggest)
        self.first.dateChanged.connect(self._suggest)
        self.last.dateChanged.connect(self._suggest)
        self._suggest()

    @property
    def suffix(self) -> str:
        return str(self.format.currentData())

    def _suggest(self) -> None:
        """A file name from the period, in the chosen folder, with the chosen format."""
        first, last = _day(self.first.date()), _day(self.last.date())
        current = Path(self.path.text()) if self.path.text() else None
        folder = current.parent if current is not None else self._folder
        name = f"feedback-{first.isoformat()}-{last.isoformat()}.{self.suffix}"
        self.path.setText(str(folder / name))

    def _choose(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), self.format.currentText()
        )
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() != f".{self.suffix}":
                path = path.with_suffix(f".{self.suffix}")
            self.path.setText(str(path))

    def _accept(self) -> None:
        first, last = _day(self.first.date()), _day(self.last.date())
        path = Path(self.path.text().strip()).expanduser()
        problems = []
        if first > last:
            problems.append(self.tr("The period starts after it ends."))
        if not self.path.text().strip():
            problems.append(self.tr("Choose a file."))
        elif not path.parent.is_dir():
            problems.append(
                self.tr("The folder {folder} does not exist.").format(folder=path.parent)
            )
        if problems:
            self.problem.setText("\n".join(problems))
            self.problem.setToolTip(plain_tooltip("\n".join(problems)) or "")
            return
        self.export_requested.emit(first, last, path)
        self.accept()
