"""What a tab of the main window is: a widget that loads its data in the background."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from feedback_desk.ui.context import WindowContext


class TabPage(QWidget):
    """A main-window tab. :meth:`refresh` starts its background loads and returns at once."""

    def __init__(self, context: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = context.tasks_for(self)

    def refresh(self) -> None:
        raise NotImplementedError

    def is_idle(self) -> bool:
        """True when nothing of the tab's own is pending (e.g. a chart about to re-render after
        a resize); background queries are the context's and counted by the window."""
        return True
