"""What each feature adds to the main window, one small module each, so that the window itself
stays about tabs, stores and menus' skeleton.

A feature is installed once (its menu entries, its status-bar widgets), retranslated once the
window is built and at every change of the interface language, attached to every store
the window opens (the workers that run for that store), detached before that store closes, and
shut down with the window. A tab is built when first shown: a feature that connects to a tab's
signals listens to ``MainWindow.page_created``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.main_window import MainWindow


class WindowFeature(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def install(self) -> None:
        """Menu entries and status-bar widgets (once)."""

    def retranslate(self) -> None:
        """Set the texts of its menu entries and banners (called once the window is built and
        whenever the interface language changes; widgets of its own follow by themselves)."""

    def attach(self, context: WindowContext) -> None:
        """A store was opened (before its tabs are built)."""

    def detach(self) -> None:
        """The open store is about to close: stop and join what runs for it."""

    def shutdown(self) -> None:
        """The window is closing."""
        self.detach()

    @property
    def busy(self) -> bool:
        """Background work of this feature is under way (screenshots wait for it)."""
        return False
