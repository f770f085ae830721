"""The confirmation of a bulk close: how many actions, then one outcome and note for them all."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from feedback_desk.ui.dialogs.close_action import CloseActionDialog


class BulkCloseDialog(CloseActionDialog):
    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self.setWindowTitle(self.tr("Close actions"))
        self.question = QLabel(
            self.tr("Close 1 action?")
            if count == 1
            else self.tr("Close {count} actions?").format(count=QLocale().toString(count))
        )
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.question.setStyleSheet("font-weight: bold;")
        form = self.layout()
        assert isinstance(form, QFormLayout)
        form.insertRow(0, self.question)
        hint = QLabel(self.tr("Each action keeps this outcome and note; Undo reopens them."))
        hint.setWordWrap(True)
        form.insertRow(form.rowCount() - 1, hint)  # above the buttons
