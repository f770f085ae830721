"""A dialog around a view that is a plain widget (the Outbox, Non-respondents): a title, the view,
Close. It is deleted once closed, and the view with it: the view's background work then stops
reaching it (its tasks belong to the window's context, which drops their outcomes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from feedback_desk.ui.retranslating import Retranslating


class HostDialog(Retranslating, QDialog):
    """*title* says the window's title in the interface language of the moment (it stays open
    while the language changes: the Outbox beside Settings)."""

    def __init__(
        self, title: Callable[[], str], view: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._title = title
        self.retranslate()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
