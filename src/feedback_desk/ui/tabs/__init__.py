"""The main window's tabs, built from a list of tab specs.

A feature replaces a tab by changing its entry in :func:`default_tabs` (or passes its own list to
``MainWindow(tabs=...)``); the window keeps the order, remembers the last tab by its key, and
``feedback-desk screenshot --tab KEY`` renders a tab by the same key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from feedback_desk.ui.context import WindowContext
    from feedback_desk.ui.tabs.base import TabPage


@dataclass(frozen=True)
class TabSpec:
    key: str  # stable: QSettings and `screenshot --tab` use it
    title: Callable[[], str]  # translated when the window is built
    factory: str  # "module:Class", imported when the window is built

    def create(self, context: WindowContext) -> TabPage:
        module_name, _, class_name = self.factory.partition(":")
        page_class = getattr(import_module(module_name), class_name)
        page: TabPage = page_class(context)
        return page


def _title(text: str) -> Callable[[], str]:
    return lambda: QCoreApplication.translate("MainWindow", text)


def default_tabs() -> list[TabSpec]:
    return [
        TabSpec("overview", _title("Overview"), "feedback_desk.ui.tabs.overview:OverviewTab"),
        TabSpec(
            "business",
            _title("Business reviews"),
            "feedback_desk.ui.tabs.business:BusinessReviewsTab",
        ),
        TabSpec("class", _title("Class reviews"), "feedback_desk.ui.tabs.classes:ClassReviewsTab"),
        TabSpec(
            "google",
            _title(QT_TRANSLATE_NOOP("MainWindow", "Google reviews")),
            "feedback_desk.ui.tabs.google_tab:GoogleReviewsTab",
        ),
    ]
