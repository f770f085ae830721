"""A dialog around a view that is a plain widget (the Outbox, Non-respondents): a title, the view,
Close; closing it stops the view's background work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget


class HostDialog(QDialog):
    def __init__(self, title: str, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def done(self, result: int) -> None:
        # The view's closeEvent joins its worker threads before the dialog is deleted.
        self.view.close()
        super().done(result)
