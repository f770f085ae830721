"""The mapping step's table: each column of the file, the field it goes to (a combo: any field of
the kind, or "ignore") and why (the alias it was recognised by, the preset, the user's choice)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from feedback_desk.services.importing import ColumnGuess, Evidence, ImportKind, aliases_of
from feedback_desk.services.importing.problems import quoted

HEADER, FIELD, WHY, SAMPLE = range(4)


class ColumnsTable(QTableWidget):
    """One row per column of the file; choosing a field emits :attr:`field_chosen`."""

    field_chosen = Signal(str, object)  # the column's header, its field (None: ignore it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Column in the file"),
                self.tr("Goes to"),
                self.tr("Why"),
                self.tr("First value"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._kind: ImportKind | None = None
        self._headers: tuple[str, ...] = ()

    def combo(self, row: int) -> QComboBox:
        widget = self.cellWidget(row, FIELD)
        assert isinstance(widget, QComboBox)
        return widget

    def row_of(self, header: str) -> int:
        return self._headers.index(header)

    def show_columns(
        self,
        kind: ImportKind,
        fields: Sequence[str],
        guesses: Sequence[ColumnGuess],
        reasons: Sequence[str],
        samples: Sequence[str],
    ) -> None:
        """Show each column's field and *reasons* (why, in words); the combos are rebuilt only
        when the file's columns or the kind changed, so that a choice keeps the focus."""
        headers = tuple(g.header for g in guesses)
        if (kind, headers) != (self._kind, self._headers):
            self._kind, self._headers = kind, headers
            self._rebuild(kind, fields, headers)
        for row, guess in enumerate(guesses):
            combo = self.combo(row)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(guess.field), 0))
            combo.blockSignals(False)
            self._text(row, WHY, reasons[row])
            self._text(row, SAMPLE, samples[row] if row < len(samples) else "")
            # Bold: a column the mapping (the user's choices, the preset) decides.
            item = self.item(row, HEADER)
            if item is not None:
                font = item.font()
                font.setBold(guess.evidence in (Evidence.MAPPING, Evidence.IGNORED))
                item.setFont(font)

    def reason(
        self, guess: ColumnGuess, guesses: Sequence[ColumnGuess], *, mine: bool, preset: str | None
    ) -> str:
        """Why the column goes where it goes: *mine* when the user chose it here, *preset* the
        name of the preset that said so."""
        evidence = guess.evidence
        if evidence in (Evidence.MAPPING, Evidence.IGNORED):
            ignored = evidence is Evidence.IGNORED
            if mine:
                return self.tr("ignored: your choice") if ignored else self.tr("your choice")
            if preset:
                return (
                    self.tr("ignored by the preset {name}")
                    if ignored
                    else self.tr("the preset {name}")
                ).format(name=quoted(preset))
            return self.tr("ignored by the mapping") if ignored else self.tr("the mapping")
        if evidence is Evidence.NAME:
            return self.tr("its name")
        if evidence is Evidence.ALIAS:
            return self.tr("recognised as {alias}").format(alias=quoted(guess.alias or ""))
        if evidence is Evidence.SHADOWED:
            winner = next((g.header for g in guesses if g.field == guess.candidate), "")
            return self.tr("ignored: column {other} gives {field}").format(
                other=quoted(winner), field=guess.candidate or ""
            )
        return self.tr("not recognised: ignored")

    def _rebuild(self, kind: ImportKind, fields: Sequence[str], headers: Sequence[str]) -> None:
        self.setRowCount(len(headers))
        for row, header in enumerate(headers):
            self._text(row, HEADER, header)
            combo = QComboBox(self)
            combo.addItem(self.tr("(ignore)"), None)
            for field in fields:
                combo.addItem(field, field)
                names = ", ".join(quoted(name) for name in aliases_of(kind, field))
                combo.setItemData(
                    combo.count() - 1,
                    self.tr("Columns named {names}").format(names=names),
                    Qt.ItemDataRole.ToolTipRole,
                )
            combo.setAccessibleName(self.tr("Field for column {header}").format(header=header))
            combo.currentIndexChanged.connect(
                lambda _index, c=combo, h=header: self.field_chosen.emit(h, c.currentData())
            )
            self.setCellWidget(row, FIELD, combo)

    def _text(self, row: int, column: int, text: str) -> None:
        # Items show plain text: the file's headers and values can never be rich text here.
        first_line = text.partition("\n")[0]
        item = self.item(row, column)
        if item is None:
            self.setItem(row, column, QTableWidgetItem(first_line))
        else:
            item.setText(first_line)
