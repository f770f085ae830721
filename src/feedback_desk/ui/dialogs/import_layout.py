"""How the file is written, as the mapping step shows it: its encoding and separator, how each
date column writes its dates, and the choice of day/month or month/day for this file."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from feedback_desk.services.importing import ColumnGuess, DateDetection, ImportPreview
from feedback_desk.services.importing.problems import quoted

DAY_FIRST, MONTH_FIRST = "dmy", "mdy"


def plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # file names and values are shown as written
    label.setWordWrap(True)
    return label


class FileLayout(QWidget):
    """The file's encoding, separator and dates; the order of day and month for this file."""

    date_order_chosen = Signal(str)  # "dmy" or "mdy"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading_label = plain_label(self)
        self.dates_label = plain_label(self)
        self.order_box = QComboBox(self)
        self.order_box.addItem(self.tr("day/month/year"), DAY_FIRST)
        self.order_box.addItem(self.tr("month/day/year"), MONTH_FIRST)
        self.order_box.setAccessibleName(self.tr("Dates are written"))
        self.order_box.activated.connect(
            lambda _index: self.date_order_chosen.emit(self.order_box.currentData())
        )
        self.order_label = QLabel(self.tr("Dates are written:"), self)
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_label)
        order_row.addWidget(self.order_box)
        order_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reading_label)
        layout.addWidget(self.dates_label)
        layout.addLayout(order_row)
        self.clear()

    @property
    def date_order(self) -> str:
        return str(self.order_box.currentData())

    def set_date_order(self, order: str) -> None:
        self.order_box.setCurrentIndex(max(self.order_box.findData(order), 0))

    def clear(self) -> None:
        self.reading_label.clear()
        self.dates_label.clear()
        self._show_order(False)

    def _show_order(self, visible: bool) -> None:
        self.order_label.setVisible(visible)
        self.order_box.setVisible(visible)

    def show_file(self, preview: ImportPreview) -> None:
        self.reading_label.setText(self.reading(preview))
        lines = [
            self.dates(_header_of(name, preview.columns), detection)
            for name, detection in preview.dates.items()
        ]
        self.dates_label.setText("\n".join(lines))
        self.dates_label.setVisible(bool(lines))
        # Day and month can only be swapped for dates written with numbers (no format).
        choosable = any(
            d.order in ("dmy", "mdy", "setting", "mixed") for d in preview.dates.values()
        )
        self._show_order(choosable)

    def reading(self, preview: ImportPreview) -> str:
        if preview.delimiter is None:
            return self.tr("The file cannot be read as a CSV file.")
        separators = {
            ",": self.tr("commas"),
            ";": self.tr("semicolons"),
            "\t": self.tr("tabs"),
        }
        separator = separators.get(preview.delimiter, quoted(preview.delimiter))
        if preview.encoding_guessed:
            return self.tr(
                "Not UTF-8: read as {encoding}. Values separated by {separator}."
            ).format(encoding=preview.encoding, separator=separator)
        return self.tr("Read as {encoding}. Values separated by {separator}.").format(
            encoding=preview.encoding, separator=separator
        )

    def dates(self, header: str, detection: DateDetection) -> str:
        column = quoted(header)
        example = detection.evidence or ""
        if detection.order == DAY_FIRST:
            text = self.tr("day/month/year (as {example} shows)")
        elif detection.order == MONTH_FIRST:
            text = self.tr("month/day/year (as {example} shows)")
        elif detection.order == "setting":
            text = self.tr("each date could be day/month or month/day: choose below")
        elif detection.order == "mixed":
            text = self.tr(
                "both orders appear ({example}): the file mixes two ways of writing dates"
            )
        elif detection.order == "iso":
            text = self.tr("year-month-day")
        elif detection.order == "format":
            text = self.tr("read with the format {example}")
        else:
            text = self.tr("no date read in the first rows")
        return self.tr("Dates of {column}: {how}").format(
            column=column, how=text.format(example=example)
        )


def _header_of(field: str, columns: Sequence[ColumnGuess]) -> str:
    return next((c.header for c in columns if c.field == field), field)
